"""Where the inspector is in a questionnaire: which questions show, what is answered or skipped.

Show-if rules make the questions on screen depend on the answers so far, so "question 7 of
23", the next question, the skipped ones and "12/23 answered" in the lists are all worked
out here from the answers. It is plain Python (no Textual, no database) so the list
loaders in :mod:`tenant_inspect.views.fieldwork` and the question runner on screen count
the same way, and it can be tested on its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .questionnaire import Question, Questionnaire

MARK_ANSWERED = "✓"
MARK_SKIPPED = "↷"
MARK_BLANK = "·"


@dataclass
class AnswerState:
    """What the runner knows of one answer (a mirror of the Answer row)."""

    value: str = ""
    notes: str = ""
    skipped: bool = False

    @property
    def answered(self) -> bool:
        """An answer or a note counts: either is evidence the question was asked."""
        return bool(self.value.strip() or self.notes.strip())

    @property
    def mark(self) -> str:
        if self.answered:
            return MARK_ANSWERED
        if self.skipped:
            return MARK_SKIPPED
        return MARK_BLANK

    @property
    def word(self) -> str:
        if self.answered:
            return "answered"
        if self.skipped:
            return "skipped"
        return "not answered yet"


class QuestionPath:
    """The visible questions of a questionnaire for a given set of answers."""

    def __init__(self, questionnaire: Questionnaire, answers: Mapping[str, AnswerState]) -> None:
        self.questionnaire = questionnaire
        self.answers = answers
        self._all = questionnaire.questions()
        self._visible: list[Question] = []
        self.refresh()

    def refresh(self) -> None:
        """Recompute visibility (call after any answer's value changes)."""
        values = {key: a.value for key, a in self.answers.items()}
        self._visible = self.questionnaire.visible_questions(values)

    def state(self, qid: str) -> AnswerState:
        return self.answers.get(qid) or AnswerState()

    @property
    def visible(self) -> list[Question]:
        return list(self._visible)

    def is_visible(self, qid: str) -> bool:
        return any(q.id == qid for q in self._visible)

    def position(self, qid: str) -> tuple[int, int]:
        """(n, total): "question n of total", counting visible questions only."""
        ids = [q.id for q in self._visible]
        n = ids.index(qid) + 1 if qid in ids else 0
        return n, len(ids)

    def resume_at(self, qid: str | None) -> Question:
        """Where to pick up: ``qid`` if visible, else the nearest visible one after it.

        With no stored place, start at the first question not answered yet.
        """
        if qid:
            if self.is_visible(qid):
                return self.questionnaire.question(qid)
            try:
                index = self.questionnaire.index_of(qid)
            except KeyError:
                index = -1
            if index >= 0:
                later = self._after_index(index)
                if later is not None:
                    return later
        for q in self._visible:
            if not self.state(q.id).answered:
                return q
        return self._visible[0] if self._visible else self._all[0]

    def _after_index(self, index: int) -> Question | None:
        for q in self._visible:
            if self.questionnaire.index_of(q.id) > index:
                return q
        return None

    def next_after(self, qid: str) -> Question | None:
        return self._after_index(self.questionnaire.index_of(qid))

    def before(self, qid: str) -> Question | None:
        index = self.questionnaire.index_of(qid)
        earlier = [q for q in self._visible if self.questionnaire.index_of(q.id) < index]
        return earlier[-1] if earlier else None

    def skipped(self) -> list[Question]:
        """Visible questions skipped and still without an answer."""
        return [
            q for q in self._visible if self.state(q.id).skipped and not self.state(q.id).answered
        ]

    def missing_required(self) -> list[Question]:
        return [q for q in self._visible if q.required and not self.state(q.id).answered]

    def progress(self) -> tuple[int, int]:
        """(answered, visible) — for "12/23 answered"."""
        return sum(1 for q in self._visible if self.state(q.id).answered), len(self._visible)

    def section_title(self, question: Question) -> str:
        for section in self.questionnaire.sections:
            if section.id == question.section:
                return section.title
        return ""

    def section_intro(self, question: Question) -> str:
        """The section's intro, but only on its first visible question."""
        for section in self.questionnaire.sections:
            if section.id == question.section:
                first = next((q for q in self._visible if q.section == section.id), None)
                return section.intro if first is not None and first.id == question.id else ""
        return ""


def progress_text(questionnaire: Questionnaire | None, answers: Mapping[str, AnswerState]) -> str:
    """ "12/23 answered" for a list row (empty without a questionnaire)."""
    if questionnaire is None:
        return ""
    done, total = QuestionPath(questionnaire, answers).progress()
    return f"{done}/{total} answered"
