"""The server's and the network's failures, said in plain words.

An inspector must never see ``psycopg.OperationalError: connection failed: ...`` and a
traceback. A connection that cannot be made (server down, wrong password, no such
database) becomes one line naming the server — without the password — and what to check;
a connection lost while saving becomes a :class:`~tenant_inspect.store.StorageProblem`, as
a full disk does on SQLite. Anything else is left alone (None), so real bugs stay bugs.
"""

from __future__ import annotations

from ...errors import UserError
from ..interface import StorageProblem

LOST = "the connection to the PostgreSQL server was lost"
LOST_ADVICE = (
    "check the network and that the server is running, then try again "
    "('tenant-inspect doctor' with the same --database says more)"
)


def _original(exc: BaseException) -> BaseException:
    return getattr(exc, "orig", None) or exc


def connect_problem(exc: BaseException, where: str) -> UserError | None:
    """Why no connection could be made to ``where`` (a :func:`.url.describe`), in one line."""
    import psycopg

    original = _original(exc)
    if not isinstance(original, psycopg.OperationalError):
        return None
    text = " ".join(str(original).split())
    lowered = text.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        why = "the server refused the user name or password"
        what = "check them (put the password in ~/.pgpass or PGPASSWORD, not in the URL)"
    elif "does not exist" in lowered:
        why = text.split("FATAL:")[-1].strip() or text
        what = "check the database name, or ask the server's administrator to create it"
    elif any(w in lowered for w in ("connection refused", "no such file", "timeout", "timed out")):
        why = "the server cannot be reached"
        what = "check the host name, the network and that PostgreSQL is running"
    else:
        why, what = text, "check the URL and the server"
    return UserError(f"cannot connect to the {where}: {why}; {what}")


def storage_problem(
    exc: BaseException, where: str, action: str = "save to"
) -> StorageProblem | None:
    """A :class:`StorageProblem` when the server went away or is full mid-way, else None."""
    import psycopg
    from psycopg import errors

    if isinstance(exc, StorageProblem):
        return exc
    original = _original(exc)
    if isinstance(original, errors.DiskFull):
        reason, advice = "the server's disk is full", "ask the server's administrator to free space"
    elif isinstance(original, psycopg.OperationalError):
        reason, advice = LOST, LOST_ADVICE
    else:
        return None
    return StorageProblem(
        f"cannot {action} the {where}: {reason}. Everything saved before is safe; {advice}",
        reason,
        advice,
    )
