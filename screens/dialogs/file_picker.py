"""The one file dialog: where to save a kit, return file or report; which files to import.

Inspectors move files on USB sticks and by email, and many of them have never typed a path.
So the dialog offers three ways that all end in the same path field:

* type or paste the path (several files for an import, separated by ``;`` or one a line —
  a paste from a file manager keeps every line);
* browse the folders (F2), showing only the files that fit (``.zip`` for kits and return
  files, ``.docx``/``.md`` for the report ...);
* jump to a place: the home folder, Documents, and every USB stick or card that is plugged
  in (F3 goes to the next one). Removable media are looked for when the dialog opens, in
  ``/media``, ``/run/media/<user>`` and ``/Volumes``; only those that exist are shown.

Saving over an existing file asks first. The browser is built only when asked for: it
loads folders in a background worker, which a keyboard user who pastes a path never needs.
"""

from __future__ import annotations

import getpass
import glob
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Literal
from urllib.parse import unquote

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, DirectoryTree, Input, Label, Static

from ..bindings import bind
from ..markup import escape
from ..widgets.fields import TickBox
from .base import QuietModal
from .confirm import ConfirmDialog

Mode = Literal["save", "open", "open_many"]

#: Where removable media are mounted (Linux desktops, other Linux set-ups, macOS).
MEDIA_PATTERNS: tuple[str, ...] = ("/media/*", "/run/media/*/*", "/Volumes/*")


def split_paths(text: str) -> list[str]:
    """The files typed or pasted: separated by ``;`` or new lines, quotes and file:// removed."""
    paths = []
    for part in re.split(r"[;\n\r]+", text):
        part = part.strip().strip("'\"").strip()
        if part.startswith("file://"):
            part = unquote(part[len("file://") :])
        if part:
            paths.append(part)
    return paths


def documents_folder(home: Path | None = None) -> Path:
    """``~/Documents`` when there is one (where people look for files), else the home folder."""
    home = home or Path.home()
    return home / "Documents" if (home / "Documents").is_dir() else home


def removable_folders(patterns: Iterable[str] | None = None) -> list[Path]:
    """The USB sticks and cards mounted now (``/media/<me>`` is looked into: sticks are there)."""
    patterns = MEDIA_PATTERNS if patterns is None else patterns
    try:
        me = getpass.getuser()
    except (KeyError, OSError):
        me = ""
    found: list[Path] = []
    for pattern in patterns:
        for name in sorted(glob.glob(pattern)):
            path = Path(name)
            if not path.is_dir() or path.name.startswith("."):
                continue
            inside = sorted(p for p in path.iterdir() if p.is_dir()) if path.name == me else []
            found += inside or [path]
    return found


def places(sticks: Iterable[Path], home: Path | None = None) -> list[tuple[str, Path]]:
    """The buttons above the browser: home, Documents, then each removable folder."""
    home = home or Path.home()
    found = [("Home", home)]
    if (home / "Documents").is_dir():
        found.append(("Documents", home / "Documents"))
    return found + [(f"USB: {p.name}", p) for p in sticks]


@dataclass(frozen=True)
class PickedFiles:
    """What the dialog was closed with."""

    paths: tuple[Path, ...]
    text: str  # as typed (offered again next time)
    ticked: bool = False  # the dialog's tick box, when it has one
    encrypt: bool = False  # "Encrypt with a passphrase", when offered

    @property
    def path(self) -> Path:
        return self.paths[0]


class PathsInput(Input):
    """An Input that keeps every line of a paste, joined with "; " (Input keeps the first)."""

    def on_paste(self, event: events.Paste) -> None:
        lines = [line.strip() for line in event.text.splitlines() if line.strip()]
        if len(lines) < 2:
            return  # one line: Input's own paste does it
        event.prevent_default()
        event.stop()
        text = "; ".join(lines)
        start, end = sorted(self.selection)
        if start == end:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, start, end)


class FileTree(DirectoryTree):
    """Folders, and only the files with the wanted endings (no hidden ones)."""

    def __init__(self, path: Path, suffixes: tuple[str, ...], *, id: str | None = None) -> None:
        self.suffixes = suffixes
        super().__init__(path, id=id)

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [
            p
            for p in paths
            if not p.name.startswith(".")
            and (self._safe_is_dir(p) or p.suffix.lower() in self.suffixes)
        ]


class FilePicker(QuietModal[PickedFiles | None]):
    """Choose where to save one file (``save``), or which file(s) to open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "cancel", "Cancel", "Close; nothing is done"),
        bind("f2", "browse", "Browse folders", "Show or hide the folders"),
        bind("f3", "next_stick", "USB stick", "Go to the next USB stick", id="usb"),
    ]

    DEFAULT_CSS = """
    FilePicker .file-picker.-browsing { height: 100%; }
    FilePicker .-browsing .picker-about { display: none; }
    FilePicker #picker-ticks { height: auto; }
    FilePicker #places { height: auto; padding: 1 0 0 0; }
    FilePicker #places Button { margin-right: 1; }
    FilePicker .places-label { width: auto; color: $text-muted; margin-right: 1; }
    FilePicker #browser { height: auto; }
    FilePicker .-browsing #browser { height: 1fr; min-height: 4; }
    FilePicker FileTree { height: 1fr; }
    FilePicker .picker-hint { width: 1fr; height: auto; padding: 0; }
    """

    def __init__(
        self,
        title: str,
        about: str,
        *,
        mode: Mode,
        suffixes: tuple[str, ...],
        value: str = "",
        label: str = "",
        action: str = "Export",
        tick: str | None = None,
        note: str | None = None,
        placeholder: str = "",
        encrypt: str | None = None,
    ) -> None:
        super().__init__()
        self.dialog_title = title
        self.about = about
        self.mode: Mode = mode
        self.suffixes = tuple(s.lower() for s in suffixes)
        self.value = value
        self.label = label
        self.action_label = action
        self.tick = tick
        self.note = note
        self.placeholder = placeholder
        self.encrypt = encrypt  # a line urging it while the file holds names, when offered
        self.field_id, self.error_id = (
            ("file-path", "file-error") if mode == "save" else ("import-paths", "import-error")
        )
        self.sticks = removable_folders()  # looked for now: a stick may have just gone in
        self.places = places(self.sticks)
        self.stick_turn = 0

    # -- building ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog file-picker"):
            yield Static(escape(self.dialog_title), classes="dialog-title")
            yield Static(escape(self.about), classes="picker-about")
            yield Label(self.label)
            field = PathsInput if self.mode == "open_many" else Input
            yield field(self.value, placeholder=self.placeholder, id=self.field_id)
            if self.tick is None and self.note:
                yield Static(escape(self.note))
            # Side by side, so the dialog's buttons still fit at 80 x 24.
            with Horizontal(id="picker-ticks"):
                if self.tick is not None:
                    yield TickBox(self.tick, id="no-names")
                if self.encrypt is not None:
                    yield TickBox("Encrypt with a passphrase", value=True, id="encrypt")
            if self.encrypt is not None:
                yield Static(escape(self.encrypt), id="encrypt-note", classes="picker-about")
            yield Static("", id=self.error_id, classes="form-errors")
            with Horizontal(id="places"):
                yield Static("Go to:", classes="places-label")
                for number, (name, _) in enumerate(self.places):
                    yield Button(escape(name), id=f"place-{number}", compact=True)
            yield Vertical(id="browser")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.action_label, variant="primary", id="choose")
                yield Button("Cancel", id="cancel")
            yield Static(self._hint(), classes="dialog-hint picker-hint")

    def _hint(self) -> str:
        sticks = "  ·  [b]F3[/b] USB stick" if self.sticks else ""
        return (
            f"[b]Enter[/b] {self.action_label}  ·  [b]F2[/b] Browse folders{sticks}"
            "  ·  [b]Esc[/b] Cancel"
        )

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        """The line urging encryption is shown while the file holds names."""
        if self.encrypt is not None and event.checkbox.id == "no-names":
            self.query_one("#encrypt-note").display = bool(self.encrypt) and not event.value

    def on_mount(self) -> None:
        if self.encrypt is not None:
            self.query_one("#encrypt-note").display = bool(self.encrypt)
        field = self.query_one(f"#{self.field_id}", Input)
        field.focus()
        field.cursor_position = len(field.value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return bool(self.sticks) if action == "next_stick" else True

    # -- the browser -----------------------------------------------------------------

    def _typed_folder(self) -> Path:
        """The folder of what is typed, if it exists (where the browser opens)."""
        typed = split_paths(self.query_one(f"#{self.field_id}", Input).value)
        if typed:
            path = Path(typed[-1]).expanduser()
            for folder in (path, path.parent):
                if folder.is_dir():
                    return folder
        return documents_folder()

    def show_folder(self, folder: Path) -> None:
        """Open the browser at ``folder`` (and, when saving, point the file name there)."""
        browser = self.query_one("#browser", Vertical)
        trees = browser.query(FileTree)
        if trees:
            trees.first().path = folder
        else:
            self.query_one(".file-picker").add_class("-browsing")
            browser.mount(FileTree(folder, self.suffixes, id="file-tree"))
        if self.mode == "save":
            self._set_field(str(folder / self._file_name()))

    def action_browse(self) -> None:
        trees = self.query(FileTree)
        if trees:
            trees.remove()
            self.query_one(".file-picker").remove_class("-browsing")
            self.query_one(f"#{self.field_id}", Input).focus()
            return
        self.show_folder(self._typed_folder())
        self.call_after_refresh(lambda: self.query_one(FileTree).focus())

    def action_next_stick(self) -> None:
        if not self.sticks:
            return
        folder = self.sticks[self.stick_turn % len(self.sticks)]
        self.stick_turn += 1
        self.show_folder(folder)

    def _file_name(self) -> str:
        typed = self.query_one(f"#{self.field_id}", Input).value.strip().strip("'\"")
        name = Path(typed).name if typed else ""
        return name or Path(self.value).name

    def _set_field(self, text: str) -> None:
        field = self.query_one(f"#{self.field_id}", Input)
        field.value = text
        field.cursor_position = len(text)

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        chosen = str(event.path)
        if self.mode != "open_many":
            self._set_field(chosen)
            self.query_one(f"#{self.field_id}", Input).focus()
            return
        field = self.query_one(f"#{self.field_id}", Input)
        listed = split_paths(field.value)
        if chosen not in listed:
            self._set_field("; ".join([*listed, chosen]))

    def on_directory_tree_directory_selected(self, event: DirectoryTree.DirectorySelected) -> None:
        event.stop()
        if self.mode == "save":
            self._set_field(str(event.path / self._file_name()))

    # -- closing ----------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        button = event.button.id or ""
        if button == "choose":
            self.submit()
        elif button.startswith("place-"):
            self.show_folder(self.places[int(button.removeprefix("place-"))][1])
        else:
            self.action_cancel()

    def _problem(self, text: str) -> None:
        self.query_one(f"#{self.error_id}", Static).update(escape(text))

    def submit(self) -> None:
        text = self.query_one(f"#{self.field_id}", Input).value
        if self.mode == "save":
            self._submit_save(text)
            return
        paths = split_paths(text)
        if not paths:
            self._problem("Type the path of at least one file, or press Esc.")
            return
        if self.mode == "open" and not Path(paths[0]).expanduser().is_file():
            self._problem(f"There is no file {paths[0]}: check the path (is the stick in?).")
            return
        chosen = paths if self.mode == "open_many" else paths[:1]
        self.dismiss(
            PickedFiles(tuple(Path(p).expanduser() for p in chosen), text, self._ticked(), False)
        )

    def _ticked(self) -> bool:
        return self.tick is not None and self.query_one("#no-names", Checkbox).value

    def _submit_save(self, text: str) -> None:
        raw = text.strip().strip("'\"")
        if not raw:
            self._problem("Type where to save the file, for example on your USB stick.")
            return
        path = Path(raw).expanduser()
        if path.is_dir():
            path = path / Path(self.value).name
        elif not path.suffix and self.suffixes:
            path = path.with_suffix(self.suffixes[0])
        if not path.parent.is_dir():
            self._problem(f"There is no folder {path.parent}: check the path (is the stick in?).")
            return
        encrypt = self.encrypt is not None and self.query_one("#encrypt", Checkbox).value
        picked = PickedFiles((path,), text, self._ticked(), encrypt)
        if not path.exists():
            self.dismiss(picked)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(picked)

        self.app.push_screen(
            ConfirmDialog(
                escape(f"{path.name} already exists in {path.parent}.\n\nReplace it?"),
                confirm_label="Replace",
            ),
            answered,
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
