"""The panel of findings made on the interview or document being worked on."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tenant_inspect.views.findings import FindingRow

from .fields import FieldOptionList
from .one_line import one_line


class FindingsPanel(Vertical):
    """The findings recorded for one interview or document; Enter on one edits it."""

    DEFAULT_CSS = """
    FindingsPanel { height: 1fr; border-left: vkey $primary; padding: 0 1; }
    FindingsPanel #findings-title { text-style: bold; height: auto; }
    FindingsPanel #findings-list { height: 1fr; }
    FindingsPanel #findings-empty { color: $text-muted; height: auto; }
    FindingsPanel #findings-hint { color: $text-muted; height: auto; }
    """

    class Edit(Message):
        """The inspector chose a finding to edit."""

        def __init__(self, finding_id: str) -> None:
            super().__init__()
            self.finding_id = finding_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[FindingRow] = []
        self.numbers: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield Static("Findings here (0)", id="findings-title")
        yield Static(
            "None yet. On any question press Ctrl+F to record a strength, weakness or observation.",
            id="findings-empty",
        )
        yield FieldOptionList(id="findings-list")
        yield Static("Enter edits · Ctrl+F adds · Ctrl+L hides", id="findings-hint")

    def show(self, rows: list[FindingRow], numbers: dict[str, int] | None = None) -> None:
        """Fill the list. ``numbers`` maps question keys to the question's number for labels."""
        self.rows = rows
        self.numbers = numbers or {}
        option_list = self.query_one("#findings-list", OptionList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        for index, row in enumerate(rows):
            if index:
                option_list.add_option(None)  # a rule between findings
            where = (
                f" · Q{self.numbers[row.question_key]}" if row.question_key in self.numbers else ""
            )
            prompt = Content.assemble(
                (row.kind_label, "bold"), where, "\n", one_line(row.text, 160)
            )
            option_list.add_option(Option(prompt, id=row.id))
        if rows:
            option_list.highlighted = min(highlighted or 0, option_list.option_count - 1)
        self.query_one("#findings-title", Static).update(f"Findings here ({len(rows)})")
        self.query_one("#findings-empty").display = not rows
        option_list.display = bool(rows)

    def focus_list(self) -> None:
        option_list = self.query_one("#findings-list", OptionList)
        if option_list.display:
            option_list.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Edit(event.option.id))
