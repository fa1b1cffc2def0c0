"""Programme views across inspections: search, recurring weaknesses by theme, overdue items,
and never a finding's or an action's wording."""

from __future__ import annotations

from datetime import date

import pytest

from tenant_inspect.demo import DEMO_INTERVIEWEE_NAMES, build_demo
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.programme import (
    batched_runner,
    load_programme,
    overdue_items,
    recurring_weaknesses,
    search,
)
from tenant_inspect.sql_marks import runner
from tenant_inspect.store import open_store
from tenant_inspect.views.action_plan_read import read_action_plan, read_overdue
from tests.support.programme_seed import add_second_landlord

TODAY = date(2026, 12, 5)


@pytest.fixture(scope="module")
def programme(tmp_path_factory: pytest.TempPathFactory):
    """The small demo, and a second landlord's inspection with a weakness on a theme the
    demo also has and an overdue item."""
    store = open_store(resolve_data_dir(tmp_path_factory.mktemp("programme") / "data"))
    demo = build_demo(store, "small")
    with store.write() as s:
        with_plan = add_second_landlord(s)
    with store.read() as s:
        data = load_programme(s, TODAY)
        run = runner(s.connection())
        batched = batched_runner(run)
        # Each plan as the programme reads it (one query per table for all) and alone.
        plans = [
            (read_action_plan(batched, i, TODAY), read_action_plan(run, i, TODAY))
            for i in (demo, with_plan)
        ]
        # Each plan's overdue items as the programme reads them (only what decides them).
        lean = [read_overdue(batched, i, TODAY) for i in (demo, with_plan)]
        assert lean == [read_overdue(run, i, TODAY) for i in (demo, with_plan)]
    store.close()
    return data, demo, with_plan, list(zip(plans, lean, strict=True))


def test_every_inspection_with_its_year_stage_and_overdue_count(programme):
    data, demo, other, _ = programme
    by_id = {i.id: i for i in data.inspections}
    assert set(by_id) == {demo, other}
    assert (by_id[other].landlord, by_id[other].year, by_id[other].areas) == (
        "Hillside Homes",
        2025,
        ("Repairs",),
    )
    assert by_id[other].overdue == 1  # the done item is not overdue
    assert by_id[demo].year == 2026 and by_id[demo].overdue == 2


def test_search_by_words_landlord_year_area_and_stage(programme):
    data, demo, other, _ = programme
    assert [i.id for i in search(data.inspections, text="hillside 2025")] == [other]
    assert [i.id for i in search(data.inspections, text="RIVERSIDE supported")] == [demo]
    assert [i.id for i in search(data.inspections, year=2026)] == [demo]
    assert {i.id for i in search(data.inspections, area="repairs")} == {demo, other}
    assert search(data.inspections, landlord="nobody") == []


def test_recurring_weaknesses_count_inspections_then_weaknesses(programme):
    data, _demo, _other, _ = programme
    found = recurring_weaknesses(data, data.inspections)
    top = found[0]
    assert top.theme == "access-customer-care"  # in both inspections
    assert len(top.inspections) == 2 and top.label == "Access and customer care"
    assert all(len(w.inspections) == 1 for w in found[1:])
    # Internal findings are left out, as in public reports.
    only_other = recurring_weaknesses(data, search(data.inspections, text="hillside"))
    assert [(w.theme, w.weaknesses, w.areas) for w in only_other] == [
        ("access-customer-care", 1, ("Repairs",))
    ]


def test_overdue_items_longest_first_and_no_words_from_the_data(programme):
    data, _demo, other, _ = programme
    items = overdue_items(data, data.inspections)
    assert [o.days_late for o in items] == sorted((o.days_late for o in items), reverse=True)
    first = items[0]
    assert (first.inspection_id, first.label, first.by_when, first.days_late) == (
        other,
        "R1.1",
        "31 January 2026",
        308,
    )
    shown = repr(data)
    assert "Hire two plumbers" not in shown and "Mrs Quorn" not in shown
    assert not [name for name in DEMO_INTERVIEWEE_NAMES if name in shown]


def test_each_plan_read_for_the_whole_programme_is_the_plan_read_alone(programme):
    *_, read = programme
    plans = [pair for pair, _ in read]
    for together, alone in plans:
        assert together == alone
    assert any(p.rounds for p, _ in plans) and any(p.recommendations for p, _ in plans)


def test_the_overdue_items_the_programme_reads_are_those_the_whole_plan_shows(programme):
    *_, read = programme
    for (plan, _), lean in read:
        shown = [(i.label, i.by_when, i.current_status) for i in plan.items if i.overdue]
        assert lean == shown
    # Monitoring rounds decide the status: the demo's plan has rounds that changed some.
    assert any(plan.rounds and lean for (plan, _), lean in read)
    assert any(i.current_status != i.status for (plan, _), _ in read for i in plan.items)
