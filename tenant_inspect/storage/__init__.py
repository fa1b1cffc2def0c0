"""Storage back-ends behind the :class:`tenant_inspect.store.Store` interface.

The app and the CLI only ever talk to :mod:`tenant_inspect.store`; everything
that depends on *how* the data is kept (file paths, PRAGMAs, locks, backups,
cheap start-up reads) lives in one sub-package per back-end, so the second one
(PostgreSQL) came without touching the screens or the CLI's commands.

* :mod:`.stamping` — the session that stamps every synced row on flush; shared
  by every SQL back-end because the merge rules depend on it, not on SQLite.
* :mod:`.schema` — the packaged Alembic migrations run on a connection of either.
* :mod:`.sqlite` — the laptop's database, the default.
* :mod:`.postgres` — a programme's server (``--database URL``).

Importing this package (or :mod:`.sqlite`, :mod:`.postgres`) costs nothing: the heavy libraries
load in the modules that need them.
"""
