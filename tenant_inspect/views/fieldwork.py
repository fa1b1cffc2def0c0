"""Fieldwork as the screens show it: the document list, the interview list, the question runner.

Each loader reads everything one screen needs in one go (in a worker) and hands back plain
values, so the screen never touches the session and nothing it keeps can go stale when the
session closes. The lists and the runner count "12/23 answered" with the same
:class:`~tenant_inspect.question_path.QuestionPath`, so the numbers always agree.

``kind`` is "interview" or "review", as in :func:`tenant_inspect.fieldwork.work_item`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..dates import show_day, show_day_short
from ..question_path import AnswerState, progress_text
from ..questionnaire import Questionnaire
from .findings import FindingRow, load_findings

if TYPE_CHECKING:
    from sqlmodel import Session


# ---------------------------------------------------------------------------
# Words shared by the lists and the runner
# ---------------------------------------------------------------------------


def date_text(document_date: dt.date | None, undated: bool) -> str:
    """The date on a document as the list shows it: the date, "Undated", or a dash."""
    if undated:
        return "Undated"
    return show_day_short(document_date) if document_date else "—"


def interview_label(role: str, area_name: str) -> str:
    """ "Housing Officer (Housing Management)": how an interviewee is named — role, never name."""
    return f"{role} ({area_name})" if area_name else role


def answer_states(session: Session, parent: Any) -> dict[str, AnswerState]:
    """The answers of one interview or review, as the runner keeps them."""
    from tenant_inspect import fieldwork

    return {
        key: AnswerState(a.value, a.notes, a.skipped)
        for key, a in fieldwork.answers(session, parent).items()
    }


def questionnaire_of(session: Session, parent: Any) -> Questionnaire | None:
    """The questionnaire (the exact version) an interview or review is answered by, if any."""
    from tenant_inspect.inspections import questionnaire_for

    if not parent.questionnaire_id:
        return None
    return questionnaire_for(
        session, parent.inspection_id, parent.questionnaire_id, parent.questionnaire_version
    )


def _progress_of(
    session: Session, inspection_id: str, link: str, items: list[Any]
) -> dict[str, str]:
    """ "12/23 answered" for each item of a list, from one read of the inspection's answers.

    ``link`` is the answer column naming the item ("interview_id", "document_review_id").
    """
    from tenant_inspect import models as m
    from tenant_inspect import records

    answers: dict[str, dict[str, AnswerState]] = {}
    for a in records.live(session, m.Answer, inspection_id=inspection_id):
        owner = getattr(a, link)
        if owner:
            answers.setdefault(owner, {})[a.question_key] = AnswerState(a.value, a.notes, a.skipped)
    progress = {}
    for item in items:
        try:
            questionnaire = questionnaire_of(session, item)
        except Exception:  # a missing copy must not hide the list
            questionnaire = None
        progress[item.id] = progress_text(questionnaire, answers.get(item.id, {}))
    return progress


# ---------------------------------------------------------------------------
# The document list
# ---------------------------------------------------------------------------


@dataclass
class DocumentDetails:
    """A document's details as the document form shows and collects them."""

    title: str
    document_date: dt.date | None
    undated: bool
    version: str
    source: str


@dataclass(frozen=True)
class DocumentRow:
    id: str
    title: str
    date: str
    status: str
    progress: str
    findings: int


@dataclass(frozen=True)
class DocumentListData:
    title: str
    rows: list[DocumentRow]


def load_document_list(session: Session, inspection_id: str) -> DocumentListData:
    """The desktop review's documents, in the order they were added, with their progress."""
    from tenant_inspect import analysis, fieldwork, inspections

    inspection = inspections.get_inspection(session, inspection_id)
    counts: dict[str, int] = {}
    for f in analysis.findings(session, inspection_id):
        if f.document_review_id:
            counts[f.document_review_id] = counts.get(f.document_review_id, 0) + 1
    docs = fieldwork.document_reviews(session, inspection_id)
    progress = _progress_of(session, inspection_id, "document_review_id", docs)
    rows = [
        DocumentRow(
            id=doc.id,
            title=doc.title,
            date=date_text(doc.document_date, doc.undated),
            status=doc.status,
            progress=progress[doc.id],
            findings=counts.get(doc.id, 0),
        )
        for doc in docs
    ]
    return DocumentListData(inspection.title, rows)


def load_document_details(session: Session, review_id: str) -> DocumentDetails:
    """What the document form shows when its details are edited."""
    from tenant_inspect import models as m
    from tenant_inspect import records

    doc = records.get(session, m.DocumentReview, review_id)
    return DocumentDetails(doc.title, doc.document_date, doc.undated, doc.version, doc.source)


# ---------------------------------------------------------------------------
# The interview list
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class InterviewRow:
    id: str
    area_id: str | None
    area: str
    role: str
    kind: str
    date: str
    status: str
    consent: bool
    progress: str


@dataclass(frozen=True)
class InterviewListData:
    title: str
    rows: list[InterviewRow]
    areas: list[tuple[str, str]]  # (id, name): departments and themes, not the desktop review
    team: list[tuple[str, str]]  # (id, name)
    #: The inspection's fieldwork dates, so a new interview's date can be checked against them.
    fieldwork: tuple[dt.date | None, dt.date | None] = (None, None)
    #: (label, id) of the questionnaires a new interview can use: built-in and imported.
    questionnaires: list[tuple[str, str]] = field(default_factory=list)


def load_interview_list(session: Session, inspection_id: str) -> InterviewListData:
    """Every interview of the inspection, and the areas and team the set-up form offers."""
    from tenant_inspect import fieldwork, inspections

    inspection = inspections.get_inspection(session, inspection_id)
    all_areas = inspections.areas(session, inspection_id)
    names = {a.id: a.name for a in all_areas}
    found = fieldwork.interviews(session, inspection_id)
    progress = _progress_of(session, inspection_id, "interview_id", found)
    rows = [
        InterviewRow(
            id=iv.id,
            area_id=iv.area_id,
            area=names.get(iv.area_id or "", "—"),
            role=iv.interviewee_role,
            kind=iv.interviewee_kind,
            date=show_day_short(iv.interview_date) if iv.interview_date else "—",
            status=iv.status,
            consent=iv.consent,
            progress=progress[iv.id],
        )
        for iv in found
    ]
    areas = [(a.id, a.name) for a in all_areas if a.kind != "desktop_review"]
    team = [(t.id, t.name) for t in inspections.team(session, inspection_id)]
    return InterviewListData(
        inspection.title,
        rows,
        areas,
        team,
        (inspection.start_date, inspection.end_date),
        interview_questionnaires(session, inspection_id),
    )


def interview_questionnaires(
    session: Session | None = None, inspection_id: str | None = None
) -> list[tuple[str, str]]:
    """(label, id) of the questionnaires an interview can use; the default first.

    The built-in ones, then (given an inspection) the interview and observation
    questionnaires the inspection imported, marked "(imported)".
    """
    from tenant_inspect.fieldwork import DEFAULT_INTERVIEW_QUESTIONNAIRE
    from tenant_inspect.questionnaire import builtin_questionnaires

    found = [q for q in builtin_questionnaires() if q.kind in ("interview", "observation")]
    found.sort(
        key=lambda q: (q.id != DEFAULT_INTERVIEW_QUESTIONNAIRE, q.kind != "interview", q.title)
    )
    offered = [
        (q.title + (" (for observations)" if q.kind == "observation" else ""), q.id) for q in found
    ]
    if session is not None and inspection_id is not None:
        from tenant_inspect.imported_questionnaires import imported

        for q in imported(session, inspection_id):
            if q.kind in ("interview", "observation"):
                mark = "imported, for observations" if q.kind == "observation" else "imported"
                offered.append((f"{q.title} ({mark})", q.id))
    return offered


# ---------------------------------------------------------------------------
# The question runner
# ---------------------------------------------------------------------------


@dataclass
class RunnerData:
    """Everything the runner shows, copied out of the database in one read.

    Not frozen, unlike the list rows: the runner keeps it as its live copy while the
    inspector works (answers typed, status and current question changed), saving each
    change as it is made, so it never has to read the database again to stay right.
    """

    kind: str  # "interview" or "review"
    parent_id: str
    inspection_id: str
    questionnaire: Questionnaire
    answers: dict[str, AnswerState]
    current_question: str
    status: str
    heading: str
    evidence: str
    findings: list[FindingRow] = field(default_factory=list)
    observations: str = ""
    consent: bool = True


def load_review_runner(session: Session, review_id: str) -> RunnerData | None:
    """One document's review; None when it has no questionnaire yet (the runner adds one)."""
    from tenant_inspect import models as m
    from tenant_inspect import records

    review = records.get(session, m.DocumentReview, review_id)
    questionnaire = questionnaire_of(session, review)
    if questionnaire is None:
        return None
    dated = ""
    if review.undated:
        dated = ", undated"
    elif review.document_date:
        dated = f", dated {show_day(review.document_date)}"
    return _runner(
        session,
        review,
        questionnaire,
        heading=f"Document: {review.title}{dated}",
        evidence=f"document “{review.title}”",
        observations=review.observations,
    )


def load_interview_runner(session: Session, interview_id: str) -> RunnerData | None:
    """One interview; None when it has no questionnaire yet (the runner adds one)."""
    from tenant_inspect import models as m
    from tenant_inspect import records

    interview = records.get(session, m.Interview, interview_id)
    questionnaire = questionnaire_of(session, interview)
    if questionnaire is None:
        return None
    # A deleted area still names the interviewee's department.
    area = session.get(m.Area, interview.area_id) if interview.area_id else None
    who = interview_label(interview.interviewee_role, area.name if area else "")
    kind_word = "Observation" if questionnaire.kind == "observation" else "Interview"
    return _runner(
        session,
        interview,
        questionnaire,
        heading=f"{kind_word}: {who}",
        evidence=f"{kind_word.lower()} with {who}",
        consent=interview.consent,
    )


def _runner(
    session: Session, parent: Any, questionnaire: Questionnaire, **words: Any
) -> RunnerData:
    """The runner's data for a document review or an interview (``parent``), with its
    answers and findings; ``words`` are the heading, the evidence and the kind's own field."""
    from tenant_inspect import models as m

    review = isinstance(parent, m.DocumentReview)
    where = {"document_review_id" if review else "interview_id": parent.id}
    return RunnerData(
        kind="review" if review else "interview",
        parent_id=parent.id,
        inspection_id=parent.inspection_id,
        questionnaire=questionnaire,
        answers=answer_states(session, parent),
        current_question=parent.current_question,
        status=parent.status,
        findings=load_findings(session, parent.inspection_id, **where),
        **words,
    )
