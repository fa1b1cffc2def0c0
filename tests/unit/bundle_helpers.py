"""Shared set-up for the bundle and merge tests: a small team inspection, laptops, fingerprints."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tenant_inspect import analysis, fieldwork, inspections
from tenant_inspect import models as m
from tenant_inspect.bundle.write import export_bundle
from tenant_inspect.dump import dump_json
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.merge import FileResult, import_bundles
from tenant_inspect.questionnaire import get_builtin
from tenant_inspect.store import Store, open_store
from tests.support.empty_db import empty_data_dir

STAFF_Q = "staff-interview-ri"


@dataclass
class Team:
    """Ids of the small team inspection made by :func:`make_team_inspection`."""

    inspection: str
    coordinator: str
    ann: str
    ben: str
    cal: str
    area: str
    pair_interview: str  # Ann and Ben
    cal_interview: str  # Cal alone
    review: str
    finding: str  # the coordinator's, from the desktop review
    recommendation: str


def laptop(tmp_path: Path, name: str) -> Store:
    """A new laptop: its own data folder, an empty database at the current schema."""
    return open_store(empty_data_dir(resolve_data_dir(tmp_path / name)))


def make_team_inspection(store: Store) -> Team:
    """An inspection with a coordinator, three inspectors, two interviews, a review, a finding."""
    q = get_builtin(STAFF_Q)
    with store.write() as s:
        insp = inspections.create_inspection(s, title="Repairs inspection", landlord="Vale HA")
        cora = inspections.add_member(s, insp.id, name="Cora", role="coordinator")
        ann = inspections.add_member(s, insp.id, name="Ann")
        ben = inspections.add_member(s, insp.id, name="Ben")
        cal = inspections.add_member(s, insp.id, name="Cal")
        area = inspections.add_area(s, insp.id, name="Repairs")
        pair = fieldwork.add_interview(
            s,
            insp.id,
            interviewee_role="Repairs manager",
            interviewee_name="Jo Secret",
            area_id=area.id,
            questionnaire=q,
            interviewer_ids=[ann.id, ben.id],
        )
        solo = fieldwork.add_interview(
            s,
            insp.id,
            interviewee_role="Surveyor",
            interviewee_name="Sam Hidden",
            area_id=area.id,
            questionnaire=q,
            interviewer_ids=[cal.id],
        )
        review = fieldwork.add_document_review(s, insp.id, title="Repairs charter")
        finding = analysis.add_finding(
            s,
            insp.id,
            kind="weakness",
            text="The charter is out of date",
            document_review_id=review.id,
        )
        rec = analysis.add_recommendation(
            s, insp.id, text="Update the charter", finding_ids=[finding.id]
        )
        return Team(
            inspection=insp.id,
            coordinator=cora.id,
            ann=ann.id,
            ben=ben.id,
            cal=cal.id,
            area=area.id,
            pair_interview=pair.id,
            cal_interview=solo.id,
            review=review.id,
            finding=finding.id,
            recommendation=rec.id,
        )


def export(store: Store, inspection_id: str, path: Path, **kwargs: Any) -> Path:
    export_bundle(store, inspection_id, path, **kwargs)
    return path


def import_ok(store: Store, *paths: Path, **kwargs: Any) -> list[FileResult]:
    results = import_bundles(store, list(paths), **kwargs)
    for r in results:
        assert r.ok, r.line()
    return results


def dump(store: Store, inspection_id: str) -> str:
    with store.read() as s:
        return dump_json(s, inspection_id)


def fingerprint(store: Store) -> str:
    """A hash of every row of every table (the database's content, not its file bytes)."""
    conn = sqlite3.connect(store.db_path)
    try:
        digest = hashlib.sha256()
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        for table in tables:
            digest.update(table.encode())
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
                digest.update(repr(row).encode())
        return digest.hexdigest()
    finally:
        conn.close()


def clone(store: Store, tmp_path: Path, name: str) -> Store:
    """Another laptop holding exactly this laptop's database (same device id too)."""
    target = resolve_data_dir(tmp_path / name)
    target.path.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(store.db_path)
    dst = sqlite3.connect(target.db_path)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return open_store(target)


def read_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def write_members(
    path: Path,
    members: dict[str, bytes],
    *,
    fix_manifest: bool = True,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """Write a (possibly hostile) bundle; by default the manifest's checksums and counts
    are recomputed so the content reaches the deeper checks."""
    members = dict(members)
    if fix_manifest and "manifest.json" in members:
        manifest = json.loads(members["manifest.json"])
        manifest["files"] = {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in members.items()
            if name != "manifest.json"
        }
        counts = {}
        for name, data in members.items():
            if name.startswith("data/") and name.endswith(".json"):
                try:
                    counts[name[5:-5]] = len(json.loads(data))
                except (ValueError, TypeError, RecursionError):
                    counts[name[5:-5]] = 0
        manifest["counts"] = {**manifest.get("counts", {}), **counts}
        members["manifest.json"] = json.dumps(manifest).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    path.write_bytes(buf.getvalue())
    return path


def rows(members: dict[str, bytes], table: str) -> list[dict[str, Any]]:
    return json.loads(members[f"data/{table}.json"])


def set_rows(members: dict[str, bytes], table: str, new_rows: list[dict[str, Any]]) -> None:
    members[f"data/{table}.json"] = json.dumps(new_rows).encode()


def live_row(store: Store, model: type[m.SyncedRow], row_id: str) -> m.SyncedRow:
    with store.read() as s:
        row = s.get(model, row_id)
        assert row is not None
        return row
