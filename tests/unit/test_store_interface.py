"""A second store could be plugged in: the app and the CLI use only the Store interface.

The check is structural: ``storage_backend`` is swapped for a back-end that hands out
stand-ins exposing *only* the members of :class:`~tenant_inspect.store.Store` and
:class:`~tenant_inspect.store.Backend` (everything else raises AttributeError), and the
CLI and the app then do their everyday work through them. A SQLite-only attribute reached
by the app or a command (``db_path``, ``engine`` ...) fails here, so a PostgreSQL back-end
that implements the two protocols is enough for both.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import pytest

from tenant_inspect import store as store_api
from tenant_inspect.locations import DataDir
from tenant_inspect.store import Backend, Store

ROOT = Path(__file__).resolve().parents[2]


def members(protocol: type) -> set[str]:
    """The public members a protocol declares (and the context-manager dunders it names)."""
    names = {n for n in vars(protocol) if not n.startswith("_")}
    return names | {n for n in ("__enter__", "__exit__") if n in vars(protocol)}


class InterfaceOnly:
    """Wraps a real object, letting through only the members of ``protocol``; records uses."""

    def __init__(self, real: Any, protocol: type, used: set[str]) -> None:
        object.__setattr__(self, "_real", real)
        object.__setattr__(self, "_allowed", members(protocol))
        object.__setattr__(self, "_name", protocol.__name__)
        object.__setattr__(self, "_used", used)

    def __getattr__(self, name: str) -> Any:
        if name not in self._allowed:
            raise AttributeError(f"{name!r} is not part of the {self._name} interface")
        self._used.add(f"{self._name}.{name}")
        value = getattr(self._real, name)
        if name == "open":  # a Backend opens a Store: hand out the Store's stand-in too
            return lambda **kw: InterfaceOnly(value(**kw), Store, self._used)
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"nobody may set {name!r} on a {self._name}")

    def __enter__(self) -> InterfaceOnly:
        self._used.add(f"{self._name}.__enter__")
        return self

    def __exit__(self, *exc: object) -> None:
        self._used.add(f"{self._name}.__exit__")
        self._real.__exit__(*exc)


@pytest.fixture
def used(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """Every back-end the code asks for is the interface-only stand-in of the SQLite one."""
    from tenant_inspect.storage.sqlite.backend import SqliteBackend

    seen: set[str] = set()

    def backend(data_dir: DataDir) -> InterfaceOnly:
        return InterfaceOnly(SqliteBackend(data_dir), Backend, seen)

    monkeypatch.setattr(store_api, "storage_backend", backend)
    return seen


def test_the_sqlite_store_satisfies_the_protocol(store):
    assert isinstance(store, Store)
    for name in members(Store):
        assert hasattr(store, name), name


def test_the_cli_works_through_the_interface_only(data_dir, used, capsys):
    from tenant_inspect.cli import main

    d = ["--data-dir", str(data_dir.path)]
    assert main([*d, "new", "--title", "Repairs", "--landlord", "Vale HA"]) == 0
    assert main([*d, "list"]) == 0
    assert main([*d, "backup", "--keep", "2"]) == 0
    backup = next(data_dir.backup_dir.glob("*-manual.db"))
    assert main([*d, "doctor"]) == 0
    assert main([*d, "restore", str(backup)]) == 0
    out = capsys.readouterr().out
    assert "Repairs (Vale HA)" in out and "All is well." in out
    assert f"into {data_dir.db_path}" in out
    assert {"Backend.open", "Store.write", "Backend.quick_summaries", "Store.backup"} <= used
    assert {"Backend.diagnose", "Backend.restore", "Backend.location"} <= used


async def test_the_app_works_through_the_interface_only(data_dir, used, monkeypatch):
    from screens.app import TenantInspectApp
    from screens.run import run_app
    from tenant_inspect import inspections

    store = store_api.open_store(data_dir)  # an existing database: the start-up backup runs
    with store.write() as session:
        inspections.create_inspection(session, title="Before", landlord="L")
    store.close()

    app = TenantInspectApp(data_dir)
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(await asyncio.to_thread(app.wait_store), InterfaceOnly)
        assert [s.title for s in app.quick_summaries() or []] == ["Before"]
        before = (app.quick_summaries() or [])[0].id
        assert (overview := app.quick_overview(before)) and overview.title == "Before"
        app.write(lambda s: inspections.create_inspection(s, title="Typed", landlord="L"))
        assert app.finish_saving()
        await app.workers.wait_for_complete()
    app.shutdown_store()
    assert app._change_watch is not None and app._change_watch.changed()
    assert list(data_dir.backup_dir.glob("*-on-start.db"))
    assert {"Store.watch_changes", "Store.is_new", "Store.rolling_backup"} <= used
    assert "Backend.quick_read" in used

    class Changed:
        def changed(self) -> bool:
            return True

        def close(self) -> None:
            pass

    def run(self: TenantInspectApp) -> int:
        self._change_watch = Changed()  # as if something had been saved in the session
        return 0

    monkeypatch.setattr(TenantInspectApp, "run", run)
    assert run_app(data_dir) == 0
    assert "Backend.rolling_backup" in used  # the exit backup, taken once the store has closed
    assert list(data_dir.backup_dir.glob("*-on-exit.db"))


@pytest.mark.parametrize("path", ["screens/app.py", "tenant_inspect/cli.py"])
def test_the_app_and_cli_name_nothing_sqlite(path: str):
    """A cheap guard beside the structural checks: no SQLite detail in their source."""
    source = (ROOT / path).read_text(encoding="utf-8")
    for pattern in (
        r"\bdb_path\b",
        r"\bsqlite3?\b",
        r"\bbackups\.",
        r"storage\.sqlite",
        r"\.lock\b",
    ):
        assert not re.search(pattern, source), f"{path} mentions {pattern}"
