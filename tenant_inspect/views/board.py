"""The findings board as the coordinator sees it: every finding in words, and what it rests on.

After fieldwork the coordinator turns hundreds of notes into a clean set of findings, so the
board needs every live finding at once with its area, kind, themes, author and evidence
already in words. :func:`load_board` reads them in one pass into plain :class:`BoardRow`
values; searching, filtering and sorting (:func:`filter_rows`, :func:`sort_rows`) then work
on those values in memory, without the database, so 1,000 findings stay responsive and the
rules are tested without a screen. :func:`load_evidence` reads the answer, document or
interview behind one finding, and :func:`find_duplicates` pairs findings that read alike.

Interviews are named by the interviewee's role only: names are private.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from ..dates import show_day
from ..errors import UserError
from ..themes import THEMES
from ..vocabulary import KIND_LABELS, KIND_WORDS
from .shared import AreaData, FindingData, read_areas

if TYPE_CHECKING:
    from sqlmodel import Session

    from ..models import DocumentReview, Interview
    from ..questionnaire import Question, Questionnaire

THEME_LABELS = {t.id: t.label for t in THEMES}
KIND_ORDER = {kind: index for index, kind in enumerate(KIND_LABELS)}
#: The filter value meaning "any" (kind, area or theme).
ALL = "*"
#: The area filter value (and area choice) meaning "findings with no area".
NO_AREA = "-"


#: An area a finding can be filtered by or moved to, with its letter (A. Desktop review).


@dataclass(frozen=True, kw_only=True)
class BoardRow(FindingData):
    """One finding as the board shows it: the finding with its evidence (the report's type),
    plus where it sorts and its area, author and evidence in words (a plain copy, safe to
    keep on the UI thread). ``area_id`` is None when the finding's area is gone."""

    order: int
    area_letter: str
    area_name: str
    area_position: int
    author: str
    author_id: str | None
    evidence: str
    question: str
    #: Everything a search may match, lower-cased once when read (not per key press).
    search: str = field(repr=False, default="")

    @property
    def kind_letter(self) -> str:
        return KIND_WORDS.get(self.kind, ("", "", "?"))[2]

    @property
    def theme_words(self) -> str:
        return ", ".join(THEME_LABELS.get(t, t) for t in self.themes)

    @property
    def area_title(self) -> str:
        return f"{self.area_letter}. {self.area_name}" if self.area_id else "No area"


@dataclass(frozen=True)
class BoardData:
    title: str
    areas: tuple[AreaData, ...]
    rows: tuple[BoardRow, ...]


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------

#: Questionnaires already read, by (id, version); None when the inspection has no copy.
QuestionnaireCache = dict[tuple[str, str], "Questionnaire | None"]


def _question(
    cache: QuestionnaireCache,
    session: Session,
    parent: Interview | DocumentReview | None,
    key: str,
) -> Question | None:
    """Question ``key`` of the questionnaire ``parent`` was run with (None if unknown)."""
    from ..inspections import questionnaire_for

    if not key or parent is None or not parent.questionnaire_id:
        return None
    qkey = (parent.questionnaire_id, parent.questionnaire_version)
    if qkey not in cache:
        try:
            cache[qkey] = questionnaire_for(
                session, parent.inspection_id, parent.questionnaire_id, parent.questionnaire_version
            )
        except UserError:
            cache[qkey] = None
    questionnaire = cache[qkey]
    if questionnaire is None:
        return None
    try:
        return questionnaire.question(key)
    except KeyError:
        return None


def load_board(session: Session, inspection_id: str) -> BoardData:
    """Every live, unmerged finding with its area, author and evidence in words.

    The author is the team member whose laptop wrote the finding (stamped by the store);
    a finding from before authors were stamped shows no author rather than a guess.
    """
    from .. import analysis, fieldwork, inspections

    inspection = inspections.get_inspection(session, inspection_id)
    choices = read_areas(session, inspection.id)
    by_area = {a.id: (i, a) for i, a in enumerate(choices)}
    members = {t.id: t.name for t in inspections.team(session, inspection.id)}
    docs = {d.id: d for d in fieldwork.document_reviews(session, inspection.id)}
    talks = {t.id: t for t in fieldwork.interviews(session, inspection.id)}
    cache: QuestionnaireCache = {}
    rows = []
    for order, f in enumerate(analysis.findings(session, inspection.id)):
        parent: Interview | DocumentReview | None = None
        if f.interview_id in talks:
            parent = talks[f.interview_id]
            evidence = f"Interview: {parent.interviewee_role}"
        elif f.document_review_id in docs:
            parent = docs[f.document_review_id]
            evidence = f"Document: {parent.title}"
        else:
            evidence = "No evidence linked"
        question = _question(cache, session, parent, f.question_key)
        position, area = by_area.get(f.area_id or "", (len(choices), None))
        row = BoardRow.from_model(
            f,
            order=order,
            area_id=area.id if area else None,
            area_letter=area.letter if area else "–",
            area_name=area.name if area else "",
            area_position=position,
            author=members.get(f.author_id or "", ""),
            author_id=f.author_id,
            evidence=evidence,
            question=str(question.text) if question else "",
        )
        rows.append(replace(row, search=_search_words(row)))
    return BoardData(inspection.title, choices, tuple(rows))


def _search_words(row: BoardRow) -> str:
    words = (row.text, row.area_title, row.kind_label, row.author, row.evidence, row.question)
    return " ".join([*words, row.theme_words]).casefold()


# ---------------------------------------------------------------------------
# Filtering and sorting (pure: on rows already read)
# ---------------------------------------------------------------------------

#: The columns in order: (key, heading, sort key). Empty themes and authors sort last.
COLUMNS: tuple[tuple[str, str, Callable[[BoardRow], Any]], ...] = (
    ("area", "Area", lambda r: (r.area_position, KIND_ORDER.get(r.kind, 9), r.order)),
    ("kind", "Kind", lambda r: (KIND_ORDER.get(r.kind, 9), r.area_position, r.order)),
    ("themes", "Themes", lambda r: (r.theme_words.casefold() or "\uffff", r.order)),
    ("author", "Author", lambda r: (r.author.casefold() or "\uffff", r.order)),
    ("evidence", "Evidence", lambda r: (r.evidence.casefold(), r.question.casefold(), r.order)),
    ("text", "Finding", lambda r: (r.text.casefold(), r.order)),
)
COLUMN_KEYS = tuple(key for key, _, _ in COLUMNS)
COLUMN_HEADINGS = {key: heading for key, heading, _ in COLUMNS}


@dataclass(frozen=True)
class Filters:
    """What the coordinator narrowed the board to: search words, kind, area, theme."""

    query: str = ""
    kind: str = ALL
    area: str = ALL
    theme: str = ALL

    @property
    def active(self) -> bool:
        return bool(self.query.strip()) or (self.kind, self.area, self.theme) != (ALL, ALL, ALL)


def filter_rows(rows: Iterable[BoardRow], filters: Filters) -> list[BoardRow]:
    """Rows matching every word of the search and every chosen filter."""
    words = filters.query.casefold().split()
    out = []
    for row in rows:
        if filters.kind != ALL and row.kind != filters.kind:
            continue
        if filters.area != ALL and (row.area_id or NO_AREA) != filters.area:
            continue
        if filters.theme != ALL and filters.theme not in row.themes:
            continue
        if words and not all(word in row.search for word in words):
            continue
        out.append(row)
    return out


def sort_rows(rows: Sequence[BoardRow], column: str, reverse: bool = False) -> list[BoardRow]:
    key = next(k for c, _, k in COLUMNS if c == column)
    return sorted(rows, key=key, reverse=reverse)


@dataclass(frozen=True)
class SortOrder:
    """The column the board is sorted by; choosing it again reverses the order."""

    column: str = "area"
    reverse: bool = False

    def by(self, column: str) -> SortOrder:
        """Sorted by ``column``: reversed if it already was, else in its natural order."""
        if column not in COLUMN_KEYS:
            return self
        return SortOrder(column, not self.reverse if column == self.column else False)

    def next(self) -> SortOrder:
        """Sorted by the next column round (o), in its natural order."""
        return SortOrder(COLUMN_KEYS[(COLUMN_KEYS.index(self.column) + 1) % len(COLUMN_KEYS)])

    def sort(self, rows: Sequence[BoardRow]) -> list[BoardRow]:
        return sort_rows(rows, self.column, self.reverse)


# ---------------------------------------------------------------------------
# Possible duplicates
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DuplicatePair:
    first: BoardRow
    second: BoardRow
    score: float


def find_duplicates(
    session: Session, inspection_id: str, exclude: Iterable[tuple[str, str]]
) -> tuple[list[DuplicatePair], bool]:
    """The board's rows, paired by :func:`tenant_inspect.similarity.suggest_duplicates`.

    Also says whether the comparison stopped early (too many findings to compare them all).
    """
    from ..similarity import suggest_duplicates

    data = load_board(session, inspection_id)
    by_id = {r.id: r for r in data.rows}
    result = suggest_duplicates(data.rows, exclude=exclude, limit=300)
    pairs = [
        DuplicatePair(by_id[s.first_id], by_id[s.second_id], s.score) for s in result.suggestions
    ]
    return pairs, result.truncated


# ---------------------------------------------------------------------------
# The evidence behind a finding
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class EvidenceView:
    """What a finding rests on, as lines of (label, text)."""

    title: str
    lines: tuple[tuple[str, str], ...]


def answer_words(question: Question | None, value: str) -> str:
    """A stored answer as people read it (option labels instead of stored values)."""
    if not value:
        return ""
    if question is None:
        return value
    if question.type == "multi_choice" and value.startswith("["):
        try:
            return ", ".join(question.option_label(v) for v in json.loads(value))
        except ValueError:
            return value
    if question.type in ("yes_no", "choice"):
        return str(question.option_label(value))
    return value


def load_evidence(session: Session, finding_id: str) -> EvidenceView:
    """The answer (question, answer, notes), or the document, or the interview behind a finding."""
    from .. import models as m
    from .. import records

    finding = records.get(session, m.Finding, finding_id)
    lines: list[tuple[str, str]] = [
        ("Finding", f"{KIND_LABELS.get(finding.kind, finding.kind)}: {finding.text}")
    ]
    parent: Interview | DocumentReview | None = None
    if finding.interview_id:
        parent = session.get(m.Interview, finding.interview_id)
    elif finding.document_review_id:
        parent = session.get(m.DocumentReview, finding.document_review_id)
    if parent is None:
        lines.append(("Evidence", "No document, interview or question is linked to it."))
        return EvidenceView("The evidence", tuple(lines))
    if isinstance(parent, m.Interview):
        title = f"Interview: {parent.interviewee_role}"
        when = show_day(parent.interview_date) if parent.interview_date else "no date"
        lines.append(("Interview", f"{parent.interviewee_role} ({when})"))
    else:
        title = f"Document: {parent.title}"
        lines.append(("Document", f"{parent.title} ({_document_words(parent)})"))
    question = _question({}, session, parent, finding.question_key)
    answer = session.get(m.Answer, finding.answer_id) if finding.answer_id else None
    if finding.question_key:
        lines.append(("Question", question.text if question else finding.question_key))
        if answer is not None and not answer.is_deleted:
            if answer.skipped:
                lines.append(("Answer", "(skipped)"))
            words = answer_words(question, answer.value)
            if words:
                lines.append(("Answer", words))
            if answer.notes.strip():
                lines.append(("Notes", answer.notes.strip()))
        else:
            lines.append(("Answer", "(not answered)"))
    elif isinstance(parent, m.Interview) and parent.notes.strip():
        lines.append(("Notes", parent.notes.strip()))
    if isinstance(parent, m.DocumentReview) and parent.observations.strip():
        lines.append(("Observations", parent.observations.strip()))
    return EvidenceView(title, tuple(lines))


def _document_words(doc: DocumentReview) -> str:
    """'undated, v2, intranet': which document, which version, and where it was found."""
    if doc.undated:
        dated = "undated"
    else:
        dated = show_day(doc.document_date) if doc.document_date else "date not given"
    return ", ".join(x for x in (dated, doc.version, doc.source) if x)
