"""Ask for a passphrase, masked: twice to lock a kit, once to open an encrypted file.

Kits and return files may be locked with a passphrase (age, see docs/bundle-format.md).
What is typed is shown as dots and kept exactly as typed (never trimmed), so the same
passphrase works with ``bundle import --passphrase-file`` on another laptop.
"""

from __future__ import annotations

from .form import Field, Form


class PassphraseDialog(Form[str]):
    """Dismisses with the passphrase, or None when cancelled.

    ``new=True``: typed twice, and the two must agree (locking a file); otherwise typed
    once for ``file_names`` (opening encrypted files)."""

    def __init__(self, *, new: bool, file_names: str = "") -> None:
        self.new = new
        first = Field(
            "passphrase",
            "Passphrase for the kit" if new else f"Passphrase for {file_names}",
            required=True,
            missing="Type the passphrase, or press Esc to cancel.",
            password=True,
        )
        fields = [first]
        if new:
            fields.append(
                Field(
                    "passphrase-again",
                    "Same passphrase again",
                    required=True,
                    missing="Type the passphrase a second time.",
                    password=True,
                )
            )
        title = "Lock the file with a passphrase" if new else "This file is encrypted"
        super().__init__(title, fields, ok_label="OK", classes="passphrase-dialog")

    def finish(self, values: dict[str, str]) -> None:
        if self.new and values["passphrase"] != values["passphrase-again"]:
            self.say("The two passphrases differ: type them again.")
            self.query_one("#passphrase-again").focus()
            return
        super().finish(values)

    def result(self, values: dict[str, str]) -> str:
        return values["passphrase"]
