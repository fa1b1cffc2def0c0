"""Judgements: a grade for each area on the four-point scale, tied to the evidence.

For each area the coordinator sees the strengths and the weaknesses side by
side with their counts, picks the agreed grade and writes the rationale (saved
as it is typed). When the grade contradicts the evidence — "Strengths outweigh
weaknesses" with at least twice as many weaknesses, say — a warning says so in
words (the rule is :func:`tenant_inspect.checks.grade_mismatch`).

Inspectors can each record an independent grade first (press i and choose who
is grading). The Agreement tab shows how far they agree: the team figure (a
weighted Fleiss' kappa, see :mod:`tenant_inspect.agreement` for why), any two
inspectors compared with weighted Cohen's kappa, each figure in Landis & Koch's
words, and the areas whose grades are furthest apart — the ones to discuss
before agreeing the final grade.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    DataTable,
    Header,
    OptionList,
    RadioSet,
    Select,
    Static,
    TabbedContent,
    TabPane,
    Tabs,
    TextArea,
)
from textual.widgets.option_list import Option

from tenant_inspect.agreement import (
    AreaDisagreement,
    PairAgreement,
    Rating,
    TeamAgreement,
    all_pairs,
    area_disagreements,
    interpret,
    pair_agreement,
    team_agreement,
)
from tenant_inspect.checks import Balance, evidence_words, grade_mismatch
from tenant_inspect.models import GRADE_KEYS, GRADE_LABELS

from .base import AnalysisScreen
from .markup import clip, escape
from .widgets.answer_input import MarkedRadioButton
from .widgets.footer import FittingFooter
from .widgets.save_indicator import SaveIndicator

if TYPE_CHECKING:
    from sqlmodel import Session

#: Short names of the grades for tables (the full label is shown wherever there is room).
GRADE_SHORT = {
    "considerably_outweigh": "Considerably outweigh",
    "outweigh": "Outweigh",
    "balance": "Balance",
    "weaknesses_outweigh": "Weaknesses outweigh",
}

#: Even shorter, for the table of areas to discuss on a narrow screen (explained under it).
GRADE_TINY = {
    "considerably_outweigh": "Considerably",
    "outweigh": "Outweigh",
    "balance": "Balance",
    "weaknesses_outweigh": "Weaknesses",
}
TINY_LEGEND = (
    "Considerably / Outweigh: strengths (considerably) outweigh weaknesses; "
    "Weaknesses: weaknesses outweigh strengths."
)
MOVE = Binding.Group("Area ")


# ---------------------------------------------------------------------------
# The data (plain values, read in a worker thread)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FindingLine:
    id: str
    kind: str
    text: str


@dataclass(frozen=True)
class IndependentGrade:
    judge_id: str
    judge_name: str
    grade: str
    rationale: str


@dataclass(frozen=True)
class AreaJudgement:
    """One area: its evidence, the agreed grade and the inspectors' own grades."""

    id: str
    letter: str
    name: str
    strengths: tuple[FindingLine, ...]
    weaknesses: tuple[FindingLine, ...]
    balance: Balance
    grade: str
    rationale: str
    independent: tuple[IndependentGrade, ...]

    @property
    def title(self) -> str:
        return f"{self.letter}. {self.name}"

    @property
    def mismatch(self) -> str | None:
        if not self.grade:
            return None
        return grade_mismatch(self.grade, self.balance.strengths, self.balance.weaknesses)


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    role: str


@dataclass(frozen=True)
class JudgementsData:
    title: str
    areas: tuple[AreaJudgement, ...]
    team: tuple[Member, ...]
    coordinator_id: str | None

    @property
    def ratings(self) -> list[Rating]:
        return [Rating(a.id, g.judge_id, g.grade) for a in self.areas for g in a.independent]


def load_judgements(session: Session, inspection_id: str) -> JudgementsData:
    from tenant_inspect import analysis, inspections
    from tenant_inspect.agreement import ratings_from_judgements
    from tenant_inspect.checks import count_evidence

    inspection = inspections.get_inspection(session, inspection_id)
    iid = inspection.id
    team = tuple(Member(t.id, t.name, t.role) for t in inspections.team(session, iid))
    names = {t.id: t.name for t in team}
    findings: dict[str | None, list[Any]] = {}
    for f in analysis.findings(session, iid):
        findings.setdefault(f.area_id, []).append(f)
    all_judgements = analysis.judgements(session, iid)
    finals = {j.area_id: j for j in all_judgements if j.is_final}
    rows = {(r.area_id, r.judge_id): r.grade for r in ratings_from_judgements(all_judgements)}
    rationales = {(j.area_id, j.judge_id): j.rationale for j in all_judgements if not j.is_final}
    areas = []
    for index, area in enumerate(inspections.areas(session, iid)):
        rows_here = findings.get(area.id, [])
        final = finals.get(area.id)
        independent = tuple(
            sorted(
                (
                    IndependentGrade(
                        judge,
                        names.get(judge, "(removed member)"),
                        grade,
                        rationales.get((a, judge), ""),
                    )
                    for (a, judge), grade in rows.items()
                    if a == area.id
                ),
                key=lambda g: (g.judge_name.casefold(), g.judge_id),
            )
        )
        areas.append(
            AreaJudgement(
                id=area.id,
                letter=inspections.area_letter(index),
                name=area.name,
                strengths=tuple(
                    FindingLine(f.id, f.kind, f.text)
                    for f in rows_here
                    if f.kind in ("strength", "good_practice")
                ),
                weaknesses=tuple(
                    FindingLine(f.id, f.kind, f.text) for f in rows_here if f.kind == "weakness"
                ),
                balance=count_evidence(rows_here),
                grade=final.grade if final else "",
                rationale=final.rationale if final else "",
                independent=independent,
            )
        )
    coordinator = next((t.id for t in team if t.role == "coordinator"), None)
    return JudgementsData(inspection.title, tuple(areas), team, coordinator)


def save_final(
    inspection_id: str, area_id: str, grade: str, rationale: str, judge_id: str | None
) -> Callable[[Session], None]:
    """The agreed grade and rationale of one area (for the autosave queue)."""

    def save(session: Session) -> None:
        from tenant_inspect import analysis

        analysis.set_judgement(
            session,
            inspection_id,
            area_id=area_id,
            grade=grade,
            rationale=rationale,
            judge_id=judge_id,
            is_final=True,
        )

    return save


def save_independent(
    inspection_id: str, area_id: str, judge_id: str, grade: str, rationale: str
) -> Callable[[Session], None]:
    def save(session: Session) -> None:
        from tenant_inspect import analysis

        analysis.set_judgement(
            session,
            inspection_id,
            area_id=area_id,
            grade=grade,
            rationale=rationale,
            judge_id=judge_id,
        )

    return save


# ---------------------------------------------------------------------------
# Words (pure)
# ---------------------------------------------------------------------------


def kappa_words(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def team_words(team: TeamAgreement) -> tuple[str, str]:
    """(headline, explanation) for the team's agreement."""
    if team.linear is None:
        return (
            "Team agreement: not enough independent grades yet",
            "It needs at least one area graded by two or more inspectors (press i on the Area "
            "tab to record an inspector's own grade).",
        )
    headline = f"Team agreement: {kappa_words(team.value)} — {team.words}"
    extra = []
    if team.unweighted is not None and team.unweighted.value is not None:
        extra.append(f"unweighted {team.unweighted.value:.2f}")
    if team.quadratic is not None and team.quadratic.value is not None:
        extra.append(f"quadratic weights {team.quadratic.value:.2f}")
    areas = f"{team.areas} area{'s' if team.areas != 1 else ''}"
    explanation = (
        f"Weighted Fleiss' kappa (linear weights: one step apart counts as two-thirds agreement) "
        f"over {areas} graded by two or more inspectors: {team.grades} grades by "
        f"{team.judges} inspectors. 1 is full agreement, 0 no better than chance"
        + (f"; {', '.join(extra)}" if extra else "")
        + ". Words after Landis & Koch."
    )
    if team.areas < 5:
        explanation += f" With only {areas} this is a rough guide."
    return headline, explanation


def pair_words(pair: PairAgreement, names: dict[str, str]) -> str:
    a, b = names.get(pair.judge_a, "?"), names.get(pair.judge_b, "?")
    if pair.areas == 0:
        return f"{a} and {b} have not graded any area in common."
    same = (
        f"gave the same grade in {pair.same} of {pair.areas} area{'s' if pair.areas != 1 else ''}"
    )
    if pair.linear is None:
        return f"{a} and {b} {same}: too few areas in common to work out kappa (at least 2)."
    if pair.linear.value is None:
        return f"{a} and {b} {same}: each gave one grade throughout, so kappa cannot be worked out."
    quadratic = pair.quadratic.value if pair.quadratic else None
    return (
        f"{a} and {b} {same}. Weighted Cohen's kappa {pair.linear.value:.2f} — "
        f"{interpret(pair.linear.value)} (quadratic weights {kappa_words(quadratic)})."
        + (" Few areas in common: a rough guide." if pair.areas < 5 else "")
    )


def spread_words(d: AreaDisagreement) -> str:
    return "all agree" if d.spread == 0 else f"{d.spread} step{'s' if d.spread != 1 else ''}"


def grades_words(grades: Sequence[str], *, tiny: bool = False) -> str:
    """'Outweigh ×2, Balance' in scale order."""
    counts: dict[str, int] = {}
    for g in grades:
        counts[g] = counts.get(g, 0) + 1
    words = GRADE_TINY if tiny else GRADE_SHORT
    return ", ".join(
        words[g] + (f" ×{counts[g]}" if counts[g] > 1 else "") for g in GRADE_KEYS if g in counts
    )


# ---------------------------------------------------------------------------
# Recording an inspector's own grade
# ---------------------------------------------------------------------------


def grade_radio(grade: str, id: str) -> RadioSet:
    """A radio set of the four grades with ``grade`` chosen ("" for none)."""
    return RadioSet(
        *[MarkedRadioButton(GRADE_LABELS[key], key == grade) for key in GRADE_KEYS],
        id=id,
        compact=True,
    )


def cursor_to_choice(radio: RadioSet) -> None:
    """Start the cursor on the chosen grade, so Enter never silently changes it.

    (A radio set puts its cursor on the first button when it is mounted.)
    """
    for _ in range(max(0, radio.pressed_index)):
        radio.action_next_button()


class InspectorGradeDialog(ModalScreen[tuple[str, str, str] | None]):
    """Choose an inspector, their grade and (optionally) why; returns (judge id, grade, rationale)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="save", tooltip="Save this grade", priority=True),
    ]

    DEFAULT_CSS = """
    InspectorGradeDialog .grade-dialog { width: 76; max-width: 100%; height: auto; }
    InspectorGradeDialog .grade-title { text-style: bold; height: auto; }
    InspectorGradeDialog .grade-label { text-style: bold; height: 1; margin: 1 0 0 0; }
    InspectorGradeDialog #grade-judge { width: 100%; }
    InspectorGradeDialog #grade-box { height: auto; }
    InspectorGradeDialog #grade-choice { width: 100%; }
    InspectorGradeDialog #grade-rationale { height: 4; }
    InspectorGradeDialog #grade-error { color: $error; text-style: bold; height: auto; }
    InspectorGradeDialog .grade-buttons { height: 1; align: right middle; margin: 1 0 0 0; }
    InspectorGradeDialog .grade-buttons Button { margin-left: 2; }
    InspectorGradeDialog .grade-hint { color: $text-muted; height: auto; }
    """

    def __init__(
        self,
        area_title: str,
        team: Sequence[Member],
        existing: dict[str, tuple[str, str]],
        judge_id: str | None = None,
    ) -> None:
        super().__init__()
        self.area_title = area_title
        self.team = list(team)
        self.existing = existing
        ungraded = [t.id for t in self.team if t.id not in existing and t.role != "coordinator"]
        self.judge_id = judge_id or (ungraded[0] if ungraded else self.team[0].id)

    def compose(self) -> ComposeResult:
        grade, rationale = self.existing.get(self.judge_id, ("", ""))
        with Vertical(classes="dialog grade-dialog"):
            yield Static(
                escape(f"An inspector's own grade — {self.area_title}"), classes="grade-title"
            )
            yield Static("Who is grading", classes="grade-label")
            yield Select(
                [
                    (t.name + (" (has graded)" if t.id in self.existing else ""), t.id)
                    for t in self.team
                ],
                allow_blank=False,
                value=self.judge_id,
                id="grade-judge",
                compact=True,
            )
            yield Static("Their grade *", classes="grade-label")
            with Vertical(id="grade-box"):
                yield grade_radio(grade, "grade-choice")
            yield Static("Why (optional)", classes="grade-label")
            yield TextArea(rationale, id="grade-rationale", soft_wrap=True)
            yield Static("", id="grade-error")
            with Horizontal(classes="grade-buttons"):
                yield Button("Save", variant="primary", id="save", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
            yield Static(
                "[b]Ctrl+S[/b] saves  ·  [b]Esc[/b] cancels  ·  [b]↑↓ Space[/b] choose the grade",
                classes="grade-hint",
            )

    def on_mount(self) -> None:
        radio = self.query_one("#grade-choice", RadioSet)
        radio.focus()
        radio.call_after_refresh(cursor_to_choice, radio)

    async def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if not isinstance(event.value, str) or event.value == self.judge_id:
            return
        self.judge_id = event.value
        grade, rationale = self.existing.get(self.judge_id, ("", ""))
        box = self.query_one("#grade-box", Vertical)
        await box.remove_children()
        radio = grade_radio(grade, "grade-choice")
        await box.mount(radio)
        radio.call_after_refresh(cursor_to_choice, radio)
        self.query_one("#grade-rationale", TextArea).load_text(rationale)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        index = self.query_one("#grade-choice", RadioSet).pressed_index
        if index < 0:
            self.query_one("#grade-error", Static).update("Choose their grade (↑↓ then Space).")
            self.query_one("#grade-choice", RadioSet).focus()
            return
        rationale = self.query_one("#grade-rationale", TextArea).text.strip()
        self.dismiss((self.judge_id, GRADE_KEYS[index], rationale))

    def action_cancel(self) -> None:
        self.dismiss(None)


# ---------------------------------------------------------------------------
# The screen
# ---------------------------------------------------------------------------


class JudgementsScreen(AnalysisScreen):
    """Grade each area on the evidence; see where the inspectors' own grades differ."""

    HELP_TITLE = "Judgements"
    HELP_TEXT = (
        "Area tab: the strengths (good practice counts as a strength) and weaknesses of one "
        "area, the agreed grade (↑↓ then Space or Enter) and the rationale, saved as you type. "
        "[ and ] go to the previous or next area; Esc leaves the rationale box.\n"
        "A warning appears when the grade contradicts the evidence: strengths said to be ahead "
        "with at least twice as many weaknesses, weaknesses said to be ahead with at least twice "
        "as many strengths, 'considerably' with weaknesses as many as strengths, or no evidence "
        "at all.\n"
        "i records an inspector's own grade for the area, before the team agrees.\n"
        "Agreement tab: the team's agreement (weighted Fleiss' kappa), two inspectors compared "
        "(weighted Cohen's kappa) and the areas whose grades are furthest apart.\n"
        "Ctrl+PgDn (or Ctrl+PgUp) switches between the two tabs. Esc goes back to the dashboard."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left_square_bracket",
            "area(-1)",
            "Previous area",
            id="previous-area",
            key_display="[",
            group=MOVE,
            tooltip="The area before this one",
        ),
        Binding(
            "right_square_bracket",
            "area(1)",
            "Next area",
            id="next-area",
            key_display="]",
            group=MOVE,
            tooltip="The area after this one",
        ),
        Binding(
            "i",
            "inspector_grade",
            "Inspector's grade",
            id="inspector-grade",
            tooltip="Record one inspector's own grade for this area",
        ),
        # One key for both tabs; the Footer names the tab it goes to.
        Binding(
            "ctrl+pagedown,ctrl+pageup",
            "show_tab('agreement')",
            "Agreement",
            id="agreement-tab",
            key_display="^PgDn",
            tooltip="How far the inspectors agree, and the areas to discuss",
            priority=True,
        ),
        Binding(
            "ctrl+pagedown,ctrl+pageup",
            "show_tab('area')",
            "Area",
            id="area-tab",
            key_display="^PgDn",
            tooltip="Back to grading the area",
            priority=True,
        ),
        Binding("escape", "back", "Back", id="back", show=False, tooltip="Back to the dashboard"),
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            id="quit",
            show=False,
            tooltip="Quit (everything is already saved)",
        ),
    ]

    AUTO_FOCUS = "#final-grade"

    DEFAULT_CSS = """
    JudgementsScreen .title-row { height: 1; padding: 0 1; }
    JudgementsScreen #judge-title { text-wrap: nowrap; text-overflow: ellipsis; }
    JudgementsScreen .key-hint { width: auto; color: $text-muted; }
    JudgementsScreen TabbedContent { height: 1fr; }
    JudgementsScreen TabPane { padding: 0 1; }
    JudgementsScreen #area-pane { height: 1fr; }
    JudgementsScreen #area-row { height: 1; }
    JudgementsScreen #area-select { width: 1fr; }
    JudgementsScreen #area-progress { width: auto; color: $text-muted; padding: 0 0 0 1; }
    JudgementsScreen #evidence { height: 6; }
    JudgementsScreen .evidence-col { width: 1fr; height: 100%; }
    JudgementsScreen .evidence-col.-right { margin: 0 0 0 1; }
    JudgementsScreen .evidence-head { text-style: bold; height: 1; }
    JudgementsScreen .evidence-list { height: 1fr; border: none; padding: 0; }
    JudgementsScreen #mismatch { height: auto; color: $warning; text-style: bold; }
    JudgementsScreen #grade-row { height: 5; margin: 1 0 0 0; }
    JudgementsScreen #grade-side { width: 48; height: 100%; }
    JudgementsScreen .small-head { text-style: bold; height: 1; }
    JudgementsScreen #grade-box { height: auto; }
    JudgementsScreen #final-grade { width: 100%; }
    JudgementsScreen #rationale-side { width: 1fr; height: 100%; margin: 0 0 0 1; }
    JudgementsScreen #rationale { height: 1fr; border: none; padding: 0 1; background: $boost; }
    JudgementsScreen #rationale:focus { background: $primary 25%; }
    JudgementsScreen #rationale-note { height: auto; color: $text-muted; }
    JudgementsScreen #independent { height: auto; }
    JudgementsScreen #agreement-pane { height: 1fr; }
    JudgementsScreen #team-figure { text-style: bold; height: auto; }
    JudgementsScreen #team-explain { color: $text-muted; height: auto; }
    JudgementsScreen .section-head { text-style: bold; height: 1; margin: 1 0 0 0; }
    JudgementsScreen #discuss { height: auto; max-height: 10; }
    JudgementsScreen #discuss-note { height: auto; color: $text-muted; }
    JudgementsScreen #pair-row { height: 1; }
    JudgementsScreen #pair-row Static { width: auto; padding: 0 1 0 0; }
    JudgementsScreen #pair-a, JudgementsScreen #pair-b { width: 1fr; }
    JudgementsScreen #pair-result { height: auto; }
    JudgementsScreen #pairs { height: auto; max-height: 12; }
    JudgementsScreen.-tall #evidence { height: 16; }
    JudgementsScreen.-tall #grade-row { height: 8; }
    JudgementsScreen.-tall #pairs { max-height: 20; }
    """

    def __init__(self, inspection_id: str, *, area_id: str | None = None) -> None:
        super().__init__(inspection_id)
        self.data: JudgementsData | None = None
        self.area_id = area_id
        #: The agreed grade and rationale per area as shown (the screen is their editor).
        self.finals: dict[str, tuple[str, str]] = {}
        #: The area whose grade and rationale the editor holds (it lags ``area_id`` while
        #: switching, so nothing typed for one area is ever saved to another).
        self.editor_area: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(classes="title-row"):
            yield Static("Judgements", id="judge-title", classes="screen-title")
            yield SaveIndicator()
            yield Static("Esc: back", classes="key-hint")
        with TabbedContent(id="judge-tabs"):
            with TabPane("Area", id="area"), VerticalScroll(id="area-pane", can_focus=False):
                with Horizontal(id="area-row"):
                    yield Select([], id="area-select", compact=True, prompt="Loading…")
                    yield Static("", id="area-progress")
                with Horizontal(id="evidence"):
                    with Vertical(classes="evidence-col"):
                        yield Static("Strengths", id="strengths-head", classes="evidence-head")
                        yield OptionList(id="strengths", classes="evidence-list", compact=True)
                    with Vertical(classes="evidence-col -right"):
                        yield Static("Weaknesses", id="weaknesses-head", classes="evidence-head")
                        yield OptionList(id="weaknesses", classes="evidence-list", compact=True)
                yield Static("", id="mismatch")
                with Horizontal(id="grade-row"):
                    with Vertical(id="grade-side"):
                        yield Static("Agreed grade", classes="small-head")
                        with Vertical(id="grade-box"):
                            yield grade_radio("", "final-grade")
                    with Vertical(id="rationale-side"):
                        yield Static("Rationale — saved as typed", classes="small-head")
                        yield TextArea(id="rationale", soft_wrap=True)
                yield Static("", id="rationale-note")
                yield Static("", id="independent")
            with (
                TabPane("Agreement", id="agreement"),
                VerticalScroll(id="agreement-pane"),
            ):
                yield Static("", id="team-figure")
                yield Static("", id="team-explain")
                yield Static(
                    "Areas to discuss (grades furthest apart first)", classes="section-head"
                )
                yield DataTable(id="discuss", cursor_type="row")
                yield Static("", id="discuss-note")
                yield Static("Compare two inspectors", classes="section-head")
                with Horizontal(id="pair-row"):
                    yield Select([], id="pair-a", compact=True, prompt="Inspector")
                    yield Static(" with ")
                    yield Select([], id="pair-b", compact=True, prompt="Inspector")
                yield Static("", id="pair-result")
                yield Static("Every pair with two or more areas in common", classes="section-head")
                pairs: DataTable[str] = DataTable(id="pairs", cursor_type="row")
                pairs.add_column("Inspectors", key="who")
                pairs.add_column("Areas", key="areas")
                pairs.add_column("Same", key="same")
                pairs.add_column("Kappa", key="kappa")
                pairs.add_column("In words", key="words")
                yield pairs
        yield FittingFooter()

    # -- loading -----------------------------------------------------------------

    def load(self) -> None:
        inspection_id = self.inspection_id
        self.services.read(
            lambda s: load_judgements(s, inspection_id), self.show, group="judgements"
        )

    def show(self, data: JudgementsData) -> None:
        if not self.is_attached:
            return
        first = self.data is None
        # The agreed grades typed here are the truth while the screen is open.
        areas = tuple(
            replace(a, grade=self.finals[a.id][0], rationale=self.finals[a.id][1])
            if a.id in self.finals
            else a
            for a in data.areas
        )
        self.data = replace(data, areas=areas)
        for a in areas:
            self.finals.setdefault(a.id, (a.grade, a.rationale))
        self.sub_title = data.title
        ids = [a.id for a in areas]
        if self.area_id not in ids:
            self.area_id = ids[0] if ids else None
        self._fill_area_select()
        self.show_area(reload_editor=first)
        self.show_agreement()

    def _fill_area_select(self) -> None:
        if self.data is None:
            return
        select = self.query_one("#area-select", Select)
        options = [(self._area_option(a), a.id) for a in self.data.areas]
        with select.prevent(Select.Changed):
            select.set_options(options)
            if self.area_id is not None:
                select.value = self.area_id
        graded = sum(1 for a in self.data.areas if self.finals.get(a.id, ("", ""))[0])
        warned = sum(1 for a in self.data.areas if self._area(a.id).mismatch)
        progress = f"{graded} of {len(self.data.areas)} graded"
        if warned:
            progress += f" · ⚠ {warned} to check"
        self.query_one("#area-progress", Static).update(progress)

    def _area_option(self, area: AreaJudgement) -> str:
        current = self._area(area.id)
        if current.mismatch:
            mark = "⚠ check"
        elif current.grade:
            mark = "✓ " + GRADE_SHORT[current.grade].lower()
        else:
            mark = "not graded"
        return f"{area.title} — {mark}"

    def _area(self, area_id: str) -> AreaJudgement:
        """The area as shown, with the grade and rationale typed here."""
        assert self.data is not None
        area = next(a for a in self.data.areas if a.id == area_id)
        grade, rationale = self.finals.get(area_id, (area.grade, area.rationale))
        return replace(area, grade=grade, rationale=rationale)

    @property
    def current(self) -> AreaJudgement | None:
        if self.data is None or self.area_id is None:
            return None
        return self._area(self.area_id)

    def show_area(self, *, reload_editor: bool = True) -> None:
        area = self.current
        title = self.query_one("#judge-title", Static)
        if area is None:
            title.update("Judgements — no areas yet (add them in Set-up)")
            return
        title.update(escape(f"Judgements — {area.title}"))
        b = area.balance
        good = f", {b.good_practice} good practice" if b.good_practice else ""
        self.query_one("#strengths-head", Static).update(f"Strengths ({b.strengths}{good})")
        self.query_one("#weaknesses-head", Static).update(f"Weaknesses ({b.weaknesses})")
        for list_id, rows in (("#strengths", area.strengths), ("#weaknesses", area.weaknesses)):
            listing = self.query_one(list_id, OptionList)
            listing.clear_options()
            for row in rows:
                lead = "Good practice: " if row.kind == "good_practice" else ""
                listing.add_option(Option(escape(f"• {lead}{row.text}"), id=row.id))
            if not rows:
                listing.add_option(Option("(none recorded)", disabled=True))
        if reload_editor:
            self.call_later(self._load_editor, area)
        self._show_mismatch()
        self._show_independent(area)

    async def _load_editor(self, area: AreaJudgement) -> None:
        box = self.query_one("#grade-box", Vertical)
        had_focus = self.focused is not None and self.focused.id == "final-grade"
        await box.remove_children()
        radio = grade_radio(area.grade, "final-grade")
        await box.mount(radio)
        radio.call_after_refresh(cursor_to_choice, radio)
        if had_focus:
            radio.focus()
        rationale = self.query_one("#rationale", TextArea)
        current = self._area(area.id)  # what was typed for it, if it was edited before
        if rationale.text != current.rationale:
            rationale.load_text(current.rationale)
        self.editor_area = area.id
        self._show_rationale_note()

    def _show_mismatch(self) -> None:
        area = self.current
        widget = self.query_one("#mismatch", Static)
        problem = area.mismatch if area else None
        widget.display = bool(problem)
        widget.update(escape(f"⚠ Check: {problem}") if problem else "")

    def _show_rationale_note(self) -> None:
        area = self.current
        note = self.query_one("#rationale-note", Static)
        if area is None:
            note.update("")
            return
        if not area.grade and area.rationale.strip():
            note.update("Choose the grade: the rationale is saved with it.")
        elif area.balance.strengths or area.balance.weaknesses:
            note.update(f"Evidence: {evidence_words(area.balance)}.")
        else:
            note.update("No strengths or weaknesses recorded for this area yet.")

    def _show_independent(self, area: AreaJudgement) -> None:
        widget = self.query_one("#independent", Static)
        if not area.independent:
            widget.update("Inspectors' own grades: none yet — press i to record one.")
            return
        parts = []
        for g in area.independent:
            flag = (
                " ⚠"
                if grade_mismatch(g.grade, area.balance.strengths, area.balance.weaknesses)
                else ""
            )
            parts.append(f"{g.judge_name}: {GRADE_SHORT[g.grade]}{flag}")
        widget.update(escape("Inspectors' own grades: " + " · ".join(parts)))

    def show_agreement(self) -> None:
        if self.data is None:
            return
        ratings = self.data.ratings
        names = {t.id: t.name for t in self.data.team}
        headline, explanation = team_words(team_agreement(ratings))
        self.query_one("#team-figure", Static).update(escape(headline))
        self.query_one("#team-explain", Static).update(escape(explanation))
        titles = {a.id: a.title for a in self.data.areas}
        discuss = self.query_one("#discuss", DataTable)
        discuss.clear(columns=True)
        order = {a.id: i for i, a in enumerate(self.data.areas)}
        found = sorted(
            area_disagreements(ratings),
            key=lambda d: (-d.disagreement, -d.spread, order.get(d.area_id, len(order))),
        )
        to_discuss = [d for d in found if d.spread >= 1]
        width = max(60, (self.size.width or 80) - 6)
        tiny = width < 100
        area_width = min(28, max((len(titles.get(d.area_id, "")) for d in found), default=10))
        discuss.add_column("Area", key="area", width=area_width)
        discuss.add_column("Apart", key="apart", width=7)
        discuss.add_column("Inspectors' grades", key="grades", width=width - area_width - 7 - 6)
        for d in to_discuss:
            discuss.add_row(
                clip(titles.get(d.area_id, "?"), area_width),
                spread_words(d),
                grades_words(d.grades, tiny=tiny),
                key=d.area_id,
            )
        letters = {a.id: a.letter for a in self.data.areas}
        agreed = sorted(
            (letters.get(d.area_id, "?") for d in found if d.spread == 0), key=lambda x: (len(x), x)
        )
        note = self.query_one("#discuss-note", Static)
        if not found:
            note.update("No area has two or more inspectors' own grades yet.")
        elif not to_discuss:
            note.update("The inspectors gave the same grade in every area they graded.")
        else:
            note.update(
                f"All agree in {len(agreed)} area{'s' if len(agreed) != 1 else ''}"
                + (f": {', '.join(agreed)}." if agreed else ".")
                + " 1 step = next grade on the scale."
                + (f" {TINY_LEGEND}" if tiny else "")
            )
        discuss.display = bool(to_discuss)
        judges = sorted({r.judge_id for r in ratings}, key=lambda j: (names.get(j) or j).casefold())
        options = [(names.get(j, "(removed member)"), j) for j in judges]

        def name(judge: str) -> str:
            return (names.get(judge) or judge).casefold()

        # In the order people read them: by name, most areas in common first.
        pairs = sorted(
            all_pairs(ratings),
            key=lambda p: (-p.areas, *sorted((name(p.judge_a), name(p.judge_b)))),
        )
        # To start with, the two inspectors with most areas in common.
        defaults = sorted([pairs[0].judge_a, pairs[0].judge_b], key=name) if pairs else judges[:2]
        for select_id, default in (("#pair-a", 0), ("#pair-b", 1)):
            select = self.query_one(select_id, Select)
            value = select.value
            with select.prevent(Select.Changed):
                select.set_options(options)
                if value in judges:
                    select.value = value
                elif len(defaults) > default:
                    select.value = defaults[default]
        self._show_pair()
        pairs_table = self.query_one("#pairs", DataTable)
        pairs_table.clear()
        for pair in pairs:
            value = pair.linear.value if pair.linear else None
            who = sorted(
                (names.get(pair.judge_a, "?"), names.get(pair.judge_b, "?")), key=str.casefold
            )
            pairs_table.add_row(
                " & ".join(who),
                str(pair.areas),
                str(pair.same),
                kappa_words(value),
                interpret(value).split(" (")[0] if value is not None else "cannot be worked out",
            )
        if not pairs_table.row_count:
            pairs_table.add_row(
                "No two inspectors have graded two areas in common yet.", "", "", "", ""
            )

    def _show_pair(self) -> None:
        if self.data is None:
            return
        a = self.query_one("#pair-a", Select).value
        b = self.query_one("#pair-b", Select).value
        result = self.query_one("#pair-result", Static)
        if not isinstance(a, str) or not isinstance(b, str):
            result.update("Two inspectors need to have recorded their own grades to compare them.")
            return
        if a == b:
            result.update("Choose two different inspectors.")
            return
        names = {t.id: t.name for t in self.data.team}
        result.update(escape(pair_words(pair_agreement(self.data.ratings, a, b), names)))

    # -- choosing the area ---------------------------------------------------------

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "area-select":
            event.stop()
            if isinstance(event.value, str) and event.value != self.area_id:
                self.go_to(event.value)
        elif event.select.id in ("pair-a", "pair-b"):
            event.stop()
            self._show_pair()

    def go_to(self, area_id: str) -> None:
        self._save_rationale(now=True)
        self.area_id = area_id
        self._fill_area_select()
        self.show_area()

    def action_area(self, offset: int) -> None:
        if self.data is None or not self.data.areas or self.area_id is None:
            return
        ids = [a.id for a in self.data.areas]
        index = ids.index(self.area_id)
        target = index + offset
        if not 0 <= target < len(ids):
            self.notify("That was the " + ("first" if offset < 0 else "last") + " area.")
            return
        self.go_to(ids[target])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        tab = self._tab()
        if action == "show_tab":
            return parameters[0] != tab
        if action in ("area", "inspector_grade"):
            if tab != "area":
                return False
            # Letters and brackets are text while typing the rationale.
            return not isinstance(self.focused, TextArea)
        return True

    def _tab(self) -> str:
        tabs = self.query("#judge-tabs")
        return tabs.first(TabbedContent).active if tabs else ""

    @on(TabbedContent.TabActivated)
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        self.refresh_bindings()

    def action_show_tab(self, tab: str) -> None:
        tabs = self.query_one("#judge-tabs", TabbedContent)
        tabs.active = tab
        target = "#final-grade" if tabs.active == "area" else "#agreement-pane"
        self.call_after_refresh(lambda: self.query_one(target).focus())

    # -- the agreed grade and rationale ------------------------------------------------

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if event.radio_set.id != "final-grade":
            return
        event.stop()
        area = self.editor
        if area is None or event.index < 0:
            return
        grade = GRADE_KEYS[event.index]
        if grade == area.grade:
            return  # shown, not chosen
        rationale = self.query_one("#rationale", TextArea).text
        self.finals[area.id] = (grade, rationale)
        self._save(area.id, now=True)
        self._fill_area_select()
        self._show_mismatch()
        self._show_rationale_note()
        self._show_independent(self._area(area.id))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id != "rationale":
            return
        event.stop()
        self._save_rationale(now=False)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if getattr(event.widget, "id", None) == "rationale":
            self._save_rationale(now=True)

    @property
    def editor(self) -> AreaJudgement | None:
        """The area the grade and rationale fields belong to."""
        if self.data is None or self.editor_area is None:
            return None
        return self._area(self.editor_area)

    def _save_rationale(self, *, now: bool) -> None:
        area = self.editor
        if area is None:
            return
        text = self.query_one("#rationale", TextArea).text
        if text == area.rationale:
            if now:
                self.services.hurry_save(self._key(area.id))
            return
        self.finals[area.id] = (area.grade, text)
        self._show_rationale_note()
        if area.grade:
            self._save(area.id, now=now)

    def _key(self, area_id: str) -> str:
        return f"judgement:{self.inspection_id}:{area_id}:final"

    def _save(self, area_id: str, *, now: bool) -> None:
        assert self.data is not None
        grade, rationale = self.finals[area_id]
        if not grade:
            return
        self.services.autosave(
            self._key(area_id),
            save_final(self.inspection_id, area_id, grade, rationale, self.data.coordinator_id),
            now=now,
        )

    # -- inspectors' own grades ------------------------------------------------------------

    def action_inspector_grade(self) -> None:
        area = self.current
        if area is None or self.data is None:
            return
        if not self.data.team:
            self.notify("Add the team first (Set-up, Team tab).", severity="warning")
            return
        existing = {g.judge_id: (g.grade, g.rationale) for g in area.independent}
        area_id = area.id
        inspection_id = self.inspection_id

        def chosen(result: tuple[str, str, str] | None) -> None:
            if result is None:
                return
            judge_id, grade, rationale = result

            def saved(_: object) -> None:
                if self.is_attached:
                    self.load()

            self.services.write(
                save_independent(inspection_id, area_id, judge_id, grade, rationale), saved
            )

        self.app.push_screen(InspectorGradeDialog(area.title, self.data.team, existing), chosen)

    # -- leaving -------------------------------------------------------------------------------

    def action_back(self) -> None:
        if isinstance(self.focused, TextArea):
            self._save_rationale(now=True)
            self.query_one("#final-grade").focus()
            return
        self._save_rationale(now=True)
        self.dismiss()

    async def action_quit(self) -> None:
        self._save_rationale(now=True)
        await self.app.action_quit()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(self.size.height >= 36, "-tall")

    def on_key(self, event: events.Key) -> None:
        # ↓ on the tab names goes into the tab.
        if event.key == "down" and isinstance(self.focused, Tabs):
            event.stop()
            target = "#final-grade" if self._tab() == "area" else "#agreement-pane"
            self.query_one(target).focus()
