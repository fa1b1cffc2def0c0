"""A questionnaire imported from an XLSForm in set-up, then used for an interview, by keys."""

from __future__ import annotations

from textual.widgets import Select, Static

from screens.dialogs.import_notes import ImportNotesDialog
from screens.dialogs.interview_details import InterviewSetupDialog
from screens.inspection_setup import SetupScreen
from screens.interviews import InterviewListScreen
from tenant_inspect import inspections
from tenant_inspect.store import open_store
from tests.functional.test_action_plan_files import pick
from tests.functional.test_interview import loaded, seed
from tests.functional.test_setup import open_setup
from tests.support.empty_db import empty_data_dir
from tests.support.xlsforms import CHOICES, SETTINGS, SURVEY, write_xlsform


async def wait_for_dialog(pilot, settle) -> ImportNotesDialog:
    for _ in range(100):
        await settle(pilot)
        if isinstance(pilot.app.screen, ImportNotesDialog):
            return pilot.app.screen
        await pilot.pause(0.05)
    raise AssertionError(f"no import dialog; the screen is {type(pilot.app.screen).__name__}")


def texts(dialog) -> str:
    return " ".join(str(w.render()) for w in dialog.query(Static))


def copies(data_dir, inspection_id: str) -> list[str]:
    store = open_store(empty_data_dir(data_dir))
    with store.read() as s:
        found = [c.questionnaire_id for c in inspections.questionnaire_copies(s, inspection_id)]
    store.close()
    return found


async def test_import_in_set_up_then_interview_with_it(make_app, data_dir, settle, tmp_path):
    ids = seed(data_dir)
    survey = [[*SURVEY[0], "calculation"], *SURVEY[1:]]
    survey.append(["calculate", "total", *[None] * (len(survey[0]) - 3), "1 + 1"])
    form = write_xlsform(tmp_path / "training.xlsx", survey, CHOICES, SETTINGS)
    bad = write_xlsform(tmp_path / "bad.xlsx", [["type", "name", "label"], ["colour", "q", "Q"]])
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_setup(app, pilot, settle)

        # A broken form: every problem, with its row, and nothing added.
        await pick(pilot, settle, "f6", bad)
        dialog = await wait_for_dialog(pilot, settle)
        said = texts(dialog)
        assert "Questionnaire not imported" in said and "Nothing was added." in said
        assert "survey sheet, row 2: Unknown type 'colour'." in said
        await pilot.press("escape")
        await settle(pilot)
        assert copies(data_dir, ids["inspection"]) == []

        # A good one: what it became and the notes, then Add.
        await pick(pilot, settle, "f6", form)
        dialog = await wait_for_dialog(pilot, settle)
        said = texts(dialog)
        assert "“Staff training” (id staff-training, version 2, interview)" in said
        assert "8 questions" in said
        assert "The calculation 'total' was left out" in said
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SetupScreen)
        assert copies(data_dir, ids["inspection"]) == ["staff-training"]

        # The interview set-up offers it; choosing it by keys runs its questions.
        app.push_screen(InterviewListScreen(ids["inspection"], ids["area"]))
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, InterviewSetupDialog)
        questions = app.screen.query_one("#questionnaire", Select)
        await pilot.press("shift+tab", "shift+tab")  # from the role to the questions
        assert app.screen.focused is questions
        await pilot.press("enter")
        await settle(pilot)
        for _ in range(len(app.screen.questionnaires) - 1):  # to the last: the imported one
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert questions.value == "staff-training"
        await pilot.press("tab", "tab", *"Trainer", "tab", *"Jo Bloggs", "tab")
        await pilot.press("space", "down", "space", "tab", "tab", "space")  # interviewers, consent
        await pilot.press("ctrl+s")
        await settle(pilot)
        data = loaded(app)
        assert data.questionnaire.id == "staff-training"
        assert data.answers["role"].value == "Trainer"
