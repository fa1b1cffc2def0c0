"""XLSForm workbooks built in the test with openpyxl, the way Excel or KoboToolbox saves them.

``survey``, ``choices`` and ``settings`` are lists of rows, the first row being the column
names; a row may be shorter than the header, and ``[]`` is an empty spreadsheet row.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook

Rows = Sequence[Sequence[object]]


def xlsform_bytes(
    survey: Rows | None,
    choices: Rows | None = None,
    settings: Rows | None = None,
    extra_sheets: Sequence[str] = (),
) -> bytes:
    book = Workbook()
    first = book.active
    assert first is not None
    sheets = [("survey", survey), ("choices", choices), ("settings", settings)]
    sheets += [(name, [["anything"], ["x"]]) for name in extra_sheets]
    used = False
    for title, rows in sheets:
        if rows is None:
            continue
        sheet = first if not used else book.create_sheet()
        used = True
        sheet.title = title
        for row in rows:
            sheet.append(list(row))
    if not used:
        first.title = "notes"
        first.append(["nothing here"])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def write_xlsform(path: Path, survey: Rows | None, *args: Rows | None) -> Path:
    path.write_bytes(xlsform_bytes(survey, *args))
    return path


#: A small, complete form in two languages (English the default) that uses every
#: construct the reader converts, one of each.
SURVEY = [
    [
        "type",
        "name",
        "label::English (en)",
        "label::Welsh (cy)",
        "hint",
        "required",
        "relevant",
        "tenant_inspect::themes",
        "parameters",
        "tenant_inspect::scale_low_label",
        "tenant_inspect::scale_high_label",
    ],
    ["begin_group", "about", "About you", "Amdanoch chi"],
    ["note", "about_intro", "Do not write anyone's name.", "Peidiwch ag ysgrifennu enwau."],
    ["text", "role", "What is your job title?", "Beth yw teitl eich swydd?", "Role only", "yes"],
    [
        "select_one yn",
        "trained",
        "Have you had training?",
        "Ydych chi wedi cael hyfforddiant?",
        None,
        "yes",
        None,
        "pf-training-support resources",
    ],
    ["date", "when", "When?", "Pryd?", None, None, "${trained} = 'yes'"],
    ["end_group"],
    ["begin_group", "views", "Your views", "Eich barn"],
    ["integer", "staff", "How many staff?", "Faint o staff?"],
    ["decimal", "budget", "Budget share (%)", "Cyfran (%)"],
    ["select_multiple topics", "topics", "Which topics?", "Pa bynciau?"],
    [
        "range",
        "useful",
        "How useful?",
        "Pa mor ddefnyddiol?",
        None,
        None,
        "selected(${topics}, 'course') or selected(${topics}, 'guide')",
        None,
        "start=1 end=5 step=1",
        "Not useful",
        "Very useful",
    ],
    ["select_one dept", "dept", "Department?", "Adran?"],
    ["end_group"],
]
CHOICES = [
    ["list_name", "name", "label::English (en)", "label::Welsh (cy)"],
    ["yn", "yes", "Yes", "Ie"],
    ["yn", "no", "No", "Na"],
    ["topics", "course", "A course", "Cwrs"],
    ["topics", "guide", "A guide", "Canllaw"],
    ["topics", "shadowing", "Shadowing", "Cysgodi"],
    ["dept", "repairs", "Repairs", "Atgyweirio"],
    ["dept", "housing", "Housing", "Tai"],
]
SETTINGS = [
    ["form_title", "form_id", "version", "default_language", "tenant_inspect::audience"],
    ["Staff training", "staff_training", "2", "English (en)", "Staff"],
]
