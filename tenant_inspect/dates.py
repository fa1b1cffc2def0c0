"""Dates as people type them: ISO or day first, as in the UK."""

from __future__ import annotations

from datetime import date, datetime


def parse_day(text: str) -> date:
    """A date as people write it here: 2025-03-14 or 14/03/2025 (day first, as in the UK).

    Raises ValueError with the text when it is not a date, for the caller to word.
    """
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)
