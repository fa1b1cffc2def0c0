"""``server init | add-member | remove-member`` as commands, and the app logged in as a member.

The app connected as an inspector's login works on that member's inspection (``list``,
``dump``, ``report``, recording an interview whose name the recorder reads back) and knows
nothing of the others; the server commands refuse in one line what they cannot do.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tenant_inspect import analysis, fieldwork, inspections
from tenant_inspect.errors import UserError
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.migrations import KNOWN_REVISIONS, SCHEMA_HEAD
from tenant_inspect.storage.postgres.access import add_member
from tenant_inspect.storage.postgres.store import open_postgres_store
from tenant_inspect.store import open_store
from tests.support.cli_run import cli_ok as ok
from tests.support.cli_run import cli_refused as refused
from tests.support.postgres import PostgresServer
from tests.support.programme_roles import Programme, programme_on


@pytest.fixture(scope="module")
def programme(
    postgres_server: PostgresServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Programme]:
    with programme_on(postgres_server, tmp_path_factory.mktemp("cli")) as p:
        yield p


def test_the_app_as_an_inspector_works_on_their_inspection_only(programme, tmp_path):
    p = programme
    ann = ("--database", p.login_url("ann"))
    listed = json.loads(ok(tmp_path, *ann, "list", "--json"))
    assert [r["id"] for r in listed] == [p.a]
    dumped = json.loads(ok(tmp_path, *ann, "dump", p.a))
    text = json.dumps(dumped)
    assert "Alice Secret" in text and "Bert Hidden" not in text
    assert (
        "Slow in A"
        in ok(tmp_path, *ann, "report", p.a, "-o", str(tmp_path / "r.md"))
        + (tmp_path / "r.md").read_text()
    )
    assert "no inspection" in refused(tmp_path, *ann, "dump", p.b[:8]).lower()
    assert "inspector of 1 inspection" in ok(tmp_path, *ann, "doctor")
    # A file written from Ann's login leaves names out: Bob's blank is not an erased name.
    wrote = ok(tmp_path, *ann, "bundle", "export", p.a, "-o", str(tmp_path / "ann.tib"))
    assert "without interviewee names" in wrote
    cora = ("--database", p.login_url("cora"))
    wrote = ok(tmp_path, *cora, "bundle", "export", p.a, "-o", str(tmp_path / "cora.tib"))
    assert "with interviewee names" in wrote
    # An interview Ann records is hers: she reads its name back, Bob does not.
    with open_postgres_store(resolve_data_dir(tmp_path / "ann"), p.login_url("ann")) as store:
        with store.write() as s:
            new = fieldwork.add_interview(
                s, p.a, interviewee_role="Tenant", interviewee_name="Carol Private"
            ).id
        with store.read() as s:
            assert fieldwork.interviews(s, p.a)[-1].author_id == p.members["A:Ann"]
        refusal = pytest.raises(UserError, match="this login may not make that change")
        with refusal, store.write() as s:  # an inspector edits no inspection's details
            inspections.update_inspection(s, inspections.get_inspection(s, p.a), title="X")
    read = "SELECT interviewee_name FROM interview WHERE id = %s"
    with p.connect("ann") as conn:
        assert conn.execute(read, (new,)).fetchone() == ("Carol Private",)
    with p.connect("bob") as conn:
        assert conn.execute(read, (new,)).fetchone() == ("",)
    with p.connect("cora") as conn:
        assert conn.execute(read, (new,)).fetchone() == ("Carol Private",)


def test_server_commands_refuse_in_one_line(programme, tmp_path):
    p = programme
    secret = tmp_path / "pw"
    secret.write_text("s3cret\n")
    add = ("server", "add-member", p.url)
    assert "not an administrator" in refused(tmp_path, "server", "init", p.login_url("ann"))
    assert "no inspection" in refused(tmp_path, *add, "ffffff", "Ann", "--role", "x_1")
    assert "no team member" in refused(tmp_path, *add, p.a, "Nobody", "--role", "x_1")
    for role in ("tenant_inspect_inspector", "postgres"):
        assert "not a team member's login" in refused(
            tmp_path, *add, p.a, "Ann", "--role", role, "--password-file", str(secret)
        )
    assert "reserves" in refused(tmp_path, *add, p.a, "Ann", "--role", "pg_ann")
    assert "lower-case" in refused(tmp_path, *add, p.a, "Ann", "--role", "Robert'); --")
    assert "already Bob's login" in refused(tmp_path, *add, p.a, "Ann", "--role", p.logins["bob"])
    assert "--password-file" in refused(tmp_path, *add, p.a, "Ann", "--role", "x_new_login")
    assert "no member with access" in refused(
        tmp_path, "server", "remove-member", p.url, p.b, "Ann"
    )
    fresh = p.server.new_database()
    try:
        assert "server init" in refused(
            tmp_path, *("server", "add-member", p.server.url(fresh)), "a", "b", "--role", "x_1"
        )
    finally:
        p.server.drop_database(fresh)
    with p.connect() as conn:  # an older schema: a member may not upgrade it, and is told who may
        conn.execute("UPDATE alembic_version SET version_num = %s", (KNOWN_REVISIONS[-2],))
    try:
        stale = refused(tmp_path, "--database", p.login_url("ann"), "list")
    finally:
        with p.connect() as conn:
            conn.execute("UPDATE alembic_version SET version_num = %s", (SCHEMA_HEAD,))
    assert "administrator must run 'tenant-inspect server init'" in stale
    assert "row-level security" in ok(tmp_path, "server", "init", p.url)  # again: harmless
    assert "logs in as" in ok(
        tmp_path, *add, p.a, "Ann", "--role", p.logins["ann"], "--password-file", str(secret)
    )
    removed = ok(tmp_path, "server", "remove-member", p.url, p.a[:8], "Ann")
    assert "no longer sees" in removed and "has no inspection left" in removed
    with p.connect("ann") as conn:
        assert conn.execute("SELECT count(*) FROM inspection").fetchone() == (0,)
    # Back as it was, whichever order the module's tests run in.
    add_member(p.url, p.a, "Ann", p.logins["ann"], lambda needed: None)


def test_an_inspectors_laptop_syncs_through_their_own_login(programme, tmp_path):
    """Sync as a member: the laptop gets the member's inspection only, and no names (the
    file from a login that is withheld some names carries none, as --no-names); its
    changes reach the server without erasing anyone's name."""
    p = programme
    laptop, admin_folder = tmp_path / "bob-laptop", tmp_path / "admin"
    url = p.login_url("bob")
    ok(laptop, "sync", url, p.a)
    dumped = ok(laptop, "dump", p.a)
    assert "Bert Hidden" not in dumped and "Alice Secret" not in dumped
    refused(laptop, "sync", url, p.b)  # not Bob's inspection: as if it did not exist

    def on_server() -> tuple[dict[str, str], list[str]]:
        with (
            open_postgres_store(resolve_data_dir(admin_folder), p.url) as admin,
            admin.read() as s,
        ):
            names = {i.id: i.interviewee_name for i in fieldwork.interviews(s, p.a)}
            return names, [f.text for f in analysis.findings(s, p.a)]

    names_before, _ = on_server()
    with open_store(resolve_data_dir(laptop)) as store, store.write() as s:
        analysis.findings(s, p.a)[0].text = "Slow in A, says Bob's laptop"
    ok(laptop, "sync", url, p.a)
    names_after, texts = on_server()
    assert names_after == names_before  # nobody's name erased
    assert "Slow in A, says Bob's laptop" in texts
