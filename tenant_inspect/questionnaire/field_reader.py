"""Reading single settings out of parsed questionnaire tables, reporting what is wrong.

The checker's building blocks: each ``get_*`` returns the value when it is usable and
otherwise records a :class:`~.model.Problem` that says where it is and what to write instead,
so a whole file is checked in one pass. They work on plain dicts, whichever reader made them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .locations import Block
from .model import Problem

_MAX_ID_LEN = 64


def show(value: Any) -> str:
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


def or_list(items: Iterable[str]) -> str:
    return ", ".join(items)


def did_you_mean(word: str, choices: Iterable[str], style: str) -> str:
    """A " Did you mean ...?" hint for a likely typo.

    ``style`` matches how the message shows the word: "key" as `key`, "id" as 'id' (like
    "question 'q7'"), "value" as "value" (as written in the file).
    """
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not close:
        return ""
    shown = {"key": f"`{close[0]}`", "id": repr(close[0])}.get(style, show(close[0]))
    return f" Did you mean {shown}?"


@dataclass
class Ctx:
    """Where the checker is: the table's lines, the question id, and a lead for messages."""

    block: Block
    question: str | None = None
    lead: str = ""


class FieldReader:
    """Collects :class:`~.model.Problem` s for ``source`` while reading settings."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def report(self, ctx: Ctx, key: str | None, message: str) -> None:
        self.problems.append(
            Problem(
                self.source, ctx.lead + message, ctx.block.at(key), ctx.question, ctx.block.unit
            )
        )

    # -- generic value checks ------------------------------------------------

    def unknown_keys(
        self, ctx: Ctx, table: Mapping[str, Any], allowed: tuple[str, ...], where: str
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
                f"Unknown setting `{key}` {where}.{did_you_mean(key, allowed, 'key')} "
                f"Allowed settings: {or_list(allowed)}.",
            )

    def get_str(
        self, ctx: Ctx, table: Mapping[str, Any], key: str, missing: str | None = None
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
            self.report(ctx, key, f"`{key}` must be text in quotes, not {show(value)}.{hint}")
            return None
        if missing is not None and not value.strip():
            self.report(ctx, key, f"`{key}` is empty. {missing}")
            return None
        return value

    def get_id(
        self, ctx: Ctx, table: Mapping[str, Any], pattern: re.Pattern[str], rule: str, example: str
    ) -> str | None:
        value = self.get_str(ctx, table, "id", f'Add a short id, for example id = "{example}".')
        if value is None:
            return None
        if len(value) > _MAX_ID_LEN or not pattern.fullmatch(value):
            self.report(
                ctx,
                "id",
                f'`id` must use only {rule} (for example "{example}"), not {show(value)}.',
            )
            return None
        return value

    def get_bool(self, ctx: Ctx, table: Mapping[str, Any], key: str) -> bool:
        value = table.get(key, False)
        if not isinstance(value, bool):
            self.report(ctx, key, f"`{key}` must be true or false, not {show(value)}.")
            return False
        return value

    def get_int(self, ctx: Ctx, table: Mapping[str, Any], key: str, default: int) -> int | None:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            self.report(ctx, key, f"`{key}` must be a whole number, not {show(value)}.")
            return None
        return value

    def get_one_of(
        self, ctx: Ctx, table: Mapping[str, Any], key: str, allowed: tuple[str, ...], what: str
    ) -> str | None:
        value = self.get_str(ctx, table, key, f"Use one of: {or_list(allowed)}.")
        if value is None:
            return None
        if value not in allowed:
            self.report(
                ctx,
                key,
                f"Unknown {what} {show(value)}.{did_you_mean(value, allowed, 'value')} "
                f"Allowed {what}s: {or_list(allowed)}.",
            )
            return None
        return value
