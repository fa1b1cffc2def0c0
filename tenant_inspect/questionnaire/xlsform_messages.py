"""The checker's messages in an XLSForm's words.

The shared checker (:mod:`.checker`) speaks of the TOML file's settings (`text`, `options`,
`show_if`, ``options = [...]``). Read from an XLSForm, the same problem is in a label
column, a choices list or a ``relevant`` cell, so the few messages such a form can reach
are reworded here; the place (sheet, row, question) is kept as the checker gave it.
"""

from __future__ import annotations

import dataclasses
import re

from .model import Problem

_REWORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^`text` is (?:empty|missing)\. .*$"),
        "The question has no label. Write its wording in the label column.",
    ),
    (
        re.compile(r"^`id` is (?:empty|missing)\. .*$"),
        "The row has no name. Give it a short name in the name column.",
    ),
    (
        re.compile(r"^A (choice|multi_choice) question needs at least 2 options .*$"),
        "A select question needs a list with at least 2 choices on the choices sheet.",
    ),
    (
        re.compile(r"^`labels` must be two texts.*$"),
        "A range needs both tenant_inspect::scale_low_label and "
        "tenant_inspect::scale_high_label, or neither.",
    ),
)


def in_xlsform_words(problem: Problem) -> Problem:
    """``problem`` reworded for a spreadsheet where the checker's words are TOML's."""
    message = problem.message
    for pattern, words in _REWORDS:
        if pattern.match(message):
            message = words
            break
    if message.startswith("show_if "):
        message = "The condition (relevant) " + message.removeprefix("show_if ")
    return dataclasses.replace(problem, message=message)
