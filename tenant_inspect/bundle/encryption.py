"""Kits and return files locked with a passphrase (age v1, scrypt).

Why: a kit with interviewee names travels on USB sticks and by email, where it can be lost
or forwarded. Wrapped in age (https://age-encryption.org/v1) with a passphrase, the file
is useless to whoever finds it. The crypto is pyrage's (a binding of the Rust ``age``
crate); nothing here is hand-written crypto.

The inner file is the ordinary bundle zip, byte for byte: :func:`encrypt_bytes` wraps it
and :func:`decrypt_file` unwraps it *in memory* for :func:`~.read.open_bundle`
(``data=``), so decrypted content never reaches the disk. A file is recognised as
encrypted by its first bytes: the age header line ``age-encryption.org/v1`` or the armored
``-----BEGIN AGE ENCRYPTED FILE-----``.

Scrypt is deliberately slow (about a second), so a file is encrypted or decrypted once,
never piece by piece. Every failure (wrong passphrase, a damaged or incomplete file, a
file locked for an age key instead of a passphrase) is a :class:`~..errors.UserError`
naming the file and what to do.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .. import bundle_format as bf
from ..errors import UserError

AGE_MAGIC = b"age-encryption.org/v1"
ARMOR_BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"

#: An encrypted file may be this much bigger than the bundle inside it (armored: base64).
_MAX_ENCRYPTED_BYTES = bf.MAX_BUNDLE_BYTES * 4 // 3 + (1 << 20)


class EncryptedFileError(UserError):
    """An encrypted file could not be opened; the message names it and says what to do."""


@dataclass(frozen=True)
class Unlocked:
    """An encrypted file opened in memory: the bundle inside, and the file's own digest."""

    path: Path
    data: bytes
    digest: str  # of the encrypted bytes as read (see merged_files)


def looks_encrypted(head: bytes) -> bool:
    """Whether these first bytes of a file are an age header (binary or armored)."""
    head = head.lstrip(b" \t\r\n")
    return head.startswith(AGE_MAGIC) or head.startswith(ARMOR_BEGIN)


def is_encrypted(path: Path | str) -> bool:
    """Whether the file starts like an age file (False if it cannot be read: the reader
    then says why)."""
    try:
        with Path(path).open("rb") as fh:
            return looks_encrypted(fh.read(64))
    except OSError:
        return False


def check_new_passphrase(passphrase: str) -> None:
    """Refuse a passphrase no one should lock a kit with."""
    if not passphrase:
        raise UserError("the passphrase is empty: choose one to tell the inspector separately")


def encrypt_bytes(data: bytes, passphrase: str) -> bytes:
    """``data`` wrapped in age with a scrypt passphrase (takes about a second)."""
    from pyrage import EncryptError
    from pyrage import passphrase as age

    check_new_passphrase(passphrase)
    try:
        sealed: bytes = age.encrypt(data, passphrase)
        return sealed
    except EncryptError as exc:  # pragma: no cover - pyrage refuses nothing we pass
        raise UserError(f"cannot encrypt the file: {exc}") from exc


def decrypt_bytes(data: bytes, passphrase: str, path: Path | str) -> bytes:
    """The content of an age file, or :class:`EncryptedFileError` naming ``path``."""
    from pyrage import DecryptError
    from pyrage import passphrase as age

    name = Path(path).name
    try:
        opened: bytes = age.decrypt(data, passphrase)
        return opened
    except DecryptError as exc:
        reason = str(exc)
        if "No matching keys" in reason:
            raise EncryptedFileError(
                f"{name} is encrypted for an age key, not with a passphrase: "
                "decrypt it with age first, or ask for a kit locked with a passphrase"
            ) from None
        if reason == "Decryption failed":
            raise EncryptedFileError(
                f"{name}: wrong passphrase (nothing was imported); "
                "ask whoever made the file for its passphrase"
            ) from None
        raise EncryptedFileError(
            f"{name} is encrypted but damaged or incomplete ({reason}); "
            "copy it again from where it came from"
        ) from None


def decrypt_file(path: Path | str, passphrase: str) -> Unlocked:
    """Read an encrypted file and decrypt it in memory (nothing is written anywhere)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > _MAX_ENCRYPTED_BYTES:
            raise EncryptedFileError(f"{path.name} is too big to be an encrypted kit")
        data = path.read_bytes()
    except OSError as exc:
        raise EncryptedFileError(f"cannot read {path}: {exc.strerror or exc}") from exc
    digest = hashlib.sha256(data).hexdigest()[:40]  # as merged_files.digest
    return Unlocked(path, decrypt_bytes(data, passphrase, path), digest)


def unlock_all(paths: list[Path], passphrase: str | None) -> dict[Path, Unlocked]:
    """Decrypt every encrypted file among ``paths`` before anything is merged.

    One wrong passphrase raises for the whole import, so nothing is merged; with no
    passphrase the encrypted files are left out (``open_bundle`` then refuses them,
    saying they need one).
    """
    if passphrase is None:
        return {}
    return {p: decrypt_file(p, passphrase) for p in dict.fromkeys(paths) if is_encrypted(p)}
