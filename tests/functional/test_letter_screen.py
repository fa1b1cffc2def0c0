"""The letter to residents in the app: rewrite a part on the Letter screen (F3 from Export),
put a draft back, see the writing check, and export the letter."""

from __future__ import annotations

import docx
from textual.widgets import Checkbox, OptionList, Static, TextArea

from screens.letter import LetterScreen
from tenant_inspect import analysis, inspections
from tenant_inspect import models as m
from tenant_inspect.letter_texts import letter_text_id
from tenant_inspect.store import open_store
from tests.functional.test_export import open_export, save_as
from tests.support.empty_db import empty_data_dir


def seed(data_dir) -> str:
    """An inspection with one judged area, a conclusion and a recommendation, and a
    coordinator; the interviewee's name is in the conclusion."""
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        insp = inspections.create_inspection(
            s, title="Repairs inspection", landlord="Vale Homes", topic="Repairs"
        )
        inspections.add_member(s, insp.id, name="Cora Lane", role="coordinator")
        area = inspections.add_area(s, insp.id, name="Repairs")
        analysis.set_judgement(
            s, insp.id, area_id=area.id, grade="weaknesses_outweigh", is_final=True
        )
        analysis.add_conclusion(
            s, insp.id, text="Repairs are slow and tenants are not told why.", area_id=area.id
        )
        analysis.add_recommendation(
            s, insp.id, text="Tell tenants the date of every repair when they report it.",
            area_id=area.id,
        )  # fmt: skip
        inspection_id = insp.id
    store.close()
    return inspection_id


def stored_text(data_dir, row_id: str) -> str | None:
    """The part's text as another process would read it from the database."""
    store = open_store(empty_data_dir(data_dir))
    try:
        with store.read() as s:
            row = s.get(m.LetterText, row_id)
            return None if row is None else row.text
    finally:
        store.close()


async def test_rewrite_a_part_put_the_draft_back_and_export_the_letter(
    make_app, data_dir, settle, tmp_path
):
    inspection_id = seed(data_dir)
    target = tmp_path / "letter.docx"
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        export = await open_export(app, pilot, settle)
        letter_box = export.query_one("#export-letter", Checkbox)
        letter_box.focus()
        await pilot.press("space")
        await settle(pilot)
        # The writing check of the letter, before anything is written.
        writing = str(export.query_one("#export-writing", Static).render())
        assert "Writing check: Reading ease" in writing
        assert export.query_one("#export-public", Checkbox).disabled  # always public

        await pilot.press("f3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LetterScreen)
        parts = screen.query_one("#letter-parts", OptionList)
        labels = [str(parts.get_option_at_index(i).prompt) for i in range(parts.option_count)]
        assert [label.strip() for label in labels] == [
            "Contact for other formats", "Overall finding", "Area: Repairs",
            "Recommendation R1", "Signature",
        ]  # fmt: skip
        # The contact details: typed into the first part, saved as typed.
        await pilot.press("enter")
        await pilot.press(*"Call 0800 123 456.")
        await settle(pilot)
        await pilot.press("escape")  # back to the list
        assert "✎" in str(parts.get_option_at_index(0).prompt)
        # The area's draft, rewritten, then put back with Ctrl+R.
        await pilot.press("down", "down")
        await settle(pilot)
        text = screen.query_one("#l-text", TextArea)
        assert (
            text.text
            == "We found it needs to improve. Repairs are slow and tenants are not told why."
        )
        await pilot.press("enter", "ctrl+a", *"Slow repairs.")
        await settle(pilot)
        await pilot.press("escape")
        note = str(screen.query_one("#l-note", Static).render())
        assert "your own words" in note
        area_id = screen.data.parts[2].subject_id  # type: ignore[union-attr]
        assert stored_text(data_dir, letter_text_id(inspection_id, "area", area_id)) == (
            "Slow repairs."
        )
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert screen.query_one("#l-text", TextArea).text.startswith(
            "We found it needs to improve."
        )
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is export
        await save_as(pilot, settle, target, "repairs-inspection-letter.docx")
        result = str(export.query_one("#export-result", Static).render()).replace("\n", " ")
        assert "Word letter to residents, public version" in result
    words = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Call 0800 123 456." in words and "Dear Resident" in words
    assert "We found it needs to improve. Repairs are slow" in words
    assert "Tell tenants the date of every repair when they report it." in words
    assert "Cora Lane" in words  # the coordinator signs
