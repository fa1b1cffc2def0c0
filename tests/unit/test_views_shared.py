"""The report and the screens read an area, a finding, a conclusion, a recommendation and a
team member as one type each, so they cannot disagree about what the inspection holds."""

from __future__ import annotations

import dataclasses

import pytest

from tenant_inspect import analysis, inspections, records
from tenant_inspect import models as m
from tenant_inspect.demo import build_demo
from tenant_inspect.edits import recommendations as recommendation_edits
from tenant_inspect.report.outline import Fields, build_outline, load_report_data
from tenant_inspect.views.board import load_board
from tenant_inspect.views.conclusions import load_conclusions
from tenant_inspect.views.judgements import load_judgements
from tenant_inspect.views.overview import load_overview
from tenant_inspect.views.recommendations import load_recommendations
from tenant_inspect.views.shared import FindingData


@pytest.fixture
def demo(store) -> str:
    return build_demo(store)


def test_the_small_demo_reads_the_same_on_screen_and_in_the_report(store, demo):
    with store.read() as s:
        report = load_report_data(s, demo)
        recs = load_recommendations(s, demo)
        board = load_board(s, demo)
        conclusions = load_conclusions(s, demo)
        overview = load_overview(s, demo)
        judgements = load_judgements(s, demo)
    assert report.recommendations and any(r.finding_ids for r in report.recommendations)
    assert recs.recs == report.recommendations  # the same linked findings, numbers and all
    assert recs.areas == report.areas == board.areas
    as_findings = [FindingData(**{f.name: getattr(r, f.name) for f in fields}) for r in board.rows]
    assert as_findings == [
        dataclasses.replace(f, area_id=f.area_id if f.area_id in ids(report.areas) else None)
        for f in report.findings
    ]
    assert conclusions.rows == tuple(
        c for c in report.conclusions if c.area_id is None or c.area_id in ids(report.areas)
    )
    assert overview.team == judgements.team
    assert tuple(t for t in overview.team if t.in_report) == report.team


fields = dataclasses.fields(FindingData)


def ids(rows: tuple[object, ...]) -> set[str]:
    return {r.id for r in rows}  # type: ignore[attr-defined]


def test_a_recommendation_cites_live_findings_once_each_on_screen_and_in_the_report(store):
    with store.write() as s:
        iid = inspections.create_inspection(s, title="Repairs", landlord="Vale Homes").id
        a, b, gone = (
            analysis.add_finding(s, iid, kind="weakness", text=t).id for t in ("A.", "B.", "Gone.")
        )
        rec = recommendation_edits.add_recommendation(s, iid, "Train staff.", None)
        recommendation_edits.set_links(s, rec, [b, gone, a])
        # Two laptops linking the same pair leave two link rows behind after a merge.
        records.create(
            s,
            m.RecommendationFinding,
            parent={"inspection_id": iid, "recommendation_id": rec, "finding_id": b},
        )
        records.delete(s, records.get(s, m.Finding, gone))
    with store.read() as s:
        (on_screen,) = load_recommendations(s, iid).recs
        report = load_report_data(s, iid)
    (in_report,) = report.recommendations
    assert on_screen == in_report
    assert in_report.finding_ids == (b, a)
    facts = [i for b in build_outline(report).blocks if isinstance(b, Fields) for i in b.items]
    assert ("Based on findings: ", "F1 and F2") in facts
