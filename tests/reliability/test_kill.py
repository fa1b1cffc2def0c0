"""SIGKILL the real app while a note is being typed: nothing older than ~0.5 s is lost.

The app runs as its own process (``python -m tenant_inspect --data-dir D``)
under a pseudo-terminal of 80×24, exactly as an inspector would run it. The
data dir is seeded with the services first: an inspection, a department and
an interview already in progress and standing at question 1. The test then
drives the app by keys the way a person would — Enter opens the inspection,
``i`` the interviews (the dashboard's key), Enter the interview, Tab the notes
— waiting each time for the screen to show what it expects, and types a long
note one character at a time with small gaps, recording when each character
was sent. Mid-sentence it sends SIGKILL: no clean-up, no flush.

Then the database is opened with the services. The saved notes must be a
prefix of what was typed (nothing garbled or out of order), must contain
every character sent more than ``ALLOWED_LOSS`` seconds before the kill, and
SQLite's integrity check must pass.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

import pytest

if sys.platform == "win32":  # pragma: no cover - pty imports there but cannot work
    pytest.skip("needs a POSIX pseudo-terminal", allow_module_level=True)

from harness import ALLOWED_LOSS, Terminal

from tenant_inspect import fieldwork, inspections
from tenant_inspect import models as m
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.questionnaire import get_builtin
from tenant_inspect.store import open_store

GAP = 0.03  # seconds between keystrokes: faster than anyone types
TYPING_TIME = 3.0  # seconds of typing before the kill
NOTE = (
    "She said the repairs pledge is on the staff intranet but nobody in her team could say "
    "what it promises, and tenants on the Kingfisher estate have never been told about it. "
    "Complaints about damp are logged but the follow-up letter still says four weeks. "
)


def seed(data_dir: Path) -> tuple[str, str]:
    store = open_store(resolve_data_dir(data_dir))
    with store.write() as s:
        insp = inspections.create_inspection(s, title="Kill test", landlord="Vale HA")
        area = inspections.add_area(s, insp.id, name="Repairs")
        interview = fieldwork.add_interview(
            s,
            insp.id,
            interviewee_role="Repairs Manager",
            area_id=area.id,
            questionnaire=get_builtin("staff-interview-ri"),
            consent=True,
            status="in_progress",
            current_question="role",
        )
        ids = (insp.id, interview.id)
    store.close()
    return ids


def test_sigkill_while_typing_loses_at_most_half_a_second(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    _, interview_id = seed(data_dir)
    term = Terminal(data_dir)
    try:
        term.wait_for("Kill test")  # home: the inspection is listed
        term.send("\r")
        term.wait_for("Start interview")  # the dashboard's footer
        term.send("i")
        term.wait_for("Enter opens")  # the interview list's status line
        term.send("\r")
        term.wait_for("Question 1 of")  # the runner, resumed at question 1
        term.send("\t")  # from the answer to the notes
        time.sleep(0.3)
        sent: list[float] = []
        start = time.monotonic()
        for ch in NOTE:
            term.send(ch)
            sent.append(time.monotonic())
            if sent[-1] - start >= TYPING_TIME:
                break
            time.sleep(GAP)
        killed_at = time.monotonic()
        term.kill()  # mid-sentence: the next character was due in GAP seconds
    finally:
        term.close()

    typed = NOTE[: len(sent)]
    store = open_store(resolve_data_dir(data_dir))
    try:
        with store.read() as s:
            interview = s.get(m.Interview, interview_id)
            assert interview is not None
            answer = fieldwork.answers(s, interview).get("role")
            saved = answer.notes if answer is not None else ""
    finally:
        store.close()
    conn = sqlite3.connect(resolve_data_dir(data_dir).db_path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()

    must_have = sum(1 for t in sent if t < killed_at - ALLOWED_LOSS)
    lost = len(typed) - len(saved)
    oldest_lost_age = killed_at - sent[len(saved)] if lost else 0.0
    report = (
        f"typed {len(typed)} characters in {sent[-1] - sent[0]:.2f} s; saved {len(saved)}; "
        f"lost {lost} (the oldest lost keystroke was sent {oldest_lost_age:.3f} s before the "
        f"kill); {must_have} were sent more than {ALLOWED_LOSS} s before it"
    )
    print(report)
    assert integrity == "ok"
    assert typed.startswith(saved), f"saved notes are not a prefix of what was typed: {saved!r}"
    assert len(saved) >= must_have, report
    assert oldest_lost_age <= ALLOWED_LOSS, report
