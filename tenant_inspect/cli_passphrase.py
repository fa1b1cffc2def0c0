"""Passphrases for ``bundle export --encrypt`` and ``bundle import``, asked without echo.

A passphrase is never a command-line argument (it would stay in the shell's history and
show in the process list): it is typed at the terminal (:mod:`getpass`), or, for
scripts, read from the first line of ``--passphrase-file``. With neither (a CI job, a
pipe) the command refuses rather than waiting for input that cannot come.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from .errors import UserError


def _from_file(name: str) -> str:
    try:
        text = Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise UserError(f"cannot read the passphrase file {name}: {reason}") from exc
    lines = text.splitlines()
    passphrase = lines[0].rstrip("\r\n") if lines else ""
    if not passphrase:
        raise UserError(
            f"the passphrase file {name} is empty: put the passphrase on its first line"
        )
    return passphrase


def _terminal(why: str) -> None:
    if not sys.stdin.isatty():
        raise UserError(
            f"{why}, but there is no terminal to ask it on: give --passphrase-file FILE"
        )


def new_passphrase(passphrase_file: str | None) -> str:
    """The passphrase to lock a new file with: from the file, or typed twice."""
    if passphrase_file is not None:
        return _from_file(passphrase_file)
    _terminal("--encrypt needs a passphrase")
    first = getpass.getpass("Passphrase for the kit: ")
    if not first:
        raise UserError("the passphrase is empty: nothing was written")
    if getpass.getpass("Same passphrase again: ") != first:
        raise UserError("the two passphrases differ: nothing was written")
    return first


def passphrase_for(files: list[str], passphrase_file: str | None) -> str:
    """The passphrase to open the encrypted ``files``: from the file, or typed once."""
    if passphrase_file is not None:
        return _from_file(passphrase_file)
    names = ", ".join(Path(f).name for f in files)
    _terminal(f"{names} is encrypted and needs its passphrase")
    return getpass.getpass(f"Passphrase for {names}: ")
