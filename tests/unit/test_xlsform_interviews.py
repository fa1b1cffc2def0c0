"""An imported questionnaire is offered for new interviews and runs like a built-in one."""

from __future__ import annotations

import datetime as dt

import pytest

from tenant_inspect import inspections
from tenant_inspect.edits import fieldwork as fieldwork_edits
from tenant_inspect.errors import ValidationError
from tenant_inspect.imported_questionnaires import add_imported, imported
from tenant_inspect.questionnaire import builtin_questionnaires
from tenant_inspect.questionnaire.xlsform_reader import convert_xlsform
from tenant_inspect.views import fieldwork as views
from tests.support.xlsforms import CHOICES, SETTINGS, SURVEY, xlsform_bytes

FORM = convert_xlsform(xlsform_bytes(SURVEY, CHOICES, SETTINGS), "training.xlsx").questionnaire


@pytest.fixture
def inspection_id(store) -> str:
    with store.write() as s:
        return inspections.create_inspection(s, title="Training", landlord="Vale HA").id


def test_the_imported_questionnaire_is_offered_after_the_built_in_ones(store, inspection_id):
    with store.write() as s:
        assert add_imported(s, inspection_id, FORM) is True
        assert add_imported(s, inspection_id, FORM) is False  # the same text: kept once
    with store.read() as s:
        data = views.load_interview_list(s, inspection_id)
        assert [q.id for q in imported(s, inspection_id)] == ["staff-training"]
    assert (
        data.questionnaires[: len(views.interview_questionnaires())]
        == views.interview_questionnaires()
    )
    assert data.questionnaires[-1] == ("Staff training (imported)", "staff-training")


def test_an_interview_runs_the_imported_questions(store, inspection_id):
    with store.write() as s:
        add_imported(s, inspection_id, FORM)
        details = fieldwork_edits.InterviewDetails(
            None, "staff-training", "staff", "Trainer", "", [], dt.date(2024, 3, 1), True
        )
        interview_id = fieldwork_edits.create_interview(s, inspection_id, details)
    with store.read() as s:
        runner = views.load_interview_runner(s, interview_id)
    assert runner is not None
    assert runner.questionnaire.id == "staff-training"
    assert runner.questionnaire.question("role").text == "What is your job title?"
    assert runner.answers["role"].value == "Trainer"  # the set-up form's role, as for built-ins


def test_a_changed_form_with_the_same_version_is_refused(store, inspection_id):
    changed = convert_xlsform(
        xlsform_bytes([*SURVEY[:-1], ["text", "extra", "Extra?"], SURVEY[-1]], CHOICES, SETTINGS),
        "training.xlsx",
    ).questionnaire
    with store.write() as s:
        add_imported(s, inspection_id, FORM)
    with (
        pytest.raises(ValidationError, match="give the changed file a new version"),
        store.write() as s,
    ):
        add_imported(s, inspection_id, changed)


def test_a_built_in_id_is_refused(store, inspection_id):
    bank = builtin_questionnaires()[0]
    with pytest.raises(ValidationError, match="is a built-in questionnaire's"), store.write() as s:
        add_imported(s, inspection_id, bank)
