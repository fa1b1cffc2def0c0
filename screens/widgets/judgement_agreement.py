"""The Agreement tab of the judgements screen: how far the inspectors' own grades agree.

It leads with plain words — "You agreed on 5 of 7 areas; discuss Repairs and Finance
first" — then the areas whose grades are furthest apart and any two inspectors compared.
The statistics (the team's weighted Fleiss' kappa, see :mod:`tenant_inspect.agreement` for
why, and each pair's weighted Cohen's kappa) are one key away (s), explained; with fewer
than :data:`ENOUGH_AREAS` areas it says there is too little to judge rather than giving a
figure a label like "slight agreement". The figures come ready from
:mod:`tenant_inspect.views.judgements`; this module only puts them into words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Select, Static

from tenant_inspect.agreement import AreaDisagreement, PairAgreement, TeamAgreement, interpret
from tenant_inspect.views.judgements import REMOVED_MEMBER, JudgementsData
from tenant_inspect.vocabulary import GRADE_KEYS, GRADE_SHORT, GRADE_TINY, GRADE_TINY_LEGEND

from ..bindings import bind
from ..markup import clip, escape
from .tables import FittedTable, keyed_table

# ---------------------------------------------------------------------------
# Words (pure)
# ---------------------------------------------------------------------------


def kappa_words(value: float | None) -> str:
    """Two decimals, or a dash where kappa cannot be worked out (never a misleading 0)."""
    return "–" if value is None else f"{value:.2f}"


#: Fewer areas graded by both (or by two or more of the team) than this, and a kappa says
#: more about chance than about the inspectors: "0.00 — slight agreement" for a pair who
#: agreed in 1 of 2 areas misled people, so below it the tab says there is too little to judge.
ENOUGH_AREAS = 4


def _areas(n: int) -> str:
    return f"{n} area{'s' if n != 1 else ''}"


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def plain_headline(agreed: int, graded: int, to_discuss: Sequence[str]) -> str:
    """What the team can act on, in words: how many areas agreed, which to discuss first."""
    if graded == 0:
        return "No area has own grades from two or more inspectors yet."
    text = f"You agreed on {agreed} of {_areas(graded)}"
    if to_discuss:
        text += f"; discuss {_and(list(to_discuss[:2]))} first."
    else:
        text += "."
    if graded < ENOUGH_AREAS:
        text += f" Too few areas to judge how well the team agrees (at least {ENOUGH_AREAS})."
    return text


def team_words(team: TeamAgreement) -> tuple[str, str]:
    """(figure, explanation) of the team's statistic, shown when the statistics are asked for."""
    if team.linear is None:
        return (
            "Team agreement: not enough independent grades yet",
            "It needs at least one area graded by two or more inspectors (press i on the Area "
            "tab to record an inspector's own grade).",
        )
    areas = _areas(team.areas)
    if team.areas < ENOUGH_AREAS:
        headline = f"Team agreement: {kappa_words(team.value)} — too few areas to judge"
    else:
        headline = f"Team agreement: {kappa_words(team.value)} — {team.words}"
    extra = []
    if team.unweighted is not None and team.unweighted.value is not None:
        extra.append(f"unweighted {team.unweighted.value:.2f}")
    if team.quadratic is not None and team.quadratic.value is not None:
        extra.append(f"quadratic weights {team.quadratic.value:.2f}")
    explanation = (
        "This figure asks how much more often the inspectors gave the same grade than "
        "guessing would: 1 is full agreement, 0 no better than chance. It is a weighted "
        "Fleiss' kappa (linear weights: one step apart counts as two-thirds agreement) over "
        f"{areas} graded by two or more inspectors: {team.grades} grades by {team.judges} "
        "inspectors"
        + (f"; {', '.join(extra)}" if extra else "")
        + ". The words are Landis & Koch's."
    )
    if team.areas < ENOUGH_AREAS:
        explanation += f" With only {areas} it cannot say how well the team agrees."
    elif team.areas < 6:
        explanation += f" With only {areas} this is a rough guide."
    return headline, explanation


def pair_words(pair: PairAgreement, names: dict[str, str], *, statistics: bool = False) -> str:
    """Two inspectors compared in a sentence; the kappa only when asked for and meaningful."""
    a, b = names.get(pair.judge_a, "?"), names.get(pair.judge_b, "?")
    if pair.areas == 0:
        return f"{a} and {b} have not graded any area in common."
    same = f"gave the same grade in {pair.same} of {_areas(pair.areas)}"
    if pair.areas < ENOUGH_AREAS:
        return (
            f"{a} and {b} {same}: too few areas in common to judge how well they agree "
            f"(at least {ENOUGH_AREAS})."
        )
    if not statistics or pair.linear is None:
        return f"{a} and {b} {same}."
    if pair.linear.value is None:
        return f"{a} and {b} {same}: each gave one grade throughout, so kappa cannot be worked out."
    quadratic = pair.quadratic.value if pair.quadratic else None
    return (
        f"{a} and {b} {same}. Weighted Cohen's kappa {pair.linear.value:.2f} — "
        f"{interpret(pair.linear.value)} (quadratic weights {kappa_words(quadratic)})."
    )


def spread_words(d: AreaDisagreement) -> str:
    """How far apart in steps of the scale, which people grasp more readily than a share."""
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
# The tab
# ---------------------------------------------------------------------------


STATS_HINT = "Press s for the statistics behind this, explained."
STATS_HIDE = "Press s to hide the statistics."


class AgreementPane(VerticalScroll):
    """The team figure, the areas to discuss and two inspectors compared (styled by the screen)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind(
            "s",
            "statistics",
            "Statistics",
            "Show or hide the figures behind the words, explained",
        )
    ]

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.data: JudgementsData | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="plain-summary")
        yield Static(STATS_HINT, id="stats-hint")
        yield Static("Areas to discuss (grades furthest apart first)", classes="section-head")
        yield FittedTable(id="discuss", cursor_type="row")
        yield Static("", id="discuss-note")
        yield Static("Compare two inspectors", classes="section-head")
        with Horizontal(id="pair-row"):
            yield Select([], id="pair-a", compact=True, prompt="Inspector")
            yield Static(" with ")
            yield Select([], id="pair-b", compact=True, prompt="Inspector")
        yield Static("", id="pair-result")
        # The figures, one key away: they come after the words, not before them.
        with Vertical(id="statistics"):
            yield Static("Statistics", classes="section-head")
            yield Static("", id="team-figure")
            yield Static("", id="team-explain")
            yield Static("Every pair with two or more areas in common", classes="section-head")
            yield keyed_table(
                "pairs",
                ("Inspectors", "who"),
                ("Areas", "areas"),
                ("Same", "same"),
                ("Kappa", "kappa"),
                ("In words", "words"),
            )

    def on_mount(self) -> None:
        self.query_one("#statistics").display = False

    @property
    def statistics_shown(self) -> bool:
        return bool(self.query_one("#statistics").display)

    def action_statistics(self) -> None:
        shown = not self.statistics_shown
        self.query_one("#statistics").display = shown
        self.query_one("#stats-hint", Static).update(STATS_HIDE if shown else STATS_HINT)
        self._show_pair()
        if shown:
            self.call_after_refresh(self.scroll_to_widget, self.query_one("#statistics"))

    def show(self, data: JudgementsData) -> None:
        self.data = data
        agreement = data.agreement
        titles = {a.id: a.title for a in data.areas}
        graded = len(agreement.areas)
        agreed = graded - len(agreement.to_discuss)
        discuss = [titles.get(d.area_id, "?") for d in agreement.to_discuss]
        self.query_one("#plain-summary", Static).update(
            escape(plain_headline(agreed, graded, discuss))
        )
        headline, explanation = team_words(agreement.team)
        self.query_one("#team-figure", Static).update(escape(headline))
        self.query_one("#team-explain", Static).update(escape(explanation))
        tiny = self._show_discuss(data)
        self._show_discuss_note(data, tiny=tiny)
        self._fill_pair_choice(data)
        self._show_pair()
        self._show_pairs(data)

    def _show_discuss(self, data: JudgementsData) -> bool:
        """The areas to discuss; True when the grades had to be shortened to fit."""
        titles = {a.id: a.title for a in data.areas}
        found = data.agreement.areas
        to_discuss = data.agreement.to_discuss
        discuss = self.query_one("#discuss", DataTable)
        discuss.clear(columns=True)
        width = max(60, (self.screen.size.width or 80) - 6)
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
        discuss.display = bool(to_discuss)
        return tiny

    def _show_discuss_note(self, data: JudgementsData, *, tiny: bool) -> None:
        agreed = data.agreed_letters
        note = self.query_one("#discuss-note", Static)
        if not data.agreement.areas:
            note.update("No area has two or more inspectors' own grades yet.")
        elif not data.agreement.to_discuss:
            note.update("The inspectors gave the same grade in every area they graded.")
        else:
            note.update(
                f"All agree in {len(agreed)} area{'s' if len(agreed) != 1 else ''}"
                + (f": {', '.join(agreed)}." if agreed else ".")
                + " 1 step = next grade on the scale."
                + (f" {GRADE_TINY_LEGEND}" if tiny else "")
            )

    def _fill_pair_choice(self, data: JudgementsData) -> None:
        """Everyone who graded, in both choices; keep what was chosen, else the default pair."""
        names = data.names
        judges = data.agreement.judges
        defaults = data.agreement.default_pair
        options = [(names.get(j, REMOVED_MEMBER), j) for j in judges]
        for select_id, default in (("#pair-a", 0), ("#pair-b", 1)):
            select = self.query_one(select_id, Select)
            value = select.value
            with select.prevent(Select.Changed):
                select.set_options(options)
                if value in judges:
                    select.value = value
                elif len(defaults) > default:
                    select.value = defaults[default]

    def _show_pairs(self, data: JudgementsData) -> None:
        names = data.names
        pairs_table = self.query_one("#pairs", DataTable)
        pairs_table.clear()
        for pair in data.agreement.pairs:
            value = pair.linear.value if pair.linear else None
            who = sorted(
                (names.get(pair.judge_a, "?"), names.get(pair.judge_b, "?")), key=str.casefold
            )
            pairs_table.add_row(
                " & ".join(who),
                str(pair.areas),
                str(pair.same),
                kappa_words(value),
                "too few areas to judge"
                if pair.areas < ENOUGH_AREAS
                else interpret(value).split(" (")[0]
                if value is not None
                else "cannot be worked out",
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
        pair = self.data.pair(a, b)
        words = pair_words(pair, self.data.names, statistics=self.statistics_shown)
        result.update(escape(words))

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id in ("pair-a", "pair-b"):
            event.stop()
            self._show_pair()
