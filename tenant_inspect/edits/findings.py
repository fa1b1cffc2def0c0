"""Findings written from the fieldwork screens: what the finding form gives back, and saving it.

Inspectors record findings in the middle of an interview, so the screen hands over a
:class:`FindingDraft` and these functions (run on the app's ordered writer) write it —
including the answer row a finding cites, created first when the question has not been
answered yet, so a finding can always point at its exact evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlmodel import Session


@dataclass
class FindingDraft:
    """What the form gives back: the finding as typed, or a request to delete it."""

    kind: str = ""
    text: str = ""
    themes: list[str] = field(default_factory=list)
    delete: bool = False


def save_new_finding(
    session: Session,
    *,
    parent_kind: str,
    parent_id: str,
    question_key: str | None,
    draft: FindingDraft,
) -> str:
    """Add a finding citing an interview or document (and the question, if any).

    The answer row is created first when the question has not been answered
    yet, so the finding can always point at its exact evidence.
    """
    from tenant_inspect import analysis, fieldwork

    parent = fieldwork.work_item(session, parent_kind, parent_id)
    links: dict[str, Any] = {}
    if question_key:
        links["answer_id"] = fieldwork.save_answer(session, parent, question_key).id
    elif parent_kind == "interview":
        links["interview_id"] = parent.id
    else:
        links["document_review_id"] = parent.id
    finding = analysis.add_finding(
        session,
        parent.inspection_id,
        kind=draft.kind,
        text=draft.text,
        themes=list(draft.themes),
        **links,
    )
    return finding.id


def save_finding_change(session: Session, finding_id: str, draft: FindingDraft) -> None:
    """Apply an edit from the form, or tombstone the finding when asked to delete it."""
    from tenant_inspect import analysis, records
    from tenant_inspect import models as m

    finding = records.get(session, m.Finding, finding_id)
    if draft.delete:
        records.delete(session, finding)
        return
    analysis.update_finding(
        session, finding, kind=draft.kind, text=draft.text.strip(), themes=list(draft.themes)
    )
