"""Accepting the document checker's proposals into a desktop review: only what was ticked.

The checker (:mod:`tenant_inspect.document_check`) measures a landlord's document and
proposes answers to the desktop-review questions and draft findings. Nothing is recorded
until the inspector ticks a proposal and accepts it: then an answer is written exactly as if
typed (checked against its question, the review marked started) and a finding is written as
one made from the review's observations (citing the document). A proposal for a question
this review's questionnaire does not have is skipped and said so, never forced in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..document_check.proposals import Answer, Finding
from .fieldwork import save_answer_part
from .findings import FindingDraft, save_new_finding

if TYPE_CHECKING:
    from sqlmodel import Session


@dataclass(frozen=True)
class Accepted:
    answers: int
    findings: int
    skipped: tuple[str, ...] = ()  # questions this review's questionnaire does not ask


def accept_proposals(
    session: Session, review_id: str, answers: list[Answer], findings: list[Finding]
) -> Accepted:
    """Write the ticked answers and findings into one document review, in one transaction."""
    from .. import fieldwork
    from ..questionnaire import encode_answer

    review = fieldwork.work_item(session, "review", review_id)
    questionnaire = fieldwork.parent_questionnaire(session, review)
    written, skipped = 0, []
    for answer in answers:
        try:
            question = questionnaire.question(answer.question) if questionnaire else None
        except KeyError:
            question = None
        if question is None:
            skipped.append(answer.question)
            continue
        value = encode_answer(question, answer.value)
        save_answer_part(session, "review", review_id, answer.question, value=value)
        written += 1
    for finding in findings:
        draft = FindingDraft(kind=finding.kind, text=finding.text)
        save_new_finding(
            session, parent_kind="review", parent_id=review_id, question_key=None, draft=draft
        )
    return Accepted(written, len(findings), tuple(skipped))
