"""Schema upgrades of a database file: cheap check first, backup, then Alembic.

Importing Alembic costs start-up time that is wasted when the schema is
already current (nearly always), so the stored revision is read with plain
sqlite3 first and Alembic only loads when the database is behind. A new, empty
database gets the head schema without Alembic at all (:mod:`.new_database`).
A database made by a newer tenant-inspect is refused rather than touched.
Before any migration touches an existing database it is copied with the online
backup API, and the upgrade is refused while the app is open on the folder in
another process (it would be left working on a schema it does not know).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import UserError
from ...migrations import SCHEMA_HEAD
from .connect import open_read_only
from .problems import storage_problem

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from ...locations import DataDir


def stored_revision(db_path: Path) -> str | None:
    """The Alembic revision of a database file, read cheaply with sqlite3.

    Returns None for a missing or empty database. Reads a database in a read-only
    folder too (see :func:`.connect.open_read_only`).
    """
    if not db_path.exists():
        return None
    try:
        conn, _ = open_read_only(db_path)
    except sqlite3.DatabaseError as exc:
        raise _unreadable(exc, db_path) from exc
    try:
        row = conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            return None
        rev = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return rev[0] if rev else None
    except sqlite3.DatabaseError as exc:
        raise _unreadable(exc, db_path) from exc
    finally:
        conn.close()


def _unreadable(exc: sqlite3.DatabaseError, db_path: Path) -> UserError:
    """Why a database file could not be read, in words: disk trouble, damage, or not ours."""
    # A read-only folder or a full disk is not a damaged database: say which it is.
    problem = storage_problem(exc, db_path, "open")
    if problem is not None and "damaged" not in problem.reason:
        return problem
    if "malformed" in str(exc):
        return UserError(f"{db_path} is damaged ({exc})")
    return UserError(f"{db_path} is not a tenant-inspect database ({exc})")


def known_revisions() -> set[str]:
    from ...migrations import KNOWN_REVISIONS

    return set(KNOWN_REVISIONS)


def refuse_newer(db_path: Path, revision: str | None) -> None:
    """Refuse a database whose schema this tenant-inspect does not know (a newer one)."""
    if revision is not None and revision not in known_revisions():
        raise UserError(
            f"{db_path} was made by a newer version of tenant-inspect (schema {revision}); "
            "please upgrade tenant-inspect"
        )


def run_migrations(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema with the packaged Alembic scripts.

    Alembic gets the open connection, never a URL: its config is a ConfigParser, where
    ``%`` in a value (a folder called ``50%``) starts an interpolation and fails. Nothing
    set here may hold a path.
    """
    from ..schema import upgrade_on

    with engine.connect() as conn:
        upgrade_on(conn, revision)


def is_behind(revision: str | None) -> bool:
    """Whether a database at ``revision`` (None: a new file) needs :func:`upgrade_if_behind`."""
    return revision != SCHEMA_HEAD


def upgrade_if_behind(data_dir: DataDir, engine: Engine, revision: str | None) -> None:
    """Bring the schema to :data:`SCHEMA_HEAD`; an existing database is backed up first.

    A new, empty file gets the head schema straight away (:mod:`.new_database`), without
    Alembic; only a database that has a schema already goes through the migrations.
    """
    if revision == SCHEMA_HEAD:
        return
    if revision is None:
        from .new_database import create_at_head

        if create_at_head(data_dir.db_path):
            return
    if revision is not None:
        from .backups import backup_database
        from .lock import refuse_if_open_elsewhere

        refuse_if_open_elsewhere(data_dir, "upgrade its database")
        backup_database(
            data_dir.db_path, data_dir.backup_dir, reason=f"before-migration-{revision}"
        )
    run_migrations(engine)
