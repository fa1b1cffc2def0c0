"""Recommendations: R1, R2 … with their actions, benefits, levels, dates and evidence.

The list at the top is the report's order; the numbers follow it and are
rewritten whenever a recommendation is added, moved ([ ]) or deleted, so there
is never a gap or a duplicate. Links to findings are by id, so renumbering
never loses them.

The selected recommendation is edited in the form below the list, saved as it
is typed: the recommendation itself, its sub-actions (one per line), the
expected benefits, impact, cost and priority, a target date (checked: a date
that is not a date is not saved, and the field says why) and the area it
belongs to. Press l to choose the findings it answers — the area's weaknesses
are offered first. Two warnings keep recommendations tied to the evidence: a
recommendation citing no finding, and weaknesses no recommendation answers
(press w to see them and link one to the selected recommendation).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Header, Input, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from tenant_inspect.attempts import refusable
from tenant_inspect.checks import Warning
from tenant_inspect.errors import UserError
from tenant_inspect.models import COST_BANDS
from tenant_inspect.vocabulary import KIND_LABELS, KIND_WORDS

from .base import AnalysisScreen
from .dialogs.confirm import ConfirmDialog
from .dialogs.text_entry import TextDialog
from .markup import clip, escape, problem_words
from .widgets.answer_input import TickList
from .widgets.footer import FittingFooter
from .widgets.save_indicator import SaveIndicator

if TYPE_CHECKING:
    from sqlmodel import Session

NO_AREA = "-"
LEVEL_WORDS = {"high": "High", "medium": "Medium", "low": "Low"}
TEXT_FIELDS = ("text", "sub_actions", "expected_benefits")
CHOICE_FIELDS = ("impact", "cost", "priority", "area_id")
FIELD_NAMES = {
    "text": "Recommendation",
    "sub_actions": "Sub-actions",
    "expected_benefits": "Expected benefits",
    "impact": "Impact",
    "cost": "Cost",
    "priority": "Priority",
    "target_date": "Target date",
    "area_id": "Area",
}
TEXT_LIMIT = 100_000
MOVE = Binding.Group("Move ")


# ---------------------------------------------------------------------------
# The data
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
class FindingInfo:
    id: str
    area_id: str | None
    area_letter: str
    kind: str
    text: str

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass(frozen=True)
class RecRow:
    id: str
    number: int
    text: str
    sub_actions: tuple[str, ...]
    expected_benefits: str
    impact: str
    cost: str
    priority: str
    target_date: date | None
    area_id: str | None
    internal: bool
    finding_ids: tuple[str, ...]

    def value(self, field: str) -> Any:
        if field == "sub_actions":
            return "\n".join(self.sub_actions)
        if field == "area_id":
            return self.area_id or NO_AREA
        if field == "target_date":
            return self.target_date.isoformat() if self.target_date else ""
        return getattr(self, field)


@dataclass(frozen=True)
class RecsData:
    title: str
    areas: tuple[AreaChoice, ...]
    recs: tuple[RecRow, ...]
    findings: tuple[FindingInfo, ...]
    warnings: tuple[Warning, ...]

    def finding(self, finding_id: str) -> FindingInfo | None:
        return next((f for f in self.findings if f.id == finding_id), None)

    @property
    def unanswered(self) -> list[str]:
        return [i for w in self.warnings if w.code == "weakness-unanswered" for i in w.ids]


def load_recommendations(session: Session, inspection_id: str) -> RecsData:
    from tenant_inspect import analysis, inspections, records
    from tenant_inspect import models as m
    from tenant_inspect.checks import recommendation_warnings

    inspection = inspections.get_inspection(session, inspection_id)
    iid = inspection.id
    areas = tuple(
        AreaChoice(a.id, inspections.area_letter(i), a.name)
        for i, a in enumerate(inspections.areas(session, iid))
    )
    letters = {a.id: a.letter for a in areas}
    findings = analysis.findings(session, iid)
    live = {f.id for f in findings}
    links: dict[str, list[str]] = {}
    pairs = []
    for link in records.live(session, m.RecommendationFinding, inspection_id=iid):
        if link.finding_id in live:
            links.setdefault(link.recommendation_id, []).append(link.finding_id)
            pairs.append((link.recommendation_id, link.finding_id))
    recs = analysis.recommendations(session, iid)
    names: dict[str | None, str] = {a.id: a.title for a in areas}
    return RecsData(
        title=inspection.title,
        areas=areas,
        recs=tuple(
            RecRow(
                id=r.id,
                number=r.number,
                text=r.text,
                sub_actions=tuple(r.sub_actions or ()),
                expected_benefits=r.expected_benefits,
                impact=r.impact,
                cost=r.cost,
                priority=r.priority,
                target_date=r.target_date,
                area_id=r.area_id,
                internal=r.internal,
                finding_ids=tuple(dict.fromkeys(links.get(r.id, []))),
            )
            for r in recs
        ),
        findings=tuple(
            FindingInfo(f.id, f.area_id, letters.get(f.area_id or "", "–"), f.kind, f.text)
            for f in findings
        ),
        warnings=tuple(recommendation_warnings(recs, findings, pairs, area_names=names)),
    )


# ---------------------------------------------------------------------------
# Checking and writing
# ---------------------------------------------------------------------------


def parse_target(text: str) -> date | None:
    """A target date as typed: YYYY-MM-DD or DD/MM/YYYY; '' for none. ValueError otherwise."""
    from tenant_inspect.dates import parse_day

    return parse_day(text) if text.strip() else None


def check_field(field: str, raw: str) -> tuple[Any, str | None]:
    """The value to store for what is in a field, or why it cannot be stored."""
    name = FIELD_NAMES.get(field, field)
    if field == "target_date":
        try:
            return parse_target(raw), None
        except ValueError:
            return None, (
                f"{name}: “{raw.strip()}” is not a date. Write it as YYYY-MM-DD, for example "
                "2026-12-31. Not saved until it is a date."
            )
    if field == "sub_actions":
        lines = [line.strip() for line in raw.splitlines() if line.strip()]
        if len(lines) > 100:
            return None, f"{name}: at most 100 sub-actions. Not saved."
        return lines, None
    if field == "area_id":
        return (None if raw == NO_AREA else raw), None
    if field == "text" and not raw.strip():
        return None, (
            "Recommendation: it cannot be empty. Type it again, or delete the recommendation "
            "(Esc, then Del). Not saved while it is empty."
        )
    if len(raw) > TEXT_LIMIT:
        return None, f"{name}: too long ({len(raw)} characters; at most {TEXT_LIMIT}). Not saved."
    return (raw.strip() if field == "text" else raw), None


def save_field(rec_id: str, field: str, value: Any) -> Callable[[Session], None]:
    def save(session: Session) -> None:
        from tenant_inspect import analysis, records
        from tenant_inspect import models as m

        rec = records.get(session, m.Recommendation, rec_id)
        analysis.update_recommendation(session, rec, **{field: value})

    return save


def add_recommendation(
    inspection_id: str, text: str, area_id: str | None
) -> Callable[[Session], str]:
    def add(session: Session) -> str:
        from tenant_inspect import analysis

        return analysis.add_recommendation(session, inspection_id, text=text, area_id=area_id).id

    return add


def move_recommendation(rec_id: str, offset: int) -> Callable[[Session], str]:
    def run(session: Session) -> str:
        from tenant_inspect import analysis, records
        from tenant_inspect import models as m

        analysis.move_recommendation(
            session, records.get(session, m.Recommendation, rec_id), offset
        )
        return rec_id

    return run


def delete_recommendation(rec_id: str) -> Callable[[Session], None]:
    def run(session: Session) -> None:
        from tenant_inspect import analysis, records
        from tenant_inspect import models as m

        analysis.delete_recommendation(session, records.get(session, m.Recommendation, rec_id))

    return run


def set_links(rec_id: str, wanted: Sequence[str]) -> Callable[[Session], str]:
    """Make the recommendation cite exactly ``wanted`` (links added or tombstoned)."""

    def run(session: Session) -> str:
        from tenant_inspect import analysis, records
        from tenant_inspect import models as m

        rec = records.get(session, m.Recommendation, rec_id)
        have = {f.id for f in analysis.linked_findings(session, rec)}
        for finding_id in have - set(wanted):
            analysis.unlink_finding(session, rec, records.get(session, m.Finding, finding_id))
        for finding_id in wanted:
            if finding_id not in have:
                analysis.link_finding(session, rec, records.get(session, m.Finding, finding_id))
        return rec_id

    return run


def link_one(rec_id: str, finding_id: str) -> Callable[[Session], str]:
    def run(session: Session) -> str:
        from tenant_inspect import analysis, records
        from tenant_inspect import models as m

        rec = records.get(session, m.Recommendation, rec_id)
        analysis.link_finding(session, rec, records.get(session, m.Finding, finding_id))
        return rec_id

    return run


def offer_order(findings: Sequence[FindingInfo], area_id: str | None) -> list[FindingInfo]:
    """Findings to pick from: this area's weaknesses, other weaknesses, then the rest."""

    def rank(f: FindingInfo) -> int:
        weak = f.kind == "weakness"
        here = area_id is not None and f.area_id == area_id
        return 0 if weak and here else 1 if weak else 2 if here else 3

    return sorted(findings, key=rank)


# ---------------------------------------------------------------------------
# Dialogs: link findings, unanswered weaknesses
# ---------------------------------------------------------------------------


class LinkFindingsDialog(ModalScreen[list[str] | None]):
    """Tick the findings a recommendation answers; returns the ticked ids."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Keep the links as they were"),
        Binding("ctrl+s", "save", "Save links", id="save", tooltip="Save the ticks", priority=True),
    ]

    DEFAULT_CSS = """
    LinkFindingsDialog .link-dialog { width: 100; max-width: 100%; height: 100%; max-height: 40; }
    LinkFindingsDialog .link-title { text-style: bold; height: auto; }
    LinkFindingsDialog #link-filter { margin: 1 0 0 0; }
    LinkFindingsDialog #link-list { height: 1fr; }
    LinkFindingsDialog #link-full { height: auto; max-height: 4; border-top: solid $primary; }
    LinkFindingsDialog .link-hint { color: $text-muted; height: auto; }
    """

    def __init__(self, title: str, findings: Sequence[FindingInfo], linked: Sequence[str]) -> None:
        super().__init__()
        self.title_text = title
        self.findings = list(findings)
        self.ticked = set(linked)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog link-dialog"):
            yield Static(escape(self.title_text), classes="link-title")
            yield Input(placeholder="Type to narrow the list…", id="link-filter", compact=True)
            yield TickList(id="link-list", compact=True)
            yield Static("", id="link-full")
            yield Static("", id="link-count", classes="link-hint")
            yield Static(
                "[b]Space[/b] ticks or unticks  ·  [b]Ctrl+S[/b] saves  ·  [b]Esc[/b] cancels  ·  "
                "this area's weaknesses come first",
                classes="link-hint",
            )

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#link-list", TickList).focus()

    def _fill(self, query: str) -> None:
        words = query.casefold().split()
        listing = self.query_one("#link-list", TickList)
        listing.clear_options()
        options = []
        for f in self.findings:
            label = f"{KIND_WORDS.get(f.kind, ('', '', '?'))[2]} · {f.area_letter} · {f.text}"
            if words and not all(w in label.casefold() for w in words):
                continue
            options.append((clip(label, 190), f.id, f.id in self.ticked))
        listing.add_options(options)
        if options:
            listing.highlighted = 0
        self._count()

    def _count(self) -> None:
        n = len(self.ticked)
        self.query_one("#link-count", Static).update(
            f"{n} finding{'s' if n != 1 else ''} ticked. Letters: W weakness · S strength · "
            "O observation · GP good practice."
        )

    def on_selection_list_selection_highlighted(
        self, event: TickList.SelectionHighlighted[str]
    ) -> None:
        event.stop()
        finding = next((f for f in self.findings if f.id == event.selection.value), None)
        full = self.query_one("#link-full", Static)
        if finding is not None:
            full.update(escape(f"{finding.kind_label} ({finding.area_letter}): {finding.text}"))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#link-list", TickList).focus()

    def on_selection_list_selection_toggled(self, event: TickList.SelectionToggled[str]) -> None:
        event.stop()
        value = event.selection.value
        if value in event.selection_list.selected:
            self.ticked.add(value)
        else:
            self.ticked.discard(value)
        self._count()

    def action_save(self) -> None:
        order = [f.id for f in self.findings]
        self.dismiss([i for i in order if i in self.ticked])

    def action_cancel(self) -> None:
        self.dismiss(None)


class UnansweredDialog(ModalScreen[str | None]):
    """Weaknesses no recommendation answers; Enter returns one to link."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="cancel", tooltip="Back to the recommendations"),
    ]

    DEFAULT_CSS = """
    UnansweredDialog .unanswered-dialog { width: 100; max-width: 100%; height: 100%; max-height: 40; }
    UnansweredDialog .unanswered-title { text-style: bold; height: auto; }
    UnansweredDialog #unanswered-list { height: 1fr; margin: 1 0 0 0; }
    UnansweredDialog .unanswered-hint { color: $text-muted; height: auto; }
    """

    def __init__(self, findings: Sequence[FindingInfo], rec_number: int | None) -> None:
        super().__init__()
        self.findings = list(findings)
        self.rec_number = rec_number

    def compose(self) -> ComposeResult:
        n = len(self.findings)
        with Vertical(classes="dialog unanswered-dialog"):
            yield Static(
                f"{n} weakness{'es' if n != 1 else ''} no recommendation answers",
                classes="unanswered-title",
            )
            options = [
                Option(escape(f"{f.area_letter} · {f.text}"), id=f.id) for f in self.findings
            ]
            if not options:
                options = [Option("Every weakness is answered by a recommendation.", disabled=True)]
            yield OptionList(*options, id="unanswered-list")
            hint = (
                f"[b]Enter[/b] links the weakness to R{self.rec_number}  ·  "
                if self.rec_number
                else "Add a recommendation first to link these to it  ·  "
            )
            yield Static(hint + "[b]Esc[/b] closes", classes="unanswered-hint")

    def on_mount(self) -> None:
        self.query_one("#unanswered-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.rec_number and event.option.id:
            self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


# ---------------------------------------------------------------------------
# The screen
# ---------------------------------------------------------------------------


def level_options(field: str) -> list[tuple[str, str]]:
    if field == "cost":
        return [("– not set", "")] + [
            (f"{LEVEL_WORDS[k]} ({COST_BANDS[k][0].lower()}{COST_BANDS[k][1:]})", k)
            for k in ("high", "medium", "low")
        ]
    return [("– not set", "")] + [(LEVEL_WORDS[k], k) for k in ("high", "medium", "low")]


class RecommendationsScreen(AnalysisScreen):
    """Numbered recommendations, each tied to the findings it answers."""

    HELP_TITLE = "Recommendations"
    HELP_TEXT = (
        "The list is the report's order: R1, R2 … are renumbered whenever you add, move or "
        "delete one, and the findings each cites stay with it.\n"
        "↑↓ choose a recommendation; Enter or e goes into its form, Tab moves between the "
        "fields, Esc comes back to the list. Everything is saved as you type; a target date "
        "is written YYYY-MM-DD (or DD/MM/YYYY). Sub-actions: one per line.\n"
        "a adds one at the end; [ and ] move it up or down; Del deletes it after asking.\n"
        "l chooses the findings it answers (this area's weaknesses first); w lists the "
        "weaknesses no recommendation answers yet (Enter links one to the selected "
        "recommendation).\n"
        "Esc goes back to the dashboard."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", id="add", tooltip="Add a recommendation at the end"),
        Binding("e", "edit", "Edit", id="edit", tooltip="Go into the selected one's form"),
        Binding("l", "link", "Findings", id="link", tooltip="Choose the findings this one answers"),
        Binding(
            "w",
            "unanswered",
            "Unanswered",
            id="unanswered",
            tooltip="Weaknesses no recommendation answers",
        ),
        Binding(
            "left_square_bracket",
            "move(-1)",
            "Move up",
            id="move-up",
            key_display="[",
            group=MOVE,
            tooltip="Earlier (renumbers)",
        ),
        Binding(
            "right_square_bracket",
            "move(1)",
            "Move down",
            id="move-down",
            key_display="]",
            group=MOVE,
            tooltip="Later (renumbers)",
        ),
        Binding("ctrl+up", "move(-1)", "Move up", show=False),
        Binding("ctrl+down", "move(1)", "Move down", show=False),
        Binding(
            "delete",
            "delete",
            "Delete",
            id="delete",
            key_display="Del",
            tooltip="Delete the selected recommendation (asks first)",
        ),
        Binding("escape", "back", "Back", id="back", show=False, tooltip="Back to the dashboard"),
        Binding(
            "ctrl+q", "quit", "Quit", id="quit", show=False, tooltip="Quit (everything is saved)"
        ),
    ]

    AUTO_FOCUS = "#recs"

    DEFAULT_CSS = """
    RecommendationsScreen #recs-body { padding: 0 1; }
    RecommendationsScreen .title-row { height: 1; }
    RecommendationsScreen #recs-title { text-wrap: nowrap; text-overflow: ellipsis; }
    RecommendationsScreen .key-hint { width: auto; color: $text-muted; padding: 0 1; }
    RecommendationsScreen #recs-warnings { height: auto; max-height: 3; color: $warning; }
    RecommendationsScreen #recs-main { height: 1fr; layout: vertical; }
    RecommendationsScreen.-wide #recs-main { layout: horizontal; }
    RecommendationsScreen #recs-side { height: auto; }
    RecommendationsScreen.-wide #recs-side { height: 1fr; width: 2fr; }
    RecommendationsScreen #recs { height: 7; }
    RecommendationsScreen.-wide #recs { height: 1fr; }
    RecommendationsScreen #recs-empty { height: auto; color: $text-muted; padding: 1; }
    RecommendationsScreen #rec-form { height: 1fr; padding: 0 1 0 0; }
    RecommendationsScreen.-wide #rec-form { width: 3fr; padding: 0 0 0 1; }
    RecommendationsScreen .form-head.-first { margin: 0; }
    RecommendationsScreen .form-head { text-style: bold; height: 1; margin: 1 0 0 0; }
    RecommendationsScreen .form-text { border: none; padding: 0 1; background: $boost; height: 3; }
    RecommendationsScreen .form-text:focus { background: $primary 25%; }
    RecommendationsScreen #f-text { height: 4; }
    RecommendationsScreen .form-row { height: 1; margin: 1 0 0 0; }
    RecommendationsScreen .form-label { width: 10; text-style: bold; }
    RecommendationsScreen .form-row Select { width: 1fr; margin: 0 1 0 0; }
    RecommendationsScreen #f-cost { width: 2fr; }
    RecommendationsScreen #f-target_date { width: 14; background: $boost; margin: 0 1 0 0; }
    RecommendationsScreen #f-target_date:focus { background: $primary 25%; }
    RecommendationsScreen .field-error { color: $error; text-style: bold; height: auto; }
    RecommendationsScreen #rec-warning { color: $warning; text-style: bold; height: auto; }
    RecommendationsScreen #rec-links { height: auto; }
    RecommendationsScreen #recs-message { height: auto; }
    RecommendationsScreen #recs-message.-error { color: $error; text-style: bold; }
    """

    def __init__(self, inspection_id: str) -> None:
        super().__init__(inspection_id)
        self.data: RecsData | None = None
        #: Values typed here, per recommendation and field (the truth while the screen is open).
        self.typed: dict[tuple[str, str], Any] = {}
        #: The recommendation the form holds (lags the selection while switching).
        self.form_id: str | None = None
        self.invalid: dict[str, str] = {}
        self._select: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="recs-body"):
            with Horizontal(classes="title-row"):
                yield Static("Recommendations", id="recs-title", classes="screen-title")
                yield SaveIndicator()
                yield Static("Esc: back", classes="key-hint")
            yield Static("", id="recs-warnings")
            with Horizontal(id="recs-main"):
                with Vertical(id="recs-side"):
                    yield OptionList(id="recs")
                    yield Static("", id="recs-empty")
                with VerticalScroll(id="rec-form", can_focus=False):
                    yield Static("", id="rec-warning")
                    yield Static("Recommendation *", classes="form-head -first")
                    yield TextArea(id="f-text", soft_wrap=True, classes="form-text")
                    yield Static("", id="err-text", classes="field-error")
                    yield Static("Sub-actions — one per line", classes="form-head")
                    yield TextArea(id="f-sub_actions", soft_wrap=True, classes="form-text")
                    yield Static("Expected benefits", classes="form-head")
                    yield TextArea(id="f-expected_benefits", soft_wrap=True, classes="form-text")
                    with Horizontal(classes="form-row"):
                        yield Static("Impact", classes="form-label")
                        yield Select(
                            level_options("impact"),
                            allow_blank=False,
                            value="",
                            id="f-impact",
                            compact=True,
                        )
                        yield Static("Priority", classes="form-label")
                        yield Select(
                            level_options("priority"),
                            allow_blank=False,
                            value="",
                            id="f-priority",
                            compact=True,
                        )
                    with Horizontal(classes="form-row"):
                        yield Static("Cost", classes="form-label")
                        yield Select(
                            level_options("cost"),
                            allow_blank=False,
                            value="",
                            id="f-cost",
                            compact=True,
                        )
                    with Horizontal(classes="form-row"):
                        yield Static("Target", classes="form-label")
                        yield Input(
                            placeholder="YYYY-MM-DD",
                            id="f-target_date",
                            compact=True,
                            max_length=10,
                        )
                        yield Static("Area", classes="form-label")
                        yield Select(
                            [("Whole organisation", NO_AREA)],
                            allow_blank=False,
                            value=NO_AREA,
                            id="f-area_id",
                            compact=True,
                        )
                    yield Static("", id="err-target_date", classes="field-error")
                    yield Static("Findings it answers", id="links-head", classes="form-head")
                    yield Static("", id="rec-links")
            yield Static("", id="recs-message")
        yield FittingFooter()

    # -- loading ---------------------------------------------------------------------

    def load(self) -> None:
        inspection_id = self.inspection_id
        self.services.read(
            lambda s: load_recommendations(s, inspection_id), self.show, group="recommendations"
        )

    def show(self, data: RecsData) -> None:
        if not self.is_attached:
            return
        self.data = data
        self.sub_title = data.title
        area_select = self.query_one("#f-area_id", Select)
        with area_select.prevent(Select.Changed):
            area_select.set_options(
                [("Whole organisation", NO_AREA), *[(clip(a.title, 40), a.id) for a in data.areas]]
            )
        self._fill()
        self._show_warnings()

    def value(self, rec: RecRow, field: str) -> Any:
        """What the form shows for a field (typed here, or as stored)."""
        return self.typed.get((rec.id, field), rec.value(field))

    def _fill(self) -> None:
        assert self.data is not None
        listing = self.query_one("#recs", OptionList)
        keep = self._select or self.selected_id()
        self._select = None
        listing.clear_options()
        for rec in self.data.recs:
            listing.add_option(Option(self._prompt(rec), id=rec.id))
        ids = [r.id for r in self.data.recs]
        if ids:
            listing.highlighted = ids.index(keep) if keep in ids else 0
        n = len(ids)
        self.query_one("#recs-title", Static).update(
            f"Recommendations — {n}"
            + (f" (R1–R{n})" if n > 1 else "")
            + (" · (n) findings cited" if n else "")
        )
        empty = self.query_one("#recs-empty", Static)
        empty.display = not ids
        listing.display = bool(ids)
        empty.update("No recommendations yet: press a to add the first (R1).")
        self.query_one("#rec-form").display = bool(ids)
        if ids and (self.focused is None or not self.focused.display):
            listing.focus()
        self._load_form()

    def _prompt(self, rec: RecRow) -> str:
        assert self.data is not None
        letter = next((a.letter for a in self.data.areas if a.id == rec.area_id), "–")
        text = " ".join(str(self.value(rec, "text")).split())
        n = len(rec.finding_ids)
        flag = "  ⚠ cites no finding" if not n else f"  ({n})"
        lead = f"R{rec.number} {letter}  "
        # The list's border, padding and scroll bar take 8 columns, the body's padding 2.
        room = (
            (self.size.width or 80)
            if not self.has_class("-wide")
            else int((self.size.width or 80) * 0.4)
        )
        width = max(20, room - 10 - len(lead) - len(flag))
        internal = "(internal) " if rec.internal else ""
        return escape(f"{lead}{clip(internal + text, width)}{flag}")

    def _show_warnings(self) -> None:
        assert self.data is not None
        uncited = [r for r in self.data.recs if not r.finding_ids]
        unanswered = self.data.unanswered
        parts = []
        if uncited:
            numbers = ", ".join(f"R{r.number}" for r in uncited[:6]) + (
                " …" if len(uncited) > 6 else ""
            )
            parts.append(f"⚠ {numbers} cite{'s' if len(uncited) == 1 else ''} no finding (l links)")
        if unanswered:
            n = len(unanswered)
            parts.append(
                f"⚠ {n} weakness{'es' if n != 1 else ''} no recommendation answers (w lists "
                f"{'them' if n != 1 else 'it'})"
            )
        widget = self.query_one("#recs-warnings", Static)
        widget.update(escape(" · ".join(parts)))
        widget.display = bool(parts)

    def selected_id(self) -> str | None:
        listing = self.query_one("#recs", OptionList)
        if listing.highlighted is None or not listing.option_count:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    def rec(self, rec_id: str | None) -> RecRow | None:
        if self.data is None or rec_id is None:
            return None
        return next((r for r in self.data.recs if r.id == rec_id), None)

    def selected(self) -> RecRow | None:
        return self.rec(self.selected_id())

    # -- the form ------------------------------------------------------------------------------

    def _load_form(self) -> None:
        """Show the selected recommendation in the form (after saving what the form held)."""
        self._save_form(now=True)
        rec = self.selected()
        self.form_id = None  # the Changed messages this posts must save nothing
        self.invalid.clear()
        for field in ("text", "target_date"):
            self._show_problem(field, None)
        if rec is None:
            return
        for field in TEXT_FIELDS:
            area = self.query_one(f"#f-{field}", TextArea)
            value = str(self.value(rec, field))
            if area.text != value:
                area.load_text(value)
        for field in CHOICE_FIELDS:
            select = self.query_one(f"#f-{field}", Select)
            value = self.value(rec, field)
            if field == "area_id" and self.data and value not in {a.id for a in self.data.areas}:
                value = NO_AREA
            with select.prevent(Select.Changed):
                select.value = value
        date_input = self.query_one("#f-target_date", Input)
        with date_input.prevent(Input.Changed):
            date_input.value = str(self.value(rec, "target_date"))
        self.form_id = rec.id
        self._show_links(rec)

    def _show_links(self, rec: RecRow) -> None:
        assert self.data is not None
        warning = self.query_one("#rec-warning", Static)
        head = self.query_one("#links-head", Static)
        links = self.query_one("#rec-links", Static)
        n = len(rec.finding_ids)
        head.update(f"Findings R{rec.number} answers ({n}) — l chooses")
        warning.display = not rec.finding_ids
        warning.update(
            f"⚠ R{rec.number} cites no finding: press l to link the findings it answers."
        )
        lines = []
        width = max(30, (self.size.width or 80) - 12)
        for finding_id in rec.finding_ids:
            f = self.data.finding(finding_id)
            if f is not None:
                lines.append(escape(f"• {f.kind_label} ({f.area_letter}): {clip(f.text, width)}"))
        links.update("\n".join(lines) if lines else "None yet.")

    def _field_of(self, widget: object) -> str | None:
        widget_id = getattr(widget, "id", None) or ""
        return widget_id[2:] if widget_id.startswith("f-") else None

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        field = self._field_of(event.text_area)
        if field:
            event.stop()
            self.typed_in(field, event.text_area.text)

    def on_input_changed(self, event: Input.Changed) -> None:
        field = self._field_of(event.input)
        if field:
            event.stop()
            self.typed_in(field, event.value)

    def on_select_changed(self, event: Select.Changed) -> None:
        field = self._field_of(event.select)
        if field and isinstance(event.value, str):
            event.stop()
            self.typed_in(field, event.value, now=True)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        field = self._field_of(event.widget)
        if field in TEXT_FIELDS or field == "target_date":
            self._save_form(now=True, only=field)

    def _save_form(self, *, now: bool, only: str | None = None) -> None:
        """Save what the form shows (the last keystrokes may not have been seen yet)."""
        if self.form_id is None:
            return
        for field in TEXT_FIELDS:
            if only in (None, field):
                self.typed_in(field, self.query_one(f"#f-{field}", TextArea).text, now=now)
        if only in (None, "target_date"):
            self.typed_in("target_date", self.query_one("#f-target_date", Input).value, now=now)

    def typed_in(self, field: str, raw: str, *, now: bool = False) -> None:
        """Check what a field holds; save it (debounced, or ``now``) or say why not."""
        rec = self.rec(self.form_id)
        if rec is None:
            return
        key = f"recommendation:{rec.id}:{field}"
        if raw == self.value(rec, field):
            if now:
                self.services.hurry_save(key)
            if field in self.invalid:
                self.invalid.pop(field)
                self._show_problem(field, None)
            return
        value, problem = check_field(field, raw)
        if field in ("text", "target_date"):
            self._show_problem(field, problem)
        if problem:
            self.invalid[field] = raw
            return
        self.invalid.pop(field, None)
        self.typed[(rec.id, field)] = raw
        self.services.autosave(key, save_field(rec.id, field, value), now=now)
        if field in ("text", "area_id"):
            self._refresh_prompt(rec)

    def _refresh_prompt(self, rec: RecRow) -> None:
        assert self.data is not None
        listing = self.query_one("#recs", OptionList)
        for index, row in enumerate(self.data.recs):
            if row.id == rec.id:
                listing.replace_option_prompt_at_index(index, self._prompt(row))

    def _show_problem(self, field: str, problem: str | None) -> None:
        error = self.query_one(f"#err-{field}", Static)
        error.update(escape(f"✗ {problem}") if problem else "")
        error.display = bool(problem)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "recs":
            event.stop()
            if event.option.id != self.form_id:
                self._load_form()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "recs":
            event.stop()
            self.action_edit()

    # -- actions -----------------------------------------------------------------------------

    def _say(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#recs-message", Static)
        message.update(escape(f"✗ {text}" if error else text))
        message.set_class(error, "-error")

    def _write(
        self, fn: Callable[[Session], Any], done: str | None, select: str | None = None
    ) -> None:
        """One change, written after what the form holds; then reload and say what happened."""
        self._save_form(now=True)

        def finished(result: tuple[Any, UserError | None]) -> None:
            value, error = result
            if not self.is_attached:
                return
            if error is not None:
                self._say(problem_words(error), error=True)
                self.app.bell()
            else:
                self._say(done or "")
            self._select = select or (value if isinstance(value, str) else None)
            self.load()

        self.services.write(refusable(fn), finished)

    def action_edit(self) -> None:
        if self.selected() is None:
            self._say("There is no recommendation yet: press a to add one.", error=True)
            return
        text = self.query_one("#f-text", TextArea)
        text.focus()
        text.move_cursor(text.document.end)

    def action_add(self) -> None:
        inspection_id = self.inspection_id
        current = self.selected()
        area_id = current.area_id if current else None

        def chosen(text: str | None) -> None:
            if text:
                self._write(
                    add_recommendation(inspection_id, text, area_id),
                    "Recommendation added at the end: press l to link the findings it answers.",
                )

        self.app.push_screen(
            TextDialog(
                "Add a recommendation",
                "What the landlord should do. Sub-actions, benefits, levels and the target date "
                "go in the form afterwards.",
            ),
            chosen,
        )

    def action_move(self, offset: int) -> None:
        rec = self.selected()
        if rec is None or self.data is None:
            return
        ids = [r.id for r in self.data.recs]
        index = ids.index(rec.id)
        if not 0 <= index + offset < len(ids):
            self._say(f"R{rec.number} is already {'first' if offset < 0 else 'last'}.")
            return
        self._write(
            move_recommendation(rec.id, offset),
            f"Moved: it is now R{index + offset + 1}; the others are renumbered.",
            rec.id,
        )

    def action_delete(self) -> None:
        rec = self.selected()
        if rec is None:
            return

        def confirmed(sure: bool | None) -> None:
            if sure:
                self._write(
                    delete_recommendation(rec.id),
                    f"R{rec.number} deleted; the ones after it are renumbered.",
                )

        text = clip(str(self.value(rec, "text")), 120)
        self.app.push_screen(
            ConfirmDialog(
                f"Delete R{rec.number}? The recommendations after it move up one number.\n\n“{text}”",
                "Delete",
            ),
            confirmed,
        )

    def action_link(self) -> None:
        rec = self.selected()
        if rec is None or self.data is None:
            self._say("Add a recommendation first (a).", error=True)
            return
        area_id = self.value(rec, "area_id")
        area_id = None if area_id == NO_AREA else area_id
        offered = offer_order(self.data.findings, area_id)
        rec_id = rec.id

        def chosen(ticked: list[str] | None) -> None:
            if ticked is None:
                return
            n = len(ticked)
            self._write(
                set_links(rec_id, ticked),
                f"R{rec.number} now cites {n} finding{'s' if n != 1 else ''}.",
                rec_id,
            )

        self.app.push_screen(
            LinkFindingsDialog(
                f"Findings R{rec.number} answers — {clip(str(self.value(rec, 'text')), 50)}",
                offered,
                rec.finding_ids,
            ),
            chosen,
        )

    def action_unanswered(self) -> None:
        if self.data is None:
            return
        rec = self.selected()
        wanted = set(self.data.unanswered)
        area_id = rec.area_id if rec else None
        rows = offer_order([f for f in self.data.findings if f.id in wanted], area_id)

        def chosen(finding_id: str | None) -> None:
            if finding_id and rec is not None:
                self._write(link_one(rec.id, finding_id), f"Linked to R{rec.number}.", rec.id)

        self.app.push_screen(UnansweredDialog(rows, rec.number if rec else None), chosen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add", "edit", "link", "unanswered", "move", "delete"):
            # While typing in the form the letters, brackets and Del are text.
            return not isinstance(self.focused, TextArea | Input | Select)
        return True

    # -- layout and leaving ----------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        wide = self.size.width >= 140 and self.size.height >= 30
        if wide != self.has_class("-wide"):
            self.set_class(wide, "-wide")
            if self.data is not None:
                self._fill()

    def on_mount(self) -> None:
        # (The base class's on_mount, which loads the data, runs after this one.)
        for widget in self.query(".field-error"):
            widget.display = False

    def action_back(self) -> None:
        if isinstance(self.focused, TextArea | Input | Select):
            self._save_form(now=True)
            self.query_one("#recs", OptionList).focus()
            return
        self._save_form(now=True)
        if self.invalid:
            names = ", ".join(FIELD_NAMES.get(f, f) for f in self.invalid)
            self.notify(
                f"Not saved (not valid): {names}. The saved value was kept.",
                severity="warning",
                title="Not saved",
            )
        self.dismiss()

    async def action_quit(self) -> None:
        self._save_form(now=True)
        await self.app.action_quit()
