"""Reading one inspection from the database into a :class:`~.model.ReportData` snapshot.

The only part of the report that touches a session: no SQLModel object escapes, so building
the outline, redacting and rendering are plain functions of the snapshot. SQLModel and the
analysis modules are imported inside the function so importing the report package stays cheap.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..views.action_plan import ActionPlanData, load_action_plan
from ..views.shared import (
    FindingData,
    read_areas,
    read_conclusions,
    read_recommendations,
    read_team,
)
from .model import DocumentData, InterviewData, JudgementData, QuestionnaireData, ReportData

if TYPE_CHECKING:
    from sqlmodel import Session

    from ..questionnaire.model import Question


def load_report_data(session: Session, inspection_id: str) -> ReportData:
    """Read one inspection (id or unique prefix) into a :class:`ReportData` snapshot."""
    from sqlmodel import col, select

    from .. import models as m
    from ..analysis import findings as live_findings
    from ..analysis import judgements
    from ..errors import UserError
    from ..fieldwork import document_reviews
    from ..inspections import get_inspection, questionnaire_copies, questionnaire_for

    inspection = get_inspection(session, inspection_id)
    iid = inspection.id
    notes: list[str] = []

    # Every interview, deleted ones too: a deleted interview's name may still be in notes.
    all_interviews = session.exec(
        select(m.Interview)
        .where(m.Interview.inspection_id == iid)
        .order_by(col(m.Interview.created_at), col(m.Interview.id))
    ).all()
    findings = tuple(FindingData.from_model(f) for f in live_findings(session, iid))

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
                questions=tuple(q.text for q in parsed.questions() if not is_notes_field(q)),
            )
        )

    finals = [j for j in judgements(session, iid) if j.is_final]
    plan = load_action_plan(session, iid, date.today())
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
        areas=read_areas(session, iid),
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
        findings=findings,
        judgements=tuple(JudgementData(j.area_id, j.grade, j.rationale) for j in finals),
        conclusions=read_conclusions(session, iid),
        recommendations=read_recommendations(session, iid, (f.id for f in findings)),
        questionnaires=tuple(questionnaires),
        team=tuple(t for t in read_team(session, iid) if t.in_report),
        plan=plan if has_plan(plan) else None,
        notes=tuple(notes),
    )


def has_plan(plan: ActionPlanData) -> bool:
    """Whether the landlord has answered anything, a round was held or prospects judged.

    A plan of empty responses says nothing a reader needs, so the report leaves it out.
    """
    prospects = plan.prospects
    return bool(
        plan.items
        or plan.rounds
        or any(r.response.response or r.response.reason for r in plan.recommendations)
        or prospects.overall
        or prospects.rationale.strip()
        or any(grade for _, grade in prospects.grade_keys)
    )


def _qkey(qid: str, version: str) -> str:
    return f"{qid} {version}" if qid else ""


def is_notes_field(question: Question) -> bool:
    """Whether a question is the inspectors' own notes field, not a question anyone is asked.

    The appendix shows readers what interviewees were asked; "Inspectors' notes after the
    interview" is where inspectors write their impressions afterwards, so listing it as a
    question would mislead. Such fields are marked "Not read out" in their hint (the
    built-in questionnaires' convention) or are called inspectors' notes.
    """
    hint = " ".join(question.hint.split()).lower()
    text = " ".join(question.text.split()).lower().replace("\u2019", "'")
    return (
        hint.startswith("not read out")
        or question.id.endswith("inspector-notes")
        or text.startswith(("inspectors' notes", "inspector's notes", "inspector notes"))
    )
