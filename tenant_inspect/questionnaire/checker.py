"""The questionnaire checker: turns parsed data into a :class:`~.model.Questionnaire`.

Questionnaires are written by coordinators, not programmers, so the checker's main job is to
explain mistakes well: it collects *every* problem in one pass and says where each one is
(line and question) and what to write instead. The messages are listed for coordinators in
docs/questionnaire-format.md.

It takes the parsed dict plus a :class:`~.locations.Locations`, never file text, so any
reader (TOML today, XLSForm later) builds the same model and gets the same messages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .field_reader import Ctx, show
from .locations import Block, Locations
from .model import (
    KINDS,
    QUESTION_TYPES,
    Problem,
    Question,
    Questionnaire,
    QuestionnaireError,
    Section,
)
from .question_fields import QuestionFieldChecks
from .untrusted import TOO_DEEP, TooDeep, clean_data

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


_QUESTIONNAIRE_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ITEM_ID_RE = re.compile(r"^[a-z][a-z0-9_-]*$")
_ITEM_ID_RULE = "lowercase letters, digits, hyphens and underscores, starting with a letter"


def check_questionnaire(
    data: Mapping[str, Any],
    source: str,
    source_text: str,
    locations: Locations | None = None,
) -> Questionnaire:
    """Check parsed questionnaire data; ``QuestionnaireError`` lists every problem.

    ``source`` names the file in messages, ``source_text`` is kept on the result (kits store
    it), and ``locations`` gives the lines problems are reported at. Texts lose any control
    characters first (see :mod:`.untrusted`), whichever reader made ``data``.
    """
    locations = locations or Locations()
    try:
        data = clean_data(data)  # control characters out of every text; nesting capped
    except TooDeep as exc:
        raise QuestionnaireError(
            [Problem(source, TOO_DEEP, locations.top.at(exc.key), unit=locations.top.unit)]
        ) from None
    checker = _Checker(source, source_text, locations)
    questionnaire = checker.check(data)
    if questionnaire is None:
        raise QuestionnaireError(checker.problems)
    return questionnaire


class _Checker(QuestionFieldChecks):
    """One walk over the sections and questions, in order."""

    def __init__(self, source: str, source_text: str, locations: Locations) -> None:
        super().__init__(source)
        self.text = source_text
        self.map = locations
        self.question_lines: dict[str, int | None] = {}  # first `id` line of each question
        self.section_lines: dict[str, int | None] = {}
        self._fallback_seen: dict[str, int] = {}

    def first_use(
        self, ctx: Ctx, what: str, ident: str, seen: dict[str, int | None], block: Block
    ) -> bool:
        """Record the line of a section or question id; report it if it is used twice."""
        if ident not in seen:
            seen[ident] = block.at("id")
            return True
        self.report(
            ctx,
            "id",
            f"{what} id {ident!r} is used twice"
            f"{_lines(seen[ident], block.at('id'), block.unit)}. "
            f"Each {what.lower()} needs its own id.",
        )
        return False

    def check(self, data: Mapping[str, Any]) -> Questionnaire | None:
        top = Ctx(self.map.top)
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

    def check_sections(self, top: Ctx, data: Mapping[str, Any]) -> list[Section]:
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
                "`sections` must be a list of [[sections]] tables, not " + show(raw) + ".",
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
            block = self.map.sections[i] if aligned else Block()
            q_blocks = self.map.questions[i] if aligned else []
            section = self.check_section(i, s, block, q_blocks, report_empty=count > 0 or misshapen)
            if section is not None:
                sections.append(section)
        return sections

    def check_section(
        self,
        i: int,
        s: dict[str, Any],
        block: Block,
        q_blocks: list[Block],
        report_empty: bool,
    ) -> Section | None:
        raw_id = s.get("id")
        name = f"Section {raw_id!r}" if isinstance(raw_id, str) and raw_id else f"Section {i + 1}"
        ctx = Ctx(block, None, f"{name}: ")
        self.unknown_keys(ctx, s, _SECTION_KEYS, "in a section")
        sid = self.get_id(ctx, s, _ITEM_ID_RE, _ITEM_ID_RULE, "training")
        if sid is not None:
            self.first_use(Ctx(block), "Section", sid, self.section_lines, block)
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
                        unit=block.unit,
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

    def _fallback_block(self, q: dict[str, Any]) -> Block:
        """Where a question is when its table could not be matched (by id, in order)."""
        qid = q.get("id")
        if not isinstance(qid, str):
            return Block()
        k = self._fallback_seen.get(qid, 0)
        self._fallback_seen[qid] = k + 1
        return self.map.find_question(qid, k)

    def check_question(
        self, j: int, q: dict[str, Any], block: Block, section_name: str, sid: str
    ) -> Question | None:
        raw_id = q.get("id")
        if isinstance(raw_id, str) and raw_id:
            ctx = Ctx(block, raw_id)
        else:
            ctx = Ctx(block, None, f"Question {j + 1} in s{section_name[1:]}: ")
        before = len(self.problems)
        self.unknown_keys(ctx, q, _QUESTION_KEYS, "in a question")
        qid = self.get_id(ctx, q, _ITEM_ID_RE, _ITEM_ID_RULE, "q1")
        if qid is not None and not self.first_use(ctx, "Question", qid, self.question_lines, block):
            qid = None
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


def _lines(first: int | None, second: int | None, unit: str = "line") -> str:
    """ " (lines 3 and 9)", or " (survey sheet, rows 3 and 9)" in a spreadsheet."""
    if first is not None and second is not None:
        return f" ({unit}s {first} and {second})"
    return ""
