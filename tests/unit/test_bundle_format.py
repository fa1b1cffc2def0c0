"""The bundle format: models agree with the database, files are deterministic and atomic,
and docs/bundle-format.md describes every table and field."""

from __future__ import annotations

import hashlib
import json
import os
import typing
import zipfile
from pathlib import Path

import pytest
from bundle_helpers import export, laptop, make_team_inspection, read_members, rows

from tenant_inspect import bundle_format as bf
from tenant_inspect import bundle_format_types as bft
from tenant_inspect import models as m
from tenant_inspect import vocabulary
from tenant_inspect.bundle import read_bundle
from tenant_inspect.bundle.write import export_bundle
from tenant_inspect.errors import UserError

DOC = Path(__file__).resolve().parents[2] / "docs" / "bundle-format.md"


@pytest.fixture
def coord(tmp_path):
    store = laptop(tmp_path, "coord")
    yield store
    store.close()


def test_row_models_cover_exactly_the_database_fields():
    assert list(bf.ROW_MODELS) == [str(model.__tablename__) for model in m.SYNCED_MODELS]
    for model in m.SYNCED_MODELS:
        table = str(model.__tablename__)
        in_db = {f for f in model.model_fields if f not in model.BOOKKEEPING}
        in_file = set(bf.content_fields(table))
        if table == "questionnaire_copy":
            in_file.add("source_text")  # travels as questionnaires/<sha256>.toml
        assert in_file == in_db, table
        assert bf.IMMUTABLE[table] <= in_file
        assert set(bf.REFERENCES[table]) <= in_file
    bookkeeping = set(bf.Row.model_fields) - {"siblings", "deleted_at"}
    assert bookkeeping == set(m.SyncedRow.BOOKKEEPING)


def test_foreign_keys_are_all_declared_as_references():
    for model in m.SYNCED_MODELS:
        table = model.__table__  # type: ignore[attr-defined]
        for fk in table.foreign_keys:
            if fk.parent.name == "inspection_id":
                continue
            assert bf.REFERENCES[table.name][fk.parent.name] == fk.column.table.name


@pytest.mark.parametrize(
    ("literal", "vocabulary"),
    [
        (bft.InspectionStatus, vocabulary.INSPECTION_STATUSES),
        (bft.MemberRole, vocabulary.MEMBER_ROLES),
        (bft.AreaKind, vocabulary.AREA_KINDS),
        (bft.WorkStatus, vocabulary.WORK_STATUSES),
        (bft.InterviewStatus, vocabulary.INTERVIEW_STATUSES),
        (bft.IntervieweeKind, vocabulary.INTERVIEWEE_KINDS),
        (bft.FindingKind, vocabulary.FINDING_KINDS),
        (bft.Level, ("", *vocabulary.LEVELS)),
        (bft.ActionStatus, vocabulary.ACTION_STATUSES),
        (bft.Grade, vocabulary.GRADE_KEYS),
    ],
)
def test_vocabularies_match_the_models(literal, vocabulary):
    assert set(typing.get_args(literal)) == set(vocabulary)


def test_text_caps_are_never_looser_than_the_database():
    """A text one character longer than its database column allows is refused by the format."""
    from pydantic import TypeAdapter, ValidationError

    for model in m.SYNCED_MODELS:
        row_model = bf.ROW_MODELS[str(model.__tablename__)]
        for name, info in model.model_fields.items():
            db_cap = next(
                (md.max_length for md in info.metadata if getattr(md, "max_length", None)), None
            )
            if db_cap is None or name not in row_model.model_fields:
                continue
            finfo = row_model.model_fields[name]
            annotation = (
                typing.Annotated[(finfo.annotation, *finfo.metadata)]
                if finfo.metadata
                else finfo.annotation
            )
            with pytest.raises(ValidationError):
                TypeAdapter(annotation).validate_python("x" * (db_cap + 1))


def test_export_writes_a_complete_verifiable_bundle(coord, tmp_path):
    team = make_team_inspection(coord)
    path = export(coord, team.inspection, tmp_path / "all.zip")
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        assert names[0] == "manifest.json"
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in zf.infolist())
    members = read_members(path)
    manifest = json.loads(members["manifest.json"])
    assert manifest["format"] == "tenant-inspect-bundle" and manifest["format_version"] == 3
    assert manifest["inspection_id"] == team.inspection
    assert manifest["exported_by"] == {"member_id": team.coordinator, "device_id": coord.device_id}
    assert manifest["recipient"] is None and manifest["names_included"] is True
    assert set(manifest["files"]) == set(members) - {"manifest.json"}
    for name, entry in manifest["files"].items():
        assert entry == {
            "sha256": hashlib.sha256(members[name]).hexdigest(),
            "size": len(members[name]),
        }
    assert manifest["counts"]["interview"] == 2 and manifest["counts"]["questionnaire_copy"] == 1
    [copy] = rows(members, "questionnaire_copy")
    assert f"questionnaires/{copy['sha256']}.toml" in members
    bundle = read_bundle(path)
    assert bundle.inspection_id == team.inspection
    assert bundle.row_count() == sum(manifest["counts"].values())


def test_export_is_deterministic_apart_from_its_creation_time(coord, tmp_path):
    team = make_team_inspection(coord)
    a = read_members(export(coord, team.inspection, tmp_path / "a.zip"))
    b = read_members(export(coord, team.inspection, tmp_path / "b.zip"))
    assert {k: v for k, v in a.items() if k != "manifest.json"} == {
        k: v for k, v in b.items() if k != "manifest.json"
    }
    for data in a.values():
        if data.startswith(b"["):
            assert (
                data
                == json.dumps(
                    json.loads(data), sort_keys=True, separators=(",", ":"), ensure_ascii=False
                ).encode()
            )


def test_export_replaces_the_file_atomically(coord, tmp_path):
    team = make_team_inspection(coord)
    target = tmp_path / "kit.zip"
    target.write_text("old")
    export(coord, team.inspection, target)
    assert zipfile.is_zipfile(target)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".kit.zip")] == []


def test_export_to_an_impossible_place_is_a_user_error(coord, tmp_path):
    team = make_team_inspection(coord)
    with pytest.raises(UserError, match="cannot write"):
        export_bundle(coord, team.inspection, tmp_path / "no" / "such" / "dir" / "kit.zip")
    with pytest.raises(UserError, match="no team member"):
        export_bundle(coord, team.inspection, tmp_path / "k.zip", for_member_id="nobody")


@pytest.mark.skipif(os.name != "posix", reason="permission bits")
def test_export_into_a_read_only_folder(coord, tmp_path):
    team = make_team_inspection(coord)
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with pytest.raises(UserError, match="cannot write"):
            export_bundle(coord, team.inspection, folder / "kit.zip")
    finally:
        folder.chmod(0o700)


def test_the_format_document_names_every_table_and_field():
    text = DOC.read_text(encoding="utf-8")
    for table, model in bf.ROW_MODELS.items():
        assert f"`{table}`" in text, table
        for name in model.model_fields:
            assert f"`{name}`" in text, (table, name)
    for name in bf.Manifest.model_fields:
        assert f"`{name}`" in text, name
    for limit in (
        "MAX_ENTRIES",
        "MAX_MEMBER_BYTES",
        "MAX_TOTAL_BYTES",
        "MAX_QUESTIONNAIRES_BYTES",
        "MAX_ROW_CHARS",
        "MAX_RATIO",
        "MAX_STAMP_AHEAD_DAYS",
    ):
        assert f"{getattr(bf, limit):,}" in text or str(getattr(bf, limit)) in text, limit
    for table, limit in bf.MAX_TABLE_ROWS.items():
        assert f"| `{table}` | {limit:,} |" in text, table
