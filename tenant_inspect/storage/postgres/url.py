"""The ``--database`` URL: checked, mapped to psycopg 3, and described without its password.

People type ``postgresql://ann@server/programme`` (the form ``psql`` and every PostgreSQL
tool take); SQLAlchemy would pick its default driver (psycopg2) for that, so the driver is
set here. Anything that is not a PostgreSQL URL is refused in one line before anything
connects. The password (if someone put one in the URL rather than in ``~/.pgpass`` or
``PGPASSWORD``, which psycopg reads itself) is never shown: messages use :func:`describe`.

The light readers connect without SQLAlchemy (importing it costs more than the whole
``programme list`` should), so :func:`connect_params` reads the same URL the way
SQLAlchemy's parser and its psycopg dialect do — same pattern, same unquoting, same
keywords — and gives up (None) on every form it does not copy (several hosts, ports in the
query): those take the store's path, which judges them. ``tests/unit/test_postgres_url.py``
compares both on every form the store accepts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, unquote

from ...errors import UserError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

DRIVER = "postgresql+psycopg"
_ACCEPTED = {"postgresql", "postgres", "postgresql+psycopg", "postgresql+psycopg3"}
EXAMPLE = "postgresql://USER@HOST/DATABASE"

#: SQLAlchemy's URL pattern (``sqlalchemy.engine.url._parse_url``), copied so that both
#: paths split a URL the same way.
_PATTERN = re.compile(
    r"""
        (?P<name>[\w\+]+)://
        (?:
            (?P<username>[^:/]*)
            (?::(?P<password>[^@]*))?
        @)?
        (?:
            (?:
                \[(?P<ipv6host>[^/\?]+)\] |
                (?P<ipv4host>[^/:\?]+)
            )?
            (?::(?P<port>[^/\?]*))?
        )?
        (?:/(?P<database>[^\?]*))?
        (?:\?(?P<query>.*))?
    """,
    re.X,
)


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


def describe_params(params: dict[str, Any]) -> str:
    """:func:`describe` for :func:`connect_params`' keywords (no SQLAlchemy needed)."""
    host = params.get("host") or "the local server"
    port = f":{params['port']}" if params.get("port") else ""
    user = f" as {params['user']}" if params.get("user") else ""
    return f"PostgreSQL database {params['dbname']} on {host}{port}{user}"


def without_password(text: str) -> str | None:
    """The URL as typed, its password left out (None where :func:`connect_params` declines)."""
    url = text.strip()
    m = _PATTERN.match(url)
    if m is None or connect_params(url) is None:
        return None
    if m["password"] is None:
        return url
    start, end = m.span("password")
    return url[: start - 1] + url[end:]  # the ":" before it goes too


def describe(url: URL) -> str:
    """Where the data is, for messages: server, database and user — never the password."""
    host = url.host or url.query.get("host") or "the local server"
    if isinstance(host, tuple):
        host = ",".join(host)
    port = f":{url.port}" if url.port else ""
    user = f" as {url.username}" if url.username else ""
    return f"PostgreSQL database {url.database} on {host}{port}{user}"


def connect_params(text: str) -> dict[str, Any] | None:
    """``psycopg.connect`` keywords for a user's URL, as the engine would pass them (before
    its own session settings), or None where only the store should judge the URL.

    None for anything :func:`engine_url` refuses, and for the forms this does not copy:
    a key given twice in the query (SQLAlchemy's several hosts), a ``port`` in the query
    or a ``host:port`` there. psycopg itself is not imported here.
    """
    m = _PATTERN.match(text.strip())
    if m is None or m["name"] not in _ACCEPTED:
        return None
    parts = {k: unquote(m[k]) if m[k] is not None else None for k in ("username", "password")}
    database = unquote(m["database"]) if m["database"] is not None else None
    if not database:
        return None
    port: int | None = None
    if m["port"]:
        try:
            port = int(m["port"])
        except ValueError:
            return None
    # translate_connect_args(username="user", database="dbname"): set values only.
    found: dict[str, Any] = {
        "host": m["ipv4host"] or m["ipv6host"],
        "dbname": database,
        "user": parts["username"],
        "password": parts["password"],
        "port": port,
    }
    params = {k: v for k, v in found.items() if v}
    query: dict[str, str] = {}
    for key, value in parse_qsl(m["query"] or ""):
        if key in query:
            return None
        query[key] = value
    if "port" in query or ":" in query.get("host", ""):
        return None
    return params | query
