"""The action plan screens' pure wording: item and recommendation lines, what changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from screens.widgets.monitoring_words import changes_words, round_words
from screens.widgets.plan_forms import check_by_when, item_line, items_words, overdue_words
from tenant_inspect.views.action_plan import (
    ActionPlanData,
    Change,
    ItemView,
    ProspectsView,
    RoundView,
)

TODAY = date(2027, 6, 1)
ITEM = ItemView(
    id="i1", recommendation_id="r1", label="R1.1", key_outcomes="Tenants told.",
    key_actions="Publish the report.", by_when=date(2027, 3, 31), by_when_text="March 2027",
    progress="", how_we_know="", status="on_track", current_status="on_track",
    current_status_words="On track", overdue=True, overdue_words="overdue since 31 March 2027",
)  # fmt: skip


def stored(item: ItemView, field: str) -> str:
    return item.by_when_text if field == "by_when" else str(getattr(item, field))


def test_by_when_is_checked_as_the_service_reads_it():
    assert check_by_when("March 2027") == (date(2027, 3, 31), "March 2027", None)
    assert check_by_when("ongoing") == (None, "ongoing", None)
    day, words, problem = check_by_when("soon")
    assert (day, words) == (None, "")
    assert problem is not None and problem.startswith("By when: “soon” is not a date")
    assert problem.endswith("Not saved until it is one of these.")


def test_overdue_is_said_in_words_and_done_is_never_late():
    assert overdue_words(date(2027, 3, 31), "on_track", TODAY) == "overdue since 31 March 2027"
    assert overdue_words(date(2027, 3, 31), "done", TODAY) == ""
    assert overdue_words(date(2027, 6, 1), "on_track", TODAY) == ""
    assert overdue_words(None, "off_track", TODAY) == ""


def test_item_line_follows_what_is_typed():
    assert item_line(ITEM, stored, TODAY, 70).startswith(
        "R1.1  ⚠ overdue since 31 March 2027 · On track"
    )

    def typed(item: ItemView, field: str) -> str:
        return {"by_when": "December 2027"}.get(field) or stored(item, field)

    assert item_line(ITEM, typed, TODAY, 70) == (
        "R1.1  December 2027 · On track  Publish the report."
    )
    # A refused by-when leaves the stored date in charge.
    assert "overdue" in item_line(ITEM, lambda i, f: "soon" if f == "by_when" else stored(i, f),
                                  TODAY, 70)  # fmt: skip
    assert items_words((ITEM, replace(ITEM, id="i2", overdue=False))) == "2 items, 1 overdue"
    assert items_words(()) == "no items yet"


def test_changes_are_told_per_round():
    entries = ()
    first = RoundView("q1", date(2027, 6, 14), "14 June 2027", "Q1", "", entries, (
        Change("i1", "R1.1", None, "on_track", False, "R1.1: first seen, on track"),
    ))  # fmt: skip
    second = RoundView("q2", date(2027, 9, 13), "13 September 2027", "Q2", "", entries, ())
    data = ActionPlanData("x", "T", TODAY, (), (first, second), ProspectsView((), "", "", "", ()))
    assert changes_words(data, "q1") == "First round — seen: R1.1: first seen, on track"
    assert changes_words(data, "q2") == "No change since the previous round."
    assert round_words(first, 4) == "14 June 2027 · Q1 · 0 of 4 items seen"


def test_many_changes_are_said_shorter_when_the_full_words_do_not_fit():
    """Four changes at 80 columns: the full words need four lines, the screen has three."""
    changes = tuple(
        Change(f"i{n}", label, old, new, True, f"{label}: {old_w} → {new_w}; progress note changed")
        for n, (label, old, new, old_w, new_w) in enumerate((
            ("R1.1", "on_track", "off_track", "On track", "Off track"),
            ("R4.1", "not_started", "on_track", "Not started", "On track"),
            ("R6.1", "on_track", "done", "On track", "Done"),
            ("R10.1", "at_risk", "off_track", "At risk", "Off track"),
        ))
    )  # fmt: skip
    q1 = RoundView("q1", date(2027, 6, 14), "14 June 2027", "Q1", "", (), ())
    q2 = RoundView("q2", date(2027, 9, 13), "13 September 2027", "Q2", "", (), changes)
    data = ActionPlanData("x", "T", TODAY, (), (q1, q2), ProspectsView((), "", "", "", ()))
    assert len(changes_words(data, "q2")) > 3 * 78  # (what was cut off before)
    assert changes_words(data, "q2", 3 * 78) == (
        "Changed since the previous round (4 items; * progress note changed): "
        "R1.1 → Off track* · R4.1 → On track* · R6.1 → Done* · R10.1 → Off track*"
    )
    # Narrower still: the last ones are left to the item list, and it says how many.
    assert changes_words(data, "q2", 120) == (
        "Changed since the previous round (4 items; * progress note changed): "
        "R1.1 → Off track* · and 3 more in the list below"
    )
