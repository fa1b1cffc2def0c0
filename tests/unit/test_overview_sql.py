"""The dashboard's plain-SQL overview equals what the ORM services give, on either connection.

:func:`read_overview` replaced an ORM read (``inspections.get_inspection``, ``areas``,
``fieldwork.document_reviews``/``interviews``, ``analysis.findings``, ``read_team``,
``shown_status``). That read is kept here, unchanged, as the reference: the SQL reader must
give the very same frozen :class:`Overview` both on the store's session (``load_overview``)
and on a plain read-only sqlite3 connection (the start-up light path), for the demos and for
the edge cases the ORM filters handled (deleted and merged rows, unfiled work, missing ids).
"""

from __future__ import annotations

from collections import Counter

import pytest

from tenant_inspect import analysis, fieldwork, inspections, records
from tenant_inspect import models as m
from tenant_inspect.errors import NotFound
from tenant_inspect.storage.sqlite.connect import open_read_only
from tenant_inspect.storage.sqlite.fastread import quick_read
from tenant_inspect.store import open_store
from tenant_inspect.views.overview import AreaProgress, Overview, load_overview, read_overview
from tenant_inspect.views.shared import read_team
from tests.support.demo_copy import demo_data_dir


def orm_overview(session, inspection_id: str) -> Overview:
    """The overview as the ORM services read it (the reader this module's SQL replaced)."""
    inspection = inspections.get_inspection(session, inspection_id)
    areas = inspections.areas(session, inspection.id)
    desk = next((a.id for a in areas if a.kind == "desktop_review"), None)
    items: dict[str | None, list[tuple[str, str]]] = {}
    docs: Counter[str | None] = Counter()
    docs_done: Counter[str | None] = Counter()
    for doc in fieldwork.document_reviews(session, inspection.id):
        area_id = doc.area_id or desk
        docs[area_id] += 1
        docs_done[area_id] += doc.status == "complete"
        items.setdefault(area_id, []).append((doc.title, doc.status))
    talks: Counter[str | None] = Counter()
    done: Counter[str | None] = Counter()
    started: Counter[str | None] = Counter()
    for talk in fieldwork.interviews(session, inspection.id):
        talks[talk.area_id] += 1
        done[talk.area_id] += talk.status == "complete"
        started[talk.area_id] += talk.status == "in_progress"
        items.setdefault(talk.area_id, []).append((talk.interviewee_role, talk.status))
    by_area: dict[str | None, Counter[str]] = {}
    total: Counter[str] = Counter()
    for finding in analysis.findings(session, inspection.id):
        by_area.setdefault(finding.area_id, Counter())[finding.kind] += 1
        total[finding.kind] += 1
    rows = tuple(
        AreaProgress(
            id=a.id,
            letter=inspections.area_letter(index),
            name=a.name,
            kind=a.kind,
            documents=docs[a.id],
            documents_done=docs_done[a.id],
            interviews_planned=a.interviews_planned,
            interviews=talks[a.id],
            interviews_done=done[a.id],
            interviews_started=started[a.id],
            findings=dict(by_area.get(a.id, Counter())),
            items=tuple(items.get(a.id, ())),
        )
        for index, a in enumerate(areas)
    )
    ids = {r.id for r in rows}
    return Overview(
        inspection_id=inspection.id,
        title=inspection.title,
        landlord=inspection.landlord,
        topic=inspection.topic,
        status=inspections.shown_status(session, inspection),
        areas=rows,
        team=read_team(session, inspection.id),
        findings=dict(total),
        unfiled_interviews=sum(n for a, n in talks.items() if a not in ids),
        unfiled_interviews_done=sum(n for a, n in done.items() if a not in ids),
    )


def plain_overview(data_dir, inspection_id: str) -> Overview:
    """:func:`read_overview` on a read-only sqlite3 connection (errors raised, not hidden)."""
    conn, _ = open_read_only(data_dir.db_path, timeout=2)
    try:
        return read_overview(lambda sql, p: conn.execute(sql, p).fetchall(), inspection_id)
    finally:
        conn.close()


def assert_same(store, data_dir, inspection_id: str) -> Overview:
    with store.read() as s:
        expected = orm_overview(s, inspection_id)
        assert load_overview(s, inspection_id) == expected
    assert plain_overview(data_dir, inspection_id) == expected
    light = quick_read(data_dir.db_path, lambda run: read_overview(run, inspection_id))
    assert light == expected
    return expected


@pytest.mark.parametrize("size", ["small", "large"])
def test_the_demos_read_the_same(data_dir, size):
    iid = demo_data_dir(data_dir, size)
    store = open_store(data_dir)
    try:
        o = assert_same(store, data_dir, iid)
    finally:
        store.close()
    assert o.areas and o.team and sum(o.findings.values())


def test_edge_cases_read_the_same(store, data_dir):
    with store.write() as s:
        i = inspections.create_inspection(s, title="Repairs", landlord="Vale", topic="Repairs")
        other = inspections.create_inspection(s, title="Other", landlord="Elsewhere")
        cs = inspections.add_area(s, i.id, name="Customer Services", interviews_planned=3)
        hm = inspections.add_area(s, i.id, name="Housing", interviews_planned=1)
        gone = inspections.add_area(s, i.id, name="Closed office", interviews_planned=2)
        inspections.add_area(s, i.id, name="Value for money", kind="theme")
        inspections.move_area(s, hm, -1)
        bob = inspections.add_member(s, i.id, name="Bob", role="coordinator")
        ann = inspections.add_member(s, i.id, name="ann")
        inspections.update_member(s, ann, position=bob.position)  # a tie: by name, any case
        left = inspections.add_member(s, i.id, name="Cy")
        records.delete(s, left)
        fieldwork.add_document_review(s, i.id, title="Charter", status="complete")
        fieldwork.add_document_review(s, i.id, title="Policy", area_id=cs.id)
        records.delete(s, fieldwork.add_document_review(s, i.id, title="Withdrawn"))
        fieldwork.add_interview(
            s, i.id, interviewee_role="Manager", area_id=cs.id, status="complete"
        )
        fieldwork.add_interview(
            s, i.id, interviewee_role="Officer", area_id=cs.id, status="in_progress"
        )
        fieldwork.add_interview(s, i.id, interviewee_role="Tenant", status="complete")  # unfiled
        fieldwork.add_interview(s, i.id, interviewee_role="Clerk", area_id=gone.id)
        records.delete(s, fieldwork.add_interview(s, i.id, interviewee_role="Cancelled"))
        keep = analysis.add_finding(s, i.id, kind="weakness", text="Slow.", area_id=cs.id)
        dup = analysis.add_finding(s, i.id, kind="weakness", text="Slow too.", area_id=cs.id)
        analysis.merge_findings(s, keep, dup)
        records.delete(s, analysis.add_finding(s, i.id, kind="strength", text="x", area_id=cs.id))
        analysis.add_finding(s, i.id, kind="observation", text="Unfiled.")
        analysis.add_finding(s, i.id, kind="strength", text="Old office.", area_id=gone.id)
        fieldwork.add_interview(s, other.id, interviewee_role="Elsewhere", status="complete")
        analysis.add_finding(s, other.id, kind="strength", text="Not this one.")
    with store.write() as s:
        # An area deleted with its work still pointing at it: that work counts as unfiled.
        records.delete(s, records.resolve(s, m.Area, gone.id))
        # A merged-away finding brought back to life (say, by another laptop's edit to it):
        # still merged, so not counted.
        s.connection().exec_driver_sql(
            "UPDATE finding SET deleted_at = NULL WHERE id = ?", (dup.id,)
        )
    o = assert_same(store, data_dir, i.id)
    assert (o.unfiled_interviews, o.unfiled_interviews_done) == (2, 1)
    assert [a.name for a in o.areas][:2] == ["Desktop review", "Housing"]
    assert [t.name for t in o.team] == ["ann", "Bob"]
    assert o.findings == {"weakness": 1, "observation": 1, "strength": 1}
    assert assert_same(store, data_dir, other.id).status == "fieldwork"


def test_an_unknown_or_deleted_inspection_is_refused_alike(store, data_dir):
    with store.write() as s:
        a = inspections.create_inspection(s, title="A", landlord="L")
        b = inspections.create_inspection(s, title="B", landlord="L")
        gone = inspections.create_inspection(s, title="Gone", landlord="L")
        records.delete(s, gone)
    common = next(n for n in range(len(a.id)) if a.id[n] != b.id[n])
    assert assert_same(store, data_dir, f" {a.id[: common + 1].upper()} ").inspection_id == a.id
    wrong = [gone.id, "zz-no-such", "", "  ", "%", "_"] + ([a.id[:common]] if common else [])
    for id_or_prefix in wrong:
        with store.read() as s, pytest.raises(NotFound) as orm_refusal:
            orm_overview(s, id_or_prefix)
        with pytest.raises(NotFound) as sql_refusal:
            plain_overview(data_dir, id_or_prefix)
        # (Which two ids an ambiguous prefix names, after the ';', is the database's choice.)
        assert str(sql_refusal.value).split(";")[0] == str(orm_refusal.value).split(";")[0]
        read = quick_read(data_dir.db_path, lambda run, w=id_or_prefix: read_overview(run, w))
        assert read is None
