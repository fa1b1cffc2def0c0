"""Writes from the fieldwork screens: the document and interview forms, and the question runner.

The screens hand over what the inspector gave (:class:`DocumentDetails`,
:class:`InterviewDetails`, one part of one answer) and these functions, run on the app's
ordered writer, turn it into rows. They live in the core, not in the screens, so the rules
they carry — a first answer marks the work started, what the document form already said is
filled into the matching questions, work made without a questionnaire gets the default
one — hold whoever writes, and can be tested without a terminal.

``kind`` is "interview" or "review" throughout (see :func:`fieldwork.work_item`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import fieldwork, records
from .. import models as m
from ..imported_questionnaires import resolve
from ..inspections import use_questionnaire
from ..questionnaire import Questionnaire, get_builtin
from ..views.fieldwork import DocumentDetails

if TYPE_CHECKING:
    from sqlmodel import Session

#: Statuses that mean nothing has been asked yet; the first answer moves them on.
NOT_STARTED = ("planned", "not_started")


# ---------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------


def add_document(session: Session, inspection_id: str, details: DocumentDetails) -> str:
    """Add the document with the desktop-review questionnaire, pre-answering what is known."""
    questionnaire = get_builtin(fieldwork.DESKTOP_REVIEW_QUESTIONNAIRE)
    review = fieldwork.add_document_review(
        session,
        inspection_id,
        title=details.title,
        questionnaire=questionnaire,
        document_date=details.document_date,
        undated=details.undated,
        version=details.version,
        source=details.source,
    )
    known = {q.id for q in questionnaire.questions()}
    if "doc-title" in known:
        fieldwork.save_answer(session, review, "doc-title", value=details.title)
    if "dated" in known:
        fieldwork.save_answer(session, review, "dated", value="no" if details.undated else "yes")
    if "date-on-document" in known and details.document_date:
        fieldwork.save_answer(
            session, review, "date-on-document", value=details.document_date.isoformat()
        )
    return review.id


def change_document(session: Session, review_id: str, details: DocumentDetails) -> None:
    """Save an edit of the document's details (its answers are left as they are)."""
    fieldwork.update_document_review(
        session,
        records.get(session, m.DocumentReview, review_id),
        title=details.title,
        document_date=details.document_date,
        undated=details.undated,
        version=details.version,
        source=details.source,
    )


def save_observations(session: Session, review_id: str, text: str) -> None:
    """The reviewer's observations on the whole document; writing them starts the review."""
    review = records.get(session, m.DocumentReview, review_id)
    changes: dict[str, object] = {"observations": text}
    if review.status == "not_started":
        changes["status"] = "in_progress"
    fieldwork.update_document_review(session, review, **changes)


# ---------------------------------------------------------------------------
# Interviews
# ---------------------------------------------------------------------------


@dataclass
class InterviewDetails:
    """What the set-up form collects."""

    area_id: str | None
    questionnaire_id: str
    interviewee_kind: str
    interviewee_role: str
    interviewee_name: str
    interviewer_ids: list[str]
    interview_date: dt.date
    consent: bool


def create_interview(session: Session, inspection_id: str, details: InterviewDetails) -> str:
    """Save the interview as planned; the runner starts it with its first answer.

    What the set-up form already asked (job title, department) is filled into the
    questionnaire's questions of that name, and the interview opens after them: being asked
    twice, a minute apart, makes the form look as if it had not listened. The questions
    stay in the questionnaire (older interviews, the demo and other laptops' return files
    answer them) and can still be reached with PgUp or Ctrl+G to change or add to them.
    """
    questionnaire = resolve(session, inspection_id, details.questionnaire_id)
    interview = fieldwork.add_interview(
        session,
        inspection_id,
        interviewee_role=details.interviewee_role,
        area_id=details.area_id,
        questionnaire=questionnaire,
        interviewer_ids=details.interviewer_ids,
        interviewee_kind=details.interviewee_kind,
        interviewee_name=details.interviewee_name,
        interview_date=details.interview_date,
        consent=details.consent,
        status="planned",
    )
    area = records.get(session, m.Area, details.area_id) if details.area_id else None
    known = _known_answers(questionnaire, details.interviewee_role, area.name if area else "")
    for key, value in known.items():
        fieldwork.save_answer(session, interview, key, value=value)
    if known:
        ahead = [q for q in questionnaire.visible_questions(known) if q.id not in known]
        if ahead:
            fieldwork.update_interview(session, interview, current_question=ahead[0].id)
    return interview.id


def _known_answers(questionnaire: Questionnaire, role: str, area: str) -> dict[str, str]:
    """Answers the set-up form gave: "role" (text) and "department" (the area's option)."""
    known: dict[str, str] = {}
    ids = {q.id for q in questionnaire.questions()}
    if "role" in ids and questionnaire.question("role").type == "text" and role.strip():
        known["role"] = role.strip()
    if "department" in ids and area.strip():
        wanted = area.strip().casefold()
        for option in questionnaire.question("department").choices:
            label = option.label.casefold()
            if label == wanted or label.startswith(wanted) or wanted.startswith(label):
                known["department"] = option.value
                break
    return known


def record_consent(session: Session, interview_id: str) -> None:
    """The interviewee agreed to notes being taken (asked before a planned one is opened)."""
    interview = records.get(session, m.Interview, interview_id)
    fieldwork.update_interview(session, interview, consent=True)


# ---------------------------------------------------------------------------
# The question runner
# ---------------------------------------------------------------------------


def attach_default_questionnaire(session: Session, kind: str, item_id: str) -> None:
    """Give an interview or review made without a questionnaire (e.g. by the CLI) the default one."""
    item = fieldwork.work_item(session, kind, item_id)
    if item.questionnaire_id:
        return
    questionnaire = get_builtin(
        fieldwork.DEFAULT_INTERVIEW_QUESTIONNAIRE
        if kind == "interview"
        else fieldwork.DESKTOP_REVIEW_QUESTIONNAIRE
    )
    use_questionnaire(session, item.inspection_id, questionnaire)
    records.update(
        session,
        item,
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
    )


def save_answer_part(session: Session, kind: str, item_id: str, qid: str, **changes: Any) -> None:
    """Save some parts of one answer; the first answer also marks the work started."""
    item = fieldwork.work_item(session, kind, item_id)
    fieldwork.save_answer(session, item, qid, **changes)
    if item.status in NOT_STARTED:
        records.update(session, item, status="in_progress")


def update_work(session: Session, kind: str, item_id: str, **changes: Any) -> None:
    """Change the interview or review itself: its status, or the question it is on."""
    records.update(session, fieldwork.work_item(session, kind, item_id), **changes)
