"""The app on a read-only data folder: it opens, shows everything, says from the start that
nothing can be saved, and never pretends to save what is typed.

The folder is really read-only (``tests/support/read_only.py``), so the app runs in a child
process that cannot write it even as root; :func:`drive` is the Pilot script that child
runs, and its assertions are the test's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tenant_inspect import fieldwork, inspections
from tenant_inspect.locations import DataDir, resolve_data_dir
from tenant_inspect.questionnaire import get_builtin
from tenant_inspect.store import open_store
from tests.support.read_only import listing, read_only, runner

ROOT = Path(__file__).resolve().parents[2]


def seed(data_dir: DataDir) -> str:
    with open_store(data_dir) as store, store.write() as s:
        insp = inspections.create_inspection(s, title="Rescued inspection", landlord="Vale HA")
        interview = fieldwork.add_interview(
            s,
            insp.id,
            interviewee_role="Repairs Manager",
            questionnaire=get_builtin("staff-interview-ri"),
            consent=True,
            status="in_progress",
            current_question="role",
        )
        return interview.id


async def drive(folder: str, interview_id: str, report: str) -> None:
    """In the child: open the app as ``tenant-inspect --data-dir FOLDER`` would, and use it."""
    from textual import events
    from textual.widgets import DataTable, Input, Static

    from screens.app import TenantInspectApp
    from screens.interviews import InterviewScreen
    from screens.widgets.save_indicator import SaveIndicator
    from tenant_inspect.store import storage_backend
    from tests.support.settling import settle

    data_dir = resolve_data_dir(folder)
    with storage_backend(data_dir).hold():  # as cmd_tui does: no lock file can be made here
        app = TenantInspectApp(data_dir)
        try:
            async with app.run_test(size=(110, 32), notifications=True) as pilot:
                await settle(pilot)
                assert app.read_only
                table = app.screen.query_one("#inspections", DataTable)
                assert table.row_count == 1
                assert "Rescued inspection" in table.get_row_at(0)[0].plain
                assert "READ-ONLY" in app.title
                assert app.screen.query_one(SaveIndicator).state == "readonly"
                assert "cannot save" in str(app.screen.query_one(SaveIndicator).render())
                warned = [n.message for n in app._notifications if n.title == "Read-only"]
                assert warned == [
                    f"The data folder {data_dir.path} is read-only: you can look and export, "
                    "but nothing can be saved there."
                ]

                await pilot.press("n")  # a one-off write: refused, said, nothing pretended
                await settle(pilot)
                await pilot.press(*"Another", "enter", *"L", "enter", "enter")
                await settle(pilot)
                refused = [n.message for n in app._notifications if n.title == "Not saved"]
                assert refused and all("the data folder is read-only" in m for m in refused)
                assert not [n for n in app._notifications if n.title == "Saved"]
                await pilot.press("escape")
                await settle(pilot)
                assert app.screen.query_one("#inspections", DataTable).row_count == 1

                await pilot.press("enter")  # browse: the inspection's dashboard opens
                await settle(pilot)
                assert type(app.screen).__name__ == "DashboardScreen"

                await pilot.press("x")  # export: the report goes to a folder that is writable
                await settle(pilot)
                await pilot.press("ctrl+s")
                await settle(pilot)
                await pilot.press("ctrl+u")
                app.screen.query_one("#file-path", Input).post_message(events.Paste(report))
                await pilot.pause()
                await pilot.press("enter")
                await settle(pilot)
                written = str(app.screen.query_one("#export-result", Static).render())
                assert f"Written: {report}" in written.replace("\n", ""), written
                assert "Rescued inspection" in Path(report).read_text(encoding="utf-8")
                await pilot.press("escape")
                await settle(pilot)

                app.push_screen(InterviewScreen(interview_id))
                await settle(pilot)
                indicator = app.screen.query_one(SaveIndicator)
                assert indicator.state == "readonly"
                await pilot.press(*"Repairs Manager", "tab", *"Team of six")
                await settle(pilot)
                assert indicator.state == "failed"
                assert "NOT SAVED" in str(indicator.render())
                typing = [m.message for m in app._notifications if "only on screen" in m.message]
                assert len(typing) == 2  # once per field, not once per keystroke
                assert all(f"{data_dir.path} is read-only" in m for m in typing)
                assert set(app._unsaved) and app.finish_saving()
        finally:
            app.shutdown_store()
    watch = app._change_watch
    assert watch is not None and not watch.changed()  # so no backup is tried on exit


def test_the_app_opens_a_read_only_folder_and_never_pretends_to_save(tmp_path):
    preexec = runner()
    data_dir = resolve_data_dir(tmp_path / "stick")
    interview_id = seed(data_dir)
    before = listing(data_dir.path)
    code = (
        "import asyncio, sys; sys.path.insert(0, sys.argv[1]); "
        "from tests.functional.test_read_only_app import drive; "
        "asyncio.run(drive(*sys.argv[2:]))"
    )
    with read_only(data_dir.path):
        done = subprocess.run(
            [
                *(sys.executable, "-c", code, str(ROOT), str(data_dir.path), interview_id),
                str(tmp_path / "report.md"),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=ROOT,
            preexec_fn=preexec,
            env={**os.environ, "TEXTUAL_ANIMATIONS": "none"},
        )
    assert done.returncode == 0, done.stderr[-4000:]
    assert listing(data_dir.path) == before  # nothing written, no lock file, no backup
