"""What a document reader hands to the figures: its text, piece by piece, with size and style.

Word and PDF files are read by different libraries, but every figure the checker gives
(font sizes, italics, dates, repeats) is worked out from this one plain shape, so a figure
means the same whichever kind of file it came from.
"""

from __future__ import annotations

from dataclasses import dataclass


class DocumentProblem(Exception):
    """A file that cannot be checked; the message is one plain line naming the file."""


@dataclass(frozen=True)
class Span:
    """A stretch of text in one size and style (a Word run, or a PDF line's run of characters)."""

    text: str
    size: float
    italic: bool
    font: str


@dataclass(frozen=True)
class ReadDocument:
    """One document as read: its spans, its paragraphs' text, and whether it has headings."""

    name: str
    spans: tuple[Span, ...]
    paragraphs: tuple[str, ...]
    has_headings: bool
