"""Alembic environment: runs on the connection the store hands over.

``render_as_batch`` is needed for SQLite, which cannot ALTER most things in
place; Alembic rebuilds the table inside the migration's transaction instead.
PostgreSQL alters in place, so batch mode is off there (a migration's
``batch_alter_table`` then simply issues the ALTERs).
"""

from alembic import context
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import tenant_inspect.models  # noqa: F401  (registers the tables)

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # pragma: no cover - only when run from the alembic CLI
        # A plain engine: the store's own (with its PRAGMAs) imports this package's
        # revisions, and the migrations must not import the store back. The URL is
        # built, not pasted together: ``?``, ``#`` or ``%`` in the folder's name would
        # otherwise be read as parts of a URL and name another file.
        from sqlalchemy import URL, create_engine

        from tenant_inspect.locations import resolve_data_dir

        engine = create_engine(URL.create("sqlite", database=str(resolve_data_dir().db_path)))
        with engine.connect() as connection:
            _run(connection)
        return
    _run(connection)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
    if connection.in_transaction():
        connection.commit()


run_migrations_online()
