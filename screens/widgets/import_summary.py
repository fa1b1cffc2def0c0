"""What the imports did, file by file, and the conflicts they left to settle.

The Team screen shows :class:`ImportSummary` under the progress bar once the files are
merged, so the coordinator sees at a glance which return files went in and which were refused
(the reasons are spelled out under the table by the screen); :class:`OpenConflicts` lists
the first few conflicts still waiting for a decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets import DataTable, Static

from tenant_inspect.views.conflict_words import one_line

from ..markup import escape
from .tables import add_keyed_columns

if TYPE_CHECKING:
    from tenant_inspect.merge import FileResult
    from tenant_inspect.views.conflicts import ConflictItem

#: How many open conflicts are listed before "… and N more".
CONFLICTS_LISTED = 3

COLUMNS = (
    ("File", "file"),
    ("Added", "added"),
    ("Updated", "updated"),
    ("Unchanged", "unchanged"),
    ("Conflicts", "conflicts"),
)


class ImportSummary(DataTable[Any]):
    """One row per imported file: ✓ and its counts, or ✗ and "refused"."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        add_keyed_columns(self, *COLUMNS)

    def show(self, results: Sequence[FileResult], width: int) -> None:
        """List ``results``; file names are cut to fit ``width`` (the table hides when empty)."""
        self.clear()
        self.display = bool(results)
        for number, r in enumerate(results):
            name = one_line(r.path.name, width - 2)
            if r.ok:
                cells = [r.added, r.updated, r.unchanged, r.conflicts]
                self.add_row(
                    f"✓ {name}",
                    *(Text(str(n), justify="right") for n in cells),
                    key=str(number),
                )
            else:
                self.add_row(f"✗ {name}", "refused", "–", "–", "–", key=str(number))


class OpenConflicts(Static):
    """How many conflicts wait for a decision, and the first few of them."""

    def show(self, items: Sequence[ConflictItem], width: int) -> None:
        """List the first :data:`CONFLICTS_LISTED` titles, cut to fit ``width``."""
        if not items:
            self.update("No conflicts to resolve.")
            return
        count = len(items)
        lines = [
            f"[b]{count} conflict{'s' if count != 1 else ''} to resolve[/b] — press c to "
            "choose which version to keep:"
        ]
        lines += [f"  • {escape(one_line(i.title, width))}" for i in items[:CONFLICTS_LISTED]]
        if count > CONFLICTS_LISTED:
            lines.append(f"  … and {count - CONFLICTS_LISTED} more")
        self.update("\n".join(lines))
