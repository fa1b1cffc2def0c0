"""The Team screen's file dialogs, and the words it uses about the files.

Kits, return files and imports all go through the one :class:`FilePicker`; this module says
how each is asked for (title, explanation, the names tick box) and where the file is
suggested: ``~/Documents/<inspection>-<kit|return|bundle>-<who>.zip``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tenant_inspect.file_names import slug

from .file_picker import FilePicker, documents_folder

if TYPE_CHECKING:
    from tenant_inspect.merge import FileResult, ImportProgress


def default_bundle_path(title: str, what: str, who: str, home: Path | None = None) -> Path:
    """``~/Documents/<inspection>-<what>-<who>.zip`` (the home folder if there is no Documents)."""
    folder = documents_folder(home)
    return folder / f"{slug(title, 'inspection')}-{what}-{slug(who, 'team')}.zip"


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


def save_dialog(title: str, about: str, path: str, *, names_choice: bool) -> FilePicker:
    """Where to save a kit or return file, and (when it may hold them) whether names go in."""
    return FilePicker(
        title,
        about,
        mode="save",
        suffixes=(".zip",),
        value=path,
        label="Save as (a .zip file)",
        tick="Leave interviewee names out" if names_choice else None,
        note="Interviewee names are never put in an inspector's kit.",
    )


def import_dialog(text: str = "") -> FilePicker:
    """Kits and return files to import, typed, pasted or picked."""
    return FilePicker(
        "Import files from the team",
        "Kits and return files (.zip). Each file is checked before anything is written; a "
        "file that is refused changes nothing.",
        mode="open_many",
        suffixes=(".zip",),
        value=text,
        label="Files (separate several with ; — pasting one a line works too)",
        action="Import",
        placeholder="e.g. /media/usb/ann-return.zip; /media/usb/ben.zip",
    )
