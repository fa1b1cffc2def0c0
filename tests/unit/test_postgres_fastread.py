"""The light readers on a server (plain psycopg, no ORM) answer what the store answers.

The list, the programme views and the dashboard's overview read through the light path are
equal to the same readers run on the store's session; the connection is made as the
engine's (same settings, one read-only snapshot); an out-of-date schema or a server that
cannot be reached leaves the answer to the store, which says what is wrong in one line; and
an inspector's login sees through it only what PostgreSQL lets that login see.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from tenant_inspect.demo import build_demo
from tenant_inspect.inspections import list_inspections
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.programme import read_programme
from tenant_inspect.sql_marks import runner
from tenant_inspect.storage.postgres.fastread import quick_read, quick_summaries
from tenant_inspect.storage.postgres.store import open_postgres_store
from tenant_inspect.views.overview import load_overview, read_overview
from tests.support.cli_run import cli_refused as refused
from tests.support.postgres import PostgresServer
from tests.support.programme_roles import Programme, programme_on
from tests.support.programme_seed import add_second_landlord

TODAY = date(2026, 12, 5)
SETTINGS = (
    "SELECT current_setting('DateStyle'), current_setting('TimeZone'), current_user, "
    "current_setting('search_path'), DATE '2026-01-31', '{\"a\": [1]}'::jsonb, now()"
)


@pytest.fixture(scope="module")
def server_demo(
    postgres_server: PostgresServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path, list[str]]]:
    """A server database with the small demo and a second inspection with an overdue item."""
    name = postgres_server.new_database()
    url = postgres_server.url(name)
    folder = tmp_path_factory.mktemp("pg-fastread") / "data"
    try:
        with open_postgres_store(resolve_data_dir(folder), url) as store:
            demo = build_demo(store, "small")
            with store.write() as s:
                other = add_second_landlord(s)
        yield url, folder, [demo, other]
    finally:
        postgres_server.drop_database(name)


def test_the_light_path_answers_what_the_store_answers(server_demo):
    url, folder, ids = server_demo
    with open_postgres_store(resolve_data_dir(folder), url) as store, store.read() as s:
        listed = list_inspections(s)
        programme = read_programme(runner(s.connection()), TODAY)
        overviews = [load_overview(s, i) for i in ids]
        settings = runner(s.connection())(SETTINGS)
    assert quick_summaries(url) == listed and len(listed) == 2
    assert quick_read(url, lambda run: read_programme(run, TODAY)) == programme
    assert programme.weaknesses and programme.overdue  # something to compare
    assert [quick_read(url, lambda run, i=i: read_overview(run, i)) for i in ids] == overviews
    # The same session as the store's (dates as ISO text, UTC), in one read-only snapshot.
    light = quick_read(url, lambda run: run(SETTINGS, ()))
    assert light is not None and list(light[0][:-1]) == list(settings[0][:-1])
    assert light[0][4:6] == ("2026-01-31", '{"a": [1]}')  # as SQLite gives them: text
    assert light[0][-1].utcoffset() == settings[0][-1].utcoffset() == timedelta(0)
    isolation = quick_read(
        url,
        lambda run: run(
            "SELECT current_setting('transaction_isolation'), "
            "current_setting('transaction_read_only')",
            (),
        ),
    )
    assert isolation == [("repeatable read", "on")]


def test_a_reader_that_refuses_is_left_to_the_store(server_demo):
    url, _, _ = server_demo
    assert quick_read(url, lambda run: read_overview(run, "no-such-inspection")) is None


def test_an_out_of_date_schema_is_left_to_the_store_which_says_why(
    postgres_server, tmp_path, pg_url
):
    import psycopg

    folder = tmp_path / "coordinator"
    assert quick_summaries(pg_url) is None  # no schema yet: the store creates it
    open_postgres_store(resolve_data_dir(folder), pg_url).close()
    assert quick_summaries(pg_url) == []
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f00dfeedbeef'")
    assert quick_summaries(pg_url) is None
    message = refused(folder, "--database", pg_url, "programme", "list")
    assert "newer version of tenant-inspect" in message and len(message.splitlines()) == 1


def test_a_server_that_cannot_be_reached_is_left_to_the_store_which_says_why(tmp_path):
    down = "postgresql://postgres@/x?host=" + str(tmp_path / "no-server-here")
    assert quick_summaries(down) is None
    assert quick_read(down, lambda run: run("SELECT 1", ())) is None
    message = refused(tmp_path / "laptop", "--database", down, "programme", "list")
    assert "cannot be reached" in message and len(message.splitlines()) == 1
    # A URL the store refuses is refused by the store, not half-read here.
    assert quick_summaries("postgresql://ann@server") is None  # no database named
    assert quick_summaries("mysql://a@b/c") is None


@pytest.fixture(scope="module")
def roles(
    postgres_server: PostgresServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Programme]:
    with programme_on(postgres_server, tmp_path_factory.mktemp("fastread-roles")) as p:
        yield p


def test_an_inspector_sees_only_their_inspections_and_names_through_it(roles):
    p = roles
    ann = p.login_url("ann")
    [mine] = quick_summaries(ann) or []
    assert mine.id == p.a
    assert {s.id for s in quick_summaries(p.url) or []} == {p.a, p.b}  # the administrator
    assert quick_read(ann, lambda run: read_overview(run, p.b)) is None  # not theirs
    assert quick_read(ann, lambda run: read_overview(run, p.a)) is not None
    names = quick_read(ann, lambda run: dict(run("SELECT id, interviewee_name FROM interview", ())))
    assert names == {p.interviews["A:Ann"]: "Alice Secret", p.interviews["A:Bob"]: ""}
    # Nothing may be written on the light connection, even where the login could write.
    for who, sql in ((ann, "UPDATE finding SET text = 'x'"), (p.url, "DELETE FROM finding")):
        assert quick_read(who, lambda run, sql=sql: run(sql + " RETURNING id", ())) is None
    with p.connect() as conn:
        assert conn.execute("SELECT count(*) FROM finding").fetchone() == (2,)


LIGHT = r"""
import sys, io, contextlib
from tenant_inspect.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
print(code, sorted(m for m in ("sqlalchemy", "sqlmodel", "alembic", "textual") if m in sys.modules))
"""


@pytest.mark.parametrize(
    "args", [["list"], ["programme", "list"], ["programme", "weaknesses", "--json"]]
)
def test_commands_on_the_server_load_no_orm(server_demo, tmp_path, args):
    url, _, _ = server_demo
    argv = [sys.executable, "-c", LIGHT, "--data-dir", str(tmp_path), "--database", url, *args]
    out = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "0 []", out.stderr


def test_a_file_merged_on_the_server_before_is_answered_by_the_light_path(
    server_demo, pg_url, tmp_path
):
    from tenant_inspect import merged_files
    from tenant_inspect.storage.postgres.backend import PostgresBackend
    from tests.support.cli_run import cli_ok as ok

    url, folder, ids = server_demo
    kit = tmp_path / "kit.tikit"
    ok(folder, "--database", url, "bundle", "export", ids[1], "-o", str(kit))
    backend = PostgresBackend(resolve_data_dir(tmp_path / "laptop", pg_url), pg_url)
    file_digest = merged_files.digest(kit)
    assert file_digest is not None
    assert backend.merged_files([file_digest]) is None  # no schema yet: the store's to answer
    first = ok(tmp_path / "laptop", "--database", pg_url, "bundle", "import", str(kit))
    found = backend.merged_files([file_digest])
    assert found is not None and found[file_digest].inspection_id == ids[1]
    again = ok(tmp_path / "laptop", "--database", pg_url, "bundle", "import", str(kit))
    assert "added" in first and again == found[file_digest].result(kit).line() + "\n"
