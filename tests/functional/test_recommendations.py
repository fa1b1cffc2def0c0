"""Recommendations: numbered, renumbered on reorder with links intact, edited, tied to findings."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, OptionList, Select, Static

from screens.dashboard import DashboardScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.link_findings import LinkFindingsDialog
from screens.dialogs.unanswered import UnansweredDialog
from screens.recommendations import RecommendationsScreen
from screens.widgets.recommendation_form import NO_AREA, check_field
from tenant_inspect import analysis, inspections
from tenant_inspect.report.export import render_report
from tenant_inspect.store import open_store
from tenant_inspect.views.recommendations import FindingInfo, offer_order
from tests.support.empty_db import empty_data_dir


def seed(data_dir) -> dict[str, str]:
    store = open_store(empty_data_dir(data_dir))
    ids: dict[str, str] = {}
    with store.write() as s:
        i = inspections.create_inspection(s, title="Resident involvement", landlord="Vale Homes")
        iid = ids["inspection"] = i.id
        repairs = inspections.add_area(s, iid, name="Repairs")
        finance = inspections.add_area(s, iid, name="Finance")
        ids["repairs"], ids["finance"] = repairs.id, finance.id
        for n, text in enumerate(["No training.", "No feedback.", "No targets."]):
            ids[f"w{n}"] = analysis.add_finding(
                s, iid, kind="weakness", text=text, area_id=repairs.id
            ).id
        ids["s0"] = analysis.add_finding(
            s, iid, kind="strength", text="Quick visits.", area_id=repairs.id
        ).id
        ids["w3"] = analysis.add_finding(
            s, iid, kind="weakness", text="No VFM measure.", area_id=finance.id
        ).id
        analysis.set_judgement(
            s,
            iid,
            area_id=repairs.id,
            grade="weaknesses_outweigh",
            rationale="Gaps.",
            is_final=True,
        )
    store.close()
    return ids


def stored(data_dir, inspection_id: str) -> list[tuple[int, str, list[str], object]]:
    """(number, text, cited finding ids, the row) in order."""
    store = open_store(empty_data_dir(data_dir))
    with store.read() as s:
        out = [
            (r.number, r.text, sorted(f.id for f in analysis.linked_findings(s, r)), r)
            for r in analysis.recommendations(s, inspection_id)
        ]
    store.close()
    return out


async def open_recommendations(app, pilot, settle) -> RecommendationsScreen:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, DashboardScreen)
    await pilot.press("m")
    await settle(pilot)
    assert isinstance(app.screen, RecommendationsScreen)
    return app.screen


async def add(pilot, settle, text: str) -> None:
    await pilot.press("a")
    await settle(pilot)
    await pilot.press(*text, "ctrl+s")
    await settle(pilot)


def warnings_text(screen) -> str:
    return str(screen.query_one("#recs-warnings", Static).render())


async def test_three_recommendations_linked_renumbered_and_in_the_report(
    make_app, data_dir, settle, tmp_path
):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_recommendations(app, pilot, settle)
        assert "No recommendations yet" in str(screen.query_one("#recs-empty", Static).render())
        for text in ("Train staff.", "Reply in writing.", "Publish costs."):
            await add(pilot, settle, text)
        rows = stored(data_dir, ids["inspection"])
        assert [(n, t) for n, t, _, _ in rows] == [
            (1, "Train staff."),
            (2, "Reply in writing."),
            (3, "Publish costs."),
        ]
        assert "R1, R2, R3 cite no finding" in warnings_text(screen)
        assert "4 weaknesses no recommendation answers" in warnings_text(screen)

        # R1 answers two weaknesses: pick them in the dialog (weaknesses come first).
        await pilot.press("home", "l")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, LinkFindingsDialog)
        assert [f.kind for f in dialog.findings[:4]] == ["weakness"] * 4
        first_two = [f.id for f in dialog.findings[:2]]
        await pilot.press("space", "down", "space", "ctrl+s")
        await settle(pilot)
        assert stored(data_dir, ids["inspection"])[0][2] == sorted(first_two)

        # R2: link an unanswered weakness from the list of them.
        await pilot.press("down", "w")
        await settle(pilot)
        assert isinstance(app.screen, UnansweredDialog)
        unanswered = [f.id for f in app.screen.findings]
        assert len(unanswered) == 2
        await pilot.press("enter")
        await settle(pilot)
        assert stored(data_dir, ids["inspection"])[1][2] == [unanswered[0]]

        # R3: link the remaining weakness by typing to narrow the list.
        await pilot.press("down", "l")
        await settle(pilot)
        remaining = next(
            i for i in (ids["w0"], ids["w1"], ids["w2"], ids["w3"]) if i == unanswered[1]
        )
        words = {
            ids["w0"]: "training",
            ids["w1"]: "feedback",
            ids["w2"]: "targets",
            ids["w3"]: "VFM",
        }
        app.screen.query_one("#link-filter", Input).focus()
        await pilot.press(*words[remaining], "enter", "space", "ctrl+s")
        await settle(pilot)
        rows = stored(data_dir, ids["inspection"])
        assert rows[2][2] == [remaining]
        assert not screen.query_one("#recs-warnings").display  # every link made, no warnings

        # Renumbering keeps links intact: move R3 to the top.
        links_before = {t: cited for _, t, cited, _ in rows}
        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(pilot)
        rows = stored(data_dir, ids["inspection"])
        assert [(n, t) for n, t, _, _ in rows] == [
            (1, "Publish costs."),
            (2, "Train staff."),
            (3, "Reply in writing."),
        ]
        assert {t: cited for _, t, cited, _ in rows} == links_before
        listing = screen.query_one("#recs", OptionList)
        # (Its area letter is the cited finding's: linking filed it under that area.)
        assert str(listing.get_option_at_index(0).prompt)[:3] == "R1 "
        assert "Publish costs." in str(listing.get_option_at_index(0).prompt)
        assert listing.highlighted == 0

        # Deleting renumbers the ones after it (after a question).
        await pilot.press("end", "delete")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # no: nothing changes
        await settle(pilot)
        assert len(stored(data_dir, ids["inspection"])) == 3
        await pilot.press("home", "down", "delete", "y")  # delete R2 "Train staff."
        await settle(pilot)
        rows = stored(data_dir, ids["inspection"])
        assert [(n, t) for n, t, _, _ in rows] == [(1, "Publish costs."), (2, "Reply in writing.")]
        assert {t: cited for _, t, cited, _ in rows} == {
            t: c for t, c in links_before.items() if t != "Train staff."
        }
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"Train staff.", "ctrl+s")  # and again, as R3, for the report
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("space", "ctrl+s")
        await settle(pilot)

        # The report shows them, numbered, with the findings they rest on.
    out = tmp_path / "r.md"
    store = open_store(empty_data_dir(data_dir))
    try:
        render_report(store, ids["inspection"], out)
    finally:
        store.close()
    report = out.read_text()
    # (Filed under their findings' areas, they are also named in those areas' sections.)
    numbered = report[report.index("## R1") :]
    assert (
        numbered.index("Publish costs.")
        < numbered.index("Reply in writing.")
        < numbered.index("Train staff.")
    )
    assert "## R1" in report and "## R3" in report
    assert "Based on findings" in report or "Based on finding" in report
    assert "Weaknesses outweigh strengths." in report  # the agreed judgement


async def test_the_form_saves_as_you_type_and_checks_the_date(make_app, data_dir, settle):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_recommendations(app, pilot, settle)
        await add(pilot, settle, "Train staff.")
        await pilot.press("e")  # into the form: the recommendation's text
        await pilot.press("tab", *"One", "enter", *"Two")  # sub-actions, one per line
        await pilot.press("tab", *"Skilled staff.")  # expected benefits
        await pilot.press("tab", "enter", "down", "enter")  # impact: High
        await settle(pilot)
        await pilot.press("tab", "tab")  # priority, cost
        await pilot.press("enter", "down", "down", "down", "enter")  # cost: Low
        await pilot.press("tab", *"soon")  # target date: not a date
        await settle(pilot)
        error = screen.query_one("#err-target_date", Static)
        assert error.display and "not a date" in str(error.render())
        rec = stored(data_dir, ids["inspection"])[0][3]
        assert rec.target_date is None
        await pilot.press("ctrl+u", *"31/12/2026")
        await pilot.press("tab")  # the area
        await pilot.press("enter", "down", "down", "enter")  # A. Desktop review → B. Repairs
        await settle(pilot)
        assert not error.display
        assert isinstance(screen.query_one("#f-area_id", Select).value, str)
    rec = stored(data_dir, ids["inspection"])[0][3]
    assert rec.sub_actions == ["One", "Two"]
    assert rec.expected_benefits == "Skilled staff."
    assert (rec.impact, rec.cost, rec.priority) == ("high", "low", "")
    assert rec.target_date == date(2026, 12, 31)
    assert rec.area_id == ids["repairs"]


def test_fields_are_checked_as_the_service_would():
    assert check_field("target_date", "2026-01-31") == (date(2026, 1, 31), None)
    assert check_field("target_date", "") == (None, None)
    assert check_field("target_date", "31st Jan")[1] is not None
    assert check_field("sub_actions", "a\n\n b \n") == (["a", "b"], None)
    assert check_field("area_id", NO_AREA) == (None, None)
    assert check_field("text", "  ")[1] is not None


def test_the_areas_weaknesses_are_offered_first():
    rows = [
        FindingInfo("s-here", "a", "A", "strength", ""),
        FindingInfo("w-there", "b", "B", "weakness", ""),
        FindingInfo("w-here", "a", "A", "weakness", ""),
        FindingInfo("o-there", "b", "B", "observation", ""),
    ]
    assert [f.id for f in offer_order(rows, "a")] == ["w-here", "w-there", "s-here", "o-there"]
