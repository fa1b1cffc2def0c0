"""The ``--database`` URL: checked, mapped to psycopg 3, and described without its password.

People type ``postgresql://ann@server/programme`` (the form ``psql`` and every PostgreSQL
tool take); SQLAlchemy would pick its default driver (psycopg2) for that, so the driver is
set here. Anything that is not a PostgreSQL URL is refused in one line before anything
connects. The password (if someone put one in the URL rather than in ``~/.pgpass`` or
``PGPASSWORD``, which psycopg reads itself) is never shown: messages use :func:`describe`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...errors import UserError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

DRIVER = "postgresql+psycopg"
_ACCEPTED = {"postgresql", "postgres", "postgresql+psycopg", "postgresql+psycopg3"}
EXAMPLE = "postgresql://USER@HOST/DATABASE"


def engine_url(text: str) -> URL:
    """The SQLAlchemy URL for a user's PostgreSQL URL, or a :class:`UserError` saying why not."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text.strip())
    except (ArgumentError, ValueError) as exc:
        raise UserError(f"--database needs a PostgreSQL URL such as {EXAMPLE} ({exc})") from None
    if url.drivername not in _ACCEPTED:
        raise UserError(
            f"--database needs a PostgreSQL URL such as {EXAMPLE}, not a {url.drivername}:// one"
        )
    if not url.database:
        raise UserError(f"--database: the URL names no database (for example {EXAMPLE})")
    return url.set(drivername=DRIVER)


def describe(url: URL) -> str:
    """Where the data is, for messages: server, database and user — never the password."""
    host = url.host or url.query.get("host") or "the local server"
    if isinstance(host, tuple):
        host = ",".join(host)
    port = f":{url.port}" if url.port else ""
    user = f" as {url.username}" if url.username else ""
    return f"PostgreSQL database {url.database} on {host}{port}{user}"
