"""Snapshots at 80×24 of the analysis screens: findings board, judgements, conclusions, recommendations.

The data is fixed (texts, names, grades; no dates, ids or paths on screen), so
a change in these pictures is a change in what the coordinator sees. The logic
is checked by the Pilot tests in tests/functional; these catch layout drift.
Update with ``pytest tests/snapshots --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

import pytest

from screens.app import TenantInspectApp
from tenant_inspect import analysis, fieldwork, inspections
from tenant_inspect.store import open_store
from tests.support.empty_db import empty_data_dir
from tests.support.settling import settle, still


@pytest.fixture
def seeded_app(data_dir):
    """An inspection after fieldwork: findings by two inspectors, grades, conclusions, R1–R3."""
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        i = inspections.create_inspection(
            s, title="Resident involvement", landlord="Riverside Vale Housing"
        )
        iid = i.id
        cs = inspections.add_area(s, iid, name="Customer Services", interviews_planned=1)
        repairs = inspections.add_area(s, iid, name="Repairs", interviews_planned=1)
        ann = inspections.add_member(s, iid, name="Ann Example", role="coordinator")
        bob = inspections.add_member(s, iid, name="Bob Sample")
        chris = inspections.add_member(s, iid, name="Chris Test")
        doc = fieldwork.add_document_review(s, iid, title="Customer Charter", status="complete")
        talk_cs = fieldwork.add_interview(
            s, iid, interviewee_role="Customer Services Manager", area_id=cs.id, status="complete"
        )
        talk_r = fieldwork.add_interview(
            s, iid, interviewee_role="Repairs Manager", area_id=repairs.id, status="complete"
        )
        ids = {"iid": iid, "bob": bob.id, "chris": chris.id, "ann": ann.id}
    found = []
    for author, kind, text, where, themes in [
        ("bob", "strength", "The Charter is in plain English.", {"document_review_id": doc.id}, ["pf-information"]),
        ("bob", "weakness", "The Charter is not dated.", {"document_review_id": doc.id}, []),
        ("bob", "strength", "Advisers know the pledges well.", {"interview_id": talk_cs.id}, ["pf-training-support"]),
        ("chris", "good_practice", "Call-backs within a day.", {"interview_id": talk_cs.id}, ["access-customer-care"]),
        ("chris", "weakness", "Tenants are not told what changed.", {"interview_id": talk_cs.id}, ["pf-feedback"]),
        ("bob", "strength", "Follow-up visits after mould work.", {"interview_id": talk_r.id}, ["impact"]),
        ("bob", "weakness", "Repairs staff have had no training on involvement.", {"interview_id": talk_r.id}, ["pf-training-support"]),
        ("chris", "weakness", "The repairs staff had had no involvement training.", {"interview_id": talk_r.id}, ["pf-training-support", "impact"]),
        ("chris", "weakness", "Complaints themes are not reported back.", {"interview_id": talk_r.id}, ["pf-feedback"]),
        ("chris", "observation", "Appointments are often missed at one scheme.", {"interview_id": talk_r.id}, []),
    ]:  # fmt: skip
        with store.write(author_id=ids[author]) as s:
            found.append(analysis.add_finding(s, iid, kind=kind, text=text, themes=themes, **where))
    with store.write(author_id=ids["ann"]) as s:
        for area, grades in [
            (cs.id, {"bob": "outweigh", "chris": "considerably_outweigh"}),
            (repairs.id, {"bob": "balance", "chris": "weaknesses_outweigh"}),
        ]:
            for who, grade in grades.items():
                analysis.set_judgement(s, iid, area_id=area, grade=grade, judge_id=ids[who])
        analysis.set_judgement(
            s, iid, area_id=cs.id, grade="outweigh", rationale="Staff know the pledges.",
            judge_id=ids["ann"], is_final=True,
        )  # fmt: skip
        analysis.set_judgement(
            s, iid, area_id=repairs.id, grade="outweigh", rationale="Visits are followed up.",
            judge_id=ids["ann"], is_final=True,
        )  # fmt: skip
        analysis.add_conclusion(
            s, iid, text="Staff who have involvement objectives keep the pledges."
        )
        analysis.add_conclusion(s, iid, text="Tenants are asked, but rarely told what changed.")
        analysis.add_conclusion(
            s, iid, text="Repairs listens but does not report back.", area_id=repairs.id
        )
        analysis.add_recommendation(
            s, iid, text="Give every repairs officer involvement training within six months.",
            finding_ids=[found[6].id, found[7].id], area_id=repairs.id,
            sub_actions=["Book the tenant trainers.", "Add it to induction."],
            expected_benefits="Staff who know the pledges.", impact="high", cost="low", priority="high",
        )  # fmt: skip
        analysis.add_recommendation(
            s, iid, text="Tell tenants what changed after every consultation.",
            finding_ids=[found[4].id], area_id=cs.id,
        )  # fmt: skip
        analysis.add_recommendation(s, iid, text="Date and review the Customer Charter.")
    store.close()
    app = TenantInspectApp(data_dir)
    yield app
    app.shutdown_store()


def opening(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("enter")  # the inspection's dashboard
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        still(pilot.app)

    return run_before


def test_findings_board(snap_compare, seeded_app):
    assert snap_compare(seeded_app, terminal_size=(80, 24), run_before=opening("f", "down"))


def test_judgements_with_a_mismatch_warning(snap_compare, seeded_app):
    # Repairs: "Strengths outweigh weaknesses" with one strength and three weaknesses.
    run_before = opening("down", "down", "j")
    assert snap_compare(seeded_app, terminal_size=(80, 24), run_before=run_before)


def test_conclusions(snap_compare, seeded_app):
    assert snap_compare(seeded_app, terminal_size=(80, 24), run_before=opening("c"))


def test_recommendations(snap_compare, seeded_app):
    assert snap_compare(seeded_app, terminal_size=(80, 24), run_before=opening("m", "end"))
