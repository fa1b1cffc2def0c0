"""Findings, judgements, conclusions and recommendations (action plans: :mod:`.action_plan`).

Recommendation numbers (R1, R2 ...) follow the recommendations' order and are
rewritten on every reorder, create or delete; links to findings are by id,
so renumbering never breaks them.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel import Session

from . import models as m
from . import records
from .errors import ValidationError
from .themes import THEME_IDS

#: Namespace for recommendation-finding link ids (uuid5 of "<rec id>:<finding id>").
LINK_NAMESPACE = uuid.UUID("5b8f1f0e-2c1d-4a8e-9a7d-3e6f0c2b9d47")

# ---------------------------------------------------------------------------
# Findings
# ---------------------------------------------------------------------------


def _check_themes(themes: list[str] | None) -> None:
    unknown = [t for t in themes or [] if t not in THEME_IDS]
    if unknown:
        raise ValidationError([f"finding: unknown theme {t!r}" for t in unknown])


def _fill_evidence(session: Session, fields: dict[str, Any]) -> None:
    """Complete the evidence chain from its most specific link (answer > interview/review)."""
    answer_id = fields.get("answer_id")
    if answer_id:
        answer = records.get(session, m.Answer, answer_id)
        derived = {
            "interview_id": answer.interview_id,
            "document_review_id": answer.document_review_id,
            "question_key": answer.question_key,
        }
        for key, value in derived.items():
            given = fields.get(key)
            if given not in (None, "") and given != value:
                raise ValidationError(
                    [
                        f"finding: the {key.removesuffix('_id').replace('_', ' ')} given does not match the answer cited"
                    ]
                )
            fields[key] = value
    parent: m.Interview | m.DocumentReview | None = None
    if fields.get("interview_id"):
        parent = records.get(session, m.Interview, fields["interview_id"])
    elif fields.get("document_review_id"):
        parent = records.get(session, m.DocumentReview, fields["document_review_id"])
    if parent is not None and not fields.get("area_id"):
        fields["area_id"] = parent.area_id


def add_finding(
    session: Session, inspection_id: str, *, kind: str, text: str, **fields: Any
) -> m.Finding:
    """Record a finding; its area and evidence are filled in from the answer it cites."""
    _check_themes(fields.get("themes"))
    _fill_evidence(session, fields)
    return records.create(
        session,
        m.Finding,
        parent={"inspection_id": inspection_id},
        kind=kind,
        text=(text or "").strip(),
        **fields,
    )


def update_finding(session: Session, finding: m.Finding, **fields: Any) -> m.Finding:
    if "themes" in fields:
        _check_themes(fields["themes"])
    return records.update(session, finding, **fields)


def findings(session: Session, inspection_id: str, **where: Any) -> list[m.Finding]:
    """Live findings that have not been merged into another one."""
    rows = records.live(session, m.Finding, inspection_id=inspection_id, **where)
    return [f for f in rows if f.merged_into_id is None]


def merge_findings(
    session: Session, keep: m.Finding, duplicate: m.Finding, text: str | None = None
) -> m.Finding:
    """Merge a duplicate into ``keep``: themes and recommendation links move across.

    The duplicate is tombstoned with ``merged_into_id`` pointing at the
    survivor, so the evidence trail is never lost.
    """
    if keep.id == duplicate.id:
        raise ValidationError(["finding: cannot merge a finding with itself"])
    if keep.inspection_id != duplicate.inspection_id:
        raise ValidationError(["finding: those findings belong to different inspections"])
    themes = list(dict.fromkeys([*keep.themes, *duplicate.themes]))
    changes: dict[str, Any] = {"themes": themes}
    if text is not None:
        changes["text"] = text
    update_finding(session, keep, **changes)
    for link in records.live(session, m.RecommendationFinding, finding_id=duplicate.id):
        rec = records.get(session, m.Recommendation, link.recommendation_id)
        link_finding(session, rec, keep)
        records.delete(session, link)
    duplicate.merged_into_id = keep.id
    records.delete(session, duplicate)
    return keep


# ---------------------------------------------------------------------------
# Judgements
# ---------------------------------------------------------------------------


def set_judgement(
    session: Session,
    inspection_id: str,
    *,
    area_id: str,
    grade: str,
    rationale: str = "",
    judge_id: str | None = None,
    is_final: bool = False,
) -> m.Judgement:
    """Record one judge's grade for an area (or the agreed final one), replacing theirs."""
    existing = [
        j
        for j in records.live(session, m.Judgement, inspection_id=inspection_id, area_id=area_id)
        if (j.is_final and is_final) or (not is_final and not j.is_final and j.judge_id == judge_id)
    ]
    if existing:
        return records.update(
            session, existing[0], grade=grade, rationale=rationale, judge_id=judge_id
        )
    return records.create(
        session,
        m.Judgement,
        parent={"inspection_id": inspection_id},
        area_id=area_id,
        grade=grade,
        rationale=rationale,
        judge_id=judge_id,
        is_final=is_final,
    )


def judgements(
    session: Session, inspection_id: str, area_id: str | None = None
) -> list[m.Judgement]:
    where: dict[str, Any] = {"inspection_id": inspection_id}
    if area_id is not None:
        where["area_id"] = area_id
    return records.live(session, m.Judgement, **where)


def final_judgement(session: Session, inspection_id: str, area_id: str) -> m.Judgement | None:
    return next((j for j in judgements(session, inspection_id, area_id) if j.is_final), None)


# ---------------------------------------------------------------------------
# Conclusions
# ---------------------------------------------------------------------------


def conclusions(
    session: Session, inspection_id: str, area_id: str | None = None, *, overall: bool = False
) -> list[m.Conclusion]:
    """Conclusions in order: for one area, the overall ones (``overall=True``), or all."""
    rows = records.live(session, m.Conclusion, inspection_id=inspection_id)
    if overall:
        rows = [c for c in rows if c.area_id is None]
    elif area_id is not None:
        rows = [c for c in rows if c.area_id == area_id]
    return sorted(rows, key=lambda c: (c.position, c.created_at, c.id))


def add_conclusion(
    session: Session, inspection_id: str, *, text: str, area_id: str | None = None, **fields: Any
) -> m.Conclusion:
    siblings = conclusions(session, inspection_id, area_id, overall=area_id is None)
    return records.create(
        session,
        m.Conclusion,
        parent={"inspection_id": inspection_id},
        text=(text or "").strip(),
        area_id=area_id,
        position=records.next_position(siblings),
        **fields,
    )


def move_conclusion(session: Session, conclusion: m.Conclusion, offset: int) -> None:
    siblings = conclusions(
        session, conclusion.inspection_id, conclusion.area_id, overall=conclusion.area_id is None
    )
    _move(session, siblings, conclusion, offset)


def _move(session: Session, ordered: list[Any], row: Any, offset: int) -> None:
    index = next(i for i, r in enumerate(ordered) if r.id == row.id)
    target = max(0, min(len(ordered) - 1, index + offset))
    ordered.insert(target, ordered.pop(index))
    for position, item in enumerate(ordered):
        if item.position != position:
            records.update(session, item, position=position)


# ---------------------------------------------------------------------------
# Recommendations
# ---------------------------------------------------------------------------


def recommendations(session: Session, inspection_id: str) -> list[m.Recommendation]:
    rows = records.live(session, m.Recommendation, inspection_id=inspection_id)
    return sorted(rows, key=lambda r: (r.position, r.created_at, r.id))


def renumber(session: Session, inspection_id: str) -> list[m.Recommendation]:
    """Number recommendations R1..Rn in their order."""
    ordered = recommendations(session, inspection_id)
    for index, rec in enumerate(ordered):
        if rec.number != index + 1 or rec.position != index:
            records.update(session, rec, number=index + 1, position=index)
    return ordered


def add_recommendation(
    session: Session,
    inspection_id: str,
    *,
    text: str,
    finding_ids: list[str] | None = None,
    **fields: Any,
) -> m.Recommendation:
    existing = recommendations(session, inspection_id)
    rec = records.create(
        session,
        m.Recommendation,
        parent={"inspection_id": inspection_id},
        text=(text or "").strip(),
        number=len(existing) + 1,
        position=records.next_position(existing),
        **fields,
    )
    for finding_id in finding_ids or []:
        link_finding(session, rec, records.get(session, m.Finding, finding_id))
    renumber(session, inspection_id)
    return rec


def update_recommendation(
    session: Session, rec: m.Recommendation, **fields: Any
) -> m.Recommendation:
    if "number" in fields or "position" in fields:
        raise ValidationError(
            ["recommendation: reorder recommendations instead of setting numbers"]
        )
    return records.update(session, rec, **fields)


def move_recommendation(
    session: Session, rec: m.Recommendation, offset: int
) -> list[m.Recommendation]:
    _move(session, recommendations(session, rec.inspection_id), rec, offset)
    return renumber(session, rec.inspection_id)


def delete_recommendation(session: Session, rec: m.Recommendation) -> None:
    for link in records.live(session, m.RecommendationFinding, recommendation_id=rec.id):
        records.delete(session, link)
    records.delete(session, rec)
    renumber(session, rec.inspection_id)


def link_finding(
    session: Session, rec: m.Recommendation, finding: m.Finding
) -> m.RecommendationFinding:
    if finding.inspection_id != rec.inspection_id:
        raise ValidationError(["recommendation: that finding belongs to another inspection"])
    for link in records.live(session, m.RecommendationFinding, recommendation_id=rec.id):
        if link.finding_id == finding.id:
            return link
    # The id is derived from the pair, so linking again after an unlink revives the
    # same row instead of adding a second one.
    link_id = str(uuid.uuid5(LINK_NAMESPACE, f"{rec.id}:{finding.id}"))
    existing = session.get(m.RecommendationFinding, link_id)
    if existing is not None:
        existing.deleted_at = None
        session.flush()
        return existing
    link = m.RecommendationFinding(
        id=link_id, inspection_id=rec.inspection_id, recommendation_id=rec.id, finding_id=finding.id
    )
    session.add(link)
    session.flush()
    return link


def unlink_finding(session: Session, rec: m.Recommendation, finding: m.Finding) -> None:
    for link in records.live(session, m.RecommendationFinding, recommendation_id=rec.id):
        if link.finding_id == finding.id:
            records.delete(session, link)


def linked_findings(session: Session, rec: m.Recommendation) -> list[m.Finding]:
    ids = [
        link.finding_id
        for link in records.live(session, m.RecommendationFinding, recommendation_id=rec.id)
    ]
    rows = [session.get(m.Finding, i) for i in ids]
    return [f for f in rows if f is not None and not f.is_deleted]
