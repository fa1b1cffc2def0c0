"""The question runner's keys and its F1 help, in one place.

The keys were chosen to work in tmux and inside the notes area: PgUp/PgDn are shown for
Back/Next because Ctrl+B is tmux's prefix (it still works elsewhere, as does Ctrl+N); the
runner's Ctrl keys are ones a notes area does not need, and the answer fields give up the few
they had (Ctrl+E "line end" — End does it — and Ctrl+K "delete to line end"), see
:data:`~screens.widgets.fields.RUNNER_KEYS`.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

# Footer order is the order here; at 80 columns these exactly fit beside F1 Help.
RUNNER_BINDINGS: list[BindingType] = [
    Binding(
        "pageup,ctrl+b",
        "previous_question",
        "Back",
        id="previous-question",
        tooltip="Go back one question (PgUp or Ctrl+B)",
        key_display="PgUp",
        priority=True,
    ),
    Binding(
        "pagedown,ctrl+n",
        "next_question",
        "Next",
        id="next-question",
        tooltip="Go to the next question (PgDn or Ctrl+N); everything is saved",
        key_display="PgDn",
        priority=True,
    ),
    Binding(
        "ctrl+k",
        "skip_question",
        "Skip",
        id="skip-question",
        tooltip="Mark this question skipped and move on; return to it with Ctrl+G",
        priority=True,
    ),
    Binding(
        "ctrl+g",
        "jump",
        "Jump",
        id="jump-to-question",
        tooltip="List every question and go to any of them",
        priority=True,
    ),
    Binding(
        "ctrl+f",
        "add_finding",
        "Finding",
        id="add-finding",
        tooltip="Add a finding from this answer, or from the text you selected",
        priority=True,
    ),
    Binding(
        "ctrl+l",
        "toggle_findings",
        "Findings",
        id="toggle-findings",
        tooltip="Show or hide the findings recorded here",
        priority=True,
    ),
    Binding(
        "ctrl+e",
        "mark_complete",
        "Complete",
        id="mark-complete",
        tooltip="Mark this as complete (checks the required questions first)",
        priority=True,
    ),
    Binding(
        "escape",
        "back_to_list",
        "Back to list",
        id="back-to-list",
        tooltip="Back to the list (everything is saved)",
        show=False,
    ),
    # Quit still works here; it is left out of the Footer to make room for the runner's keys.
    Binding(
        "ctrl+q",
        "quit_app",
        "Quit",
        id="quit-from-runner",
        tooltip="Quit (everything is saved first)",
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
