"""Reading an XLSForm workbook's sheets through pyxform, and its refusals in plain words.

pyxform (the reference implementation of XLSForm, used by ODK and KoboToolbox) reads the
workbook: :func:`read_workbook` returns its rows as pyxform gives them (every value a
string, empty rows kept so that row ``i`` of a sheet's list is spreadsheet row ``i + 2``),
and :func:`pyxform_problems` runs pyxform's own conversion so a form ODK would refuse is
refused here too, with pyxform's message and row. Nothing here knows our questionnaire
model; :mod:`.xlsform_reader` turns the rows into one.

The column names both the reader and :mod:`.xlsform_writer` use are here too, so the
workbook we write and the workbook we read can never disagree about them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

from .model import Problem

#: Our own columns carry this prefix (pyxform keeps such columns as extra data and
#: ignores them, so ODK and KoboToolbox accept a form that has them).
PREFIX = "tenant_inspect::"
THEMES = PREFIX + "themes"
SCALE_LOW = PREFIX + "scale_low_label"
SCALE_HIGH = PREFIX + "scale_high_label"
VALUE = PREFIX + "value"  # on the choices sheet: an option value that is not a valid name
KIND = PREFIX + "kind"
AUDIENCE = PREFIX + "audience"
DESCRIPTION = PREFIX + "description"

#: The survey sheet's row 1 is its header, so list index i is row i + 2.
FIRST_ROW = 2

#: Questionnaire workbooks are small; a bigger file is the wrong one.
MAX_WORKBOOK_BYTES = 20_000_000

Row = Mapping[str, str]


@dataclass
class Workbook:
    """The sheets of an XLSForm, as pyxform read them."""

    survey: list[dict[str, str]]
    choices: list[dict[str, str]]
    settings: dict[str, str]
    sheet_names: list[str]
    definition: Any = field(repr=False)  # pyxform's DefinitionData, for its own check


def row_number(index: int) -> int:
    return index + FIRST_ROW


def sheet_problem(source: str, sheet: str, row: int | None, message: str) -> Problem:
    """A problem placed on a sheet (``row`` None: the sheet as a whole)."""
    if row is None:
        return Problem(source, f"On the {sheet} sheet: {message}")
    return Problem(source, message, row, unit=f"{sheet} sheet, row")


def read_file_bytes(path: Path, source: str) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes, or the one problem that stops it being read."""

    def fail(message: str) -> tuple[bytes | None, list[Problem]]:
        return None, [Problem(source, message)]

    try:
        if path.is_dir():
            return fail(f"{path} is a folder, not an XLSForm workbook.")
        size = path.stat().st_size
        if size > MAX_WORKBOOK_BYTES:
            return fail(
                f"The file is too big to be an XLSForm ({size:,} bytes; the limit is "
                f"{MAX_WORKBOOK_BYTES:,}). Check you chose the right file."
            )
        return path.read_bytes(), []
    except FileNotFoundError:
        return fail(f"File not found: {path}")
    except PermissionError:
        return fail(f"Permission denied: cannot read {path}.")
    except OSError as exc:
        return fail(f"Cannot read {path}: {exc.strerror or exc}.")


def read_workbook(data: bytes, source: str) -> tuple[Workbook | None, list[Problem]]:
    """Read the sheets with pyxform's xlsx reader; problems if it is no usable XLSForm."""
    from pyxform.errors import PyXFormError
    from pyxform.xls2json_backends import DefinitionData, xlsx_to_dict

    not_a_workbook = Problem(
        source,
        "This is not an Excel workbook (.xlsx), or the file is damaged. Save the form from "
        "Excel, LibreOffice or KoboToolbox as an .xlsx workbook and try again.",
    )
    if not data.startswith(b"PK"):
        return None, [not_a_workbook]
    try:
        raw = xlsx_to_dict(BytesIO(data))
    except PyXFormError as exc:
        text = str(exc)
        if text.startswith("Error reading .xlsx file"):
            return None, [not_a_workbook]
        return None, [Problem(source, _plain_pyxform(text))]
    except (ValueError, KeyError, TypeError, EOFError, OSError):
        return None, [not_a_workbook]
    definition = DefinitionData(**raw)
    names = list(raw.get("sheet_names") or [])
    problems: list[Problem] = []
    survey = [dict(r) for r in (definition.survey or [])]
    if definition.survey is None:
        shown = ", ".join(repr(n) for n in names) or "none"
        problems.append(
            Problem(
                source,
                f"The workbook has no sheet named 'survey' (its sheets: {shown}). An XLSForm "
                "lists its questions on a sheet called survey.",
            )
        )
    else:
        headers = _headers(definition.survey_header)
        missing = [c for c in ("type", "name") if c not in headers]
        if not any(_base(h) == "label" for h in headers):
            missing.append("label")
        if missing:
            cols = " and ".join(f"'{c}'" for c in missing)
            problems.append(
                sheet_problem(
                    source,
                    "survey",
                    1,
                    f"The survey sheet has no {cols} column{'s' if len(missing) > 1 else ''}. "
                    "Row 1 must name the columns: type, name and label at least.",
                )
            )
    settings_rows = definition.settings or []
    settings = dict(settings_rows[0]) if settings_rows else {}
    choices = [dict(r) for r in (definition.choices or [])]
    if choices:
        headers = _headers(definition.choices_header)
        missing = [c for c in ("list_name", "name") if c not in headers]
        if missing:
            cols = " and ".join(f"'{c}'" for c in missing)
            problems.append(
                sheet_problem(
                    source,
                    "choices",
                    1,
                    f"The choices sheet has no {cols} column. Row 1 must name the columns: "
                    "list_name, name and label.",
                )
            )
    workbook = Workbook(survey, choices, settings, names, definition)
    return workbook, problems


def _headers(header_rows: Sequence[Mapping[str, Any]] | None) -> set[str]:
    """Column names of a sheet, with pyxform's aliases for the ones we need."""
    double = uses_double_colon(header_rows)
    return {column_alias(key, double) for row in header_rows or [] for key in row}


def _base(column: str) -> str:
    return column.split("::", 1)[0]


def uses_double_colon(header_rows: Sequence[Mapping[str, Any]] | None) -> bool:
    """Whether a sheet writes languages as "label::English" (else the older "label:English",
    which pyxform still reads when no column of the sheet has "::")."""
    return any("::" in key for row in header_rows or [] for key in row)


def column_alias(column: str, double_colon: bool = True) -> str:
    """A survey or choices column's canonical name through pyxform's aliases ("caption" →
    "label", "relevance" → "relevant", "value" → "name" …; "list name" → "list_name"),
    with its language as "::language". Our own ``tenant_inspect::`` columns stay as written."""
    from pyxform import aliases

    if column.startswith(PREFIX):
        return column
    delimiter = "::" if double_colon or column.lower().startswith("jr:") else ":"
    base, sep, lang = column.partition(delimiter)
    key = base.strip().lower()
    if key == "list name":
        key = "list_name"
    alias = aliases.survey_header.get(key)
    if isinstance(alias, tuple):
        key = alias[1]
    elif isinstance(alias, str):
        key = alias
    return key + (f"::{lang.strip()}" if sep else "")


_ROW_RE = re.compile(r"^\[row\s*:\s*(\d+)\]\s*")


def pyxform_problems(workbook: Workbook, source: str, language: str | None) -> list[Problem]:
    """pyxform's own conversion of the form: its refusal as a problem, or nothing."""
    from pyxform.errors import PyXFormError
    from pyxform.xls2json import workbook_to_json

    try:
        workbook_to_json(
            workbook.definition,
            form_name=None,
            fallback_form_name="data",
            default_language=language,
            warnings=[],
        )
    except PyXFormError as exc:
        text = str(exc).strip()
        m = _ROW_RE.match(text)
        if m:
            return [
                sheet_problem(source, "survey", int(m.group(1)), _plain_pyxform(text[m.end() :]))
            ]
        return [Problem(source, _plain_pyxform(text))]
    except (ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        # pyxform has bugs on some malformed sheets; say so rather than crash.
        return [Problem(source, f"pyxform could not convert the form ({type(exc).__name__}).")]
    return []


def _plain_pyxform(text: str) -> str:
    """pyxform's message, with a lead that says whose rule it is."""
    text = " ".join(text.split())
    text = re.sub(r"\s*Learn more: \S+", "", text)
    return f"The form breaks an XLSForm rule (as pyxform, the ODK converter, reads it): {text}"
