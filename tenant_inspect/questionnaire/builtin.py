"""The question banks shipped with the program (the ``questionnaires`` data package).

Parsed once and cached: screens ask for them often and they never change while running.
"""

from __future__ import annotations

import functools
from importlib import resources

from ..themes import UnknownIdError
from .model import Questionnaire
from .toml_reader import parse_questionnaire


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
