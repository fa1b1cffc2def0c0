"""One lettered section per area: findings, documents, interviewees, judgement, conclusions.

One of the outline's section mixins (see :mod:`.outline_base`).
"""

from __future__ import annotations

from ..vocabulary import GRADE_LABELS
from .model import (
    AreaData,
    Bullets,
    DocumentData,
    Fields,
    FindingData,
    Heading,
    InterviewData,
    Paragraph,
)
from .outline_base import OutlineBuilder
from .wording import KIND_HEADINGS, dated, doc_line, join_and, paragraphs, plural


class AreaSections(OutlineBuilder):
    """The area sections and the findings not tied to an area."""

    def area_section(self, area: AreaData) -> None:
        title = self.area_title(area.id)
        # The first area starts the findings part of the report on a new page; the other
        # areas follow on, so a short area does not leave most of a page empty.
        self.add(Heading(1, title, new_page=area is self.areas[0]))
        if area.description.strip():
            self.text(area.description)
        findings = self.findings_by_area.get(area.id, [])
        docs = [x for x in self.documents if x.area_id == area.id]
        if area.kind == "desktop_review":
            self.desktop_documents(docs, findings)
            shown = {x.id for x in docs}
            rest = [f for f in findings if f.document_id not in shown]
            if rest:
                self.add(Heading(2, "Other findings"), self.finding_bullets(rest, with_kind=True))
        else:
            self.interviewees(area)
            if docs:
                self.add(
                    Heading(2, "Documents"),
                    Bullets(tuple(doc_line(x) for x in docs)),
                )
            for kind, heading in KIND_HEADINGS:
                rows = [f for f in findings if f.kind == kind]
                if rows:
                    self.add(Heading(2, heading), self.finding_bullets(rows, with_kind=False))
            other = [f for f in findings if f.kind not in dict(KIND_HEADINGS)]
            if other:
                self.add(Heading(2, "Other findings"), self.finding_bullets(other, with_kind=True))
        if not findings:
            self.add(Paragraph("No findings were recorded for this area."))
            self.warnings.append(f"{title}: no findings recorded")
        self.area_judgement(area, title)
        self.area_conclusions(area)
        self.area_recommendations(area)

    def desktop_documents(self, docs: list[DocumentData], findings: list[FindingData]) -> None:
        if not docs:
            self.add(Paragraph("No documents were reviewed."))
            return
        self.add(
            Paragraph(
                f"We reviewed {plural(len(docs), 'document')}. For each one we checked "
                "whether it is dated and current, written in plain English and accessible, "
                "consistent with the other documents, and whether it says what difference it "
                "should make for tenants."
            )
        )
        for doc in docs:
            self.add(Heading(2, doc.title.strip() or "Untitled document"))
            if doc.internal:
                self.add(Paragraph("This document review is marked internal.", bold=True))
            facts = [("Date: ", dated(doc))]
            if doc.version.strip():
                facts.append(("Version: ", " ".join(doc.version.split())))
            if doc.source.strip():
                facts.append(("Where we found it: ", " ".join(doc.source.split())))
            self.add(Fields(tuple(facts)))
            obs = paragraphs(doc.observations)
            if obs:
                self.add(Paragraph(obs[0], lead="Our observations: "))
                self.add(*(Paragraph(p) for p in obs[1:]))
            rows = [f for f in findings if f.document_id == doc.id]
            if rows:
                self.add(Heading(3, "Findings"), self.finding_bullets(rows, with_kind=True))

    def interviewees(self, area: AreaData) -> None:
        ivs = [i for i in self.held if i.area_id == area.id]
        self.add(Heading(2, "Who we interviewed"))
        if not ivs:
            self.add(Paragraph("We did not interview anyone in this area."))
            return
        staff = sum(1 for i in ivs if i.kind == "staff")
        tenants = sum(1 for i in ivs if i.kind == "tenant")
        others = len(ivs) - staff - tenants
        parts = []
        if staff:
            parts.append(plural(staff, "member of staff", "members of staff"))
        if tenants:
            parts.append(plural(tenants, "tenant"))
        if others:
            parts.append(plural(others, "other person", "other people"))
        self.add(Paragraph(f"We interviewed {join_and(parts)}, identified here by role:"))
        roles: dict[str, list[InterviewData]] = {}
        for i in ivs:
            roles.setdefault(" ".join(i.role.split()), []).append(i)
        items = []
        for role, group in roles.items():
            extra = []
            if len(group) > 1:
                extra.append(f"{len(group)} interviews")
            unfinished = sum(1 for i in group if i.status != "complete")
            if unfinished:
                extra.append(
                    "interview not finished" if len(group) == 1 else f"{unfinished} not finished"
                )
            items.append(role + (f" ({'; '.join(extra)})" if extra else ""))
        self.add(Bullets(tuple(items)))
        planned = sum(
            1
            for i in self.data.interviews
            if i.area_id == area.id and not i.deleted and i.status == "planned"
        )
        if planned:
            self.add(
                Paragraph(
                    f"{plural(planned, 'planned interview', capital=True)} did not take place."
                )
            )

    def area_judgement(self, area: AreaData, title: str) -> None:
        self.add(Heading(2, "Our judgement"))
        j = self.judgement.get(area.id)
        if j is None:
            self.add(Paragraph("The team has not yet agreed a judgement for this area."))
            self.warnings.append(f"{title}: no agreed judgement yet")
            return
        self.add(Paragraph(GRADE_LABELS.get(j.grade, j.grade) + ".", bold=True))
        self.text(j.rationale)

    def area_conclusions(self, area: AreaData) -> None:
        rows = [c for c in self.data.conclusions if c.area_id == area.id]
        if rows:
            self.add(Heading(2, "Conclusions"))
            for c in rows:
                lead = "Internal: " if c.internal else ""
                parts = paragraphs(c.text)
                if parts:
                    self.add(Paragraph(parts[0], lead=lead), *(Paragraph(p) for p in parts[1:]))

    def area_recommendations(self, area: AreaData) -> None:
        rows = [r for r in self.data.recommendations if r.area_id == area.id]
        if rows:
            self.add(
                Heading(2, "Recommendations"),
                Bullets(
                    tuple(" ".join(r.text.split()) for r in rows),
                    tuple(f"R{self.rec_number[r.id]} " for r in rows),
                ),
                Paragraph(
                    "The Recommendations section gives the actions, benefits, cost, priority "
                    "and target date for each."
                ),
            )

    def unassigned_findings(self) -> None:
        rows = self.findings_by_area.get(None, [])
        if rows:
            self.add(
                Heading(1, "Findings across the whole organisation"),
                Paragraph("These findings are not tied to one area."),
                self.finding_bullets(rows, with_kind=True),
            )
