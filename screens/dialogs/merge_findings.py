"""Merge two findings that say the same thing: choose whose wording stays, then confirm.

Two inspectors often write the same weakness in their own words. Merging keeps one finding
and records the other as merged into it (never deleted), so the dialog shows both in full,
warns when their kinds or areas differ, and returns the id of the one to keep (None when
cancelled); the screen that opened it writes the merge.

(Not the bundle merge of return files: that is about laptops, this is about wording.)
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import RadioSet, Static

from tenant_inspect.views.board import BoardRow

from ..markup import escape
from ..widgets.fields import MarkedRadioButton
from .base import Dialog, dialog_bindings, dialog_buttons


class MergeFindingsDialog(Dialog[str]):
    """Confirm merging two findings and choose whose wording stays; returns the id kept."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *dialog_bindings("Merge", "Merge the two", action="merge", cancel="Keep both findings"),
        Binding("y", "merge", "Merge", show=False),
        Binding("1", "keep(0)", "Keep the first", show=False),
        Binding("2", "keep(1)", "Keep the second", show=False),
    ]

    DEFAULT_CSS = """
    MergeFindingsDialog .merge-dialog { width: 90; max-width: 100%; height: auto; max-height: 100%; }
    MergeFindingsDialog .merge-title { text-style: bold; height: auto; }
    MergeFindingsDialog #merge-body { height: auto; max-height: 1fr; }
    MergeFindingsDialog .merge-text { height: auto; padding: 0 0 0 3; }
    MergeFindingsDialog .merge-head { height: auto; text-style: bold; padding: 1 0 0 0; }
    MergeFindingsDialog #merge-keep { height: auto; margin: 1 0 0 0; }
    MergeFindingsDialog .merge-warning { color: $warning; text-style: bold; height: auto; }
    MergeFindingsDialog .merge-buttons { height: 1; align: right middle; margin: 1 0 0 0; }
    MergeFindingsDialog .merge-buttons Button { margin-left: 2; }
    MergeFindingsDialog .merge-hint { color: $text-muted; height: auto; }
    """

    def __init__(self, first: BoardRow, second: BoardRow, keep: int = 1) -> None:
        super().__init__()
        self.rows = (first, second)
        self.keep = keep

    def compose(self) -> ComposeResult:
        first, second = self.rows
        with Vertical(classes="dialog merge-dialog"):
            yield Static("Merge two findings into one", classes="merge-title")
            with VerticalScroll(id="merge-body"):
                for number, row in enumerate(self.rows, start=1):
                    by = f" · by {row.author}" if row.author else ""
                    yield Static(
                        escape(
                            f"{number}. {row.kind_label} · {row.area_title}{by} · {row.evidence}"
                        ),
                        classes="merge-head",
                    )
                    yield Static(escape(row.text), classes="merge-text")
                warnings = []
                if first.kind != second.kind:
                    warnings.append("They are of different kinds; the kept one's kind stays.")
                if first.area_id != second.area_id:
                    warnings.append("They are in different areas; the kept one's area stays.")
                for warning in warnings:
                    yield Static(f"⚠ {warning}", classes="merge-warning")
            yield RadioSet(
                MarkedRadioButton("Keep the wording of 1", self.keep == 0),
                MarkedRadioButton("Keep the wording of 2", self.keep == 1),
                id="merge-keep",
                compact=True,
            )
            yield Static(
                "Themes and recommendation links move to the one kept; the other stays on record "
                "as merged into it.",
                classes="merge-hint",
            )
            yield dialog_buttons("Merge", "merge", classes="merge-buttons")
            yield Static(
                "[b]1[/b]/[b]2[/b] or ↑↓ Space choose  ·  [b]y[/b] or [b]Ctrl+S[/b] merge  ·  "
                "[b]Esc[/b] cancel",
                classes="merge-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#merge-keep", RadioSet).focus()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        if event.index >= 0:
            self.keep = event.index

    def action_keep(self, index: int) -> None:
        self.keep = index
        buttons = list(self.query_one("#merge-keep", RadioSet).query(MarkedRadioButton))
        buttons[index].value = True

    def action_merge(self) -> None:
        self.dismiss(self.rows[self.keep].id)
