"""Control characters in the text of a bundle (docs/bundle-format.md, section 3).

A file from another laptop may carry terminal escape sequences (ESC, OSC), NULs or bidi
overrides, on purpose or from a paste. They are stripped from every text field on import
(:func:`tenant_inspect.plain_text.clean`): one-line fields (titles, names, roles ...) also
lose newlines and tabs, multi-line fields (notes, finding text ...) keep them. Cleaning is
idempotent, and a laptop that still holds the raw text merges with the cleaned copy
without a conflict or a refusal.
"""

from __future__ import annotations

import json
from typing import Annotated

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
from pydantic import TypeAdapter

from tenant_inspect import analysis, bundle_format, records
from tenant_inspect import models as m
from tenant_inspect.bundle import BundleRefused
from tenant_inspect.merge import import_bundle
from tenant_inspect.merge_conflicts import list_conflicts
from tenant_inspect.plain_text import clean, has_controls

TITLE = "\x1b]0;pwned\x07Repairs\x1b[2J\ninspection\u202e"
TEXT = "Line one\r\n\x1b[31mred\x1b[0m\tend\x00"
SIBLING = "Other \x1b]8;;http://evil\x07version"


@pytest.fixture
def world(tmp_path):
    coord, target = laptop(tmp_path, "coord"), laptop(tmp_path, "target")
    team = make_team_inspection(coord)
    yield coord, target, team
    coord.close()
    target.close()


def _hostile(coord, team, tmp_path):
    members = read_members(export(coord, team.inspection, tmp_path / "clean.zip"))
    [insp] = rows(members, "inspection")
    insp["title"] = TITLE
    set_rows(members, "inspection", [insp])
    findings = rows(members, "finding")
    finding = next(f for f in findings if f["id"] == team.finding)
    finding["text"] = TEXT
    finding["themes"] = ["access\x1b[8m"]
    stamp = finding["field_clocks"]["text"]
    other = f"{int(stamp[:13]) - 1:013d}-0000-0ther1ap"  # older: the file's text stays shown
    finding["siblings"] = [{"field": "text", "hlc": other, "value": SIBLING}]
    set_rows(members, "finding", findings)
    manifest = json.loads(members["manifest.json"])
    manifest["inspection_title"] = TITLE
    members["manifest.json"] = json.dumps(manifest).encode()
    return write_members(tmp_path / "hostile.zip", members)


def test_control_characters_are_stripped_and_reimport_changes_nothing(world, tmp_path):
    coord, target, team = world
    path = _hostile(coord, team, tmp_path)
    [first] = import_ok(target, path)
    assert first.conflicts == 1  # the sibling travels, cleaned
    assert not has_controls(first.inspection_title or "")
    with target.read() as s:
        insp = records.get(s, m.Inspection, team.inspection)
        finding = records.get(s, m.Finding, team.finding)
        assert insp.title == clean(TITLE, multiline=False) == "]0;pwnedRepairs[2J inspection"
        assert finding.text == clean(TEXT) == "Line one\n[31mred[0m\tend"
        assert finding.themes == ["access[8m"]
        [conflict] = list_conflicts(s, team.inspection)
        assert conflict.other_value == clean(SIBLING)
    before = fingerprint(target)
    [again] = import_ok(target, path)
    assert (again.added, again.updated, again.conflicts) == (0, 0, 0)
    assert fingerprint(target) == before


def test_messages_never_carry_the_raw_title(world, tmp_path):
    coord, target, team = world
    path = _hostile(coord, team, tmp_path)
    other = make_team_inspection(target)
    assert other
    with pytest.raises(BundleRefused) as info:
        import_bundle(target, path)
    assert "another inspection" in str(info.value)
    assert not has_controls(str(info.value))


def test_a_laptop_holding_the_raw_text_merges_with_the_cleaned_copy(world, tmp_path):
    """The same change stamp with the raw text here and the cleaned text in the file is the
    same version, not a refusal or a conflict; both laptops end with the cleaned text."""
    coord, target, team = world
    with coord.write() as s:
        analysis.update_finding(s, records.get(s, m.Finding, team.finding), text=TEXT)
    import_ok(target, export(coord, team.inspection, tmp_path / "raw.zip"))
    back = export(target, team.inspection, tmp_path / "back.zip")
    [result] = import_ok(coord, back)
    assert result.conflicts == 0
    with coord.read() as s:
        assert records.get(s, m.Finding, team.finding).text == clean(TEXT)
        assert list_conflicts(s, team.inspection) == []
    before = fingerprint(coord)
    import_ok(coord, back)
    import_ok(coord, export(target, team.inspection, tmp_path / "again.zip"))
    assert fingerprint(coord) == before


def test_every_text_type_of_the_format_is_cleaned():
    """One-line types lose line breaks; long text keeps them; both lose escapes."""
    finding = bundle_format.FindingRow.model_fields
    assert finding["text"].metadata and finding["question_key"].metadata
    for annotation, multiline in (
        (bundle_format.InspectionRow.model_fields["title"], False),
        (bundle_format.InspectionRow.model_fields["scope"], True),
        (bundle_format.InterviewRow.model_fields["interviewee_role"], False),
    ):
        adapter = TypeAdapter(Annotated[(annotation.annotation, *annotation.metadata)])
        assert adapter.validate_python("a\n\x1bb") == ("a\nb" if multiline else "a b")


@pytest.mark.parametrize("field", ["text", "themes"])
def test_a_broken_character_is_refused(world, tmp_path, field):
    """JSON can spell half a UTF-16 pair ("\\ud800"), which no text can hold or store."""
    coord, target, team = world
    members = read_members(export(coord, team.inspection, tmp_path / "clean.zip"))
    findings = rows(members, "finding")
    findings[0][field] = "half \ud800 a pair" if field == "text" else ["\udfff"]
    members["data/finding.json"] = json.dumps(findings).encode()  # ASCII: "\\ud800"
    path = write_members(tmp_path / "broken.zip", members)
    before = fingerprint(target)
    with pytest.raises(BundleRefused, match=r"data/finding\.json, row 1.*unicode string"):
        import_bundle(target, path)
    assert fingerprint(target) == before
