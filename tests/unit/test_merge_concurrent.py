"""Saves made while a file is being imported (the app stays open during an import).

An import checks and plans the whole file with no write transaction open, then writes in
one short transaction. Whatever was saved in between — the progress report between the two
steps is where these tests save, as the app's autosave could — must be merged, never
overwritten, and a row created meanwhile must not make the import fail.
"""

from __future__ import annotations

import pytest
from bundle_helpers import dump, export, import_ok, laptop, make_team_inspection

from tenant_inspect import analysis, fieldwork, merge, records
from tenant_inspect import models as m
from tenant_inspect.merge import ImportProgress, import_bundles
from tenant_inspect.merge_conflicts import list_conflicts


@pytest.fixture
def pair(tmp_path):
    """The coordinator and Ann, both holding the inspection."""
    coord, ann = laptop(tmp_path, "coord"), laptop(tmp_path, "ann")
    team = make_team_inspection(coord)
    import_ok(ann, export(coord, team.inspection, tmp_path / "kit.zip"), allow_new=True)
    yield coord, ann, team
    coord.close()
    ann.close()


def _import_saving_meanwhile(store, path, save) -> merge.FileResult:
    """Import ``path``, calling ``save()`` after the checks and before the write."""
    calls = []

    def progress(step: ImportProgress) -> None:
        if step.stage == "merging":
            calls.append(step)
            save()

    [result] = import_bundles(store, [path], progress=progress)
    assert calls, "the import never reached its write step"
    assert result.ok, result.line()
    return result


def _set_finding(store, team, text: str) -> None:
    with store.write() as s:
        analysis.update_finding(s, records.get(s, m.Finding, team.finding), text=text)


def test_an_edit_saved_meanwhile_is_kept(pair, tmp_path):
    coord, ann, team = pair
    _set_finding(ann, team, "Ann's version")
    path = export(ann, team.inspection, tmp_path / "ann.zip")
    result = _import_saving_meanwhile(
        coord, path, lambda: _set_finding(coord, team, "Typed by the coordinator meanwhile")
    )
    assert result.conflicts == 1
    with coord.read() as s:
        [conflict] = list_conflicts(s, team.inspection)
        assert {conflict.current_value, conflict.other_value} == {
            "Ann's version",
            "Typed by the coordinator meanwhile",
        }


def test_a_row_created_meanwhile_is_merged_not_inserted_twice(pair, tmp_path):
    """Both laptops answer the same question (same derived id); the coordinator's answer is
    saved after the file's answer was planned as new."""
    coord, ann, team = pair

    def answer(store, text):
        with store.write() as s:
            review = records.get(s, m.DocumentReview, team.review)
            fieldwork.save_answer(s, review, "dated", value=text)

    answer(ann, "Ann: yes")
    path = export(ann, team.inspection, tmp_path / "ann.zip")
    result = _import_saving_meanwhile(coord, path, lambda: answer(coord, "Coordinator: no"))
    assert result.conflicts == 1
    with coord.read() as s:
        answers = records.live(s, m.Answer, document_review_id=team.review)
        assert len(answers) == 1
        [conflict] = list_conflicts(s, team.inspection)
        assert {conflict.current_value, conflict.other_value} == {"Ann: yes", "Coordinator: no"}


def test_when_most_rows_changed_meanwhile_the_file_is_checked_again(pair, tmp_path, monkeypatch):
    """Past ``REPLAN_LIMIT`` changed rows the write is rolled back and the file checked
    again outside the transaction; the result is the same merge."""
    coord, ann, team = pair
    monkeypatch.setattr(merge, "REPLAN_LIMIT", 0)
    _set_finding(ann, team, "Ann's version")
    path = export(ann, team.inspection, tmp_path / "ann.zip")
    reference = laptop(tmp_path, "reference")
    import_ok(reference, export(coord, team.inspection, tmp_path / "coord.zip"), allow_new=True)
    _set_finding(reference, team, "Typed meanwhile")
    import_ok(reference, path)
    _import_saving_meanwhile(coord, path, lambda: _set_finding(coord, team, "Typed meanwhile"))
    with coord.read() as s:
        [conflict] = list_conflicts(s, team.inspection)
        assert {conflict.current_value, conflict.other_value} == {
            "Ann's version",
            "Typed meanwhile",
        }
    assert dump(coord, team.inspection).count("Typed meanwhile") == dump(
        reference, team.inspection
    ).count("Typed meanwhile")
    reference.close()


def test_a_reimported_row_is_stored_as_a_newcomer_stores_it(pair, tmp_path):
    """A row deleted here is stored without the deletion's context until it is merged; a
    file saying the same row stores that context too, so this laptop and a laptop that
    only ever saw the file hold identical rows (found by the property tests)."""
    coord, _, team = pair
    with coord.write() as s:
        interview = records.get(s, m.Interview, team.pair_interview)
        fieldwork.save_answer(s, interview, "role", value="alpha")
    with coord.write() as s:
        records.delete(s, s.get(m.Answer, fieldwork.answer_id(team.pair_interview, "role")))
    path = export(coord, team.inspection, tmp_path / "own.zip")
    import_ok(coord, path)
    newcomer = laptop(tmp_path, "newcomer")
    import_ok(newcomer, path)
    assert dump(coord, team.inspection) == dump(newcomer, team.inspection)
    newcomer.close()
