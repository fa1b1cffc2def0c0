"""Keys that arrive in the same burst as Tab or PgDn go where that key leads, not where it left.

Found by the kill harness. On a busy laptop (or when text is pasted) the terminal hands the
app "Tab, n, o, t, e, s" in one read; Textual gives each key to the focused widget's queue
as it reads it, and Tab's ordinary binding ran only after the box had bubbled it up, so
"notes" landed (and was saved) in the answer box. Tab out of a text box is now a priority
binding on the app (``screens/widgets/text_box.py``): the focus moves while the keys are
read. Without it this test fails every time; it runs in a real pseudo-terminal because
only a real terminal delivers the burst in one read.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

if sys.platform == "win32":  # pragma: no cover
    pytest.skip("needs a POSIX pseudo-terminal", allow_module_level=True)

from harness import CTRL_Q, PGDN, Terminal, open_first_interview, read_state, seed_soak

PGUP = "\x1b[5~"


def type_then_burst(term: Terminal, typed: str, burst: str) -> None:
    """Type ``typed`` at a pause, then ``burst`` in one write, as a busy laptop delivers it;
    then quit (which saves everything) and wait for the app to end."""
    time.sleep(0.3)
    term.send(typed)
    time.sleep(0.3)
    term.send(burst)
    time.sleep(1.0)
    term.send(CTRL_Q)
    term.process.wait(timeout=20)


def test_keys_typed_ahead_after_tab_go_to_the_next_field(tmp_path: Path) -> None:
    data = tmp_path / "data"
    interview = seed_soak(data, questions=3)
    term = Terminal(data)
    try:
        open_first_interview(term)
        term.send(PGDN)
        term.wait_for("Question 2 of")
        type_then_burst(term, "answer", "\tnotes")
    finally:
        term.close()
    _, fields = read_state(data, interview)
    assert (fields.get(("q002", "value")), fields.get(("q002", "notes"))) == ("answer", "notes")


def test_answers_typed_ahead_of_pgdn_and_pgup_go_to_their_questions(tmp_path: Path) -> None:
    """PgDn, the next answer, PgUp and more words in one read (``screens/type_ahead.py``).

    PgDn replaces the question on screen, answer box and all. The keys after it used to go
    to the box being removed and were lost; and a PgUp after them ran before the new box had
    taken them, so it saved the new answer empty. Each part must end up in its own question.
    """
    data = tmp_path / "data"
    interview = seed_soak(data, questions=3)
    term = Terminal(data)
    try:
        open_first_interview(term)
        type_then_burst(term, "first", f"{PGDN}second{PGUP} and back")
    finally:
        term.close()
    current, fields = read_state(data, interview)
    assert (fields.get(("q001", "value")), fields.get(("q002", "value"))) == (
        "first and back",
        "second",
    )
    assert current == "q001"
