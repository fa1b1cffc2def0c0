"""``server init``, ``server add-member`` and ``server remove-member``: who sees what on a server.

Each runs on the administrator's connection (the owner of the tables, with ``CREATEROLE``,
or a superuser) and in one transaction, so a refusal half-way leaves the server as it was.
The SQL and the reasons for its design are in :mod:`.access_sql`; this module resolves what
people type (an inspection's id prefix, a member's name) and says what went wrong in one line.

Passwords never travel as text: the client turns the password into a SCRAM verifier
(libpq's ``PQencryptPasswordConn``) and only that is sent, so it appears in no server log.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...errors import UserError
from . import access_sql as q

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

#: Login role names we create: plain identifiers, so they need no quoting anywhere.
_ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


@dataclass(frozen=True)
class Access:
    """What ``add-member`` / ``remove-member`` did, for the line the CLI prints."""

    role: str
    member: str
    kind: str
    inspection: str
    created_role: bool = False
    role_left: bool = False


def _connect(database: str) -> tuple[Engine, str]:
    from .engine import make_engine
    from .url import describe, engine_url

    url = engine_url(database)
    return make_engine(url), describe(url)


def _check_admin(conn: Connection, where: str) -> None:
    row = conn.exec_driver_sql(
        "SELECT r.rolsuper, r.rolcreaterole, "
        "COALESCE((SELECT c.relowner = r.oid FROM pg_class c "
        "WHERE c.oid = to_regclass('public.inspection')), true) "
        "FROM pg_roles r WHERE r.rolname = current_user"
    ).one()
    superuser, createrole, owner = row
    if not (superuser or (createrole and owner)):
        raise UserError(
            f"the {where} is not an administrator's connection: server commands need the "
            "owner of the database's tables with CREATEROLE, or a superuser"
        )


def _run(database: str, work: Any, *, migrate: bool = False) -> Any:
    from sqlalchemy import exc as sa_exc

    from .problems import connect_problem

    engine, where = _connect(database)
    try:
        if migrate:
            with engine.connect() as conn:
                _check_admin(conn, where)
            from .store import migrate_schema

            migrate_schema(engine, where)
        with engine.begin() as conn:
            _check_admin(conn, where)
            return work(conn, where)
    except sa_exc.OperationalError as exc:
        problem = connect_problem(exc, where)
        if problem is None:
            raise
        raise problem from None
    except sa_exc.DBAPIError as exc:
        # The server refused a statement (a privilege this login lacks, say): the whole
        # transaction is rolled back, and the administrator reads PostgreSQL's own words.
        reason = str(getattr(exc, "orig", exc)).splitlines()[0]
        raise UserError(f"the {where} refused: {reason}; nothing was changed") from None
    finally:
        engine.dispose()


def init_server(database: str) -> list[str]:
    """Schema (migrations), group roles, privileges, policies; what was set up, in words."""

    def work(conn: Connection, where: str) -> list[str]:
        columns = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = 'public' AND table_name = 'interview' "
                "ORDER BY ordinal_position"
            )
        ]
        for sql in (
            q.group_roles_sql(),
            q.SETUP,
            q.view_sql(columns),
            q.policies_sql(),
            q.grants_sql(columns),
        ):
            conn.exec_driver_sql(sql)
        return [
            f"schema current on the {where}",
            f"group roles {q.COORDINATOR} and {q.INSPECTOR}",
            "row-level security on every inspection's tables; interviewee names for "
            "coordinators and the interview's recorder only",
        ]

    result: list[str] = _run(database, work, migrate=True)
    return result


def _set_up(conn: Connection, where: str) -> None:
    if conn.exec_driver_sql(f"SELECT to_regclass('{q.ACCESS}.member_role')").scalar() is None:
        raise UserError(f"the {where} is not set up for members yet: run 'server init' first")


def _one(rows: Sequence[Any], what: str, typed: str, where: str) -> Any:
    if not rows:
        raise UserError(f"no {what} {typed!r} on the {where}")
    if len(rows) > 1:
        raise UserError(f"{typed!r} matches {len(rows)} {what}s; type more of it")
    return rows[0]


def _inspection(conn: Connection, typed: str, where: str) -> tuple[str, str]:
    rows = conn.exec_driver_sql(
        "SELECT id, title FROM inspection WHERE deleted_at IS NULL AND starts_with(id, %s)",
        (typed.strip().lower(),),
    ).all()
    row = _one(rows, "inspection", typed, where)
    return str(row[0]), str(row[1])


def _member(conn: Connection, inspection_id: str, typed: str, where: str) -> tuple[str, str, str]:
    rows = conn.exec_driver_sql(
        "SELECT id, name, role FROM team_member WHERE inspection_id = %s AND deleted_at IS NULL "
        "AND (lower(name) = lower(%s) OR starts_with(id, lower(%s)))",
        (inspection_id, typed.strip(), typed.strip()),
    ).all()
    row = _one(rows, "team member", typed, f"inspection's team on the {where}")
    return str(row[0]), str(row[1]), "coordinator" if row[2] == "coordinator" else "inspector"


#: Names PostgreSQL reserves for itself (``pg_`` roles too): CREATE ROLE would fail.
_RESERVED = {"public", "none", "current_user", "current_role", "session_user", "user", "all"}


def _check_role_name(role: str) -> None:
    if role in _RESERVED or role.startswith("pg_"):
        raise UserError(f"--role {role!r} is a name PostgreSQL reserves; choose another")
    if not _ROLE_NAME.fullmatch(role):
        raise UserError(
            f"--role {role!r}: a login role name is lower-case letters, digits and _ "
            "(at most 63), starting with a letter or _"
        )


def _existing_role(conn: Connection, role: str) -> bool:
    """Whether ``role`` exists; refused if it exists with another meaning."""
    row = conn.exec_driver_sql(
        "SELECT rolsuper OR rolcreaterole OR rolbypassrls, rolcanlogin, rolname = current_user "
        "FROM pg_roles WHERE rolname = %s",
        (role,),
    ).one_or_none()
    if row is None:
        return False
    powerful, can_login, is_me = row
    if role in q.GROUPS or powerful or not can_login or is_me:
        raise UserError(
            f"the role {role!r} exists and is not a team member's login (it is a group, an "
            "administrator or cannot log in); choose another --role"
        )
    return True


def add_member(
    database: str, inspection: str, member: str, role: str, password: Callable[[bool], str | None]
) -> Access:
    """Give ``member`` of ``inspection`` the login ``role`` (created if missing).

    ``password(needed)`` gives the password (None: keep the existing role's); it is asked
    only once the rest is known to be right, and only ``needed`` when the role is new.
    """
    _check_role_name(role)

    def work(conn: Connection, where: str) -> Access:
        _set_up(conn, where)
        inspection_id, title = _inspection(conn, inspection, where)
        member_id, name, kind = _member(conn, inspection_id, member, where)
        exists = _existing_role(conn, role)
        taken = conn.exec_driver_sql(
            f"SELECT t.name FROM {q.ACCESS}.member_role m JOIN team_member t ON t.id = m.member_id "
            "WHERE m.rolname = %s AND m.inspection_id = %s AND m.member_id <> %s",
            (role, inspection_id, member_id),
        ).scalar()
        if taken is not None:
            raise UserError(f"the role {role!r} is already {taken}'s login in {title!r}")
        typed = password(not exists)
        if not exists and typed is None:
            raise UserError(f"the role {role!r} is new: it needs a password")
        if typed is not None:
            verifier = _verifier(conn, role, typed)
            verb = "ALTER" if exists else "CREATE"
            conn.exec_driver_sql(f"{verb} ROLE {role} LOGIN PASSWORD '{verifier}'")
        group = q.COORDINATOR if kind == "coordinator" else q.INSPECTOR
        conn.exec_driver_sql(f"GRANT {group} TO {role}")
        conn.exec_driver_sql(
            f"INSERT INTO {q.ACCESS}.member_role VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (rolname, inspection_id) DO UPDATE SET member_id = EXCLUDED.member_id, "
            "kind = EXCLUDED.kind",
            (role, inspection_id, member_id, kind),
        )
        database_name = conn.exec_driver_sql("SELECT quote_ident(current_database())").scalar()
        conn.exec_driver_sql(
            f"ALTER ROLE {role} IN DATABASE {database_name} SET search_path = {q.MEMBER}, public"
        )
        return Access(role, name, kind, title, created_role=not exists)

    result: Access = _run(database, work)
    return result


def remove_member(database: str, inspection: str, member: str) -> Access:
    """Take ``member``'s access to ``inspection`` away (the login role itself is kept: it may
    belong to other inspections or databases; drop it with ``DROP ROLE`` when it does not)."""

    def work(conn: Connection, where: str) -> Access:
        _set_up(conn, where)
        inspection_id, title = _inspection(conn, inspection, where)
        rows = conn.exec_driver_sql(
            f"SELECT m.rolname, t.name, m.kind FROM {q.ACCESS}.member_role m "
            "JOIN team_member t ON t.id = m.member_id WHERE m.inspection_id = %s "
            "AND (m.rolname = %s OR lower(t.name) = lower(%s) OR starts_with(t.id, lower(%s)))",
            (inspection_id, member.strip(), member.strip(), member.strip()),
        ).all()
        role, name, kind = _one(rows, "member with access", member, f"{title!r}")
        conn.exec_driver_sql(
            f"DELETE FROM {q.ACCESS}.member_role WHERE rolname = %s AND inspection_id = %s",
            (role, inspection_id),
        )
        left = conn.exec_driver_sql(
            f"SELECT count(*) FROM {q.ACCESS}.member_role WHERE rolname = %s", (role,)
        ).scalar()
        if not left:
            database_name = conn.exec_driver_sql("SELECT quote_ident(current_database())").scalar()
            conn.exec_driver_sql(f"ALTER ROLE {role} IN DATABASE {database_name} RESET search_path")
        return Access(str(role), str(name), str(kind), title, role_left=not left)

    result: Access = _run(database, work)
    return result


def _verifier(conn: Connection, role: str, password: str) -> str:
    """The SCRAM verifier of ``password`` for ``role``, computed here (never sent as text)."""
    if not password:
        raise UserError("the password is empty")
    raw: Any = conn.connection.dbapi_connection
    verifier = raw.pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256")
    text = bytes(verifier).decode("ascii")
    if "'" in text:  # a verifier is base64 and $ : never a quote; checked all the same
        raise UserError("could not encrypt the password")
    return text
