"""Run a command in a real process and say which heavy libraries it imported.

Why: a command that must not load the ORM (``list``, ``doctor``, ``report``, ``bundle
import``, ``sync``) is checked by what it imports, never by timing. The probe runs
``cli.main`` with stdout captured, then prints the exit status and the sorted names of
any SQLAlchemy, SQLModel, Alembic or python-docx module, or of the models, it loaded.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROBE = r"""
import sys, io, contextlib
from tenant_inspect.cli import main
argv = sys.argv[1:]
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(argv)
heavy = sorted(
    m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "sqlmodel", "alembic", "docx")
    or m == "tenant_inspect.models"
)
print(code, heavy)
"""


def heavy_imports(data_dir: Path, *args: str) -> tuple[str, str]:
    """(``"<exit status> <heavy modules>"``, stderr) of the command on ``data_dir``:
    ``("0 []", "")`` for a light command that succeeded quietly."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE, "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    return out.stdout.strip(), out.stderr
