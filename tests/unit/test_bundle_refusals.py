"""Hand-made hostile and broken files: each is refused with one clear line, DB unchanged.

The target laptop already holds the inspection (from a first kit); the files attacked are
a *second*, valid export with real changes in it, so a refusal that let anything through
would show up in the database fingerprint.
"""

from __future__ import annotations

import hashlib
import json
import struct
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path

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

from tenant_inspect import analysis, bundle_format, records
from tenant_inspect import models as m
from tenant_inspect.bundle import BundleRefused
from tenant_inspect.merge import import_bundle, import_bundles


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("refusals")
    coord = laptop(tmp, "coord")
    team = make_team_inspection(coord)
    first = export(coord, team.inspection, tmp / "first.zip")
    with coord.write() as s:
        analysis.update_finding(s, records.get(s, m.Finding, team.finding), text="Changed later")
        analysis.add_finding(s, team.inspection, kind="strength", text="New one")
    second = export(coord, team.inspection, tmp / "second.zip")
    other = laptop(tmp, "other")
    other_team = make_team_inspection(other)
    foreign = export(other, other_team.inspection, tmp / "foreign.zip")
    yield {"tmp": tmp, "team": team, "first": first, "second": second, "foreign": foreign}
    coord.close()
    other.close()


@pytest.fixture
def target(setup, tmp_path):
    store = laptop(tmp_path, "target")
    import_ok(store, setup["first"])
    yield store
    store.close()


def refused(store, path: Path, match: str, **kwargs) -> BundleRefused:
    before = fingerprint(store)
    with pytest.raises(BundleRefused) as info:
        import_bundle(store, path, **kwargs)
    assert fingerprint(store) == before, "a refused file changed the database"
    message = str(info.value)
    assert message.startswith(f"{path.name}: ") and "\n" not in message
    assert match.lower() in message.lower(), message
    return info.value


def mutate(setup, tmp_path, change: Callable[[dict[str, bytes]], None], **kwargs) -> Path:
    members = read_members(setup["second"])
    change(members)
    return write_members(tmp_path / "bad.zip", members, **kwargs)


# -- the file itself ---------------------------------------------------------------


def test_a_text_file_is_not_a_bundle(target, tmp_path):
    path = tmp_path / "notes.zip"
    path.write_text("Interview notes, not a bundle")
    refused(target, path, "not a tenant-inspect bundle (not a zip file)")


def test_an_empty_file(target, tmp_path):
    path = tmp_path / "empty.zip"
    path.write_bytes(b"")
    refused(target, path, "not a zip file")


def test_a_missing_file_and_a_folder(target, tmp_path):
    refused(target, tmp_path / "nowhere.zip", "file not found")
    refused(target, tmp_path, "folder")


def test_a_truncated_copy(setup, target, tmp_path):
    data = setup["second"].read_bytes()
    path = tmp_path / "half.zip"
    path.write_bytes(data[: len(data) // 2])
    refused(target, path, "damaged or incomplete")


def test_corrupt_compressed_data(setup, target, tmp_path):
    data = bytearray(setup["second"].read_bytes())
    with zipfile.ZipFile(setup["second"]) as zf:
        info = zf.getinfo("data/answer.json")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 10, start + 40):
        data[i] ^= 0x5A
    path = tmp_path / "corrupt.zip"
    path.write_bytes(bytes(data))
    refused(target, path, "damaged")


def test_declared_sizes_that_lie(setup, target, tmp_path):
    """The central directory says a member is tiny; reading stops there and fails its CRC."""
    data = bytearray(setup["second"].read_bytes())
    with zipfile.ZipFile(setup["second"]) as zf:
        names = [i.filename for i in zf.infolist()]
    end = data.rfind(b"PK\x05\x06")
    cd_offset = struct.unpack("<I", data[end + 16 : end + 20])[0]
    pos = cd_offset
    for name in names:
        n, e, c = struct.unpack("<HHH", data[pos + 28 : pos + 34])
        if name == "data/finding.json":
            data[pos + 24 : pos + 28] = struct.pack("<I", 10)  # uncompressed size
        pos += 46 + n + e + c
    path = tmp_path / "liar.zip"
    path.write_bytes(bytes(data))
    refused(target, path, "finding.json")


def test_a_compression_bomb(setup, target, tmp_path):
    def bomb(members):
        members["data/finding.json"] = b" " * (30 * 1024 * 1024)

    refused(target, mutate(setup, tmp_path, bomb), "compression bomb")


def test_oversize_members_and_too_many_entries(setup, target, tmp_path, monkeypatch):
    monkeypatch.setattr(bundle_format, "MAX_MEMBER_BYTES", 1000)
    refused(target, setup["second"], "too big")
    monkeypatch.undo()
    monkeypatch.setattr(bundle_format, "MAX_ENTRIES", 5)
    refused(target, setup["second"], "too many files")


def test_thousands_of_entries(setup, target, tmp_path):
    def flood(members):
        for i in range(bundle_format.MAX_ENTRIES + 1):
            members[f"questionnaires/{i:064x}.toml"] = b""

    refused(target, mutate(setup, tmp_path, flood, fix_manifest=False), "too many files")


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("/etc/passwd", "absolute"),
        ("C:/Windows/evil.json", "absolute"),
        ("../../evil.json", "outside the archive"),
        ("data/../../evil.json", "outside the archive"),
        ("data\\finding.json", "backslash"),
        ("data//finding.json", "empty"),
    ],
)
def test_unsafe_paths(setup, target, tmp_path, name, reason):
    def add(members):
        members[name] = b"[]"

    refused(target, mutate(setup, tmp_path, add), reason)


def test_duplicate_entries(setup, target, tmp_path):
    members = read_members(setup["second"])
    path = write_members(tmp_path / "dup.zip", members)
    with zipfile.ZipFile(path, "a") as zf, pytest.warns(UserWarning):
        zf.writestr("data/finding.json", b"[]")
    refused(target, path, "more than once")


@pytest.mark.parametrize("name", ["notes.txt", "data/unknown_table.json", "extra/x.json"])
def test_unexpected_names(setup, target, tmp_path, name):
    def add(members):
        members[name] = b"[]"

    refused(target, mutate(setup, tmp_path, add), "unexpected file")


# -- the manifest ------------------------------------------------------------------


def test_no_manifest(setup, target, tmp_path):
    refused(target, mutate(setup, tmp_path, lambda ms: ms.pop("manifest.json")), "no manifest.json")


def test_manifest_not_json(setup, target, tmp_path):
    def garble(members):
        members["manifest.json"] = b"{not json"

    refused(
        target,
        mutate(setup, tmp_path, garble, fix_manifest=False),
        "manifest.json is not valid JSON",
    )


def _manifest_edit(setup, tmp_path, edit) -> Path:
    def change(members):
        manifest = json.loads(members["manifest.json"])
        edit(manifest)
        members["manifest.json"] = json.dumps(manifest).encode()

    return mutate(setup, tmp_path, change, fix_manifest=False)


def test_manifest_of_something_else(setup, target, tmp_path):
    path = _manifest_edit(setup, tmp_path, lambda mf: mf.update(format="photo-album"))
    refused(target, path, "not a tenant-inspect bundle")


def test_manifest_wrong_types(setup, target, tmp_path):
    path = _manifest_edit(setup, tmp_path, lambda mf: mf.update(names_included="yes"))
    refused(target, path, "names_included")
    path = _manifest_edit(setup, tmp_path, lambda mf: mf.update(format_version="1"))
    refused(target, path, "format_version")
    path = _manifest_edit(setup, tmp_path, lambda mf: mf.update(surprise=1))
    refused(target, path, "unknown field 'surprise'")


def test_newer_format_version(setup, target, tmp_path):
    path = _manifest_edit(
        setup,
        tmp_path,
        lambda mf: mf.update(format_version=bundle_format.FORMAT_VERSION + 1, future=True),
    )
    refused(target, path, "newer version of tenant-inspect")


def test_checksum_mismatch(setup, target, tmp_path):
    def tamper(members):
        data = rows(members, "finding")
        data[0]["text"] = "tampered"
        set_rows(members, "finding", data)

    refused(
        target,
        mutate(setup, tmp_path, tamper, fix_manifest=False),
        "checksum mismatch for data/finding.json",
    )


def test_listed_but_missing_and_present_but_unlisted(setup, target, tmp_path):
    path = _manifest_edit(
        setup,
        tmp_path,
        lambda mf: mf["files"].update(
            {"questionnaires/" + "0" * 64 + ".toml": {"sha256": "0" * 64, "size": 1}}
        ),
    )
    refused(target, path, "listed in the manifest but missing")
    path = _manifest_edit(setup, tmp_path, lambda mf: mf["files"].pop("data/area.json"))
    refused(target, path, "not listed in its manifest")


def test_counts_that_do_not_match(setup, target, tmp_path):
    path = _manifest_edit(setup, tmp_path, lambda mf: mf["counts"].update(finding=99))
    refused(target, path, "manifest says 99")


# -- the data --------------------------------------------------------------------


def _row_edit(setup, tmp_path, table, edit, index=0) -> Path:
    def change(members):
        data = rows(members, table)
        edit(data[index])
        set_rows(members, table, data)

    return mutate(setup, tmp_path, change)


def test_malformed_json(setup, target, tmp_path):
    def garble(members):
        members["data/finding.json"] = b'[{"id": "x",'

    refused(target, mutate(setup, tmp_path, garble), "data/finding.json is not valid JSON")


def test_deeply_nested_json(setup, target, tmp_path):
    def nest(members):
        members["data/finding.json"] = b"[" * 100_000 + b"]" * 100_000

    refused(target, mutate(setup, tmp_path, nest, fix_manifest=False), "data/finding.json")


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (lambda r: r.update(kind=5), "field 'kind'"),
        (lambda r: r.update(kind="praise"), "field 'kind'"),
        (lambda r: r.update(internal=1), "field 'internal'"),
        (lambda r: r.update(text="x" * 100_001), "field 'text'"),
        (lambda r: r.update(themes="diversity"), "field 'themes'"),
        (lambda r: r.update(id="not-a-uuid"), "field 'id'"),
        (lambda r: r.update(created_at="2026-02-30T00:00:00.000000Z"), "field 'created_at'"),
        (lambda r: r.update(hlc="9999999999999-0000-dev"), "year 2200"),
        (lambda r: r.pop("text"), "field 'text' is missing"),
        (lambda r: r.update(colour="red"), "unknown field 'colour'"),
        (lambda r: r["field_clocks"].pop("text"), "no change stamp for 'text'"),
        (lambda r: r["field_clocks"].update(colour=r["hlc"]), "unknown or absent field 'colour'"),
        (
            lambda r: r.update(
                siblings=[{"field": "text", "hlc": r["hlc"][:-1] + "z", "value": 7}]
            ),
            "conflict for 'text'",
        ),
        (
            lambda r: r.update(
                siblings=[{"field": "inspection_id", "hlc": r["hlc"][:-1] + "z", "value": "x"}]
            ),
            "cannot have one",
        ),
        (lambda r: r.update(deleted_at=r["created_at"]), "deleted_seen"),
        (lambda r: r.update(inspection_id=str(uuid.uuid4())), "another inspection"),
    ],
)
def test_wrong_fields_and_types(setup, target, tmp_path, edit, reason):
    refused(target, _row_edit(setup, tmp_path, "finding", edit), reason)


def test_a_row_twice(setup, target, tmp_path):
    def double(members):
        data = rows(members, "finding")
        set_rows(members, "finding", [*data, data[0]])

    refused(target, mutate(setup, tmp_path, double), "twice")


def test_a_dangling_reference(setup, target, tmp_path):
    ghost = str(uuid.uuid4())

    def point_nowhere(members):
        data = rows(members, "finding")
        new = next(r for r in data if r["text"] == "New one")  # not on the target yet
        new["interview_id"] = ghost
        set_rows(members, "finding", data)

    refused(target, mutate(setup, tmp_path, point_nowhere), f"(interview_id {ghost}) is missing")


def test_a_fixed_field_that_changed(setup, target, tmp_path):
    def move(members):
        data = rows(members, "team_member")
        data[0]["inspection_id"] = str(uuid.uuid4())
        set_rows(members, "team_member", data)
        # keep the manifest-level check from catching it first: claim the row is foreign

    path = mutate(setup, tmp_path, move)
    refused(target, path, "another inspection")


def test_one_change_stamp_with_two_values(setup, target, tmp_path):
    """The target has the first version of a finding; the file claims another text for the
    very same change stamp: one of the two copies was altered."""
    team = setup["team"]

    def alter(members):
        data = rows(members, "area")
        for row in data:
            if row["name"] == "Repairs":
                row["description"] = "rewritten without a new stamp"
        set_rows(members, "area", data)

    path = mutate(setup, tmp_path, alter)
    refused(target, path, "different values")
    assert team  # (the inspection is the fixture's)


def test_questionnaire_text_altered(setup, target, tmp_path):
    def alter(members):
        name = next(n for n in members if n.startswith("questionnaires/"))
        text = members[name].decode()
        members[name] = text.replace('version = "1.0"', 'version = "1.0"\n# edited').encode()

    refused(target, mutate(setup, tmp_path, alter), "not the SHA-256 of its text")


def test_questionnaire_not_valid(setup, target, tmp_path):
    def alter(members):
        name = next(n for n in members if n.startswith("questionnaires/"))
        text = b"id = 'broken'\n"
        sha = hashlib.sha256(text).hexdigest()
        del members[name]
        members[f"questionnaires/{sha}.toml"] = text
        data = rows(members, "questionnaire_copy")
        data[0]["sha256"] = sha
        set_rows(members, "questionnaire_copy", data)

    error = refused(target, mutate(setup, tmp_path, alter), "not a valid questionnaire")
    assert "title" in str(error) or "question" in str(error), "the reason must be named"


# -- which inspection ---------------------------------------------------------------


def test_a_bundle_for_another_inspection(setup, target):
    refused(target, setup["foreign"], "for another inspection")
    # Asked explicitly, it is added as a new inspection.
    [result] = import_bundles(target, [setup["foreign"]], allow_new=True)
    assert result.ok and result.added > 0


def test_into_names_the_inspection_expected(setup, target):
    team = setup["team"]
    refused(target, setup["foreign"], "not 'Repairs inspection'", into=team.inspection)
    refused(
        target, setup["foreign"], "for another inspection", into=team.inspection, allow_new=True
    )
    assert import_bundle(target, setup["second"], into=team.inspection).ok


def test_other_files_still_import_when_one_is_refused(setup, target, tmp_path):
    bad = tmp_path / "bad.zip"
    bad.write_text("nope")
    before = fingerprint(target)
    results = import_bundles(target, [bad, setup["second"]])
    assert [r.ok for r in results] == [False, True]
    assert results[0].line() == "bad.zip: refused: not a tenant-inspect bundle (not a zip file)"
    assert results[1].added == 1 and results[1].updated >= 1
    assert fingerprint(target) != before
