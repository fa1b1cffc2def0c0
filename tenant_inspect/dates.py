"""Dates as people type them: ISO, or day first as in the UK, with the month in figures or words.

One parser for every typed date (set-up, documents, interviews, date questions, target
dates), so a form never accepts ``14/06/2021`` while the next one refuses it. Dates are
stored as ISO; :func:`show_day` is how a date is shown back to a person.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

#: How to write a date, in words, for error messages and hints.
DATE_FORMS = "Write the date like 14/06/2021 or 14 June 2021"

#: Longest date worth typing ("30 September 2021" and a little room); inputs use it as max_length.
DATE_MAX_LEN = 20

#: A short example for a placeholder.
DATE_PLACEHOLDER = "e.g. 14/06/2021"

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_FIGURES = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_WORDS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s*[ ,.-]?\s*([a-z]+)\.?\s*[ ,.-]?\s*(\d{4})")


def _month(word: str) -> int | None:
    """The month a name or its first three letters (``Jun``, ``Sept``) stands for."""
    if len(word) < 3:
        return None
    for number, name in enumerate(_MONTHS, start=1):
        if name.startswith(word):
            return number
    return None


def parse_day(text: str) -> date:
    """A date as people write it here: 2021-06-14, 14/06/2021, 14 June 2021 or 14 Jun 2021.

    Day first, as in the UK (14/06/2021 is the 14th of June). Years have four figures, so
    a two-figure year is never guessed. Raises ValueError with the text when it is not a
    date, for the caller to word (see :data:`DATE_FORMS`).
    """
    folded = " ".join(text.strip().casefold().split())
    day = month = year = 0
    if m := _ISO.fullmatch(folded):
        year, month, day = (int(g) for g in m.groups())
    elif m := _FIGURES.fullmatch(folded):
        day, month, year = (int(g) for g in m.groups())
    elif (m := _WORDS.fullmatch(folded)) and (named := _month(m.group(2))):
        day, month, year = int(m.group(1)), named, int(m.group(3))
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(text) from None


_MONTH_FIGURES = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{4})")
_MONTH_ISO = re.compile(r"(\d{4})-(\d{1,2})")
_MONTH_WORDS = re.compile(r"([a-z]+)\.?\s*[ ,.-]?\s*(\d{4})")


def parse_month(text: str) -> tuple[int, int]:
    """(year, month) of a month as people write it: March 2027, Mar 2027, 03/2027, 2027-03.

    Raises ValueError with the text when it is not a month (a plan's "by when" is often a
    month rather than a day; :func:`last_day` gives the day it means).
    """
    folded = " ".join(text.strip().casefold().split())
    year = month = 0
    if m := _MONTH_ISO.fullmatch(folded):
        year, month = int(m.group(1)), int(m.group(2))
    elif m := _MONTH_FIGURES.fullmatch(folded):
        month, year = int(m.group(1)), int(m.group(2))
    elif (m := _MONTH_WORDS.fullmatch(folded)) and (named := _month(m.group(1))):
        month, year = named, int(m.group(2))
    if not (1 <= month <= 12 and 1 <= year <= 9999):
        raise ValueError(text)
    return year, month


def last_day(year: int, month: int) -> date:
    """The last day of a month (31 March, 28 or 29 February ...)."""
    if month == 12:
        return date(year, 12, 31)
    return date.fromordinal(date(year, month + 1, 1).toordinal() - 1)


def show_month(year: int, month: int) -> str:
    """A month in words: ``March 2027``."""
    return f"{_MONTHS[month - 1].capitalize()} {year}"


def show_day(day: date) -> str:
    """A date as shown to a person: ``14 June 2021`` (no leading zero, month in words)."""
    return f"{day.day} {_MONTHS[day.month - 1].capitalize()} {day.year}"


def show_day_short(day: date) -> str:
    """A date in a narrow list column: ``14 Jun 2021`` (at most 11 characters)."""
    return f"{day.day} {_MONTHS[day.month - 1][:3].capitalize()} {day.year}"


def within(day: date, start: date | None, end: date | None) -> bool:
    """Whether ``day`` falls in the span from ``start`` to ``end`` (a missing end is open)."""
    return (start is None or start <= day) and (end is None or day <= end)


def span_words(start: date | None, end: date | None) -> str:
    """A span of days in words: "3 March 2025 to 14 March 2025", "from ...", "until ..."; or ""."""
    if start and end:
        return f"{show_day(start)} to {show_day(end)}"
    if start:
        return f"from {show_day(start)}"
    if end:
        return f"until {show_day(end)}"
    return ""


#: How stored moments are written (``UTCDateTime`` columns, bundle timestamps): fixed-width
#: UTC text, so they sort as text and dump identically.
STORED_TIME = "%Y-%m-%dT%H:%M:%S.%fZ"
_STORED_SHAPE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", re.ASCII)


def parse_stored_time(text: str) -> datetime:
    """A stored moment read back, aware (UTC).

    Text of exactly the shape we write goes through ``fromisoformat`` (C, about 30 times
    cheaper than ``strptime``, which was the biggest single cost of loading a large
    inspection); anything else through ``strptime``, which accepts and refuses as before.
    """
    if _STORED_SHAPE.fullmatch(text):
        return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)
    return datetime.strptime(text, STORED_TIME).replace(tzinfo=UTC)
