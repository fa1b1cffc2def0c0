"""The back of the report: conclusions, recommendations, appendix and the team.

One of the outline's section mixins (see :mod:`.outline_base`).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ..vocabulary import COST_BANDS, GRADE_KEYS, GRADE_LABELS
from .model import Bullets, Fields, Heading, Paragraph, Table, block_strings
from .outline_base import OutlineBuilder
from .wording import (
    GRADE_MEANINGS,
    THEME_BY_ID,
    THEME_ORDER,
    dated,
    glossary_rows,
    join_and,
    level_label,
    long_date,
    paragraphs,
    plural,
    times_used,
)


class BackMatter(OutlineBuilder):
    """Overall conclusions, recommendations, appendix (questionnaires, themes) and team."""

    def overall_conclusions(self) -> None:
        self.add(Heading(1, "Conclusions", new_page=True))
        rows = [c for c in self.data.conclusions if c.area_id is None]
        if not rows:
            self.add(Paragraph("The team has not yet written its overall conclusions."))
            self.warnings.append("no overall conclusions yet")
            return
        # A tenant inspectors' report lists its overall conclusions as bullets, so each
        # one reads as a separate point; a conclusion typed in paragraphs stays one point.
        kept = [c for c in rows if c.text.strip()]
        leads = tuple("Internal: " if c.internal else "" for c in kept)
        self.add(Bullets(tuple(" ".join(c.text.split()) for c in kept), leads * any(leads)))

    def recommendations(self) -> None:
        recs = self.data.recommendations
        self.add(Heading(1, "Recommendations"))
        if not recs:
            self.add(Paragraph("The team has not made any recommendations."))
            self.warnings.append("no recommendations yet")
            return
        self.add(
            Paragraph(
                f"We make {plural(len(recs), 'recommendation')}. Each one says what we "
                "recommend, what we expect it to achieve, its impact, cost and priority, a "
                "target date, and the findings it rests on. The cost bands are explained in "
                "the appendix."
            ),
            Table(
                ("No.", "Area", "Impact", "Cost", "Priority", "Target date"),
                tuple(
                    (
                        f"R{self.rec_number[r.id]}",
                        self.area_title(r.area_id) or "Whole organisation",
                        level_label(r.impact) or "-",
                        level_label(r.cost) or "-",
                        level_label(r.priority) or "-",
                        long_date(r.target_date) or "-",
                    )
                    for r in recs
                ),
                caption="Recommendations at a glance",
                widths=(8, 31, 12, 13, 13, 23),
            ),
        )
        for r in recs:
            self.add(Heading(2, f"R{self.rec_number[r.id]}"))
            if r.internal:
                self.add(Paragraph("This recommendation is marked internal.", bold=True))
            parts = paragraphs(r.text) or [""]
            self.add(Paragraph(parts[0], bold=True), *(Paragraph(p, bold=True) for p in parts[1:]))
            actions = [" ".join(a.split()) for a in r.sub_actions if a.strip()]
            if actions:
                self.add(Paragraph("Suggested actions:", bold=True), Bullets(tuple(actions)))
            if r.expected_benefits.strip():
                self.add(
                    Paragraph(" ".join(r.expected_benefits.split()), lead="Expected benefits: ")
                )
            facts: list[tuple[str, str]] = []
            if r.area_id in self.area_by_id:
                facts.append(("Area: ", self.area_title(r.area_id)))
            if r.impact:
                facts.append(("Impact: ", level_label(r.impact)))
            if r.cost:
                band = COST_BANDS.get(r.cost, "")
                facts.append(
                    (
                        "Cost: ",
                        level_label(r.cost) + (f" ({band[0].lower()}{band[1:]})" if band else ""),
                    )
                )
            if r.priority:
                facts.append(("Priority: ", level_label(r.priority)))
            if r.target_date:
                facts.append(("Target date: ", long_date(r.target_date)))
            cited = sorted(
                self.finding_number[i] for i in r.finding_ids if i in self.finding_number
            )
            if cited:
                label = "Based on findings: " if len(cited) > 1 else "Based on finding: "
                facts.append((label, join_and([f"F{n}" for n in cited])))
            if facts:
                self.add(Fields(tuple(facts)))

    def appendix(self) -> None:
        self.add(
            Heading(1, "Appendix", new_page=True),
            Heading(2, "The four-point scale"),
            Paragraph("Each area is judged on this scale, from best to worst."),
            Table(
                ("Judgement", "What it means"),
                tuple((GRADE_LABELS[k], GRADE_MEANINGS[k]) for k in GRADE_KEYS),
                caption="The four-point scale",
                widths=(40, 60),
            ),
            Heading(2, "Cost bands"),
            Paragraph(
                "The cost of each recommendation is estimated as a share of the annual cost of "
                "the service concerned."
            ),
            Table(
                ("Cost", "Meaning"),
                tuple((level_label(k), v) for k, v in COST_BANDS.items()),
                caption="Cost bands",
                widths=(20, 80),
            ),
            Heading(2, "Documents reviewed"),
        )
        if self.documents:
            self.add(
                Table(
                    ("Document", "Date", "Version", "Where we found it"),
                    tuple(
                        (
                            x.title.strip() or "Untitled document",
                            dated(x),
                            x.version.strip() or "-",
                            x.source.strip() or "-",
                        )
                        for x in self.documents
                    ),
                    caption="Documents reviewed",
                    widths=(36, 18, 20, 26),
                )
            )
        else:
            self.add(Paragraph("No documents were reviewed."))
        if self.with_questionnaires:
            self.questionnaires()
        self.themes_table()

    def glossary(self) -> None:
        """The terms and abbreviations the report uses, at the end of the appendix.

        Called once the whole report is written, because an entry is included only when
        its term occurs somewhere in the report (the team section included).
        """
        if self.glossary_at is None:
            return
        rows = glossary_rows("\n".join(block_strings(self.blocks)))
        if rows:
            self.blocks[self.glossary_at : self.glossary_at] = [
                Heading(2, "Glossary"),
                Paragraph("The terms and abbreviations used in this report."),
                Table(("Term", "Meaning"), rows, caption="Glossary", widths=(25, 75)),
            ]

    def questionnaires(self) -> None:
        qs = self.data.questionnaires
        self.add(Heading(2, "Questionnaires used"))
        if not qs:
            self.add(Paragraph("No questionnaires were recorded for this inspection."))
            return
        uses: Counter[str] = Counter()
        for x in self.documents:
            uses[x.questionnaire] += 1
        for i in self.held:
            uses[i.questionnaire] += 1
        self.add(
            Paragraph(
                "Inspectors used the same questions for every document and every interview "
                "of the same kind. The questions are listed below."
            ),
            Table(
                ("Questionnaire", "Version", "Used for", "Questions"),
                tuple(
                    (q.title, q.version, times_used(q, uses[q.key]), str(len(q.questions)))
                    for q in qs
                ),
                caption="Questionnaires used",
                widths=(40, 14, 28, 18),
            ),
        )
        for q in qs:
            self.add(Heading(3, q.title))
            if q.description:
                self.add(Paragraph(q.description))
            if q.questions:
                self.add(Bullets(tuple(" ".join(t.split()) for t in q.questions)))

    def themes_table(self) -> None:
        by_theme: dict[str, list[int]] = defaultdict(list)
        for f in self.data.findings:
            if f.id in self.finding_number:
                for t in dict.fromkeys(f.themes):
                    by_theme[t].append(self.finding_number[f.id])
        if not by_theme:
            return
        order = sorted(by_theme, key=lambda t: (THEME_ORDER.get(t, len(THEME_ORDER)), t))
        self.add(
            Heading(2, "Findings by theme"),
            Paragraph("The findings that bear on each theme, by number."),
            Table(
                ("Theme", "Group", "Findings"),
                tuple(
                    (
                        THEME_BY_ID[t].label if t in THEME_BY_ID else t,
                        THEME_BY_ID[t].group if t in THEME_BY_ID else "Other",
                        ", ".join(f"F{n}" for n in sorted(by_theme[t])),
                    )
                    for t in order
                ),
                caption="Findings by theme",
                widths=(32, 18, 50),
            ),
        )

    def team(self) -> None:
        d = self.data
        if not d.include_team or not d.team:
            return
        self.add(
            Heading(1, "The inspection team"),
            Paragraph(
                f"This inspection was carried out by {plural(len(d.team), 'tenant inspector')}:"
            ),
            Bullets(
                tuple(
                    " ".join(t.name.split()) + (" (coordinator)" if t.role == "coordinator" else "")
                    for t in d.team
                )
            ),
        )
