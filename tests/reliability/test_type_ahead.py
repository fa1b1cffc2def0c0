"""Known bug, kept visible: keys that arrive in the same burst as Tab reach the field being left.

Found by the kill harness. On a busy laptop (or when text is pasted) the terminal hands the
app "Tab, n, o, t, e, s" in one read; Textual gives each key to the focused widget's queue
before the Tab's focus change has run, so "notes" lands (and is saved) in the answer box. No
text is lost, but it is saved in the wrong field. The fix belongs in how the question runner
(screens/interview.py) moves focus on Tab; simply making Tab a priority binding was tried
and is not enough. Until it is fixed this test is expected to fail (xfail, not strict: the
timing can let it pass).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

if sys.platform == "win32":  # pragma: no cover
    pytest.skip("needs a POSIX pseudo-terminal", allow_module_level=True)

from harness import CTRL_Q, PGDN, Terminal, read_state, seed_soak


@pytest.mark.xfail(reason="type-ahead after Tab goes to the field being left", strict=False)
def test_keys_typed_ahead_after_tab_go_to_the_next_field(tmp_path: Path) -> None:
    data = tmp_path / "data"
    interview = seed_soak(data, questions=3)
    term = Terminal(data)
    try:
        term.wait_for("Kill soak")
        term.send("\r")
        term.wait_for("Start interview")
        term.send("i")
        term.wait_for("Enter opens")
        term.send("\r")
        term.wait_for("Question 1 of")
        term.send(PGDN)
        term.wait_for("Question 2 of")
        time.sleep(0.3)
        term.send("answer")
        time.sleep(0.3)
        term.send("\tnotes")  # one burst, as a busy laptop delivers it
        time.sleep(0.5)
        term.send(CTRL_Q)
        term.process.wait(timeout=20)
    finally:
        term.close()
    _, fields = read_state(data, interview)
    assert (fields.get(("q002", "value")), fields.get(("q002", "notes"))) == ("answer", "notes")
