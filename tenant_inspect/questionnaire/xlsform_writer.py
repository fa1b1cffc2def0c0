"""Writing a questionnaire as an XLSForm workbook, to edit in Excel and import back.

The workbook has the three XLSForm sheets (survey, choices, settings) and passes pyxform's
own conversion, so ODK and KoboToolbox can open it too. It is lossless: everything our
format holds has a place, in the standard columns where XLSForm has one and otherwise in
``tenant_inspect::`` columns (themes, scale labels, kind, audience, description, and an
option value that is not a valid XLSForm name). :mod:`.xlsform_reader` reads it back to an
equal questionnaire (a test checks every built-in bank).
"""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

from .model import Question, Questionnaire
from .xlsform_relevant import relevant_text
from .xlsform_sheets import AUDIENCE, DESCRIPTION, KIND, SCALE_HIGH, SCALE_LOW, THEMES, VALUE

SURVEY_COLUMNS = (
    ("type", 26),
    ("name", 24),
    ("label", 60),
    ("hint", 50),
    ("required", 10),
    ("relevant", 40),
    ("parameters", 22),
    (THEMES, 36),
    (SCALE_LOW, 24),
    (SCALE_HIGH, 24),
)
CHOICES_COLUMNS = (("list_name", 24), ("name", 28), ("label", 50), (VALUE, 36))
SETTINGS_COLUMNS = (
    ("form_title", 40),
    ("form_id", 26),
    ("version", 10),
    (KIND, 22),
    (AUDIENCE, 24),
    (DESCRIPTION, 80),
)
YES_NO_LIST = "yes_no"
_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


def choice_names(question: Question) -> dict[str, str]:
    """Option value → XLSForm choice name (a value with spaces gets a name of its own)."""
    names: dict[str, str] = {}
    for option in question.choices:
        value = option.value
        if _NAME_RE.match(value):
            name = value
        else:
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", value).strip("_") or "option"
            if not re.match(r"[A-Za-z_]", name):
                name = "_" + name
        base, k = name, 2
        while name in names.values() or (
            name != value and name in {o.value for o in question.choices}
        ):
            name, k = f"{base}_{k}", k + 1
        names[value] = name
    return names


def xlsform_rows(q: Questionnaire) -> tuple[list[list[str]], list[list[str]], list[list[str]]]:
    """The survey, choices and settings rows (headers first)."""
    survey: list[list[str]] = [[c for c, _ in SURVEY_COLUMNS]]
    choices: list[list[str]] = [[c for c, _ in CHOICES_COLUMNS]]
    used = {qq.id for qq in q.questions()} | {s.id for s in q.sections}
    names = {
        qq.id: choice_names(qq) for qq in q.questions() if qq.type in ("choice", "multi_choice")
    }
    blank = [""] * (len(SURVEY_COLUMNS) - 3)
    if any(qq.type == "yes_no" for qq in q.questions()):
        choices += [[YES_NO_LIST, "yes", "Yes", ""], [YES_NO_LIST, "no", "No", ""]]
    for section in q.sections:
        survey.append(["begin_group", section.id, section.title, *blank])
        if section.intro:
            name, k = f"{section.id}_intro", 2
            while name in used:
                name, k = f"{section.id}_intro_{k}", k + 1
            used.add(name)
            survey.append(["note", name, section.intro, *blank])
        for question in section.questions:
            survey.append(_question_row(q, question, names))
            for option in question.options if question.id in names else ():
                name = names[question.id][option.value]
                extra = option.value if name != option.value else ""
                choices.append([question.id, name, option.label, extra])
        survey.append(["end_group", "", "", *blank])
    settings = [
        [c for c, _ in SETTINGS_COLUMNS],
        [q.title, q.id, q.version, q.kind, q.audience, q.description.strip("\n")],
    ]
    return survey, choices, settings


def _question_row(
    q: Questionnaire, question: Question, names: dict[str, dict[str, str]]
) -> list[str]:
    qtype = {"text": "text", "number": "decimal", "date": "date"}.get(question.type, "")
    parameters = low = high = ""
    if question.type == "yes_no":
        qtype = f"select_one {YES_NO_LIST}"
    elif question.type == "choice":
        qtype = f"select_one {question.id}"
    elif question.type == "multi_choice":
        qtype = f"select_multiple {question.id}"
    elif question.type == "scale":
        qtype = "range"
        parameters = f"start={question.scale_min} end={question.scale_max} step=1"
        if question.scale_labels:
            low, high = question.scale_labels
    relevant = ""
    if question.show_if is not None:
        target = q.question(question.show_if.question)
        mapping = names.get(target.id, {})
        values = tuple(mapping.get(v, v) for v in question.show_if.values)
        relevant = relevant_text(target.id, values, question.show_if.equals is not None)
    return [
        qtype,
        question.id,
        question.text,
        question.hint,
        "yes" if question.required else "",
        relevant,
        parameters,
        " ".join(question.themes),
        low,
        high,
    ]


def xlsform_bytes(q: Questionnaire) -> bytes:
    """The workbook as .xlsx bytes: bold frozen headers, readable column widths."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    survey, choices, settings = xlsform_rows(q)
    book = Workbook()
    sheets = (
        ("survey", survey, SURVEY_COLUMNS),
        ("choices", choices, CHOICES_COLUMNS),
        ("settings", settings, SETTINGS_COLUMNS),
    )
    first = True
    for title, rows, columns in sheets:
        sheet = book.active if first else book.create_sheet()
        assert sheet is not None
        first = False
        sheet.title = title
        for row in rows:
            sheet.append([value if value != "" else None for value in row])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for index, (_, width) in enumerate(columns):
            letter = sheet.cell(row=1, column=index + 1).column_letter
            sheet.column_dimensions[letter].width = width
        for row_cells in sheet.iter_rows(min_row=2):
            for cell in row_cells:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def write_xlsform(q: Questionnaire, target: Path) -> int:
    """Write the workbook whole or not at all; its size in bytes."""
    from ..durable import write_bytes_atomically

    return write_bytes_atomically(target, xlsform_bytes(q))
