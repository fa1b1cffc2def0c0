"""``doctor``'s checks of a PostgreSQL database: can we connect, and is the schema current.

Read-only like the SQLite checks: it connects, reads the schema's revision and counts the
inspections, and changes nothing (it never migrates). The connection is described by
server, database and user; the password is never printed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import exc as sa_exc

from ...doctor_report import DoctorReport
from ...errors import UserError
from ...migrations import KNOWN_REVISIONS, SCHEMA_HEAD
from .engine import make_engine
from .problems import connect_problem
from .store import stored_revision
from .url import engine_url

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


def _access(conn: Connection) -> str:
    """What this login may see, in words (``server init``'s roles; see ``access_sql``)."""
    if conn.exec_driver_sql("SELECT to_regclass('ti_access.member_role')").scalar() is None:
        return "not managed: the server's own privileges decide ('server init' sets up roles)"
    kinds: dict[str, int] = dict(
        conn.exec_driver_sql(
            "SELECT kind, count(*) FROM ti_access.member_role WHERE rolname = current_user "
            "GROUP BY kind"
        ).all()
    )
    if not kinds:
        return "this login is no member's: it sees what its privileges allow (all, as owner)"
    return ", ".join(
        f"{kind} of {n} inspection{'s' if n != 1 else ''}" for kind, n in sorted(kinds.items())
    )


def check_server(report: DoctorReport, database: str) -> None:
    """Connection, schema, inspections; then the verdict."""
    try:
        url = engine_url(database)
    except UserError as exc:
        report.problem(f"{exc}.")
        return
    report.info(
        "server",
        f"{url.host or url.query.get('host') or 'local'}" + (f":{url.port}" if url.port else ""),
    )
    report.info("database name", url.database)
    report.info("user", url.username or "(the operating system's user name)")
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            version = conn.exec_driver_sql("SHOW server_version").scalar()
            report.info("connection", f"ok (PostgreSQL {version})")
            revision = stored_revision(conn)
            if revision is None:
                report.info(
                    "schema", f"not set up yet (current is {SCHEMA_HEAD}); it will be on next start"
                )
            elif revision == SCHEMA_HEAD:
                report.info("schema", f"{revision} (current)")
            elif revision in KNOWN_REVISIONS:
                report.info(
                    "schema", f"{revision}; will be upgraded to {SCHEMA_HEAD} on next start"
                )
            else:
                report.problem(
                    f"schema {revision} is newer than this tenant-inspect knows; upgrade tenant-inspect"
                )
            if revision is not None:
                count = conn.exec_driver_sql(
                    "SELECT count(*) FROM inspection WHERE deleted_at IS NULL"
                ).scalar()
                report.info("inspections", count)
                report.info("access", _access(conn))
    except sa_exc.OperationalError as exc:
        problem = connect_problem(exc, "server")
        report.problem(f"{problem or exc}.")
    finally:
        engine.dispose()
    report.info("backups", "the server's administrator's (pg_dump); tenant-inspect makes none here")
    report.info(
        "several at once",
        "yes: there is no one-window lock on a server; its transactions keep saves apart",
    )
    report.lines.append(
        "All is well." if report.ok else "Something is wrong: see the PROBLEM lines above."
    )
