"""The findings board: every finding of the inspection, to review, tidy and merge.

After fieldwork the coordinator turns hundreds of notes into a clean set of
findings. This screen shows them all in one table — area, kind, themes,
author, the evidence in words, the text — and lets the coordinator

* find: search as you type, filter by kind, area and theme, sort by any column
  (press 1–6, or o to go round the columns; press the same number again to
  reverse);
* fix: edit a finding (the same form inspectors use), move it to another area;
* merge duplicates: press m on one, move to the other, press m again and
  confirm which wording to keep (:func:`tenant_inspect.analysis.merge_findings`
  moves themes and recommendation links to the survivor and keeps the other as
  merged, never deleted); or press d for the possible duplicates
  :mod:`tenant_inspect.similarity` suggests;
* check: press v to read the evidence behind a finding — the question, the
  answer and the notes, or the document.

All findings are read once, in a worker, into plain rows; search, filters and
sorting work on those rows in memory, and the table is rebuilt only when what
it shows changes (typing in the search box waits for a short pause first), so
the large demo's 1,000 findings stay responsive.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import (
    Button,
    DataTable,
    Header,
    Input,
    OptionList,
    RadioSet,
    Select,
    Static,
)
from textual.widgets.option_list import Option

from tenant_inspect.attempts import refusable
from tenant_inspect.errors import UserError
from tenant_inspect.themes import THEMES
from tenant_inspect.vocabulary import KIND_LABELS, KIND_WORDS

from .base import AnalysisScreen
from .markup import clip, escape, problem_words
from .messages import DataChanged
from .widgets.answer_input import MarkedRadioButton
from .widgets.footer import FittingFooter
from .widgets.save_indicator import SaveIndicator

if TYPE_CHECKING:
    from sqlmodel import Session

THEME_LABELS = {t.id: t.label for t in THEMES}
KIND_ORDER = {kind: index for index, kind in enumerate(KIND_LABELS)}
ALL = "*"
NO_AREA = "-"

#: From this width the table has room for words instead of letters.
WIDE = 120
#: Typing in the search box waits this long for a pause before the table is rebuilt.
SEARCH_PAUSE = 0.2

LEGEND = "S strength · W weakness · O observation · GP good practice"


# ---------------------------------------------------------------------------
# The data (plain values, read in a worker thread)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AreaChoice:
    id: str
    letter: str
    name: str

    @property
    def title(self) -> str:
        return f"{self.letter}. {self.name}"


@dataclass(frozen=True)
class BoardRow:
    """One finding as the board shows it."""

    id: str
    order: int
    area_id: str | None
    area_letter: str
    area_name: str
    area_position: int
    kind: str
    themes: tuple[str, ...]
    author: str
    author_id: str | None
    evidence: str
    question: str
    text: str
    internal: bool
    search: str = field(repr=False, default="")

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind.replace("_", " ").capitalize())

    @property
    def kind_letter(self) -> str:
        return KIND_WORDS.get(self.kind, ("", "", "?"))[2]

    @property
    def theme_words(self) -> str:
        return ", ".join(THEME_LABELS.get(t, t) for t in self.themes)

    @property
    def area_title(self) -> str:
        return f"{self.area_letter}. {self.area_name}" if self.area_id else "No area"


@dataclass(frozen=True)
class BoardData:
    title: str
    areas: tuple[AreaChoice, ...]
    rows: tuple[BoardRow, ...]


def _question_text(
    cache: dict[tuple[str, str], Any], session: Session, parent: Any, key: str
) -> str:
    """The text of question ``key`` of the questionnaire ``parent`` was run with ('' if unknown)."""
    from tenant_inspect.inspections import questionnaire_for

    if not key or parent is None or not parent.questionnaire_id:
        return ""
    qkey = (parent.questionnaire_id, parent.questionnaire_version)
    if qkey not in cache:
        try:
            cache[qkey] = questionnaire_for(
                session, parent.inspection_id, parent.questionnaire_id, parent.questionnaire_version
            )
        except UserError:
            cache[qkey] = None
    questionnaire = cache[qkey]
    if questionnaire is None:
        return ""
    try:
        return str(questionnaire.question(key).text)
    except KeyError:
        return ""


def load_board(session: Session, inspection_id: str) -> BoardData:
    """Every live, unmerged finding with its area, author and evidence in words.

    Interviews are named by the interviewee's role only: names are private.
    """
    from tenant_inspect import analysis, fieldwork, inspections

    inspection = inspections.get_inspection(session, inspection_id)
    areas = inspections.areas(session, inspection.id)
    choices = tuple(
        AreaChoice(a.id, inspections.area_letter(i), a.name) for i, a in enumerate(areas)
    )
    by_area = {a.id: (i, a) for i, a in enumerate(choices)}
    members = {t.id: t.name for t in inspections.team(session, inspection.id)}
    docs = {d.id: d for d in fieldwork.document_reviews(session, inspection.id)}
    talks = {t.id: t for t in fieldwork.interviews(session, inspection.id)}
    cache: dict[tuple[str, str], Any] = {}
    rows = []
    for order, f in enumerate(analysis.findings(session, inspection.id)):
        parent: Any = None
        if f.interview_id in talks:
            parent = talks[f.interview_id]
            evidence = f"Interview: {parent.interviewee_role}"
        elif f.document_review_id in docs:
            parent = docs[f.document_review_id]
            evidence = f"Document: {parent.title}"
        else:
            evidence = "No evidence linked"
        question = _question_text(cache, session, parent, f.question_key)
        position, area = by_area.get(f.area_id or "", (len(choices), None))
        author = members.get(f.author_id or "", "")
        row = BoardRow(
            id=f.id,
            order=order,
            area_id=area.id if area else None,
            area_letter=area.letter if area else "–",
            area_name=area.name if area else "",
            area_position=position,
            kind=f.kind,
            themes=tuple(f.themes or ()),
            author=author,
            author_id=f.author_id,
            evidence=evidence,
            question=question,
            text=f.text,
            internal=f.internal,
        )
        search = " ".join(
            [
                row.text,
                row.area_title,
                row.kind_label,
                author,
                evidence,
                question,
                row.theme_words,
            ]
        ).casefold()
        rows.append(_with_search(row, search))
    return BoardData(inspection.title, choices, tuple(rows))


def _with_search(row: BoardRow, search: str) -> BoardRow:
    from dataclasses import replace

    return replace(row, search=search)


# ---------------------------------------------------------------------------
# Filtering and sorting (pure: tested without a screen)
# ---------------------------------------------------------------------------

#: The columns in order: (key, heading, sort key).
COLUMNS: tuple[tuple[str, str, Callable[[BoardRow], Any]], ...] = (
    ("area", "Area", lambda r: (r.area_position, KIND_ORDER.get(r.kind, 9), r.order)),
    ("kind", "Kind", lambda r: (KIND_ORDER.get(r.kind, 9), r.area_position, r.order)),
    ("themes", "Themes", lambda r: (r.theme_words.casefold() or "\uffff", r.order)),
    ("author", "Author", lambda r: (r.author.casefold() or "\uffff", r.order)),
    ("evidence", "Evidence", lambda r: (r.evidence.casefold(), r.question.casefold(), r.order)),
    ("text", "Finding", lambda r: (r.text.casefold(), r.order)),
)
COLUMN_KEYS = tuple(key for key, _, _ in COLUMNS)


@dataclass(frozen=True)
class Filters:
    query: str = ""
    kind: str = ALL
    area: str = ALL
    theme: str = ALL

    @property
    def active(self) -> bool:
        return bool(self.query.strip()) or (self.kind, self.area, self.theme) != (ALL, ALL, ALL)


def filter_rows(rows: Iterable[BoardRow], filters: Filters) -> list[BoardRow]:
    """Rows matching every word of the search and every chosen filter."""
    words = filters.query.casefold().split()
    out = []
    for row in rows:
        if filters.kind != ALL and row.kind != filters.kind:
            continue
        if filters.area != ALL and (row.area_id or NO_AREA) != filters.area:
            continue
        if filters.theme != ALL and filters.theme not in row.themes:
            continue
        if words and not all(word in row.search for word in words):
            continue
        out.append(row)
    return out


def sort_rows(rows: Sequence[BoardRow], column: str, reverse: bool = False) -> list[BoardRow]:
    key = next(k for c, _, k in COLUMNS if c == column)
    return sorted(rows, key=key, reverse=reverse)


@dataclass(frozen=True)
class Widths:
    area: int
    kind: int
    themes: int
    author: int
    evidence: int
    text: int
    wide: bool


def column_widths(width: int, longest_author: int = 8) -> Widths:
    """Column widths for a screen ``width`` wide: letters when narrow, words when wide.

    The author column is only as wide as the longest (first) name shown, so an
    inspection whose findings carry no author gives that room to the text.
    """
    wide = width >= WIDE
    # Body padding 2, the table's scroll bar 2, one cell of padding either side of 6 columns.
    room = max(40, width - 2 - 2 - 12)
    # Wide headings carry their sort key: "Area (1)", "Author (4)" ...; narrow ones an arrow.
    author = max(10 if wide else 3, min(16 if wide else 8, longest_author))
    fixed = (
        Widths(12, 13, 22, author, 28, 0, True) if wide else Widths(3, 2, 9, author, 14, 0, False)
    )
    used = fixed.area + fixed.kind + fixed.themes + fixed.author + fixed.evidence
    return Widths(
        fixed.area,
        fixed.kind,
        fixed.themes,
        fixed.author,
        fixed.evidence,
        max(16, room - used),
        wide,
    )


def evidence_cell(row: BoardRow, widths: Widths) -> str:
    """The evidence in words; "Doc:" and "Int:" when the column is narrow."""
    text = row.evidence
    if not widths.wide:
        text = text.replace("Document: ", "Doc: ", 1).replace("Interview: ", "Int: ", 1)
    return clip(text, widths.evidence)


def theme_cell(row: BoardRow, width: int) -> str:
    """The first theme's label, clipped, and '+N' for the others."""
    if not row.themes:
        return "–"
    first = THEME_LABELS.get(row.themes[0], row.themes[0])
    more = f" +{len(row.themes) - 1}" if len(row.themes) > 1 else ""
    return clip(first, max(3, width - len(more))) + more


def first_name(name: str) -> str:
    return name.split()[0] if name.strip() else ""


# ---------------------------------------------------------------------------
# Writing (runs on the app's writer thread)
# ---------------------------------------------------------------------------


def move_finding(session: Session, finding_id: str, area_id: str | None) -> None:
    from tenant_inspect import analysis, records
    from tenant_inspect import models as m

    analysis.update_finding(session, records.get(session, m.Finding, finding_id), area_id=area_id)


def merge_pair(session: Session, keep_id: str, duplicate_id: str) -> str:
    from tenant_inspect import analysis, records
    from tenant_inspect import models as m

    keep = records.get(session, m.Finding, keep_id)
    duplicate = records.get(session, m.Finding, duplicate_id)
    return analysis.merge_findings(session, keep, duplicate).id


# ---------------------------------------------------------------------------
# The evidence behind a finding
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class EvidenceView:
    """What a finding rests on, as lines of (label, text)."""

    title: str
    lines: tuple[tuple[str, str], ...]


def answer_words(question: Any, value: str) -> str:
    """A stored answer as people read it (option labels instead of stored values)."""
    import json

    if not value:
        return ""
    if question is None:
        return value
    if question.type == "multi_choice" and value.startswith("["):
        try:
            return ", ".join(question.option_label(v) for v in json.loads(value))
        except ValueError:
            return value
    if question.type in ("yes_no", "choice"):
        return str(question.option_label(value))
    return value


def load_evidence(session: Session, finding_id: str) -> EvidenceView:
    """The answer (question, answer, notes), or the document, or the interview behind a finding."""
    from tenant_inspect import models as m
    from tenant_inspect import records
    from tenant_inspect.inspections import questionnaire_for

    finding = records.get(session, m.Finding, finding_id)
    lines: list[tuple[str, str]] = [
        ("Finding", f"{KIND_LABELS.get(finding.kind, finding.kind)}: {finding.text}")
    ]
    parent: Any = None
    if finding.interview_id:
        parent = session.get(m.Interview, finding.interview_id)
    elif finding.document_review_id:
        parent = session.get(m.DocumentReview, finding.document_review_id)
    if parent is None:
        lines.append(("Evidence", "No document, interview or question is linked to it."))
        return EvidenceView("The evidence", tuple(lines))
    if isinstance(parent, m.Interview):
        title = f"Interview: {parent.interviewee_role}"
        when = parent.interview_date.isoformat() if parent.interview_date else "no date"
        lines.append(("Interview", f"{parent.interviewee_role} ({when})"))
    else:
        title = f"Document: {parent.title}"
        dated = (
            "undated"
            if parent.undated
            else (parent.document_date.isoformat() if parent.document_date else "date not given")
        )
        extra = ", ".join(x for x in (dated, parent.version, parent.source) if x)
        lines.append(("Document", f"{parent.title} ({extra})"))
    question = None
    if finding.question_key and parent.questionnaire_id:
        try:
            questionnaire = questionnaire_for(
                session, parent.inspection_id, parent.questionnaire_id, parent.questionnaire_version
            )
            question = questionnaire.question(finding.question_key)
        except (UserError, KeyError):
            question = None
    answer = session.get(m.Answer, finding.answer_id) if finding.answer_id else None
    if finding.question_key:
        lines.append(("Question", question.text if question else finding.question_key))
        if answer is not None and not answer.is_deleted:
            if answer.skipped:
                lines.append(("Answer", "(skipped)"))
            words = answer_words(question, answer.value)
            if words:
                lines.append(("Answer", words))
            if answer.notes.strip():
                lines.append(("Notes", answer.notes.strip()))
        else:
            lines.append(("Answer", "(not answered)"))
    elif isinstance(parent, m.Interview) and parent.notes.strip():
        lines.append(("Notes", parent.notes.strip()))
    if isinstance(parent, m.DocumentReview) and parent.observations.strip():
        lines.append(("Observations", parent.observations.strip()))
    return EvidenceView(title, tuple(lines))


class EvidenceDialog(ModalScreen[None]):
    """Read the evidence behind a finding. Esc closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="close", tooltip="Back to the findings"),
        Binding("v", "close", "Close", show=False),
    ]

    DEFAULT_CSS = """
    EvidenceDialog .evidence-dialog { width: 90; max-width: 100%; height: auto; max-height: 100%; }
    EvidenceDialog #evidence-body { height: auto; max-height: 100%; }
    EvidenceDialog .evidence-label { text-style: bold; padding: 1 0 0 0; height: auto; }
    EvidenceDialog .evidence-text { height: auto; }
    EvidenceDialog .evidence-title { text-style: bold; height: auto; }
    EvidenceDialog .evidence-label.-first { padding: 0; }
    EvidenceDialog .evidence-hint { color: $text-muted; height: auto; margin: 1 0 0 0; }
    """

    def __init__(self, view: EvidenceView) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog evidence-dialog"):
            yield Static(escape(self.view.title), classes="evidence-title")
            with VerticalScroll(id="evidence-body"):
                for index, (label, text) in enumerate(self.view.lines):
                    yield Static(label, classes="evidence-label" + (" -first" if not index else ""))
                    yield Static(escape(text), classes="evidence-text")
            yield Static("[b]Esc[/b] closes  ·  ↑↓ scroll", classes="evidence-hint")

    def on_mount(self) -> None:
        self.query_one("#evidence-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)


# ---------------------------------------------------------------------------
# Dialogs: pick an area, merge two findings
# ---------------------------------------------------------------------------


class AreaPickerDialog(ModalScreen[str | None]):
    """Choose the area to move a finding to; returns the area id (or NO_AREA)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Leave it where it is"),
    ]

    DEFAULT_CSS = """
    AreaPickerDialog .area-dialog { width: 60; }
    AreaPickerDialog #area-choices { height: auto; max-height: 16; }
    AreaPickerDialog .area-title { text-style: bold; height: auto; }
    AreaPickerDialog .area-hint { color: $text-muted; height: auto; }
    AreaPickerDialog #area-finding { color: $text-muted; height: auto; max-height: 3; }
    """

    def __init__(self, areas: Sequence[AreaChoice], current: str | None, text: str) -> None:
        super().__init__()
        self.areas = areas
        self.current = current
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog area-dialog"):
            yield Static("Move the finding to another area", classes="area-title")
            yield Static(escape(clip(self.text, 160)), id="area-finding")
            options = [
                Option(
                    escape(a.title + ("  (where it is now)" if a.id == self.current else "")),
                    id=a.id,
                )
                for a in self.areas
            ]
            options.append(
                Option(
                    "No area" + ("  (where it is now)" if self.current is None else ""), id=NO_AREA
                )
            )
            yield OptionList(*options, id="area-choices")
            yield Static(
                "[b]↑↓[/b] choose  ·  [b]Enter[/b] move  ·  [b]Esc[/b] cancel",
                classes="area-hint",
            )

    def on_mount(self) -> None:
        choices = self.query_one("#area-choices", OptionList)
        ids = [a.id for a in self.areas] + [NO_AREA]
        current = self.current or NO_AREA
        choices.highlighted = ids.index(current) if current in ids else 0
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class MergeDialog(ModalScreen[str | None]):
    """Confirm merging two findings and choose whose wording stays; returns the id kept."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Keep both findings"),
        Binding("ctrl+s", "merge", "Merge", id="merge", tooltip="Merge the two", priority=True),
        Binding("y", "merge", "Merge", show=False),
        Binding("1", "keep(0)", "Keep the first", show=False),
        Binding("2", "keep(1)", "Keep the second", show=False),
    ]

    DEFAULT_CSS = """
    MergeDialog .merge-dialog { width: 90; max-width: 100%; height: auto; max-height: 100%; }
    MergeDialog .merge-title { text-style: bold; height: auto; }
    MergeDialog #merge-body { height: auto; max-height: 1fr; }
    MergeDialog .merge-text { height: auto; padding: 0 0 0 3; }
    MergeDialog .merge-head { height: auto; text-style: bold; padding: 1 0 0 0; }
    MergeDialog #merge-keep { height: auto; margin: 1 0 0 0; }
    MergeDialog .merge-warning { color: $warning; text-style: bold; height: auto; }
    MergeDialog .merge-buttons { height: 1; align: right middle; margin: 1 0 0 0; }
    MergeDialog .merge-buttons Button { margin-left: 2; }
    MergeDialog .merge-hint { color: $text-muted; height: auto; }
    """

    def __init__(self, first: BoardRow, second: BoardRow, keep: int = 1) -> None:
        super().__init__()
        self.rows = (first, second)
        self.keep = keep

    def compose(self) -> ComposeResult:
        first, second = self.rows
        with Vertical(classes="dialog merge-dialog"):
            yield Static("Merge two findings into one", classes="merge-title")
            with VerticalScroll(id="merge-body"):
                for number, row in enumerate(self.rows, start=1):
                    by = f" · by {row.author}" if row.author else ""
                    yield Static(
                        escape(
                            f"{number}. {row.kind_label} · {row.area_title}{by} · {row.evidence}"
                        ),
                        classes="merge-head",
                    )
                    yield Static(escape(row.text), classes="merge-text")
                warnings = []
                if first.kind != second.kind:
                    warnings.append("They are of different kinds; the kept one's kind stays.")
                if first.area_id != second.area_id:
                    warnings.append("They are in different areas; the kept one's area stays.")
                for warning in warnings:
                    yield Static(f"⚠ {warning}", classes="merge-warning")
            yield RadioSet(
                MarkedRadioButton("Keep the wording of 1", self.keep == 0),
                MarkedRadioButton("Keep the wording of 2", self.keep == 1),
                id="merge-keep",
                compact=True,
            )
            yield Static(
                "Themes and recommendation links move to the one kept; the other stays on record "
                "as merged into it.",
                classes="merge-hint",
            )
            with Horizontal(classes="merge-buttons"):
                yield Button("Merge", variant="primary", id="merge", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
            yield Static(
                "[b]1[/b]/[b]2[/b] or ↑↓ Space choose  ·  [b]y[/b] or [b]Ctrl+S[/b] merge  ·  "
                "[b]Esc[/b] cancel",
                classes="merge-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#merge-keep", RadioSet).focus()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        if event.index >= 0:
            self.keep = event.index

    def action_keep(self, index: int) -> None:
        self.keep = index
        buttons = list(self.query_one("#merge-keep", RadioSet).query(MarkedRadioButton))
        buttons[index].value = True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "merge":
            self.action_merge()
        else:
            self.action_cancel()

    def action_merge(self) -> None:
        self.dismiss(self.rows[self.keep].id)

    def action_cancel(self) -> None:
        self.dismiss(None)


# ---------------------------------------------------------------------------
# The board
# ---------------------------------------------------------------------------


class FindingsBoardScreen(AnalysisScreen):
    """Every finding: search, filter, sort, edit, move, merge, and see the evidence."""

    HELP_TITLE = "Findings board"
    HELP_TEXT = (
        "Every finding of the inspection. Type / to search (every word must match); Tab moves "
        "to the kind, area and theme filters; ↓ or Enter goes back to the table.\n"
        "Sort: press 1 area · 2 kind · 3 themes · 4 author · 5 evidence · 6 text (again to "
        "reverse), or o to go round the columns. x clears the search and filters.\n"
        "Merge duplicates: press m on one finding, move to the other and press m again, then "
        "choose whose wording to keep. d lists possible duplicates (similar wording about the "
        "same area). A merged finding is kept on record, not deleted.\n"
        f"Kinds when the screen is narrow: {LEGEND}.\n"
        "Esc goes back (or cancels a merge, or leaves the search box)."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="search", key_display="/", tooltip="Search words"),
        Binding("e", "edit", "Edit", id="edit", tooltip="Edit or delete the selected finding"),
        Binding("a", "move", "Area", id="move", tooltip="Move the finding to another area"),
        Binding(
            "m", "merge", "Merge", id="merge", tooltip="Mark a duplicate, then the one to keep"
        ),
        Binding("d", "duplicates", "Duplicates", id="duplicates", tooltip="Possible duplicates"),
        Binding(
            "v", "evidence", "Evidence", id="evidence", tooltip="The answer or document behind it"
        ),
        Binding("o", "sort_next", "Sort", id="sort", tooltip="Sort by the next column"),
        Binding("x", "clear_filters", "Clear filters", id="clear", show=False, tooltip="Show all"),
        Binding("1", "sort('area')", "Sort by area", show=False),
        Binding("2", "sort('kind')", "Sort by kind", show=False),
        Binding("3", "sort('themes')", "Sort by themes", show=False),
        Binding("4", "sort('author')", "Sort by author", show=False),
        Binding("5", "sort('evidence')", "Sort by evidence", show=False),
        Binding("6", "sort('text')", "Sort by text", show=False),
        Binding("escape", "back", "Back", id="back", show=False, tooltip="Back to the inspection"),
    ]

    AUTO_FOCUS = "#board-table"

    DEFAULT_CSS = """
    FindingsBoardScreen #board-body { padding: 0 1; }
    FindingsBoardScreen .title-row { height: 1; }
    FindingsBoardScreen #board-title { text-wrap: nowrap; text-overflow: ellipsis; }
    FindingsBoardScreen .key-hint { width: auto; color: $text-muted; padding: 0 1; }
    FindingsBoardScreen #board-filters { height: 1; }
    FindingsBoardScreen #board-search { width: 1fr; background: $boost; }
    FindingsBoardScreen #board-search:focus { background: $primary 25%; }
    FindingsBoardScreen #board-kind { width: 16; }
    FindingsBoardScreen #board-area { width: 20; }
    FindingsBoardScreen #board-theme { width: 20; }
    FindingsBoardScreen #board-status { height: 1; color: $text-muted; padding: 0 1; }
    FindingsBoardScreen #board-status.-merging { color: $warning; text-style: bold; }
    FindingsBoardScreen #board-table { height: 1fr; }
    FindingsBoardScreen #board-detail {
        height: auto; max-height: 6; padding: 0 1; border-top: solid $primary;
    }
    FindingsBoardScreen.-tall #board-detail { max-height: 10; }
    """

    def __init__(self, inspection_id: str, *, area_id: str | None = None) -> None:
        super().__init__(inspection_id)
        self.data: BoardData | None = None
        self.filters = Filters(area=area_id or ALL)
        self.sort_column = "area"
        self.sort_reverse = False
        self.shown_rows: list[BoardRow] = []
        self._shown_ids: list[str] | None = None
        self._widths: Widths | None = None
        self._search_timer: Timer | None = None
        #: The finding marked as a duplicate, waiting for the one to keep.
        self.marked: str | None = None
        #: Pairs the coordinator said are not duplicates (kept while the board is open).
        self.not_duplicates: set[tuple[str, str]] = set()
        self._select: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="board-body"):
            with Horizontal(classes="title-row"):
                yield Static("Findings board", id="board-title", classes="screen-title")
                yield SaveIndicator()
                yield Static("Esc: back", classes="key-hint")
            with Horizontal(id="board-filters"):
                yield Input(placeholder="/ Search words…", id="board-search", compact=True)
                yield Select(
                    [("All kinds", ALL), *[(label, key) for key, label in KIND_LABELS.items()]],
                    allow_blank=False,
                    value=ALL,
                    id="board-kind",
                    compact=True,
                )
                yield Select(
                    [("All areas", ALL)],
                    allow_blank=False,
                    value=ALL,
                    id="board-area",
                    compact=True,
                )
                yield Select(
                    [("All themes", ALL), *[(t.label, t.id) for t in THEMES]],
                    allow_blank=False,
                    value=ALL,
                    id="board-theme",
                    compact=True,
                )
            yield Static("Loading the findings…", id="board-status")
            yield DataTable(id="board-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="board-detail")
        yield FittingFooter()

    # -- loading ---------------------------------------------------------------

    def load(self) -> None:
        inspection_id = self.inspection_id
        self.services.read(lambda s: load_board(s, inspection_id), self.show, group="board")

    def show(self, data: BoardData) -> None:
        if not self.is_attached:
            return
        self.data = data
        self.sub_title = data.title
        area_select = self.query_one("#board-area", Select)
        options = [("All areas", ALL), *[(clip(a.title, 30), a.id) for a in data.areas]]
        if any(r.area_id is None for r in data.rows):
            options.append(("No area", NO_AREA))
        current = self.filters.area
        with area_select.prevent(Select.Changed):
            area_select.set_options(options)
            area_select.value = current if current in {v for _, v in options} else ALL
        if area_select.value != current:
            self.filters = Filters(self.filters.query, self.filters.kind, ALL, self.filters.theme)
        if self.marked and not any(r.id == self.marked for r in data.rows):
            self.marked = None
        self._shown_ids = None  # the rows' contents may have changed: redraw
        self.refilter()
        table = self.query_one("#board-table", DataTable)
        if self.focused is None or self.focused is self:
            table.focus()

    # -- the table ---------------------------------------------------------------

    def refilter(self) -> None:
        """Apply the filters and the sort; rebuild the table only if what it shows changed."""
        if self.data is None:
            return
        rows = filter_rows(self.data.rows, self.filters)
        self.shown_rows = sort_rows(rows, self.sort_column, self.sort_reverse)
        ids = [r.id for r in self.shown_rows]
        widths = self._column_widths()
        if ids != self._shown_ids or widths != self._widths:
            self._fill(widths)
        self._show_status()
        self._show_detail()

    def _column_widths(self) -> Widths:
        wide = (self.size.width or 80) >= WIDE
        names = (
            [r.author if wide else first_name(r.author) for r in self.data.rows]
            if self.data
            else []
        )
        return column_widths(self.size.width or 80, max((len(n) for n in names), default=0))

    def _fill(self, widths: Widths) -> None:
        table = self.query_one("#board-table", DataTable)
        keep = self._select or self.selected_id()
        self._select = None
        old_row = table.cursor_row
        table.clear(columns=True)
        headings = {key: title for key, title, _ in COLUMNS}
        for number, key in enumerate(COLUMN_KEYS, start=1):
            title = headings[key]
            if key == "area" and not widths.wide:
                title = "Ar"
            elif key == "kind" and not widths.wide:
                title = "K"
            elif key == "author" and widths.author < 6:
                title = "By"
            arrow = "▼" if self.sort_reverse else "▲"
            if key == self.sort_column:
                title += f" {arrow}" if len(title) + 2 <= getattr(widths, key) else arrow
            elif widths.wide:
                title += f" ({number})"
            table.add_column(title, width=getattr(widths, key), key=key)
        marked = self.marked
        for row in self.shown_rows:
            area = clip(row.area_title, widths.area) if widths.wide else row.area_letter
            if row.id == marked:
                area = "»" + area
            table.add_row(
                area,
                row.kind_label if widths.wide else row.kind_letter,
                theme_cell(row, widths.themes),
                clip(row.author if widths.wide else first_name(row.author), widths.author) or "–",
                evidence_cell(row, widths),
                clip(("(internal) " if row.internal else "") + row.text, widths.text),
                key=row.id,
            )
        self._shown_ids = [r.id for r in self.shown_rows]
        self._widths = widths
        if keep in self._shown_ids:
            table.move_cursor(row=self._shown_ids.index(keep), animate=False)
        elif self._shown_ids:
            table.move_cursor(row=min(max(old_row, 0), len(self._shown_ids) - 1), animate=False)

    def _show_status(self) -> None:
        status = self.query_one("#board-status", Static)
        total = len(self.data.rows) if self.data else 0
        shown = len(self.shown_rows)
        title = f"Findings board — {total} finding{'s' if total != 1 else ''}"
        if shown != total:
            title += f", {shown} shown"
        self.query_one("#board-title", Static).update(escape(title))
        marked = self.row(self.marked) if self.marked else None
        status.set_class(marked is not None, "-merging")
        if marked is not None:
            status.update(
                escape(
                    f"» Merging “{clip(marked.text, 30)}”: go to the finding to merge it with "
                    "and press m (Esc cancels)"
                )
            )
            return
        names = {key: title for key, title, _ in COLUMNS}
        order = f"Sorted by {names[self.sort_column].lower()}{' (reversed)' if self.sort_reverse else ''}"
        if not total:
            status.update(
                "No findings yet: they are added while reviewing documents and in interviews."
            )
        elif not shown:
            status.update("No finding matches the search and filters (x clears them).")
        elif self._widths is not None and self._widths.wide:
            status.update(f"{order} · press 1–6 to sort by a column")
        else:
            status.update(f"{order} · {LEGEND}")

    def _show_detail(self) -> None:
        detail = self.query_one("#board-detail", Static)
        row = self.row(self.selected_id())
        if row is None:
            detail.update("")
            return
        by = f" · by {row.author}" if row.author else ""
        themes = f" · Themes: {row.theme_words}" if row.themes else " · no themes"
        internal = " · internal (left out of the public report)" if row.internal else ""
        evidence = row.evidence + (f" — Q: {row.question}" if row.question else "")
        evidence = clip(evidence, max(20, (self.size.width or 80) - 14))
        detail.update(
            f"[b]{escape(row.kind_label)}[/b] · {escape(row.area_title)}{escape(by)}"
            f"{escape(themes)}{internal}\n"
            f"[b]Evidence:[/b] {escape(evidence)}\n{escape(row.text)}"
        )

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(self.size.height >= 36, "-tall")
        if self.data is not None and self._column_widths() != self._widths:
            self.refilter()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self.action_sort(str(event.column_key.value))

    def selected_id(self) -> str | None:
        table = self.query_one("#board-table", DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def row(self, finding_id: str | None) -> BoardRow | None:
        if self.data is None or finding_id is None:
            return None
        return next((r for r in self.data.rows if r.id == finding_id), None)

    def selected(self) -> BoardRow | None:
        row = self.row(self.selected_id())
        if row is None:
            self.notify("There is no finding to act on here.", severity="warning")
        return row

    # -- search and filters ---------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "board-search":
            return
        event.stop()
        self.filters = Filters(
            event.value, self.filters.kind, self.filters.area, self.filters.theme
        )
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_PAUSE, self.refilter)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "board-search":
            event.stop()
            self._apply_search_now()
            self.query_one("#board-table", DataTable).focus()

    def _apply_search_now(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        self.refilter()

    def on_key(self, event: events.Key) -> None:
        # ↓ from the search box goes to the table, as Enter does.
        if event.key == "down" and self.focused is self.query_one("#board-search", Input):
            event.stop()
            self._apply_search_now()
            self.query_one("#board-table", DataTable).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        value = str(event.value)
        f = self.filters
        if event.select.id == "board-kind":
            self.filters = Filters(f.query, value, f.area, f.theme)
        elif event.select.id == "board-area":
            self.filters = Filters(f.query, f.kind, value, f.theme)
        elif event.select.id == "board-theme":
            self.filters = Filters(f.query, f.kind, f.area, value)
        else:
            return
        event.stop()
        self.refilter()

    def action_search(self) -> None:
        self.query_one("#board-search", Input).focus()

    def action_clear_filters(self) -> None:
        self.filters = Filters()
        self.query_one("#board-search", Input).value = ""
        for select_id in ("#board-kind", "#board-area", "#board-theme"):
            select = self.query_one(select_id, Select)
            with select.prevent(Select.Changed):
                select.value = ALL
        self._apply_search_now()

    # -- sorting ----------------------------------------------------------------------

    def action_sort(self, column: str) -> None:
        if column not in COLUMN_KEYS:
            return
        if column == self.sort_column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = column, False
        self._shown_ids = None  # headings change too
        self.refilter()

    def action_sort_next(self) -> None:
        index = COLUMN_KEYS.index(self.sort_column)
        self.sort_column = COLUMN_KEYS[(index + 1) % len(COLUMN_KEYS)]
        self.sort_reverse = False
        self._shown_ids = None
        self.refilter()

    # -- keys that are only for the table ------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"edit", "move", "merge", "evidence", "sort", "sort_next"}:
            # Not while typing in the search box (the keys are letters there).
            return not isinstance(self.focused, Input)
        return True

    # -- editing --------------------------------------------------------------------------

    def _after_write(self, done: str | None, select: str | None = None) -> Callable[[Any], None]:
        def finished(result: tuple[Any, UserError | None]) -> None:
            _, error = result
            if error is not None:
                self.notify(problem_words(error), severity="error", title="Not saved")
                self.app.bell()
            elif done:
                self.notify(done, title="Saved")
            self._select = select
            self._tell_others()
            if self.is_attached:
                self.load()

        return finished

    def _tell_others(self) -> None:
        for screen in self.app.screen_stack:
            if screen is not self:
                screen.post_message(DataChanged())

    def action_edit(self) -> None:
        row = self.selected()
        if row is None:
            return
        from tenant_inspect.finding_edits import FindingDraft, save_finding_change

        from .dialogs.finding import FindingDialog

        finding_id = row.id
        evidence = row.evidence + (f" · question: {row.question}" if row.question else "")

        def chosen(draft: FindingDraft | None) -> None:
            if draft is None:
                return
            done = "Finding deleted." if draft.delete else "Finding updated."
            self.services.write(
                refusable(lambda s: save_finding_change(s, finding_id, draft)),
                self._after_write(done, None if draft.delete else finding_id),
            )

        self.app.push_screen(
            FindingDialog(
                evidence=evidence, text=row.text, themes=row.themes, kind=row.kind, editing=True
            ),
            chosen,
        )

    def action_move(self) -> None:
        row = self.selected()
        if row is None or self.data is None:
            return
        areas = self.data.areas
        finding_id = row.id

        def chosen(area_id: str | None) -> None:
            if area_id is None or area_id == (row.area_id or NO_AREA):
                return
            target = None if area_id == NO_AREA else area_id
            name = next((a.title for a in areas if a.id == target), "no area")
            self.services.write(
                refusable(lambda s: move_finding(s, finding_id, target)),
                self._after_write(f"Moved to {name}.", finding_id),
            )

        self.app.push_screen(AreaPickerDialog(areas, row.area_id, row.text), chosen)

    def action_merge(self) -> None:
        row = self.selected()
        if row is None:
            return
        if self.marked is None or self.row(self.marked) is None:
            self.marked = row.id
            self._shown_ids = None
            self.refilter()
            return
        if self.marked == row.id:
            self.notify("That is the finding you marked: move to the other one first.")
            return
        first = self.row(self.marked)
        assert first is not None
        self.open_merge(first, row)

    def open_merge(self, first: BoardRow, second: BoardRow, keep: int = 1) -> None:
        """Ask which wording to keep, then merge the other finding into it."""

        def chosen(keep_id: str | None) -> None:
            if keep_id is None:
                return
            self.marked = None
            duplicate_id = second.id if keep_id == first.id else first.id
            self.services.write(
                refusable(lambda s: merge_pair(s, keep_id, duplicate_id)),
                self._after_write("Merged: one finding now stands for both.", keep_id),
            )

        self.app.push_screen(MergeDialog(first, second, keep), chosen)

    def action_duplicates(self) -> None:
        if self.data is None:
            return
        self.reload_on_return = True
        self.app.push_screen(DuplicatesScreen(self.inspection_id, self))

    def action_evidence(self) -> None:
        row = self.selected()
        if row is None:
            return
        finding_id = row.id

        def show(view: EvidenceView) -> None:
            if self.is_attached:
                self.app.push_screen(EvidenceDialog(view))

        self.services.read(lambda s: load_evidence(s, finding_id), show, group="evidence")

    def action_back(self) -> None:
        if isinstance(self.focused, Input | Select):
            self._apply_search_now()
            self.query_one("#board-table", DataTable).focus()
            return
        if self.marked is not None:
            self.marked = None
            self._shown_ids = None
            self.refilter()
            self.notify("Merge cancelled.")
            return
        self.dismiss()


# ---------------------------------------------------------------------------
# Possible duplicates
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DuplicatePair:
    first: BoardRow
    second: BoardRow
    score: float


def find_duplicates(
    session: Session, inspection_id: str, exclude: Iterable[tuple[str, str]]
) -> tuple[list[DuplicatePair], bool]:
    """The board's rows, paired by :func:`tenant_inspect.similarity.suggest_duplicates`."""
    from tenant_inspect.similarity import suggest_duplicates

    data = load_board(session, inspection_id)
    by_id = {r.id: r for r in data.rows}
    result = suggest_duplicates(data.rows, exclude=exclude, limit=300)
    pairs = [
        DuplicatePair(by_id[s.first_id], by_id[s.second_id], s.score) for s in result.suggestions
    ]
    return pairs, result.truncated


class DuplicatesScreen(AnalysisScreen):
    """Pairs of findings with similar wording about the same area: merge or dismiss them."""

    HELP_TITLE = "Possible duplicates"
    HELP_TEXT = (
        "Pairs of findings of the same kind about the same area whose wording is alike, the "
        "most alike first (the percentage says how alike). Enter merges a pair (you choose "
        "whose wording stays); n says they are not duplicates and hides the pair.\n"
        "Esc goes back to the findings board."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter", "merge", "Merge", id="merge", tooltip="Merge the selected pair", priority=True
        ),
        Binding(
            "n", "not_duplicate", "Not duplicates", id="not-duplicate", tooltip="Hide this pair"
        ),
        Binding("escape", "back", "Back", id="back", show=False, tooltip="Back to the board"),
    ]

    DEFAULT_CSS = """
    DuplicatesScreen #dup-body { padding: 0 1; }
    DuplicatesScreen .title-row { height: 1; }
    DuplicatesScreen .key-hint { width: auto; color: $text-muted; padding: 0 1; }
    DuplicatesScreen #dup-status { height: auto; color: $text-muted; padding: 0 1; }
    DuplicatesScreen #dup-list { height: 1fr; }
    DuplicatesScreen #dup-detail {
        height: auto; max-height: 8; padding: 0 1; border-top: solid $primary;
    }
    """

    def __init__(self, inspection_id: str, board: FindingsBoardScreen) -> None:
        super().__init__(inspection_id)
        self.board = board
        self.pairs: list[DuplicatePair] = []
        self.sub_title = board.sub_title

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="dup-body"):
            with Horizontal(classes="title-row"):
                yield Static("Possible duplicates", id="dup-title", classes="screen-title")
                yield SaveIndicator()
                yield Static("Esc: back", classes="key-hint")
            yield Static("Comparing the findings…", id="dup-status")
            yield OptionList(id="dup-list")
            yield Static("", id="dup-detail")
        yield FittingFooter()

    def load(self) -> None:
        inspection_id = self.inspection_id
        exclude = set(self.board.not_duplicates)
        self.services.read(
            lambda s: find_duplicates(s, inspection_id, exclude), self.show, group="duplicates"
        )

    def show(self, result: tuple[list[DuplicatePair], bool]) -> None:
        if not self.is_attached:
            return
        pairs, truncated = result
        self.pairs = [
            p for p in pairs if (p.first.id, p.second.id) not in self.board.not_duplicates
        ]
        listing = self.query_one("#dup-list", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        # The list's border, scroll bar and padding take 8 columns, " 1. " four more.
        room = max(20, (self.size.width or 80) - 14)
        for index, pair in enumerate(self.pairs):
            if index:
                listing.add_option(None)
            head = Text.assemble(
                (f"{round(pair.score * 100)}% alike", "bold"),
                f" · {pair.first.area_title} · {pair.first.kind_label}",
            )
            lines = [head]
            for number, row in enumerate((pair.first, pair.second), start=1):
                by = f" ({first_name(row.author)})" if row.author else ""
                lines.append(Text(f" {number}. {clip(row.text, room - len(by))}{by}"))
            listing.add_option(
                Option(Text("\n").join(lines), id=f"{pair.first.id}|{pair.second.id}")
            )
        if self.pairs:
            listing.highlighted = min(highlighted or 0, listing.option_count - 1)
            listing.focus()
        count = len(self.pairs)
        status = self.query_one("#dup-status", Static)
        if not count:
            status.update(
                "No possible duplicates: no two findings of a kind about the same area read alike."
            )
        else:
            more = (
                " (not every pair could be compared: narrow the board first)" if truncated else ""
            )
            status.update(
                f"{count} pair{'s' if count != 1 else ''} of findings read alike{more}. "
                "Enter merges a pair · n: not duplicates"
            )
        self._show_detail()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        pair = self.selected_pair()
        detail = self.query_one("#dup-detail", Static)
        detail.display = pair is not None
        if pair is None:
            return
        lines = []
        for number, row in enumerate((pair.first, pair.second), start=1):
            by = f" (by {row.author})" if row.author else ""
            lines.append(f"[b]{number}.[/b] {escape(row.text + by)}")
        detail.update("\n".join(lines))

    def selected_pair(self) -> DuplicatePair | None:
        listing = self.query_one("#dup-list", OptionList)
        if listing.highlighted is None:
            return None
        option = listing.get_option_at_index(listing.highlighted)
        return next((p for p in self.pairs if f"{p.first.id}|{p.second.id}" == option.id), None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_merge()

    def action_merge(self) -> None:
        pair = self.selected_pair()
        if pair is None:
            return

        def chosen(keep_id: str | None) -> None:
            if keep_id is None:
                return
            duplicate_id = pair.second.id if keep_id == pair.first.id else pair.first.id

            def finished(result: tuple[Any, UserError | None]) -> None:
                _, error = result
                if error is not None:
                    self.notify(problem_words(error), severity="error", title="Not merged")
                else:
                    self.notify("Merged: one finding now stands for both.", title="Saved")
                if self.is_attached:
                    self.load()

            self.services.write(refusable(lambda s: merge_pair(s, keep_id, duplicate_id)), finished)

        self.app.push_screen(MergeDialog(pair.first, pair.second, keep=0), chosen)

    def action_not_duplicate(self) -> None:
        pair = self.selected_pair()
        if pair is None:
            return
        self.board.not_duplicates.add((pair.first.id, pair.second.id))
        self.board.not_duplicates.add((pair.second.id, pair.first.id))
        self.show((list(self.pairs), False))
