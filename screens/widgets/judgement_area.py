"""The Area tab of the judgements screen: one area's evidence, and its agreed grade being typed.

The strengths and the weaknesses stand side by side with their counts, above the agreed
grade and its rationale; a warning says in words when the grade contradicts the evidence
(the rule is :func:`tenant_inspect.checks.grade_mismatch`). The rationale is saved as it is
typed, so this pane is the editor of the agreed grades while the screen is open: what is
typed here wins over what a reload reads, and nothing typed for one area is ever saved to
another while switching.
"""

from __future__ import annotations

from dataclasses import replace

from textual import events
from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, RadioSet, Select, Static, TextArea
from textual.widgets.option_list import Option

from tenant_inspect.checks import evidence_words
from tenant_inspect.edit_bases import Loaded
from tenant_inspect.edits import judgements as judgement_edits
from tenant_inspect.views.judgements import AreaJudgement, JudgementsData
from tenant_inspect.vocabulary import GRADE_KEYS, GRADE_LABELS

from ..markup import escape
from ..name_warning import warn_about_names
from ..services import services_of
from .grade_choice import cursor_to_choice, grade_radio

#: The rationale box's frame says what it is, and while typing, how to get out of it.
RATIONALE_TITLE = "Rationale (r to write) — saved as you type"
RATIONALE_TYPING = "Rationale — typing · Esc: done · PgUp/PgDn: area"


class AreaPane(VerticalScroll):
    """Evidence, agreed grade and rationale of the chosen area (styled by the screen)."""

    def __init__(self, inspection_id: str, area_id: str | None, *, id: str) -> None:
        super().__init__(id=id, can_focus=False)
        self.inspection_id = inspection_id
        self.data: JudgementsData | None = None
        self.area_id = area_id
        #: The agreed grade and rationale per area as shown (the screen is their editor).
        self.finals: dict[str, tuple[str, str]] = {}
        #: The area whose grade and rationale the editor holds (it lags ``area_id`` while
        #: switching, so nothing typed for one area is ever saved to another).
        self.editor_area: str | None = None
        #: What was read, per area: each save carries it, so a grade or rationale someone
        #: else saved meanwhile is kept as a conflict, never typed over unseen.
        self.loaded = Loaded()

    def compose(self) -> ComposeResult:
        with Horizontal(id="area-row"):
            yield Select([], id="area-select", compact=True, prompt="Loading…")
            yield Static("", id="area-progress")
        with Horizontal(id="evidence"):
            with Vertical(classes="evidence-col"):
                yield Static("Strengths", id="strengths-head", classes="evidence-head")
                yield OptionList(id="strengths", classes="evidence-list", compact=True)
            with Vertical(classes="evidence-col -right"):
                yield Static("Weaknesses", id="weaknesses-head", classes="evidence-head")
                yield OptionList(id="weaknesses", classes="evidence-list", compact=True)
        yield Static("", id="mismatch")
        # Stacked at 80 columns (the grade's words need 48 of them, which left the rationale
        # a slot 25 wide); side by side only when the screen is wide (the screen's -wide).
        with Container(id="grade-row"):
            with Vertical(id="grade-side"):
                yield Static("Agreed grade", classes="small-head")
                with Vertical(id="grade-box"):
                    yield grade_radio("", "final-grade")
            with Vertical(id="rationale-side"):
                rationale = TextArea(id="rationale", soft_wrap=True)
                rationale.border_title = RATIONALE_TITLE
                # Out of the Tab order: Tab from the grade used to land in it, and the
                # Space and arrows meant for the grade were typed into the text.
                rationale.can_focus = False
                yield rationale
        yield Static("", id="rationale-note")
        yield Static("", id="independent")

    # -- what is shown -----------------------------------------------------------------

    def take(self, data: JudgementsData) -> None:
        """Newly read data, with the agreed grades typed here put over what was read."""
        areas = tuple(
            replace(a, grade=self.finals[a.id][0], rationale=self.finals[a.id][1])
            if a.id in self.finals
            else a
            for a in data.areas
        )
        self.data = replace(data, areas=areas)
        for a in areas:
            if a.id not in self.finals:  # shown as read (later reads show what was typed)
                self.finals[a.id] = (a.grade, a.rationale)
                self.loaded.shown(a.id, "grade", a.grade)
                self.loaded.shown(a.id, "rationale", a.rationale)
        ids = [a.id for a in areas]
        if self.area_id not in ids:
            self.area_id = ids[0] if ids else None
        self.fill_area_select()

    def fill_area_select(self) -> None:
        if self.data is None:
            return
        select = self.query_one("#area-select", Select)
        options = [(self._area_option(a), a.id) for a in self.data.areas]
        with select.prevent(Select.Changed):
            select.set_options(options)
            if self.area_id is not None:
                select.value = self.area_id
        graded = sum(1 for a in self.data.areas if self.finals.get(a.id, ("", ""))[0])
        warned = sum(1 for a in self.data.areas if self._area(a.id).mismatch)
        progress = f"{graded} of {len(self.data.areas)} graded"
        if warned:
            progress += f" · ⚠ {warned} to check"
        self.query_one("#area-progress", Static).update(progress)

    def _area_option(self, area: AreaJudgement) -> str:
        current = self._area(area.id)
        if current.mismatch:
            mark = "⚠ check"
        elif current.grade:
            # The full words: "✓ outweigh" left people asking which side was ahead.
            mark = "✓ " + GRADE_LABELS[current.grade]
        else:
            mark = "not graded"
        return f"{area.title} — {mark}"

    def _area(self, area_id: str) -> AreaJudgement:
        """The area as shown, with the grade and rationale typed here."""
        assert self.data is not None
        area = self.data.area(area_id)
        grade, rationale = self.finals.get(area_id, (area.grade, area.rationale))
        return replace(area, grade=grade, rationale=rationale)

    @property
    def current(self) -> AreaJudgement | None:
        if self.data is None or self.area_id is None:
            return None
        return self._area(self.area_id)

    def show_area(self, area: AreaJudgement, *, reload_editor: bool = True) -> None:
        b = area.balance
        good = f", {b.good_practice} good practice" if b.good_practice else ""
        self.query_one("#strengths-head", Static).update(f"Strengths ({b.strengths}{good})")
        self.query_one("#weaknesses-head", Static).update(f"Weaknesses ({b.weaknesses})")
        for list_id, rows in (("#strengths", area.strengths), ("#weaknesses", area.weaknesses)):
            listing = self.query_one(list_id, OptionList)
            listing.clear_options()
            for row in rows:
                lead = "Good practice: " if row.kind == "good_practice" else ""
                listing.add_option(Option(escape(f"• {lead}{row.text}"), id=row.id))
            if not rows:
                listing.add_option(Option("(none recorded)", disabled=True))
        if reload_editor:
            self.call_later(self._load_editor, area)
        self._show_mismatch()
        self._show_independent(area)

    async def _load_editor(self, area: AreaJudgement) -> None:
        box = self.query_one("#grade-box", Vertical)
        focused = self.screen.focused
        had_focus = focused is not None and focused.id == "final-grade"
        await box.remove_children()
        radio = grade_radio(area.grade, "final-grade")
        await box.mount(radio)
        radio.call_after_refresh(cursor_to_choice, radio)
        if had_focus:
            radio.focus()
        rationale = self.query_one("#rationale", TextArea)
        current = self._area(area.id)  # what was typed for it, if it was edited before
        if rationale.text != current.rationale:
            rationale.load_text(current.rationale)
        if not rationale.has_focus:
            # Open on the start of the text: its first words say what it argues.
            rationale.move_cursor((0, 0))
            rationale.scroll_home(animate=False, immediate=True)
        self.editor_area = area.id
        self._show_rationale_note()

    def _show_mismatch(self) -> None:
        area = self.current
        widget = self.query_one("#mismatch", Static)
        problem = area.mismatch if area else None
        widget.display = bool(problem)
        widget.update(escape(f"⚠ Check: {problem}") if problem else "")

    def _show_rationale_note(self) -> None:
        area = self.current
        note = self.query_one("#rationale-note", Static)
        if area is None:
            note.update("")
            return
        if not area.grade and area.rationale.strip():
            note.update("Choose the grade: the rationale is saved with it.")
        elif area.balance.strengths or area.balance.weaknesses:
            note.update(f"Evidence: {evidence_words(area.balance)}.")
        else:
            note.update("No strengths or weaknesses recorded for this area yet.")

    def _show_independent(self, area: AreaJudgement) -> None:
        widget = self.query_one("#independent", Static)
        if not area.independent:
            widget.update("Inspectors' own grades: none yet — press i to record one.")
            return
        parts = []
        for g in area.independent:
            flag = " ⚠" if area.mismatch_of(g.grade) else ""
            parts.append(f"{g.judge_name}: {GRADE_LABELS[g.grade]}{flag}")
        widget.update(escape("Inspectors' own grades: " + " · ".join(parts)))

    # -- the agreed grade and rationale ------------------------------------------------

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if event.radio_set.id != "final-grade":
            return
        event.stop()
        area = self.editor
        if area is None or event.index < 0:
            return
        grade = GRADE_KEYS[event.index]
        if grade == area.grade:
            return  # shown, not chosen
        rationale = self.query_one("#rationale", TextArea).text
        self.finals[area.id] = (grade, rationale)
        self._save(area.id, now=True)
        self.fill_area_select()
        self._show_mismatch()
        self._show_rationale_note()
        self._show_independent(self._area(area.id))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id != "rationale":
            return
        event.stop()
        self.save_rationale(now=False)

    def begin_rationale(self, *, at_end: bool = True) -> None:
        """Go into the rationale box to type (r, or a click): a deliberate step, never Tab.

        From the keyboard the cursor goes after the last word, where an inspector carries on
        writing (the box shows the start while it is only read); a click puts it where
        clicked.
        """
        rationale = self.query_one("#rationale", TextArea)
        rationale.can_focus = True
        if at_end:
            rationale.move_cursor(rationale.document.end)
        rationale.focus()

    def on_click(self, event: events.Click) -> None:
        if getattr(event.widget, "id", None) == "rationale" or (
            event.widget is not None and event.widget.id == "rationale-side"
        ):
            self.begin_rationale(at_end=False)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if getattr(event.widget, "id", None) == "rationale":
            self.query_one("#rationale", TextArea).border_title = RATIONALE_TYPING

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if getattr(event.widget, "id", None) == "rationale":
            rationale = self.query_one("#rationale", TextArea)
            rationale.border_title = RATIONALE_TITLE
            rationale.can_focus = False
            self.save_rationale(now=True)

    @property
    def editor(self) -> AreaJudgement | None:
        """The area the grade and rationale fields belong to."""
        if self.data is None or self.editor_area is None:
            return None
        return self._area(self.editor_area)

    def save_rationale(self, *, now: bool) -> None:
        """Save the rationale as typed (debounced, or at once when ``now``: leaving it)."""
        area = self.editor
        if area is None:
            return
        text = self.query_one("#rationale", TextArea).text
        if now:
            warn_about_names(self, self.inspection_id, text, box=f"rationale:{area.id}")
        if text == area.rationale:
            if now:
                services_of(self).hurry_save(self._key(area.id))
            return
        self.finals[area.id] = (area.grade, text)
        self._show_rationale_note()
        if area.grade:
            self._save(area.id, now=now)

    def _key(self, area_id: str) -> str:
        return f"judgement:{self.inspection_id}:{area_id}:final"

    def _save(self, area_id: str, *, now: bool) -> None:
        assert self.data is not None
        grade, rationale = self.finals[area_id]
        if not grade:
            return
        inspection_id, coordinator_id = self.inspection_id, self.data.coordinator_id
        services_of(self).autosave(
            self._key(area_id),
            self.loaded.save(
                area_id,
                "judgement",
                ("grade", "rationale"),
                lambda s: judgement_edits.save_agreed_grade(
                    s,
                    inspection_id,
                    area_id,
                    grade=grade,
                    rationale=rationale,
                    coordinator_id=coordinator_id,
                ),
            ),
            now=now,
        )
