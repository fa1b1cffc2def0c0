"""The figures for one document, worked out from its text alone: dates, print, reading, formats.

Each figure is something a desktop review asks and an inspector could count by hand, given
time: is it dated, how small is the print, how much is italic, are there headings, how hard
is it to read, does it offer other formats. The word lists below are the checker's whole
knowledge; they are short on purpose, so a volunteer can read why a figure came out as it did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..dates import parse_day, parse_month, show_day, show_month
from .model import ReadDocument

#: Clear print guidance (RNIB, and many tenants' compacts) asks for at least 12 pt.
MIN_SIZE = 12.0

#: Words in a font's name that mark it as ornate (script, handwriting or decorative), which
#: clear print guidance says to avoid. A name containing any of them counts (case ignored).
ORNATE_FONT_WORDS = (
    "script",
    "brush",
    "comic",
    "chiller",
    "curlz",
    "gothic",
    "blackletter",
    "fraktur",
    "old english",
    "handwriting",
    "calligraph",
    "jokerman",
    "papyrus",
    "vivaldi",
    "edwardian",
    "kunstler",
    "magneto",
    "gigi",
    "ravie",
)

#: Phrases that show other formats are offered, each with the format it stands for.
FORMAT_PHRASES: tuple[tuple[str, str], ...] = (
    (r"large[- ]print", "large print"),
    (r"braille", "Braille"),
    (r"audio|tape|cassette|\bcd\b", "audio"),
    (r"easy[- ]read", "easy read"),
    (r"translat\w*|other languages?|another language|community languages?", "other languages"),
    (r"british sign language|\bbsl\b", "British Sign Language"),
    (r"(?:other|alternative|different|accessible) formats?", "other formats"),
)

#: A paragraph shorter than this is too common ("Contact us on 0300 ...") to call repeated.
REPEAT_MIN_WORDS = 12

_DAY_PATTERNS = (
    r"\b\d{4}-\d{1,2}-\d{1,2}\b",
    r"\b\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}\b",
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Za-z]{3,9}\.?,?\s+\d{4}\b",
)
_MONTH_PATTERN = r"\b[A-Za-z]{3,9}\.?,?\s+\d{4}\b"


@dataclass(frozen=True, order=True)
class FoundDate:
    """A date written in the document: the day it means (a month's first day) and as shown."""

    day: date
    shown: str


def find_dates(text: str) -> list[FoundDate]:
    """Every day ("14 June 2021", "14/06/2021", "2021-06-14") and month ("June 2021") written."""
    found: set[FoundDate] = set()
    taken: list[tuple[int, int]] = []
    for pattern in _DAY_PATTERNS:
        for m in re.finditer(pattern, text):
            try:
                day = parse_day(re.sub(r"\bof\s+", "", m.group(0)).replace(",", " "))
            except ValueError:
                continue
            found.add(FoundDate(day, show_day(day)))
            taken.append(m.span())
    for m in re.finditer(_MONTH_PATTERN, text):
        if any(start <= m.start() < end for start, end in taken):
            continue
        try:
            year, month = parse_month(m.group(0).replace(",", " "))
        except ValueError:
            continue
        found.add(FoundDate(date(year, month, 1), show_month(year, month)))
    return sorted(d for d in found if 1900 <= d.day.year <= 2100)


def age_words(then: date, today: date) -> str:
    """How long ago, in words: "5 years old", "8 months old", "less than a month old"."""
    months = (today.year - then.year) * 12 + today.month - then.month - (today.day < then.day)
    if months >= 24:
        return f"{months // 12} years old"
    if months >= 12:
        return "1 year old" if months < 13 else f"{months} months old"
    if months >= 2:
        return f"{months} months old"
    return "1 month old" if months == 1 else "less than a month old"


@dataclass(frozen=True)
class Sentence:
    text: str
    words: int


@dataclass(frozen=True)
class Repeat:
    """A paragraph found word for word in another document checked in the same run."""

    start: str
    other: str


@dataclass(frozen=True)
class Figures:
    """Everything measured in one document (sizes in points, shares as 0–100 per cent)."""

    name: str
    dates: tuple[FoundDate, ...]
    newest: FoundDate | None
    newest_age: str
    characters: int
    smallest_size: float | None
    share_below_min: float
    share_italic: float
    ornate_fonts: tuple[str, ...]
    has_headings: bool
    reading_ease: float | None
    longest_sentences: tuple[Sentence, ...]
    formats: tuple[str, ...]
    repeats: tuple[Repeat, ...]


def split_sentences(paragraphs: tuple[str, ...]) -> list[Sentence]:
    """Sentences of paragraphs with their word counts (a full stop, ! or ? then a capital)."""
    out = []
    for paragraph in paragraphs:
        for piece in re.split(r"(?<=[.!?])\s+(?=[\"'‘“(A-Z0-9])", paragraph):
            words = len(piece.split())
            if words:
                out.append(Sentence(piece.strip(), words))
    return out


def reading_ease(text: str) -> float | None:
    """Flesch reading ease from textstat (100 very easy … 0 very hard), None for no words."""
    if not re.search(r"[A-Za-z]", text):
        return None
    import textstat  # lazily: it loads a pronouncing dictionary

    return float(textstat.flesch_reading_ease(text))


def normalised(paragraph: str) -> str:
    """A paragraph as compared for repeats: letters and figures only, case and spacing ignored."""
    return " ".join(re.sub(r"[^\w]+", " ", paragraph.casefold()).split())


def quote_start(paragraph: str, words: int = 10) -> str:
    parts = paragraph.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def measure(doc: ReadDocument, others: list[ReadDocument], today: date) -> Figures:
    """The figures for ``doc``; ``others`` are the documents checked with it (for repeats)."""
    text = "\n".join(doc.paragraphs)
    dates = find_dates(text)
    past = [d for d in dates if d.day <= today]
    newest = max(past) if past else None
    counted = [(len("".join(s.text.split())), s) for s in doc.spans]
    characters = sum(n for n, _ in counted)
    sizes = [s.size for n, s in counted if n]
    below = sum(n for n, s in counted if s.size < MIN_SIZE)
    italic = sum(n for n, s in counted if s.italic)
    ornate = sorted(
        {s.font for n, s in counted if n and any(w in s.font.casefold() for w in ORNATE_FONT_WORDS)}
    )
    folded = text.casefold()
    formats = [name for pattern, name in FORMAT_PHRASES if re.search(pattern, folded)]
    longest = sorted(split_sentences(doc.paragraphs), key=lambda s: -s.words)[:3]
    repeats = []
    seen: set[tuple[str, str]] = set()
    theirs = {o.name: {normalised(p) for p in o.paragraphs} for o in others}
    for paragraph in doc.paragraphs:
        key = normalised(paragraph)
        if len(key.split()) < REPEAT_MIN_WORDS:
            continue
        for other, paras in theirs.items():
            if key in paras and (key, other) not in seen:
                seen.add((key, other))
                repeats.append(Repeat(quote_start(paragraph), other))
    share = (lambda n: 100.0 * n / characters) if characters else (lambda n: 0.0)
    return Figures(
        name=doc.name,
        dates=tuple(dates),
        newest=newest,
        newest_age=age_words(newest.day, today) if newest else "",
        characters=characters,
        smallest_size=min(sizes) if sizes else None,
        share_below_min=share(below),
        share_italic=share(italic),
        ornate_fonts=tuple(ornate),
        has_headings=doc.has_headings,
        reading_ease=reading_ease(text),
        longest_sentences=tuple(longest),
        formats=tuple(formats),
        repeats=tuple(repeats),
    )
