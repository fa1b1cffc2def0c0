"""The report as plain data: the blocks a renderer draws and the snapshot they are built from.

Kept apart from the building (:mod:`.outline`) and the reading (:mod:`.snapshot`) so that
renderers, page estimates and redaction (:mod:`.redact`) depend on nothing but these frozen
dataclasses: that is what keeps redaction free of an import cycle with the builder.

Renderers (:mod:`.docx`, :mod:`.markdown`) only ever see a :class:`Report`, and
:mod:`.redact` rewrites every string of one before any renderer does, so no output format
can leak an interviewee's name. Interviewee names are in the snapshot (redaction needs
them) but the outline never writes them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from ..views.action_plan import ActionPlanData
from ..views.shared import (
    AreaData as AreaData,
)
from ..views.shared import (
    ConclusionData as ConclusionData,
)
from ..views.shared import (
    FindingData as FindingData,
)
from ..views.shared import (
    MemberData as MemberData,
)
from ..views.shared import (
    RecommendationData as RecommendationData,
)

#: Called with a fraction done (0..1) and what is happening, while a report is made.
ProgressCallback = Callable[[float, str], None]

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
class Image:
    """A picture (a chart) drawn at ``width`` × ``height`` points, in a paragraph of its own.

    ``alt`` is the text a screen reader reads instead: it must say what the picture shows
    (for a chart, its numbers in words), because a reader who cannot see it gets nothing
    else. ``png`` holds the picture's bytes; redaction maps strings only, so it never
    changes them, which is why pictures must never hold free text (a chart's labels are
    item numbers and status words).
    """

    png: bytes
    alt: str
    width: float
    height: float
    title: str = ""


@dataclass(frozen=True)
class PageBreak:
    """Start a new page before the next block."""


@dataclass(frozen=True)
class Contents:
    """The table of contents: headings of level ``levels`` and above, with their pages."""

    title: str = "Contents"
    levels: int = 1


Block = (
    Title | Subtitle | Heading | Paragraph | Fields | Bullets | Table | Image | PageBreak | Contents
)


def block_strings(blocks: Iterable[Block]) -> Iterator[str]:
    """Every piece of text the blocks print, in order (for searching the report's words)."""
    for b in blocks:
        if isinstance(b, Title | Subtitle | Heading):
            yield b.text
        elif isinstance(b, Paragraph):
            yield b.lead + b.text
        elif isinstance(b, Fields):
            yield from (label + value for label, value in b.items)
        elif isinstance(b, Bullets):
            yield from b.leads
            yield from b.items
        elif isinstance(b, Table):
            yield b.caption
            yield from b.header
            yield from (cell for row in b.rows for cell in row)
        elif isinstance(b, Contents):
            yield b.title
        elif isinstance(b, Image):
            yield b.title
            yield b.alt


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
    #: Set lines closer (1.25 instead of 1.5) for a document that must stay short (the
    #: letter to residents: two pages). Large print keeps its own spacing.
    compact: bool = False

    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]

    @property
    def sections(self) -> int:
        """Top-level sections (level-1 headings)."""
        return sum(1 for b in self.blocks if isinstance(b, Heading) and b.level == 1)


# ---------------------------------------------------------------------------
# The data snapshot (areas, findings, conclusions, recommendations and the team are the
# screens' types too: see tenant_inspect.views.shared)
# ---------------------------------------------------------------------------


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
class JudgementData:
    area_id: str
    grade: str
    rationale: str = ""


@dataclass(frozen=True)
class QuestionnaireData:
    key: str  # "<id> <version>"
    title: str
    version: str
    kind: str
    description: str = ""
    questions: tuple[str, ...] = ()


@dataclass(frozen=True)
class LetterTextData:
    """A part of the letter to residents a coordinator wrote (see models_letter.LetterText);
    ``subject_id`` is the area's or recommendation's id, "" for the letter's own parts."""

    part: str
    subject_id: str
    text: str


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
    #: The landlord's action plan, its monitoring rounds and the prospects for improvement,
    #: or None when the inspection has none of them yet (the report then says nothing).
    plan: ActionPlanData | None = None
    #: What the coordinator wrote for the letter to residents (parts not written: none).
    letter: tuple[LetterTextData, ...] = ()
    #: Warnings found while reading (shown with the export result).
    notes: tuple[str, ...] = field(default=())
