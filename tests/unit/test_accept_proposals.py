"""The checker's proposals reach a desktop review only when ticked and accepted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tenant_inspect import analysis, fieldwork, inspections
from tenant_inspect.document_check.check import check_documents
from tenant_inspect.edits.document_check import accept_proposals
from tenant_inspect.questionnaire import decode_answer, get_builtin
from tenant_inspect.store import Store
from tests.support.built_documents import build_a


def _review(store: Store) -> tuple[str, str]:
    with store.write() as s:
        iid = inspections.create_inspection(s, title="Repairs", landlord="Brook Homes").id
        review = fieldwork.add_document_review(
            s, iid, title="Compact", questionnaire=get_builtin("desktop-review")
        )
        return iid, review.id


def test_only_the_ticked_proposals_are_written(store: Store, tmp_path: Path) -> None:
    iid, review_id = _review(store)
    (checked,) = check_documents([build_a(tmp_path / "compact.docx")], date(2026, 12, 5))
    answers = [a for a in checked.answers if a.question in ("dated", "font-size")]
    italic = next(f for f in checked.findings if "italic" in f.text)
    with store.write() as s:
        done = accept_proposals(s, review_id, answers, [italic])
    assert (done.answers, done.findings, done.skipped) == (2, 1, ())
    questionnaire = get_builtin("desktop-review")
    with store.read() as s:
        review = fieldwork.work_item(s, "review", review_id)
        stored = fieldwork.answer_values(s, review)
        findings = analysis.findings(s, iid)
        assert review.status == "in_progress"  # accepting an answer starts the review
    assert decode_answer(questionnaire.question("dated"), stored["dated"]) is False  # "No"
    assert set(stored) == {"dated", "font-size"}  # nothing else was written
    assert [(f.kind, f.document_review_id) for f in findings] == [("weakness", review_id)]
    assert "italic" in findings[0].text


def test_a_question_the_questionnaire_does_not_ask_is_skipped(store: Store) -> None:
    from tenant_inspect.document_check.proposals import Answer

    _, review_id = _review(store)
    with store.write() as s:
        done = accept_proposals(s, review_id, [Answer("no-such-question", "yes", "Yes")], [])
    assert (done.answers, done.skipped) == (0, ("no-such-question",))
