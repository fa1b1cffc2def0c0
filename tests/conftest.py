"""Shared fixtures: every test gets its own temporary data dir; nothing touches ~."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tenant_inspect.locations import DataDir, resolve_data_dir


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
    from tenant_inspect.store import open_store

    s = open_store(data_dir)
    try:
        yield s
    finally:
        s.close()
