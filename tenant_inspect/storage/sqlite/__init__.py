"""The SQLite back-end: one database file in the data folder.

Modules, each named for what it holds:

* :mod:`.engine` — the SQLAlchemy engine: PRAGMAs per connection, ``BEGIN`` /
  ``BEGIN IMMEDIATE`` emitted by us (the sqlite3 driver's lazy transactions
  break SAVEPOINTs and transactional DDL).
* :mod:`.migrate` — the stored revision read with plain sqlite3, the Alembic
  upgrade, the backup before migrating.
* :mod:`.new_database`, :mod:`.head_schema` — a new, empty file given the head schema
  in one transaction without Alembic; the generated DDL file it executes, and its
  generator and check.
* :mod:`.store` — :class:`~.store.SqliteStore`, the :class:`~tenant_inspect.store.Store`
  for a file, and how it is opened.
* :mod:`.backend` — what can be done with the folder without opening the store
  (start-up summaries, the exit backup, restore, the lock, doctor).
* :mod:`.backups`, :mod:`.restore`, :mod:`.lock`, :mod:`.fastread`,
  :mod:`.problems`, :mod:`.doctor` — the online-backup API and change
  watching, restoring, the single-instance lock, the plain-sqlite3 inspections
  list, disk trouble turned into plain words, and the database checks.

This ``__init__`` stays free of imports so the cheap paths (the lock, the
start-up list) never pay for SQLAlchemy.
"""

#: How long a writer waits for another one before SQLite says "database is
#: locked" (ms). Shared by the engine (``PRAGMA busy_timeout``) and the message
#: that explains the failure, which is why it lives here and not in either.
BUSY_TIMEOUT_MS = 10_000
