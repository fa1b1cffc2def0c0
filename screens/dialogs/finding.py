"""The finding form: add, edit or delete one finding, from an interview, a review or the board.

A finding is the point of all the fieldwork — a strength, weakness,
observation or piece of good practice, tied to its evidence (document,
interview, question) and to themes. Inspectors make them in the middle of an
interview, so the form opens pre-filled (the sentence they selected in their
notes, or the answer; the question's themes ticked) and needs only a kind and
Ctrl+S. The same form edits and deletes a finding.

The form only asks: it returns a :class:`~tenant_inspect.edits.findings.FindingDraft`
(or None when cancelled), and the screen that opened it writes it with
:func:`tenant_inspect.edits.findings.save_new_finding` or
:func:`~tenant_inspect.edits.findings.save_finding_change` on the app's ordered writer,
which also makes sure the answer row a finding cites exists before the finding is added.
(The list of findings made on an interview or review is
:mod:`screens.widgets.findings_panel`.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Label, RadioSet, Static, TextArea

from tenant_inspect.edits.findings import FindingDraft
from tenant_inspect.themes import THEMES
from tenant_inspect.vocabulary import KIND_LABELS

from ..bindings import bind
from ..widgets.fields import MarkedRadioButton, TickList
from ..widgets.text_box import SELECT_ALL_HINT
from .base import Dialog, dialog_bindings, dialog_buttons


class FindingDialog(Dialog[FindingDraft]):
    """Add or edit one finding: kind, text, themes; shows the evidence it cites."""

    CSS_PATH = "../fieldwork.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        *dialog_bindings("Save finding", "Save this finding", id="save-finding", save_first=True),
        bind(
            "ctrl+d",
            "delete",
            "Delete finding",
            "Delete this finding (asks first)",
            id="delete-finding",
            priority=True,
        ),
    ]

    def __init__(
        self,
        *,
        evidence: str,
        text: str = "",
        themes: Iterable[str] = (),
        kind: str = "",
        editing: bool = False,
    ) -> None:
        super().__init__()
        self.evidence = evidence
        self.initial_text = text
        self.initial_themes = set(themes)
        self.initial_kind = kind
        self.editing = editing

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog finding-dialog"), VerticalScroll(id="finding-body"):
            title = "Edit finding" if self.editing else "Add a finding"
            yield Static(title, classes="dialog-title")
            yield Static(Content(f"Evidence: {self.evidence}"), id="finding-evidence")
            with Horizontal(classes="fw-row"):
                yield Label("Kind *", classes="fw-label")
                yield RadioSet(
                    *[
                        MarkedRadioButton(label, key == self.initial_kind)
                        for key, label in KIND_LABELS.items()
                    ],
                    id="finding-kind",
                    compact=True,
                    classes="fw-field",
                )
            # The Ctrl+A hint sits by the box too: at 80×24 the hint line is below the fold.
            yield Label(
                f"The finding, in a sentence or two *  ·  {SELECT_ALL_HINT}", classes="fw-above"
            )
            yield TextArea(self.initial_text, id="finding-text", soft_wrap=True)
            yield Label("Themes — the question's are ticked; Space ticks", classes="fw-above")
            # The ticked ones first, so they are in view without scrolling.
            themes = sorted(THEMES, key=lambda t: t.id not in self.initial_themes)
            yield TickList(
                *[(f"{t.label} ({t.group})", t.id, t.id in self.initial_themes) for t in themes],
                id="finding-themes",
                compact=True,
            )
            yield Static("", id="form-errors", classes="form-errors -empty")
            delete = [Button("Delete", variant="error", id="delete", compact=True)]
            yield dialog_buttons("Save", "save", *(delete if self.editing else []))
            yield Static(
                "[b]Ctrl+S[/b] saves  ·  [b]Esc[/b] cancels  ·  [b]←→ Space[/b] pick the kind"
                + ("  ·  [b]Ctrl+D[/b] deletes" if self.editing else "")
                + f"  ·  {SELECT_ALL_HINT}",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        text = self.query_one("#finding-text", TextArea)
        text.move_cursor(text.document.end)
        if self.initial_kind:
            text.focus()
        else:
            self.query_one("#finding-kind", RadioSet).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "delete":
            return self.editing
        return True

    def draft(self) -> FindingDraft:
        radio = self.query_one("#finding-kind", RadioSet)
        kinds = list(KIND_LABELS)
        kind = kinds[radio.pressed_index] if radio.pressed_index >= 0 else ""
        return FindingDraft(
            kind=kind,
            text=self.query_one("#finding-text", TextArea).text.strip(),
            themes=list(self.query_one("#finding-themes", TickList).selected),
        )

    def action_save(self) -> None:
        draft = self.draft()
        problems = []
        if not draft.kind:
            problems.append("Choose the kind: strength, weakness, observation or good practice.")
        if not draft.text:
            problems.append("Write the finding.")
        if problems:
            self.show_problems(problems, "#finding-kind" if not draft.kind else "#finding-text")
            return
        self.dismiss(draft)

    def action_delete(self) -> None:
        if not self.editing:
            return
        from .confirm import ConfirmDialog

        def answered(sure: bool | None) -> None:
            if sure:
                self.dismiss(FindingDraft(delete=True))

        self.app.push_screen(
            ConfirmDialog("Delete this finding? It will no longer appear in the report.", "Delete"),
            answered,
        )
