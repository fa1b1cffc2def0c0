"""The Team screen's file dialogs, and the words it uses about the files.

Kits, return files and imports all go through the one :class:`FilePicker`; this module says
how each is asked for (title, explanation, the names tick box) and where the file is
suggested: ``~/Documents/<inspection>-<kit|return|bundle>-<who>.zip``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tenant_inspect.file_names import slug

from .file_picker import FilePicker, PickedFiles, documents_folder
from .passphrase import PassphraseDialog

if TYPE_CHECKING:
    from textual.app import App

    from tenant_inspect.merge import FileResult, ImportProgress


def default_bundle_path(title: str, what: str, who: str, home: Path | None = None) -> Path:
    """``~/Documents/<inspection>-<what>-<who>.zip`` (the home folder if there is no Documents)."""
    folder = documents_folder(home)
    return folder / f"{slug(title, 'inspection')}-{what}-{slug(who, 'team')}.zip"


def encrypted_among(picked: PickedFiles) -> list[Path]:
    """The chosen files that are encrypted (their first bytes say so)."""
    from tenant_inspect.bundle.encryption import is_encrypted

    return [p for p in picked.paths if is_encrypted(p)]


def passphrase_dialog(encrypted: list[Path] | None = None) -> PassphraseDialog:
    """Twice to lock a new file; once (naming them) to open ``encrypted`` files."""
    if encrypted is None:
        return PassphraseDialog(new=True)
    return PassphraseDialog(new=False, file_names=", ".join(p.name for p in encrypted))


def ask_passphrase(app: App[Any], encrypted: list[Path] | None, go: Callable[[str], None]) -> None:
    """Ask for the passphrase (see :func:`passphrase_dialog`); ``go(it)`` unless cancelled."""

    def then(secret: str | None) -> None:
        if secret:
            go(secret)

    app.push_screen(passphrase_dialog(encrypted), then)


def refusal_words(result: FileResult) -> str:
    """'✗ notes.zip was refused: <reason>. Nothing from it was imported.'"""
    reason = (result.refused or "").rstrip(".")
    tail = "" if "nothing was imported" in reason else " Nothing from it was imported."
    return f"✗ {result.path.name} was refused: {reason}.{tail}"


def progress_words(p: ImportProgress) -> str:
    """'Checking ann.zip (file 1 of 2)', 'Merging ...', 'Finished'."""
    files = max(1, p.total // 2)
    number = min(files, p.done // 2 + 1)
    words = {
        "checking": f"Checking {p.path.name} (file {number} of {files})",
        "merging": f"Merging {p.path.name} (file {number} of {files})",
        "finished": "Finished",
    }
    return words.get(p.stage, p.stage)


def kit_dialog(name: str, role: str, path: str) -> FilePicker:
    """Where to save a member's kit (a coordinator's may leave the names out)."""
    if role == "coordinator":
        about = (
            f"Everything in this inspection, for {name} (the coordinator), "
            "interviewee names included unless you leave them out."
        )
    else:
        about = (
            f"What {name} needs: the inspection, team, areas, questionnaires and "
            f"document reviews, and the interviews {name} carries out."
        )
    return save_dialog(f"Kit for {name}", about, path, names_choice=role == "coordinator")


def return_dialog(is_coordinator: bool, path: str) -> FilePicker:
    """Where to save everything on this laptop (a return file, or the coordinator's bundle)."""
    title = "Full bundle of this inspection" if is_coordinator else "Return file"
    about = (
        "Everything on this laptop for this inspection, for the coordinator to import "
        "(or to keep as a copy)."
    )
    return save_dialog(title, about, path, names_choice=True)


#: Shown under "Encrypt with a passphrase" while the file holds interviewee names.
ENCRYPT_NOTE = (
    "This file holds interviewee names: keep it encrypted, and tell the passphrase "
    "separately (by phone, not in the same email)."
)


def save_dialog(title: str, about: str, path: str, *, names_choice: bool) -> FilePicker:
    """Where to save a kit or return file, whether names go in (when it may hold them),
    and whether it is encrypted (offered, ticked, for every file)."""
    return FilePicker(
        title,
        about,
        mode="save",
        suffixes=(".zip",),
        value=path,
        label="Save as (a .zip file)",
        tick="Leave interviewee names out" if names_choice else None,
        note="Interviewee names are never put in an inspector's kit.",
        encrypt=ENCRYPT_NOTE if names_choice else "",
    )


def import_dialog(text: str = "") -> FilePicker:
    """Kits and return files to import, typed, pasted or picked."""
    return FilePicker(
        "Import files from the team",
        "Kits and return files (.zip, or encrypted: you are asked for the passphrase). Each "
        "file is checked before anything is written; a file that is refused changes nothing.",
        mode="open_many",
        suffixes=(".zip",),
        value=text,
        label="Files (separate several with ; — pasting one a line works too)",
        action="Import",
        placeholder="e.g. /media/usb/ann-return.zip; /media/usb/ben.zip",
    )
