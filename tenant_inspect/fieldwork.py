"""Fieldwork: document reviews, interviews, interviewers and answers.

Answers are upserted by (parent, question) with an id derived from both, so
saving the same answer again — from the TUI's autosave, or from another
laptop's return file — updates one row instead of adding duplicates.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel import Session

from . import edit_bases, records
from . import models as m
from .errors import ValidationError
from .inspections import desktop_review_area, questionnaire_for, use_questionnaire
from .questionnaire import Questionnaire, validate_answer

#: Namespace for answer ids (uuid5 of "<parent id>:<question key>").
ANSWER_NAMESPACE = uuid.UUID("8d0f7b52-5a3e-4d0c-9a53-0f7c2b1f6a11")


#: The built-in questionnaires fieldwork starts with when nobody chose another.
DESKTOP_REVIEW_QUESTIONNAIRE = "desktop-review"
DEFAULT_INTERVIEW_QUESTIONNAIRE = "staff-interview-ri"
TENANT_QUESTIONNAIRE = "tenant-interview"


def answer_id(parent_id: str, question_key: str) -> str:
    return str(uuid.uuid5(ANSWER_NAMESPACE, f"{parent_id}:{question_key}"))


def work_item(session: Session, kind: str, item_id: str) -> m.Interview | m.DocumentReview:
    """The interview (``kind`` "interview") or document review ("review") answers belong to.

    The question runner and the finding form serve both with the same code and name which
    one by this kind word.
    """
    if kind == "interview":
        return records.get(session, m.Interview, item_id)
    return records.get(session, m.DocumentReview, item_id)


# ---------------------------------------------------------------------------
# Document reviews
# ---------------------------------------------------------------------------


def add_document_review(
    session: Session,
    inspection_id: str,
    *,
    title: str,
    questionnaire: Questionnaire | None = None,
    **fields: Any,
) -> m.DocumentReview:
    """Add a document to the desktop review, with the questionnaire it will be reviewed by."""
    if "area_id" not in fields:
        area = desktop_review_area(session, inspection_id)
        fields["area_id"] = area.id if area else None
    if questionnaire is not None:
        _check_kind(questionnaire, "document_review")
        use_questionnaire(session, inspection_id, questionnaire)
        fields["questionnaire_id"] = questionnaire.id
        fields["questionnaire_version"] = questionnaire.version
    if fields.get("undated"):
        fields["document_date"] = None
    return records.create(
        session,
        m.DocumentReview,
        parent={"inspection_id": inspection_id},
        title=(title or "").strip(),
        **fields,
    )


def update_document_review(
    session: Session, review: m.DocumentReview, **fields: Any
) -> m.DocumentReview:
    if fields.get("undated"):
        fields["document_date"] = None
    elif fields.get("document_date"):
        fields.setdefault("undated", False)
    return records.update(session, review, **fields)


def document_reviews(session: Session, inspection_id: str) -> list[m.DocumentReview]:
    return records.live(session, m.DocumentReview, inspection_id=inspection_id)


# ---------------------------------------------------------------------------
# Interviews
# ---------------------------------------------------------------------------


def _check_kind(questionnaire: Questionnaire, *kinds: str) -> None:
    if questionnaire.kind not in kinds:
        raise ValidationError(
            [
                f"questionnaire {questionnaire.id!r} is for {questionnaire.kind.replace('_', ' ')}, "
                f"not {' or '.join(k.replace('_', ' ') for k in kinds)}"
            ]
        )


def add_interview(
    session: Session,
    inspection_id: str,
    *,
    interviewee_role: str,
    area_id: str | None = None,
    questionnaire: Questionnaire | None = None,
    interviewer_ids: list[str] | None = None,
    **fields: Any,
) -> m.Interview:
    """Plan or start an interview; the interviewee is identified by role (name is private)."""
    if questionnaire is not None:
        _check_kind(questionnaire, "interview", "observation")
        use_questionnaire(session, inspection_id, questionnaire)
        fields["questionnaire_id"] = questionnaire.id
        fields["questionnaire_version"] = questionnaire.version
    interview = records.create(
        session,
        m.Interview,
        parent={"inspection_id": inspection_id},
        interviewee_role=(interviewee_role or "").strip(),
        area_id=area_id,
        **fields,
    )
    if interviewer_ids:
        set_interviewers(session, interview, interviewer_ids)
    return interview


def update_interview(session: Session, interview: m.Interview, **fields: Any) -> m.Interview:
    return records.update(session, interview, **fields)


def interviews(
    session: Session, inspection_id: str, area_id: str | None = None
) -> list[m.Interview]:
    where: dict[str, Any] = {"inspection_id": inspection_id}
    if area_id is not None:
        where["area_id"] = area_id
    return records.live(session, m.Interview, **where)


def interviewer_ids(session: Session, interview_id: str) -> list[str]:
    return [
        link.member_id
        for link in records.live(session, m.InterviewInterviewer, interview_id=interview_id)
    ]


def set_interviewers(session: Session, interview: m.Interview, member_ids: list[str]) -> None:
    """Make the interview's interviewers exactly ``member_ids`` (links are tombstoned, not removed)."""
    problems = []
    for member_id in member_ids:
        member = session.get(m.TeamMember, member_id)
        if member is None or member.is_deleted or member.inspection_id != interview.inspection_id:
            problems.append(f"interviewer: no team member with id {member_id} in this inspection")
    if problems:
        raise ValidationError(problems)
    links = {
        link.member_id: link
        for link in records.live(session, m.InterviewInterviewer, interview_id=interview.id)
    }
    for member_id, link in links.items():
        if member_id not in member_ids:
            records.delete(session, link)
    for member_id in dict.fromkeys(member_ids):
        if member_id in links:
            continue
        stale = session.get(m.InterviewInterviewer, _link_id(interview.id, member_id))
        if stale is not None:
            stale.deleted_at = None
            session.flush()
            continue
        link = m.InterviewInterviewer(
            id=_link_id(interview.id, member_id),
            inspection_id=interview.inspection_id,
            interview_id=interview.id,
            member_id=member_id,
        )
        session.add(link)
        session.flush()


def _link_id(interview_id: str, member_id: str) -> str:
    return str(uuid.uuid5(ANSWER_NAMESPACE, f"interviewer:{interview_id}:{member_id}"))


# ---------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------


def parent_questionnaire(
    session: Session, parent: m.Interview | m.DocumentReview
) -> Questionnaire | None:
    if not parent.questionnaire_id:
        return None
    return questionnaire_for(
        session, parent.inspection_id, parent.questionnaire_id, parent.questionnaire_version
    )


def save_answer(
    session: Session,
    parent: m.Interview | m.DocumentReview,
    question_key: str,
    *,
    value: str | None = None,
    notes: str | None = None,
    skipped: bool | None = None,
) -> m.Answer:
    """Create or update the answer to one question; only the given parts change.

    The value is checked against the question's type (a date must be a date,
    a choice one of the options); notes are free text.
    """
    questionnaire = parent_questionnaire(session, parent)
    if questionnaire is not None:
        try:
            question = questionnaire.question(question_key)
        except KeyError:
            raise ValidationError(
                [f"answer: questionnaire {questionnaire.id!r} has no question {question_key!r}"]
            ) from None
        if value:
            problem = validate_answer(question, value)
            if problem:
                raise ValidationError([f"answer to {question_key!r}: {problem}"])
    changes: dict[str, Any] = {}
    if value is not None:
        changes["value"] = value
    if notes is not None:
        changes["notes"] = notes
    if skipped is not None:
        changes["skipped"] = skipped
    row_id = answer_id(parent.id, question_key)
    row = session.get(m.Answer, row_id)
    if row is None:
        is_interview = isinstance(parent, m.Interview)
        row = m.Answer(
            id=row_id,
            inspection_id=parent.inspection_id,
            interview_id=parent.id if is_interview else None,
            document_review_id=None if is_interview else parent.id,
            question_key=question_key,
        )
        records.validate(session, m.Answer, parent.inspection_id, changes)
        edit_bases.wrote(session, "answer", changes)
        for key, val in changes.items():
            setattr(row, key, val)
        session.add(row)
        session.flush()
        return row
    if row.is_deleted:
        row.deleted_at = None
    return records.update(session, row, **changes)


def answers(session: Session, parent: m.Interview | m.DocumentReview) -> dict[str, m.Answer]:
    """Answers of an interview or review, keyed by question."""
    key = "interview_id" if isinstance(parent, m.Interview) else "document_review_id"
    return {a.question_key: a for a in records.live(session, m.Answer, **{key: parent.id})}


def answer_values(session: Session, parent: m.Interview | m.DocumentReview) -> dict[str, str]:
    """Question key -> stored answer value, for show-if evaluation."""
    return {key: a.value for key, a in answers(session, parent).items()}


# -- answers typed but not valid yet -------------------------------------------------

#: Starts the last line of an answer's notes that holds an answer typed but not valid yet.
DRAFT_MARK = "⚠ To correct — typed as the answer, not valid yet: "


def split_draft(notes: str) -> tuple[str, str | None]:
    """(the inspector's own notes, the typed answer waiting to be corrected or None).

    A date or number that is not valid (30 February) cannot be the answer, but what was
    typed must not live only in memory (DESIGN.md: nothing typed is ever only in memory).
    It is kept, durably, as the last line of the answer's notes, under a mark a reader
    of the notes or the report sees at once; the runner shows it back in the answer
    field and drops the line when the answer is corrected. Notes were chosen over a new
    column so return files and merges carry it with no format change.
    """
    head, sep, last = notes.rpartition("\n")
    line = last if sep else notes
    if not line.startswith(DRAFT_MARK):
        return notes, None
    return (head if sep else ""), line[len(DRAFT_MARK) :]


def with_draft(notes: str, draft: str | None) -> str:
    """``notes`` with the draft line (see :func:`split_draft`) put back, or none when None."""
    if not draft:
        return notes
    line = DRAFT_MARK + " ".join(draft.split())
    return f"{notes}\n{line}" if notes else line
