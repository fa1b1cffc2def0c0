"""Open Word files the way many of their readers will: LibreOffice, saved as PDF.

One place for the conversion the tests make, with a profile of its own in the test's
folder (a shared profile is locked by a LibreOffice already running and makes the
conversion silently do nothing).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(documents: list[Path], folder: Path, *, timeout: float = 300) -> list[Path]:
    """Each of ``documents`` converted to PDF in ``folder`` by one LibreOffice run."""
    assert SOFFICE is not None, "LibreOffice is not installed"
    done = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{folder}/lo-profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), *map(str, documents)],
        capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip
    pdfs = [folder / f"{d.stem}.pdf" for d in documents]
    missing = [p.name for p in pdfs if not p.exists()]
    assert done.returncode == 0 and not missing, (missing, done.stderr)
    return pdfs
