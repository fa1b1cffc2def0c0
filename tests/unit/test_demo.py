"""The sample inspections built by ``tenant-inspect demo``.

The small demo is what people see first and what the sample report is made from, so these
tests check that it is complete and valid as the app would make it: counts in range, every
finding's evidence and themes real, answers only to questions that are visible, a final
judgement per area, recommendations numbered and citing findings, and interviewee names
where redaction tests will look for them. Same seed, same content.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, select

from tenant_inspect import models as m
from tenant_inspect import vocabulary
from tenant_inspect.demo import DEMO_INTERVIEWEE_NAMES, build_demo
from tenant_inspect.dump import inspection_data
from tenant_inspect.errors import UserError
from tenant_inspect.inspections import questionnaire_for
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.questionnaire import validate_answer
from tenant_inspect.store import Store, open_store
from tenant_inspect.themes import THEME_IDS
from tests.support.demo_copy import demo_data_dir


def _store(path: Path) -> Store:
    return open_store(resolve_data_dir(path))


def _live(session: Session, model: type[Any], inspection_id: str) -> list[Any]:
    rows = session.exec(select(model).where(model.inspection_id == inspection_id)).all()
    return [r for r in rows if r.deleted_at is None]


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, str]:
    store = _store(tmp_path_factory.mktemp("small"))
    return store, build_demo(store)


# ---------------------------------------------------------------------------
# Small demo: shape and counts
# ---------------------------------------------------------------------------


def test_small_demo_inspection_and_team(small: tuple[Store, str]) -> None:
    store, iid = small
    with store.read() as s:
        inspection = s.get(m.Inspection, iid)
        assert inspection is not None
        assert inspection.status == "analysis"
        assert inspection.title and inspection.landlord and inspection.report_number
        assert inspection.scope and inspection.introduction and inspection.methodology
        assert inspection.start_date and inspection.end_date and inspection.report_date
        team = _live(s, m.TeamMember, iid)
        assert 12 <= len(team) <= 16
        assert [t.role for t in team].count("coordinator") == 1
        assert len({t.name for t in team}) == len(team)


def test_small_demo_areas_documents_and_interviews(small: tuple[Store, str]) -> None:
    store, iid = small
    with store.read() as s:
        areas = sorted(_live(s, m.Area, iid), key=lambda a: a.position)
        assert areas[0].kind == "desktop_review"
        departments = [a for a in areas if a.kind == "department"]
        assert len(departments) >= 7
        assert all(a.interviews_planned > 0 for a in departments)
        docs = _live(s, m.DocumentReview, iid)
        assert len(docs) == 8
        assert all(d.area_id == areas[0].id for d in docs)
        assert any(d.undated for d in docs) and any(d.document_date for d in docs)
        interviews = _live(s, m.Interview, iid)
        staff = [i for i in interviews if i.interviewee_kind == "staff"]
        tenants = [i for i in interviews if i.interviewee_kind == "tenant"]
        assert 1 <= len(tenants) <= 2
        per_area = Counter(i.area_id for i in staff)
        assert all(1 <= per_area[a.id] <= 3 for a in departments)
        assert all(i.consent for i in interviews)
        assert Counter(i.status for i in interviews)["in_progress"] == 1
        links = _live(s, m.InterviewInterviewer, iid)
        pairs = Counter(link.interview_id for link in links)
        assert all(pairs[i.id] == 2 for i in interviews)


def test_small_demo_answers_only_visible_questions(small: tuple[Store, str]) -> None:
    store, iid = small
    with store.read() as s:
        parents: list[m.Interview | m.DocumentReview] = [
            *_live(s, m.Interview, iid),
            *_live(s, m.DocumentReview, iid),
        ]
        answers = _live(s, m.Answer, iid)
        for parent in parents:
            questionnaire = questionnaire_for(
                s, iid, parent.questionnaire_id, parent.questionnaire_version
            )
            own = [a for a in answers if parent.id in (a.interview_id, a.document_review_id)]
            assert own, f"{parent.id} has no answers"
            values = {a.question_key: a.value for a in own}
            for answer in own:
                question = questionnaire.question(answer.question_key)
                assert questionnaire.is_visible(question, values), answer.question_key
                assert validate_answer(question, answer.value) is None, answer.question_key
        assert 400 <= len(answers) <= 700


def test_small_demo_findings_evidence_and_themes(small: tuple[Store, str]) -> None:
    store, iid = small
    with store.read() as s:
        findings = _live(s, m.Finding, iid)
        assert 60 <= len(findings) <= 90
        assert set(Counter(f.kind for f in findings)) == set(vocabulary.FINDING_KINDS)
        assert 1 <= sum(f.internal for f in findings) <= 2
        area_ids = {a.id for a in _live(s, m.Area, iid)}
        for f in findings:
            assert f.themes and set(f.themes) <= THEME_IDS, f.text
            assert f.area_id in area_ids
            assert f.answer_id or f.interview_id or f.document_review_id, f.text
            if f.answer_id:
                answer = s.get(m.Answer, f.answer_id)
                assert answer is not None and answer.deleted_at is None
                assert answer.question_key == f.question_key
                assert answer.interview_id == f.interview_id
                assert answer.document_review_id == f.document_review_id
            if f.interview_id:
                assert s.get(m.Interview, f.interview_id) is not None
            if f.document_review_id:
                assert s.get(m.DocumentReview, f.document_review_id) is not None
        assert sum(f.answer_id is not None for f in findings) >= len(findings) - 2


def test_small_demo_judgements_and_conclusions(small: tuple[Store, str]) -> None:
    store, iid = small
    with store.read() as s:
        areas = _live(s, m.Area, iid)
        judgements = _live(s, m.Judgement, iid)
        coordinator = next(t for t in _live(s, m.TeamMember, iid) if t.role == "coordinator")
        for area in areas:
            own = [j for j in judgements if j.area_id == area.id]
            finals = [j for j in own if j.is_final]
            assert len(finals) == 1, area.name
            assert finals[0].judge_id == coordinator.id and finals[0].rationale
            independent = [j for j in own if not j.is_final]
            assert 2 <= len(independent) <= 3
            assert len({j.judge_id for j in independent}) == len(independent)
            assert all(j.grade in vocabulary.GRADE_KEYS for j in own)
        conclusions = _live(s, m.Conclusion, iid)
        overall = [c for c in conclusions if c.area_id is None]
        assert 3 <= len(overall) <= 5
        assert {c.area_id for c in conclusions if c.area_id} == {a.id for a in areas}


def test_small_demo_recommendations(small: tuple[Store, str]) -> None:
    store, iid = small
    with store.read() as s:
        recs = sorted(_live(s, m.Recommendation, iid), key=lambda r: r.number)
        assert 12 <= len(recs) <= 16
        assert [r.number for r in recs] == list(range(1, len(recs) + 1))
        links = _live(s, m.RecommendationFinding, iid)
        for rec in recs:
            cited = [
                s.get(m.Finding, link.finding_id)
                for link in links
                if link.recommendation_id == rec.id
            ]
            assert cited, f"R{rec.number} cites no finding"
            assert all(f is not None and f.kind == "weakness" and not f.internal for f in cited)
            assert rec.sub_actions and rec.expected_benefits and rec.target_date
            assert (
                rec.impact in vocabulary.LEVELS
                and rec.cost in vocabulary.LEVELS
                and rec.priority in vocabulary.LEVELS
            )
        actions = _live(s, m.ActionPlanItem, iid)
        assert 2 <= len(actions) <= 6


def test_small_demo_interviewee_names(small: tuple[Store, str]) -> None:
    store, iid = small
    with store.read() as s:
        interviews = _live(s, m.Interview, iid)
        answers = _live(s, m.Answer, iid)
        findings = _live(s, m.Finding, iid)
        assert all(i.interviewee_name for i in interviews)
        assert {i.interviewee_name for i in interviews} == set(DEMO_INTERVIEWEE_NAMES)
        named_inside = 0
        for interview in interviews:
            texts = [interview.notes]
            texts += [a.value + " " + a.notes for a in answers if a.interview_id == interview.id]
            texts += [f.text for f in findings if f.interview_id == interview.id]
            if any(interview.interviewee_name in t for t in texts):
                named_inside += 1
        assert named_inside >= 3


def test_unknown_size_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="size"):
        build_demo(_store(tmp_path), size="medium")


# ---------------------------------------------------------------------------
# Determinism
# ---------------------------------------------------------------------------

_BOOKKEEPING = {"id", "created_at", "updated_at", "device_id", "hlc", "field_clocks", "deleted_at"}


def _content(store: Store, inspection_id: str) -> list[tuple[str, dict[str, Any]]]:
    """Every row in the order it was last written, with ids replaced by that order."""
    with store.read() as s:
        tables = inspection_data(s, inspection_id)["tables"]
    rows = sorted(
        (
            (row["hlc"], table, row)
            for table, rs in tables.items()
            if table != "conflict"
            for row in rs
        ),
        key=lambda item: item[0],
    )
    ids = {row["id"]: f"{table}#{n}" for n, (_, table, row) in enumerate(rows)}
    return [
        (
            table,
            {
                k: ids.get(v, v) if isinstance(v, str) else v
                for k, v in row.items()
                if k not in _BOOKKEEPING
            },
        )
        for _, table, row in rows
    ]


def test_same_seed_same_content_other_seed_differs(tmp_path: Path) -> None:
    first = _store(tmp_path / "a")
    second = _store(tmp_path / "b")
    a = _content(first, build_demo(first, seed=7))
    b = _content(second, build_demo(second, seed=7))
    c = _content(second, build_demo(second, seed=8))
    assert len(a) == len(b) and a == b
    assert a != c


# ---------------------------------------------------------------------------
# Large demo
# ---------------------------------------------------------------------------


def test_large_demo_counts(tmp_path: Path) -> None:
    """What ``build_demo(size="large")`` writes: read from the run's shared copy of it
    (:mod:`tests.support.demo_copy` builds it with that very call, once per test run)."""
    data = resolve_data_dir(tmp_path / "large")
    iid = demo_data_dir(data, "large")
    store = open_store(data)
    with store.read() as s:
        interviews = _live(s, m.Interview, iid)
        answers = _live(s, m.Answer, iid)
        findings = _live(s, m.Finding, iid)
        recs = _live(s, m.Recommendation, iid)
        links = _live(s, m.RecommendationFinding, iid)
        assert len(interviews) == 60
        assert 1650 <= sum(a.interview_id is not None for a in answers) <= 1800
        assert len(_live(s, m.DocumentReview, iid)) == 14
        assert len(findings) == 1000
        assert set(Counter(f.kind for f in findings)) == set(vocabulary.FINDING_KINDS)
        assert all(f.answer_id and f.themes and set(f.themes) <= THEME_IDS for f in findings)
        assert len(recs) == 60
        assert sorted(r.number for r in recs) == list(range(1, 61))
        assert {link.recommendation_id for link in links} == {r.id for r in recs}
        areas = _live(s, m.Area, iid)
        finals = [j for j in _live(s, m.Judgement, iid) if j.is_final]
        assert {j.area_id for j in finals} == {a.id for a in areas} and len(finals) == len(areas)
    store.close()


def test_small_demo_monitors_its_plan_over_two_rounds(small: tuple[Store, str]) -> None:
    """The monitoring screen has history to show: what changed, what is done, what slipped."""
    from datetime import date

    from tenant_inspect.views.action_plan_read import load_action_plan

    store, iid = small
    with store.read() as s:
        plan = load_action_plan(s, iid, date(2027, 1, 10))
    assert [(r.held_on_words, r.title) for r in plan.rounds] == [
        ("31 August 2026", "Quarter 1 review"),
        ("30 November 2026", "Quarter 2 review"),
    ]
    latest = plan.rounds[-1]
    words = [c.words for c in latest.changes]
    assert any("On track → Off track" in w for w in words)
    assert any("→ Done" in w for w in words)
    assert len(latest.entries) == 4
