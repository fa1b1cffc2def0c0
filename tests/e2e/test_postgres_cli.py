"""Every command on a PostgreSQL server (``--database`` / ``TENANT_INSPECT_DATABASE``).

The server is the test suite's own (``tests/support/postgres.py``). One walk through the
commands an inspection needs, ending with a round trip of bundles between the server and a
laptop's SQLite folder (dumps equal on both sides); and what has no meaning on a server, or
cannot work, refused in one line with exit status 1.
"""

from __future__ import annotations

import json

from tenant_inspect import analysis
from tenant_inspect.locations import DataDir, resolve_data_dir
from tenant_inspect.store import open_store
from tests.support.cli_run import cli_ok as ok
from tests.support.cli_run import cli_refused as refused


def test_commands_on_the_server_and_a_round_trip_with_a_laptop(tmp_path, pg_url):
    laptop, server_side = tmp_path / "laptop", tmp_path / "coordinator"
    db = ("--database", pg_url)
    inspection_id = ok(server_side, *db, "demo").strip()  # the empty database is set up first
    # Accepted after the command too, and from the environment.
    listed = json.loads(ok(server_side, "list", "--json", *db))
    assert [r["id"] for r in listed] == [inspection_id]
    env = {"TENANT_INSPECT_DATABASE": pg_url}
    assert json.loads(ok(server_side, "list", "--json", env=env)) == listed
    ok(server_side, *db, "report", inspection_id[:8], "-o", str(tmp_path / "x.docx"))
    assert (tmp_path / "x.docx").stat().st_size > 10_000
    ok(server_side, *db, "export", inspection_id, "--tables", "-o", str(tmp_path / "t.xlsx"))
    assert (tmp_path / "t.xlsx").is_file()
    # The programme views read the server the same way as a laptop's folder.
    [row] = json.loads(ok(server_side, *db, "programme", "list", "--json"))
    assert (row["id"], row["year"], row["overdue"]) == (inspection_id, 2026, 2)
    weaknesses = json.loads(ok(server_side, *db, "programme", "weaknesses", "--json"))
    assert weaknesses[0]["weaknesses"] >= 1 and weaknesses[0]["inspections"]
    assert len(json.loads(ok(server_side, *db, "programme", "overdue", "--json"))) == 2

    kit = tmp_path / "kit.tikit"
    ok(server_side, *db, "bundle", "export", inspection_id, "-o", str(kit))
    assert "added" in ok(laptop, "bundle", "import", str(kit))
    assert ok(server_side, *db, "dump", inspection_id) == ok(laptop, "dump", inspection_id)
    # The laptop changes two findings, the server one of them too: its return file goes back.
    edit(resolve_data_dir(laptop), inspection_id, {0: "Laptop, offline", 1: "Laptop only"})
    edit(resolve_data_dir(server_side, pg_url), inspection_id, {0: "Server, meanwhile"})
    back = tmp_path / "back.tikit"
    ok(laptop, "bundle", "export", inspection_id, "-o", str(back))
    assert "1 conflict" in ok(server_side, *db, "bundle", "import", str(back))
    assert "unchanged" in ok(server_side, *db, "bundle", "import", str(back))  # idempotent
    [conflict] = json.loads(ok(server_side, *db, "bundle", "conflicts", inspection_id, "--json"))
    # On a server it may have been two people at once, not two laptops: said so.
    assert "text changed in two places" in ok(
        server_side, *db, "bundle", "conflicts", inspection_id
    )
    resolved = ok(server_side, *db, "bundle", "resolve", conflict["id"], "--keep", "other")
    assert "text changed in two places" in resolved
    ok(server_side, *db, "bundle", "export", inspection_id, "-o", str(kit))
    ok(laptop, "bundle", "import", str(kit))
    on_server = ok(server_side, *db, "dump", inspection_id)
    assert "Laptop only" in on_server and "Server, meanwhile" in on_server
    # Equal but for the conflict rows, which stay where they were found (they never travel).
    assert without_conflicts(on_server) == without_conflicts(ok(laptop, "dump", inspection_id))
    # The plain-SQL readers give the same report and tables from either side.
    for folder, extra in ((server_side, db), (laptop, ())):
        ok(folder, *extra, "report", inspection_id, "-o", str(folder / "r.md"))
        (folder / "csv").mkdir()
        ok(folder, *extra, "export", inspection_id, "--tables", "-o", str(folder / "csv"))
    assert (server_side / "r.md").read_text() == (laptop / "r.md").read_text()
    for sheet in (laptop / "csv").iterdir():
        assert (server_side / "csv" / sheet.name).read_bytes() == sheet.read_bytes(), sheet.name


def without_conflicts(dump: str) -> dict[str, object]:
    data = json.loads(dump)
    data["tables"].pop("conflict")
    return dict(data)


def edit(data_dir: DataDir, inspection_id: str, texts: dict[int, str]) -> None:
    """Rewrite findings (by position) as an inspector would, through the store."""
    with open_store(data_dir) as store, store.write() as s:
        findings = analysis.findings(s, inspection_id)
        for index, text in texts.items():
            findings[index].text = text


def test_what_a_server_cannot_do_is_refused_in_one_line(tmp_path, pg_url, postgres_server):
    folder = tmp_path / "laptop"
    db = ("--database", pg_url)
    with_password = pg_url.replace("postgres@", "postgres:s3cret-pw@")
    report = ok(folder, "--database", with_password, "doctor")
    assert "not set up yet" in report  # doctor never migrates
    assert "s3cret-pw" not in report and "connection:        ok" in report
    assert "pg_dump" in refused(folder, *db, "backup")
    assert "pg_dump" in refused(folder, *db, "restore", str(tmp_path / "old.db"))
    assert "(current)" in ok(folder, *db, "doctor")

    assert "PostgreSQL URL" in refused(folder, "--database", "mysql://a@b/c", "list")
    wrong = postgres_server.password_url("postgres", "wrong-pw")
    message = refused(folder, "--database", wrong, "list")
    assert "refused the user name or password" in message and "wrong-pw" not in message
    missing = postgres_server.url("no_such_database")
    assert "does not exist" in refused(folder, "--database", missing, "list")
    down = "postgresql://postgres@/x?host=" + str(tmp_path / "no-server-here")
    assert "cannot be reached" in refused(folder, "--database", down, "list")
