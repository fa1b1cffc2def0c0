"""Questionnaire ↔ XLSForm without loss: a bank edited in Excel comes back the same.

"Equal" compares everything an inspector meets (top fields, sections, every question's
settings), not the stored text, which is TOML written by tenant-inspect after the import.
"""

from __future__ import annotations

import dataclasses
from io import BytesIO

import pytest
from openpyxl import load_workbook

from tenant_inspect.questionnaire import Questionnaire, builtin_questionnaires, parse_questionnaire
from tenant_inspect.questionnaire.xlsform_reader import convert_xlsform
from tenant_inspect.questionnaire.xlsform_writer import write_xlsform, xlsform_bytes
from tests.support.xlsforms import CHOICES, SETTINGS, SURVEY
from tests.support.xlsforms import xlsform_bytes as form_bytes


def content(q: Questionnaire) -> tuple[object, ...]:
    sections = tuple(
        (s.id, s.title, s.intro, tuple(dataclasses.replace(x, line=None) for x in s.questions))
        for s in q.sections
    )
    return (q.id, q.title, q.version, q.kind, q.audience, q.description, sections)


def reimport(q: Questionnaire) -> Questionnaire:
    return convert_xlsform(xlsform_bytes(q), "exported.xlsx").questionnaire


@pytest.mark.parametrize("bank", builtin_questionnaires(), ids=lambda q: q.id)
def test_every_built_in_bank_comes_back_equal_with_no_notes(bank):
    conversion = convert_xlsform(xlsform_bytes(bank), f"{bank.id}.xlsx")
    assert content(conversion.questionnaire) == content(bank)
    assert conversion.notes == ()


@pytest.mark.parametrize("bank", builtin_questionnaires(), ids=lambda q: q.id)
def test_the_exported_workbook_passes_pyxforms_own_conversion(bank):
    from pyxform.xls2json import workbook_to_json
    from pyxform.xls2json_backends import get_xlsform

    warnings: list[str] = []
    form = workbook_to_json(get_xlsform(BytesIO(xlsform_bytes(bank))), warnings=warnings)
    assert form["id_string"] == bank.id and form["title"] == bank.title
    assert len(form["children"]) == len(bank.sections) + 1  # + pyxform's meta group


def test_xlsform_to_questionnaire_to_xlsform_to_questionnaire_is_stable():
    first = convert_xlsform(form_bytes(SURVEY, CHOICES, SETTINGS), "form.xlsx").questionnaire
    second = reimport(first)
    assert content(second) == content(first)
    assert content(reimport(second)) == content(first)


def test_option_values_with_spaces_survive_in_multiple_choice_and_conditions():
    text = """
id = "spaces"
title = "Spaces"
version = "1"
kind = "interview"
audience = "Staff"

[[sections]]
id = "s"
title = "S"
intro = "Say hello."

[[sections.questions]]
id = "depts"
text = "Which?"
type = "multi_choice"
options = ["Customer Services", "Repairs", "Customer_Services"]

[[sections.questions]]
id = "why"
text = "Why customer services?"
type = "text"
show_if = { question = "depts", in = ["Customer Services"] }
"""
    q = parse_questionnaire(text, "spaces.toml")
    back = reimport(q)
    assert content(back) == content(q)
    assert [o.value for o in back.question("depts").options] == [
        "Customer Services",
        "Repairs",
        "Customer_Services",
    ]


def test_the_workbook_is_readable_in_excel(tmp_path):
    bank = builtin_questionnaires()[0]
    target = tmp_path / "bank.xlsx"
    write_xlsform(bank, target)
    book = load_workbook(target)
    assert book.sheetnames == ["survey", "choices", "settings"]
    survey = book["survey"]
    assert survey.freeze_panes == "A2"
    assert [c.value for c in survey[1]][:3] == ["type", "name", "label"]
    assert survey["A1"].font.bold
    assert survey.column_dimensions["C"].width >= 40
    settings = book["settings"]
    assert settings["B2"].value == bank.id and settings["A2"].value == bank.title
