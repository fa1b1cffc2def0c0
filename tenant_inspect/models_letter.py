"""The letter to residents: what the coordinator wrote or changed before exporting it.

The letter (:mod:`tenant_inspect.report.letter`) is drafted from the inspection: the overall
finding from the agreed judgements, each area's paragraph from its judgement and
conclusions, each recommendation in plain words. A coordinator who rewrites one of those,
or gives the contact details for other formats and the signature, makes one
:class:`LetterText` row. A part nobody has written is not stored: the draft is used, so a
later change to a conclusion still reaches the letter.

A synced table like every other (issue 17): the coordinator's wording travels in kits and
return files, merges per field, and keeps conflicts. Its ids are *derived*
(:mod:`.bundle_derived_ids`): one row per inspection, part and area or recommendation, so
two laptops writing the same part make one row and, at worst, a conflict.
"""

from __future__ import annotations

from sqlmodel import Field

from .model_base import SyncedRow


class LetterText(SyncedRow, table=True):
    """One part of the letter as the coordinator wrote it.

    ``part`` is one of :data:`tenant_inspect.vocabulary.LETTER_PARTS`: ``contact`` (how to
    ask for large print, Braille, audio or another language), ``signature`` (who signs, on
    behalf of the panel), ``overall`` (the finding in one sentence), ``area`` (one area's
    paragraph, with ``area_id``) or ``recommendation`` (one recommendation in everyday
    words, with ``recommendation_id``).
    """

    __tablename__ = "letter_text"

    inspection_id: str = Field(foreign_key="inspection.id", index=True)
    part: str = Field(max_length=20)
    area_id: str | None = Field(default=None, foreign_key="area.id", index=True)
    recommendation_id: str | None = Field(default=None, foreign_key="recommendation.id", index=True)
    text: str = ""
