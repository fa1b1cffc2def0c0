"""The findings board's read model, without a screen: what the coordinator would see in it.

Rows in words (area, kind, author, evidence by role, the question), search and filters,
sorting, possible duplicates, the evidence behind a finding, and the board's two writes
(move to another area, merge two findings).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tenant_inspect import analysis, fieldwork, inspections
from tenant_inspect import models as m
from tenant_inspect.edits.board import merge_duplicate, move_finding
from tenant_inspect.questionnaire import get_builtin
from tenant_inspect.store import open_store
from tenant_inspect.views.board import (
    NO_AREA,
    Filters,
    SortOrder,
    answer_words,
    filter_rows,
    find_duplicates,
    load_board,
    load_evidence,
    sort_rows,
)
from tests.support.demo_copy import demo_data_dir

BOB_TEXT = "Repairs staff have had no training on involvement."
CAT_TEXT = "The repairs staff had had no involvement training."


@pytest.fixture
def ids(store) -> dict[str, str]:
    """Repairs and Finance; Bob and Cat wrote the same weakness; one finding has no area."""
    found: dict[str, str] = {}
    with store.write() as s:
        i = inspections.create_inspection(s, title="Resident involvement", landlord="Vale Homes")
        found["inspection"] = i.id
        repairs = inspections.add_area(s, i.id, name="Repairs")
        finance = inspections.add_area(s, i.id, name="Finance")
        found["repairs"], found["finance"] = repairs.id, finance.id
        found["ann"] = inspections.add_member(s, i.id, name="Ann Coord", role="coordinator").id
        found["bob"] = inspections.add_member(s, i.id, name="Bob Inspector").id
        found["cat"] = inspections.add_member(s, i.id, name="Cat Inspector").id
        talk = fieldwork.add_interview(
            s, i.id, interviewee_role="Repairs Manager", interviewee_name="Private Person",
            area_id=repairs.id, questionnaire=get_builtin("staff-interview-ri"),
            interview_date=dt.date(2026, 3, 4),
        )  # fmt: skip
        answer = fieldwork.save_answer(s, talk, "had-training", value="no", notes="Not once.")
        doc = fieldwork.add_document_review(
            s, i.id, title="Customer Charter", area_id=finance.id, version="v2",
            source="intranet", undated=True, observations="Plain English throughout.",
        )  # fmt: skip
        found["interview"], found["doc"] = talk.id, doc.id
    with store.write(author_id=found["bob"]) as s:
        found["bob_w"] = analysis.add_finding(
            s, found["inspection"], kind="weakness", text=BOB_TEXT, answer_id=answer.id,
            themes=["pf-training-support"],
        ).id  # fmt: skip
        found["doc_s"] = analysis.add_finding(
            s, found["inspection"], kind="strength", text="The Charter is clear.",
            document_review_id=doc.id,
        ).id  # fmt: skip
    with store.write(author_id=found["cat"]) as s:
        found["cat_w"] = analysis.add_finding(
            s, found["inspection"], kind="weakness", text=CAT_TEXT, interview_id=talk.id,
            themes=["impact"],
        ).id  # fmt: skip
        found["loose"] = analysis.add_finding(
            s, found["inspection"], kind="observation", text="Nobody owns involvement."
        ).id  # fmt: skip
    return found


def test_each_finding_in_words_with_area_author_and_evidence_by_role(store, ids):
    with store.read() as s:
        data = load_board(s, ids["inspection"])
    assert data.title == "Resident involvement"
    assert [a.title for a in data.areas][1:] == ["B. Repairs", "C. Finance"]
    rows = {r.id: r for r in data.rows}
    bob = rows[ids["bob_w"]]
    assert (bob.area_title, bob.kind_label, bob.kind_letter, bob.author) == (
        "B. Repairs", "Weakness", "W", "Bob Inspector",
    )  # fmt: skip
    assert bob.evidence == "Interview: Repairs Manager"
    assert bob.question == "Have you had any training on resident involvement?"
    assert bob.theme_words == "Training and support"
    assert rows[ids["doc_s"]].evidence == "Document: Customer Charter"
    loose = rows[ids["loose"]]
    assert (loose.area_title, loose.area_letter, loose.evidence) == (
        "No area", "–", "No evidence linked",
    )  # fmt: skip
    # Interviewees are private: their names are never searchable, roles are.
    everything = " ".join(r.search for r in data.rows)
    assert "private person" not in everything and "repairs manager" in everything


def test_findings_typed_on_the_coordinators_laptop_are_by_the_coordinator(store, ids):
    """The laptop an inspection was created on is its coordinator's (issue 10)."""
    with store.write() as s:  # no author given, as when typing in the TUI
        mine = analysis.add_finding(s, ids["inspection"], kind="strength", text="Mine.").id
    with store.read() as s:
        rows = {r.id: r for r in load_board(s, ids["inspection"]).rows}
    assert (rows[mine].author_id, rows[mine].author) == (ids["ann"], "Ann Coord")


def test_search_needs_every_word_and_filters_combine(store, ids):
    with store.read() as s:
        rows = load_board(s, ids["inspection"]).rows

    def texts(filters: Filters) -> list[str]:
        return sorted(r.text for r in filter_rows(rows, filters))

    assert texts(Filters("training staff")) == sorted([BOB_TEXT, CAT_TEXT])
    assert texts(Filters("bob training")) == [BOB_TEXT]  # the author is searchable
    assert texts(Filters("charter")) == ["The Charter is clear."]  # so is the document
    assert texts(Filters(kind="weakness", theme="impact")) == [CAT_TEXT]
    assert texts(Filters(area=NO_AREA)) == ["Nobody owns involvement."]
    assert texts(Filters(area=ids["finance"])) == ["The Charter is clear."]
    assert not Filters().active and Filters(" x ").active and Filters(kind="strength").active


def test_sorting_by_area_kind_text_and_author(store, ids):
    with store.read() as s:
        rows = load_board(s, ids["inspection"]).rows
    by_area = [r.area_title for r in sort_rows(rows, "area")]
    assert by_area == ["B. Repairs", "B. Repairs", "C. Finance", "No area"]
    by_kind = [r.kind_label for r in sort_rows(rows, "kind")]
    assert by_kind == ["Strength", "Weakness", "Weakness", "Observation"]
    by_text = [r.text for r in sort_rows(rows, "text", reverse=True)]
    assert by_text == sorted(by_text, key=str.casefold, reverse=True)
    by_author = [r.author.split()[0] for r in sort_rows(rows, "author")]
    assert by_author == ["Bob", "Bob", "Cat", "Cat"]


def test_choosing_the_sorted_column_again_reverses_it_and_o_goes_round():
    order = SortOrder()
    assert (order.column, order.reverse) == ("area", False)
    assert order.by("text") == SortOrder("text") and order.by("area") == SortOrder("area", True)
    assert order.by("area").by("area") == SortOrder("area")
    assert order.by("nonsense") == order
    assert SortOrder("kind", True).next() == SortOrder("themes")
    assert SortOrder("text").next() == SortOrder("area")  # round again


def test_possible_duplicates_pair_the_alike_weaknesses_unless_set_aside(store, ids):
    with store.read() as s:
        pairs, truncated = find_duplicates(s, ids["inspection"], exclude=())
        assert not truncated
        assert [{p.first.id, p.second.id} for p in pairs] == [{ids["bob_w"], ids["cat_w"]}]
        assert 0 < pairs[0].score <= 1
        pairs, _ = find_duplicates(s, ids["inspection"], exclude=[(ids["cat_w"], ids["bob_w"])])
        assert pairs == []


def test_the_evidence_of_an_answer_is_the_question_the_answer_and_the_notes(store, ids):
    with store.read() as s:
        view = load_evidence(s, ids["bob_w"])
    assert view.title == "Interview: Repairs Manager"
    assert view.lines == (
        ("Finding", f"Weakness: {BOB_TEXT}"),
        ("Interview", "Repairs Manager (4 March 2026)"),
        ("Question", "Have you had any training on resident involvement?"),
        ("Answer", "No"),  # the option's label, not the stored value
        ("Notes", "Not once."),
    )


def test_the_evidence_of_a_document_says_how_it_is_identified(store, ids):
    with store.read() as s:
        view = load_evidence(s, ids["doc_s"])
        loose = load_evidence(s, ids["loose"])
    assert view.title == "Document: Customer Charter"
    assert dict(view.lines)["Document"] == "Customer Charter (undated, v2, intranet)"
    assert dict(view.lines)["Observations"] == "Plain English throughout."
    assert loose.title == "The evidence"
    assert dict(loose.lines)["Evidence"].startswith("No document, interview or question")


def test_answers_read_as_option_labels():
    questionnaire = get_builtin("staff-interview-ri")
    routes = questionnaire.question("feedback-routes")
    assert answer_words(routes, '["newsletter", "meetings"]') == (
        "Newsletter or magazine, At meetings"
    )
    assert answer_words(questionnaire.question("had-training"), "yes") == "Yes"
    assert answer_words(None, "as typed") == "as typed"
    assert answer_words(routes, "") == ""


def test_moving_and_merging_from_the_board(store, ids):
    with store.write() as s:
        move_finding(s, ids["loose"], ids["finance"])
        kept = merge_duplicate(s, ids["cat_w"], ids["bob_w"])
    assert kept == ids["cat_w"]
    with store.read() as s:
        rows = {r.id: r for r in load_board(s, ids["inspection"]).rows}
        merged = s.get(m.Finding, ids["bob_w"])
        assert merged is not None
    assert rows[ids["loose"]].area_title == "C. Finance"
    assert ids["bob_w"] not in rows and merged.merged_into_id == ids["cat_w"]
    assert sorted(rows[ids["cat_w"]].themes) == ["impact", "pf-training-support"]


def test_the_demo_board_names_an_author_for_every_finding(data_dir):
    inspection_id = demo_data_dir(data_dir)
    with open_store(data_dir) as store, store.read() as s:
        data = load_board(s, inspection_id)
    assert data.rows
    assert all(r.author for r in data.rows)
    assert [r.order for r in data.rows] == list(range(len(data.rows)))
