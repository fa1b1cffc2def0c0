"""The demos built once per process and copied, for tests that read a demo rather than build it.

``build_demo`` writes a whole inspection through the services: about 0.75 s of CPU for the
small demo and 5 s for the large one, and a dozen test modules each built their own to
read. :func:`demo_data_dir` gives a data folder holding exactly what ``build_demo`` would
have written into a new one (a copy, made with SQLite's backup API, of a database where it
was built); the template is never written after it is built, and each caller gets its own
copy. The copy keeps the template's device id, as the laptop that built the demo would
have it, so every row's change stamps are the store's own as after ``build_demo``.

Under pytest-xdist the workers of one run share the templates (:data:`SHARED`, set by
``tests/conftest.py``): the first worker to need a demo builds it under a file lock and the
others wait for it and copy it, instead of each worker spending those 5 s of CPU again.

Tests of the demo itself (``tests/unit/test_demo.py``) and of commands that build it keep
calling ``build_demo`` or ``tenant-inspect demo``.
"""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

try:
    import fcntl
except ImportError:  # not POSIX: each process builds its own
    fcntl = None  # type: ignore[assignment]

from tenant_inspect.durable import create_private_file
from tenant_inspect.locations import DataDir, ensure_data_dir, resolve_data_dir
from tests.support.empty_db import empty_data_dir

_TEMPLATES: dict[str, tuple[Path, str]] = {}
#: A folder every worker of this test run can reach, where the templates are shared; empty:
#: this process builds its own (a run without xdist, or no file locks on this system).
SHARED: list[Path] = []


def _template(size: str) -> tuple[Path, str]:
    """The database holding the demo of this size, and its inspection id (made on first use)."""
    if size not in _TEMPLATES:
        if SHARED and fcntl is not None:
            _TEMPLATES[size] = _shared_template(SHARED[0], size)
        else:
            root = Path(tempfile.mkdtemp(prefix=f"demo-{size}-"))
            atexit.register(shutil.rmtree, root, ignore_errors=True)
            _TEMPLATES[size] = _build(root / "template", size)
    return _TEMPLATES[size]


def _build(folder: Path, size: str) -> tuple[Path, str]:
    from tenant_inspect.demo import build_demo
    from tenant_inspect.store import open_store

    data = empty_data_dir(resolve_data_dir(folder))
    store = open_store(data)
    try:
        inspection_id = build_demo(store, size)
    finally:
        store.close()
    return data.db_path, inspection_id


def _shared_template(shared: Path, size: str) -> tuple[Path, str]:
    """The template in ``shared``, built by whichever worker asks first; the others wait on
    the lock. Its id is written last, so a template whose build failed is built again."""
    assert fcntl is not None
    shared.mkdir(parents=True, exist_ok=True)
    made = shared / f"{size}.id"
    with open(shared / f"{size}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        folder = shared / size
        if made.exists():
            return resolve_data_dir(folder).db_path, made.read_text()
        shutil.rmtree(folder, ignore_errors=True)  # a build that failed part-way
        db_path, inspection_id = _build(folder, size)
        made.write_text(inspection_id)
        return db_path, inspection_id


def demo_data_dir(data_dir: DataDir, size: str = "small") -> str:
    """Put the demo of ``size`` into the new data folder ``data_dir``; its inspection id."""
    if data_dir.db_path.exists():
        raise FileExistsError(data_dir.db_path)
    template, inspection_id = _template(size)
    ensure_data_dir(data_dir)
    create_private_file(data_dir.db_path)  # 0600, as open_store makes it
    with (
        closing(sqlite3.connect(template)) as src,
        closing(sqlite3.connect(data_dir.db_path)) as dst,
    ):
        src.backup(dst)
    return inspection_id
