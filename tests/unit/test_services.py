"""The service layer every screen and command goes through: validation, tombstones, links."""

from __future__ import annotations

import pytest
from sqlmodel import select

from tenant_inspect import analysis, fieldwork, inspections, records
from tenant_inspect import models as m
from tenant_inspect.errors import NotFound, ValidationError
from tenant_inspect.questionnaire import parse_questionnaire

INTERVIEW_TOML = """
id = "mini-interview"
title = "Mini interview"
version = "1"
kind = "interview"
audience = "Staff"

[[sections]]
id = "s1"
title = "Pledges"

[[sections.questions]]
id = "aware"
text = "Are you aware of the pledges?"
type = "yes_no"

[[sections.questions]]
id = "which"
text = "Which pledges?"
type = "text"
show_if = { question = "aware", equals = "yes" }

[[sections.questions]]
id = "when"
text = "When did you last see them?"
type = "date"
"""


@pytest.fixture
def questionnaire():
    return parse_questionnaire(INTERVIEW_TOML, "mini.toml")


@pytest.fixture
def insp(store):
    with store.write() as session:
        return inspections.create_inspection(session, title="RI pledges", landlord="Vale HA")


def test_new_inspection_has_default_texts_and_a_desktop_review_area(store, insp):
    with store.read() as session:
        areas = inspections.areas(session, insp.id)
    assert [(a.name, a.kind) for a in areas] == [("Desktop review", "desktop_review")]
    assert "tenant inspectors" in insp.preface
    assert "role and department only" in insp.acknowledgements


def test_validation_reports_every_problem_at_once(store):
    with pytest.raises(ValidationError) as err, store.write() as session:
        inspections.create_inspection(session, title="  ", landlord="", status="nearly done")
    assert err.value.problems == [
        "inspection: title is required",
        "inspection: landlord is required",
        "inspection: status must be one of planning, fieldwork, analysis, reporting, complete (got 'nearly done')",
    ]
    with store.read() as session:
        assert records.live(session, m.Inspection) == []


def test_bad_dates_are_named(store, insp):
    with (
        pytest.raises(ValidationError, match="start date must be a date written YYYY-MM-DD"),
        store.write() as session,
    ):
        inspections.update_inspection(
            session, session.get(m.Inspection, insp.id), start_date="3rd March"
        )


def test_id_prefixes_resolve_and_ambiguity_is_explained(store, insp):
    with store.read() as session:
        assert inspections.get_inspection(session, insp.id[:6]).id == insp.id
        with pytest.raises(NotFound, match="no inspection has an id starting with 'zzz'"):
            inspections.get_inspection(session, "zzz")
        with pytest.raises(NotFound, match="give the id of the inspection"):
            inspections.get_inspection(session, "  ")
    with store.write() as session:
        for suffix in ("1111", "2222"):
            session.add(
                m.Inspection(
                    id=f"abcd{suffix}-0000-4000-8000-000000000000", title=suffix, landlord="L"
                )
            )
    with store.read() as session:
        with pytest.raises(NotFound, match="'abcd' matches more than one inspection"):
            inspections.get_inspection(session, "abcd")
        assert inspections.get_inspection(session, "ABCD2").title == "2222"


def test_team_has_one_coordinator(store, insp):
    with store.write() as session:
        a = inspections.add_member(session, insp.id, name="Ann", role="coordinator")
        b = inspections.add_member(session, insp.id, name="Bob")
        inspections.set_coordinator(session, b)
    with store.read() as session:
        roles = {t.name: t.role for t in inspections.team(session, insp.id)}
    assert roles == {"Ann": "inspector", "Bob": "coordinator"}
    assert a.id != b.id
    with pytest.raises(ValidationError, match="already in the team"), store.write() as session:
        inspections.add_member(session, insp.id, name="ann")


def test_areas_reorder_rename_and_removal_rules(store, insp, questionnaire):
    with store.write() as session:
        repairs = inspections.add_area(session, insp.id, name="Repairs")
        finance = inspections.add_area(session, insp.id, name="Finance")
        inspections.move_area(session, finance, -1)
        inspections.rename_area(session, repairs, "Repairs and maintenance")
    with store.read() as session:
        names = [a.name for a in inspections.areas(session, insp.id)]
    assert names == ["Desktop review", "Finance", "Repairs and maintenance"]
    assert inspections.area_letter(0) == "A" and inspections.area_letter(26) == "AA"
    with store.write() as session:
        fieldwork.add_interview(
            session,
            insp.id,
            interviewee_role="Officer",
            area_id=finance.id,
            questionnaire=questionnaire,
        )
    with pytest.raises(ValidationError, match="still has 1 interviews"), store.write() as session:
        inspections.remove_area(session, session.get(m.Area, finance.id))
    with store.write() as session:
        inspections.remove_area(session, session.get(m.Area, repairs.id))
    with store.read() as session:
        assert [a.name for a in inspections.areas(session, insp.id)] == [
            "Desktop review",
            "Finance",
        ]
        tomb = session.get(m.Area, repairs.id)
        assert tomb is not None and tomb.deleted_at is not None  # tombstoned, never removed


def test_answers_upsert_validate_and_keep_a_stable_id(store, insp, questionnaire):
    with store.write() as session:
        interview = fieldwork.add_interview(
            session, insp.id, interviewee_role="Officer", questionnaire=questionnaire
        )
        fieldwork.save_answer(session, interview, "aware", value="yes")
        fieldwork.save_answer(session, interview, "which", notes="Sandra said: the five pledges")
        fieldwork.save_answer(session, interview, "which", value="All five")
    with store.read() as session:
        saved = fieldwork.answers(session, session.get(m.Interview, interview.id))
        assert {k: (a.value, a.notes) for k, a in saved.items()} == {
            "aware": ("yes", ""),
            "which": ("All five", "Sandra said: the five pledges"),
        }
        assert saved["aware"].id == fieldwork.answer_id(interview.id, "aware")
        assert len(session.exec(select(m.Answer)).all()) == 2
        # The inspection keeps the exact questionnaire text it used.
        copies = inspections.questionnaire_copies(session, insp.id)
        assert [(c.questionnaire_id, c.source_text) for c in copies] == [
            ("mini-interview", INTERVIEW_TOML)
        ]
    with pytest.raises(ValidationError, match="answer to 'when'"), store.write() as session:
        fieldwork.save_answer(
            session, session.get(m.Interview, interview.id), "when", value="last Tuesday"
        )
    with pytest.raises(ValidationError, match="has no question 'nope'"), store.write() as session:
        fieldwork.save_answer(session, session.get(m.Interview, interview.id), "nope", value="x")


def test_interviewers_can_be_changed_without_losing_history(store, insp):
    with store.write() as session:
        a = inspections.add_member(session, insp.id, name="Ann")
        b = inspections.add_member(session, insp.id, name="Bob")
        c = inspections.add_member(session, insp.id, name="Cy")
        interview = fieldwork.add_interview(
            session, insp.id, interviewee_role="Officer", interviewer_ids=[a.id, b.id]
        )
        fieldwork.set_interviewers(session, interview, [b.id, c.id])
        fieldwork.set_interviewers(session, interview, [a.id, c.id])
    with store.read() as session:
        assert sorted(fieldwork.interviewer_ids(session, interview.id)) == sorted([a.id, c.id])
        assert len(session.exec(select(m.InterviewInterviewer)).all()) == 3


def test_document_reviews_default_to_the_desktop_review_area(store, insp):
    with store.write() as session:
        review = fieldwork.add_document_review(
            session, insp.id, title="Customer Charter", undated=True, document_date="2025-01-01"
        )
        area = inspections.desktop_review_area(session, insp.id)
    assert review.area_id == area.id
    assert review.document_date is None and review.undated


def test_finding_evidence_is_completed_from_its_answer(store, insp, questionnaire):
    with store.write() as session:
        area = inspections.add_area(session, insp.id, name="Repairs")
        interview = fieldwork.add_interview(
            session,
            insp.id,
            interviewee_role="Officer",
            area_id=area.id,
            questionnaire=questionnaire,
        )
        answer = fieldwork.save_answer(session, interview, "aware", value="no")
        finding = analysis.add_finding(
            session,
            insp.id,
            kind="weakness",
            text="Staff unaware of pledges",
            answer_id=answer.id,
            themes=["impact"],
        )
    assert (finding.area_id, finding.interview_id, finding.question_key) == (
        area.id,
        interview.id,
        "aware",
    )
    with pytest.raises(ValidationError, match="unknown theme 'vibes'"), store.write() as session:
        analysis.add_finding(session, insp.id, kind="strength", text="x", themes=["vibes"])
    with pytest.raises(ValidationError, match="kind must be one of"), store.write() as session:
        analysis.add_finding(session, insp.id, kind="mixed", text="x")


def test_recommendations_renumber_on_reorder_and_delete_keeping_links(store, insp):
    with store.write() as session:
        f1 = analysis.add_finding(session, insp.id, kind="weakness", text="No training")
        f2 = analysis.add_finding(session, insp.id, kind="weakness", text="No feedback")
        r1 = analysis.add_recommendation(
            session, insp.id, text="Train staff", finding_ids=[f1.id], impact="high"
        )
        r2 = analysis.add_recommendation(
            session, insp.id, text="Give feedback", finding_ids=[f2.id]
        )
        r3 = analysis.add_recommendation(session, insp.id, text="Publish pledges")
        analysis.move_recommendation(session, r3, -2)
    with store.read() as session:
        order = [(r.number, r.text) for r in analysis.recommendations(session, insp.id)]
        assert order == [(1, "Publish pledges"), (2, "Train staff"), (3, "Give feedback")]
        assert [
            f.text for f in analysis.linked_findings(session, session.get(m.Recommendation, r1.id))
        ] == ["No training"]
    with store.write() as session:
        analysis.delete_recommendation(session, session.get(m.Recommendation, r3.id))
    with store.read() as session:
        order = [(r.number, r.text) for r in analysis.recommendations(session, insp.id)]
        assert order == [(1, "Train staff"), (2, "Give feedback")]
        assert [
            f.id for f in analysis.linked_findings(session, session.get(m.Recommendation, r2.id))
        ] == [f2.id]
    with (
        pytest.raises(ValidationError, match="impact must be one of high, medium, low"),
        store.write() as session,
    ):
        analysis.add_recommendation(session, insp.id, text="x", impact="huge")


def test_merging_duplicate_findings_moves_links_and_themes(store, insp):
    with store.write() as session:
        keep = analysis.add_finding(
            session, insp.id, kind="weakness", text="No RI training", themes=["impact"]
        )
        dup = analysis.add_finding(
            session,
            insp.id,
            kind="weakness",
            text="Staff not trained in RI",
            themes=["pf-training-support"],
        )
        rec = analysis.add_recommendation(session, insp.id, text="Train", finding_ids=[dup.id])
        analysis.merge_findings(session, keep, dup)
    with store.read() as session:
        assert [f.text for f in analysis.findings(session, insp.id)] == ["No RI training"]
        assert session.get(m.Finding, keep.id).themes == ["impact", "pf-training-support"]
        assert [
            f.id for f in analysis.linked_findings(session, session.get(m.Recommendation, rec.id))
        ] == [keep.id]
        assert session.get(m.Finding, dup.id).merged_into_id == keep.id


def test_judgements_one_per_judge_and_one_final(store, insp):
    with store.write() as session:
        area = inspections.add_area(session, insp.id, name="Repairs")
        ann = inspections.add_member(session, insp.id, name="Ann")
        analysis.set_judgement(session, insp.id, area_id=area.id, grade="balance", judge_id=ann.id)
        analysis.set_judgement(session, insp.id, area_id=area.id, grade="outweigh", judge_id=ann.id)
        analysis.set_judgement(
            session, insp.id, area_id=area.id, grade="balance", is_final=True, rationale="Mixed"
        )
    with store.read() as session:
        js = analysis.judgements(session, insp.id, area.id)
        assert sorted((j.judge_id == ann.id, j.grade, j.is_final) for j in js) == [
            (False, "balance", True),
            (True, "outweigh", False),
        ]
        assert analysis.final_judgement(session, insp.id, area.id).rationale == "Mixed"
    with pytest.raises(ValidationError, match="grade must be one of"), store.write() as session:
        analysis.set_judgement(session, insp.id, area_id=area.id, grade="good")


def test_conclusions_are_ordered_per_area_and_overall(store, insp):
    with store.write() as session:
        area = inspections.add_area(session, insp.id, name="Repairs")
        analysis.add_conclusion(session, insp.id, text="Overall one")
        second = analysis.add_conclusion(session, insp.id, text="Overall two")
        analysis.add_conclusion(session, insp.id, text="Repairs one", area_id=area.id)
        analysis.move_conclusion(session, second, -1)
    with store.read() as session:
        assert [c.text for c in analysis.conclusions(session, insp.id, overall=True)] == [
            "Overall two",
            "Overall one",
        ]
        assert [c.text for c in analysis.conclusions(session, insp.id, area.id)] == ["Repairs one"]


def test_deleted_rows_cannot_be_edited(store, insp):
    with store.write() as session:
        f = analysis.add_finding(session, insp.id, kind="strength", text="x")
        records.delete(session, f)
    with pytest.raises(ValidationError, match="has been deleted"), store.write() as session:
        analysis.update_finding(session, session.get(m.Finding, f.id), text="y")


def test_list_inspections_reports_progress(store, insp, questionnaire):
    with store.write() as session:
        i1 = fieldwork.add_interview(
            session, insp.id, interviewee_role="A", questionnaire=questionnaire
        )
        fieldwork.add_interview(session, insp.id, interviewee_role="B")
        fieldwork.update_interview(session, i1, status="complete")
        fieldwork.add_document_review(session, insp.id, title="Charter")
    with store.read() as session:
        (summary,) = inspections.list_inspections(session)
    assert (summary.interviews, summary.interviews_done, summary.documents) == (2, 1, 1)
    assert summary.progress == 33


def test_finding_evidence_must_agree_with_its_answer(store, insp, questionnaire):
    with store.write() as session:
        i1 = fieldwork.add_interview(
            session, insp.id, interviewee_role="A", questionnaire=questionnaire
        )
        i2 = fieldwork.add_interview(
            session, insp.id, interviewee_role="B", questionnaire=questionnaire
        )
        answer = fieldwork.save_answer(session, i1, "aware", value="yes")
    with (
        pytest.raises(ValidationError, match="interview given does not match the answer"),
        store.write() as session,
    ):
        analysis.add_finding(
            session, insp.id, kind="strength", text="x", answer_id=answer.id, interview_id=i2.id
        )


def test_rows_added_in_one_flush_keep_their_order(store, insp):
    with store.write() as session:
        session.add_all([m.Conclusion(inspection_id=insp.id, text=f"c{n}") for n in range(20)])
    with store.read() as session:
        assert [c.text for c in records.live(session, m.Conclusion)] == [f"c{n}" for n in range(20)]


def test_relinking_a_finding_revives_the_same_link(store, insp):
    with store.write() as session:
        f = analysis.add_finding(session, insp.id, kind="weakness", text="No training")
        rec = analysis.add_recommendation(session, insp.id, text="Train", finding_ids=[f.id])
        analysis.unlink_finding(session, rec, f)
        analysis.link_finding(session, rec, f)
    with store.read() as session:
        links = session.exec(select(m.RecommendationFinding)).all()
        assert len(links) == 1 and links[0].deleted_at is None
