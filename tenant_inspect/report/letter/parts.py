"""The Letter screen's read model: every part of the letter to residents a coordinator may
write, with the draft it replaces.

Read through the report's snapshot (:mod:`tenant_inspect.report.snapshot`), so the screen
shows exactly what the letter will print: what the coordinator wrote, else the draft.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..redact import drop_internal
from .drafts import letter_texts, written

if TYPE_CHECKING:
    from sqlmodel import Session

#: How each of the letter's own parts is named on the screen.
PART_LABELS = {
    "contact": "Contact for other formats",
    "overall": "Overall finding",
    "signature": "Signature",
}


@dataclass(frozen=True)
class LetterPartView:
    """One part: ``id`` is "<part>:<area or recommendation id>" (one per part)."""

    id: str
    part: str
    subject_id: str
    label: str
    text: str  # what the letter prints: as written, else the draft
    draft: str
    written: bool


@dataclass(frozen=True)
class LetterData:
    title: str
    landlord: str
    parts: tuple[LetterPartView, ...]


def load_letter(session: Session, inspection_id: str) -> LetterData:
    """The letter's parts in the order the letter prints them (internal ones left out)."""
    from ..snapshot import load_report_data

    data = drop_internal(load_report_data(session, inspection_id))
    mine = written(data)
    drafts = letter_texts(dataclasses.replace(data, letter=()))
    shown = letter_texts(data)
    names = {a.id: a.name for a in data.areas}
    numbers = {r.id: r.number for r in data.recommendations}
    parts = []
    for draft, now in zip(drafts, shown, strict=True):
        if draft.part == "area":
            label = f"Area: {names.get(draft.subject_id, '')}"
        elif draft.part == "recommendation":
            number = numbers.get(draft.subject_id, 0)
            label = f"Recommendation R{number}" if number else "Recommendation"
        else:
            label = PART_LABELS[draft.part]
        parts.append(
            LetterPartView(
                id=f"{draft.part}:{draft.subject_id}",
                part=draft.part,
                subject_id=draft.subject_id,
                label=label,
                text=now.text,
                draft=draft.text,
                written=(draft.part, draft.subject_id) in mine,
            )
        )
    return LetterData(data.title, data.landlord, tuple(parts))
