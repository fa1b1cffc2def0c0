"""The report as plain data: what it says, in order, independent of any file format.

Building a report happens in two steps, so that each can be tested on its own:

1. :func:`load_report_data` reads one inspection from the database into a
   :class:`ReportData` snapshot of frozen dataclasses (no SQLModel objects
   escape, so the rest never touches a session);
2. :func:`build_outline` turns a snapshot into a :class:`Report`: a title, a few
   document properties and a flat tuple of blocks (:class:`Heading`,
   :class:`Paragraph`, :class:`Bullets`, :class:`Table` ...).

Renderers (:mod:`.docx`, :mod:`.markdown`) only ever see a :class:`Report`, and
:mod:`.redact` rewrites every string of one before any renderer does, so no
output format can leak an interviewee's name. Interviewee names are in the
snapshot (redaction needs them) but :func:`build_outline` never writes them.

The shape follows the tenant inspectors' report described in DESIGN.md: title
page, preface, acknowledgements, contents, introduction, methodology, summary of
judgements, one lettered section per area, conclusions, recommendations R1 ...,
appendix and the inspection team.

Numbering: findings are numbered F1, F2 ... and recommendations R1, R2 ... in
the order they appear in *this* report, so both are always contiguous (a public
report, which leaves internal items out, is numbered on its own).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..models import COST_BANDS, GRADE_KEYS, GRADE_LABELS
from ..themes import GROUPS, THEMES

if TYPE_CHECKING:
    from sqlmodel import Session

# ---------------------------------------------------------------------------
# Blocks
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Title:
    """The report's title, on the title page."""

    text: str


@dataclass(frozen=True)
class Subtitle:
    """A line under the title on the title page."""

    text: str


@dataclass(frozen=True)
class Heading:
    """A real heading (levels 1-3, never skipping a level); ``new_page`` starts a page."""

    level: int
    text: str
    new_page: bool = False


@dataclass(frozen=True)
class Paragraph:
    """Body text. ``lead`` is a bold label run before the text ("Impact: ")."""

    text: str
    bold: bool = False
    lead: str = ""


@dataclass(frozen=True)
class Fields:
    """Short labelled facts, one per line, in one compact paragraph ("Impact: High")."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Bullets:
    """A bulleted list. ``leads``, when given, holds a bold label for each item."""

    items: tuple[str, ...]
    leads: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """A table with one header row (repeated on every page it spans).

    ``widths`` are relative column widths (any units); empty means equal.
    ``caption`` is the table's accessible title.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    widths: tuple[int, ...] = ()


@dataclass(frozen=True)
class PageBreak:
    """Start a new page before the next block."""


@dataclass(frozen=True)
class Contents:
    """The table of contents: headings of level ``levels`` and above, with their pages."""

    title: str = "Contents"
    levels: int = 1


Block = Title | Subtitle | Heading | Paragraph | Fields | Bullets | Table | PageBreak | Contents


@dataclass(frozen=True)
class Report:
    """A whole report, ready for a renderer."""

    title: str
    subtitle: str
    author: str
    subject: str
    keywords: str
    language: str
    blocks: tuple[Block, ...]
    public: bool = False
    warnings: tuple[str, ...] = ()

    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]

    @property
    def sections(self) -> int:
        """Top-level sections (level-1 headings)."""
        return sum(1 for b in self.blocks if isinstance(b, Heading) and b.level == 1)


# ---------------------------------------------------------------------------
# The data snapshot
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AreaData:
    id: str
    name: str
    kind: str
    description: str = ""


@dataclass(frozen=True)
class DocumentData:
    id: str
    area_id: str | None
    title: str
    document_date: date | None = None
    undated: bool = False
    version: str = ""
    source: str = ""
    observations: str = ""
    questionnaire: str = ""  # "<id> <version>" or ""
    internal: bool = False


@dataclass(frozen=True)
class InterviewData:
    """An interview. ``name`` is private: used for redaction, never printed."""

    id: str
    area_id: str | None
    kind: str
    role: str
    name: str = ""
    status: str = "complete"
    interview_date: date | None = None
    questionnaire: str = ""
    deleted: bool = False


@dataclass(frozen=True)
class FindingData:
    id: str
    area_id: str | None
    kind: str
    text: str
    document_id: str | None = None
    interview_id: str | None = None
    themes: tuple[str, ...] = ()
    internal: bool = False


@dataclass(frozen=True)
class JudgementData:
    area_id: str
    grade: str
    rationale: str = ""


@dataclass(frozen=True)
class ConclusionData:
    id: str
    area_id: str | None
    text: str
    internal: bool = False


@dataclass(frozen=True)
class RecommendationData:
    id: str
    area_id: str | None
    text: str
    sub_actions: tuple[str, ...] = ()
    expected_benefits: str = ""
    impact: str = ""
    cost: str = ""
    priority: str = ""
    target_date: date | None = None
    finding_ids: tuple[str, ...] = ()
    internal: bool = False


@dataclass(frozen=True)
class QuestionnaireData:
    key: str  # "<id> <version>"
    title: str
    version: str
    kind: str
    description: str = ""
    questions: tuple[str, ...] = ()


@dataclass(frozen=True)
class MemberData:
    name: str
    role: str = "inspector"


@dataclass(frozen=True)
class ReportData:
    """Everything the report is made from, read once from the database."""

    title: str
    landlord: str
    topic: str = ""
    scope: str = ""
    report_number: str = ""
    start_date: date | None = None
    end_date: date | None = None
    report_date: date | None = None
    preface: str = ""
    acknowledgements: str = ""
    introduction: str = ""
    methodology: str = ""
    other_methods: str = ""
    include_team: bool = True
    areas: tuple[AreaData, ...] = ()
    documents: tuple[DocumentData, ...] = ()
    interviews: tuple[InterviewData, ...] = ()
    findings: tuple[FindingData, ...] = ()
    judgements: tuple[JudgementData, ...] = ()
    conclusions: tuple[ConclusionData, ...] = ()
    recommendations: tuple[RecommendationData, ...] = ()
    questionnaires: tuple[QuestionnaireData, ...] = ()
    team: tuple[MemberData, ...] = ()
    #: Warnings found while reading (shown with the export result).
    notes: tuple[str, ...] = field(default=())


def load_report_data(session: Session, inspection_id: str) -> ReportData:
    """Read one inspection (id or unique prefix) into a :class:`ReportData` snapshot."""
    from sqlmodel import col, select

    from .. import models as m
    from .. import records
    from ..analysis import conclusions, findings, judgements, recommendations
    from ..errors import UserError
    from ..fieldwork import document_reviews
    from ..inspections import areas, get_inspection, questionnaire_copies, questionnaire_for, team

    inspection = get_inspection(session, inspection_id)
    iid = inspection.id
    notes: list[str] = []

    # Every interview, deleted ones too: a deleted interview's name may still be in notes.
    all_interviews = session.exec(
        select(m.Interview)
        .where(m.Interview.inspection_id == iid)
        .order_by(col(m.Interview.created_at), col(m.Interview.id))
    ).all()
    links: dict[str, list[str]] = defaultdict(list)
    for link in records.live(session, m.RecommendationFinding, inspection_id=iid):
        links[link.recommendation_id].append(link.finding_id)

    questionnaires: list[QuestionnaireData] = []
    seen: set[tuple[str, str]] = set()
    for copy in questionnaire_copies(session, iid):
        # After a merge, two laptops' identical copies of one questionnaire may coexist.
        if (copy.questionnaire_id, copy.version) in seen:
            continue
        seen.add((copy.questionnaire_id, copy.version))
        try:
            parsed = questionnaire_for(session, iid, copy.questionnaire_id, copy.version)
        except UserError as exc:  # a damaged stored copy: say so, keep going
            notes.append(f"questionnaire {copy.questionnaire_id} {copy.version}: {exc}")
            continue
        questionnaires.append(
            QuestionnaireData(
                key=f"{copy.questionnaire_id} {copy.version}",
                title=parsed.title,
                version=parsed.version,
                kind=parsed.kind,
                description=" ".join(parsed.description.split()),
                questions=tuple(q.text for q in parsed.questions()),
            )
        )

    finals = [j for j in judgements(session, iid) if j.is_final]
    return ReportData(
        title=inspection.title,
        landlord=inspection.landlord,
        topic=inspection.topic,
        scope=inspection.scope,
        report_number=inspection.report_number,
        start_date=inspection.start_date,
        end_date=inspection.end_date,
        report_date=inspection.report_date,
        preface=inspection.preface,
        acknowledgements=inspection.acknowledgements,
        introduction=inspection.introduction,
        methodology=inspection.methodology,
        other_methods=inspection.other_methods,
        include_team=inspection.include_team_in_report,
        areas=tuple(AreaData(a.id, a.name, a.kind, a.description) for a in areas(session, iid)),
        documents=tuple(
            DocumentData(
                id=d.id,
                area_id=d.area_id,
                title=d.title,
                document_date=d.document_date,
                undated=d.undated,
                version=d.version,
                source=d.source,
                observations=d.observations,
                questionnaire=_qkey(d.questionnaire_id, d.questionnaire_version),
                internal=d.internal,
            )
            for d in document_reviews(session, iid)
        ),
        interviews=tuple(
            InterviewData(
                id=i.id,
                area_id=i.area_id,
                kind=i.interviewee_kind,
                role=i.interviewee_role,
                name=i.interviewee_name,
                status=i.status,
                interview_date=i.interview_date,
                questionnaire=_qkey(i.questionnaire_id, i.questionnaire_version),
                deleted=i.is_deleted,
            )
            for i in all_interviews
        ),
        findings=tuple(
            FindingData(
                id=f.id,
                area_id=f.area_id,
                kind=f.kind,
                text=f.text,
                document_id=f.document_review_id,
                interview_id=f.interview_id,
                themes=tuple(f.themes or ()),
                internal=f.internal,
            )
            for f in findings(session, iid)
        ),
        judgements=tuple(JudgementData(j.area_id, j.grade, j.rationale) for j in finals),
        conclusions=tuple(
            ConclusionData(c.id, c.area_id, c.text, c.internal) for c in conclusions(session, iid)
        ),
        recommendations=tuple(
            RecommendationData(
                id=r.id,
                area_id=r.area_id,
                text=r.text,
                sub_actions=tuple(r.sub_actions or ()),
                expected_benefits=r.expected_benefits,
                impact=r.impact,
                cost=r.cost,
                priority=r.priority,
                target_date=r.target_date,
                finding_ids=tuple(links.get(r.id, ())),
                internal=r.internal,
            )
            for r in recommendations(session, iid)
        ),
        questionnaires=tuple(questionnaires),
        team=tuple(MemberData(t.name, t.role) for t in team(session, iid) if t.include_in_report),
        notes=tuple(notes),
    )


def _qkey(qid: str, version: str) -> str:
    return f"{qid} {version}" if qid else ""


# ---------------------------------------------------------------------------
# Wording
# ---------------------------------------------------------------------------

#: What each point of the four-point scale means (appendix).
GRADE_MEANINGS: dict[str, str] = {
    "considerably_outweigh": "The service is strong throughout. There are few weaknesses and "
    "none of them is serious.",
    "outweigh": "There are more strengths than weaknesses. The weaknesses matter, but they do "
    "not undermine the service.",
    "balance": "Strengths and weaknesses carry about equal weight. Some important things need "
    "to improve.",
    "weaknesses_outweigh": "Important weaknesses outweigh the strengths. The service needs to "
    "improve significantly.",
}

KIND_HEADINGS: tuple[tuple[str, str], ...] = (
    ("strength", "Strengths"),
    ("good_practice", "Good practice"),
    ("weakness", "Weaknesses"),
    ("observation", "Observations"),
)
KIND_LABELS = {
    "strength": "Strength",
    "good_practice": "Good practice",
    "weakness": "Weakness",
    "observation": "Observation",
}

DEFAULT_INTRODUCTION = (
    "This report sets out what the tenant inspectors found when they inspected {topic} at "
    "{landlord}, the judgements they reached and what they recommend."
)
DEFAULT_METHODOLOGY = (
    "The inspectors read the landlord's documents, interviewed staff in each area, recorded "
    "each finding with the evidence for it and agreed a judgement for each area on the "
    "four-point scale."
)

_THEME_ORDER = {t.id: i for i, t in enumerate(THEMES)}
_THEME_BY_ID = {t.id: t for t in THEMES}
_BLANK_LINES = re.compile(r"\n\s*\n")


def long_date(d: date | None) -> str:
    """ "2 March 2026" (no leading zero, as people write it)."""
    return f"{d.day} {d:%B %Y}" if d else ""


def month_year(d: date | None) -> str:
    return f"{d:%B %Y}" if d else ""


def paragraphs(text: str) -> list[str]:
    """Split typed text into paragraphs at blank lines; single newlines stay as line breaks."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return []
    return [p.strip() for p in _BLANK_LINES.split(text) if p.strip()]


def _join_and(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _number(n: int) -> str:
    """Words below ten ("two"), figures from ten ("17"), as house style guides ask."""
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def _plural(n: int, one: str, many: str | None = None, *, capital: bool = False) -> str:
    """ "two documents", "17 interviews", "one interview"."""
    number = _number(n)
    if capital:
        number = number[0].upper() + number[1:]
    return f"{number} {one if n == 1 else (many or one + 's')}"


def _level(value: str) -> str:
    return value.capitalize() if value else ""


# ---------------------------------------------------------------------------
# Building the outline
# ---------------------------------------------------------------------------


class _Builder:
    """Turns a (possibly filtered) :class:`ReportData` into blocks; one use only."""

    def __init__(self, data: ReportData, *, public: bool) -> None:
        self.data = data
        self.public = public
        self.blocks: list[Block] = []
        self.warnings: list[str] = list(data.notes)
        self.areas = list(data.areas)
        self.letters = {a.id: _letter(i) for i, a in enumerate(self.areas)}
        self.area_by_id = {a.id: a for a in self.areas}
        self.documents = list(data.documents)
        self.held = [
            i for i in data.interviews if not i.deleted and i.status != "planned"
        ]  # interviews that took place (finished or not)
        self.judgement = {j.area_id: j for j in data.judgements}
        # Findings in report order: area by area, documents first (desktop review), then
        # by kind; a finding's number is its place in that order.
        self.findings_by_area = self._order_findings()
        self.finding_number: dict[str, int] = {}
        for area_findings in self.findings_by_area.values():
            for f in area_findings:
                self.finding_number[f.id] = len(self.finding_number) + 1
        self.rec_number = {r.id: n for n, r in enumerate(data.recommendations, start=1)}

    # -- helpers -------------------------------------------------------------

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def text(self, text: str) -> None:
        for para in paragraphs(text):
            self.add(Paragraph(para))

    def area_title(self, area_id: str | None) -> str:
        area = self.area_by_id.get(area_id or "")
        return f"{self.letters[area.id]}. {area.name}" if area else ""

    def fref(self, f: FindingData) -> str:
        return f"F{self.finding_number[f.id]}"

    def _order_findings(self) -> dict[str | None, list[FindingData]]:
        by_area: dict[str | None, list[FindingData]] = defaultdict(list)
        known = set(self.area_by_id)
        for f in self.data.findings:
            by_area[f.area_id if f.area_id in known else None].append(f)
        doc_order = {d.id: i for i, d in enumerate(self.documents)}
        kind_order = {k: i for i, (k, _) in enumerate(KIND_HEADINGS)}
        ordered: dict[str | None, list[FindingData]] = {}
        for area in [*self.areas, None]:
            area_id = area.id if area else None
            rows = by_area.get(area_id, [])
            desktop = area is not None and area.kind == "desktop_review"

            def key(f: FindingData, desktop: bool = desktop) -> tuple[int, int]:
                if desktop and f.document_id in doc_order:
                    return (doc_order[f.document_id or ""], kind_order.get(f.kind, 9))
                return (len(doc_order), kind_order.get(f.kind, 9))

            # sorted() is stable: creation order is kept within each group
            ordered[area_id] = sorted(rows, key=key)
        return ordered

    def finding_bullets(self, rows: Iterable[FindingData], *, with_kind: bool) -> Bullets:
        items, leads = [], []
        for f in rows:
            label = self.fref(f)
            if with_kind:
                label += f" {KIND_LABELS.get(f.kind, f.kind.capitalize())}"
            if f.internal:
                label += " (internal)"
            leads.append(label + ": " if with_kind else label + " ")
            items.append(" ".join(f.text.split()))
        return Bullets(tuple(items), tuple(leads))

    # -- the report ----------------------------------------------------------

    def build(self) -> Report:
        d = self.data
        self.title_page()
        self.add(Heading(1, "Preface"))
        from ..inspections import DEFAULT_ACKNOWLEDGEMENTS, DEFAULT_PREFACE

        self.text(d.preface or DEFAULT_PREFACE)
        self.add(Heading(1, "Acknowledgements"))
        self.text(d.acknowledgements or DEFAULT_ACKNOWLEDGEMENTS)
        self.add(PageBreak(), Contents())
        self.introduction()
        self.methodology()
        self.summary()
        for area in self.areas:
            self.area_section(area)
        self.unassigned_findings()
        self.overall_conclusions()
        self.recommendations()
        self.appendix()
        self.team()
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
                        (_THEME_BY_ID[i] for i in themes if i in _THEME_BY_ID),
                        key=lambda t: _THEME_ORDER[t.id],
                    )
                    if t.group == group
                ]
                if labels:
                    leads.append(f"{group}: ")
                    items.append(", ".join(labels) + ".")
            unknown = sorted(i for i in themes if i not in _THEME_BY_ID)
            if unknown:
                leads.append("Other themes: ")
                items.append(", ".join(unknown) + ".")
            self.add(Bullets(tuple(items), tuple(leads)))
        self.add(Heading(2, "Areas inspected"))
        if self.areas:
            descriptions = [_area_description(a) for a in self.areas]
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
        self.add(Heading(1, "Methodology", new_page=True))
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
                    f"{_plural(unfinished, 'interview was', 'interviews were', capital=True)} "
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
            f"We reviewed {_plural(len(self.documents), 'document')} and held "
            f"{_plural(len(self.held), 'interview')}"
        )
        if len(parts) > 1:
            sentence += ": " + _join_and(parts)
        elif parts:
            sentence += " " + parts[0].split(" ", 1)[1]
        return sentence + "."

    def summary(self) -> None:
        self.add(
            Heading(1, "Summary of judgements", new_page=True),
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

    def area_section(self, area: AreaData) -> None:
        title = self.area_title(area.id)
        self.add(Heading(1, title, new_page=True))
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
                    Bullets(tuple(_doc_line(x) for x in docs)),
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
                f"We reviewed {_plural(len(docs), 'document')}. For each one we checked "
                "whether it is dated and current, written in plain English and accessible, "
                "consistent with the other documents, and whether it says what difference it "
                "should make for tenants."
            )
        )
        for doc in docs:
            self.add(Heading(2, doc.title.strip() or "Untitled document"))
            if doc.internal:
                self.add(Paragraph("This document review is marked internal.", bold=True))
            facts = [("Date: ", _dated(doc))]
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
            parts.append(_plural(staff, "member of staff", "members of staff"))
        if tenants:
            parts.append(_plural(tenants, "tenant"))
        if others:
            parts.append(_plural(others, "other person", "other people"))
        self.add(Paragraph(f"We interviewed {_join_and(parts)}, identified here by role:"))
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
                    f"{_plural(planned, 'planned interview', capital=True)} did not take place."
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
                Heading(1, "Findings across the whole organisation", new_page=True),
                Paragraph("These findings are not tied to one area."),
                self.finding_bullets(rows, with_kind=True),
            )

    def overall_conclusions(self) -> None:
        self.add(Heading(1, "Conclusions", new_page=True))
        rows = [c for c in self.data.conclusions if c.area_id is None]
        if not rows:
            self.add(Paragraph("The team has not yet written its overall conclusions."))
            self.warnings.append("no overall conclusions yet")
            return
        for c in rows:
            parts = paragraphs(c.text)
            if parts:
                lead = "Internal: " if c.internal else ""
                self.add(Paragraph(parts[0], lead=lead), *(Paragraph(p) for p in parts[1:]))

    def recommendations(self) -> None:
        recs = self.data.recommendations
        self.add(Heading(1, "Recommendations", new_page=True))
        if not recs:
            self.add(Paragraph("The team has not made any recommendations."))
            self.warnings.append("no recommendations yet")
            return
        self.add(
            Paragraph(
                f"We make {_plural(len(recs), 'recommendation')}. Each one says what we "
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
                        _level(r.impact) or "-",
                        _level(r.cost) or "-",
                        _level(r.priority) or "-",
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
                facts.append(("Impact: ", _level(r.impact)))
            if r.cost:
                band = COST_BANDS.get(r.cost, "")
                facts.append(
                    ("Cost: ", _level(r.cost) + (f" ({band[0].lower()}{band[1:]})" if band else ""))
                )
            if r.priority:
                facts.append(("Priority: ", _level(r.priority)))
            if r.target_date:
                facts.append(("Target date: ", long_date(r.target_date)))
            cited = sorted(
                self.finding_number[i] for i in r.finding_ids if i in self.finding_number
            )
            if cited:
                label = "Based on findings: " if len(cited) > 1 else "Based on finding: "
                facts.append((label, _join_and([f"F{n}" for n in cited])))
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
                tuple((_level(k), v) for k, v in COST_BANDS.items()),
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
                            _dated(x),
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
        self.questionnaires()
        self.themes_table()

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
                    (q.title, q.version, _uses(q, uses[q.key]), str(len(q.questions))) for q in qs
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
        order = sorted(by_theme, key=lambda t: (_THEME_ORDER.get(t, len(_THEME_ORDER)), t))
        self.add(
            Heading(2, "Findings by theme"),
            Paragraph("The findings that bear on each theme, by number."),
            Table(
                ("Theme", "Group", "Findings"),
                tuple(
                    (
                        _THEME_BY_ID[t].label if t in _THEME_BY_ID else t,
                        _THEME_BY_ID[t].group if t in _THEME_BY_ID else "Other",
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
            Heading(1, "The inspection team", new_page=True),
            Paragraph(
                f"This inspection was carried out by {_plural(len(d.team), 'tenant inspector')}:"
            ),
            Bullets(
                tuple(
                    " ".join(t.name.split()) + (" (coordinator)" if t.role == "coordinator" else "")
                    for t in d.team
                )
            ),
        )


def _area_description(area: AreaData) -> str:
    text = " ".join(area.description.split())
    if not text and area.kind == "desktop_review":
        return "The landlord's documents, read before the interviews."
    return text


def _letter(index: int) -> str:
    from ..inspections import area_letter

    return area_letter(index)


def _dated(doc: DocumentData) -> str:
    if doc.document_date:
        return long_date(doc.document_date)
    return "Undated" if doc.undated else "Not recorded"


def _doc_line(doc: DocumentData) -> str:
    when = _dated(doc)
    return f"{doc.title.strip() or 'Untitled document'} ({when if doc.document_date else when.lower()})"


_KIND_USES = {
    "document_review": ("document review", "document reviews"),
    "interview": ("interview", "interviews"),
    "observation": ("observation", "observations"),
}


def _uses(q: QuestionnaireData, n: int) -> str:
    one, many = _KIND_USES.get(q.kind, ("use", "uses"))
    return _plural(n, one, many) if n else "Not used yet"


def build_outline(data: ReportData, *, public: bool = False) -> Report:
    """The report for a snapshot. With ``public``, everything marked internal is left out.

    Names are *not* redacted here: call :func:`.redact.redact_report` on the result (the
    export entry point always does).
    """
    if public:
        from .redact import drop_internal

        data = drop_internal(data)
    return _Builder(data, public=public).build()
