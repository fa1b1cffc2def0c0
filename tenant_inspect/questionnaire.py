"""Questionnaire files: the format question banks are written in, and the checker for it.

Questionnaires are written by coordinators, not programmers, so the loader's main job is to
explain mistakes well: it collects *every* problem in one pass, says where each one is (line
and question) and what to write instead. The format is described for coordinators in
docs/questionnaire-format.md, including a table of every message produced here.

Only the standard library is used, so ``tenant-inspect questionnaires validate`` and the kit
importer start fast and never pull in the database or UI stacks.

Answers are stored as strings (see :func:`encode_answer`): one column type for every question
type keeps storage, merging and kit files simple, and the string forms are readable in a dump.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import hashlib
import json
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Any

from .themes import THEME_IDS, THEMES, UnknownIdError, close_theme_ids

QUESTION_TYPES = ("text", "yes_no", "choice", "multi_choice", "scale", "date", "number")
KINDS = ("document_review", "interview", "observation")

#: Types whose answers are picked from ``options``.
CHOICE_TYPES = ("choice", "multi_choice")

#: A scale with more points than this is not something an inspector can score reliably.
MAX_SCALE_POINTS = 11

#: Questionnaires are a few kilobytes; anything bigger is the wrong file.
MAX_FILE_BYTES = 1_000_000

_TOP_KEYS = ("id", "title", "version", "kind", "audience", "description", "sections")
_SECTION_KEYS = ("id", "title", "intro", "questions")
_QUESTION_KEYS = (
    "id",
    "text",
    "type",
    "hint",
    "options",
    "required",
    "themes",
    "show_if",
    "min",
    "max",
    "labels",
)
_SCALE_KEYS = ("min", "max", "labels")
_SHOW_IF_KEYS = ("question", "equals", "in")
_OPTION_KEYS = ("value", "label")

_QUESTIONNAIRE_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ITEM_ID_RE = re.compile(r"^[a-z][a-z0-9_-]*$")
_MAX_ID_LEN = 64

_INT_RE = re.compile(r"^-?\d+$")
_NUMBER_RE = re.compile(r"^-?\d+(?:\.\d+)?$")
_THOUSANDS_RE = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_THEME_ORDER = [t.id for t in THEMES]


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

    def where(self) -> str:
        """ "line 42, question 'q7'" (either part may be missing)."""
        parts = []
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.question is not None:
            parts.append(f"question {self.question!r}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        if where:
            return f"{self.source}, {where}: {self.message}"
        return f"{self.source}: {self.message}"


class QuestionnaireError(ValueError):
    """A questionnaire file was rejected; ``problems`` holds every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(self.problems)

    @property
    def source(self) -> str:
        return self.problems[0].source if self.problems else "<text>"

    def __str__(self) -> str:
        n = len(self.problems)
        head = f"{n} problem{'' if n == 1 else 's'} in {self.source}:"
        lines = []
        for p in self.problems:
            where = p.where()
            lines.append(f"  - {where}: {p.message}" if where else f"  - {p.message}")
        return "\n".join([head, *lines])


# ---------------------------------------------------------------------------
# Finding line numbers
# ---------------------------------------------------------------------------

_HEADER_RE = re.compile(r"""^\s*(\[\[|\[)\s*([A-Za-z0-9_.\-"' ]+?)\s*(\]\]|\])\s*(?:#.*)?$""")
_KEY_RE = re.compile(r"""^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*[.=]""")


@dataclass
class _Block:
    """Where one TOML table starts and where each of its keys is (1-based lines)."""

    line: int | None = None
    keys: dict[str, int] = field(default_factory=dict)

    def at(self, key: str | None = None) -> int | None:
        if key is not None and key in self.keys:
            return self.keys[key]
        return self.line


class _SourceMap:
    """Line numbers for tables and keys, found by scanning the text.

    ``tomllib`` returns plain dicts without positions, so this follows the ``[[sections]]``
    and ``[[sections.questions]]`` headers in order: the n-th header is the n-th table in the
    parsed data. It is deliberately simple (no full TOML parser): when the file is written in
    an unusual style the checker falls back to searching for ``id = "..."`` lines, and failing
    that reports a problem without a line.
    """

    def __init__(self, text: str) -> None:
        self.top = _Block()
        self.sections: list[_Block] = []
        self.questions: list[list[_Block]] = []
        current: _Block | None = self.top
        open_string: str | None = None
        for n, line in enumerate(text.splitlines(), start=1):
            if open_string is not None:
                if line.count(open_string) % 2 == 1:
                    open_string = None
                continue
            header = _HEADER_RE.match(line)
            if header:
                name = re.sub(r"[\s\"']", "", header.group(2))
                current = self._header(name, header.group(1) == "[[", n)
                continue
            key = _KEY_RE.match(line)
            if key and current is not None:
                current.keys.setdefault(key.group(1).strip("\"'"), n)
            for delim in ('"""', "'''"):
                if line.count(delim) % 2 == 1:
                    open_string = delim
                    break

    def _header(self, name: str, array: bool, n: int) -> _Block | None:
        """Record a table header; return the block its keys belong to (None: not tracked)."""
        if array and name == "sections":
            self.sections.append(_Block(n))
            self.questions.append([])
            return self.sections[-1]
        if array and name == "sections.questions" and self.sections:
            self.questions[-1].append(_Block(n))
            return self.questions[-1][-1]
        parts = name.split(".")
        if parts[:2] == ["sections", "questions"] and len(parts) > 2 and self.questions:
            if self.questions[-1]:
                self.questions[-1][-1].keys.setdefault(parts[2], n)
        elif parts[0] == "sections" and len(parts) > 1 and self.sections:
            self.sections[-1].keys.setdefault(parts[1], n)
        else:
            self.top.keys.setdefault(parts[0], n)
        return None


def _id_lines(text: str, qid: str) -> list[int]:
    """Lines that set ``id = "<qid>"`` (fallback when headers could not be matched)."""
    pattern = re.compile(r"""(?<![\w-])id\s*=\s*(["'])""" + re.escape(qid) + r"\1")
    return [n for n, line in enumerate(text.splitlines(), start=1) if pattern.search(line)]


# ---------------------------------------------------------------------------
# The checker
# ---------------------------------------------------------------------------


def _show(value: Any) -> str:
    """A value as it would look in the file, for messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = json.dumps(value, ensure_ascii=False)
        return shown if len(shown) <= 42 else shown[:38] + '…"'
    if isinstance(value, int | float | dt.date | dt.time):
        return str(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return repr(value)


def _or_list(items: Iterable[str]) -> str:
    return ", ".join(items)


def _did_you_mean(word: str, choices: Iterable[str], style: str) -> str:
    """A " Did you mean ...?" hint for a likely typo.

    ``style`` matches how the message shows the word: "key" as `key`, "id" as 'id' (like
    "question 'q7'"), "value" as "value" (as written in the file).
    """
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not close:
        return ""
    shown = {"key": f"`{close[0]}`", "id": repr(close[0])}.get(style, _show(close[0]))
    return f" Did you mean {shown}?"


@dataclass
class _Ctx:
    """Where the checker is: the table's lines, the question id, and a lead for messages."""

    block: _Block
    question: str | None = None
    lead: str = ""


class _Checker:
    def __init__(self, text: str, source: str) -> None:
        self.text = text
        self.source = source
        self.problems: list[Problem] = []
        self.map = _SourceMap(text)
        # State of the walk through the file, in order:
        self.positions: dict[str, int] = {}  # question id -> index among all questions
        self.index = 0  # index of the question being checked
        self.built: dict[str, Question] = {}  # questions checked so far, by id
        self.question_lines: dict[str, int | None] = {}  # first `id` line of each question
        self.section_lines: dict[str, int | None] = {}
        self._fallback_seen: dict[str, int] = {}

    def report(self, ctx: _Ctx, key: str | None, message: str) -> None:
        self.problems.append(
            Problem(self.source, ctx.lead + message, ctx.block.at(key), ctx.question)
        )

    # -- generic value checks ------------------------------------------------

    def unknown_keys(
        self, ctx: _Ctx, table: Mapping[str, Any], allowed: tuple[str, ...], where: str
    ) -> None:
        for key in table:
            if key in allowed:
                continue
            if where == "at the top of the file" and key == "questions":
                self.report(
                    ctx,
                    key,
                    "Questions must sit inside a section: start a section with [[sections]] "
                    "and put each question under [[sections.questions]].",
                )
                continue
            self.report(
                ctx,
                key,
                f"Unknown setting `{key}` {where}.{_did_you_mean(key, allowed, 'key')} "
                f"Allowed settings: {_or_list(allowed)}.",
            )

    def get_str(
        self, ctx: _Ctx, table: Mapping[str, Any], key: str, missing: str | None = None
    ) -> str | None:
        """A text value; ``missing`` is the explanation if it is required."""
        if key not in table:
            if missing is not None:
                self.report(ctx, None, f"`{key}` is missing. {missing}")
            return None
        value = table[key]
        if not isinstance(value, str):
            hint = ""
            if isinstance(value, int | float | dt.date) and not isinstance(value, bool):
                hint = f' Put it in quotes: {key} = "{value}".'
            self.report(ctx, key, f"`{key}` must be text in quotes, not {_show(value)}.{hint}")
            return None
        if missing is not None and not value.strip():
            self.report(ctx, key, f"`{key}` is empty. {missing}")
            return None
        return value

    def get_id(
        self, ctx: _Ctx, table: Mapping[str, Any], pattern: re.Pattern[str], rule: str, example: str
    ) -> str | None:
        value = self.get_str(ctx, table, "id", f'Add a short id, for example id = "{example}".')
        if value is None:
            return None
        if len(value) > _MAX_ID_LEN or not pattern.match(value):
            self.report(
                ctx,
                "id",
                f'`id` must use only {rule} (for example "{example}"), not {_show(value)}.',
            )
            return None
        return value

    def get_bool(self, ctx: _Ctx, table: Mapping[str, Any], key: str) -> bool:
        value = table.get(key, False)
        if not isinstance(value, bool):
            self.report(ctx, key, f"`{key}` must be true or false, not {_show(value)}.")
            return False
        return value

    def get_int(self, ctx: _Ctx, table: Mapping[str, Any], key: str, default: int) -> int | None:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            self.report(ctx, key, f"`{key}` must be a whole number, not {_show(value)}.")
            return None
        return value

    def get_one_of(
        self, ctx: _Ctx, table: Mapping[str, Any], key: str, allowed: tuple[str, ...], what: str
    ) -> str | None:
        value = self.get_str(ctx, table, key, f"Use one of: {_or_list(allowed)}.")
        if value is None:
            return None
        if value not in allowed:
            self.report(
                ctx,
                key,
                f"Unknown {what} {_show(value)}.{_did_you_mean(value, allowed, 'value')} "
                f"Allowed {what}s: {_or_list(allowed)}.",
            )
            return None
        return value

    # -- the questionnaire -----------------------------------------------------

    def check(self, data: dict[str, Any]) -> Questionnaire | None:
        top = _Ctx(self.map.top)
        self.unknown_keys(top, data, _TOP_KEYS, "at the top of the file")
        qn_id = self.get_id(
            top,
            data,
            _QUESTIONNAIRE_ID_RE,
            "lowercase letters, digits and single hyphens",
            "staff-interview",
        )
        title = self.get_str(top, data, "title", "Add the title inspectors will see.")
        version = self.get_str(top, data, "version", 'Add a version, for example version = "1.0".')
        kind = self.get_one_of(top, data, "kind", KINDS, "kind")
        audience = self.get_str(
            top, data, "audience", 'Say who it is for, for example audience = "Staff".'
        )
        description = self.get_str(top, data, "description") or ""
        sections = self.check_sections(top, data)
        if self.problems:
            return None
        assert qn_id and title and version and kind and audience  # guaranteed by the checks
        return Questionnaire(
            id=qn_id,
            title=title,
            version=version,
            kind=kind,
            audience=audience,
            description=description,
            sections=tuple(sections),
            source_text=self.text,
            source_name=self.source,
        )

    def check_sections(self, top: _Ctx, data: dict[str, Any]) -> list[Section]:
        raw = data.get("sections")
        if raw is None or raw == []:
            self.report(
                top,
                None,
                "The questionnaire has no sections. Start each section with a [[sections]] "
                "line and put its questions under [[sections.questions]] lines.",
            )
            return []
        if isinstance(raw, dict):
            self.report(
                top,
                "sections",
                "Sections must be written [[sections]], with double square brackets, "
                "once for each section.",
            )
            return []
        if not isinstance(raw, list) or not all(isinstance(s, dict) for s in raw):
            self.report(
                top,
                "sections",
                "`sections` must be a list of [[sections]] tables, not " + _show(raw) + ".",
            )
            return []

        # Every question's position first, so show_if can tell "later" from "unknown".
        count = 0
        misshapen = False  # questions written wrongly: reported with their section
        for s in raw:
            questions = s.get("questions")
            if isinstance(questions, list) and all(isinstance(q, dict) for q in questions):
                for q in questions:
                    qid = q.get("id")
                    if isinstance(qid, str):
                        self.positions.setdefault(qid, count)
                    count += 1
            elif questions is not None and questions != []:
                misshapen = True
        if count == 0 and not misshapen:
            self.report(
                top,
                None,
                "The questionnaire has no questions. Add at least one [[sections.questions]] "
                "table after a [[sections]] line.",
            )

        aligned = len(self.map.sections) == len(raw)
        sections: list[Section] = []
        for i, s in enumerate(raw):
            block = self.map.sections[i] if aligned else _Block()
            q_blocks = self.map.questions[i] if aligned else []
            section = self.check_section(i, s, block, q_blocks, report_empty=count > 0 or misshapen)
            if section is not None:
                sections.append(section)
        return sections

    def check_section(
        self,
        i: int,
        s: dict[str, Any],
        block: _Block,
        q_blocks: list[_Block],
        report_empty: bool,
    ) -> Section | None:
        raw_id = s.get("id")
        name = f"Section {raw_id!r}" if isinstance(raw_id, str) and raw_id else f"Section {i + 1}"
        ctx = _Ctx(block, None, f"{name}: ")
        self.unknown_keys(ctx, s, _SECTION_KEYS, "in a section")
        sid = self.get_id(
            ctx,
            s,
            _ITEM_ID_RE,
            "lowercase letters, digits, hyphens and underscores, starting with a letter",
            "training",
        )
        if sid is not None:
            if sid in self.section_lines:
                self.report(
                    _Ctx(block),
                    "id",
                    f"Section id {sid!r} is used twice"
                    f"{_lines(self.section_lines[sid], block.at('id'))}. "
                    "Each section needs its own id.",
                )
            else:
                self.section_lines[sid] = block.at("id")
        title = self.get_str(ctx, s, "title", "Every section needs a title.")
        intro = self.get_str(ctx, s, "intro") or ""

        raw_questions = s.get("questions")
        if raw_questions is None or raw_questions == []:
            if report_empty:
                self.problems.append(
                    Problem(
                        self.source,
                        f"{name} has no questions. Add at least one [[sections.questions]] "
                        "table after its [[sections]] line, or remove the section.",
                        block.line,
                    )
                )
            return None
        if isinstance(raw_questions, dict):
            self.report(
                ctx,
                "questions",
                "Questions must be written [[sections.questions]], with double square "
                "brackets, once for each question.",
            )
            return None
        if not isinstance(raw_questions, list) or not all(
            isinstance(q, dict) for q in raw_questions
        ):
            self.report(
                ctx, "questions", "`questions` must be a list of [[sections.questions]] tables."
            )
            return None

        aligned = len(q_blocks) == len(raw_questions)
        questions = []
        for j, q in enumerate(raw_questions):
            q_block = q_blocks[j] if aligned else self._fallback_block(q)
            question = self.check_question(j, q, q_block, name, sid or "")
            self.index += 1
            if question is not None:
                questions.append(question)
        if sid is None or title is None:
            return None
        return Section(sid, title, intro, tuple(questions))

    def _fallback_block(self, q: dict[str, Any]) -> _Block:
        """Find a question's line from its ``id = "..."`` line, by order of appearance."""
        qid = q.get("id")
        if not isinstance(qid, str):
            return _Block()
        k = self._fallback_seen.get(qid, 0)
        self._fallback_seen[qid] = k + 1
        lines = _id_lines(self.text, qid)
        return _Block(lines[k], {"id": lines[k]}) if k < len(lines) else _Block()

    def check_question(
        self, j: int, q: dict[str, Any], block: _Block, section_name: str, sid: str
    ) -> Question | None:
        raw_id = q.get("id")
        if isinstance(raw_id, str) and raw_id:
            ctx = _Ctx(block, raw_id)
        else:
            ctx = _Ctx(block, None, f"Question {j + 1} in s{section_name[1:]}: ")
        before = len(self.problems)
        self.unknown_keys(ctx, q, _QUESTION_KEYS, "in a question")
        qid = self.get_id(
            ctx,
            q,
            _ITEM_ID_RE,
            "lowercase letters, digits, hyphens and underscores, starting with a letter",
            "q1",
        )
        if qid is not None:
            if qid in self.question_lines:
                self.report(
                    ctx,
                    "id",
                    f"Question id {qid!r} is used twice"
                    f"{_lines(self.question_lines[qid], block.at('id'))}. "
                    "Each question needs its own id.",
                )
                qid = None
            else:
                self.question_lines[qid] = block.at("id")
        text = self.get_str(ctx, q, "text", "Every question needs its wording in `text`.")
        qtype = self.get_one_of(ctx, q, "type", QUESTION_TYPES, "question type")
        hint = self.get_str(ctx, q, "hint") or ""
        required = self.get_bool(ctx, q, "required")
        themes = self.check_themes(ctx, q)
        options = self.check_options(ctx, q, qtype)
        scale = self.check_scale(ctx, q, qtype)
        show_if = self.check_show_if(ctx, q)

        # Report this question's problems in file order, whatever order they were checked in.
        mine = self.problems[before:]
        mine.sort(key=lambda p: (p.line is None, p.line or 0))
        self.problems[before:] = mine
        if qid is None or text is None or qtype is None:
            return None
        question = Question(
            id=qid,
            text=text,
            type=qtype,
            section=sid,
            hint=hint,
            options=options,
            required=required,
            themes=themes,
            show_if=show_if,
            scale_min=scale[0],
            scale_max=scale[1],
            scale_labels=scale[2],
            line=block.line,
        )
        self.built[qid] = question
        return question if len(self.problems) == before else None

    def check_themes(self, ctx: _Ctx, q: Mapping[str, Any]) -> tuple[str, ...]:
        raw = q.get("themes", [])
        if not isinstance(raw, list):
            example = f"[{_show(raw)}]" if isinstance(raw, str) else '["diversity"]'
            self.report(
                ctx,
                "themes",
                f"`themes` must be a list in square brackets, for example themes = {example}, "
                f"not {_show(raw)}.",
            )
            return ()
        themes: list[str] = []
        for item in raw:
            if not isinstance(item, str):
                self.report(ctx, "themes", f"Each theme must be text in quotes, not {_show(item)}.")
            elif item not in THEME_IDS:
                close = close_theme_ids(item)
                hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
                self.report(
                    ctx,
                    "themes",
                    f"Unknown theme {item!r}.{hint} Known themes: "
                    f"{_or_list(sorted(THEME_IDS, key=_THEME_ORDER.index))}.",
                )
            elif item not in themes:
                themes.append(item)
        return tuple(themes)

    def check_options(
        self, ctx: _Ctx, q: Mapping[str, Any], qtype: str | None
    ) -> tuple[Option, ...]:
        if qtype == "yes_no":
            if "options" in q:
                self.report(
                    ctx,
                    "options",
                    "`options` is only for choice and multi_choice questions; a yes_no "
                    "question always offers Yes and No. Remove `options`, or change `type`.",
                )
            return YES_NO_OPTIONS
        if qtype not in CHOICE_TYPES:
            if qtype is not None and "options" in q:
                self.report(
                    ctx,
                    "options",
                    f"`options` is only for choice and multi_choice questions, not for a {qtype} "
                    "question. Remove `options`, or change `type`.",
                )
            return ()
        raw = q.get("options", [])
        if not isinstance(raw, list):
            self.report(
                ctx,
                "options",
                f'`options` must be a list in square brackets, for example options = ["Yes", '
                f'"No", "Don\'t know"], not {_show(raw)}.',
            )
            return ()
        options: list[Option] = []
        for n, item in enumerate(raw, start=1):
            option = self.check_option(ctx, n, item)
            if option is None:
                continue
            if any(o.value == option.value for o in options):
                self.report(
                    ctx,
                    "options",
                    f"Option {_show(option.value)} is listed twice. "
                    "Each option needs its own value.",
                )
                continue
            options.append(option)
        if len(raw) < 2:
            self.report(
                ctx,
                "options",
                f"A {qtype} question needs at least 2 options in `options`, for example "
                'options = ["Yes, fully", "Partly", "No"].',
            )
        return tuple(options)

    def check_option(self, ctx: _Ctx, n: int, item: Any) -> Option | None:
        if isinstance(item, str):
            if not item.strip():
                self.report(ctx, "options", f"Option {n} is empty.")
                return None
            return Option(item, item)
        if isinstance(item, dict):
            bad = [k for k in item if k not in _OPTION_KEYS]
            for key in bad:
                self.report(
                    ctx,
                    "options",
                    f"Unknown setting `{key}` in option {n}."
                    f"{_did_you_mean(key, _OPTION_KEYS, 'key')} "
                    "An option can have: value, label.",
                )
            if bad:
                return None  # a misspelt `value` or `label` is the problem to report
            value, label = item.get("value"), item.get("label")
            ok = True
            for key, got in (("value", value), ("label", label)):
                if not isinstance(got, str) or not got.strip():
                    shown = "missing" if got is None else f"not {_show(got)}"
                    self.report(
                        ctx,
                        "options",
                        f"Option {n} needs `{key}` as text in quotes ({shown}).",
                    )
                    ok = False
            if ok and isinstance(value, str) and isinstance(label, str):
                return Option(value, label)
            return None
        self.report(
            ctx,
            "options",
            f"Option {n} must be text in quotes or a table like "
            f'{{ value = "yes", label = "Yes" }}, '
            f"not {_show(item)}.",
        )
        return None

    def check_scale(
        self, ctx: _Ctx, q: Mapping[str, Any], qtype: str | None
    ) -> tuple[int, int, tuple[str, str] | None]:
        if qtype != "scale":
            if qtype is not None:
                for key in _SCALE_KEYS:
                    if key in q:
                        self.report(
                            ctx,
                            key,
                            f"`{key}` is only for scale questions, not for a {qtype} question.",
                        )
            return 1, 5, None
        low = self.get_int(ctx, q, "min", 1)
        high = self.get_int(ctx, q, "max", 5)
        if low is not None and high is not None:
            if low >= high:
                key = "min" if "min" in q else "max"
                self.report(ctx, key, f"`min` ({low}) must be smaller than `max` ({high}).")
            elif high - low + 1 > MAX_SCALE_POINTS:
                self.report(
                    ctx,
                    "max",
                    f"A scale can have at most {MAX_SCALE_POINTS} points; {low} to {high} has "
                    f"{high - low + 1}.",
                )
        labels: tuple[str, str] | None = None
        if "labels" in q:
            raw = q["labels"]
            if (
                isinstance(raw, list)
                and len(raw) == 2
                and all(isinstance(x, str) and x.strip() for x in raw)
            ):
                labels = (raw[0], raw[1])
            else:
                self.report(
                    ctx,
                    "labels",
                    "`labels` must be two texts, the low end first, for example "
                    'labels = ["Poor", "Excellent"].',
                )
        return (low if low is not None else 1), (high if high is not None else 5), labels

    def check_show_if(self, ctx: _Ctx, q: Mapping[str, Any]) -> ShowIf | None:
        if "show_if" not in q:
            return None
        raw = q["show_if"]
        if not isinstance(raw, dict):
            self.report(
                ctx,
                "show_if",
                'show_if must be written like show_if = { question = "q3", equals = "yes" }, '
                f"not {_show(raw)}.",
            )
            return None
        ok = True
        unknown = False
        for key in raw:
            if key not in _SHOW_IF_KEYS:
                unknown = True
                self.report(
                    ctx,
                    "show_if",
                    f"Unknown setting `{key}` in show_if."
                    f"{_did_you_mean(key, _SHOW_IF_KEYS, 'key')} "
                    "show_if can have: question, equals, in.",
                )
                ok = False

        ref = raw.get("question")
        if ref is None:
            self.report(ctx, "show_if", "show_if needs `question`: the id of an earlier question.")
            ok = False
        elif not isinstance(ref, str):
            self.report(
                ctx, "show_if", f"show_if `question` must be text in quotes, not {_show(ref)}."
            )
            ok = False

        values: list[str] = []
        equals = raw.get("equals")
        if equals is not None:
            if isinstance(equals, str):
                values.append(equals)
            else:
                hint = (
                    f' Write equals = "{"yes" if equals else "no"}".'
                    if isinstance(equals, bool)
                    else ""
                )
                self.report(
                    ctx,
                    "show_if",
                    f"show_if `equals` must be text in quotes, not {_show(equals)}.{hint}",
                )
                ok = False
        any_of = raw.get("in")
        if any_of is not None:
            if isinstance(any_of, list) and any_of and all(isinstance(v, str) for v in any_of):
                values.extend(any_of)
            else:
                self.report(
                    ctx,
                    "show_if",
                    'show_if `in` must be a list of texts, for example in = ["a", "b"].',
                )
                ok = False
        if equals is not None and any_of is not None:
            self.report(ctx, "show_if", "show_if can use `equals` or `in`, not both.")
            ok = False
        elif equals is None and any_of is None and not unknown:
            # (after an unknown key such as `equal`, that typo is the problem to report)
            self.report(
                ctx,
                "show_if",
                'show_if needs `equals = "..."` or `in = [...]`: the answer (or answers) that '
                "make this question appear.",
            )
            ok = False

        if isinstance(ref, str):
            ok = self.check_reference(ctx, ref, values) and ok
        if not ok or not isinstance(ref, str):
            return None
        if isinstance(equals, str):
            return ShowIf(ref, equals=equals)
        return ShowIf(ref, any_of=tuple(values))

    def check_reference(self, ctx: _Ctx, ref: str, values: list[str]) -> bool:
        own = ctx.question
        if own is not None and ref == own:
            self.report(
                ctx,
                "show_if",
                "show_if refers to this question itself. A question can only depend on an "
                "earlier one.",
            )
            return False
        if ref not in self.positions:
            self.report(
                ctx,
                "show_if",
                f"show_if refers to {ref!r}, which is not a question in this file."
                f"{_did_you_mean(ref, self.positions, 'id')}",
            )
            return False
        if self.positions[ref] > self.index:
            self.report(
                ctx,
                "show_if",
                f"show_if refers to {ref!r}, which comes later. A question can only depend on "
                "an earlier one.",
            )
            return False
        target = self.built.get(ref)
        if target is None:
            return True  # the earlier question has its own problems, already reported
        ok = True
        if target.options:
            allowed = [o.value for o in target.options]
            for value in values:
                if value in allowed:
                    continue
                fix = ""
                for o in target.options:
                    if value.casefold() in (o.value.casefold(), o.label.casefold()):
                        fix = f" Did you mean {_show(o.value)}?"
                        break
                self.report(
                    ctx,
                    "show_if",
                    f"show_if value {_show(value)} is not one of the answers to {ref!r}.{fix} "
                    f"Use one of: {_or_list(_show(v) for v in allowed)}.",
                )
                ok = False
        elif target.type == "scale":
            for value in values:
                if not (
                    _INT_RE.match(value) and target.scale_min <= int(value) <= target.scale_max
                ):
                    self.report(
                        ctx,
                        "show_if",
                        f"show_if value {_show(value)} can never match: {ref!r} is a scale from "
                        f"{target.scale_min} to {target.scale_max}.",
                    )
                    ok = False
        return ok


def _lines(first: int | None, second: int | None) -> str:
    if first is not None and second is not None:
        return f" (lines {first} and {second})"
    return ""


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------

_TOML_REASONS = {
    "Invalid value": "the value after = is not valid (text must be in double quotes, "
    "true and false in lower case)",
    "Cannot overwrite a value": "a setting is given twice in the same table",
    "Expected '=' after a key in a key/value pair": "expected an = sign after the setting's name",
    "Unterminated string": "a text is missing its closing quote",
}


def _toml_problem(exc: tomllib.TOMLDecodeError, text: str, source: str) -> Problem:
    message = str(exc)
    line: int | None = None
    place = ""
    m = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if m:
        line = int(m.group(1))
        place = f" (line {m.group(1)}, column {m.group(2)})"
        message = message[: m.start()]
    elif message.endswith("(at end of document)"):
        message = message[: -len("(at end of document)")].rstrip()
        line = max(1, len(text.splitlines()))
        place = " (at the end of the file)"
    reason = _TOML_REASONS.get(message, message[:1].lower() + message[1:])
    return Problem(
        source,
        f"This is not a valid TOML file{place}: {reason}. Check this line and the one before "
        "for a missing quote, bracket or = sign.",
        line,
    )


def parse_questionnaire(text: str, source: str = "<text>") -> Questionnaire:
    """Parse and check questionnaire text; ``QuestionnaireError`` lists every problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise QuestionnaireError([_toml_problem(exc, text, source)]) from None
    checker = _Checker(text, source)
    questionnaire = checker.check(data)
    if questionnaire is None:
        raise QuestionnaireError(checker.problems)
    return questionnaire


def load_questionnaire_file(path: str | os.PathLike[str]) -> Questionnaire:
    """Read and check a questionnaire file.

    Every way the file can be unusable (missing, a folder, unreadable, too big, not UTF-8,
    not TOML) comes back as a :class:`QuestionnaireError`, so callers handle one exception.
    Windows line endings are normalised so the same questionnaire has the same ``sha256``
    whichever laptop saved it; a UTF-8 byte-order mark (Notepad adds one) is accepted.
    """
    p = Path(path)
    name = p.name or str(p)

    def fail(message: str, line: int | None = None) -> QuestionnaireError:
        return QuestionnaireError([Problem(name, message, line)])

    try:
        if p.is_dir():
            raise fail(f"{p} is a folder, not a questionnaire file.")
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise fail(
                f"The file is too big to be a questionnaire ({size:,} bytes; the limit is "
                f"{MAX_FILE_BYTES:,}). Check you chose the right file."
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise fail(f"File not found: {p}") from None
    except PermissionError:
        raise fail(f"Permission denied: cannot read {p}.") from None
    except OSError as exc:
        raise fail(f"Cannot read {p}: {exc.strerror or exc}.") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise fail(
            "The file is not saved as UTF-8 text, so some characters cannot be read. Open it "
            "in a text editor and save it again choosing the UTF-8 encoding.",
            line,
        ) from None
    return parse_questionnaire(text.replace("\r\n", "\n"), name)


@functools.cache
def _builtins() -> tuple[Questionnaire, ...]:
    found: list[Questionnaire] = []
    for entry in sorted(resources.files("questionnaires").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml") and entry.is_file():
            text = entry.read_text(encoding="utf-8")
            found.append(parse_questionnaire(text, f"builtin:{entry.name}"))
    ids = [q.id for q in found]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RuntimeError(f"Built-in questionnaires share ids: {', '.join(duplicates)}")
    return tuple(sorted(found, key=lambda q: q.id))


def builtin_questionnaires() -> list[Questionnaire]:
    """The question banks shipped with the program, sorted by id (parsed once, then cached)."""
    return list(_builtins())


def get_builtin(qid: str) -> Questionnaire:
    for q in _builtins():
        if q.id == qid:
            return q
    known = ", ".join(q.id for q in _builtins())
    raise UnknownIdError(f"No built-in questionnaire {qid!r}. Built-in ones: {known}.")


# ---------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------


def _labels(q: Question) -> str:
    return ", ".join(o.label for o in q.choices)


def _message(q: Question) -> str:
    """The plain-English instruction for a well-formed answer to ``q``."""
    if q.type == "yes_no" or q.type == "choice":
        return f"Choose one of: {_labels(q)}"
    if q.type == "multi_choice":
        return f"Choose one or more of: {_labels(q)}"
    if q.type == "scale":
        return f"Enter a whole number between {q.scale_min} and {q.scale_max}"
    if q.type == "date":
        return "Enter a date as YYYY-MM-DD"
    if q.type == "number":
        return "Enter a number, for example 12 or 3.5"
    raise ValueError(f"unknown question type {q.type!r}")


def _option_value(q: Question, given: str) -> str | None:
    """The option value for a value or a label (case-insensitive), if any."""
    for o in q.choices:
        if given == o.value:
            return o.value
    folded = given.strip().casefold()
    for o in q.choices:
        if folded in (o.value.casefold(), o.label.casefold()):
            return o.value
    return None


def validate_answer(q: Question, text: str) -> str | None:
    """``None`` if ``text`` is a valid stored answer to ``q``, else what to enter instead.

    The empty string means "not answered" and is always valid: whether a required question
    was answered is a separate check, made when an interview is finished.
    """
    if text == "" or q.type == "text":
        return None
    ok: bool
    if q.type in ("yes_no", "choice"):
        ok = any(text == o.value for o in q.choices)
    elif q.type == "multi_choice":
        ok = _valid_multi(q, text)
    elif q.type == "scale":
        ok = bool(_INT_RE.match(text)) and q.scale_min <= int(text) <= q.scale_max
    elif q.type == "date":
        ok = _parse_date(text) is not None
    elif q.type == "number":
        ok = bool(_NUMBER_RE.match(text))
    else:
        raise ValueError(f"unknown question type {q.type!r}")
    return None if ok else _message(q)


def _valid_multi(q: Question, text: str) -> bool:
    try:
        chosen = json.loads(text)
    except ValueError:
        return False
    values = {o.value for o in q.choices}
    return (
        isinstance(chosen, list)
        and bool(chosen)
        and all(isinstance(c, str) and c in values for c in chosen)
        and len(set(chosen)) == len(chosen)
    )


def _parse_date(text: str) -> dt.date | None:
    # date.fromisoformat also accepts "20240301" and week dates; the stored form is strict.
    if not _DATE_RE.match(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def encode_answer(q: Question, value: Any) -> str:
    """The stored string form of an answer (``""`` for ``None``: not answered).

    text → as given; yes_no → "yes"/"no" (from a bool or the words); choice → the option
    value (an option's label is accepted too); multi_choice → a JSON list of option values
    in option order (nothing ticked → ""); scale → the integer; date → YYYY-MM-DD; number →
    a plain decimal such as "12" or "3.5" (thousands commas are dropped). ``ValueError`` with a
    plain-English message if the value does not fit the question.
    """
    if value is None:
        return ""
    if q.type == "text":
        return value if isinstance(value, str) else str(value)
    if isinstance(value, str) and q.type != "multi_choice":
        value = value.strip()
        if value == "":
            return ""
    encoded: str | None = None
    if q.type == "yes_no":
        if isinstance(value, bool):
            encoded = "yes" if value else "no"
        elif isinstance(value, str):
            encoded = _option_value(q, value)
    elif q.type == "choice":
        if isinstance(value, str):
            encoded = _option_value(q, value)
    elif q.type == "multi_choice":
        encoded = _encode_multi(q, value)
    elif q.type == "scale":
        encoded = _encode_scale(q, value)
    elif q.type == "date":
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            encoded = value.isoformat()
        elif isinstance(value, str) and _parse_date(value) is not None:
            encoded = value
    elif q.type == "number":
        encoded = _encode_number(value)
    else:
        raise ValueError(f"unknown question type {q.type!r}")
    if encoded is None:
        raise ValueError(_message(q))
    return encoded


def _encode_multi(q: Question, value: Any) -> str | None:
    if isinstance(value, str):
        if value.strip() == "":
            return ""
        if value.startswith("["):
            try:
                value = json.loads(value)
            except ValueError:
                return None
        else:
            value = [value]
    if not isinstance(value, Iterable):
        return None
    chosen: set[str] = set()
    for item in value:
        picked = _option_value(q, item) if isinstance(item, str) else None
        if picked is None:
            return None
        chosen.add(picked)
    if not chosen:
        return ""
    return json.dumps([o.value for o in q.choices if o.value in chosen], ensure_ascii=False)


def _encode_scale(q: Question, value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and _INT_RE.match(value):
        value = int(value)
    if isinstance(value, int) and q.scale_min <= value <= q.scale_max:
        return str(value)
    return None


def _encode_number(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, str):
        if _THOUSANDS_RE.match(value):
            value = value.replace(",", "")
        return value if _NUMBER_RE.match(value) else None
    if isinstance(value, Decimal):
        if not value.is_finite():
            return None
        text = format(value, "f")
        return text if _NUMBER_RE.match(text) else None
    return None


def decode_answer(q: Question, text: str) -> Any:
    """The Python value of a stored answer (``None`` if unanswered).

    text → str; yes_no → bool; choice → option value; multi_choice → list of option values;
    scale → int; date → ``datetime.date``; number → ``Decimal`` (exact, unlike float).
    ``ValueError`` if the stored text is not a valid answer.
    """
    if text == "":
        return None
    problem = validate_answer(q, text)
    if problem is not None:
        raise ValueError(f"{problem} (got {text!r})")
    if q.type in ("text", "choice"):
        return text
    if q.type == "yes_no":
        return text == "yes"
    if q.type == "multi_choice":
        return list(json.loads(text))
    if q.type == "scale":
        return int(text)
    if q.type == "date":
        return dt.date.fromisoformat(text)
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - validate_answer has checked the form
        raise ValueError(_message(q)) from None
