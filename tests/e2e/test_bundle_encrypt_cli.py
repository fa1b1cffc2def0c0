"""`bundle export --encrypt` and importing encrypted files, through the CLI.

Scripts give the passphrase with --passphrase-file; with no terminal and no file the
command refuses instead of waiting for input. Scrypt takes about a second per file.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.support.cli_run import run_cli


def ok(data_dir: Path, *args: str) -> str:
    done = run_cli(data_dir, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_encrypted_kit_round_trip_with_a_passphrase_file(tmp_path: Path) -> None:
    coord = tmp_path / "coordinator"
    inspection = ok(coord, "demo").strip()
    secret, wrong = tmp_path / "secret.txt", tmp_path / "wrong.txt"
    secret.write_text("river otter 42\n", encoding="utf-8")
    wrong.write_text("sea otter\n", encoding="utf-8")
    sealed, plain = tmp_path / "kit.age", tmp_path / "kit.zip"
    out = ok(coord, "bundle", "export", inspection, "-o", str(sealed), "--encrypt",
             "--passphrase-file", str(secret))  # fmt: skip
    assert f"Wrote a bundle to {sealed}" in out and "encrypted with a passphrase" in out
    assert sealed.read_bytes().startswith(b"age-encryption.org/v1\n")
    ok(coord, "bundle", "export", inspection, "-o", str(plain))

    laptop = tmp_path / "laptop"
    done = run_cli(laptop, "bundle", "import", str(plain), str(sealed), "--new-inspection",
                   "--passphrase-file", str(wrong))  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "tenant-inspect: kit.age: wrong passphrase (nothing was imported); "
        "ask whoever made the file for its passphrase"
    )
    assert json.loads(ok(laptop, "list", "--json")) == []  # the plain file was not merged

    out = ok(laptop, "bundle", "import", str(plain), str(sealed), "--new-inspection",
             "--passphrase-file", str(secret))  # fmt: skip
    assert "kit.zip: " in out and "kit.age: 0 added, 0 updated" in out

    other = tmp_path / "other"
    ok(other, "bundle", "import", str(sealed), "--new-inspection", "--passphrase-file", str(secret))
    assert ok(other, "dump", inspection) == ok(laptop, "dump", inspection)


def test_encrypt_without_a_terminal_or_passphrase_file_refuses(tmp_path: Path) -> None:
    coord = tmp_path / "coordinator"
    inspection = ok(coord, "new", "--title", "Repairs", "--landlord", "Vale HA").strip()
    target = tmp_path / "kit.age"
    done: subprocess.CompletedProcess[str] = run_cli(
        coord, "bundle", "export", inspection[:8], "-o", str(target), "--encrypt",
        in_process=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "tenant-inspect: --encrypt needs a passphrase, but there is no terminal to ask it on: "
        "give --passphrase-file FILE"
    )
    assert not target.exists()
