"""A monitoring round's dialogs: its date and title (to start it or to correct it), and deleting it.

Starting a round and correcting one ask the same two things the same way, so a volunteer
who mistyped a date meets the form they typed it in. The date is checked as it is stored
(:func:`tenant_inspect.dates.parse_day`), so a date the form accepts is never refused on
saving. Deleting asks first and says, in words, how many item notes go with the round: they
mean nothing without it, and that is the part a user would not guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tenant_inspect.dates import DATE_FORMS, DATE_PLACEHOLDER, parse_day, show_day
from tenant_inspect.views.action_plan import RoundView

from ..markup import escape
from .confirm import ConfirmDialog
from .form import Field, FormDialog


def check_day(text: str) -> str | None:
    """None when ``text`` is a date the app reads, else what is wrong, with the forms."""
    try:
        parse_day(text)
    except ValueError:
        return f"“{text}” is not a date. {DATE_FORMS}."
    return None


def round_form(heading: str, ok_label: str, held_on: str, title: str) -> FormDialog:
    """The round's date (as words, or typed any way the app reads) and its title."""
    fields = [
        Field("held_on", "Held on *", value=held_on, required=True,
              validate=check_day, placeholder=DATE_PLACEHOLDER),
        Field("title", "Title", value=title, placeholder="e.g. Quarter 1 review"),
    ]  # fmt: skip
    return FormDialog(heading, fields, ok_label=ok_label)


def new_round_form(today: date) -> FormDialog:
    return round_form("Start a monitoring round", "Start", show_day(today), "")


def edit_round_form(r: RoundView) -> FormDialog:
    return round_form("Change the round's date and title", "Save", r.held_on_words, r.title)


def notes_words(count: int) -> str:
    """'5 item notes', '1 item note'."""
    return f"{count} item note{'s' if count != 1 else ''}"


def delete_round_question(r: RoundView) -> str:
    """'Delete the round of 14 June 2027 “Quarter 1 review”? Its 5 item notes go with it.'"""
    named = f"the round of {r.held_on_words or 'no date'}" + (f" “{r.title}”" if r.title else "")
    count = len(r.entries)
    if not count:
        rest = "Nothing has been recorded in it yet."
    else:
        rest = f"Its {notes_words(count)} {'go' if count != 1 else 'goes'} with it."
    return f"Delete {named}? {rest}"


def delete_round_dialog(r: RoundView) -> ConfirmDialog:
    return ConfirmDialog(escape(delete_round_question(r)), "Delete")


def deleted_words(r: RoundView) -> str:
    """What the screen says once ``r`` is deleted."""
    notes = f", with its {notes_words(len(r.entries))}" if r.entries else ""
    return f"The round of {r.held_on_words or 'no date'} is deleted{notes}."


def neighbour_of(rounds: Sequence[RoundView], round_id: str) -> str | None:
    """The round to select once ``round_id`` is deleted: the next, or else the one before."""
    ids = [r.id for r in rounds]
    at = ids.index(round_id)
    return ids[at + 1] if at + 1 < len(ids) else (ids[at - 1] if at else None)
