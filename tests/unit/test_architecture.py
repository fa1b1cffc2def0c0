"""The shape of the code: layers, no cycles, small modules.

These keep the restructuring of issue 10 true as the code grows: the core is usable without
Textual, screens never touch the database layer themselves, no two sibling modules import
each other in a circle, no screen module imports another, and no module grows past ~400
lines (data such as the demo's texts and generated migrations excepted).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: "~400 lines": a little slack so a docstring does not force a split.
MAX_LINES = 420
#: Data, not logic: the demo's sample texts and Alembic's generated revisions.
DATA_MODULES = {"tenant_inspect/demo.py"}


def test_import_contracts_hold() -> None:
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_no_module_is_over_about_400_lines() -> None:
    too_long = {}
    for package in ("tenant_inspect", "screens"):
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel in DATA_MODULES or "/migrations/versions/" in rel:
                continue
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MAX_LINES:
                too_long[rel] = lines
    assert not too_long, f"split these modules (over {MAX_LINES} lines): {too_long}"
