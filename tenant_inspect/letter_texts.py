"""Storing what a coordinator wrote for the letter to residents (one row per part).

A part's row has a derived id (:func:`letter_text_id`), so two laptops writing the same
part make one row and, at worst, a conflict. Emptying a part keeps its row with no text:
the letter then prints the draft again (:mod:`.drafts`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import records
from .bundle_derived_ids import derived_row_id
from .errors import ValidationError
from .vocabulary import LETTER_PARTS

if TYPE_CHECKING:
    from sqlmodel import Session

    from . import models as m

#: Parts that belong to an area or a recommendation (the others are the letter's own).
SUBJECT_FIELD = {"area": "area_id", "recommendation": "recommendation_id"}


def letter_text_id(inspection_id: str, part: str, subject_id: str = "") -> str:
    field = SUBJECT_FIELD.get(part)
    return derived_row_id(
        "letter_text",
        inspection_id=inspection_id,
        part=part,
        area_id=subject_id if field == "area_id" else "",
        recommendation_id=subject_id if field == "recommendation_id" else "",
    )


def set_letter_text(
    session: Session, inspection_id: str, part: str, text: str, subject_id: str = ""
) -> m.LetterText:
    """Write one part of the letter; ``subject_id`` is the area or recommendation it is about."""
    from . import models as m

    if part not in LETTER_PARTS:
        raise ValidationError([f"the letter has no part {part!r}"])
    field = SUBJECT_FIELD.get(part)
    if (field is None) != (not subject_id):
        raise ValidationError(
            [f"the letter's {part} part {'needs' if field else 'takes no'} area or recommendation"]
        )
    parent: dict[str, str | None] = {
        "inspection_id": inspection_id,
        "part": part,
        "area_id": subject_id if field == "area_id" else None,
        "recommendation_id": subject_id if field == "recommendation_id" else None,
    }
    row_id = letter_text_id(inspection_id, part, subject_id)
    return records.upsert(session, m.LetterText, row_id, parent, {"text": text})
