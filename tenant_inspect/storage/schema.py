"""The packaged Alembic migrations, run on a connection of any back-end.

Why a connection and never a URL: Alembic's config is a ConfigParser, where ``%`` in a
value (a folder called ``50%``, a password) starts an interpolation and fails — and a
password must never be written anywhere. So nothing set here may hold a path or a URL.
The migrations themselves are written for both SQLite and PostgreSQL
(``migrations/env.py`` turns SQLite's batch mode on only for SQLite).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


def upgrade_on(connection: Connection, revision: str = "head") -> None:
    """Upgrade the schema on ``connection`` to ``revision`` (committed when done)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "tenant_inspect:migrations")
    cfg.attributes["connection"] = connection
    command.upgrade(cfg, revision)
