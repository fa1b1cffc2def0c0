"""Generated folder names: whatever characters a folder's name holds, the database is the one
inside it, and nothing is created beside it.

The fixed cases (``test_data_folder_names.py``) are the ones that once went wrong; this
draws names from the characters that mean something to SQLite URIs, shells and file systems
(``? # % & = ; ' "`` spaces, dots, non-ASCII letters, combining accents) for the soak's
"paths" family.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from fuzz_log import FUZZ_EXAMPLES, record
from hypothesis import given, settings
from hypothesis import strategies as st

from tenant_inspect.cli import main
from tenant_inspect.locations import resolve_data_dir

ALPHABET = "ab?#%&=;'\" .-_~Zé\u0301Ōß漢"


def folder_names() -> st.SearchStrategy[str]:
    return st.text(alphabet=ALPHABET, min_size=1, max_size=12).filter(
        lambda s: s.strip(" .") == s and s not in {".", ".."} and len(os.fsencode(s)) < 200
    )


@settings(max_examples=max(6, FUZZ_EXAMPLES // 6), deadline=None, derandomize=True)
@given(name=folder_names())
def test_any_folder_name_keeps_the_data_inside_the_folder(name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        parent = Path(tmp) / "parent"
        parent.mkdir()
        folder = parent / name
        d = ["--data-dir", str(folder)]
        assert main([*d, "new", "--title", "Repairs", "--landlord", "Vale HA"]) == 0
        assert main([*d, "list"]) == 0
        assert main([*d, "doctor"]) == 0
        db = resolve_data_dir(folder).db_path
        conn = sqlite3.connect(db)
        try:
            assert [r[0] for r in conn.execute("SELECT title FROM inspection")] == ["Repairs"]
        finally:
            conn.close()
        assert [p.name for p in parent.iterdir()] == [name]
        record("folder-name", "accepted")
