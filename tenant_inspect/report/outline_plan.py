"""The landlord's action plan in the inspection report: the prospects table and the appendix.

One of the outline's section mixins (see :mod:`.outline_base`); the progress report
(:mod:`.progress`) uses its numbering too.

**Numbering.** The screens call an item "R2.3" after the recommendation's stored number. A
report numbers recommendations in its own order (a public report, which leaves internal
ones out, renumbers them), so items are relabelled here from the report's numbers: an item
is always "R<number in this report>.<its place in the plan>", and an item of a
recommendation the report leaves out is left out too.

**The appendix's shape** is the one landlords publish (the Audit Commission's inspections,
and the plans housing groups answer them with): per recommendation a title block (the
recommendation, its target date, the responsible officer and the executive sponsor, by
role), a table of key outcomes for customers, key actions, by when, progress to date and
how we will know, then costs and resources and how customers will have a say.
"""

from __future__ import annotations

from ..views.action_plan import ActionPlanData, Change, ItemView, RecommendationPlan
from ..vocabulary import PROSPECT_WORDS
from .model import Fields, Heading, Paragraph, Table
from .outline_base import OutlineBuilder
from .wording import paragraphs

#: What each overall assessment means, for the appendix.
PROSPECT_MEANINGS = {
    "excellent": "The landlord is improving quickly and is well placed to keep doing so.",
    "promising": "The landlord is improving and has what it needs to carry on.",
    "uncertain": "Some things are improving, but it is not yet clear that this will last.",
    "poor": "Little is improving, and the landlord is not yet able to change that.",
}


class PlanSections(OutlineBuilder):
    """The prospects for improvement and the action-plan appendix, when there is a plan."""

    # -- numbering -----------------------------------------------------------

    def plan_recommendations(self) -> list[tuple[str, RecommendationPlan]]:
        """(number in this report, plan) for each recommendation the report includes."""
        plan = self.data.plan
        if plan is None:
            return []
        return [
            (f"R{self.rec_number[r.id]}", r)
            for r in plan.recommendations
            if r.id in self.rec_number
        ]

    def item_labels(self) -> dict[str, str]:
        """Item id -> "R2.3" in this report's numbering (included items only)."""
        labels: dict[str, str] = {}
        for number, rec in self.plan_recommendations():
            for n, item in enumerate(rec.items, start=1):
                labels[item.id] = f"{number}.{n}"
        return labels

    def change_words(self, change: Change, labels: dict[str, str]) -> str:
        """The change in words, with the item's label from this report."""
        return (
            labels.get(change.item_id, change.item_label) + change.words[len(change.item_label) :]
        )

    # -- the summary ---------------------------------------------------------

    def prospects(self) -> None:
        """The prospects table, placed right after the summary of judgements."""
        plan = self.data.plan
        if plan is None or not judged(plan):
            return
        self.add(Heading(2, "Prospects for improvement"))
        self.prospects_table()

    def prospects_table(self) -> None:
        """The three graded questions and the overall assessment, then the rationale."""
        plan = self.data.plan
        if plan is None:
            return
        p = plan.prospects
        rows = [(question[0].upper() + question[1:], grade) for _, question, grade in p.grades]
        rows.append(("Overall", p.overall_words if p.overall else "Not assessed"))
        self.add(
            Paragraph(
                "Having monitored the landlord's action plan, we judged how likely it is to "
                "improve. The three questions use the four-point scale of the area "
                "judgements; the overall assessment says whether its prospects are "
                "excellent, promising, uncertain or poor."
            ),
            Table(
                ("Question", "Judgement"),
                tuple(rows),
                caption="Prospects for improvement",
                widths=(50, 50),
            ),
        )
        self.text(p.rationale)
        self.warnings.extend(f"prospects for improvement: {w}" for w in p.warnings)

    # -- the appendix --------------------------------------------------------

    def plan_appendix(self) -> None:
        plan = self.data.plan
        recs = self.plan_recommendations()
        if plan is None or not recs:
            return
        self.add(Heading(2, "The landlord's action plan"))
        latest = next((r for r in reversed(plan.rounds) if r.held_on_words), None)
        seen = (
            f" Progress is as the panel last saw it, at its monitoring round of "
            f"{latest.held_on_words}."
            if latest is not None
            else ""
        )
        self.add(
            Paragraph(
                "The landlord's answer to each recommendation: whether it accepts it, who is "
                "responsible, what it will do and by when, and how it will know it has "
                f"succeeded.{seen}"
            )
        )
        if judged(plan):
            self.prospect_meanings()
        labels = self.item_labels()
        notes = latest_notes(plan)
        for number, rec in recs:
            self.plan_for(number, rec, labels, notes)

    def prospect_meanings(self) -> None:
        self.add(
            Table(
                ("Overall prospects", "What it means"),
                tuple((PROSPECT_WORDS[k], v) for k, v in PROSPECT_MEANINGS.items()),
                caption="What the overall prospects mean",
                widths=(35, 65),
            )
        )

    def plan_for(
        self,
        number: str,
        rec: RecommendationPlan,
        labels: dict[str, str],
        notes: dict[str, str],
    ) -> None:
        r = rec.response
        self.add(Heading(3, number))
        facts = [("Recommendation: ", " ".join(rec.text.split()))]
        if rec.target_words:
            facts.append(("Target date: ", rec.target_words))
        answered = bool(
            r.response or r.reason.strip() or r.responsible_role.strip() or r.costs.strip()
        )
        if not answered and not rec.items:
            # Nothing to set out yet: say so once, not as a column of "Not given".
            self.add(
                Fields(tuple(facts)),
                Paragraph("The landlord has not yet answered this recommendation."),
            )
            return
        facts.append(("Response: ", r.response_words))
        if r.reason.strip():
            facts.append(("Reason: ", " ".join(r.reason.split())))
        facts.append(("Responsible officer: ", r.responsible_role.strip() or "Not named"))
        facts.append(("Executive sponsor: ", r.sponsor_role.strip() or "Not named"))
        self.add(Fields(tuple(facts)))
        if rec.items:
            self.add(
                Table(
                    (
                        "No.",
                        "Key outcomes for customers",
                        "Key actions and date",
                        "Progress to date",
                        "How we will know",
                    ),
                    tuple(_item_row(labels[i.id], i, notes.get(i.id, "")) for i in rec.items),
                    caption=f"Action plan for {number}",
                    widths=(11, 21, 24, 24, 20),
                )
            )
        else:
            self.add(Paragraph("The landlord has not yet set out any actions for this."))
        self.add(
            Fields(
                (
                    ("Costs and resources: ", " ".join(r.costs.split()) or "Not given"),
                    (
                        "How customers will have a say: ",
                        " ".join(r.customer_say.split()) or "Not given",
                    ),
                )
            )
        )


def judged(plan: ActionPlanData) -> bool:
    p = plan.prospects
    return bool(p.overall or any(grade for _, grade in p.grade_keys))


def with_date(item: ItemView) -> str:
    """The key actions, then "By 31 March 2027" (or "Ongoing") on a line of its own.

    The real plans have a separate "By" column, but six columns at 12 pt on A4 break
    dates mid-word; under the action it reads just as well.
    """
    actions = " ".join(item.key_actions.split()) or "-"
    text = item.by_when_text
    if not text:
        return actions
    # a date or a month reads "By March 2027"; a word ("ongoing") stands alone
    return f"{actions}\n" + (f"By {text}" if item.by_when else text[:1].upper() + text[1:])


def latest_notes(plan: ActionPlanData) -> dict[str, str]:
    """Item id -> the panel's latest progress note that says something (rounds oldest first)."""
    notes: dict[str, str] = {}
    for round_ in plan.rounds:
        notes.update(
            (e.item_id, e.progress_note) for e in round_.entries if e.progress_note.strip()
        )
    return notes


def _item_row(label: str, item: ItemView, note: str) -> tuple[str, ...]:
    """The item's row; progress is the panel's latest note, else what the landlord wrote."""
    state = item.current_status_words + (f", {item.overdue_words}" if item.overdue_words else "")
    progress = " ".join(paragraphs(note or item.progress))
    return (
        label,
        " ".join(item.key_outcomes.split()) or "-",
        with_date(item),
        f"{state}. {progress}" if progress else state + ".",
        " ".join(item.how_we_know.split()) or "-",
    )
