"""Before an interview or review is marked complete: every question still without an answer.

A newcomer pressing Ctrl+E needs to see all that is left, not only the required and
skipped questions: twelve questions nobody asked are as much a reason to go back as one
required one. They are grouped (required, skipped, not answered) so the ones that matter
most come first, and the list scrolls, so at 80×24 the keys below it stay in sight however
many there are.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from tenant_inspect.question_path import QuestionPath

from ..bindings import bind
from ..dialogs.confirm import ConfirmDialog


def unanswered_groups(
    path: QuestionPath, to_correct: Collection[str] = ()
) -> list[tuple[str, list[str]]]:
    """(heading, "Q7: text" lines) for each group of questions still without an answer.

    Answers typed but not valid yet (``to_correct``, kept in their notes) come first, then
    required (whether skipped or not), then skipped, then the rest; a question is in one
    group only. Groups with nothing in them are left out.
    """
    correct: list[str] = []
    required: list[str] = []
    skipped: list[str] = []
    blank: list[str] = []
    for q in path.visible:
        state = path.state(q.id)
        line = f"Q{path.position(q.id)[0]}: {' '.join(q.text.split())}"
        if q.id in to_correct:
            correct.append(line)
        elif state.answered:
            continue
        elif q.required:
            required.append(line)
        elif state.skipped:
            skipped.append(line)
        else:
            blank.append(line)
    groups = []
    for lines, one, many in (
        (correct, "answer is typed but not valid yet", "answers are typed but not valid yet"),
        (
            required,
            "required question is not answered yet",
            "required questions are not answered yet",
        ),
        (skipped, "skipped question is still open", "skipped questions are still open"),
        (blank, "question is not answered", "questions are not answered"),
    ):
        if lines:
            groups.append((f"{len(lines)} {one if len(lines) == 1 else many}:", lines))
    return groups


class CompleteCheckDialog(ConfirmDialog):
    """Every unanswered question, grouped; ``y`` marks the work complete anyway.

    A confirmation like any other (same keys, same answer), laid out for a long list.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "cancel", "Not yet", "Go back to the questions"),
        Binding("n", "cancel", "No", show=False),
        bind("y", "confirm", "Mark complete", "Mark it complete anyway"),
    ]

    DEFAULT_CSS = """
    CompleteCheckDialog .complete-check { width: 90; height: 100%; max-height: 40; }
    CompleteCheckDialog #complete-list { height: 1fr; }
    CompleteCheckDialog #confirm-question { height: auto; }
    CompleteCheckDialog #complete-ask { height: auto; margin-top: 1; text-style: bold; }
    """

    def __init__(self, noun: str, groups: list[tuple[str, list[str]]]) -> None:
        super().__init__(f"Mark the {noun} complete anyway?", "Mark complete")
        self.noun = noun
        self.groups = groups

    def compose(self) -> ComposeResult:
        parts: list[Content | str] = []
        for heading, lines in self.groups:
            if parts:
                parts.append("\n\n")
            parts.append(Content.from_markup("[b]$h[/b]", h=heading))
            parts += [f"\n  • {line}" for line in lines]
        with Vertical(classes="dialog complete-check"):
            with VerticalScroll(id="complete-list"):
                yield Static(Content.assemble(*parts), id="confirm-question")
            yield Static(Content(f"Mark the {self.noun} complete anyway?"), id="complete-ask")
            yield Static(
                "[b]y[/b] Mark complete  ·  [b]Esc[/b] Not yet  ·  or Tab to a button",
                classes="dialog-hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Mark complete", variant="error", id="confirm")
                yield Button("Not yet", variant="primary", id="cancel")
