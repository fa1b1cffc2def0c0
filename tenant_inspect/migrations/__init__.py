"""Alembic migrations, shipped inside the package and applied on start.

``SCHEMA_HEAD`` lets the store decide without importing Alembic whether a
database is current (a test checks it equals Alembic's head). Add every new
revision to ``KNOWN_REVISIONS`` in order, and a test that migrates a fixture
database made by the previous revision; then regenerate ``head_schema.sql``, the schema a new
SQLite database is made from without Alembic (a test fails until you do)::

    python -m tenant_inspect.storage.sqlite.head_schema --write

and, when a synced table changed, the shapes the merge reads without the models (a test
fails until you do)::

    python -m tenant_inspect.mergestate.shapes --write
"""

KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005")
SCHEMA_HEAD = KNOWN_REVISIONS[-1]
