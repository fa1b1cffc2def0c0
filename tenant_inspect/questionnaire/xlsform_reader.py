"""Reading an XLSForm (the ODK / KoboToolbox spreadsheet standard) as a questionnaire.

:func:`read_xlsform` is the whole import: pyxform reads the workbook and checks it as ODK
would (:mod:`.xlsform_sheets`), the survey rows become questionnaire data with a
:class:`~.xlsform_convert.Note` for everything that cannot be represented
(:mod:`.xlsform_convert`), and the same checker as TOML files checks that data with the
spreadsheet rows as its places, so every problem says "survey sheet, row N". The result is
then written as TOML (tomli-w) and read back with :func:`~.toml_reader.parse_questionnaire`:
the questionnaire an inspection keeps is exactly the text that was checked.

Every refusal is one :class:`~.model.QuestionnaireError` listing every problem found.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .checker import check_questionnaire
from .locations import Block, Locations
from .model import Problem, Questionnaire, QuestionnaireError
from .toml_reader import parse_questionnaire
from .xlsform_convert import Note, SurveyWalk, choice_lists
from .xlsform_messages import in_xlsform_words
from .xlsform_sheets import (
    AUDIENCE,
    DESCRIPTION,
    KIND,
    column_alias,
    pyxform_problems,
    read_file_bytes,
    read_workbook,
    uses_double_colon,
)

SETTINGS_UNIT = "settings sheet, row"
_DEFAULT_AUDIENCE = {"interview": "Interviewees", "observation": "Customer contact"}
_DEFAULT_AUDIENCE_OTHER = "Documents"


@dataclass(frozen=True)
class Conversion:
    """A converted form: the questionnaire (its ``source_text`` is the TOML) and the notes."""

    questionnaire: Questionnaire
    notes: tuple[Note, ...]
    language: str | None
    languages: tuple[str, ...]


def read_xlsform(
    path: str | os.PathLike[str], *, language: str | None = None, kind: str | None = None
) -> Conversion:
    """Convert the XLSForm at ``path``; ``QuestionnaireError`` lists every problem."""
    p = Path(path)
    source = p.name or str(p)
    data, problems = read_file_bytes(p, source)
    if data is None:
        raise QuestionnaireError(problems)
    return convert_xlsform(data, source, language=language, kind=kind, stem=p.stem)


def convert_xlsform(
    data: bytes,
    source: str,
    *,
    language: str | None = None,
    kind: str | None = None,
    stem: str = "form",
) -> Conversion:
    """Convert XLSForm bytes (see :func:`read_xlsform`)."""
    workbook, problems = read_workbook(data, source)
    if workbook is None or problems:
        raise QuestionnaireError(problems)
    definition = workbook.definition
    double = uses_double_colon(definition.survey_header)
    survey = [{column_alias(k, double): v for k, v in row.items()} for row in workbook.survey]
    double = uses_double_colon(definition.choices_header)
    choices = [{column_alias(k, double): v for k, v in row.items()} for row in workbook.choices]
    settings = {k.strip(): v for k, v in workbook.settings.items()}
    languages = _languages(survey)
    notes: list[Note] = []
    chosen = _choose_language(languages, survey, settings, language, source, problems, notes)
    if problems:
        raise QuestionnaireError(problems)
    problems.extend(pyxform_problems(workbook, source, settings.get("default_language")))
    walk = SurveyWalk(source, chosen, choice_lists(choices, chosen))
    walk.walk(survey)
    problems.extend(walk.problems)
    top, top_block = _top(settings, stem, kind, notes)
    top["sections"] = walk.sections
    locations = Locations()
    locations.top = top_block
    locations.sections = walk.section_blocks
    locations.questions = walk.question_blocks
    try:
        check_questionnaire(top, source, "", locations)
    except QuestionnaireError as exc:
        problems.extend(in_xlsform_words(p) for p in exc.problems)
    if problems:
        raise QuestionnaireError(problems)
    text = to_toml(top, source)
    questionnaire = parse_questionnaire(text, source)
    return Conversion(questionnaire, tuple(notes + walk.notes), chosen, tuple(languages))


def to_toml(data: dict[str, Any], source: str) -> str:
    """Questionnaire data as TOML text, with a first line saying where it came from."""
    import tomli_w

    body = tomli_w.dumps(data, multiline_strings=True)
    name = " ".join(source.split()).replace("\\", "/")
    return f"# Converted by tenant-inspect from the XLSForm {name}\n{body}"


def _languages(survey: list[dict[str, str]]) -> list[str]:
    found: list[str] = []
    for row in survey:
        for column in row:
            base, sep, lang = column.partition("::")
            if base == "label" and sep and lang and lang not in found:
                found.append(lang)
    return found


def _choose_language(
    languages: list[str],
    survey: list[dict[str, str]],
    settings: dict[str, str],
    wanted: str | None,
    source: str,
    problems: list[Problem],
    notes: list[Note],
) -> str | None:
    """The language whose labels are used (None: the labels without a language)."""
    plain = any("label" in row for row in survey)
    if wanted is not None:
        if wanted in languages:
            return wanted
        if wanted == "default" and plain:
            return None
        shown = ", ".join(repr(x) for x in languages) or "none (its labels have no language)"
        problems.append(
            Problem(
                source,
                f"The form has no labels in the language {wanted!r}. Its languages: {shown}.",
            )
        )
        return None
    default = settings.get("default_language")
    if default and default in languages:
        return default
    if plain or not languages:
        return None
    if len(languages) > 1:
        notes.append(
            Note(
                "survey",
                1,
                f"The form has labels in {', '.join(repr(x) for x in languages)}; "
                f"{languages[0]!r} was used (choose another with --language).",
            )
        )
    return languages[0]


def _top(
    settings: dict[str, str], stem: str, kind: str | None, notes: list[Note]
) -> tuple[dict[str, Any], Block]:
    """The top settings from the settings sheet (row 2), with defaults that are noted."""
    from pyxform import aliases

    named = {aliases.settings_header.get(k, k): v for k, v in settings.items()}
    keys: dict[str, int] = {}
    block = Block(2 if settings else None, keys, SETTINGS_UNIT)
    title = named.get("title") or stem
    raw_id = named.get("id_string") or stem
    qn_id = "-".join(
        "".join(c if c.isalnum() and c.isascii() else " " for c in raw_id.lower()).split()
    )
    if qn_id != raw_id:
        if named.get("id_string"):
            notes.append(Note("settings", 2, f"The form_id {raw_id!r} became the id {qn_id!r}."))
        else:
            notes.append(
                Note(
                    "settings",
                    None,
                    f"No form_id: the file name {raw_id!r} became the id {qn_id!r}.",
                )
            )
    version = named.get("version") or "1"
    if not named.get("version"):
        notes.append(Note("settings", None, "The form has no version; it was given version 1."))
    chosen_kind = kind or named.get(KIND) or "interview"
    audience = named.get(AUDIENCE)
    if not audience:
        audience = _DEFAULT_AUDIENCE.get(chosen_kind, _DEFAULT_AUDIENCE_OTHER)
        notes.append(
            Note(
                "settings",
                None,
                f"The form names no audience ({AUDIENCE}); it was set to {audience!r}.",
            )
        )
    top: dict[str, Any] = {
        "id": qn_id,
        "title": title,
        "version": version,
        "kind": chosen_kind,
        "audience": audience,
    }
    description = named.get(DESCRIPTION, "")
    if description:
        # TOML files write long descriptions as blocks that end with a line break; pyxform
        # trims cells, so the break is put back and a bank round-trips unchanged.
        top["description"] = description + "\n" if "\n" in description else description
    if settings:
        keys.update(dict.fromkeys(("id", "title", "version", "kind", "audience", "description"), 2))
    return top, block
