"""The letter to residents: its parts drafted from the inspection, what the coordinator
writes replacing a draft, the writing check, and the letter's parts travelling in files."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from bundle_helpers import export, import_ok, laptop, make_team_inspection

from tenant_inspect import models as m
from tenant_inspect import records
from tenant_inspect.demo import LETTER_CONTACT, build_demo
from tenant_inspect.errors import ValidationError
from tenant_inspect.letter_texts import letter_text_id, set_letter_text
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.merge_conflicts import list_conflicts
from tenant_inspect.report.export import build_from
from tenant_inspect.report.letter.drafts import area_draft, letter_texts, recommendation_draft
from tenant_inspect.report.letter.outline import build_letter
from tenant_inspect.report.letter.plain_words import jargon_list, spell_out
from tenant_inspect.report.letter.readability import check_writing
from tenant_inspect.report.model import Bullets, Heading, Paragraph, block_strings
from tenant_inspect.report.snapshot import load_report_data
from tenant_inspect.store import open_store


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory):
    store = open_store(resolve_data_dir(tmp_path_factory.mktemp("letter") / "data"))
    iid = build_demo(store, "small")
    with store.read() as s:
        data = load_report_data(s, iid)
    yield store, iid, data
    store.close()


def _text(report) -> str:
    return "\n".join(block_strings(report.blocks))


def test_the_letter_has_every_part_in_order(small):
    _, _, data = small
    letter = build_letter(data, date(2026, 12, 5))
    text = _text(letter)
    first = letter.blocks[0]
    assert isinstance(first, Paragraph) and first.bold
    assert "large print, in Braille, on audio tape or in another language" in first.text
    assert LETTER_CONTACT in first.text  # the contact details set up for the inspection
    order = ["Dear Resident", "What we found", "What we have asked for", "What happens next",
             "Yours faithfully", "How we judge"]  # fmt: skip
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    assert "1 May 2026" in text  # the report date, not today
    assert "a team of 13 tenant inspectors looked at resident involvement" in text
    # One paragraph per area (not the desktop review), led by its name.
    areas = [a.name for a in data.areas if a.kind != "desktop_review"]
    leads = [b.lead for b in letter.blocks if isinstance(b, Paragraph) and b.lead]
    assert leads == [f"{name}: " for name in areas]
    # Every public recommendation, as a bullet, none internal.
    [bullets] = [b for b in letter.blocks if isinstance(b, Bullets)]
    assert len(bullets.items) == sum(1 for r in data.recommendations if not r.internal)
    # The next steps from the action plan's dates, and the signature of the coordinator.
    assert "agreed an action plan with four actions" in text
    assert "The first is due by 31 August 2026 and the last by 30 September 2026." in text
    assert "Coordinator, on behalf of the tenant inspection panel" in text
    assert letter.public and not letter.warnings


def test_drafts_are_short_plain_sentences():
    assert area_draft("Repairs", "weaknesses_outweigh", ["The RSL does not track KLOEs. Two."]) == (
        "We found it needs to improve. The registered social landlord does not track key lines "
        "of enquiry."
    )
    # A long conclusion sentence is left for the coordinator, never cut mid-thought.
    long = " ".join(["word"] * 30) + "."
    assert area_draft("Repairs", "balance", [long]) == "We found it is mixed."
    assert area_draft("Repairs", "", []) == "We have not finished judging Repairs yet."
    assert (
        recommendation_draft(
            "Name a director as the owner of each of the five pledges, and report progress against "
            "each pledge's target to the Board every quarter."
        )
        == "Name a director as the owner of each of the five pledges."
    )
    # A comma inside a list is not where a sentence ends: left whole.
    whole = ("Give every manager, and front-line staff in every department, a measurable "
             "involvement objective, as the Strategy promises.")  # fmt: skip
    assert (
        recommendation_draft(whole)
        == "Give every manager, and front-line staff in every department, a measurable involvement objective."
    )
    assert spell_out("ASB and RI") == "anti-social behaviour and resident involvement"


def test_what_the_coordinator_writes_replaces_the_draft_and_emptying_brings_it_back(
    small, tmp_path
):
    store = open_store(resolve_data_dir(tmp_path / "data"))
    try:
        iid = build_demo(store, "small")
        with store.read() as s:
            data = load_report_data(s, iid)
        area = next(a for a in data.areas if a.kind != "desktop_review")
        draft = next(t.text for t in letter_texts(data) if t.subject_id == area.id)
        with store.write() as s:
            set_letter_text(s, iid, "area", "Repairs are slow, and tenants say so.", area.id)
            set_letter_text(s, iid, "overall", "Most things work well.")
        with store.read() as s:
            data = load_report_data(s, iid)
        text = _text(build_letter(data, date(2026, 12, 5)))
        assert "Repairs are slow, and tenants say so." in text and draft not in text
        assert "Most things work well." in text
        with store.write() as s:
            set_letter_text(s, iid, "area", "", area.id)
            row = records.get(s, m.LetterText, letter_text_id(iid, "area", area.id))
            assert row.text == ""  # one row per part: the same id every time
        with store.read() as s:
            assert draft in _text(build_letter(load_report_data(s, iid), date(2026, 12, 5)))
        with store.write() as s, pytest.raises(ValidationError, match="needs area"):
            set_letter_text(s, iid, "area", "x")
        with store.write() as s, pytest.raises(ValidationError, match="no part 'ps'"):
            set_letter_text(s, iid, "ps", "x")
    finally:
        store.close()


def test_internal_recommendations_and_conclusions_stay_out(small):
    _, _, data = small
    rec = data.recommendations[0]
    secret = dataclasses.replace(rec, internal=True, text="Sack the Repairs manager.")
    changed = dataclasses.replace(data, recommendations=(secret, *data.recommendations[1:]))
    assert "Sack the Repairs manager." not in _text(build_letter(changed, date(2026, 12, 5)))


def test_names_are_redacted_and_abbreviations_flagged(small):
    _, _, data = small
    interviewee = next(i for i in data.interviews if i.name)
    texts = (*data.letter,)
    from tenant_inspect.report.model import LetterTextData

    written = dataclasses.replace(
        data,
        letter=(
            *texts,
            LetterTextData("overall", "", f"{interviewee.name} told us the CEO listens."),
        ),
    )
    report, redactor = build_from(written, letter=True)
    text = _text(report)
    assert interviewee.name not in text and redactor.count >= 1
    assert any("abbreviations a resident may not know: CEO" in w for w in report.warnings)


def test_the_demo_letter_reads_as_plain_english(small):
    _, _, data = small
    report, _ = build_from(data, letter=True)
    jargon, _ = jargon_list(None)
    check = check_writing(report, jargon)
    assert check.ease is not None and check.ease >= 60
    sections = [s.section for s in check.sections]
    assert sections[0] == "Opening" and "What we found" in sections


def test_the_writing_check_finds_long_passive_and_jargon_sentences(tmp_path: Path):
    (tmp_path / "plain-words.txt").write_text(
        "# our landlord's words\ncustomer hub = the office\nbroken line\n", encoding="utf-8"
    )
    jargon, problems = jargon_list(tmp_path)
    assert jargon["customer hub"] == "the office" and jargon["utilise"] == "use"
    assert problems == ["plain-words.txt, line 3: write it as 'word = plain alternative'"]
    from tenant_inspect.report.model import Report

    long = ("The arrangements for the consideration of recommendations were reviewed by the "
            "organisation's governance committee in accordance with its established "
            "procedures for stakeholder engagement and accountability.")  # fmt: skip
    report = Report("t", "", "", "", "", "en-GB", (
        Heading(1, "Findings"),
        Paragraph("We met tenants. They were kind. " + long),
        Paragraph("Ask at the customer hub for a copy of the booklet we read last year."),
    ), )  # fmt: skip
    check = check_writing(report, jargon)
    [section] = check.sections
    assert section.section == "Findings" and section.passive >= 1
    assert ("stakeholder", "people involved") in section.jargon
    assert ("customer hub", "the office") in section.jargon
    hardest = check.hardest[0]
    assert hardest.text == long and hardest.section == "Findings"
    assert (
        "passive" in hardest.reasons and "'stakeholder': say 'people involved'" in hardest.reasons
    )
    assert any(r.startswith("long words: ") and "organisation's" in r for r in hardest.reasons)
    assert check.summary().startswith("Reading ease ")


@pytest.fixture
def world(tmp_path):
    stores = {name: laptop(tmp_path, name) for name in ("coord", "ann")}
    yield stores
    for s in stores.values():
        s.close()


def test_the_letter_travels_in_files_and_concurrent_edits_conflict(world, tmp_path):
    team = make_team_inspection(world["coord"])
    with world["coord"].write(author_id=team.coordinator) as s:
        set_letter_text(s, team.inspection, "contact", "Call 0800 000 000.")
    kit = export(world["coord"], team.inspection, tmp_path / "kit.zip", for_member_id=team.ann)
    import_ok(world["ann"], kit)
    with world["ann"].read() as s:
        [row] = records.live(s, m.LetterText)
        assert (row.part, row.text) == ("contact", "Call 0800 000 000.")
    # Both change the same part: one row, one conflict, nothing lost.
    with world["ann"].write(author_id=team.ann) as s:
        set_letter_text(s, team.inspection, "contact", "Call 0800 111 111.")
    with world["coord"].write(author_id=team.coordinator) as s:
        set_letter_text(s, team.inspection, "contact", "Email us.")
    back = export(world["ann"], team.inspection, tmp_path / "back.zip")
    [result] = import_ok(world["coord"], back)
    assert result.conflicts == 1
    with world["coord"].read() as s:
        [row] = records.live(s, m.LetterText)
        [conflict] = list_conflicts(s, team.inspection)
        assert (conflict.table, conflict.field) == ("letter_text", "text")
        assert {row.text, conflict.current_value, conflict.other_value} == {
            "Call 0800 111 111.",
            "Email us.",
        }


def test_an_inspection_with_nothing_yet_still_makes_a_sensible_letter():
    from tenant_inspect.report.model import ReportData

    letter = build_letter(ReportData(title="T", landlord="Vale Homes"), date(2026, 12, 5))
    text = _text(letter)
    assert "Tenant inspectors looked at the services at Vale Homes." in text
    assert "We have not yet said which parts of the service we looked at." in text
    assert "Vale Homes will now write an action plan" in text
    assert "The tenant inspection panel" in text  # signed by the panel: no coordinator named
    assert "5 December 2026" in text  # no report date yet: today's
    assert "What we have asked for" not in text  # no recommendations, no empty list
    assert letter.warnings == (
        "the letter offers other formats but gives no contact details: add them on the "
        "Letter screen (Contact for other formats)",
    )
