"""Who sees what on a programme server, enforced by PostgreSQL itself (issue 13, part 4).

Logged in as an inspector with psycopg and hand-written SQL — not through the app — other
inspections and other people's interviewee names can neither be read nor written; a
coordinator reads every name of their inspection; ``add-member`` opens a second inspection
and ``remove-member`` closes it again; ``server init`` twice changes nothing.

One programme for the module (``tests/support/programme_roles.py``): every test leaves it as
it found it (a refused write changes nothing, and the membership test undoes itself).
"""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from psycopg import errors

from tenant_inspect.storage.postgres.access import add_member, init_server, remove_member
from tests.support.postgres import PostgresServer
from tests.support.programme_roles import Programme, programme_on


@pytest.fixture(scope="module")
def programme(
    postgres_server: PostgresServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Programme]:
    with programme_on(postgres_server, tmp_path_factory.mktemp("roles")) as p:
        yield p


def admin_value(p: Programme, sql: str, *params: object) -> object:
    with p.connect() as conn:
        row = conn.execute(sql, params).fetchone()
        return row[0] if row else None


def copy_row_sql(conn: psycopg.Connection, table: str, **replace: str) -> str:
    """``INSERT INTO table SELECT …`` copying one row (``WHERE id = %s``) with some columns
    replaced by parameters (in the order given)."""
    columns = [
        r[0]
        for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND table_name = %s ORDER BY ordinal_position",
            (table,),
        )
    ]
    chosen = ", ".join("%s" if c in replace else c for c in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) SELECT {chosen} FROM {table} WHERE id = %s"


def test_an_inspector_reads_only_their_inspections_and_their_own_names(programme):
    p = programme
    with p.connect("ann") as conn:
        assert [r[0] for r in conn.execute("SELECT id FROM inspection")] == [p.a]
        names = dict(conn.execute("SELECT id, interviewee_name FROM interview").fetchall())
        assert names == {p.interviews["A:Ann"]: "Alice Secret", p.interviews["A:Bob"]: ""}
        for table in ("finding", "team_member", "area", "interview_interviewer"):
            assert conn.execute(
                f"SELECT count(*) FROM {table} WHERE inspection_id = %s", (p.b,)
            ).fetchone() == (0,)
        # Bob's interview through the view, by id: there, but without its name.
        view = "SELECT interviewee_name FROM ti_member.interview WHERE id = %s"
        assert conn.execute(view, (p.interviews["A:Bob"],)).fetchone() == ("",)
        assert conn.execute(view, (p.interviews["B:Ann"],)).fetchone() is None
        # The table's name column itself: not even a filter on it is allowed.
        for sql in (
            "SELECT interviewee_name FROM public.interview",
            "SELECT id FROM public.interview WHERE interviewee_name LIKE 'B%'",
            "UPDATE public.interview SET notes = interviewee_name",
            "SELECT * FROM public.interview",
        ):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(sql)
        # Nor the names that merge conflicts keep (coordinators resolve those).
        assert conn.execute(
            "SELECT count(*) FROM conflict WHERE field = 'interviewee_name'"
        ).fetchone() == (0,)
        # Nor the shared settings naming another inspection.
        keys = [r[0] for r in conn.execute("SELECT key FROM app_setting")]
        assert keys == [f"laptop:{p.a}:d1"]


def test_an_inspector_cannot_write_other_inspections_or_other_names(programme):
    p = programme
    bob_interview, other = p.interviews["A:Bob"], p.interviews["B:Ann"]
    with p.connect("ann") as conn:
        done = conn.execute("UPDATE finding SET text = 'hacked' WHERE inspection_id = %s", (p.b,))
        assert done.rowcount == 0
        with pytest.raises(errors.InsufficientPrivilege):  # an inspector edits no title at all
            conn.execute("UPDATE inspection SET title = 'x' WHERE id = %s", (p.b,))
        assert (
            conn.execute("UPDATE interview SET notes = 'x' WHERE id = %s", (other,)).rowcount == 0
        )
        # Copy A's finding into B: refused by the policy, not merely hidden.
        insert = copy_row_sql(conn, "finding", id="", inspection_id="")
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute(insert, ("f" * 32, p.b, p.findings["A"]))
        insert = copy_row_sql(conn, "interview", id="", inspection_id="")
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute(insert, ("e" * 32, p.b, p.interviews["A:Ann"]))
        # Bob's name: overwriting or erasing it, or making oneself its recorder, all refused
        # or without effect, through the view and on the table.
        for sql, params in (
            ("UPDATE interview SET interviewee_name = 'Mine' WHERE id = %s", (bob_interview,)),
            (
                "UPDATE interview SET author_id = %s WHERE id = %s",
                (p.members["A:Ann"], bob_interview),
            ),
            (
                "UPDATE public.interview SET author_id = %s WHERE id = %s",
                (p.members["A:Ann"], bob_interview),
            ),
            (
                "UPDATE public.interview SET interviewee_name = 'Mine' WHERE id = %s",
                (bob_interview,),
            ),
        ):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(sql, params)
        conn.execute("UPDATE interview SET interviewee_name = '' WHERE id = %s", (bob_interview,))
        conn.execute("UPDATE public.interview SET notes = 'n' WHERE id = %s", (bob_interview,))
        assert conn.execute(
            "SELECT interviewee_name FROM interview WHERE id = %s", (bob_interview,)
        ).fetchone() == ("",)
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("DELETE FROM finding WHERE inspection_id = %s", (p.a,))
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO ti_access.member_role VALUES ('x', %s, 'y', 'coordinator')", (p.b,)
            )
    row = "SELECT author_id, interviewee_name FROM interview WHERE id = %s"
    with p.connect() as conn:
        assert conn.execute(row, (bob_interview,)).fetchone() == (p.members["A:Bob"], "Bert Hidden")
        assert conn.execute(
            "SELECT text FROM finding WHERE id = %s", (p.findings["B"],)
        ).fetchone() == ("Slow in B",)
        assert conn.execute("SELECT count(*) FROM finding").fetchone() == (2,)
    # Ann's own name she may change, through the view, as the app does.
    with p.connect("ann") as conn:
        conn.execute(
            "UPDATE interview SET interviewee_name = 'Alice S.' WHERE id = %s",
            (p.interviews["A:Ann"],),
        )
        conn.execute(
            "UPDATE interview SET interviewee_name = 'Alice Secret' WHERE id = %s",
            (p.interviews["A:Ann"],),
        )


def test_a_coordinator_reads_every_name_of_their_inspection_only(programme):
    p = programme
    with p.connect() as conn:  # a conflict about a name, kept by a merge
        conn.execute(
            "INSERT INTO conflict (id, inspection_id, table_name, row_id, field, kept_value, "
            "kept_hlc, other_value, other_hlc, created_at, resolution, kind) VALUES "
            "('c1', %s, 'interview', %s, 'interviewee_name', '\"Bert\"', '', '\"B.\"', '', "
            "'2027-01-01T00:00:00.000000+00:00', '', 'edit')",
            (p.a, p.interviews["A:Bob"]),
        )
    try:
        with p.connect("cora") as conn:
            names = dict(conn.execute("SELECT id, interviewee_name FROM interview").fetchall())
            assert names == {
                p.interviews["A:Ann"]: "Alice Secret",
                p.interviews["A:Bob"]: "Bert Hidden",
            }
            assert conn.execute("SELECT count(*) FROM conflict").fetchone() == (1,)
            assert conn.execute("SELECT count(*) FROM inspection").fetchone() == (1,)
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute("SELECT interviewee_name FROM public.interview")
        with p.connect("ann") as conn:
            assert conn.execute("SELECT count(*) FROM conflict").fetchone() == (0,)
    finally:
        with p.connect() as conn:
            conn.execute("DELETE FROM conflict WHERE id = 'c1'")


def test_add_member_opens_a_second_inspection_and_remove_member_closes_it(programme):
    p = programme
    asked: list[bool] = []

    def password(needed: bool) -> str | None:
        asked.append(needed)
        return None  # an existing login keeps its password

    done = add_member(p.url, p.b[:8], "ann", p.logins["ann"], password)
    assert (done.kind, done.created_role, asked) == ("inspector", False, [False])
    with p.connect("ann") as conn:
        assert {r[0] for r in conn.execute("SELECT id FROM inspection")} == {p.a, p.b}
        names = dict(conn.execute("SELECT id, interviewee_name FROM interview").fetchall())
        assert names[p.interviews["B:Ann"]] == "Zed"  # B's Ann recorded it: the same login
    # Bob's login as B's coordinator too: both groups' privileges, each for its inspection.
    done = add_member(p.url, p.b, "Dee", p.logins["bob"], password)
    assert done.kind == "coordinator"
    title = "UPDATE inspection SET title = title || '.' WHERE id = %s"
    with p.connect("bob") as conn:
        assert conn.execute(title, (p.b,)).rowcount == 1
        assert conn.execute(title, (p.a,)).rowcount == 0  # an inspector there
    remove_member(p.url, p.b, "Dee")
    with p.connect() as conn:
        conn.execute("UPDATE inspection SET title = rtrim(title, '.')")
    done = remove_member(p.url, p.b, p.logins["ann"])
    assert not done.role_left  # still in A
    with p.connect("ann") as conn:
        assert [r[0] for r in conn.execute("SELECT id FROM inspection")] == [p.a]
        assert conn.execute(
            "SELECT count(*) FROM finding WHERE inspection_id = %s", (p.b,)
        ).fetchone() == (0,)


FINGERPRINT = """
SELECT 'policy', tablename || ':' || policyname || ':' || qual || ':' || coalesce(with_check, '')
  FROM pg_policies WHERE schemaname IN ('public', 'ti_access')
UNION ALL SELECT 'grant', table_schema || '.' || table_name || ':' || grantee || ':' || privilege_type
  FROM information_schema.role_table_grants WHERE grantee LIKE 'tenant_inspect_%'
UNION ALL SELECT 'column', table_name || '.' || column_name || ':' || grantee || ':' || privilege_type
  FROM information_schema.column_privileges WHERE grantee LIKE 'tenant_inspect_%'
UNION ALL SELECT 'rls', relname || ':' || relrowsecurity::text FROM pg_class
  WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
UNION ALL SELECT 'trigger', tgname FROM pg_trigger WHERE NOT tgisinternal
UNION ALL SELECT 'member', rolname || ':' || inspection_id || ':' || kind FROM ti_access.member_role
ORDER BY 1, 2
"""


def test_server_init_twice_changes_nothing(programme):
    p = programme
    with p.connect() as conn:
        before = conn.execute(FINGERPRINT).fetchall()
    init_server(p.url)
    with p.connect() as conn:
        assert conn.execute(FINGERPRINT).fetchall() == before
    assert any(kind == "rls" and text == "finding:true" for kind, text in before)
    with p.connect("bob") as conn:  # and the members still work
        names = dict(conn.execute("SELECT id, interviewee_name FROM interview").fetchall())
        assert names == {p.interviews["A:Ann"]: "", p.interviews["A:Bob"]: "Bert Hidden"}


def test_every_synced_table_has_a_row_policy() -> None:
    """A table added to the schema later must not reach an inspector unfiltered: every synced
    table is either in the policies' list or has its own rules (``inspection``, ``interview``),
    and so is the local conflicts table (it travels in bundles and syncs)."""
    from tenant_inspect.models import SYNCED_MODELS
    from tenant_inspect.storage.postgres.access_sql import ROW_TABLES

    synced = {model.__tablename__ for model in SYNCED_MODELS}
    assert set(ROW_TABLES) == (synced - {"inspection", "interview"}) | {"conflict"}
    assert len(ROW_TABLES) == len(set(ROW_TABLES))
