"""Building the report outline: what the report says, in order, independent of any format.

Building a report happens in two steps, so that each can be tested on its own:

1. :func:`~.snapshot.load_report_data` reads one inspection from the database into a
   :class:`~.model.ReportData` snapshot of frozen dataclasses (no SQLModel objects
   escape, so the rest never touches a session);
2. :func:`build_outline` turns a snapshot into a :class:`~.model.Report`: a title, a few
   document properties and a flat tuple of blocks (:class:`~.model.Heading`,
   :class:`~.model.Paragraph`, :class:`~.model.Bullets`, :class:`~.model.Table` ...).

The sections are written by mixins, one module per part of the report
(:mod:`.outline_front`, :mod:`.outline_areas`, :mod:`.outline_back`); this module puts them
in order. The data types and the loader are re-exported here, where callers have always
found them.

The shape follows the tenant inspectors' report described in DESIGN.md: title
page, preface, acknowledgements, contents, introduction, methodology, summary of
judgements (with the prospects for improvement once they are judged), one lettered
section per area, conclusions, recommendations R1 ..., appendix (ending with the landlord's
action plan when there is one, see :mod:`.outline_plan`) and the inspection team.

Pages break only before the major parts of the report: the contents, the
introduction, the first area section, the conclusions and the appendix. Breaking before
every top-level section left pages holding two lines (a short area, the conclusions of a
small inspection); the other sections follow on, their headings kept with what follows.

Numbering: findings are numbered F1, F2 ... and recommendations R1, R2 ... in
the order they appear in *this* report, so both are always contiguous (a public
report, which leaves internal items out, is numbered on its own).
"""

from __future__ import annotations

from .model import (
    AreaData,
    Block,
    Bullets,
    ConclusionData,
    Contents,
    DocumentData,
    Fields,
    FindingData,
    Heading,
    InterviewData,
    JudgementData,
    MemberData,
    PageBreak,
    Paragraph,
    QuestionnaireData,
    RecommendationData,
    Report,
    ReportData,
    Subtitle,
    Table,
    Title,
)
from .outline_areas import AreaSections
from .outline_back import BackMatter
from .outline_front import FrontMatter
from .outline_plan import PlanSections
from .snapshot import load_report_data
from .wording import (
    DEFAULT_ACKNOWLEDGEMENTS,
    DEFAULT_INTRODUCTION,
    DEFAULT_METHODOLOGY,
    DEFAULT_PREFACE,
    GRADE_MEANINGS,
    KIND_HEADINGS,
    KIND_LABELS,
    long_date,
    month_year,
    paragraphs,
)

__all__ = [
    "DEFAULT_INTRODUCTION",
    "DEFAULT_METHODOLOGY",
    "GRADE_MEANINGS",
    "KIND_HEADINGS",
    "KIND_LABELS",
    "AreaData",
    "Block",
    "Bullets",
    "ConclusionData",
    "Contents",
    "DocumentData",
    "Fields",
    "FindingData",
    "Heading",
    "InterviewData",
    "JudgementData",
    "MemberData",
    "PageBreak",
    "Paragraph",
    "QuestionnaireData",
    "RecommendationData",
    "Report",
    "ReportData",
    "Subtitle",
    "Table",
    "Title",
    "build_outline",
    "load_report_data",
    "long_date",
    "month_year",
    "paragraphs",
]


class _Builder(FrontMatter, AreaSections, BackMatter, PlanSections):
    """Turns a (possibly filtered) :class:`ReportData` into blocks; one use only."""

    def build(self) -> Report:
        d = self.data
        self.title_page()
        self.add(Heading(1, "Preface"))
        self.text(d.preface or DEFAULT_PREFACE)
        self.add(Heading(1, "Acknowledgements"))
        self.text(d.acknowledgements or DEFAULT_ACKNOWLEDGEMENTS)
        self.add(PageBreak(), Contents())
        self.introduction()
        self.methodology()
        self.summary()
        self.prospects()
        for area in self.areas:
            self.area_section(area)
        self.unassigned_findings()
        self.overall_conclusions()
        self.recommendations()
        self.appendix()
        self.plan_appendix()
        self.glossary_at = len(self.blocks)  # the glossary ends the appendix
        self.team()
        self.glossary()
        topic = d.topic or "the landlord's services"
        return Report(
            title=d.title,
            subtitle=f"A tenant inspection of {d.landlord}",
            author=f"The tenant inspectors, {d.landlord}",
            subject=f"Tenant inspection of {topic.lower() if d.topic else topic}",
            keywords=f"tenant inspection; {d.landlord}" + (f"; {d.topic}" if d.topic else ""),
            language="en-GB",
            blocks=tuple(self.blocks),
            public=self.public,
            warnings=tuple(self.warnings),
        )


def build_outline(data: ReportData, *, public: bool = False, questionnaires: bool = True) -> Report:
    """The report for a snapshot. With ``public``, everything marked internal is left out;
    without ``questionnaires``, the appendix does not list the questionnaires used.

    Names are *not* redacted here: call :func:`.redact.redact_report` on the result (the
    export entry point always does).
    """
    if public:
        from .redact import drop_internal

        data = drop_internal(data)
    return _Builder(data, public=public, questionnaires=questionnaires).build()
