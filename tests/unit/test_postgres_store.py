"""The PostgreSQL store's own promises, on the suite's server (``tests/support/postgres.py``):
the laptop's device id, writers taking turns, and a connection lost mid-save said in words."""

from __future__ import annotations

import threading

import pytest

from tenant_inspect import inspections
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.store import StorageProblem, Store, open_store


def test_rows_are_stamped_with_the_laptops_own_device_id(tmp_path, pg_url):
    laptop = resolve_data_dir(tmp_path / "laptop")
    with open_store(laptop) as local:  # the laptop's own SQLite settings
        device = local.device_id
    with open_store(resolve_data_dir(tmp_path / "laptop", pg_url)) as server:
        assert isinstance(server, Store) and server.device_id == device
        with server.write() as s:
            inspection = inspections.create_inspection(s, title="T", landlord="L")
        assert inspection.device_id == device and inspection.hlc.endswith(f"-{device}")
    with open_store(resolve_data_dir(tmp_path / "another laptop", pg_url)) as other:
        assert other.device_id != device  # each laptop its own, on the same server


def test_writers_on_two_laptops_take_turns_and_lose_nothing(tmp_path, pg_url):
    stores = [open_store(resolve_data_dir(tmp_path / name, pg_url)) for name in ("a", "b")]
    failures: list[BaseException] = []

    def write(store: Store, name: str) -> None:
        try:
            for n in range(10):
                with store.write() as s:
                    inspections.create_inspection(s, title=f"{name}{n}", landlord="L")
        except BaseException as exc:  # reported below, with the others
            failures.append(exc)

    threads = [
        threading.Thread(target=write, args=(st, f"{i}-")) for i, st in enumerate(stores * 2)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert failures == []
        with stores[0].read() as s:
            assert len(inspections.list_inspections(s)) == 40
    finally:
        for store in stores:
            store.close()


def test_a_connection_lost_while_saving_is_said_in_words(tmp_path, pg_url, postgres_server):
    import psycopg

    with open_store(resolve_data_dir(tmp_path / "laptop", pg_url)) as store:
        lost = "connection to the PostgreSQL server was lost"
        with pytest.raises(StorageProblem, match=lost), store.write() as s:
            pid = s.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
            with psycopg.connect(
                host=str(postgres_server.folder), user="postgres", autocommit=True
            ) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            inspections.create_inspection(s, title="T", landlord="L")
            s.flush()
        with store.read() as s:  # the next session connects again
            assert inspections.list_inspections(s) == []


def test_a_value_wider_than_its_column_is_refused_in_words(tmp_path, pg_url):
    """SQLite ignores a column's declared width; PostgreSQL does not. Nothing is half-saved."""
    from tenant_inspect import models as m
    from tenant_inspect.errors import UserError

    with open_store(resolve_data_dir(tmp_path / "laptop", pg_url)) as store:
        with (
            pytest.raises(UserError, match=r"server refused a value .*too long"),
            store.write() as s,
        ):
            inspection = inspections.create_inspection(s, title="T", landlord="L")
            s.add(m.AppSetting(key="k", value="v"))
            inspection.report_number = "x" * 51  # declared as 50 characters
            s.flush()
        with store.read() as s:
            assert inspections.list_inspections(s) == []
