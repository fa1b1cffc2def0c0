"""Findings from anywhere: the finding form, and the panel of findings made here.

A finding is the point of all the fieldwork — a strength, weakness,
observation or piece of good practice, tied to its evidence (document,
interview, question) and to themes. Inspectors make them in the middle of an
interview, so the form opens pre-filled (the sentence they selected in their
notes, or the answer; the question's themes ticked) and needs only a kind and
Ctrl+S. The same form edits and deletes a finding.

The form returns a :class:`FindingDraft`; the screen that opened it writes it
with :func:`save_new_finding` / :func:`save_finding_change` on the app's
ordered writer, which also makes sure the answer row a finding cites exists
before the finding is added.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, RadioSet, Static, TextArea
from textual.widgets.option_list import Option

from tenant_inspect.themes import THEMES

from ..widgets.answer_input import FieldOptionList, MarkedRadioButton, TickList, show_problems

if TYPE_CHECKING:
    from sqlmodel import Session

#: Finding kinds in the order offered, with the words shown (never colour alone).
KIND_LABELS: dict[str, str] = {
    "strength": "Strength",
    "weakness": "Weakness",
    "observation": "Observation",
    "good_practice": "Good practice",
}


@dataclass(frozen=True)
class FindingRow:
    """A finding as the screens show it (a plain copy, safe to keep on the UI thread)."""

    id: str
    kind: str
    text: str
    themes: tuple[str, ...] = ()
    question_key: str = ""

    @classmethod
    def from_model(cls, finding: Any) -> FindingRow:
        return cls(
            id=finding.id,
            kind=finding.kind,
            text=finding.text,
            themes=tuple(finding.themes or ()),
            question_key=finding.question_key or "",
        )

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind.replace("_", " ").capitalize())


@dataclass
class FindingDraft:
    """What the form gives back: the finding as typed, or a request to delete it."""

    kind: str = ""
    text: str = ""
    themes: list[str] = field(default_factory=list)
    delete: bool = False


# ---------------------------------------------------------------------------
# Writing (runs on the app's writer thread)
# ---------------------------------------------------------------------------


def save_new_finding(
    session: Session,
    *,
    parent_kind: str,
    parent_id: str,
    question_key: str | None,
    draft: FindingDraft,
) -> str:
    """Add a finding citing an interview or document (and the question, if any).

    The answer row is created first when the question has not been answered
    yet, so the finding can always point at its exact evidence.
    """
    from tenant_inspect import analysis, fieldwork, records
    from tenant_inspect import models as m

    parent: m.Interview | m.DocumentReview
    if parent_kind == "interview":
        parent = records.get(session, m.Interview, parent_id)
    else:
        parent = records.get(session, m.DocumentReview, parent_id)
    links: dict[str, Any] = {}
    if question_key:
        links["answer_id"] = fieldwork.save_answer(session, parent, question_key).id
    elif parent_kind == "interview":
        links["interview_id"] = parent.id
    else:
        links["document_review_id"] = parent.id
    finding = analysis.add_finding(
        session,
        parent.inspection_id,
        kind=draft.kind,
        text=draft.text,
        themes=list(draft.themes),
        **links,
    )
    return finding.id


def save_finding_change(session: Session, finding_id: str, draft: FindingDraft) -> None:
    """Apply an edit from the form, or tombstone the finding when asked to delete it."""
    from tenant_inspect import analysis, records
    from tenant_inspect import models as m

    finding = records.get(session, m.Finding, finding_id)
    if draft.delete:
        records.delete(session, finding)
        return
    analysis.update_finding(
        session, finding, kind=draft.kind, text=draft.text.strip(), themes=list(draft.themes)
    )


def load_findings(session: Session, inspection_id: str, **where: str) -> list[FindingRow]:
    from tenant_inspect import analysis

    rows = analysis.findings(session, inspection_id, **where)
    return [FindingRow.from_model(f) for f in rows]


# ---------------------------------------------------------------------------
# The form
# ---------------------------------------------------------------------------


class FindingDialog(ModalScreen[FindingDraft | None]):
    """Add or edit one finding: kind, text, themes; shows the evidence it cites."""

    CSS_PATH = "../fieldwork.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "save",
            "Save finding",
            id="save-finding",
            tooltip="Save this finding",
            priority=True,
        ),
        Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Close without saving"),
        Binding(
            "ctrl+d",
            "delete",
            "Delete finding",
            id="delete-finding",
            tooltip="Delete this finding (asks first)",
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
            yield Label("The finding, in a sentence or two *", classes="fw-above")
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
            with Horizontal(classes="dialog-buttons"):
                if self.editing:
                    yield Button("Delete", variant="error", id="delete", compact=True)
                yield Button("Save", variant="primary", id="save", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
            yield Static(
                "[b]Ctrl+S[/b] saves  ·  [b]Esc[/b] cancels  ·  [b]←→ Space[/b] pick the kind"
                + ("  ·  [b]Ctrl+D[/b] deletes" if self.editing else ""),
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

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "delete":
            self.action_delete()
        else:
            self.action_cancel()

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
            show_problems(self, problems)
            self.query_one("#finding-kind" if not draft.kind else "#finding-text").focus()
            return
        self.dismiss(draft)

    def action_cancel(self) -> None:
        self.dismiss(None)

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


# ---------------------------------------------------------------------------
# The panel
# ---------------------------------------------------------------------------


def _short(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class FindingsPanel(Vertical):
    """The findings recorded for one interview or document; Enter on one edits it."""

    DEFAULT_CSS = """
    FindingsPanel { height: 1fr; border-left: vkey $primary; padding: 0 1; }
    FindingsPanel #findings-title { text-style: bold; height: auto; }
    FindingsPanel #findings-list { height: 1fr; }
    FindingsPanel #findings-empty { color: $text-muted; height: auto; }
    FindingsPanel #findings-hint { color: $text-muted; height: auto; }
    """

    class Edit(Message):
        """The inspector chose a finding to edit."""

        def __init__(self, finding_id: str) -> None:
            super().__init__()
            self.finding_id = finding_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[FindingRow] = []
        self.numbers: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield Static("Findings here (0)", id="findings-title")
        yield Static(
            "None yet. On any question press Ctrl+F to record a strength, weakness or observation.",
            id="findings-empty",
        )
        yield FieldOptionList(id="findings-list")
        yield Static("Enter edits · Ctrl+F adds · Ctrl+L hides", id="findings-hint")

    def show(self, rows: list[FindingRow], numbers: dict[str, int] | None = None) -> None:
        """Fill the list. ``numbers`` maps question keys to the question's number for labels."""
        self.rows = rows
        self.numbers = numbers or {}
        option_list = self.query_one("#findings-list", OptionList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        for index, row in enumerate(rows):
            if index:
                option_list.add_option(None)  # a rule between findings
            where = (
                f" · Q{self.numbers[row.question_key]}" if row.question_key in self.numbers else ""
            )
            prompt = Content.assemble((row.kind_label, "bold"), where, "\n", _short(row.text))
            option_list.add_option(Option(prompt, id=row.id))
        if rows:
            option_list.highlighted = min(highlighted or 0, option_list.option_count - 1)
        self.query_one("#findings-title", Static).update(f"Findings here ({len(rows)})")
        self.query_one("#findings-empty").display = not rows
        option_list.display = bool(rows)

    def focus_list(self) -> None:
        option_list = self.query_one("#findings-list", OptionList)
        if option_list.display:
            option_list.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Edit(event.option.id))
