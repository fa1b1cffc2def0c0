"""Conflicts: the same thing changed on two laptops, settled one by one by the coordinator.

A merge never drops an edit: when two people changed the same field since they last
exchanged files, the row shows one version and keeps the other as an open conflict
(``tenant_inspect.merge``). This screen lists them in words a coordinator understands —
"Weakness finding from the Repairs charter (A. Desktop review) — text", "Answer to 'Who
sets the pledges?' in the Housing Officer interview — notes" — with both versions, where
each came from (which laptop, when) and three ways out:

* **k** keep the version shown now, **o** keep the other one (both ask first);
* **m** write one text from both (a text area prefilled with the two versions).

The decision goes through :func:`tenant_inspect.merge.resolve_conflict` on the app's
ordered writer. It is an ordinary edit stamped by this laptop, so it travels in the next
kit or return file and settles the conflict on every laptop that had it.

Interviews are named by the interviewee's role only, as everywhere else. Which laptop a
version came from is the device part of its change stamp; the Team screen remembers whose
laptop each device is when it imports their return file (``laptop_key``), otherwise the
laptop is named by its short id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from rich.markup import escape
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Header, Static, TextArea

from tenant_inspect.errors import UserError

from .base import ServicesMixin
from .messages import DataChanged, StoreReady
from .widgets.footer import FittingFooter

if TYPE_CHECKING:
    from sqlmodel import Session

    from tenant_inspect.merge import ConflictView


#: From this width the two versions stand side by side instead of one above the other.
SIDE_BY_SIDE = 110

#: Longer texts are cut on screen (rendering 100,000 characters would make the list crawl).
SHOWN_CHARACTERS = 4000

#: Free-text fields a person can sensibly merge (choices, dates and yes/no cannot be).
MERGEABLE = frozenset(
    {
        "title",
        "landlord",
        "topic",
        "scope",
        "report_number",
        "preface",
        "acknowledgements",
        "introduction",
        "methodology",
        "other_methods",
        "name",
        "description",
        "source",
        "version",
        "observations",
        "interviewee_role",
        "interviewee_name",
        "notes",
        "value",
        "text",
        "rationale",
        "expected_benefits",
        "responsible",
        "key_outcomes",
        "key_actions",
        "progress",
        "how_we_know",
        "costs",
        "tenant_say",
    }
)

FIELD_WORDS = {
    "value": "answer",
    "deleted_at": "deleted or not",
    "interviewee_role": "interviewee's role",
    "interviewee_name": "interviewee's name",
    "interviewee_kind": "who was interviewed",
    "interview_date": "date",
    "document_date": "document date",
    "interviews_planned": "interviews planned",
    "include_in_report": "shown in the report",
    "include_team_in_report": "team shown in the report",
    "grade": "judgement",
    "is_final": "final or draft",
    "sub_actions": "sub-actions",
    "expected_benefits": "expected benefits",
    "key_outcomes": "key outcomes",
    "key_actions": "key actions",
    "how_we_know": "how we know",
    "tenant_say": "how tenants have a say",
    "by_when": "by when",
    "target_date": "target date",
    "other_methods": "other methods",
    "report_number": "report number",
    "current_question": "place in the questionnaire",
    "merged_into_id": "merged into",
    "area_id": "area",
    "reviewer_id": "reviewer",
    "judge_id": "judged by",
    "internal": "internal or not",
}

KIND_WORDS = {
    "strength": "Strength",
    "weakness": "Weakness",
    "observation": "Observation",
    "good_practice": "Good practice",
}

#: Key hints under the versions (the footer has the same keys).
EDIT_KEYS = "[b]k[/b] keep shown  ·  [b]o[/b] keep other  ·  [b]m[/b] write one text from both"
FIXED_KEYS = "[b]k[/b] keep shown  ·  [b]o[/b] keep other  (this cannot be merged as text)"
DELETE_KEYS = "[b]k[/b] keep it deleted  ·  [b]o[/b] restore it with the other laptop's changes"


def laptop_key(inspection_id: str, device_id: str) -> str:
    """The ``app_setting`` key naming whose laptop ``device_id`` is in an inspection."""
    return f"laptop:{inspection_id}:{device_id}"


def field_words(name: str) -> str:
    return FIELD_WORDS.get(name, name.replace("_", " "))


def stamp_time(stamp: str) -> datetime | None:
    """When a change stamp was made (its wall-clock part), in local time."""
    try:
        ms = int(stamp[:13])
    except ValueError:
        return None
    return datetime.fromtimestamp(ms / 1000, tz=UTC).astimezone()


def when_words(moment: datetime | None) -> str:
    """'3 Mar 2026 14:05' (local time), or '' if unknown."""
    if moment is None:
        return ""
    return f"{moment.day} {moment:%b %Y %H:%M}"


def clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


# ---------------------------------------------------------------------------
# The data shown (plain values, built in a worker thread)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Version:
    """One side of a conflict, in words."""

    heading: str  # "Shown now" / "Other version"
    origin: str  # "from Ann Example's laptop, 3 Mar 2026 14:05"
    words: str  # the value as a person reads it
    text: str | None  # the value itself when it is text (for the merged text)


@dataclass(frozen=True)
class ConflictItem:
    """One open conflict as the coordinator sees it."""

    id: str
    kind: str  # "edit" or "delete"
    what: str  # the record, in words
    field: str  # the field, in words
    shown: Version
    other: Version
    mergeable: bool

    @property
    def title(self) -> str:
        if self.kind == "delete":
            return f"{self.what} — deleted on one laptop, changed on another"
        return f"{self.what} — {self.field}"

    @property
    def keys_hint(self) -> str:
        if self.kind == "delete":
            return DELETE_KEYS
        return EDIT_KEYS if self.mergeable else FIXED_KEYS


@dataclass(frozen=True)
class ConflictsData:
    title: str
    items: tuple[ConflictItem, ...]


class _Describer:
    """Names records the way a coordinator would, reading what it needs once."""

    def __init__(self, session: Session, inspection_id: str) -> None:
        from sqlmodel import col, select

        from tenant_inspect import inspections
        from tenant_inspect import models as m

        self.session = session
        self.inspection_id = inspection_id
        self.device = session.info["clock"].device
        areas = inspections.areas(session, inspection_id)
        self.areas = {a.id: f"{inspections.area_letter(i)}. {a.name}" for i, a in enumerate(areas)}
        self.members = {
            t.id: t.name
            for t in session.exec(
                select(m.TeamMember).where(m.TeamMember.inspection_id == inspection_id)
            )
        }
        prefix = laptop_key(inspection_id, "")
        self.laptops = {
            s.key[len(prefix) :]: self.members.get(s.value, "")
            for s in session.exec(
                select(m.AppSetting).where(col(m.AppSetting.key).startswith(prefix))
            )
        }

    # -- whose, when ---------------------------------------------------------

    def origin(self, stamp: str) -> str:
        device = stamp[19:]
        if not device:
            who = "an unknown laptop"
        elif device == self.device:
            who = "this laptop"
        elif self.laptops.get(device):
            who = f"{self.laptops[device]}'s laptop"
        else:
            who = f"laptop {device}"
        when = when_words(stamp_time(stamp))
        return f"from {who}, {when}" if when else f"from {who}"

    # -- what ----------------------------------------------------------------

    def _row(self, model: Any, row_id: str | None) -> Any:
        return self.session.get(model, row_id) if row_id else None

    def _area(self, area_id: str | None) -> str:
        return self.areas.get(area_id or "", "")

    def _interview(self, interview_id: str | None) -> str:
        from tenant_inspect import models as m

        interview = self._row(m.Interview, interview_id)
        role = interview.interviewee_role.strip() if interview is not None else ""
        return f"the {role} interview" if role else "an interview"

    def _review(self, review_id: str | None) -> str:
        from tenant_inspect import models as m

        review = self._row(m.DocumentReview, review_id)
        return f"the review of “{clip(review.title, 40)}”" if review is not None else "a review"

    def _question(self, answer: Any) -> Any:
        """The question an answer answers, from the questionnaire its parent was started with."""
        from tenant_inspect import inspections
        from tenant_inspect import models as m

        parent = self._row(m.Interview, answer.interview_id) or self._row(
            m.DocumentReview, answer.document_review_id
        )
        if parent is None or not parent.questionnaire_id:
            return None
        try:
            questionnaire = inspections.questionnaire_for(
                self.session,
                self.inspection_id,
                parent.questionnaire_id,
                parent.questionnaire_version,
            )
            return questionnaire.question(answer.question_key)
        except (UserError, KeyError, ValueError):
            return None

    def _recommendation(self, rec_id: str | None) -> str:
        from tenant_inspect import models as m

        rec = self._row(m.Recommendation, rec_id)
        if rec is None:
            return "a recommendation"
        return f"recommendation R{rec.number}" if rec.number else "a recommendation"

    def what(self, table: str, row: Any) -> str:
        """The record, in words ("Answer to 'Which pledges?' in the Housing Officer interview")."""
        if table == "inspection":
            return "The inspection's details"
        if table == "team_member":
            return f"Team member {row.name}"
        if table == "area":
            return f"Area {self._area(row.id) or row.name}"
        if table == "questionnaire_copy":
            return f"Questionnaire “{clip(row.title, 40)}”"
        if table == "document_review":
            return f"Review of the document “{clip(row.title, 40)}”"
        if table == "interview":
            where = self._area(row.area_id)
            text = self._interview(row.id)
            return text[0].upper() + text[1:] + (f" ({where})" if where else "")
        if table == "interview_interviewer":
            name = self.members.get(row.member_id, "a team member")
            return f"{name} as interviewer in {self._interview(row.interview_id)}"
        if table == "answer":
            question = self._question(row)
            asked = clip(question.text, 50) if question is not None else row.question_key
            parent = (
                self._interview(row.interview_id)
                if row.interview_id
                else self._review(row.document_review_id)
            )
            return f"Answer to “{asked}” in {parent}"
        if table == "finding":
            kind = KIND_WORDS.get(row.kind, row.kind.replace("_", " ").capitalize())
            if row.interview_id:
                source = f" from {self._interview(row.interview_id)}"
            elif row.document_review_id:
                source = f" from {self._review(row.document_review_id)}"
            else:
                source = ""
            where = self._area(row.area_id)
            return f"{kind} finding{source}" + (f" ({where})" if where else "")
        if table == "judgement":
            return f"Judgement for {self._area(row.area_id) or 'an area'}"
        if table == "conclusion":
            where = self._area(row.area_id)
            return f"Conclusion for {where}" if where else "Conclusion"
        if table == "recommendation":
            text = self._recommendation(row.id)
            return text[0].upper() + text[1:]
        if table == "recommendation_finding":
            return f"A finding cited by {self._recommendation(row.recommendation_id)}"
        if table == "action_plan_item":
            return f"Action plan for {self._recommendation(row.recommendation_id)}"
        return table.replace("_", " ").capitalize()

    # -- values ----------------------------------------------------------------

    def words(self, table: str, row: Any, name: str, value: Any) -> str:
        """A value as a person reads it (never an id or a raw code where a word exists)."""
        if name == "deleted_at":
            return "Deleted" if value else "Not deleted"
        if value is None or value == "" or value == []:
            return "(empty)"
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if name.endswith("_id") and isinstance(value, str):
            return self.members.get(value) or self._area(value) or "another record"
        if table == "answer" and name == "value" and isinstance(value, str):
            question = self._question(row)
            if question is not None and question.type in ("yes_no", "choice"):
                return question.option_label(value)
            if question is not None and question.type == "multi_choice":
                try:
                    return "; ".join(question.option_label(v) for v in json.loads(value))
                except (ValueError, TypeError):
                    return value
        if isinstance(value, list):
            return "\n".join(f"• {v}" for v in value)
        if name in ("kind", "status", "grade", "role", "impact", "cost", "priority"):
            return str(value).replace("_", " ").capitalize()
        text = str(value)
        if len(text) > SHOWN_CHARACTERS:  # the merge box (m) still gets all of it
            more = len(text) - SHOWN_CHARACTERS
            return f"{text[:SHOWN_CHARACTERS]}…\n({more:,} more characters: m shows the whole text)"
        return text

    def item(self, view: ConflictView) -> ConflictItem:
        from tenant_inspect.mergestate import MODELS

        row = self.session.get(MODELS[view.table], view.row_id)
        what = self.what(view.table, row)
        if view.kind == "delete":
            changed = [
                f"{field_words(f).capitalize()}: {self.words(view.table, row, f, getattr(row, f, None))}"
                for f in view.changed_fields
            ]
            shown = Version("Shown now", self.origin(view.current_hlc), "Deleted", None)
            other = Version(
                "Other version",
                self.origin(view.other_hlc),
                "Not deleted, and changed:\n" + "\n".join(changed),
                None,
            )
            return ConflictItem(view.id, view.kind, what, "", shown, other, False)
        name = view.field
        mergeable = (
            name in MERGEABLE
            and isinstance(view.current_value, str)
            and isinstance(view.other_value, str)
        )
        if mergeable and view.table == "answer" and name == "value":
            question = self._question(row)
            mergeable = question is not None and question.type == "text"

        def version(heading: str, stamp: str, value: Any) -> Version:
            return Version(
                heading,
                self.origin(stamp),
                self.words(view.table, row, name, value),
                value if isinstance(value, str) else None,
            )

        return ConflictItem(
            view.id,
            view.kind,
            what,
            field_words(name),
            version("Shown now", view.current_hlc, view.current_value),
            version("Other version", view.other_hlc, view.other_value),
            mergeable,
        )


def describe_conflicts(session: Session, inspection_id: str) -> tuple[ConflictItem, ...]:
    """Every open conflict of an inspection, in words (runs in a worker thread)."""
    from tenant_inspect.merge import list_conflicts

    views = list_conflicts(session, inspection_id)
    if not views:
        return ()
    describer = _Describer(session, inspection_id)
    return tuple(describer.item(v) for v in views)


def load_conflicts(session: Session, inspection_id: str) -> ConflictsData:
    from tenant_inspect import inspections

    inspection = inspections.get_inspection(session, inspection_id)
    return ConflictsData(inspection.title, describe_conflicts(session, inspection_id))


def merged_draft(item: ConflictItem) -> str:
    """The text the merge box starts with: both versions, the shown one first."""
    parts = [v.text for v in (item.shown, item.other) if v.text and v.text.strip()]
    return "\n\n".join(parts)


# ---------------------------------------------------------------------------
# Writing one text from both versions
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MergeOutcome:
    text: str
    save: bool  # False: cancelled (the text is kept as a draft)


class MergeDialog(ModalScreen[MergeOutcome]):
    """A text area prefilled with both versions; Ctrl+S keeps what is written."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "save",
            "Save merged text",
            id="save-merged",
            tooltip="Keep this text and settle the conflict",
            priority=True,
        ),
        Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Close; nothing is decided"),
    ]

    DEFAULT_CSS = """
    MergeDialog .merge-dialog { height: 100%; }
    MergeDialog #merged-text { height: 1fr; min-height: 4; }
    MergeDialog .merge-hint { width: 1fr; }
    """

    def __init__(self, item: ConflictItem, text: str) -> None:
        super().__init__()
        self.item = item
        self.initial_text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog merge-dialog"):
            yield Static(f"Write one text: {escape(self.item.title)}", classes="dialog-title")
            yield Static(
                "Both versions are below, the one shown now first. Edit them into one text; "
                "it replaces both on every laptop after the next exchange of files."
            )
            yield TextArea(self.initial_text, soft_wrap=True, id="merged-text")
            yield Static("", id="merge-error", classes="form-errors")
            with Horizontal(classes="dialog-buttons"):
                yield Static(
                    "[b]Ctrl+S[/b] Save  ·  [b]Esc[/b] Cancel", classes="dialog-hint merge-hint"
                )
                yield Button("Save merged text", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#merged-text", TextArea).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        text = self.query_one("#merged-text", TextArea).text
        if not text.strip():
            self.query_one("#merge-error", Static).update(
                "The merged text is empty: write it, or press Esc and keep one version."
            )
            return
        self.dismiss(MergeOutcome(text, True))

    def action_cancel(self) -> None:
        self.dismiss(MergeOutcome(self.query_one("#merged-text", TextArea).text, False))


# ---------------------------------------------------------------------------
# The screen
# ---------------------------------------------------------------------------


class ConflictsScreen(ServicesMixin, Screen[None]):
    """Every open conflict of one inspection, and the keys to settle each."""

    HELP_TITLE = "Conflicts"
    HELP_TEXT = (
        "A conflict is one thing changed on two laptops before they exchanged files. Nothing "
        "is lost: the record shows one version and the other waits here.\n"
        "Move with ↑ ↓. k keeps the version shown now, o keeps the other one, m lets you "
        "write one text from both. Your decision goes out with the next kit or return file."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "k",
            "keep('kept')",
            "Keep shown",
            id="keep-shown",
            tooltip="Keep the version shown now and set the other aside",
        ),
        Binding(
            "o",
            "keep('other')",
            "Keep other",
            id="keep-other",
            tooltip="Keep the other version instead of the one shown now",
        ),
        Binding(
            "m",
            "merge",
            "Merge texts",
            id="merge",
            tooltip="Write one text from both versions",
        ),
        Binding(
            "escape",
            "back",
            "Back",
            id="back",
            tooltip="Back to the Team screen",
            show=False,
        ),
    ]

    DEFAULT_CSS = """
    ConflictsScreen #conflicts-body { padding: 0 1; }
    ConflictsScreen .title-row { height: 1; }
    ConflictsScreen .key-hint { width: auto; color: $text-muted; padding: 0 1; }
    ConflictsScreen #conflicts-status { padding: 0 1; height: auto; }
    ConflictsScreen #conflicts-status.-error { text-style: bold; }
    ConflictsScreen #conflicts { height: auto; max-height: 6; }
    ConflictsScreen #conflict-detail { height: 1fr; border-top: solid $primary; }
    ConflictsScreen #conflict-what { padding: 0 1; height: auto; text-style: bold; }
    ConflictsScreen #versions { height: 1fr; }
    ConflictsScreen.-wide #versions { layout: horizontal; }
    ConflictsScreen .version { height: 1fr; }
    ConflictsScreen.-wide .version { width: 1fr; }
    ConflictsScreen .version-head { padding: 0 1; height: auto; text-style: bold; }
    ConflictsScreen .version-text { height: 1fr; padding: 0 1 0 3; }
    ConflictsScreen #conflict-keys { padding: 0 1; height: auto; color: $text-muted; }
    """

    def __init__(self, inspection_id: str) -> None:
        super().__init__()
        self.inspection_id = inspection_id
        self.items: tuple[ConflictItem, ...] = ()
        self.loaded = False
        self.busy = False
        #: Merged texts typed but not saved, by conflict id (a cancelled dialog keeps them).
        self.drafts: dict[str, str] = {}
        #: What the last decision did (or why it failed), shown above the count.
        self.decision = ""
        self.decision_failed = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="conflicts-body"):
            with Horizontal(classes="title-row"):
                yield Static("Conflicts to resolve", id="conflicts-title", classes="screen-title")
                yield Static("Esc: back", classes="key-hint")
            yield Static("Looking for conflicts…", id="conflicts-status")
            table: DataTable[str] = DataTable(
                id="conflicts", cursor_type="row", show_header=False, zebra_stripes=True
            )
            table.add_column("Conflict", key="conflict")
            yield table
            with Vertical(id="conflict-detail"):
                yield Static("", id="conflict-what")
                with Vertical(id="versions"):
                    with Vertical(classes="version"):
                        yield Static("", id="shown-head", classes="version-head")
                        with VerticalScroll(classes="version-text", id="shown-scroll"):
                            yield Static("", id="shown-text")
                    with Vertical(classes="version"):
                        yield Static("", id="other-head", classes="version-head")
                        with VerticalScroll(classes="version-text", id="other-scroll"):
                            yield Static("", id="other-text")
                yield Static("", id="conflict-keys")
        yield FittingFooter()

    # -- loading ---------------------------------------------------------------

    def on_mount(self) -> None:
        self.set_class(self.app.size.width >= SIDE_BY_SIDE, "-wide")
        self.query_one("#conflicts", DataTable).focus()
        if self.services.store_ready:
            self.reload()

    def on_store_ready(self, message: StoreReady) -> None:
        self.reload()

    def on_data_changed(self, message: DataChanged) -> None:
        self.reload()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(self.app.size.width >= SIDE_BY_SIDE, "-wide")
        self._fill_table()

    def reload(self) -> None:
        inspection_id = self.inspection_id
        self.services.read(lambda s: load_conflicts(s, inspection_id), self.show, group="conflicts")

    def show(self, data: ConflictsData) -> None:
        if not self.is_attached:
            return
        self.sub_title = data.title
        self.items = data.items
        self.loaded = True
        count = len(self.items)
        title = "Conflicts to resolve" + (f" ({count})" if count else "")
        self.query_one("#conflicts-title", Static).update(title)
        self._show_status()
        self._fill_table()
        self.refresh_bindings()

    def _count_words(self) -> str:
        count = len(self.items)
        if not count:
            return (
                "✓ No conflicts left to resolve. Your decisions go out with the next kit or "
                "return file."
            )
        return (
            f"{count} thing{'s were' if count != 1 else ' was'} changed on two laptops: "
            "choose which version to keep."
        )

    def _show_status(self, text: str | None = None) -> None:
        lines = [self.decision, self._count_words() if self.loaded else ""]
        status = self.query_one("#conflicts-status", Static)
        status.update(escape(text or "\n".join(line for line in lines if line)))
        status.set_class(self.decision_failed, "-error")

    def _fill_table(self) -> None:
        table = self.query_one("#conflicts", DataTable)
        selected = self.selected_id()
        table.clear()
        table.display = bool(self.items)
        width = max(20, self.size.width - 6)
        for number, item in enumerate(self.items, start=1):
            table.add_row(clip(f"{number}. {item.title}", width), key=item.id)
        ids = [i.id for i in self.items]
        if selected in ids:
            table.move_cursor(row=ids.index(selected))
        self._show_selected()

    def _show_selected(self) -> None:
        item = self.selected()
        detail = self.query_one("#conflict-detail")
        detail.display = item is not None
        if item is None:
            return
        self.query_one("#conflict-what", Static).update(escape(item.title))
        for side, version in (("shown", item.shown), ("other", item.other)):
            self.query_one(f"#{side}-head", Static).update(
                escape(f"{version.heading} — {version.origin}:")
            )
            self.query_one(f"#{side}-text", Static).update(escape(version.words))
            self.query_one(f"#{side}-scroll", VerticalScroll).scroll_home(animate=False)
        self.query_one("#conflict-keys", Static).update(item.keys_hint)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_selected()
        self.refresh_bindings()

    def selected_id(self) -> str | None:
        table = self.query_one("#conflicts", DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def selected(self) -> ConflictItem | None:
        conflict_id = self.selected_id()
        return next((i for i in self.items if i.id == conflict_id), None)

    # -- actions -----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("keep", "merge"):
            item = self.selected()
            if item is None:
                return False  # nothing to decide: the keys leave the footer
            if action == "merge" and not item.mergeable:
                return None  # greyed out; the line above the footer says why in words
        return True

    def action_back(self) -> None:
        self.dismiss(None)

    def action_keep(self, keep: str) -> None:
        item = self.selected()
        if item is None or self.busy:
            return
        from .dialogs.confirm import ConfirmDialog

        if item.kind == "delete":
            question, label = (
                ("Keep it deleted?", "Keep deleted")
                if keep == "kept"
                else ("Restore it, with the changes made on the other laptop?", "Restore it")
            )
        else:
            chosen = item.shown if keep == "kept" else item.other
            question = f"Keep this version ({chosen.heading.lower()})?\n\n{clip(chosen.words, 200)}"
            label = "Keep shown" if keep == "kept" else "Keep other"
        self.app.push_screen(
            ConfirmDialog(f"{escape(item.title)}\n\n{escape(question)}", confirm_label=label),
            partial(self._confirmed, item, keep),
        )

    def _confirmed(self, item: ConflictItem, keep: str, yes: bool | None) -> None:
        if yes:
            self._resolve(item, keep, None)

    def action_merge(self) -> None:
        item = self.selected()
        if item is None or self.busy:
            return
        if not item.mergeable:
            self.notify("Only text can be merged; keep one of the two versions (k or o).")
            return
        text = self.drafts.get(item.id) or merged_draft(item)
        self.app.push_screen(MergeDialog(item, text), partial(self._merged, item))

    def _merged(self, item: ConflictItem, outcome: MergeOutcome | None) -> None:
        if outcome is None:
            return
        self.drafts[item.id] = outcome.text
        if outcome.save:
            self._resolve(item, "merged", outcome.text)

    def _resolve(self, item: ConflictItem, keep: str, text: str | None) -> None:
        self.busy = True
        conflict_id = item.id

        def work(session: Session) -> Any:
            from tenant_inspect.merge import resolve_conflict

            try:
                return resolve_conflict(session, conflict_id, keep, text)  # type: ignore[arg-type]
            except UserError as exc:  # raised before anything is written: said on screen
                return exc

        self._show_status("Saving your decision…")
        self.services.write(work, partial(self._resolved, item, keep))

    def _resolved(self, item: ConflictItem, keep: str, result: Any) -> None:
        self.busy = False
        if not self.is_attached:
            return
        if isinstance(result, Exception):
            self.decision, self.decision_failed = f"✗ Not resolved: {result}", True
            self._show_status()
            return
        self.drafts.pop(item.id, None)
        how = {
            "kept": "kept it deleted" if item.kind == "delete" else "kept the version shown",
            "other": "restored it" if item.kind == "delete" else "kept the other version",
            "merged": "kept your merged text",
        }[keep]
        self.decision, self.decision_failed = f"✓ Resolved: {item.title} ({how}).", False
        self.reload()
