"""The questionnaire model: what a checked question bank is, whatever file it was read from.

Readers (the TOML reader today, an XLSForm reader later) build these plain frozen
dataclasses through the shared checker, so screens, storage and kits only ever see this form.
:class:`Problem` and :class:`QuestionnaireError` live here too: every reader reports in them.

Answers are stored as strings (see :mod:`.answers`): one column type for every question
type keeps storage, merging and kit files simple, and the string forms are readable in a dump.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..plain_text import printable
from ..themes import UnknownIdError

QUESTION_TYPES = ("text", "yes_no", "choice", "multi_choice", "scale", "date", "number")
KINDS = ("document_review", "interview", "observation")

#: Types whose answers are picked from ``options``.
CHOICE_TYPES = ("choice", "multi_choice")

#: A scale with more points than this is not something an inspector can score reliably.
MAX_SCALE_POINTS = 11


# ---------------------------------------------------------------------------
# The parsed form
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    """One answer of a choice question: ``value`` is stored, ``label`` is shown."""

    value: str
    label: str


#: The fixed options of a yes_no question. The loader fills them in as the question's
#: ``options`` so screens and answer checks can treat yes_no like a two-option choice.
YES_NO_OPTIONS = (Option("yes", "Yes"), Option("no", "No"))


@dataclass(frozen=True)
class ShowIf:
    """Show a question only when an earlier question has a given answer."""

    question: str
    equals: str | None = None
    any_of: tuple[str, ...] = ()

    @property
    def values(self) -> tuple[str, ...]:
        """Every stored answer that makes the question appear."""
        return ((self.equals,) if self.equals is not None else ()) + self.any_of

    def matches(self, answer: str | None) -> bool:
        """True if the stored ``answer`` of the referenced question shows the question.

        An unanswered question never matches. A multi_choice answer (a JSON list) matches if
        any of its selected values does, so "show if they ticked Disabled tenants" works.
        """
        if not answer:
            return False
        wanted = self.values
        if answer in wanted:
            return True
        if answer.startswith("["):
            try:
                chosen = json.loads(answer)
            except ValueError:
                return False
            if isinstance(chosen, list):
                return any(isinstance(c, str) and c in wanted for c in chosen)
        return False


@dataclass(frozen=True)
class Question:
    """One question. ``section`` is the id of the section it belongs to."""

    id: str
    text: str
    type: str
    section: str
    hint: str = ""
    options: tuple[Option, ...] = ()
    required: bool = False
    themes: tuple[str, ...] = ()
    show_if: ShowIf | None = None
    scale_min: int = 1
    scale_max: int = 5
    scale_labels: tuple[str, str] | None = None
    line: int | None = None

    @property
    def choices(self) -> tuple[Option, ...]:
        """The answers to pick from: ``options``, or Yes/No for a yes_no question."""
        if self.type == "yes_no" and not self.options:
            return YES_NO_OPTIONS
        return self.options

    def option_label(self, value: str) -> str:
        """The label of an option value (the value itself if it is not an option)."""
        for option in self.choices:
            if option.value == value:
                return option.label
        return value


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    intro: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Questionnaire:
    """A parsed, valid questionnaire plus the exact text it came from.

    Kits and inspections keep ``source_text`` (not the parsed form) so that a questionnaire
    can always be re-read exactly as the inspectors saw it; ``sha256`` identifies that text.
    """

    id: str
    title: str
    version: str
    kind: str
    audience: str
    description: str
    sections: tuple[Section, ...]
    source_text: str
    source_name: str
    _flat: tuple[Question, ...] = field(init=False, repr=False, compare=False)
    _index: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        flat = tuple(q for s in self.sections for q in s.questions)
        object.__setattr__(self, "_flat", flat)
        object.__setattr__(self, "_index", {q.id: i for i, q in enumerate(flat)})

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.source_text.encode("utf-8")).hexdigest()

    def questions(self) -> list[Question]:
        """Every question, in order, across sections."""
        return list(self._flat)

    def question(self, qid: str) -> Question:
        try:
            return self._flat[self._index[qid]]
        except KeyError:
            raise UnknownIdError(f"Questionnaire {self.id!r} has no question {qid!r}.") from None

    def index_of(self, qid: str) -> int:
        """Position of a question in :meth:`questions` (``KeyError`` if unknown)."""
        self.question(qid)
        return self._index[qid]

    def is_visible(self, q: Question, answers: Mapping[str, str]) -> bool:
        """Whether ``q`` should be shown given the answers so far (question id → stored answer).

        A question hidden by its condition also hides the questions that depend on it, so a
        stale answer to a hidden question can never reveal anything. The chain always ends
        because a condition can only refer to an earlier question.
        """
        condition = q.show_if
        while condition is not None:
            if not condition.matches(answers.get(condition.question)):
                return False
            condition = self.question(condition.question).show_if
        return True

    def visible_questions(self, answers: Mapping[str, str]) -> list[Question]:
        return [q for q in self._flat if self.is_visible(q, answers)]

    def unanswered_required(self, answers: Mapping[str, str]) -> list[Question]:
        """Required questions still to answer. A hidden question is not asked, so never counts."""
        return [
            q
            for q in self.visible_questions(answers)
            if q.required and not (answers.get(q.id) or "").strip()
        ]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a questionnaire file, with where it is when known."""

    source: str
    message: str
    line: int | None = None
    question: str | None = None
    #: What ``line`` counts: "line" in a text file, "survey sheet, row" in an XLSForm.
    unit: str = "line"

    def where(self) -> str:
        """ "line 42, question 'q7'" (either part may be missing)."""
        parts = []
        if self.line is not None:
            parts.append(f"{self.unit} {self.line}")
        if self.question is not None:
            parts.append(f"question {self.question!r}")
        return ", ".join(parts)

    def __str__(self) -> str:
        # Messages quote the file (a misspelt setting, a value), so whatever control
        # characters it held are shown as \xNN, never passed to a terminal.
        where = self.where()
        if where:
            return printable(f"{self.source}, {where}: {self.message}")
        return printable(f"{self.source}: {self.message}")


class QuestionnaireError(ValueError):
    """A questionnaire file was rejected; ``problems`` holds every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(self.problems)

    @property
    def source(self) -> str:
        return self.problems[0].source if self.problems else "<text>"

    @property
    def summary(self) -> str:
        """The first problem on one line, without the file's name, for one-line refusals
        ("line 6: The file nests ... (and 2 more problems)")."""
        if not self.problems:
            return "no problems listed"
        first = self.problems[0]
        where = first.where()
        more = len(self.problems) - 1
        tail = f" (and {more} more problem{'' if more == 1 else 's'})" if more else ""
        return printable(
            " ".join((f"{where}: {first.message}" if where else first.message).split()) + tail
        )

    def __str__(self) -> str:
        n = len(self.problems)
        head = f"{n} problem{'' if n == 1 else 's'} in {self.source}:"
        lines = []
        for p in self.problems:
            where = p.where()
            lines.append(f"  - {where}: {p.message}" if where else f"  - {p.message}")
        return printable("\n".join([head, *lines]))
