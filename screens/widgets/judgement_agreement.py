"""The Agreement tab of the judgements screen: how far the inspectors' own grades agree.

It shows the team figure (a weighted Fleiss' kappa, see :mod:`tenant_inspect.agreement` for
why), the areas whose grades are furthest apart — the ones to discuss before agreeing the
final grade — and any two inspectors compared with weighted Cohen's kappa, each figure in
Landis & Koch's words. The figures come ready from :mod:`tenant_inspect.views.judgements`;
this module only puts them into words.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Select, Static

from tenant_inspect.agreement import AreaDisagreement, PairAgreement, TeamAgreement, interpret
from tenant_inspect.views.judgements import REMOVED_MEMBER, JudgementsData
from tenant_inspect.vocabulary import GRADE_KEYS, GRADE_SHORT, GRADE_TINY, GRADE_TINY_LEGEND

from ..markup import clip, escape
from .tables import FittedTable, keyed_table

# ---------------------------------------------------------------------------
# Words (pure)
# ---------------------------------------------------------------------------


def kappa_words(value: float | None) -> str:
    """Two decimals, or a dash where kappa cannot be worked out (never a misleading 0)."""
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
    """Two inspectors compared in a sentence, saying why when there is no kappa to give."""
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


class AgreementPane(VerticalScroll):
    """The team figure, the areas to discuss and two inspectors compared (styled by the screen)."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.data: JudgementsData | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="team-figure")
        yield Static("", id="team-explain")
        yield Static("Areas to discuss (grades furthest apart first)", classes="section-head")
        yield FittedTable(id="discuss", cursor_type="row")
        yield Static("", id="discuss-note")
        yield Static("Compare two inspectors", classes="section-head")
        with Horizontal(id="pair-row"):
            yield Select([], id="pair-a", compact=True, prompt="Inspector")
            yield Static(" with ")
            yield Select([], id="pair-b", compact=True, prompt="Inspector")
        yield Static("", id="pair-result")
        yield Static("Every pair with two or more areas in common", classes="section-head")
        yield keyed_table(
            "pairs",
            ("Inspectors", "who"),
            ("Areas", "areas"),
            ("Same", "same"),
            ("Kappa", "kappa"),
            ("In words", "words"),
        )

    def show(self, data: JudgementsData) -> None:
        self.data = data
        agreement = data.agreement
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
        result.update(escape(pair_words(self.data.pair(a, b), self.data.names)))

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id in ("pair-a", "pair-b"):
            event.stop()
            self._show_pair()
