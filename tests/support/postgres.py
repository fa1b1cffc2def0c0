"""A real PostgreSQL server for the tests, started by the suite itself and stopped after it.

CI runs a fresh clone with no server running, so nothing is assumed: the machine's own
server programs (``initdb``, ``pg_ctl`` — on PATH, or under ``/usr/lib/postgresql/*/bin``
as Debian installs them) make a throw-away cluster in a temporary folder. It listens on a
Unix socket in that folder only (no TCP port, so nothing clashes with another server or
another xdist worker: each worker process starts its own), with ``trust`` authentication
and ``fsync`` off (the data is thrown away). ``initdb`` refuses to run as root, so as root
the programs run as the ``postgres`` system user, owner of the folder.

Each test gets a database of its own (:meth:`PostgresServer.new_database`), dropped after.
Where no PostgreSQL is installed the tests that need it are skipped with one line saying how
to install it, printed in the test summary — never silently.
"""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

INSTALL_HINT = (
    "PostgreSQL's server programs (initdb, pg_ctl) were not found on PATH or under "
    "/usr/lib/postgresql/*/bin; install them (Debian/Ubuntu: 'apt-get install postgresql', "
    "macOS: 'brew install postgresql') to run the PostgreSQL tests"
)


#: A role that logs in with a password only (see :meth:`PostgresServer.password_url`).
PASSWORD_ROLE = "with_password"


class PostgresMissing(RuntimeError):
    """No PostgreSQL server programs on this machine (the message says how to install them)."""


def find_bin_dir() -> Path:
    """The folder holding ``initdb`` and ``pg_ctl``, or :class:`PostgresMissing`."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parent.parent.name.split(".")[0] or 0),
    )
    if versions:
        return Path(versions[-1]).parent
    raise PostgresMissing(INSTALL_HINT)


class PostgresServer:
    """One throw-away cluster in a temporary folder, reachable on its Unix socket."""

    def __init__(self) -> None:
        self.bin_dir = find_bin_dir()
        # Short, and not pytest's tmp_path: a Unix socket's path must stay under ~100 bytes.
        self.folder = Path(tempfile.mkdtemp(prefix="ti-pg-"))
        self.data = self.folder / "data"
        self.user = "postgres"
        self._as_root = os.geteuid() == 0 if hasattr(os, "geteuid") else False
        self._started = False

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self._as_root:  # initdb and pg_ctl refuse to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")

    def start(self) -> PostgresServer:
        """initdb, then pg_ctl start (waiting until it accepts connections); on failure the
        folder is removed and the error says what the program printed."""
        try:
            return self._start()
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise

    def _start(self) -> PostgresServer:
        if self._as_root:
            shutil.chown(self.folder, "postgres")
        self._run(
            "initdb", "-D", str(self.data), "-A", "trust", "-U", self.user,
            "-E", "UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip
        # One role must give a password (the refusal of a wrong one is tested); all others
        # are trusted. pg_hba.conf is read top down: the first matching line decides.
        hba = self.data / "pg_hba.conf"
        hba.write_text(f"local all {PASSWORD_ROLE} scram-sha-256\n" + hba.read_text())
        options = f"-k {self.folder} -c listen_addresses= -F -c max_connections=40"
        self._run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"),
            "-w", "-t", "30", "start",
        )  # fmt: skip
        self._started = True
        atexit.register(self.stop)  # even if the session is torn down abnormally
        return self

    def stop(self) -> None:
        if self._started:
            self._started = False
            try:
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
            finally:
                shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        """A ``postgresql://`` URL for ``database`` over the Unix socket (no password)."""
        return f"postgresql://{self.user}@/{database}?host={self.folder}"

    def password_url(self, database: str, password: str) -> str:
        """A URL as :data:`PASSWORD_ROLE` (whose password is ``right``) with ``password``."""
        self._admin(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{PASSWORD_ROLE}')"
            f" THEN CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD 'right'; END IF; END $$"
        )
        return f"postgresql://{PASSWORD_ROLE}:{password}@/{database}?host={self.folder}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            host=str(self.folder), user=self.user, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def new_database(self) -> str:
        """Create an empty database; return its name."""
        name = f"t_{uuid.uuid4().hex[:16]}"
        self._admin(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
