"""A programme server set up for members (``server init``), with two inspections, for the
access-control tests (``tests/unit/test_server_roles.py``, ``tests/e2e/test_server_cli.py``).

Inspection A: coordinator Cora, inspectors Ann and Bob, one interview recorded by each (with
a name), one finding. Inspection B: its own team (an "Ann" too, a different member row), one
interview and one finding; nobody of A's logins sees it until ``add-member``. Login role
names end in a random suffix: roles are cluster-wide, and :func:`drop_logins` removes them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tenant_inspect import analysis, fieldwork, inspections
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.storage.postgres.access import add_member, init_server
from tenant_inspect.storage.postgres.store import open_postgres_store
from tests.support.postgres import PostgresServer


@dataclass
class Programme:
    server: PostgresServer
    database: str
    url: str
    a: str
    b: str
    members: dict[str, str] = field(default_factory=dict)  # "A:Ann" → member id
    interviews: dict[str, str] = field(default_factory=dict)  # "A:Ann" → interview id
    findings: dict[str, str] = field(default_factory=dict)  # "A" → finding id
    logins: dict[str, str] = field(default_factory=dict)  # "ann" → login role

    def login_url(self, who: str) -> str:
        return f"postgresql://{self.logins[who]}@/{self.database}?host={self.server.folder}"

    def connect(self, who: str | None = None) -> Any:
        """A psycopg connection as ``who``'s login (None: the administrator), autocommit."""
        import psycopg

        user = self.logins[who] if who else self.server.user
        return psycopg.connect(
            host=str(self.server.folder), user=user, dbname=self.database, autocommit=True
        )


def build(server: PostgresServer, tmp: Path) -> Programme:
    database = server.new_database()
    url = server.url(database)
    init_server(url)
    with open_postgres_store(resolve_data_dir(tmp / "admin"), url) as store:
        with store.write() as s:
            a = inspections.create_inspection(s, title="Repairs 2027", landlord="Northside").id
            b = inspections.create_inspection(s, title="Estates 2027", landlord="Southside").id
        p = Programme(server, database, url, a, b)
        for insp, name, role in (
            ("A", "Cora", "coordinator"),
            ("A", "Ann", "inspector"),
            ("A", "Bob", "inspector"),
            ("B", "Ann", "inspector"),
            ("B", "Dee", "coordinator"),
        ):
            with store.write() as s:
                iid = a if insp == "A" else b
                member = inspections.add_member(s, iid, name=name, role=role)
                p.members[f"{insp}:{name}"] = member.id
        for key, person in (("A:Ann", "Alice Secret"), ("A:Bob", "Bert Hidden"), ("B:Ann", "Zed")):
            insp = a if key.startswith("A") else b
            with store.write(author_id=p.members[key]) as s:
                interview = fieldwork.add_interview(
                    s, insp, interviewee_role="Repairs manager", interviewee_name=person
                )
                p.interviews[key] = interview.id
        for key, insp in (("A", a), ("B", b)):
            with store.write() as s:
                finding = analysis.add_finding(s, insp, kind="weakness", text=f"Slow in {key}")
                p.findings[key] = finding.id
    with p.connect() as conn:  # the shared settings: whose laptop a device is, per inspection
        for insp in (a, b):
            conn.execute("INSERT INTO app_setting VALUES (%s, 'someone')", (f"laptop:{insp}:d1",))
    suffix = uuid.uuid4().hex[:8]
    for who, member in (("cora", "Cora"), ("ann", "Ann"), ("bob", "Bob")):
        p.logins[who] = f"{who}_{suffix}"
        add_member(url, a, member, p.logins[who], lambda needed: "pw" if needed else None)
    return p


def drop_logins(p: Programme) -> None:
    """Drop the database, then the test's login roles (roles outlive databases)."""
    p.server.drop_database(p.database)
    with _admin(p) as conn:
        for role in p.logins.values():
            conn.execute(f"DROP ROLE IF EXISTS {role}")


def _admin(p: Programme) -> Any:
    import psycopg

    return psycopg.connect(
        host=str(p.server.folder), user=p.server.user, dbname="postgres", autocommit=True
    )


@contextmanager
def programme_on(server: PostgresServer, folder: Path) -> Iterator[Programme]:
    """:func:`build` for a module's tests, its logins dropped after them, whatever happened."""
    p = build(server, folder)
    try:
        yield p
    finally:
        drop_logins(p)
