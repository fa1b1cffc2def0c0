"""Kits locked with a passphrase (age, scrypt): what an inspector importing one notices.

Scrypt takes about a second on purpose, so one encrypted kit is made for the module.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyrage
import pytest

from tenant_inspect.bundle.encryption import (
    decrypt_bytes,
    encrypt_bytes,
    is_encrypted,
)
from tenant_inspect.bundle.write import export_bundle
from tenant_inspect.errors import UserError
from tenant_inspect.merge import import_bundles
from tests.unit.bundle_helpers import dump, export, fingerprint, import_ok, laptop
from tests.unit.bundle_helpers import make_team_inspection as make_team

PASSPHRASE = "correct horse battery staple"


@dataclass
class Kits:
    inspection: str
    plain: Path
    sealed: Path


@pytest.fixture(scope="module")
def kits(tmp_path_factory: pytest.TempPathFactory) -> Kits:
    tmp = tmp_path_factory.mktemp("kits")
    store = laptop(tmp, "coordinator")
    team = make_team(store)
    plain = export(store, team.inspection, tmp / "kit.zip")
    sealed = tmp / "kit.zip.age"
    result = export_bundle(store, team.inspection, sealed, passphrase=PASSPHRASE)
    assert result.encrypted and result.names_included
    return Kits(team.inspection, plain, sealed)


def test_round_trip_gives_back_the_same_bytes() -> None:
    data = bytes(range(256)) * 100
    sealed = encrypt_bytes(data, "pw")
    assert sealed.startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert data not in sealed
    assert decrypt_bytes(sealed, "pw", "kit.zip") == data


def test_encrypted_kit_imports_as_the_plain_one(kits: Kits, tmp_path: Path) -> None:
    assert is_encrypted(kits.sealed) and not is_encrypted(kits.plain)
    assert b"PK\x03\x04" not in kits.sealed.read_bytes()[:100]
    from_plain, from_sealed = laptop(tmp_path, "a"), laptop(tmp_path, "b")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    import_ok(from_plain, kits.plain, allow_new=True)
    import_ok(from_sealed, kits.sealed, allow_new=True, passphrase=PASSPHRASE)
    assert dump(from_sealed, kits.inspection) == dump(from_plain, kits.inspection)
    # nothing decrypted was left beside the databases
    after = {p.name for p in tmp_path.rglob("*")} - set(before)
    assert not [n for n in after if "kit" in n or n.endswith((".zip", ".partial"))]


def test_wrong_passphrase_merges_nothing(kits: Kits, tmp_path: Path) -> None:
    store = laptop(tmp_path, "b")
    before = fingerprint(store)
    with pytest.raises(
        UserError, match=r"kit\.zip\.age: wrong passphrase \(nothing was imported\)"
    ):
        # the plain kit beside it is not merged either
        import_bundles(store, [kits.plain, kits.sealed], allow_new=True, passphrase="nope")
    assert fingerprint(store) == before


def test_damaged_or_unopenable_files_say_what_to_do(kits: Kits, tmp_path: Path) -> None:
    store = laptop(tmp_path, "b")
    before = fingerprint(store)
    cut = tmp_path / "cut.age"
    data = kits.sealed.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(UserError, match=r"cut\.age is encrypted but damaged or incomplete"):
        import_bundles(store, [cut], allow_new=True, passphrase=PASSPHRASE)
    keyed = tmp_path / "keyed.age"
    key = pyrage.x25519.Identity.generate()
    keyed.write_bytes(pyrage.encrypt(kits.plain.read_bytes(), [key.to_public()]))
    with pytest.raises(UserError, match=r"keyed\.age is encrypted for an age key"):
        import_bundles(store, [keyed], allow_new=True, passphrase=PASSPHRASE)
    # without a passphrase an encrypted file is refused like any other bad file
    [result] = import_bundles(store, [kits.sealed], allow_new=True)
    assert result.refused == "it is encrypted: give its passphrase to import it"
    assert fingerprint(store) == before


def test_empty_passphrase_writes_nothing(kits: Kits, tmp_path: Path) -> None:
    store = laptop(tmp_path, "b")
    import_ok(store, kits.plain, allow_new=True)
    with pytest.raises(UserError, match="the passphrase is empty"):
        export_bundle(store, kits.inspection, tmp_path / "out.age", passphrase="")
    assert not list(tmp_path.glob("*out*"))
