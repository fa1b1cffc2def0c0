"""Answers as stored: checking, encoding and decoding the string form of each question type.

Answers are stored as strings: one column type for every question type keeps storage,
merging and kit files simple, and the string forms are readable in a dump. This module is
the one place that knows those forms.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from ..dates import DATE_FORMS, parse_day
from .model import Question

#: A stored whole number (scale answers; show_if values on a scale).
WHOLE_NUMBER_RE = re.compile(r"^-?\d+$")
_NUMBER_RE = re.compile(r"^-?\d+(?:\.\d+)?$")
_THOUSANDS_RE = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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
        ok = bool(WHOLE_NUMBER_RE.match(text)) and q.scale_min <= int(text) <= q.scale_max
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
    in option order (nothing ticked → ""); scale → the integer; date → YYYY-MM-DD (typed
    as people write it: 14/06/2021, 14 June 2021 ...); number →
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
        elif isinstance(value, str):
            # As typed (14/06/2021, 14 June 2021 ...), stored as YYYY-MM-DD.
            try:
                encoded = parse_day(value).isoformat()
            except ValueError:
                raise ValueError(DATE_FORMS) from None
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
    if isinstance(value, str) and WHOLE_NUMBER_RE.match(value):
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
