"""The front of the report: title page, introduction, methodology and summary of judgements.

One of the outline's section mixins (see :mod:`.outline_base`); split by section so each
part of the report can be read and changed on its own.
"""

from __future__ import annotations

from collections import Counter

from ..themes import GROUPS
from ..vocabulary import GRADE_LABELS
from .model import Bullets, Heading, PageBreak, Paragraph, Subtitle, Table, Title
from .outline_base import OutlineBuilder
from .wording import (
    DEFAULT_INTRODUCTION,
    DEFAULT_METHODOLOGY,
    THEME_BY_ID,
    THEME_ORDER,
    _number,
    area_description,
    join_and,
    long_date,
    month_year,
    plural,
)


class FrontMatter(OutlineBuilder):
    """Title page, introduction, methodology and the summary table."""

    def title_page(self) -> None:
        d = self.data
        self.add(Title(d.title), Subtitle(f"A tenant inspection of {d.landlord}"))
        self.add(Paragraph("Report of the tenant inspectors"))
        if d.report_number:
            self.add(Paragraph(d.report_number, lead="Report number: "))
        when = d.report_date or d.end_date
        if when:
            self.add(Paragraph(month_year(when)))
        if not self.public:
            self.add(
                Paragraph(
                    "Internal version. This copy includes material the team marked as "
                    "internal; publish the public version instead.",
                    bold=True,
                )
            )
        self.add(PageBreak())

    def introduction(self) -> None:
        d = self.data
        self.add(Heading(1, "Introduction", new_page=True), Heading(2, "Purpose"))
        topic = d.topic.lower() if d.topic else "the landlord's services"
        self.text(d.introduction or DEFAULT_INTRODUCTION.format(topic=topic, landlord=d.landlord))
        if d.scope.strip():
            self.add(Heading(2, "Scope"))
            self.text(d.scope)
        themes = Counter(t for f in self.data.findings for t in dict.fromkeys(f.themes))
        if themes:
            self.add(
                Heading(2, "Themes covered"),
                Paragraph(
                    "Each finding in this report is linked to the themes it bears on. "
                    "The findings cover these themes:"
                ),
            )
            leads, items = [], []
            for group in GROUPS:
                labels = [
                    t.label
                    for t in sorted(
                        (THEME_BY_ID[i] for i in themes if i in THEME_BY_ID),
                        key=lambda t: THEME_ORDER[t.id],
                    )
                    if t.group == group
                ]
                if labels:
                    leads.append(f"{group}: ")
                    items.append(", ".join(labels) + ".")
            unknown = sorted(i for i in themes if i not in THEME_BY_ID)
            if unknown:
                leads.append("Other themes: ")
                items.append(", ".join(unknown) + ".")
            self.add(Bullets(tuple(items), tuple(leads)))
        self.add(Heading(2, "Areas inspected"))
        if self.areas:
            descriptions = [area_description(a) for a in self.areas]
            self.add(
                Bullets(
                    tuple(descriptions),
                    tuple(
                        self.area_title(a.id) + (": " if text else "")
                        for a, text in zip(self.areas, descriptions, strict=True)
                    ),
                )
            )
        else:
            self.add(Paragraph("No areas have been set up for this inspection yet."))

    def methodology(self) -> None:
        d = self.data
        self.add(Heading(1, "Methodology"))
        self.text(d.methodology or DEFAULT_METHODOLOGY)
        dates = []
        if d.start_date and d.end_date:
            dates.append(
                f"The fieldwork took place between {long_date(d.start_date)} and "
                f"{long_date(d.end_date)}."
            )
        elif d.start_date:
            dates.append(f"The fieldwork began on {long_date(d.start_date)}.")
        if d.report_date:
            dates.append(f"This report is dated {long_date(d.report_date)}.")
        if dates:
            self.add(Heading(2, "Dates"), Paragraph(" ".join(dates)))
        self.add(Heading(2, "Documents and interviews"), Paragraph(self._fieldwork_sentence()))
        unfinished = sum(1 for i in self.held if i.status != "complete")
        if unfinished:
            self.add(
                Paragraph(
                    f"{plural(unfinished, 'interview was', 'interviews were', capital=True)} "
                    "not finished when this report was written; what was said is included."
                )
            )
        rows = []
        for area in self.areas:
            ivs = [i for i in self.held if i.area_id == area.id]
            staff = sum(1 for i in ivs if i.kind == "staff")
            rows.append(
                (
                    self.area_title(area.id),
                    str(sum(1 for x in self.documents if x.area_id == area.id)),
                    str(staff),
                    str(len(ivs) - staff),
                )
            )
        staff_total = sum(1 for i in self.held if i.kind == "staff")
        rows.append(
            (
                "Total",
                str(len(self.documents)),
                str(staff_total),
                str(len(self.held) - staff_total),
            )
        )
        self.add(
            Table(
                ("Area", "Documents reviewed", "Staff interviews", "Tenant and other interviews"),
                tuple(rows),
                caption="Documents reviewed and interviews held, by area",
                widths=(40, 20, 20, 20),
            )
        )
        role_rows = []
        for area in self.areas:
            counts = Counter(" ".join(i.role.split()) for i in self.held if i.area_id == area.id)
            role_rows += [(self.area_title(area.id), role, str(n)) for role, n in counts.items()]
        if role_rows:
            self.add(
                Paragraph(
                    "Everyone we interviewed is identified in this report by role and area "
                    "only, never by name."
                ),
                Table(
                    ("Area", "Role", "Interviews"),
                    tuple(role_rows),
                    caption="Interviews by area and role",
                    widths=(36, 44, 20),
                ),
            )
        if d.other_methods.strip():
            self.add(Heading(2, "Other methods"))
            self.text(d.other_methods)

    def _fieldwork_sentence(self) -> str:
        """Says how much fieldwork there was ("We reviewed eight documents and held ...")."""
        staff = sum(1 for i in self.held if i.kind == "staff")
        tenants = sum(1 for i in self.held if i.kind == "tenant")
        others = len(self.held) - staff - tenants
        parts = []
        if staff:
            parts.append(f"{_number(staff)} with staff")
        if tenants:
            parts.append(f"{_number(tenants)} with {'a tenant' if tenants == 1 else 'tenants'}")
        if others:
            parts.append(
                f"{_number(others)} with {'another person' if others == 1 else 'other people'}"
            )
        sentence = (
            f"We reviewed {plural(len(self.documents), 'document')} and held "
            f"{plural(len(self.held), 'interview')}"
        )
        if len(parts) > 1:
            sentence += ": " + join_and(parts)
        elif parts:
            sentence += " " + parts[0].split(" ", 1)[1]
        return sentence + "."

    def summary(self) -> None:
        self.add(
            Heading(1, "Summary of judgements"),
            Paragraph(
                "For each area we weighed the strengths against the weaknesses and agreed a "
                "judgement on the four-point scale tenant inspectors use (see the appendix)."
            ),
        )
        rows = []
        for area in self.areas:
            j = self.judgement.get(area.id)
            label = GRADE_LABELS.get(j.grade, j.grade) if j else "Not yet judged"
            rows.append((self.letters[area.id], area.name, label))
        self.add(
            Table(
                ("Section", "Area", "Judgement"),
                tuple(rows),
                caption="Summary of judgements",
                widths=(14, 40, 46),
            )
        )
