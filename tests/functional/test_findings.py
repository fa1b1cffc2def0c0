"""Findings from anywhere: the form, pre-filling from a selection, editing and deleting."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Static, TextArea

from screens.dialogs.finding import FindingDialog
from screens.interviews import InterviewScreen
from screens.widgets.fields import TickList
from tenant_inspect import analysis, fieldwork, inspections
from tenant_inspect.edits.findings import FindingDraft
from tenant_inspect.questionnaire import get_builtin
from tenant_inspect.store import open_store
from tests.support.empty_db import empty_data_dir


class DialogApp(App[None]):
    """Just the form, to check what it gives back."""

    def __init__(self, dialog: FindingDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.result: FindingDraft | str | None = "not closed"

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.closed)

    def closed(self, result: FindingDraft | None) -> None:
        self.result = result


async def test_form_needs_a_kind_and_text_and_ticks_the_questions_themes():
    app = DialogApp(FindingDialog(evidence="interview with X", themes=["diversity", "impact"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        dialog = app.screen
        assert sorted(dialog.query_one("#finding-themes", TickList).selected) == [
            "diversity",
            "impact",
        ]
        await pilot.press("ctrl+s")
        errors = str(dialog.query_one("#form-errors", Static).render())
        assert "Choose the kind" in errors and "Write the finding" in errors
        assert app.result == "not closed"
        await pilot.press("right", "right", "right", "enter", "tab", *"Good idea", "ctrl+s")
        await pilot.pause()
    assert app.result == FindingDraft(
        kind="good_practice", text="Good idea", themes=["diversity", "impact"]
    )


async def test_ctrl_d_only_deletes_when_editing_and_asks_first():
    app = DialogApp(FindingDialog(evidence="e", text="abc", kind="weakness"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("end", "ctrl+d")  # not editing: an ordinary key for the text area
        await pilot.pause()
        assert app.result == "not closed"
    app = DialogApp(FindingDialog(evidence="e", text="abc", kind="weakness", editing=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert "Delete this finding?" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("y")
        await pilot.pause()
    assert app.result == FindingDraft(delete=True)


def seed_interview(data_dir) -> tuple[str, str]:
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        insp = inspections.create_inspection(s, title="RI", landlord="Vale HA")
        area = inspections.add_area(s, insp.id, name="Repairs")
        interview = fieldwork.add_interview(
            s,
            insp.id,
            interviewee_role="Repairs Manager",
            area_id=area.id,
            questionnaire=get_builtin("staff-interview-ri"),
            consent=True,
            current_question="change-example",
        )
        ids = (insp.id, interview.id)
    store.close()
    return ids


async def test_finding_from_selected_notes_then_edit_and_delete_from_the_panel(
    make_app, data_dir, settle
):
    inspection_id, interview_id = seed_interview(data_dir)
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:  # wide: the panel sits beside the question
        await settle(pilot)
        app.push_screen(InterviewScreen(interview_id))
        await settle(pilot)
        screen = app.screen
        assert screen.current == "change-example"
        panel = screen.query_one("#findings-panel")
        assert panel.display  # shown by default at this width
        await pilot.press("tab", *"Bins moved. No feedback given.")
        await pilot.press(*["shift+left"] * len("No feedback given."))
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert app.screen.query_one("#finding-text", TextArea).text == "No feedback given."
        await pilot.press("right", "enter", "ctrl+s")  # a weakness
        await settle(pilot)
        assert [r.text for r in panel.rows] == ["No feedback given."]

        # Edit it from the panel.
        await pilot.press("ctrl+l", "ctrl+l")  # hide, show again: the list takes the focus
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FindingDialog)
        await pilot.press("end", *" Nobody told tenants.", "ctrl+s")
        await settle(pilot)
        assert [r.text for r in panel.rows] == ["No feedback given. Nobody told tenants."]

        # And delete it.
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+d", "y")
        await settle(pilot)
        assert panel.rows == []

    store = open_store(empty_data_dir(data_dir))
    with store.read() as s:
        assert analysis.findings(s, inspection_id) == []
        interview = fieldwork.interviews(s, inspection_id)[0]
        assert fieldwork.answers(s, interview)["change-example"].notes == (
            "Bins moved. No feedback given."
        )
    store.close()
