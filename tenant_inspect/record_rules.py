"""What every synced table's editable fields may hold: the rules :mod:`.records` checks.

Each table declares its editable fields once, in :data:`RULES`, with a human name for
messages in :data:`LABELS`. Kept apart from the checking code in :mod:`.records` so the
list of tables can grow without the checker outgrowing one readable module;
``records.RULES`` and the rule classes are re-exported there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import models as m
from . import vocabulary


@dataclass(frozen=True)
class Text:
    max_len: int | None = None
    required: bool = False


@dataclass(frozen=True)
class Choice:
    values: Sequence[str]
    allow_blank: bool = False


@dataclass(frozen=True)
class Flag:
    pass


@dataclass(frozen=True)
class Day:
    pass


@dataclass(frozen=True)
class Whole:
    minimum: int = 0
    maximum: int = 1_000_000


@dataclass(frozen=True)
class TextList:
    max_items: int = 200
    max_len: int = 2000


@dataclass(frozen=True)
class Ref:
    """A reference to a live row of ``model`` in the same inspection."""

    model: type[m.SyncedRow]
    required: bool = False


Rule = Text | Choice | Flag | Day | Whole | TextList | Ref

#: Human names for tables, used in messages.
LABELS: dict[type[m.SyncedRow], str] = {
    m.Inspection: "inspection",
    m.TeamMember: "team member",
    m.Area: "area",
    m.QuestionnaireCopy: "questionnaire copy",
    m.DocumentReview: "document review",
    m.Interview: "interview",
    m.InterviewInterviewer: "interviewer",
    m.Answer: "answer",
    m.Finding: "finding",
    m.Judgement: "judgement",
    m.Conclusion: "conclusion",
    m.Recommendation: "recommendation",
    m.RecommendationFinding: "recommendation link",
    m.ActionPlanItem: "action-plan item",
    m.ActionPlanResponse: "response to a recommendation",
    m.MonitoringRound: "monitoring round",
    m.MonitoringEntry: "monitoring entry",
    m.Prospects: "prospects for improvement",
    m.LetterText: "letter to residents",
}

_LONG = 100_000  # a generous cap on free text: a whole interview's notes fit

RULES: dict[type[m.SyncedRow], dict[str, Rule]] = {
    m.Inspection: {
        "title": Text(200, required=True),
        "landlord": Text(200, required=True),
        "topic": Text(200),
        "scope": Text(_LONG),
        "report_number": Text(50),
        "start_date": Day(),
        "end_date": Day(),
        "report_date": Day(),
        "status": Choice(vocabulary.INSPECTION_STATUSES),
        "preface": Text(_LONG),
        "acknowledgements": Text(_LONG),
        "introduction": Text(_LONG),
        "methodology": Text(_LONG),
        "other_methods": Text(_LONG),
        "include_team_in_report": Flag(),
    },
    m.TeamMember: {
        "name": Text(120, required=True),
        "role": Choice(vocabulary.MEMBER_ROLES),
        "position": Whole(),
        "include_in_report": Flag(),
    },
    m.Area: {
        "name": Text(120, required=True),
        "kind": Choice(vocabulary.AREA_KINDS),
        "position": Whole(),
        "description": Text(_LONG),
        "interviews_planned": Whole(0, 500),
    },
    m.QuestionnaireCopy: {},
    m.DocumentReview: {
        "area_id": Ref(m.Area),
        "title": Text(200, required=True),
        "document_date": Day(),
        "undated": Flag(),
        "version": Text(100),
        "source": Text(200),
        "reviewer_id": Ref(m.TeamMember),
        "questionnaire_id": Text(80),
        "questionnaire_version": Text(40),
        "observations": Text(_LONG),
        "status": Choice(vocabulary.WORK_STATUSES),
        "current_question": Text(80),
        "internal": Flag(),
    },
    m.Interview: {
        "area_id": Ref(m.Area),
        "interviewee_kind": Choice(vocabulary.INTERVIEWEE_KINDS),
        "interviewee_role": Text(120, required=True),
        "interviewee_name": Text(120),
        "interview_date": Day(),
        "consent": Flag(),
        "questionnaire_id": Text(80),
        "questionnaire_version": Text(40),
        "status": Choice(vocabulary.INTERVIEW_STATUSES),
        "current_question": Text(80),
        "notes": Text(_LONG),
    },
    m.InterviewInterviewer: {},
    m.Answer: {
        "value": Text(_LONG),
        "notes": Text(_LONG),
        "skipped": Flag(),
    },
    m.Finding: {
        "area_id": Ref(m.Area),
        "kind": Choice(vocabulary.FINDING_KINDS),
        "text": Text(_LONG, required=True),
        "document_review_id": Ref(m.DocumentReview),
        "interview_id": Ref(m.Interview),
        "answer_id": Ref(m.Answer),
        "question_key": Text(80),
        "themes": TextList(50, 60),
        "internal": Flag(),
    },
    m.Judgement: {
        "area_id": Ref(m.Area, required=True),
        "judge_id": Ref(m.TeamMember),
        "grade": Choice(vocabulary.GRADE_KEYS),
        "rationale": Text(_LONG),
        "is_final": Flag(),
    },
    m.Conclusion: {
        "area_id": Ref(m.Area),
        "text": Text(_LONG, required=True),
        "position": Whole(),
        "internal": Flag(),
    },
    m.Recommendation: {
        "area_id": Ref(m.Area),
        "number": Whole(0, 10_000),
        "text": Text(_LONG, required=True),
        "sub_actions": TextList(100, 5000),
        "expected_benefits": Text(_LONG),
        "impact": Choice(vocabulary.LEVELS, allow_blank=True),
        "cost": Choice(vocabulary.LEVELS, allow_blank=True),
        "priority": Choice(vocabulary.LEVELS, allow_blank=True),
        "target_date": Day(),
        "position": Whole(),
        "internal": Flag(),
    },
    m.RecommendationFinding: {},
    m.ActionPlanItem: {
        # responsible, costs and tenant_say are superseded by the response's fields:
        # stored rows keep them, but no service may write them any more.
        "key_outcomes": Text(_LONG),
        "key_actions": Text(_LONG),
        "by_when": Day(),
        "by_when_words": Text(40),
        "progress": Text(_LONG),
        "how_we_know": Text(_LONG),
        "status": Choice(vocabulary.ACTION_STATUSES),
        "position": Whole(),
    },
    m.ActionPlanResponse: {
        "response": Choice(vocabulary.RESPONSES, allow_blank=True),
        "reason": Text(_LONG),
        "responsible_role": Text(200),
        "sponsor_role": Text(200),
        "costs": Text(_LONG),
        "customer_say": Text(_LONG),
    },
    m.MonitoringRound: {
        "held_on": Day(),
        "title": Text(200, required=True),
        "summary": Text(_LONG),
    },
    m.MonitoringEntry: {
        "progress_note": Text(_LONG),
        "status": Choice(vocabulary.ACTION_STATUSES),
        "evidence": Text(_LONG),
    },
    m.Prospects: {
        "track_record": Choice(vocabulary.GRADE_KEYS, allow_blank=True),
        "performance_management": Choice(vocabulary.GRADE_KEYS, allow_blank=True),
        "capacity": Choice(vocabulary.GRADE_KEYS, allow_blank=True),
        "overall": Choice(vocabulary.PROSPECTS, allow_blank=True),
        "rationale": Text(_LONG),
    },
    m.LetterText: {
        "part": Choice(vocabulary.LETTER_PARTS),
        "area_id": Ref(m.Area),
        "recommendation_id": Ref(m.Recommendation),
        "text": Text(_LONG),
    },
}
