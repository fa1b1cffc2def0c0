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


def write_refusal(exc: BaseException, where: str) -> UserError | None:
    """A write the server refused, in words (everything in its transaction rolled back):
    the connection lost or the disk full (:func:`storage_problem`), a privilege this login
    lacks or a row another inspection's (row-level security), a value PostgreSQL refused.
    None for anything else. Takes SQLAlchemy's wrapped errors and psycopg's own alike."""
    import psycopg

    problem = storage_problem(exc, where)
    if problem is not None:
        return problem
    original = _original(exc)
    if getattr(original, "sqlstate", "") == "42501":
        return UserError(
            f"cannot save to the {where}: this login may not make that change "
            "(the server's roles decide who may); nothing of this change was saved"
        )
    if isinstance(original, psycopg.DataError):
        # PostgreSQL enforces the column widths SQLite only declares; the checks before a
        # save keep to them, but a value that slips past is refused in words.
        reason = str(original).splitlines()[0]
        return UserError(
            f"cannot save to the {where}: the server refused a value ({reason}); "
            "nothing of this change was saved"
        )
    return None


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
