"""The question runner's rough edges, as a newcomer meets them (issue 15).

Each test drives the runner with keys and checks what the inspector would see, or what a
restart would find in the database.
"""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, OptionList, Static, TextArea

from screens.interviews import InterviewScreen
from tenant_inspect import fieldwork, inspections
from tenant_inspect import models as m
from tenant_inspect.edits import fieldwork as fieldwork_edits
from tenant_inspect.edits.fieldwork import InterviewDetails
from tenant_inspect.questionnaire import get_builtin
from tenant_inspect.store import open_store
from tests.support.empty_db import empty_data_dir


def seed(data_dir, questionnaire: str = "staff-interview-ri", at: str | None = None) -> str:
    """An interview already under way, opened on question ``at``; returns its id."""
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        insp = inspections.create_inspection(s, title="Resident involvement", landlord="Vale HA")
        area = inspections.add_area(s, insp.id, name="Housing Management")
        interview = fieldwork.add_interview(
            s,
            insp.id,
            interviewee_role="Housing Officer",
            area_id=area.id,
            questionnaire=get_builtin(questionnaire),
            consent=True,
            current_question=at,
        )
        interview_id = interview.id
    store.close()
    return interview_id


class Stored:
    """One answer as a restart would find it."""

    def __init__(self, answer: m.Answer) -> None:
        self.value = answer.value
        self.notes = answer.notes
        self.skipped = answer.skipped


def stored_answers(data_dir, interview_id: str) -> dict[str, Stored]:
    store = open_store(empty_data_dir(data_dir))
    with store.read() as s:
        interview = s.get(m.Interview, interview_id)
        assert interview is not None
        out = {k: Stored(a) for k, a in fieldwork.answers(s, interview).items()}
    store.close()
    return out


async def open_runner(app, pilot, settle, interview_id: str) -> InterviewScreen:
    app.push_screen(InterviewScreen(interview_id))
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, InterviewScreen)
    return screen


async def test_resumed_text_answer_and_notes_are_added_to_at_the_end(make_app, data_dir, settle):
    interview_id = seed(data_dir, at="role")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_runner(app, pilot, settle, interview_id)
        await pilot.press(*"Housing Officer", "tab", *"Team of six")
        await pilot.press("escape")
        await settle(pilot)
        screen = await open_runner(app, pilot, settle, interview_id)
        assert screen.current == "role"
        await pilot.press(*" for ten years", "tab", *" on two estates")
        await pilot.press("escape")
        await settle(pilot)
    stored = stored_answers(data_dir, interview_id)["role"]
    assert stored.value == "Housing Officer for ten years"
    assert stored.notes == "Team of six on two estates"


async def test_typing_a_digit_chooses_that_point_on_a_scale(make_app, data_dir, settle):
    interview_id = seed(data_dir, at="knows-policy")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_runner(app, pilot, settle, interview_id)
        assert screen.current == "knows-policy"
        await pilot.press("2")
        await settle(pilot)
        assert screen.state("knows-policy").value == "2"
        await pilot.press("4")
        await settle(pilot)
        button = screen.query("RadioButton")[3]
        assert button.value, "the fourth point shows as chosen"
        await pilot.press("escape")
        await settle(pilot)
    assert stored_answers(data_dir, interview_id)["knows-policy"].value == "4"


async def test_the_jump_list_shows_every_word_of_long_questions_at_80_columns(
    make_app, data_dir, settle
):
    interview_id = seed(data_dir, at="role")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_runner(app, pilot, settle, interview_id)
        await pilot.press("ctrl+g")
        await settle(pilot)
        options = app.screen.query_one(OptionList)
        room = options.scrollable_content_region.width
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert not any("…" in p for p in prompts)
        assert any("know the resident involvement\n" in p for p in prompts), "long ones wrap"
        assert all(len(line) <= room for p in prompts for line in p.splitlines())
        words = " ".join(" ".join(p.split()) for p in prompts)
        for q in get_builtin("staff-interview-ri").visible_questions({})[:12]:
            assert " ".join(q.text.split()) in words


async def test_mark_complete_lists_every_unanswered_question_grouped(make_app, data_dir, settle):
    interview_id = seed(data_dir, at="role")
    visible = get_builtin("staff-interview-ri").visible_questions({})
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_runner(app, pilot, settle, interview_id)
        await pilot.press(*"Housing Officer", "ctrl+n")  # Q1 answered
        await settle(pilot)
        await pilot.press("ctrl+n", "ctrl+k")  # Q2 (required) left, Q3 skipped
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        text = str(app.screen.query_one("#confirm-question", Static).render())
        required = [q for q in visible[1:] if q.required]
        rest = [q for q in visible[3:] if not q.required]
        assert len(rest) >= 12
        heading = f"{len(required)} required questions are not answered yet:"
        assert heading + "\n  • Q2: Which department" in text
        assert "1 skipped question is still open:\n  • Q3: How often are you in contact" in text
        assert f"{len(rest)} questions are not answered:" in text
        for n, q in enumerate(visible, start=1):
            if q in visible[3:]:
                assert f"Q{n}: {' '.join(q.text.split())}" in text
        assert "What is your job title?" not in text  # answered
        button = app.screen.query_one("#confirm")
        assert button.region.bottom <= 24, "the buttons stay on the screen"
        await pilot.press("escape")
        await settle(pilot)
        assert screen.data is not None and screen.data.status == "in_progress"


async def test_an_invalid_date_is_kept_durably_marked_to_correct(make_app, data_dir, settle):
    interview_id = seed(data_dir, "mystery-shop", at="contact-date")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_runner(app, pilot, settle, interview_id)
        assert screen.current == "contact-date"
        await pilot.press(*"2024-02-30", "tab", *"Rang twice")
        await settle(pilot)
        # Already in the database, before the inspector leaves the question.
        stored = stored_answers(data_dir, interview_id)["contact-date"]
        assert stored.value == ""
        assert fieldwork.split_draft(stored.notes) == ("Rang twice", "2024-02-30")
        await pilot.press("ctrl+n")  # moving on is allowed: nothing is lost
        await settle(pilot)
        assert screen.current != "contact-date"
    # After a restart the typed date is back in its field, marked, and the notes are clean.
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_runner(app, pilot, settle, interview_id)
        await pilot.press("pageup")
        await settle(pilot)
        assert screen.current == "contact-date"
        assert screen.query_one("#answer", Input).value == "2024-02-30"
        assert screen.query_one("#notes", TextArea).text == "Rang twice"
        assert "answer to correct" in str(screen.query_one("#runner-status", Static).render())
        await pilot.press("backspace", "backspace", *"28", "escape")
        await settle(pilot)
    stored = stored_answers(data_dir, interview_id)["contact-date"]
    assert (stored.value, stored.notes) == ("2024-02-28", "Rang twice")


async def test_mark_complete_names_an_answer_still_to_correct(make_app, data_dir, settle):
    interview_id = seed(data_dir, "mystery-shop", at="contact-date")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_runner(app, pilot, settle, interview_id)
        await pilot.press(*"2024-02-30", "ctrl+e")
        await settle(pilot)
        text = str(app.screen.query_one("#confirm-question", Static).render())
        assert text.startswith("1 answer is typed but not valid yet:\n  • Q")


def test_the_form_s_job_title_and_department_are_not_asked_again(data_dir):
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        insp = inspections.create_inspection(s, title="RI", landlord="Vale HA")
        finance = inspections.add_area(s, insp.id, name="Finance")
        estates = inspections.add_area(s, insp.id, name="Estates")

        def start(area_id: str) -> str:
            details = InterviewDetails(
                area_id=area_id,
                questionnaire_id="staff-interview-ri",
                interviewee_kind="staff",
                interviewee_role="Accountant",
                interviewee_name="",
                interviewer_ids=[],
                interview_date=dt.date(2024, 3, 12),
                consent=True,
            )
            return fieldwork_edits.create_interview(s, insp.id, details)

        matched, unmatched = start(finance.id), start(estates.id)
    store.close()
    found = stored_answers(data_dir, matched)
    assert (found["role"].value, found["department"].value) == ("Accountant", "Finance")
    assert stored_answers(data_dir, unmatched)["role"].value == "Accountant"
    assert "department" not in stored_answers(data_dir, unmatched)
    store = open_store(empty_data_dir(data_dir))
    with store.read() as s:
        first = s.get(m.Interview, matched)
        second = s.get(m.Interview, unmatched)
        assert first is not None and second is not None
        assert (first.current_question, first.status) == ("tenant-contact", "planned")
        assert second.current_question == "department"  # not known: asked first
    store.close()


async def test_a_date_question_takes_the_date_as_people_write_it(make_app, data_dir, settle):
    interview_id = seed(data_dir, "mystery-shop", at="contact-date")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_runner(app, pilot, settle, interview_id)
        assert screen.current == "contact-date"
        await pilot.press(*"14/06/2021", "ctrl+n")
        await settle(pilot)
    stored = stored_answers(data_dir, interview_id)["contact-date"]
    assert (stored.value, fieldwork.split_draft(stored.notes)[1]) == ("2021-06-14", None)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_runner(app, pilot, settle, interview_id)
        await pilot.press("pageup")
        await settle(pilot)
        assert screen.current == "contact-date"
        assert screen.query_one("#answer", Input).value == "14 June 2021"
