"""The question runner's keys and its F1 help, in one place.

The keys were chosen to work in tmux and inside the notes area: PgUp/PgDn are shown for
Back/Next because Ctrl+B is tmux's prefix (it still works elsewhere, as does Ctrl+N); the
runner's Ctrl keys are ones a notes area does not need, and the answer fields give up the few
they had (Ctrl+E "line end" — End does it — and Ctrl+K "delete to line end"), see
:data:`~screens.widgets.fields.RUNNER_KEYS`.
"""

from __future__ import annotations

from textual.binding import BindingType

from ..bindings import bind

# Footer order is the order here; at 80 columns these exactly fit beside F1 Help.
RUNNER_BINDINGS: list[BindingType] = [
    bind(
        "pageup,ctrl+b",
        "previous_question",
        "Back",
        "Go back one question (PgUp or Ctrl+B)",
        priority=True,
        key_display="PgUp",
    ),
    bind(
        "pagedown,ctrl+n",
        "next_question",
        "Next",
        "Go to the next question (PgDn or Ctrl+N); everything is saved",
        priority=True,
        key_display="PgDn",
    ),
    bind(
        "ctrl+k",
        "skip_question",
        "Skip",
        "Mark this question skipped and move on; return to it with Ctrl+G",
        priority=True,
    ),
    bind(
        "ctrl+g",
        "jump",
        "Jump",
        "List every question and go to any of them",
        id="jump-to-question",
        priority=True,
    ),
    bind(
        "ctrl+f",
        "add_finding",
        "Finding",
        "Add a finding from this answer, or from the text you selected",
        priority=True,
    ),
    bind(
        "ctrl+l",
        "toggle_findings",
        "Findings",
        "Show or hide the findings recorded here",
        priority=True,
    ),
    bind(
        "ctrl+e",
        "mark_complete",
        "Complete",
        "Mark this as complete (checks the required questions first)",
        priority=True,
    ),
    bind(
        "escape",
        "back_to_list",
        "Back to list",
        "Back to the list (everything is saved)",
        show=False,
    ),
    # Quit still works here; it is left out of the Footer to make room for the runner's keys.
    bind(
        "ctrl+q",
        "quit_app",
        "Quit",
        "Quit (everything is saved first)",
        id="quit-from-runner",
        show=False,
    ),
]

HELP_TITLE = "Question runner"
HELP_TEXT = (
    "Back: PgUp or Ctrl+B · Next: PgDn or Ctrl+N · Esc: back to the list.\n"
    "One question at a time. Type the answer and any notes: everything is saved as you type, "
    "and when you move to another question. Choices are saved the moment you make them.\n"
    "Questions that do not apply (because of an earlier answer) are left out and the count "
    "changes to match. Skipped questions are marked ↷ in the Ctrl+G list; go back to them "
    "any time. Leave whenever you like: it opens again on the same question."
)
