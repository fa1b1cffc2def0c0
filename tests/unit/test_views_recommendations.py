"""The recommendations screen's read model and writes, without Textual: numbers and evidence."""

from __future__ import annotations

import pytest

from tenant_inspect import analysis, inspections, records
from tenant_inspect import models as m
from tenant_inspect.edits import recommendations as recommendation_edits
from tenant_inspect.views.recommendations import FindingInfo, load_recommendations, offer_order


@pytest.fixture
def ids(store) -> dict[str, str]:
    with store.write() as s:
        i = inspections.create_inspection(s, title="Resident involvement", landlord="Vale Homes")
        iid = i.id
        repairs = inspections.add_area(s, iid, name="Repairs")
        out = {"inspection": iid, "repairs": repairs.id}
        for n, text in enumerate(["No training.", "No feedback."]):
            out[f"w{n}"] = analysis.add_finding(
                s, iid, kind="weakness", text=text, area_id=repairs.id
            ).id
        out["s0"] = analysis.add_finding(s, iid, kind="strength", text="Quick visits.").id
        for key, text in (("r1", "Train staff."), ("r2", "Reply in writing.")):
            out[key] = recommendation_edits.add_recommendation(s, iid, text, repairs.id)
        return out


def read(store, inspection_id: str):
    with store.read() as s:
        return load_recommendations(s, inspection_id)


def test_numbers_follow_the_order_and_areas_have_their_letters(store, ids):
    data = read(store, ids["inspection"])
    assert [(r.number, r.text) for r in data.recs] == [
        (1, "Train staff."),
        (2, "Reply in writing."),
    ]
    assert [a.title for a in data.areas] == ["A. Desktop review", "B. Repairs"]
    weakness = data.finding(ids["w0"])
    assert weakness is not None
    assert (weakness.kind_label, weakness.area_letter) == ("Weakness", "B")
    strength = data.finding(ids["s0"])
    assert strength is not None and strength.area_letter == "–"  # no area


def test_warnings_name_what_cites_nothing_and_what_is_unanswered(store, ids):
    data = read(store, ids["inspection"])
    codes = [w.code for w in data.warnings]
    assert codes.count("recommendation-cites-nothing") == 2
    assert sorted(data.unanswered) == sorted([ids["w0"], ids["w1"]])
    with store.write() as s:
        recommendation_edits.set_links(s, ids["r1"], [ids["w0"], ids["w1"]])
    data = read(store, ids["inspection"])
    assert data.recs[0].finding_ids == (ids["w0"], ids["w1"])
    assert data.unanswered == []
    assert [w.code for w in data.warnings] == ["recommendation-cites-nothing"]


def test_moving_renumbers_and_keeps_the_links(store, ids):
    with store.write() as s:
        recommendation_edits.link_one(s, ids["r2"], ids["w1"])
        assert recommendation_edits.move_recommendation(s, ids["r2"], -1) == ids["r2"]
    data = read(store, ids["inspection"])
    assert [(r.number, r.text, r.finding_ids) for r in data.recs] == [
        (1, "Reply in writing.", (ids["w1"],)),
        (2, "Train staff.", ()),
    ]
    with store.write() as s:
        recommendation_edits.delete_recommendation(s, ids["r2"])
    assert [(r.number, r.text) for r in read(store, ids["inspection"]).recs] == [
        (1, "Train staff.")
    ]


def test_a_deleted_finding_is_no_longer_cited(store, ids):
    with store.write() as s:
        recommendation_edits.set_links(s, ids["r1"], [ids["w0"]])
        records.delete(s, records.get(s, m.Finding, ids["w0"]))
    data = read(store, ids["inspection"])
    assert data.recs[0].finding_ids == ()
    assert data.finding(ids["w0"]) is None


def test_fields_saved_from_the_form_are_read_back(store, ids):
    with store.write() as s:
        recommendation_edits.save_recommendation_field(s, ids["r1"], "sub_actions", ["One", "Two"])
        recommendation_edits.save_recommendation_field(s, ids["r1"], "impact", "high")
        recommendation_edits.save_recommendation_field(s, ids["r1"], "area_id", None)
    rec = read(store, ids["inspection"]).recs[0]
    assert (rec.sub_actions, rec.impact, rec.area_id) == (("One", "Two"), "high", None)


def test_the_areas_weaknesses_are_offered_first():
    rows = [
        FindingInfo("s-here", "a", "A", "strength", ""),
        FindingInfo("w-there", "b", "B", "weakness", ""),
        FindingInfo("w-here", "a", "A", "weakness", ""),
        FindingInfo("o-there", "b", "B", "observation", ""),
    ]
    assert [f.id for f in offer_order(rows, "a")] == ["w-here", "w-there", "s-here", "o-there"]
    assert [f.id for f in offer_order(rows, None)] == ["w-there", "w-here", "s-here", "o-there"]


def test_shared_area_only_when_every_cited_finding_is_in_one_area():
    from tenant_inspect.views.recommendations import FindingInfo, shared_area

    findings = [
        FindingInfo("a", "repairs", "B", "weakness", "No training."),
        FindingInfo("b", "repairs", "B", "weakness", "No feedback."),
        FindingInfo("c", "finance", "C", "weakness", "No VFM."),
        FindingInfo("d", None, "–", "weakness", "No area."),
    ]
    assert shared_area(findings, ["a", "b"]) == "repairs"
    assert shared_area(findings, ["a", "c"]) is None
    assert shared_area(findings, ["d"]) is None
    assert shared_area(findings, []) is None
