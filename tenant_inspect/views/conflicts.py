"""Conflicts in words: what was changed on two laptops, both versions, and where each came from.

A merge never drops an edit: when two people changed the same field since they last
exchanged files, the row shows one version and keeps the other as an open conflict
(:mod:`tenant_inspect.merge`). A coordinator cannot decide from table names and ids, so this
module names every record the way they would — "Weakness finding from the review of
“Repairs charter” (A. Desktop review) — text" — and says where each version came from:
"from Ann Example's laptop, 3 Mar 2026 14:05".

The Conflicts screen and ``tenant-inspect bundle conflicts`` both read through here, so the
two always say the same. Which laptop a version came from is the device part of its change
stamp; whose laptop that device is was learnt when their return file was imported
(:func:`tenant_inspect.settings.laptops_seen`), otherwise it is named by its short id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import UserError
from ..vocabulary import GRADE_LABELS, PROSPECT_WORDS, RESPONSE_WORDS, kind_label
from .conflict_words import (
    MERGEABLE,
    SHOWN_CHARACTERS,
    Origins,
    field_words,
    one_line,
    team_names,
)

if TYPE_CHECKING:
    from sqlmodel import Session

    from ..merge_conflicts import ConflictView

#: Choices whose stored keys have their own words (the action plan's, issue 12).
_CHOICE_WORDS: dict[str, dict[str, str]] = {
    "response": RESPONSE_WORDS,
    "overall": PROSPECT_WORDS,
    "track_record": GRADE_LABELS,
    "performance_management": GRADE_LABELS,
    "capacity": GRADE_LABELS,
}


# ---------------------------------------------------------------------------
# The data shown (plain values, built in a worker thread)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Version:
    """One side of a conflict, in words."""

    heading: str  # "Shown now" / "Other version"
    origin: str  # "from Ann Example's laptop, 3 Mar 2026 14:05"
    words: str  # the value as a person reads it
    text: str | None  # the value itself when it is text (for the merged text)


@dataclass(frozen=True)
class ConflictItem:
    """One open conflict as the coordinator sees it."""

    id: str
    kind: str  # "edit" or "delete"
    what: str  # the record, in words
    field: str  # the field, in words
    shown: Version
    other: Version
    mergeable: bool

    @property
    def title(self) -> str:
        if self.kind == "delete":
            return f"{self.what} — deleted on one laptop, changed on another"
        return f"{self.what} — {self.field}"


@dataclass(frozen=True)
class ConflictsData:
    title: str
    items: tuple[ConflictItem, ...]


def merged_draft(item: ConflictItem) -> str:
    """The text the merge box starts with: both versions, the shown one first."""
    parts = [v.text for v in (item.shown, item.other) if v.text and v.text.strip()]
    return "\n\n".join(parts)


# ---------------------------------------------------------------------------
# Naming records
# ---------------------------------------------------------------------------


class Describer:
    """Names records the way a coordinator would, reading what it needs once."""

    def __init__(self, session: Session, inspection_id: str) -> None:
        from .. import inspections

        self.session = session
        self.inspection_id = inspection_id
        areas = inspections.areas(session, inspection_id)
        self.areas = {a.id: f"{inspections.area_letter(i)}. {a.name}" for i, a in enumerate(areas)}
        self.members = team_names(session, inspection_id)
        self.origins = Origins(session, inspection_id, self.members)

    def origin(self, stamp: str) -> str:
        return self.origins.of(stamp)

    # -- what ----------------------------------------------------------------

    def _row(self, model: Any, row_id: str | None) -> Any:
        return self.session.get(model, row_id) if row_id else None

    def _area(self, area_id: str | None) -> str:
        return self.areas.get(area_id or "", "")

    def _interview(self, interview_id: str | None) -> str:
        from .. import models as m

        interview = self._row(m.Interview, interview_id)
        role = interview.interviewee_role.strip() if interview is not None else ""
        return f"the {role} interview" if role else "an interview"

    def _review(self, review_id: str | None) -> str:
        from .. import models as m

        review = self._row(m.DocumentReview, review_id)
        if review is None:
            return "a review"
        return f"the review of “{one_line(review.title, 40)}”"

    def _question(self, answer: Any) -> Any:
        """The question an answer answers, from the questionnaire its parent was started with."""
        from .. import inspections
        from .. import models as m

        parent = self._row(m.Interview, answer.interview_id) or self._row(
            m.DocumentReview, answer.document_review_id
        )
        if parent is None or not parent.questionnaire_id:
            return None
        try:
            questionnaire = inspections.questionnaire_for(
                self.session,
                self.inspection_id,
                parent.questionnaire_id,
                parent.questionnaire_version,
            )
            return questionnaire.question(answer.question_key)
        except (UserError, KeyError, ValueError):
            return None

    def _recommendation(self, rec_id: str | None) -> str:
        from .. import models as m

        rec = self._row(m.Recommendation, rec_id)
        if rec is None:
            return "a recommendation"
        return f"recommendation R{rec.number}" if rec.number else "a recommendation"

    def what(self, table: str, row: Any) -> str:
        """The record, in words ("Answer to 'Which pledges?' in the Housing Officer interview")."""
        if table == "inspection":
            return "The inspection's details"
        if table == "team_member":
            return f"Team member {row.name}"
        if table == "area":
            return f"Area {self._area(row.id) or row.name}"
        if table == "questionnaire_copy":
            return f"Questionnaire “{one_line(row.title, 40)}”"
        if table == "document_review":
            return f"Review of the document “{one_line(row.title, 40)}”"
        if table == "interview":
            where = self._area(row.area_id)
            text = self._interview(row.id)
            return text[0].upper() + text[1:] + (f" ({where})" if where else "")
        if table == "interview_interviewer":
            name = self.members.get(row.member_id, "a team member")
            return f"{name} as interviewer in {self._interview(row.interview_id)}"
        if table == "answer":
            question = self._question(row)
            asked = one_line(question.text, 50) if question is not None else row.question_key
            parent = (
                self._interview(row.interview_id)
                if row.interview_id
                else self._review(row.document_review_id)
            )
            return f"Answer to “{asked}” in {parent}"
        if table == "finding":
            return self._finding(row)
        if table == "judgement":
            return f"Judgement for {self._area(row.area_id) or 'an area'}"
        if table == "conclusion":
            where = self._area(row.area_id)
            return f"Conclusion for {where}" if where else "Conclusion"
        if table == "recommendation":
            text = self._recommendation(row.id)
            return text[0].upper() + text[1:]
        if table == "recommendation_finding":
            return f"A finding cited by {self._recommendation(row.recommendation_id)}"
        if table in ("action_plan_item", "action_plan_response"):
            part = "Action-plan item" if table == "action_plan_item" else "Response"
            return f"{part} for {self._recommendation(row.recommendation_id)}"
        if table in ("monitoring_round", "monitoring_entry"):
            return self._monitoring(table, row)
        if table == "prospects":
            return "Prospects for improvement"
        return table.replace("_", " ").capitalize()

    def _monitoring(self, table: str, row: Any) -> str:
        """ "Monitoring round “Quarter 1 review”", or an item's entry in that round."""
        from .. import models as m

        round_ = row if table == "monitoring_round" else self._row(m.MonitoringRound, row.round_id)
        title = f"“{one_line(round_.title, 40)}”" if round_ is not None else "a round"
        if table == "monitoring_round":
            return f"Monitoring round {title}"
        item = self._row(m.ActionPlanItem, row.item_id)
        rec = self._recommendation(item.recommendation_id if item is not None else None)
        return f"Monitoring of an action-plan item for {rec} in the round {title}"

    def _finding(self, row: Any) -> str:
        if row.interview_id:
            source = f" from {self._interview(row.interview_id)}"
        elif row.document_review_id:
            source = f" from {self._review(row.document_review_id)}"
        else:
            source = ""
        where = self._area(row.area_id)
        return f"{kind_label(row.kind)} finding{source}" + (f" ({where})" if where else "")

    # -- values ----------------------------------------------------------------

    def words(self, table: str, row: Any, name: str, value: Any) -> str:
        """A value as a person reads it (never an id or a raw code where a word exists)."""
        if name == "deleted_at":
            return "Deleted" if value else "Not deleted"
        if value is None or value == "" or value == []:
            return "(empty)"
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if name.endswith("_id") and isinstance(value, str):
            return self.members.get(value) or self._area(value) or "another record"
        if table == "answer" and name == "value" and isinstance(value, str):
            question = self._question(row)
            if question is not None and question.type in ("yes_no", "choice"):
                return str(question.option_label(value))
            if question is not None and question.type == "multi_choice":
                try:
                    return "; ".join(question.option_label(v) for v in json.loads(value))
                except (ValueError, TypeError):
                    return value
        if isinstance(value, list):
            return "\n".join(f"• {v}" for v in value)
        if name in _CHOICE_WORDS:
            return _CHOICE_WORDS[name].get(value) or str(value).replace("_", " ").capitalize()
        if name in ("kind", "status", "grade", "role", "impact", "cost", "priority"):
            return str(value).replace("_", " ").capitalize()
        text = str(value)
        if len(text) > SHOWN_CHARACTERS:  # the merge box (m) still gets all of it
            more = len(text) - SHOWN_CHARACTERS
            return f"{text[:SHOWN_CHARACTERS]}…\n({more:,} more characters: m shows the whole text)"
        return text

    def item(self, view: ConflictView) -> ConflictItem:
        from ..models import MODELS_BY_TABLE

        row = self.session.get(MODELS_BY_TABLE[view.table], view.row_id)
        what = self.what(view.table, row)
        if view.kind == "delete":
            changed = [
                f"{field_words(f).capitalize()}: "
                f"{self.words(view.table, row, f, getattr(row, f, None))}"
                for f in view.changed_fields
            ]
            shown = Version("Shown now", self.origin(view.current_hlc), "Deleted", None)
            other = Version(
                "Other version",
                self.origin(view.other_hlc),
                "Not deleted, and changed:\n" + "\n".join(changed),
                None,
            )
            return ConflictItem(view.id, view.kind, what, "", shown, other, False)
        name = view.field
        mergeable = (
            name in MERGEABLE
            and isinstance(view.current_value, str)
            and isinstance(view.other_value, str)
        )
        if mergeable and view.table == "answer" and name == "value":
            question = self._question(row)
            mergeable = question is not None and question.type == "text"

        def version(heading: str, stamp: str, value: Any) -> Version:
            return Version(
                heading,
                self.origin(stamp),
                self.words(view.table, row, name, value),
                value if isinstance(value, str) else None,
            )

        return ConflictItem(
            view.id,
            view.kind,
            what,
            field_words(name),
            version("Shown now", view.current_hlc, view.current_value),
            version("Other version", view.other_hlc, view.other_value),
            mergeable,
        )


# ---------------------------------------------------------------------------
# Loaders
# ---------------------------------------------------------------------------


def describe_conflicts(session: Session, inspection_id: str) -> tuple[ConflictItem, ...]:
    """Every open conflict of an inspection, in words (runs in a worker thread)."""
    from ..merge_conflicts import list_conflicts

    views = list_conflicts(session, inspection_id)
    if not views:
        return ()
    describer = Describer(session, inspection_id)
    return tuple(describer.item(v) for v in views)


def load_conflicts(session: Session, inspection_id: str) -> ConflictsData:
    """What the Conflicts screen shows: the inspection's title and its open conflicts."""
    from .. import inspections

    inspection = inspections.get_inspection(session, inspection_id)
    return ConflictsData(inspection.title, describe_conflicts(session, inspection_id))


@dataclass(frozen=True)
class ConflictOrigins:
    """Where the two versions of one conflict came from (for the CLI's list, resolved too)."""

    view: ConflictView
    shown: str  # "from Ann Example's laptop, 3 Mar 2026 14:05"
    other: str


def conflict_origins(
    session: Session, inspection_id: str, *, include_resolved: bool = False
) -> list[ConflictOrigins]:
    """Every conflict with where each version came from, in the words the screen uses."""
    from ..merge_conflicts import list_conflicts

    views = list_conflicts(session, inspection_id, include_resolved=include_resolved)
    if not views:
        return []
    origins = Origins(session, inspection_id, team_names(session, inspection_id))
    return [ConflictOrigins(v, origins.of(v.current_hlc), origins.of(v.other_hlc)) for v in views]
