"""XLSForm → questionnaire: what each construct becomes, the notes, the refusals.

Every form is built here with openpyxl (tests/support/xlsforms.py). What is checked is what
a coordinator sees: the questions, conditions and options they get, and the words of each
note and problem with its sheet and row.
"""

from __future__ import annotations

import copy
from io import BytesIO

import pytest

from tenant_inspect.questionnaire import Option, QuestionnaireError, ShowIf
from tenant_inspect.questionnaire.xlsform_reader import convert_xlsform, read_xlsform
from tests.support.xlsforms import CHOICES, SETTINGS, SURVEY, write_xlsform, xlsform_bytes

HEAD = ["type", "name", "label", "hint", "relevant", "constraint"]


def convert(survey, choices=None, settings=None, **kw):
    return convert_xlsform(xlsform_bytes(survey, choices, settings), "form.xlsx", **kw)


def refusal(survey, choices=None, settings=None, **kw) -> list[str]:
    with pytest.raises(QuestionnaireError) as caught:
        convert(survey, choices, settings, **kw)
    return [str(p) for p in caught.value.problems]


def notes(conversion) -> list[str]:
    return [str(n) for n in conversion.notes]


def test_every_construct_becomes_the_question_a_coordinator_would_write():
    c = convert(SURVEY, CHOICES, SETTINGS)
    q = c.questionnaire
    assert (q.id, q.title, q.version, q.kind, q.audience) == (
        "staff-training",
        "Staff training",
        "2",
        "interview",
        "Staff",
    )
    assert [(s.id, s.title, s.intro) for s in q.sections] == [
        ("about", "About you", "Do not write anyone's name."),
        ("views", "Your views", ""),
    ]
    types = {x.id: x.type for x in q.questions()}
    assert types == {
        "role": "text",
        "trained": "yes_no",
        "when": "date",
        "staff": "number",
        "budget": "number",
        "topics": "multi_choice",
        "useful": "scale",
        "dept": "choice",
    }
    role = q.question("role")
    assert (role.required, role.hint) == (True, "Role only")
    assert q.question("trained").themes == ("pf-training-support", "resources")
    assert q.question("when").show_if == ShowIf("trained", equals="yes")
    useful = q.question("useful")
    assert (useful.scale_min, useful.scale_max, useful.scale_labels) == (
        1,
        5,
        ("Not useful", "Very useful"),
    )
    assert useful.show_if == ShowIf("topics", any_of=("course", "guide"))
    assert q.question("dept").options == (
        Option("repairs", "Repairs"),
        Option("housing", "Housing"),
    )
    assert c.language == "English (en)" and c.languages == ("English (en)", "Welsh (cy)")
    # the stored copy is TOML that reads back as the same questionnaire
    assert q.source_text.startswith("# Converted by tenant-inspect from the XLSForm form.xlsx")
    assert notes(c) == [
        "settings sheet, row 2: The form_id 'staff_training' became the id 'staff-training'."
    ]


def test_labels_in_the_chosen_language():
    c = convert(SURVEY, CHOICES, SETTINGS, language="Welsh (cy)")
    q = c.questionnaire
    assert q.sections[0].title == "Amdanoch chi"
    assert q.question("role").text == "Beth yw teitl eich swydd?"
    assert q.question("dept").options[0] == Option("repairs", "Atgyweirio")


def test_an_unknown_language_is_refused_naming_the_languages_there_are():
    assert refusal(SURVEY, CHOICES, SETTINGS, language="French") == [
        "form.xlsx: The form has no labels in the language 'French'. "
        "Its languages: 'English (en)', 'Welsh (cy)'."
    ]


def test_several_languages_and_no_default_uses_the_first_and_says_so():
    settings = [["form_title", "form_id"], ["T", "t"]]
    c = convert(SURVEY, CHOICES, settings)
    assert c.questionnaire.question("role").text == "What is your job title?"
    assert (
        "survey sheet, row 1: The form has labels in 'English (en)', 'Welsh (cy)'; "
        "'English (en)' was used (choose another with --language)."
    ) in notes(c)


def test_kind_option_and_settings_defaults_are_noted():
    survey = [HEAD, ["text", "q1", "Anything?"]]
    c = convert(survey, kind="observation")
    assert c.questionnaire.kind == "observation"
    assert c.questionnaire.id == "form" and c.questionnaire.title == "form"
    assert "settings sheet: The form has no version; it was given version 1." in notes(c)
    assert (
        "settings sheet: The form names no audience (tenant_inspect::audience); it was set to "
        "'Customer contact'."
    ) in notes(c)


def test_what_cannot_be_represented_is_each_noted_with_its_row():
    survey = [
        [*HEAD, "calculation"],
        ["text", "loose", "Before any group"],  # row 2
        ["begin_repeat", "visits", "Visits"],  # row 3
        ["begin_group", "inner", "Inner"],  # row 4
        ["text", "where", "Where?"],  # row 5
        ["end_group"],  # row 6
        ["calculate", "total", None, None, None, None, "1 + 1"],  # row 7
        ["image", "photo", "Photo"],  # row 8
        ["geopoint", "spot", "Location"],  # row 9
        ["start", "started"],  # row 10
        ["integer", "age", "Age", None, "${where} != ''", ". > 16"],  # row 11
        ["note", "tip", "Listen for examples."],  # row 12
        ["text", "example", "An example?", "Ask for one."],  # row 13
        ["note", "bye", "Thank them."],  # row 14
        ["end_repeat"],  # row 15
    ]
    c = convert(survey)
    q = c.questionnaire
    assert [x.id for x in q.questions()] == ["loose", "where", "spot", "age", "example"]
    assert q.question("spot").type == "text"
    assert q.question("age").show_if is None
    assert q.question("example").hint == "Listen for examples.\n\nAsk for one."
    assert [s.id for s in q.sections] == ["questions", "visits"]
    said = notes(c)
    for expected in (
        "survey sheet, row 2: Questions outside any group were put in a section 'Questions'.",
        "survey sheet, row 3: The repeat 'visits' was turned into questions asked once.",
        "survey sheet, row 4: The group 'inner' sits inside another group; its questions were "
        "put in the section of the outer group (sections cannot nest).",
        "survey sheet, row 7: The calculation 'total' was left out (nothing is calculated).",
        "survey sheet, row 8: The image question 'photo' was left out (no photos or files).",
        "survey sheet, row 9: The geopoint question 'spot' became a text question.",
        "survey sheet, row 10: The start field 'started' was left out (it is not a question).",
        "survey sheet, row 11: The condition (relevant) \"${where} != ''\" is not a simple "
        "comparison with one earlier answer, so the question is always shown.",
        "survey sheet, row 11: The constraint '. > 16' is not checked.",
        "survey sheet, row 12: The note 'Listen for examples.' was added to the hint of 'example'.",
        "survey sheet, row 14: The note 'Thank them.' comes after the last question, so it was left out.",
    ):
        assert expected in said
    assert not any("row 13" in n for n in said)


def test_media_and_other_columns_are_noted_not_dropped_silently():
    survey = [
        [*HEAD, "media::image", "appearance"],
        ["text", "q1", "Q", None, None, None, "a.png", "multiline"],
    ]
    said = notes(convert(survey))
    assert (
        "survey sheet, row 2: The media column 'media::image' was left out (no pictures or sound)."
        in said
    )
    assert "survey sheet, row 2: Columns left out (no equivalent): appearance." in said


@pytest.mark.parametrize(
    ("relevant", "expected"),
    [
        ("${a} = 'x'", ShowIf("a", equals="x")),
        ("'y' = ${a}", ShowIf("a", equals="y")),
        ("${a}='x' or ${a} = 'y'", ShowIf("a", any_of=("x", "y"))),
        ("selected(${a}, 'y')", ShowIf("a", any_of=("y",))),
    ],
)
def test_simple_relevant_becomes_show_if(relevant, expected):
    survey = [HEAD, ["select_one l", "a", "A"], ["text", "b", "B", None, relevant]]
    choices = [["list_name", "name", "label"], ["l", "x", "X"], ["l", "y", "Y"]]
    assert convert(survey, choices).questionnaire.question("b").show_if == expected


@pytest.mark.parametrize(
    "relevant",
    ["${a} = 'x' and ${c} = 'y'", "${a} = 'x' or ${c} = 'y'", "${a} != 'x'", "not(${a} = 'x')"],
)
def test_complex_relevant_leaves_the_question_always_shown_with_a_note(relevant):
    survey = [
        HEAD,
        ["select_one l", "a", "A"],
        ["select_one l", "c", "C"],
        ["text", "b", "B", None, relevant],
    ]
    choices = [["list_name", "name", "label"], ["l", "x", "X"], ["l", "y", "Y"]]
    c = convert(survey, choices)
    assert c.questionnaire.question("b").show_if is None
    assert any(n.startswith("survey sheet, row 4: The condition (relevant)") for n in notes(c))


def test_a_group_condition_applies_to_its_questions():
    survey = [
        HEAD,
        ["select_one yn", "a", "A"],
        ["begin_group", "g", "G", None, "${a} = 'yes'"],
        ["text", "b", "B"],
        ["end_group"],
    ]
    choices = [["list_name", "name", "label"], ["yn", "yes", "Yes"], ["yn", "no", "No"]]
    q = convert(survey, choices).questionnaire
    assert q.question("a").type == "yes_no"
    assert q.question("b").show_if == ShowIf("a", equals="yes")


def test_names_that_are_not_valid_ids_are_converted_and_conditions_follow():
    survey = [
        HEAD,
        ["select_one l", "Had.Training", "A"],
        ["text", "b", "B", None, "${Had.Training} = 'x'"],
    ]
    choices = [["list_name", "name", "label"], ["l", "x", "X"], ["l", "y", "Y"]]
    c = convert(survey, choices)
    assert c.questionnaire.question("b").show_if == ShowIf("had_training", equals="x")
    assert "survey sheet, row 2: The name 'Had.Training' became the id 'had_training'." in notes(c)


# -- refusals ------------------------------------------------------------------


def test_a_workbook_without_a_survey_sheet_is_refused_naming_its_sheets():
    data = xlsform_bytes(None, [["list_name", "name", "label"]], [["form_title"], ["T"]])
    with pytest.raises(QuestionnaireError) as caught:
        convert_xlsform(data, "form.xlsx")
    assert str(caught.value.problems[0]) == (
        "form.xlsx: The workbook has no sheet named 'survey' (its sheets: 'choices', 'settings'). "
        "An XLSForm lists its questions on a sheet called survey."
    )


def test_missing_columns_are_listed_together():
    assert refusal([["type", "hint"], ["text", "x"]]) == [
        "form.xlsx, survey sheet, row 1: The survey sheet has no 'name' and 'label' columns. "
        "Row 1 must name the columns: type, name and label at least."
    ]


def test_a_bad_type_and_an_unknown_list_and_checker_problems_are_all_listed_with_rows():
    survey = [
        ["type", "name", "label", "tenant_inspect::themes"],
        ["text", "q1", "One", "diversty"],
        ["colour", "q2", "Two"],
        ["select_one nolist", "q3", "Three"],
    ]
    problems = refusal(survey, [["list_name", "name", "label"], ["other", "a", "A"]])
    assert (
        "form.xlsx, survey sheet, row 3: Unknown type 'colour'. XLSForm types include text, "
        "integer, decimal, date, select_one, select_multiple, range and note." in problems
    )
    assert any(
        p.startswith(
            "form.xlsx, survey sheet, row 2, question 'q1': Unknown theme 'diversty'. Did you mean 'diversity'?"
        )
        for p in problems
    )
    assert any(
        p.startswith(
            "form.xlsx, survey sheet, row 4, question 'q3': A select question needs a list with "
            "at least 2 choices on the choices sheet."
        )
        for p in problems
    )
    assert any("pyxform" in p and "nolist" in p for p in problems)


def test_the_checkers_problems_are_said_in_the_spreadsheets_words():
    survey = [
        ["type", "name", "label", "relevant", "tenant_inspect::scale_low_label"],
        ["select_one l", "q1", "One"],
        ["text", "q2", None, "${q1} = 'b'"],
        ["range", "q3", "Three", None, "Low"],
    ]
    choices = [["list_name", "name", "label"], ["l", "a", "A"], ["l", "c", "C"]]
    assert refusal(survey, choices) == [
        "form.xlsx, survey sheet, row 3, question 'q2': The question has no label. Write its "
        "wording in the label column.",
        "form.xlsx, survey sheet, row 3, question 'q2': The condition (relevant) value \"b\" is "
        'not one of the answers to \'q1\'. Use one of: "a", "c".',
        "form.xlsx, survey sheet, row 4, question 'q3': A range needs both "
        "tenant_inspect::scale_low_label and tenant_inspect::scale_high_label, or neither.",
    ]


def test_a_form_pyxform_refuses_is_refused_with_its_row():
    survey = [HEAD, ["begin_group", "g", "G"], ["text", "a", "A"]]
    problems = refusal(survey)
    assert problems[0].startswith(
        "form.xlsx, survey sheet, row 2: The form breaks an XLSForm rule (as pyxform, the ODK "
        "converter, reads it): Unmatched 'begin_group'."
    )


def test_duplicate_ids_name_both_rows():
    survey = [
        ["type", "name", "label"],
        ["begin_group", "g", "G"],
        ["text", "a", "A"],
        ["end_group"],
        ["begin_group", "h", "H"],
        ["text", "a", "Again"],
        ["end_group"],
    ]
    problems = refusal(survey)
    assert (
        "form.xlsx, survey sheet, row 6, question 'a': Question id 'a' is used twice "
        "(survey sheet, rows 3 and 6). Each question needs its own id."
    ) in problems


NOT_A_WORKBOOK = (
    "form.xlsx: This is not an Excel workbook (.xlsx), or the file is damaged. Save the form "
    "from Excel, LibreOffice or KoboToolbox as an .xlsx workbook and try again."
)


def test_a_corrupt_workbook_is_refused_in_plain_words(tmp_path):
    data = xlsform_bytes(SURVEY, CHOICES, SETTINGS)
    path = tmp_path / "form.xlsx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(QuestionnaireError) as caught:
        read_xlsform(path)
    assert [str(p) for p in caught.value.problems] == [NOT_A_WORKBOOK]


def test_a_word_document_renamed_xlsx_is_refused(tmp_path):
    import docx

    out = BytesIO()
    docx.Document().save(out)
    path = tmp_path / "form.xlsx"
    path.write_bytes(out.getvalue())
    with pytest.raises(QuestionnaireError) as caught:
        read_xlsform(path)
    assert [str(p) for p in caught.value.problems] == [NOT_A_WORKBOOK]


def test_a_missing_file_and_a_folder_are_refused(tmp_path):
    for path, words in ((tmp_path / "nope.xlsx", "File not found"), (tmp_path, "is a folder")):
        with pytest.raises(QuestionnaireError) as caught:
            read_xlsform(path)
        assert words in str(caught.value)


def test_reading_from_a_file_gives_the_file_name_as_the_default_id(tmp_path):
    path = write_xlsform(tmp_path / "Repairs Survey.xlsx", [HEAD, ["text", "q1", "Q"]])
    assert read_xlsform(path).questionnaire.id == "repairs-survey"


def test_older_single_colon_languages_and_specify_other_and_loops_are_read():
    # The older spellings pyxform still reads (as in its own example forms).
    survey = [
        ["type", "name", "label:English"],
        ["select one from sexes or specify other", "sex", "Which?"],
        ["begin loop over sexes", "each", "Each"],
        ["integer", "count", "How many?"],
        ["end loop"],
    ]
    choices = [["list name", "name", "label:English"], ["sexes", "a", "A"], ["sexes", "b", "B"]]
    c = convert(survey, choices)
    q = c.questionnaire
    assert c.language == "English"
    assert [o.label for o in q.question("sex").options] == ["A", "B", "Other"]
    assert q.question("count").type == "number"
    said = notes(c)
    assert (
        "survey sheet, row 2: or_other: an option 'Other' was added (its follow-up text box was not)."
        in said
    )
    assert "survey sheet, row 3: The repeat 'each' was turned into questions asked once." in said
    assert "settings sheet: No form_id: the file name 'form' became the id 'form'." not in said


def test_the_sample_form_is_not_changed_by_reading(tmp_path):
    before = copy.deepcopy(SURVEY)
    convert(SURVEY, CHOICES, SETTINGS)
    assert before == SURVEY
