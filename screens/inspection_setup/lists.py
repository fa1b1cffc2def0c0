"""The Areas and Team tabs: lists changed through small dialogs and one-off ordered writes.

Each change is one write queued in order with the autosaves (``services.write``), run as a
:func:`tenant_inspect.attempts.refusable` attempt: when the service refuses (an area that
still has interviews filed under it, a name already in the team) its own message is shown
in the tab, and the list is read again so it shows what is really stored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from tenant_inspect.attempts import refusable
from tenant_inspect.edits import setup as setup_edits
from tenant_inspect.errors import UserError
from tenant_inspect.views.setup import AreaLine, MemberLine, load_lists
from tenant_inspect.vocabulary import AREA_KIND_WORDS, ROLE_WORDS

from ..base import InspectionScreen
from ..dialogs.add_area import AddAreaDialog
from ..dialogs.confirm import ConfirmDialog
from ..dialogs.text_prompt import TextPromptDialog
from ..markup import escape, problem_words
from ..widgets.tables import keyed_table

if TYPE_CHECKING:
    from sqlmodel import Session


class ListsEditing(InspectionScreen):
    """Set-up's last two tabs: the areas in report order, and the team."""

    def __init__(self, inspection_id: str) -> None:
        super().__init__(inspection_id)
        self.areas: list[AreaLine] = []
        self.team: list[MemberLine] = []

    def compose_areas(self) -> ComposeResult:
        yield Static(
            "The report has one lettered section per area, in this order.", classes="tab-hint"
        )
        yield Static("", id="areas-message", classes="tab-message")
        yield keyed_table(
            "setup-areas",
            ("Area", "area"),
            ("Kind", "kind"),
            ("Interviews planned", "planned"),
            zebra_stripes=True,
        )

    def compose_team(self) -> ComposeResult:
        yield Static("The inspectors, and who coordinates them.", classes="tab-hint")
        yield Static("", id="team-message", classes="tab-message")
        yield keyed_table("setup-team", ("Name", "name"), ("Role", "role"), zebra_stripes=True)

    # -- loading -------------------------------------------------------------

    def reload_lists(self, select: str | None = None) -> None:
        inspection_id = self.inspection_id
        self.services.read(
            lambda s: load_lists(s, inspection_id),
            lambda lists: self.show_lists(lists, select),
            group="setup-lists",
        )

    def show_lists(
        self, lists: tuple[list[AreaLine], list[MemberLine]], select: str | None = None
    ) -> None:
        if not self.is_attached:
            return
        self.areas, self.team = lists
        table = self.query_one("#setup-areas", DataTable)
        keep = select or self._selected(table)
        table.clear()
        for a in self.areas:
            planned = str(a.interviews_planned) if a.kind == "department" else "–"
            kind = AREA_KIND_WORDS.get(a.kind, a.kind)
            table.add_row(f"{a.letter}. {a.name}", kind, planned, key=a.id)
        self._restore(table, [a.id for a in self.areas], keep)
        members = self.query_one("#setup-team", DataTable)
        keep = select or self._selected(members)
        members.clear()
        for t in self.team:
            members.add_row(t.name, ROLE_WORDS.get(t.role, ROLE_WORDS["inspector"]), key=t.id)
        self._restore(members, [t.id for t in self.team], keep)
        if not self.team:
            self._say("team", "Nobody yet: press a to add the first member of the team.")
        if not self.areas:
            self._say("areas", "No areas yet: press a to add a department.")

    @staticmethod
    def _selected(table: DataTable[Any]) -> str | None:
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    @staticmethod
    def _restore(table: DataTable[Any], ids: list[str], keep: str | None) -> None:
        if keep in ids:
            table.move_cursor(row=ids.index(keep))

    # -- areas -----------------------------------------------------------------

    def selected_area(self) -> AreaLine | None:
        area_id = self._selected(self.query_one("#setup-areas", DataTable))
        return next((a for a in self.areas if a.id == area_id), None)

    def _need_area(self) -> AreaLine | None:
        area = self.selected_area()
        if area is None:
            self._say("areas", "There is no area to change yet: press a to add one.", error=True)
        return area

    def action_add_area(self) -> None:
        inspection_id = self.inspection_id

        def chosen(answer: tuple[str, str] | None) -> None:
            if not answer:
                return
            name, kind = answer
            self.change(
                lambda s: setup_edits.add_area(s, inspection_id, name, kind),
                "areas",
                done=f"Added “{name}”.",
                refused="Not added",
            )

        self.app.push_screen(AddAreaDialog(), chosen)

    def action_rename_area(self) -> None:
        area = self._need_area()
        if area is None:
            return

        def chosen(name: str | None) -> None:
            if not name or name == area.name:
                return
            self.change(
                lambda s: setup_edits.rename_area(s, area.id, name),
                "areas",
                done=f"Renamed to “{name}”.",
                refused="Not renamed",
            )

        self.app.push_screen(TextPromptDialog("Rename area", "New name", value=area.name), chosen)

    def action_move_area(self, offset: int) -> None:
        area = self._need_area()
        if area is None:
            return
        self.change(
            lambda s: setup_edits.move_area(s, area.id, offset),
            "areas",
            done=None,
            refused="Not moved",
        )

    def action_planned(self) -> None:
        area = self._need_area()
        if area is None:
            return
        if area.kind != "department":
            self._say(
                "areas",
                f"“{area.name}” is not a department: interviews are planned for departments.",
                error=True,
            )
            return

        def chosen(text: str | None) -> None:
            if text is None:
                return
            planned = int(text)
            self.change(
                lambda s: setup_edits.plan_interviews(s, area.id, planned),
                "areas",
                done=f"{area.name}: {planned} interviews planned.",
                refused="Not saved",
            )

        self.app.push_screen(
            TextPromptDialog(
                f"Interviews planned — {area.name}",
                "How many interviews do you plan in this department?",
                value=str(area.interviews_planned),
                validate=setup_edits.check_planned,
            ),
            chosen,
        )

    def action_remove_area(self) -> None:
        area = self._need_area()
        if area is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.change(
                    lambda s: setup_edits.remove_area(s, area.id),
                    "areas",
                    done=f"Removed “{area.name}”.",
                    refused="Not removed",
                )

        self.app.push_screen(
            ConfirmDialog(f"Remove the area “{area.name}” from this inspection?"), confirmed
        )

    # -- team --------------------------------------------------------------------

    def selected_member(self) -> MemberLine | None:
        member_id = self._selected(self.query_one("#setup-team", DataTable))
        return next((t for t in self.team if t.id == member_id), None)

    def _need_member(self) -> MemberLine | None:
        member = self.selected_member()
        if member is None:
            self._say(
                "team", "There is nobody in the team yet: press a to add someone.", error=True
            )
        return member

    def action_add_member(self) -> None:
        inspection_id = self.inspection_id

        def chosen(name: str | None) -> None:
            if not name:
                return
            first_on_screen = not self.team
            done = f"Added {name}" + (
                " (the first member is the coordinator; c changes who)." if first_on_screen else "."
            )
            self.change(
                lambda s: setup_edits.add_member(s, inspection_id, name),
                "team",
                done=done,
                refused="Not added",
            )

        self.app.push_screen(
            TextPromptDialog("Add a team member", "Name", placeholder="e.g. Ann Example"), chosen
        )

    def action_coordinator(self) -> None:
        member = self._need_member()
        if member is None:
            return
        self.change(
            lambda s: setup_edits.make_coordinator(s, member.id),
            "team",
            done=f"{member.name} is now the coordinator.",
            refused="Not changed",
        )

    def action_rename_member(self) -> None:
        member = self._need_member()
        if member is None:
            return

        def chosen(name: str | None) -> None:
            if not name or name == member.name:
                return
            self.change(
                lambda s: setup_edits.rename_member(s, member.id, name),
                "team",
                done=f"Renamed to {name}.",
                refused="Not renamed",
            )

        self.app.push_screen(
            TextPromptDialog("Rename team member", "Name", value=member.name), chosen
        )

    def action_remove_member(self) -> None:
        member = self._need_member()
        if member is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.change(
                    lambda s: setup_edits.remove_member(s, member.id),
                    "team",
                    done=f"Removed {member.name} from the team.",
                    refused="Not removed",
                )

        self.app.push_screen(ConfirmDialog(f"Remove {member.name} from the team?"), confirmed)

    # -- shared --------------------------------------------------------------------

    def change(
        self, fn: Callable[[Session], Any], tab: str, *, done: str | None, refused: str
    ) -> None:
        """Write one change in order with the autosaves; then show the result in the tab."""

        def finished(result: tuple[Any, UserError | None]) -> None:
            value, error = result
            if error is not None:
                self._say(tab, f"{refused}: {problem_words(error)}", error=True)
                self.app.bell()
                self.reload_lists()
                return
            self._say(tab, done or "")
            self.reload_lists(select=value if isinstance(value, str) else None)

        self.services.write(refusable(fn), finished)

    def _say(self, tab: str, text: str, *, error: bool = False) -> None:
        if not self.is_attached:
            return
        message = self.query_one(f"#{tab}-message", Static)
        message.update(escape(f"✗ {text}" if error else text))
        message.set_class(error, "-error")
