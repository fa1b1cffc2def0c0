"""What ``doctor`` reports, and how it words commands and sizes.

Separate from :mod:`tenant_inspect.doctor` (which opens the storage back-end) so that each
back-end can add its own checks to a report without importing the module that chose it.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .locations import DataDir

#: How many of the newest backups are listed.
SHOW_BACKUPS = 5


@dataclass
class DoctorReport:
    lines: list[str] = field(default_factory=list)
    ok: bool = True

    def info(self, label: str, value: object) -> None:
        self.lines.append(f"{label + ':':<18} {value}")

    def problem(self, text: str) -> None:
        self.ok = False
        self.lines.append(f"PROBLEM: {text}")

    def note(self, text: str) -> None:
        self.lines.append(f"note: {text}")


def command(data_dir: DataDir, *args: str) -> str:
    """The exact command line to type for this data folder (quoted for this system)."""
    words = ["tenant-inspect"]
    if data_dir.source != "platformdirs":
        words += ["--data-dir", str(data_dir.path)]
    words += list(args)
    if sys.platform == "win32":  # pragma: no cover
        return subprocess.list2cmdline(words)
    return shlex.join(words)


def human_size(n: int) -> str:
    """A size as people read it: ``3.2 MiB``."""
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n / 1024:.0f} KiB"
