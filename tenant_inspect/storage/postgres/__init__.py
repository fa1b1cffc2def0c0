"""The PostgreSQL back-end: a programme's inspections on one server (DESIGN.md, "Programmes").

Chosen by :func:`tenant_inspect.store.storage_backend` when a database URL is given
(``--database`` / ``TENANT_INSPECT_DATABASE``). Modules:

* :mod:`.url` — the user's URL checked and mapped to psycopg 3, and described for messages
  without its password.
* :mod:`.engine` — the engine: values read as SQLite returns them (JSON and dates as text)
  so the plain-SQL readers and the merge see the same rows on both, one writer at a time.
* :mod:`.fastread` — the light readers: the list, the programme views and the dashboard
  read with plain psycopg (no SQLAlchemy) when the schema is current, as on a laptop.
* :mod:`.store` — :class:`~.store.PostgresStore` and how it is opened (migrations, this
  laptop's device id and clock from its own data folder).
* :mod:`.backend` — what has a meaning on a server and what does not (backups, restore,
  the single-instance lock, file permissions), and ``doctor``'s checks.
* :mod:`.problems` — the server's and the network's failures in plain words.
* :mod:`.access_sql` and :mod:`.access` — who sees what, enforced by PostgreSQL: group
  roles, row-level security, the interviewee-name rule (``server init | add-member |
  remove-member``).

Like the SQLite package, this ``__init__`` imports nothing: choosing the back-end is free.
"""

#: Key of the transaction-level advisory lock every write transaction takes, so writers
#: run one at a time as on SQLite (``BEGIN IMMEDIATE``): the merge's write step relies on
#: nobody else writing between its checks and its writes. ``ti`` in ASCII, as an int.
WRITE_LOCK_KEY = 0x7469_0001
#: Key of the session-level advisory lock held while migrations run: two people starting
#: at once on a new server must not both create the schema.
MIGRATION_LOCK_KEY = 0x7469_0002
#: Seconds to wait for the server to answer a connection before saying it cannot be reached.
CONNECT_TIMEOUT_S = 10
#: Seconds the light readers (:mod:`.fastread`) wait for a connection before leaving the
#: answer to the store: the TUI asks them for its first paint, on its own thread.
LIGHT_CONNECT_TIMEOUT_S = 2  # libpq waits at least 2 s whatever is asked
#: Every connection's session settings: ISO dates whatever the server's default, and UTC so
#: now() means the same everywhere (the engine's and the light readers' connections alike).
SESSION_OPTIONS = "-c datestyle=ISO -c timezone=UTC"
#: Types every connection loads as text, as SQLite returns them: the plain-SQL readers and
#: the merge parse JSON themselves and compare ISO dates as plain values.
LOADED_AS_TEXT = ("json", "jsonb", "date")
