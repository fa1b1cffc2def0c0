"""Rows whose id is derived from what they are (docs/bundle-format.md, section 5).

Answers and interviewer links have ids derived from their parent and key, so two laptops
writing the same answer make the same row — a conflict the coordinator sees, never a
duplicate. A file holding such a row under any other id is refused, naming the table, the
row and the id it should have.
"""

from __future__ import annotations

import uuid

import pytest
from bundle_helpers import (
    export,
    fingerprint,
    import_ok,
    laptop,
    make_team_inspection,
    read_members,
    rows,
    set_rows,
    write_members,
)

from tenant_inspect import bundle_format, fieldwork, records
from tenant_inspect import models as m
from tenant_inspect.bundle import BundleRefused
from tenant_inspect.merge import import_bundle


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("derived")
    coord = laptop(tmp, "coord")
    team = make_team_inspection(coord)
    with coord.write() as s:
        review = records.get(s, m.DocumentReview, team.review)
        fieldwork.save_answer(s, review, "dated", value="yes", notes="Dated March")
        interview = records.get(s, m.Interview, team.pair_interview)
        fieldwork.save_answer(s, interview, "role", value="Manager", notes="n")
    path = export(coord, team.inspection, tmp / "full.zip")
    yield team, path
    coord.close()


def _refused(tmp_path, members, *words: str) -> None:
    store = laptop(tmp_path, "target")
    try:
        before = fingerprint(store)
        path = write_members(tmp_path / "bad.zip", members)
        with pytest.raises(BundleRefused) as info:
            import_bundle(store, path)
        assert fingerprint(store) == before
        message = str(info.value)
        for word in words:
            assert word in message, message
    finally:
        store.close()


def _twin(row: dict, **changes) -> dict:
    """A second copy of ``row`` under a fresh random id."""
    return {**row, "id": str(uuid.uuid4()), **changes}


@pytest.mark.parametrize("parent", ["document_review_id", "interview_id"])
def test_a_second_answer_to_the_same_question_under_another_id(world, tmp_path, parent):
    _, path = world
    members = read_members(path)
    answers = rows(members, "answer")
    original = next(a for a in answers if a[parent] is not None)
    twin = _twin(original, value="a second answer")
    set_rows(members, "answer", [*answers, twin])
    _refused(tmp_path, members, "data/answer.json", twin["id"], original["id"])


def test_a_lone_answer_under_an_id_that_is_not_derived(world, tmp_path):
    _, path = world
    members = read_members(path)
    answers = rows(members, "answer")
    answers[0]["id"] = str(uuid.uuid4())
    set_rows(members, "answer", answers)
    expected = fieldwork.answer_id(
        answers[0]["interview_id"] or answers[0]["document_review_id"], answers[0]["question_key"]
    )
    _refused(tmp_path, members, "data/answer.json", answers[0]["id"], expected)


def test_an_interviewer_link_under_an_id_that_is_not_derived(world, tmp_path):
    _, path = world
    members = read_members(path)
    links = rows(members, "interview_interviewer")
    original = links[0]
    links[0] = _twin(original)
    set_rows(members, "interview_interviewer", links)
    _refused(tmp_path, members, "data/interview_interviewer.json", links[0]["id"], original["id"])


def test_every_derived_id_table_is_checked(world):
    """The format's rule agrees with the ids the program makes, for every derived table."""
    _, path = world
    members = read_members(path)
    for table in bundle_format.DERIVED_IDS:
        for row in rows(members, table):
            assert bundle_format.derived_id(table, row) == row["id"], table
    assert set(bundle_format.DERIVED_IDS) == {
        "answer",
        "interview_interviewer",
        "action_plan_response",
        "monitoring_entry",
        "prospects",
        "letter_text",
    }
    assert bundle_format.ID_NAMESPACE == fieldwork.ANSWER_NAMESPACE


def test_files_the_program_writes_pass(world, tmp_path):
    _, path = world
    store = laptop(tmp_path, "fresh")
    try:
        import_ok(store, path)
    finally:
        store.close()
