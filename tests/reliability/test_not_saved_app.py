"""The app never pretends: when the disk refuses a save it says NOT SAVED, keeps the text on
screen and in the database keeps what was saved; a later save of *another* field does not
turn the indicator back to "Saved"; typing again once there is room saves everything.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from screens.app import TenantInspectApp
from screens.interviews import InterviewScreen
from screens.run import run_app
from screens.widgets.save_indicator import SaveIndicator
from tenant_inspect import fieldwork, inspections
from tenant_inspect.errors import UserError
from tenant_inspect.locations import DataDir
from tenant_inspect.questionnaire import get_builtin
from tenant_inspect.store import open_store

FULL = "database or disk is full"


def seed(data_dir: DataDir) -> str:
    store = open_store(data_dir)
    with store.write() as s:
        insp = inspections.create_inspection(s, title="Disk trouble", landlord="Vale HA")
        interview = fieldwork.add_interview(
            s,
            insp.id,
            interviewee_role="Repairs Manager",
            questionnaire=get_builtin("staff-interview-ri"),
            consent=True,
            status="in_progress",
            current_question="role",
        )
        interview_id = interview.id
    store.close()
    return interview_id


def saved_answer(data_dir: DataDir, interview_id: str) -> tuple[str, str]:
    conn = sqlite3.connect(data_dir.db_path)
    try:
        row = conn.execute(
            "SELECT value, notes FROM answer WHERE interview_id = ? AND question_key = 'role'",
            (interview_id,),
        ).fetchone()
        return (row[0] or "", row[1] or "") if row else ("", "")
    finally:
        conn.close()


async def settle(pilot) -> None:
    app = pilot.app
    for _ in range(3):
        await app.workers.wait_for_complete()
        app.finish_saving()
        await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def indicator(app) -> SaveIndicator:
    return app.screen.query_one(SaveIndicator)


async def test_a_full_disk_shows_not_saved_until_that_field_is_saved(data_dir, monkeypatch):
    interview_id = seed(data_dir)
    app = TenantInspectApp(data_dir)
    try:
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await settle(pilot)
            app.push_screen(InterviewScreen(interview_id))
            await settle(pilot)
            await pilot.press(*"Repairs Manager")
            await settle(pilot)
            assert indicator(app).state == "saved"
            assert saved_answer(data_dir, interview_id) == ("Repairs Manager", "")

            # The disk fills up while notes are typed.
            store = app._store
            assert store is not None
            real_write = store.write

            def full(*args, **kwargs):
                raise sqlite3.OperationalError(FULL)

            monkeypatch.setattr(store, "write", full)
            await pilot.press("tab", *"Team of six")
            await settle(pilot)
            assert indicator(app).state == "failed"
            assert "NOT SAVED" in str(indicator(app).render())
            notes = [n.message for n in app._notifications if n.title == "Not saved"]
            assert notes
            for message in notes:
                assert "the disk is full" in message and "still on screen" in message
                assert "Traceback" not in message and "OperationalError" not in message
            assert saved_answer(data_dir, interview_id) == ("Repairs Manager", "")

            # Room again. Another field saves — but the notes still are not: no "Saved" yet.
            monkeypatch.setattr(store, "write", real_write)
            await pilot.press("shift+tab", "end", *"!")
            await settle(pilot)
            assert saved_answer(data_dir, interview_id) == ("Repairs Manager!", "")
            assert indicator(app).state == "failed"
            assert list(app._unsaved)  # run_app would say so on exit

            # Typing in the notes again saves the whole text; now it is honest to say Saved.
            await pilot.press("tab", "end", *".")
            await settle(pilot)
            assert saved_answer(data_dir, interview_id) == ("Repairs Manager!", "Team of six.")
            assert indicator(app).state == "saved"
            assert not app._unsaved
    finally:
        app.shutdown_store()


def test_run_app_says_not_saved_on_exit_and_fails(data_dir, monkeypatch, capsys):
    open_store(data_dir).close()

    def run(self):
        self._unsaved = {"answer:x:role:notes": UserError("the disk is full")}
        return 0

    monkeypatch.setattr(TenantInspectApp, "run", run)
    assert run_app(data_dir) == 1
    err = capsys.readouterr().err
    assert "NOT SAVED: the last changes to 1 field(s) could not be written" in err
    assert "the disk is full" in err


@pytest.mark.parametrize("changed", [True, False])
def test_the_exit_backup_is_taken_only_when_something_changed(
    data_dir: DataDir, monkeypatch, changed: bool
):
    from tenant_inspect.storage.sqlite.backups import ChangeWatch

    open_store(data_dir).close()

    def run(self):
        self._change_watch = ChangeWatch(data_dir.db_path)
        if changed:
            conn = sqlite3.connect(data_dir.db_path)
            conn.execute("INSERT INTO app_setting (key, value) VALUES ('probe', 'x')")
            conn.commit()
            conn.close()
        return 0

    monkeypatch.setattr(TenantInspectApp, "run", run)
    assert run_app(data_dir) == 0
    exits = list(Path(data_dir.backup_dir).glob("*-on-exit.db"))
    assert len(exits) == (1 if changed else 0)
