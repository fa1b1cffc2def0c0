"""Reading one inspection from the database into a :class:`~.model.ReportData` snapshot.

The only part of the report that reads the database: nothing but plain values escape, so
building the outline, redacting and rendering are plain functions of the snapshot. The read
is plain SQL over any "run this SQL" function (:func:`read_report_data`), so the command
line writes a report from a read-only sqlite3 connection without importing SQLAlchemy,
SQLModel or the models at all (about 0.5 s of every cold report), while the app runs the
very same SQL on its store's session (:func:`load_report_data`).
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from ..summaries import RunQuery
from ..team_order import team_order
from ..views.action_plan import ActionPlanData
from ..views.action_plan_read import day as _day
from ..views.action_plan_read import read_action_plan
from ..views.shared import AreaData, ConclusionData, FindingData, MemberData, RecommendationData
from ..vocabulary import area_letter
from .model import (
    DocumentData,
    InterviewData,
    JudgementData,
    LetterTextData,
    QuestionnaireData,
    ReportData,
)

if TYPE_CHECKING:
    from sqlmodel import Session

    from ..questionnaire.model import Question


def load_report_data(session: Session, inspection_id: str) -> ReportData:
    """Read one inspection (id or unique prefix) into a :class:`ReportData` snapshot.

    Through the store's session: :func:`read_report_data` run on its connection.
    """
    from ..sql_marks import runner

    return read_report_data(runner(session.connection()), inspection_id, date.today())


_LIVE = "WHERE inspection_id = ? AND deleted_at IS NULL"
_ORDER = "ORDER BY created_at, id"
INSPECTION_SQL = (
    "SELECT title, landlord, topic, scope, report_number, start_date, end_date, report_date, "
    "preface, acknowledgements, introduction, methodology, other_methods, "
    "include_team_in_report FROM inspection WHERE id = ?"
)
AREAS_SQL = f"SELECT id, name, kind, description FROM area {_LIVE} ORDER BY position, {_ORDER[9:]}"
#: Every interview, deleted ones too: a deleted interview's name may still be in notes.
INTERVIEWS_SQL = (
    "SELECT id, area_id, interviewee_kind, interviewee_role, interviewee_name, status, "
    "interview_date, questionnaire_id, questionnaire_version, deleted_at FROM interview "
    f"WHERE inspection_id = ? {_ORDER}"
)
#: ``analysis.findings``: live findings not merged into another one.
FINDINGS_SQL = (
    "SELECT id, area_id, kind, text, document_review_id, interview_id, themes, internal "
    f"FROM finding {_LIVE} AND merged_into_id IS NULL {_ORDER}"
)
COPIES_SQL = (
    f"SELECT questionnaire_id, version, source_text FROM questionnaire_copy {_LIVE} {_ORDER}"
)
DOCUMENTS_SQL = (
    "SELECT id, area_id, title, document_date, undated, version, source, observations, "
    f"questionnaire_id, questionnaire_version, internal FROM document_review {_LIVE} {_ORDER}"
)
JUDGEMENTS_SQL = f"SELECT area_id, grade, rationale FROM judgement {_LIVE} AND is_final {_ORDER}"
CONCLUSIONS_SQL = (
    f"SELECT id, area_id, text, internal FROM conclusion {_LIVE} ORDER BY position, {_ORDER[9:]}"
)
RECOMMENDATIONS_SQL = (
    "SELECT id, area_id, text, sub_actions, expected_benefits, impact, cost, priority, "
    f"target_date, internal, number FROM recommendation {_LIVE} ORDER BY position, "
    f"{_ORDER[9:]}"
)
LINKS_SQL = f"SELECT recommendation_id, finding_id FROM recommendation_finding {_LIVE} {_ORDER}"
LETTER_SQL = (
    f"SELECT part, COALESCE(area_id, recommendation_id, ''), text FROM letter_text {_LIVE} {_ORDER}"
)
TEAM_SQL = f"SELECT id, name, role, include_in_report, position FROM team_member {_LIVE} {_ORDER}"


def read_report_data(run: RunQuery, inspection_id: str, today: date) -> ReportData:
    """Read one inspection (id or unique prefix) with plain SQL, as of ``today``.

    ``run`` is the store's session connection (:func:`load_report_data`) or a read-only
    sqlite3 connection (a report written from the command line, before SQLModel loads):
    one reader, so the two can never disagree. Each query copies the service it replaces
    (live rows, in ``records.live``'s creation order unless the service sorts), and
    ``tests/unit/test_report_sql.py`` holds the two paths equal on both demos.
    """
    from ..errors import UserError
    from ..questionnaire import parse_questionnaire
    from ..views.overview import resolve_inspection

    iid = resolve_inspection(run, inspection_id)
    (
        title, landlord, topic, scope, report_number, start, end, report_date,
        preface, acknowledgements, introduction, methodology, other_methods, include_team,
    ) = run(INSPECTION_SQL, (iid,))[0]  # fmt: skip
    notes: list[str] = []

    questionnaires: list[QuestionnaireData] = []
    seen: set[tuple[str, str]] = set()
    copies = sorted(run(COPIES_SQL, (iid,)), key=lambda c: (c[0], c[1]))
    for qid, version, source_text in copies:
        # After a merge, two laptops' identical copies of one questionnaire may coexist.
        if (qid, version) in seen:
            continue
        seen.add((qid, version))
        try:
            parsed = parse_questionnaire(source_text, f"{qid} {version} (stored copy)")
        except UserError as exc:  # a damaged stored copy: say so, keep going
            notes.append(f"questionnaire {qid} {version}: {exc}")
            continue
        questionnaires.append(
            QuestionnaireData(
                key=f"{qid} {version}",
                title=parsed.title,
                version=parsed.version,
                kind=parsed.kind,
                description=" ".join(parsed.description.split()),
                questions=tuple(q.text for q in parsed.questions() if not is_notes_field(q)),
            )
        )

    findings = tuple(
        FindingData(f_id, area, kind, text, doc, talk, tuple(_json(themes)), bool(internal))
        for f_id, area, kind, text, doc, talk, themes, internal in run(FINDINGS_SQL, (iid,))
    )
    live = {f.id for f in findings}
    links: dict[str, list[str]] = {}
    for rec_id, finding_id in run(LINKS_SQL, (iid,)):
        if finding_id in live:
            links.setdefault(rec_id, []).append(finding_id)
    team = sorted(run(TEAM_SQL, (iid,)), key=lambda t: team_order(t[4], t[1], t[0]))
    plan = read_action_plan(run, iid, today)
    return ReportData(
        title=title,
        landlord=landlord,
        topic=topic,
        scope=scope,
        report_number=report_number,
        start_date=_day(start),
        end_date=_day(end),
        report_date=_day(report_date),
        preface=preface,
        acknowledgements=acknowledgements,
        introduction=introduction,
        methodology=methodology,
        other_methods=other_methods,
        include_team=bool(include_team),
        areas=tuple(
            AreaData(a_id, name, kind, description, area_letter(i))
            for i, (a_id, name, kind, description) in enumerate(run(AREAS_SQL, (iid,)))
        ),
        documents=tuple(
            DocumentData(
                id=d_id,
                area_id=area,
                title=d_title,
                document_date=_day(when),
                undated=bool(undated),
                version=d_version,
                source=source,
                observations=observations,
                questionnaire=_qkey(qid, qversion),
                internal=bool(internal),
            )
            for (
                d_id,
                area,
                d_title,
                when,
                undated,
                d_version,
                source,
                observations,
                qid,
                qversion,
                internal,
            ) in run(DOCUMENTS_SQL, (iid,))
        ),
        interviews=tuple(
            InterviewData(
                id=i_id,
                area_id=area,
                kind=kind,
                role=role,
                name=name,
                status=status,
                interview_date=_day(when),
                questionnaire=_qkey(qid, qversion),
                deleted=deleted_at is not None,
            )
            for (
                i_id,
                area,
                kind,
                role,
                name,
                status,
                when,
                qid,
                qversion,
                deleted_at,
            ) in run(INTERVIEWS_SQL, (iid,))
        ),
        findings=findings,
        judgements=tuple(
            JudgementData(area, grade, rationale)
            for area, grade, rationale in run(JUDGEMENTS_SQL, (iid,))
        ),
        conclusions=tuple(
            ConclusionData(c_id, area, text, bool(internal))
            for c_id, area, text, internal in run(CONCLUSIONS_SQL, (iid,))
        ),
        recommendations=tuple(
            RecommendationData(
                id=r_id,
                area_id=area,
                text=text,
                sub_actions=tuple(_json(actions)),
                expected_benefits=benefits,
                impact=impact,
                cost=cost,
                priority=priority,
                target_date=_day(target),
                finding_ids=tuple(dict.fromkeys(links.get(r_id, ()))),
                internal=bool(internal),
                number=number,
            )
            for (
                r_id,
                area,
                text,
                actions,
                benefits,
                impact,
                cost,
                priority,
                target,
                internal,
                number,
            ) in run(RECOMMENDATIONS_SQL, (iid,))
        ),
        questionnaires=tuple(questionnaires),
        team=tuple(MemberData(t[0], t[1], t[2], bool(t[3])) for t in team if t[3]),
        plan=plan if has_plan(plan) else None,
        letter=tuple(LetterTextData(*row) for row in run(LETTER_SQL, (iid,))),
        notes=tuple(notes),
    )


def _json(value: Any) -> list[Any]:
    """A JSON list column: text in SQLite, already a list from drivers that decode it."""
    if value is None:
        return []
    if isinstance(value, str):
        return list(json.loads(value) or [])
    return list(value)


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
