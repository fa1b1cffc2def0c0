"""Shared fixtures: every test gets its own temporary data dir; nothing touches ~."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from tenant_inspect.locations import DataDir, resolve_data_dir

#: Young-generation threshold for the cyclic garbage collector in test processes (Python's
#: default is 700). See :func:`pytest_collection_finish`.
GC_THRESHOLD = (10_000, 10, 10)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Collect garbage less often in this (worker) process: about a fifth of a Pilot test's
    CPU went on the collector walking the same long-lived objects again and again.

    What collection imported (Textual, SQLAlchemy, the models, every test module) is frozen,
    so full collections leave it out, as the app itself does once it has started
    (``screens/app.py``); and young collections run after 10,000 new objects instead of 700.
    Garbage is still collected, only in larger batches: nothing a test asserts depends on
    when. (``cli.main`` unfreezes when it returns, so after an in-process command the frozen
    objects are walked again as usual.)
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep tests away from the real user data dir and make Textual deterministic."""
    monkeypatch.setenv("TENANT_INSPECT_DATA_DIR", str(tmp_path / "env-data"))
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return resolve_data_dir(tmp_path / "data")


@pytest.fixture
def store(data_dir: DataDir) -> Iterator[object]:
    """A store on the test's data dir: an empty database at the current schema.

    The database is a copy of one migrated once per worker (see ``tests/support/empty_db.py``);
    tests of creating or migrating a database open their own.
    """
    from tenant_inspect.store import open_store
    from tests.support.empty_db import empty_data_dir

    s = open_store(empty_data_dir(data_dir))
    try:
        yield s
    finally:
        s.close()
