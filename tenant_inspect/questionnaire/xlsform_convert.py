"""The walk over an XLSForm's survey rows that builds questionnaire data.

:class:`SurveyWalk` turns the rows pyxform read (:mod:`.xlsform_sheets`) into the same plain
dict a TOML file parses to, plus the :class:`~.locations.Locations` of every section and
question (spreadsheet rows), plus a :class:`Note` for everything it could not represent.
What maps to what is listed for coordinators in docs/questionnaire-format.md (*XLSForm*).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .locations import Block
from .model import Problem
from .xlsform_relevant import parse_relevant
from .xlsform_sheets import PREFIX, SCALE_HIGH, SCALE_LOW, THEMES, VALUE, row_number, sheet_problem

SURVEY_UNIT = "survey sheet, row"
_MEDIA_COLUMNS = ("image", "big-image", "audio", "video", "media")
_TEXT_LIKE = ("time", "dateTime", "geopoint", "geotrace", "geoshape", "barcode")
_HANDLED = ("type", "name", "label", "hint", "required", "relevant", "parameters")


@dataclass(frozen=True)
class Note:
    """Something in the form the questionnaire cannot represent, and what was done."""

    sheet: str
    row: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.sheet} sheet, row {self.row}" if self.row else f"{self.sheet} sheet"
        return f"{where}: {self.message}"


def item_id(name: str) -> str:
    """An XLSForm name as a question or section id (lower case; other characters → _)."""
    text = re.sub(r"[^a-z0-9_-]+", "_", name.strip().lower()).strip("_")
    if text and not text[0].isalpha():
        text = "q_" + text
    return text


class SurveyWalk:
    """One pass over the survey rows, in order; results in ``sections``, ``blocks``, ``notes``."""

    def __init__(
        self,
        source: str,
        language: str | None,
        lists: dict[str, list[tuple[str, str, str]]],
    ) -> None:
        self.source = source
        self.language = language
        self.lists = lists  # list name -> [(name, value, label)]
        self.sections: list[dict[str, Any]] = []
        self.section_blocks: list[Block] = []
        self.question_blocks: list[list[Block]] = []
        self.notes: list[Note] = []
        self.problems: list[Problem] = []
        self.ids: dict[str, str] = {}  # XLSForm name -> question id
        self.value_maps: dict[str, dict[str, str]] = {}  # question id -> choice name -> value
        self.dropped: set[str] = set()
        self.groups: list[tuple[str, dict[str, Any] | None]] = []  # (name, show_if) per level
        self.current: dict[str, Any] | None = None
        self.pending_notes: list[tuple[int, str]] = []
        self.loose = 0  # sections made for questions outside any group
        self.pending_values: dict[str, str] | None = None  # choice name -> value, next question

    # -- helpers ---------------------------------------------------------------

    def note(self, row: int | None, message: str) -> None:
        self.notes.append(Note("survey", row, message))

    def text(self, row: dict[str, str], base: str) -> str:
        if self.language is not None:
            value = row.get(f"{base}::{self.language}")
            if value:
                return value
        return row.get(base, "")

    # -- the walk ----------------------------------------------------------------

    def walk(self, rows: list[dict[str, str]]) -> None:
        for index, row in enumerate(rows):
            if row:
                self.row(row_number(index), row)
        for n, label in self.pending_notes:
            self.note(n, f"The note {label!r} comes after the last question, so it was left out.")

    def row(self, n: int, row: dict[str, str]) -> None:
        raw_type = " ".join(row.get("type", "").split())
        if not raw_type:
            if row.get("name") or self.text(row, "label"):
                self.problems.append(
                    sheet_problem(self.source, "survey", n, "This row has no type.")
                )
            return
        words = raw_type.replace("_", " ").lower()
        if words in ("begin group", "begin repeat") or words.startswith("begin loop "):
            self.begin(n, row, repeat=words != "begin group")
        elif words in ("end group", "end repeat", "end loop"):
            if self.groups:
                self.groups.pop()
            if not self.groups:
                self.current = None
        elif words == "note":
            self.note_row(n, row)
        else:
            self.question_row(n, row, raw_type)

    def begin(self, n: int, row: dict[str, str], repeat: bool) -> None:
        name = row.get("name", "")
        label = self.text(row, "label")
        condition = self.condition(n, row, "group")
        if condition is None and self.groups:
            condition = self.groups[-1][1]
        if repeat:
            self.note(n, f"The repeat {name!r} was turned into questions asked once.")
        if self.groups:
            self.note(
                n,
                f"The group {name!r} sits inside another group; its questions were put in "
                f"the section of the outer group (sections cannot nest).",
            )
        else:
            self.start_section(n, item_id(name), label or name)
        self.groups.append((name, condition))

    def start_section(self, n: int, sid: str, title: str) -> None:
        self.current = {"id": sid, "title": title, "questions": []}
        self.sections.append(self.current)
        keys = {"id": n, "title": n}
        self.section_blocks.append(Block(n, keys, SURVEY_UNIT))
        self.question_blocks.append([])

    def note_row(self, n: int, row: dict[str, str]) -> None:
        label = self.text(row, "label")
        if not label:
            return
        if self.current is not None and not self.current["questions"]:
            intro = self.current.get("intro")
            self.current["intro"] = f"{intro}\n\n{label}" if intro else label
            self.section_blocks[-1].keys.setdefault("intro", n)
            return
        self.pending_notes.append((n, label))

    def condition(self, n: int, row: dict[str, str], what: str) -> dict[str, Any] | None:
        expression = row.get("relevant", "").strip()
        if not expression:
            return None
        found = parse_relevant(expression)
        if found is None:
            self.note(
                n,
                f"The condition (relevant) {expression!r} is not a simple comparison with one "
                f"earlier answer, so the {what} is always shown.",
            )
            return None
        if found.name in self.dropped:
            self.note(
                n,
                f"The condition (relevant) refers to {found.name!r}, which was not converted, "
                f"so the {what} is always shown.",
            )
            return None
        target = self.ids.get(found.name, item_id(found.name))
        names = self.value_maps.get(target, {})
        values = [names.get(v, v) for v in found.values]
        if len(values) == 1 and not found.selected:
            return {"question": target, "equals": values[0]}
        return {"question": target, "in": values}

    def question_row(self, n: int, row: dict[str, str], raw_type: str) -> None:
        from pyxform.question_type_dictionary import QUESTION_TYPE_DICT

        name = row.get("name", "")
        select = _select(raw_type)
        if select is not None:
            q = self.select_question(n, row, *select)
        else:
            spec = QUESTION_TYPE_DICT.get(raw_type) or QUESTION_TYPE_DICT.get(raw_type.lower())
            if spec is None:
                self.problems.append(
                    sheet_problem(
                        self.source,
                        "survey",
                        n,
                        f"Unknown type {raw_type!r}. XLSForm types include text, integer, "
                        "decimal, date, select_one, select_multiple, range and note.",
                    )
                )
                return
            q = self.simple_question(n, row, raw_type, spec)
        if q is None:
            self.dropped.add(name)
            return
        self.add_question(n, row, name, q)

    def select_question(
        self, n: int, row: dict[str, str], kind: str, list_name: str, or_other: bool
    ) -> dict[str, Any] | None:
        if kind == "rank":
            self.note(n, f"The rank question {row.get('name', '')!r} was left out (no ranking).")
            return None
        if kind == "file":
            self.note(
                n,
                f"The question {row.get('name', '')!r} takes its choices from a file, which "
                "cannot be brought in: it was left out.",
            )
            return None
        entries = self.lists.get(list_name, [])
        values = {name: value for name, value, _ in entries}
        if kind == "one" and not or_other and values == {"yes": "yes", "no": "no"}:
            return {"type": "yes_no"}
        options = [{"value": value, "label": label or value} for _, value, label in entries]
        if or_other:
            options.append({"value": "other", "label": "Other"})
            self.note(n, "or_other: an option 'Other' was added (its follow-up text box was not).")
        self.pending_values = values
        return {"type": "choice" if kind == "one" else "multi_choice", "options": options}

    def simple_question(
        self, n: int, row: dict[str, str], raw_type: str, spec: dict[str, Any]
    ) -> dict[str, Any] | None:
        name = row.get("name", "")
        control = spec.get("control", {}).get("tag")
        bind = spec.get("bind", {}).get("type")
        if raw_type.lower() == "range" or control == "range":
            return self.range_question(n, row)
        if raw_type.lower() == "calculate":
            self.note(n, f"The calculation {name!r} was left out (nothing is calculated).")
            return None
        if control == "upload" or bind == "binary":
            self.note(n, f"The {raw_type} question {name!r} was left out (no photos or files).")
            return None
        if control == "trigger":
            self.note(n, f"The {raw_type} question {name!r} became a yes/no question.")
            return {"type": "yes_no"}
        if control != "input" or "jr:preload" in spec.get("bind", {}):
            self.note(n, f"The {raw_type} field {name!r} was left out (it is not a question).")
            return None
        if bind in ("int", "decimal"):
            return {"type": "number"}
        if bind == "date":
            return {"type": "date"}
        if bind in _TEXT_LIKE:
            self.note(n, f"The {raw_type} question {name!r} became a text question.")
        return {"type": "text"}

    def range_question(self, n: int, row: dict[str, str]) -> dict[str, Any]:
        params = dict(p.split("=", 1) for p in row.get("parameters", "").split() if "=" in p)
        try:
            start = int(params.get("start", "1"))
            end = int(params.get("end", "10"))
            step = int(params.get("step", "1"))
        except ValueError:
            start, end, step = 0, 0, 0
        if step == 1 and start < end and end - start < 11:
            q: dict[str, Any] = {"type": "scale", "min": start, "max": end}
            labels = [row.get(k, "") for k in (SCALE_LOW, SCALE_HIGH) if row.get(k)]
            if labels:
                q["labels"] = labels
            return q
        self.note(
            n,
            f"The range {row.get('parameters', '')!r} became a number question (a scale is "
            "whole numbers in steps of 1, at most 11 points).",
        )
        return {"type": "number"}

    def add_question(self, n: int, row: dict[str, str], name: str, q: dict[str, Any]) -> None:
        qid = item_id(name)
        if qid != name:
            self.note(n, f"The name {name!r} became the id {qid!r}.")
        self.ids[name] = qid
        if self.pending_values is not None:
            self.value_maps[qid] = self.pending_values
            self.pending_values = None
        if self.current is None:
            self.loose += 1
            title = "Questions" if self.loose == 1 else f"Questions ({self.loose})"
            sid = "questions" if self.loose == 1 else f"questions-{self.loose}"
            self.note(n, f"Questions outside any group were put in a section {title!r}.")
            self.start_section(n, sid, title)
        assert self.current is not None
        out: dict[str, Any] = {"id": qid, "text": self.text(row, "label"), "type": q.pop("type")}
        hint = self.text(row, "hint")
        if self.pending_notes:
            for note_row, label in self.pending_notes:
                self.note(note_row, f"The note {label!r} was added to the hint of {qid!r}.")
            hint = "\n\n".join(
                [label for _, label in self.pending_notes] + ([hint] if hint else [])
            )
            self.pending_notes = []
        if hint:
            out["hint"] = hint
        required = row.get("required", "").strip()
        if required:
            from pyxform import aliases

            if required in aliases.yes_no:
                if aliases.yes_no[required]:
                    out["required"] = True
            else:
                self.note(n, f"required {required!r} is a condition: the question is optional.")
        themes = [t for t in re.split(r"[\s,;]+", row.get(THEMES, "")) if t]
        if themes:
            out["themes"] = themes
        out.update(q)
        show_if = self.condition(n, row, "question")
        if show_if is None and not row.get("relevant") and self.groups:
            show_if = self.groups[-1][1]
        if show_if is not None:
            out["show_if"] = show_if
        self.ignored_columns(n, row)
        self.current["questions"].append(out)
        self.question_blocks[-1].append(Block(n, dict.fromkeys(out, n), SURVEY_UNIT))

    def ignored_columns(self, n: int, row: dict[str, str]) -> None:
        ignored = []
        for column, value in row.items():
            base = column.split("::", 1)[0]
            if base in _HANDLED or column.startswith(PREFIX) or not value:
                continue
            if base == "constraint":
                self.note(n, f"The constraint {value!r} is not checked.")
            elif base in _MEDIA_COLUMNS:
                self.note(n, f"The media column {column!r} was left out (no pictures or sound).")
            elif base not in ("jr:constraintMsg",):
                ignored.append(column)
        if ignored:
            self.note(n, "Columns left out (no equivalent): " + ", ".join(ignored) + ".")


def _select(raw_type: str) -> tuple[str, str, bool] | None:
    """("one" | "multiple" | "rank" | "file", list name, or_other) of a select type."""
    from pyxform import aliases

    words = raw_type.split()
    or_other = len(words) > 2 and words[-1] == "or_other"
    if or_other:
        words = words[:-1]
    elif len(words) > 4 and [w.lower() for w in words[-3:]] == ["or", "specify", "other"]:
        or_other, words = True, words[:-3]
    for size in (5, 4, 3, 2, 1):
        head = " ".join(words[:size])
        kind = aliases.select.get(head)
        if kind is None or len(words) != size + 1:
            continue
        if head in aliases.select_from_file or "external" in head:
            return "file", words[-1], or_other
        if kind == "rank":
            return "rank", words[-1], or_other
        return ("multiple" if "multiple" in kind or "all" in kind else "one"), words[-1], or_other
    return None


def choice_lists(
    rows: list[dict[str, str]], language: str | None
) -> dict[str, list[tuple[str, str, str]]]:
    """The choices sheet as list name → [(name, stored value, label)]."""
    lists: dict[str, list[tuple[str, str, str]]] = {}
    for row in rows:
        list_name, name = row.get("list_name", ""), row.get("name", "")
        if not list_name or not name:
            continue
        label = (row.get(f"label::{language}") if language else None) or row.get("label", "")
        lists.setdefault(list_name, []).append((name, row.get(VALUE) or name, label))
    return lists
