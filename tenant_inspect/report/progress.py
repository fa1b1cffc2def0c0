"""The progress report: how the landlord's action plan is going, for its board and the panel.

``tenant-inspect report ID --progress`` (and the Export screen) write it. It answers, in
this order, what a board member asks: how many actions are where (counts by status), which
recommendation is behind (a chart with a bar per recommendation, then the same numbers as a
table), what is late (overdue actions), what moved since the panel last looked (the latest
round compared with the one before), and then each action as the panel last saw it. The
prospects for improvement follow once they are judged.

"Status" is an action's *current* status: the one the panel recorded at the latest round
that saw it, or the landlord's own before any round has (see
:mod:`tenant_inspect.views.action_plan`). Overdue means its date has passed and it is not
done. Recommendations and actions are numbered as in the inspection report
(:class:`.outline_plan.PlanSections`).

Same rules as the inspection report: real headings, at least 12 pt, no italics, names
redacted by the export (every string, the charts' alt text included).
"""

from __future__ import annotations

from collections import Counter

from ..dates import show_day
from ..errors import UserError
from ..views.action_plan import RoundView
from ..vocabulary import ACTION_STATUS_WORDS
from .charts import STATUS_ORDER, chunks, status_chart
from .model import Bullets, Heading, Paragraph, Report, ReportData, Subtitle, Table, Title
from .outline_plan import PlanSections, judged, latest_notes, with_date
from .wording import plural

#: What each status means, for the last section.
STATUS_MEANINGS = {
    "not_started": "Work on the action has not begun.",
    "on_track": "Work has begun and should finish by its date.",
    "at_risk": "Work has begun, but the date may be missed.",
    "off_track": "The date will be missed, or work has stopped.",
    "done": "The action is complete and the panel has seen evidence of it.",
}


class ProgressBuilder(PlanSections):
    """Turns a snapshot with a plan into the progress report's blocks; one use only."""

    def build(self, chart_width: float, font_pt: float = 12) -> Report:
        d = self.data
        plan = d.plan
        if plan is None or not self.plan_recommendations():
            raise UserError(
                "this inspection has no action plan yet, so there is no progress to report: "
                "import the landlord's workbook (tenant-inspect action-plan import) or add "
                "actions on the Action plan screen first"
            )
        self.labels = self.item_labels()
        self.recs = self.plan_recommendations()
        self.items = [i for _, r in self.recs for i in r.items]
        self.add(
            Title("Progress on the action plan"),
            Subtitle(d.title),
            Subtitle(f"A tenant inspection of {d.landlord}"),
            Subtitle(f"As at {show_day(plan.today)}"),
        )
        self.summary_counts()
        self.by_recommendation(chart_width, font_pt)
        self.overdue_actions()
        self.changes()
        self.action_by_action()
        if judged(plan):
            self.add(Heading(1, "Prospects for improvement"))
            self.prospects_table()
        self.add(
            Heading(1, "What the words mean"),
            Table(
                ("Status", "What it means"),
                tuple((ACTION_STATUS_WORDS[s], STATUS_MEANINGS[s]) for s in STATUS_MEANINGS),
                caption="What the statuses mean",
                widths=(25, 75),
            ),
        )
        if judged(plan):
            self.prospect_meanings()
        return Report(
            title=f"Progress on the action plan: {d.title}",
            subtitle=f"A tenant inspection of {d.landlord}",
            author=f"The tenant inspectors, {d.landlord}",
            subject="Progress on the landlord's action plan",
            keywords=f"tenant inspection; action plan; {d.landlord}",
            language="en-GB",
            blocks=tuple(self.blocks),
            public=self.public,
            warnings=tuple(self.warnings),
        )

    def summary_counts(self) -> None:
        plan = self.data.plan
        assert plan is not None
        counts = Counter(i.current_status for i in self.items)
        total = len(self.items)
        late = sum(1 for i in self.items if i.overdue)
        seen = [r for r in plan.rounds if r.held_on_words]
        by_status = tuple(
            (ACTION_STATUS_WORDS[s], str(counts[s]), _share(counts[s], total)) for s in STATUS_ORDER
        )
        if seen:
            last = seen[-1]
            when = (
                f"We last checked it at our monitoring round of {last.held_on_words}"
                + (f" ({last.title})" if last.title.strip() else "")
                + f", the last of {plural(len(seen), 'round')} so far."
            )
        else:
            when = "We have not held a monitoring round yet, so each status is the landlord's own."
        self.add(
            Heading(1, "Summary"),
            Paragraph(
                f"The landlord's plan answers {plural(len(self.recs), 'recommendation')} of our "
                f"inspection with {plural(total, 'action')}. {when}"
            ),
            Table(
                ("Status", "Actions", "Share"),
                (*by_status, ("All actions", str(total), "100%" if total else "-")),
                caption="Actions by status",
                widths=(50, 25, 25),
            ),
            Paragraph(
                f"{_capital(plural(late, 'action'))} {'is' if late == 1 else 'are'} overdue: the date "
                "given for it has passed and it is not done."
                if late
                else "No action is overdue."
            ),
        )

    def by_recommendation(self, chart_width: float, font_pt: float) -> None:
        rows = [
            (number, dict(Counter(i.current_status for i in rec.items)))
            for number, rec in self.recs
        ]
        self.add(
            Heading(1, "Progress by recommendation"),
            Paragraph(
                "Each bar is one recommendation, split into its actions by status. The same "
                "numbers are in the table after the chart."
            ),
        )
        for n, group in enumerate(chunks(rows), start=1):
            title = f"Actions by status, chart {n}"
            self.add(status_chart(group, width=chart_width, title=title, font_pt=font_pt))
        late = Counter(i.recommendation_id for i in self.items if i.overdue)
        self.add(
            Table(
                ("No.", *(ACTION_STATUS_WORDS[s] for s in STATUS_ORDER), "Overdue"),
                tuple(
                    (
                        number,
                        *(str(counts.get(s, 0)) for s in STATUS_ORDER),
                        str(late[rec.id]),
                    )
                    for (number, counts), (_, rec) in zip(rows, self.recs, strict=True)
                ),
                caption="Actions by status for each recommendation",
                widths=(9, 13, 15, 13, 15, 16, 19),  # "Overdue" whole at 16 pt,
            )
        )

    def overdue_actions(self) -> None:
        self.add(Heading(1, "Overdue actions"))
        late = [(number, rec, i) for number, rec in self.recs for i in rec.items if i.overdue]
        if not late:
            self.add(Paragraph("No action is overdue."))
            return
        self.add(
            Paragraph("Actions whose date has passed and that are not done, in plan order."),
            Table(
                ("No.", "Key actions", "Due", "Status", "Responsible officer"),
                tuple(
                    (
                        self.labels[i.id],
                        " ".join(i.key_actions.split()) or "-",
                        i.by_when_text,
                        i.current_status_words,
                        rec.response.responsible_role.strip() or "Not named",
                    )
                    for number, rec, i in late
                ),
                caption="Overdue actions",
                widths=(11, 37, 17, 15, 20),
            ),
        )

    def changes(self) -> None:
        plan = self.data.plan
        assert plan is not None
        self.add(Heading(1, "What changed since the previous round"))
        rounds = plan.rounds
        if not rounds:
            self.add(Paragraph("No monitoring round has been held yet."))
            return
        last = rounds[-1]
        changes = [c for c in last.changes if c.item_id in self.labels]
        if len(rounds) == 1:
            self.add(
                Paragraph(
                    f"The round of {_round_name(last)} is the first, so there is no earlier "
                    "round to compare it with. It saw these actions:"
                )
            )
        else:
            self.add(
                Paragraph(
                    f"The round of {_round_name(last)} compared with the round of "
                    f"{_round_name(rounds[-2])}:"
                )
            )
        if changes:
            self.add(Bullets(tuple(self.change_words(c, self.labels) for c in changes)))
        else:
            self.add(Paragraph("Nothing changed."))
        unseen = len(self.items) - sum(1 for e in last.entries if e.item_id in self.labels)
        if unseen:
            self.add(Paragraph(f"This round did not look at {plural(unseen, 'action')}."))

    def action_by_action(self) -> None:
        plan = self.data.plan
        assert plan is not None
        notes = latest_notes(plan)
        evidence: dict[str, str] = {}
        for r in plan.rounds:
            evidence.update((e.item_id, e.evidence) for e in r.entries if e.evidence.strip())
        self.add(
            Heading(1, "Action by action"),
            Paragraph(
                "Each action as the panel last saw it: its status, the latest progress note "
                "and the evidence seen."
            ),
        )
        for number, rec in self.recs:
            self.add(Heading(2, number), Paragraph(" ".join(rec.text.split()), bold=True))
            if not rec.items:
                self.add(
                    Paragraph(
                        f"The landlord has set out no actions for this ({rec.response.response_words.lower()})."
                    )
                )
                continue
            self.add(
                Table(
                    ("No.", "Key actions and date", "Status", "Latest progress", "Evidence seen"),
                    tuple(
                        (
                            self.labels[i.id],
                            with_date(i),
                            i.current_status_words
                            + (f", {i.overdue_words}" if i.overdue_words else ""),
                            " ".join((notes.get(i.id) or i.progress).split()) or "-",
                            " ".join(evidence.get(i.id, "").split()) or "-",
                        )
                        for i in rec.items
                    ),
                    caption=f"Actions for {number}",
                    widths=(11, 30, 19, 22, 18),
                )
            )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _share(n: int, total: int) -> str:
    return f"{round(100 * n / total)}%" if total else "-"


def _round_name(r: RoundView) -> str:
    """ "30 November 2026 (Quarter 2 review)", or just the date when it has no title."""
    title = r.title.strip()
    return f"{r.held_on_words} ({title})" if title else r.held_on_words


def build_progress(
    data: ReportData, *, public: bool = False, chart_width: float = 451.0, font_pt: float = 12
) -> Report:
    """The progress report of a snapshot; ``public`` leaves internal recommendations out.

    Names are *not* redacted here: the export entry point redacts the result.
    """
    if public:
        from .redact import drop_internal

        data = drop_internal(data)
    return ProgressBuilder(data, public=public).build(chart_width, font_pt)
