"""The tables of the bundle format and the rules per table: which row model each has, in
which order, which fields are fixed after creation, which are references between rows and
which may be redacted.

Part of the format (see :mod:`.bundle_format`), apart from the row models themselves
(:mod:`.bundle_format_rows`) so that each stays readable as tables are added.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import ConfigDict, TypeAdapter
from pydantic import ValidationError as PydanticError

from .bundle_format_rows import (
    ActionPlanItemRow,
    ActionPlanResponseRow,
    AnswerRow,
    AreaRow,
    ConclusionRow,
    DocumentReviewRow,
    FindingRow,
    InspectionRow,
    InterviewInterviewerRow,
    InterviewRow,
    JudgementRow,
    LetterTextRow,
    MonitoringEntryRow,
    MonitoringRoundRow,
    ProspectsRow,
    QuestionnaireCopyRow,
    RecommendationFindingRow,
    RecommendationRow,
    Row,
    TeamMemberRow,
)

#: Table name -> row model, in dependency order (parents first), as in models.SYNCED_MODELS.
ROW_MODELS: dict[str, type[Row]] = {
    "inspection": InspectionRow,
    "team_member": TeamMemberRow,
    "area": AreaRow,
    "questionnaire_copy": QuestionnaireCopyRow,
    "document_review": DocumentReviewRow,
    "interview": InterviewRow,
    "interview_interviewer": InterviewInterviewerRow,
    "answer": AnswerRow,
    "finding": FindingRow,
    "judgement": JudgementRow,
    "conclusion": ConclusionRow,
    "recommendation": RecommendationRow,
    "recommendation_finding": RecommendationFindingRow,
    "action_plan_item": ActionPlanItemRow,
    "action_plan_response": ActionPlanResponseRow,
    "monitoring_round": MonitoringRoundRow,
    "monitoring_entry": MonitoringEntryRow,
    "prospects": ProspectsRow,
    "letter_text": LetterTextRow,
}

#: Fields of ``Row`` that are bookkeeping, not content (``deleted_at`` is content).
BOOKKEEPING_FIELDS = frozenset(Row.model_fields) - {"deleted_at"}

#: Fields a file may leave out: only in files not meant for the coordinator. Free text
#: that might hold a name (notes, finding text, progress notes, evidence, a response's
#: reason) travels as typed, as section 8 of the format says; reports redact known names.
REDACTABLE: dict[str, frozenset[str]] = {"interview": frozenset({"interviewee_name"})}

#: Content fields that never change after a row is made (ids of parents, keys). Two
#: copies of a row must agree on them; they never have conflicts.
IMMUTABLE: dict[str, frozenset[str]] = {
    "inspection": frozenset(),
    "team_member": frozenset({"inspection_id"}),
    "area": frozenset({"inspection_id"}),
    "questionnaire_copy": frozenset(
        {"inspection_id", "questionnaire_id", "version", "title", "kind", "sha256"}
    ),
    "document_review": frozenset({"inspection_id"}),
    "interview": frozenset({"inspection_id"}),
    "interview_interviewer": frozenset({"inspection_id", "interview_id", "member_id"}),
    "answer": frozenset({"inspection_id", "interview_id", "document_review_id", "question_key"}),
    "finding": frozenset({"inspection_id"}),
    "judgement": frozenset({"inspection_id"}),
    "conclusion": frozenset({"inspection_id"}),
    "recommendation": frozenset({"inspection_id"}),
    "recommendation_finding": frozenset({"inspection_id", "recommendation_id", "finding_id"}),
    "action_plan_item": frozenset({"inspection_id", "recommendation_id"}),
    "action_plan_response": frozenset({"inspection_id", "recommendation_id"}),
    "monitoring_round": frozenset({"inspection_id"}),
    "monitoring_entry": frozenset({"inspection_id", "round_id", "item_id"}),
    "prospects": frozenset({"inspection_id"}),
    "letter_text": frozenset({"inspection_id", "part", "area_id", "recommendation_id"}),
}

#: References between rows (field -> table). All must point at a row of the same
#: inspection, in the file or already on the laptop.
REFERENCES: dict[str, dict[str, str]] = {
    "inspection": {},
    "team_member": {},
    "area": {},
    "questionnaire_copy": {},
    "document_review": {"area_id": "area", "reviewer_id": "team_member"},
    "interview": {"area_id": "area"},
    "interview_interviewer": {"interview_id": "interview", "member_id": "team_member"},
    "answer": {"interview_id": "interview", "document_review_id": "document_review"},
    "finding": {
        "area_id": "area",
        "document_review_id": "document_review",
        "interview_id": "interview",
        "answer_id": "answer",
        "merged_into_id": "finding",
    },
    "judgement": {"area_id": "area", "judge_id": "team_member"},
    "conclusion": {"area_id": "area"},
    "recommendation": {"area_id": "area"},
    "recommendation_finding": {"recommendation_id": "recommendation", "finding_id": "finding"},
    "action_plan_item": {"recommendation_id": "recommendation"},
    "action_plan_response": {"recommendation_id": "recommendation"},
    "monitoring_round": {},
    "monitoring_entry": {"round_id": "monitoring_round", "item_id": "action_plan_item"},
    "prospects": {},
    "letter_text": {"area_id": "area", "recommendation_id": "recommendation"},
}


def content_fields(table: str) -> tuple[str, ...]:
    """The fields of a table's rows that carry data (and a change stamp each)."""
    return tuple(f for f in ROW_MODELS[table].model_fields if f not in BOOKKEEPING_FIELDS)


_FIELD_ADAPTERS: dict[tuple[str, str], TypeAdapter[Any]] = {}


def field_adapter(table: str, name: str) -> TypeAdapter[Any]:
    """Validates one value of a field on its own (a conflict's value travels without its row)."""
    adapter = _FIELD_ADAPTERS.get((table, name))
    if adapter is None:
        info = ROW_MODELS[table].model_fields[name]
        annotation: Any = info.annotation
        if info.metadata:
            annotation = Annotated[(annotation, *info.metadata)]
        adapter = TypeAdapter(annotation, config=ConfigDict(strict=True))
        _FIELD_ADAPTERS[(table, name)] = adapter
    return adapter


def plain_value(table: str, name: str, value: Any) -> Any:
    """A value as a file would carry it: text without control characters (section 3).

    A laptop may still hold text with control characters that it wrote itself or imported
    before files were cleaned; merging compares versions in this form, so the raw and the
    cleaned copy of one change are the same version, not a refusal or a conflict. A value
    the format would refuse is returned as it is.
    """
    try:
        return field_adapter(table, name).validate_python(value)
    except PydanticError:
        return value
