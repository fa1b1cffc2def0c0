"""Where tenant-inspect keeps its data.

The order is fixed and documented so an upgrade of platformdirs can never
"lose" the database: ``--data-dir`` first, then ``TENANT_INSPECT_DATA_DIR``,
then platformdirs' per-user data dir (roaming off). Nothing here creates a
directory at import time; callers ask for :func:`ensure_data_dir` when they
are about to write.

A programme keeps its inspections on a PostgreSQL server instead: ``--database URL``
or ``TENANT_INSPECT_DATABASE`` names it, and :attr:`DataDir.database` carries it to
:func:`tenant_inspect.store.storage_backend`, which then picks the server's back-end.
The data folder still matters then: it holds this laptop's own settings (its device id,
so rows written to the server are stamped as everywhere else).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "tenant-inspect"
ENV_VAR = "TENANT_INSPECT_DATA_DIR"
DATABASE_ENV_VAR = "TENANT_INSPECT_DATABASE"
DB_FILENAME = "tenant-inspect.db"
BACKUP_DIRNAME = "backups"


@dataclass(frozen=True)
class DataDir:
    """A resolved data directory and how it was chosen (shown by ``doctor``)."""

    path: Path
    source: str  # "--data-dir", the env var name, or "platformdirs"
    #: A PostgreSQL URL (``--database`` / ``TENANT_INSPECT_DATABASE``), or None for the
    #: SQLite file in the folder.
    database: str | None = None

    @property
    def db_path(self) -> Path:
        return self.path / DB_FILENAME

    @property
    def backup_dir(self) -> Path:
        return self.path / BACKUP_DIRNAME


def resolve_data_dir(
    cli_value: str | os.PathLike[str] | None = None, database: str | None = None
) -> DataDir:
    """Resolve the data dir (and the server, if any) without touching the file system."""
    database = (database or os.environ.get(DATABASE_ENV_VAR, "")).strip() or None
    if cli_value:
        return DataDir(Path(cli_value).expanduser().absolute(), "--data-dir", database)
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return DataDir(Path(env).expanduser().absolute(), ENV_VAR, database)
    from platformdirs import user_data_dir

    folder = Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))
    return DataDir(folder, "platformdirs", database)


def data_dir_of(options: object) -> DataDir:
    """The data dir chosen by a command's parsed ``--data-dir`` and ``--database`` options."""
    return resolve_data_dir(getattr(options, "data_dir", None), getattr(options, "database", None))


def ensure_data_dir(data_dir: DataDir) -> Path:
    """Create the data dir (and its backups folder) when we are about to write.

    Both are made private (``0700`` on POSIX): they hold interviewee names.
    """
    from .durable import make_private_dir

    make_private_dir(data_dir.path, parents=True)
    make_private_dir(data_dir.backup_dir)
    return data_dir.path
