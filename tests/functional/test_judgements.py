"""Judgements: grade on the evidence, see the mismatch warning, inspectors' grades, agreement."""

from __future__ import annotations

from textual.widgets import RadioSet, Select, Static, TextArea

from screens.dashboard import DashboardScreen
from screens.dialogs.inspector_grade import InspectorGradeDialog
from screens.judgements import JudgementsScreen
from screens.widgets.judgement_agreement import team_words
from tenant_inspect import analysis, inspections
from tenant_inspect.agreement import ratings_from_judgements, team_agreement
from tenant_inspect.store import open_store
from tests.support.empty_db import empty_data_dir


def seed(data_dir) -> dict[str, str]:
    """Repairs: 1 strength, 3 weaknesses. Finance: 2 strengths (one good practice), 1 weakness."""
    store = open_store(empty_data_dir(data_dir))
    ids: dict[str, str] = {}
    with store.write() as s:
        i = inspections.create_inspection(s, title="Resident involvement", landlord="Vale Homes")
        iid = ids["inspection"] = i.id
        repairs = inspections.add_area(s, iid, name="Repairs")
        finance = inspections.add_area(s, iid, name="Finance")
        ids["desk"] = inspections.areas(s, iid)[0].id
        ids["repairs"], ids["finance"] = repairs.id, finance.id
        for name, role in [
            ("Ann Coord", "coordinator"),
            ("Bob", "inspector"),
            ("Cat", "inspector"),
        ]:
            ids[name.split()[0].lower()] = inspections.add_member(s, iid, name=name, role=role).id
        analysis.add_finding(s, iid, kind="strength", text="Quick repairs.", area_id=repairs.id)
        for n in range(3):
            analysis.add_finding(s, iid, kind="weakness", text=f"Gap {n}.", area_id=repairs.id)
        analysis.add_finding(s, iid, kind="strength", text="Clear budget.", area_id=finance.id)
        analysis.add_finding(s, iid, kind="good_practice", text="Open books.", area_id=finance.id)
        analysis.add_finding(s, iid, kind="weakness", text="No VFM measure.", area_id=finance.id)
        analysis.add_finding(s, iid, kind="strength", text="Dated.", area_id=ids["desk"])
        # Independent grades: Bob and Cat on Repairs and Finance.
        for area, bob, cat in [
            (repairs.id, "balance", "weaknesses_outweigh"),
            (finance.id, "outweigh", "outweigh"),
        ]:
            analysis.set_judgement(s, iid, area_id=area, grade=bob, judge_id=ids["bob"])
            analysis.set_judgement(s, iid, area_id=area, grade=cat, judge_id=ids["cat"])
    store.close()
    return ids


def judgements_of(data_dir, inspection_id):
    store = open_store(empty_data_dir(data_dir))
    with store.read() as s:
        rows = analysis.judgements(s, inspection_id)
    store.close()
    return rows


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def open_judgements(app, pilot, settle, area_row: int = 1) -> JudgementsScreen:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, DashboardScreen)
    await pilot.press(*["down"] * area_row, "j")  # opens on the area selected on the dashboard
    await settle(pilot)
    assert isinstance(app.screen, JudgementsScreen)
    return app.screen


async def test_grade_against_the_evidence_shows_a_mismatch_warning(make_app, data_dir, settle):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_judgements(app, pilot, settle)  # B. Repairs
        assert screen.area_id == ids["repairs"]
        assert "Strengths (1)" in text(screen, "#strengths-head")
        assert "Weaknesses (3)" in text(screen, "#weaknesses-head")
        assert not screen.query_one("#mismatch").display
        radio = screen.query_one("#final-grade", RadioSet)
        assert screen.focused is radio
        # "Strengths outweigh weaknesses" with three times as many weaknesses.
        await pilot.press("down", "enter")
        await settle(pilot)
        warning = text(screen, "#mismatch")
        assert screen.query_one("#mismatch").display
        assert warning.startswith("⚠ Check: “Strengths outweigh weaknesses”, but this area has")
        assert "1 strength and 3 weaknesses" in warning
        assert "⚠ 1 to check" in text(screen, "#area-progress")

        # The rationale, saved as it is typed.
        await pilot.press("r", *"Few strengths.")
        await settle(pilot)
        final = [j for j in judgements_of(data_dir, ids["inspection"]) if j.is_final]
        assert [(j.area_id, j.grade, j.rationale, j.judge_id) for j in final] == [
            (ids["repairs"], "outweigh", "Few strengths.", ids["ann"])
        ]

        # Changing the grade to match the evidence clears the warning; the rationale stays.
        await pilot.press("escape")  # leave the rationale box: the focus goes to the grade
        assert isinstance(screen.focused, RadioSet)
        await pilot.press("down", "down", "enter")  # Weaknesses outweigh strengths
        await settle(pilot)
        assert not screen.query_one("#mismatch").display
        final = [j for j in judgements_of(data_dir, ids["inspection"]) if j.is_final]
        assert [(j.grade, j.rationale) for j in final] == [
            ("weaknesses_outweigh", "Few strengths.")
        ]


async def test_moving_between_areas_keeps_each_areas_text(make_app, data_dir, settle):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_judgements(app, pilot, settle)
        await pilot.press("down", "down", "down", "enter", "r", *"Mostly gaps.", "escape")
        await pilot.press("right_square_bracket")  # C. Finance
        await settle(pilot)
        assert screen.area_id == ids["finance"]
        assert "2 strengths (1 of them good practice)" in text(screen, "#rationale-note")
        assert screen.query_one("#rationale", TextArea).text == ""
        await pilot.press("down", "enter", "r", *"Sound.")
        await pilot.press("escape", "left_square_bracket")  # back to Repairs
        await settle(pilot)
        assert screen.query_one("#rationale", TextArea).text == "Mostly gaps."
        radio = screen.query_one("#final-grade", RadioSet)
        assert radio.pressed_index == 3
        assert screen.focused is radio
        await pilot.press("enter")  # the cursor starts on the chosen grade: Enter changes nothing
        await settle(pilot)
        assert radio.pressed_index == 3
    final = {
        j.area_id: (j.grade, j.rationale)
        for j in judgements_of(data_dir, ids["inspection"])
        if j.is_final
    }
    assert final == {
        ids["repairs"]: ("weaknesses_outweigh", "Mostly gaps."),
        ids["finance"]: ("outweigh", "Sound."),
    }


async def test_rationale_before_a_grade_waits_for_the_grade(make_app, data_dir, settle):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_judgements(app, pilot, settle)
        await pilot.press("r", *"Why")
        await settle(pilot)
        assert "Choose the grade" in text(screen, "#rationale-note")
        assert not [j for j in judgements_of(data_dir, ids["inspection"]) if j.is_final]
        await pilot.press("escape", "down", "down", "down", "enter")
        await settle(pilot)
    final = [j for j in judgements_of(data_dir, ids["inspection"]) if j.is_final]
    assert [(j.grade, j.rationale) for j in final] == [("weaknesses_outweigh", "Why")]


async def test_r_goes_back_into_the_rationale_after_its_last_word(make_app, data_dir, settle):
    """Carrying on writing adds to the end; it never pushes the old words along."""
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        await open_judgements(app, pilot, settle)
        await pilot.press("down", "down", "down", "enter", "r", *"Few strengths.", "escape")
        await settle(pilot)
        await pilot.press("pagedown")  # to the next area and back: the box shows its start
        await settle(pilot)
        await pilot.press("pageup")
        await settle(pilot)
        await pilot.press("r", *" Repairs late.", "escape")
        await settle(pilot)
    final = [j for j in judgements_of(data_dir, ids["inspection"]) if j.is_final]
    assert [j.rationale for j in final] == ["Few strengths. Repairs late."]


async def test_inspectors_grades_and_the_teams_agreement(make_app, data_dir, settle):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_judgements(app, pilot, settle)
        assert (
            "Bob: A balance of strengths and weaknesses · Cat: Weaknesses outweigh strengths"
            in text(screen, "#independent")
        )

        # Ann records her own grade for Repairs: choose her from the team.
        await pilot.press("i")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, InspectorGradeDialog)
        judge = dialog.query_one("#grade-judge", Select)
        judge.focus()
        await pilot.press("enter", "home", "enter")  # the first in the team: Ann Coord
        await settle(pilot)
        assert judge.value == ids["ann"]
        dialog.query_one("#grade-choice", RadioSet).focus()
        await pilot.press("down", "down", "enter", "ctrl+s")  # A balance
        await settle(pilot)
        assert app.screen is screen
        assert "Ann Coord: A balance of strengths and weaknesses" in text(screen, "#independent")

        # The agreement tab: the team figure, the areas to discuss, a pair.
        await pilot.press("ctrl+pagedown")
        await settle(pilot)
        rows = judgements_of(data_dir, ids["inspection"])
        team = team_agreement(ratings_from_judgements(rows))
        headline, _ = team_words(team)
        assert text(screen, "#team-figure") == headline
        assert headline.startswith(f"Team agreement: {team.value:.2f} — ")
        discuss = screen.query_one("#discuss")
        assert discuss.row_count == 1  # Repairs: Balance ×2 and Weaknesses outweigh
        assert str(discuss.get_row_at(0)[0]) == "B. Repairs"
        assert "All agree in 1 area: C." in text(screen, "#discuss-note")
        assert "Bob and Cat gave the same grade in 1 of 2 areas" in text(screen, "#pair-result")

        # Words first; with two areas, too little to judge rather than "slight agreement".
        summary = text(screen, "#plain-summary")
        assert summary.startswith("You agreed on 1 of 2 areas; discuss B. Repairs first.")
        assert "Too few areas to judge" in summary
        assert "too few areas in common to judge" in text(screen, "#pair-result")
        statistics = screen.query_one("#statistics")
        assert not statistics.display
        assert "kappa" not in text(screen, "#plain-summary").lower()
        # The statistics are one key away, explained.
        await pilot.press("s")
        await settle(pilot)
        assert statistics.display
        assert "no better than chance" in text(screen, "#team-explain")
        pairs = screen.query_one("#pairs")
        assert [str(c) for c in pairs.get_row_at(0)][-1] == "too few areas to judge"


def test_team_words_explain_the_statistic():
    from tenant_inspect.agreement import Rating

    ratings = [
        Rating("a", "x", "outweigh"),
        Rating("a", "y", "balance"),
        Rating("b", "x", "balance"),
        Rating("b", "y", "balance"),
    ]
    headline, explanation = team_words(team_agreement(ratings))
    assert headline.startswith("Team agreement: ")
    assert "weighted Fleiss' kappa" in explanation and "Landis & Koch" in explanation
    assert "1 is full agreement, 0 no better than chance" in explanation
    # Only two areas: no verdict in words, whatever the figure.
    assert headline.endswith("too few areas to judge")
    assert "cannot say how well the team agrees" in explanation
    assert team_words(team_agreement([]))[0].endswith("not enough independent grades yet")


async def test_letters_and_brackets_are_text_in_the_rationale(make_app, data_dir, settle):
    seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_judgements(app, pilot, settle)
        await pilot.press("r", "i", "left_square_bracket")
        await settle(pilot)
        assert app.screen is screen
        assert screen.query_one("#rationale", TextArea).text == "i["


async def test_the_rationale_is_entered_on_purpose_and_areas_change_from_it(
    make_app, data_dir, settle
):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_judgements(app, pilot, settle)
        rationale = screen.query_one("#rationale", TextArea)
        # A box with room and a frame that says what it is, at 80 × 24.
        assert rationale.size.width >= 60 and rationale.size.height >= 3
        assert rationale.styles.border_top[0] != ""
        assert "Rationale" in str(rationale.border_title)
        # Tab from the grade does not land in the text: Space there would be typed.
        await pilot.press("tab", "space")
        await settle(pilot)
        assert screen.focused is not rationale and rationale.text == ""
        screen.query_one("#final-grade").focus()
        await pilot.press("r", *"Gaps")
        await settle(pilot)
        assert screen.focused is rationale and rationale.text == "Gaps"
        assert "Esc" in str(rationale.border_title)  # says how to get out
        # The Footer keeps the area keys while typing, and PgDn moves on from the text.
        assert screen.check_action("area", (1,)) is True
        assert screen.check_action("inspector_grade", ()) is None  # shown, dimmed
        await pilot.press("pagedown")
        await settle(pilot)
        assert screen.area_id == ids["finance"]
        await pilot.press("escape", "pageup")
        await settle(pilot)
        assert screen.area_id == ids["repairs"]
        assert rationale.text == "Gaps"
        # A click is deliberate too.
        assert screen.focused is not rationale
        await pilot.click("#rationale")
        await settle(pilot)
        assert screen.focused is rationale


async def test_an_area_opens_on_the_start_of_its_rationale(make_app, data_dir, settle):
    ids = seed(data_dir)
    long = "First words. " + " ".join(f"line {n} of the reasons." for n in range(40))
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        analysis.set_judgement(
            s,
            ids["inspection"],
            area_id=ids["finance"],
            grade="outweigh",
            rationale=long,
            is_final=True,
        )
    store.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_judgements(app, pilot, settle, area_row=2)
        rationale = screen.query_one("#rationale", TextArea)
        assert rationale.text == long
        assert rationale.cursor_location == (0, 0) and rationale.scroll_y == 0
        # The area list names which side outweighs, not just "outweigh".
        prompts = [str(prompt) for prompt, _ in screen.query_one("#area-select", Select)._options]
        assert "C. Finance — ✓ Strengths outweigh weaknesses" in prompts


def test_agreement_leads_with_words_and_names_the_areas_to_discuss():
    from screens.widgets.judgement_agreement import pair_words, plain_headline
    from tenant_inspect.agreement import Rating, pair_agreement

    assert plain_headline(5, 7, ["B. Repairs", "F. Finance", "G. Other"]) == (
        "You agreed on 5 of 7 areas; discuss B. Repairs and F. Finance first."
    )
    assert plain_headline(3, 3, []) == "You agreed on 3 of 3 areas. Too few areas to judge " + (
        "how well the team agrees (at least 4)."
    )
    grades = ["outweigh", "balance", "balance", "weaknesses_outweigh", "outweigh"]
    ratings = [Rating(str(n), "x", g) for n, g in enumerate(grades)]
    ratings += [Rating(str(n), "y", g) for n, g in enumerate([*grades[:-1], "balance"])]
    pair = pair_agreement(ratings, "x", "y")
    names = {"x": "Bob", "y": "Cat"}
    # Enough areas: the words, and the kappa only when the statistics are asked for.
    assert pair_words(pair, names) == "Bob and Cat gave the same grade in 4 of 5 areas."
    assert "Weighted Cohen's kappa" in pair_words(pair, names, statistics=True)


def footer_words(screen) -> list[str]:
    return [key.description for key in screen.query("FooterKey") if key.description]


async def test_the_footer_follows_the_tab_and_stays_put_while_moving_about(
    make_app, data_dir, settle
):
    """The Area tab's keys are in the footer; on the Agreement tab they give way to its own.
    Going to the next area (the same keys) leaves the footer as it was: not rebuilt, so it
    never flickers under the user's eyes."""
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_judgements(app, pilot, settle)
        words = footer_words(screen)
        assert "Rationale" in words and "Agreement" in words and "Area" not in words
        keys = list(screen.query("FooterKey"))
        await pilot.press("pagedown")
        await settle(pilot)
        assert screen.area_id == ids["finance"]
        assert list(screen.query("FooterKey")) == keys  # the same widgets: not rebuilt
        await pilot.press("ctrl+pagedown")
        await settle(pilot)
        words = footer_words(screen)
        assert "Area" in words and "Agreement" not in words and "Rationale" not in words
        await pilot.press("ctrl+pagedown")
        await settle(pilot)
        assert "Rationale" in footer_words(screen)
