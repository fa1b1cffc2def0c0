"""Property tests: importing is idempotent and order-free over generated edit histories.

Three laptops start from one inspection, then hypothesis generates a history: edits of
shared rows (often with the same values, to make twins), new findings, deletions,
answers typed into the same question on two laptops, files passed between laptops in any
direction, and conflicts resolved. At the end every laptop exports a file; importing those
files into fresh copies in two different orders must give byte-identical dumps, and
importing them again must change nothing.

Examples are real SQLite databases, so the count is kept modest; raise it with
``HYPOTHESIS_MERGE_EXAMPLES=200`` for a longer hunt. The examples are derandomized, as in
the other property tests here, so a run fails or passes the same way every time (a longer
hunt is the place for new examples). A merged text is only written where a person can
write one — the free-text fields; other conflicts are settled by keeping a version.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path

from bundle_helpers import clone, dump, export, import_ok, make_team_inspection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import col, select

from tenant_inspect import analysis, fieldwork, inspections, merged_files, records, vocabulary
from tenant_inspect import models as m
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.merge_conflicts import list_conflicts, resolve_conflict
from tenant_inspect.store import Store, open_store
from tests.support.empty_db import empty_data_dir

EXAMPLES = int(os.environ.get("HYPOTHESIS_MERGE_EXAMPLES", "25"))
MERGE_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

LAPTOPS = 3
WORDS = st.sampled_from(["alpha", "beta", "gamma"])
NOTES = st.sampled_from(["", "n1", "n2"])
#: The fields edited here that hold free text: only these can take a merged text.
FREE_TEXT = {"scope", "text", "value", "notes"}

op = st.one_of(
    st.tuples(st.just("scope"), st.integers(0, LAPTOPS - 1), NOTES),
    st.tuples(st.just("finding_text"), st.integers(0, LAPTOPS - 1), st.integers(0, 3), WORDS),
    st.tuples(st.just("add_finding"), st.integers(0, LAPTOPS - 1), WORDS),
    st.tuples(st.just("delete_finding"), st.integers(0, LAPTOPS - 1), st.integers(0, 3)),
    st.tuples(st.just("answer"), st.integers(0, LAPTOPS - 1), WORDS, NOTES),
    st.tuples(st.just("delete_answer"), st.integers(0, LAPTOPS - 1)),
    st.tuples(
        st.just("status"),
        st.integers(0, LAPTOPS - 1),
        st.sampled_from(vocabulary.INTERVIEW_STATUSES),
    ),
    st.tuples(st.just("send"), st.integers(0, LAPTOPS - 1), st.integers(0, LAPTOPS - 1)),
    st.tuples(
        st.just("resolve"),
        st.integers(0, LAPTOPS - 1),
        st.sampled_from(["kept", "other", "merged"]),
    ),
)


_TEMPLATE: dict[str, object] = {}


def _template() -> tuple[Path, object]:
    """One coordinator database made once; each example copies it (with new device ids)."""
    if not _TEMPLATE:
        root = Path(tempfile.mkdtemp(prefix="merge-template-"))
        store = open_store(resolve_data_dir(root / "t"))
        team = make_team_inspection(store)
        store.close()
        _TEMPLATE.update(path=root / "t" / "tenant-inspect.db", team=team)
    return Path(str(_TEMPLATE["path"])), _TEMPLATE["team"]


def _laptops(root: Path) -> tuple[list[Store], object]:
    db, team = _template()
    stores = []
    for i in range(LAPTOPS):
        data = resolve_data_dir(root / f"laptop{i}")
        data.path.mkdir(parents=True)
        src, dst = sqlite3.connect(db), sqlite3.connect(data.db_path)
        src.backup(dst)
        src.close()
        dst.execute("UPDATE app_setting SET value=? WHERE key='device_id'", (f"dev{i}",))
        dst.commit()
        dst.close()
        stores.append(open_store(data))
    return stores, team


def _apply(stores: list[Store], team, step, root: Path, counter: list[int]) -> None:
    kind, who = step[0], step[1]
    store = stores[who]
    insp = team.inspection
    with store.write() as s:
        if kind == "scope":
            inspections.update_inspection(s, records.get(s, m.Inspection, insp), scope=step[2])
        elif kind in ("finding_text", "delete_finding"):
            ids = _live_findings(s, insp)
            if not ids:
                return
            row = records.get(s, m.Finding, ids[step[2] % len(ids)])
            if kind == "finding_text":
                analysis.update_finding(s, row, text=step[3])
            else:
                for link in records.live(s, m.RecommendationFinding, finding_id=row.id):
                    records.delete(s, link)
                records.delete(s, row)
        elif kind == "add_finding":
            analysis.add_finding(s, insp, kind="observation", text=step[2])
        elif kind == "answer":
            interview = records.get(s, m.Interview, team.pair_interview)
            fieldwork.save_answer(s, interview, "role", value=step[2], notes=step[3])
        elif kind == "delete_answer":
            answer = s.get(m.Answer, fieldwork.answer_id(team.pair_interview, "role"))
            if answer is not None:
                records.delete(s, answer)
        elif kind == "status":
            interview = records.get(s, m.Interview, team.pair_interview)
            fieldwork.update_interview(s, interview, status=step[2])
        elif kind == "resolve":
            open_ = list_conflicts(s, insp)
            if open_:
                c = open_[0]
                if step[2] == "merged" and (
                    c.kind != "edit"
                    or c.field not in FREE_TEXT
                    or not isinstance(c.current_value, str)
                ):
                    resolve_conflict(s, c.id, "other")
                else:
                    text = "merged" if c.field != "text" else "merged text"
                    resolve_conflict(s, c.id, step[2], text if step[2] == "merged" else None)
    if kind == "send" and step[1] != step[2]:
        counter[0] += 1
        path = export(store, insp, root / f"send{counter[0]}.zip")
        import_ok(stores[step[2]], path)


def _open_data(text: str) -> dict:
    data = json.loads(text)
    data["tables"]["conflict"] = [c for c in data["tables"]["conflict"] if not c["resolved"]]
    return data


def _forget_merged_files(store: Store) -> None:
    """Drop the record of files merged here, so the next import runs the whole join."""
    with store.write() as s:
        s.connection().exec_driver_sql(
            "DELETE FROM app_setting WHERE key LIKE ?", (merged_files.PREFIX + "%",)
        )


def _live_findings(s, inspection_id: str) -> list[str]:
    return sorted(f.id for f in analysis.findings(s, inspection_id))


@MERGE_SETTINGS
@given(
    history=st.lists(op, min_size=1, max_size=12),
    order_a=st.permutations(range(LAPTOPS)),
    order_b=st.permutations(range(LAPTOPS)),
)
def test_import_is_order_free_and_idempotent(history, order_a, order_b):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        stores, team = _laptops(root)
        observers: list[Store] = []
        try:
            counter = [0]
            for step in history:
                _apply(stores, team, step, root, counter)
            files = [
                export(s, team.inspection, root / f"final{i}.zip") for i, s in enumerate(stores)
            ]
            # Two observers start from the same state (laptop 0's) and import in two orders.
            a = clone(stores[0], root, "observer-a")
            b = clone(stores[0], root, "observer-b")
            observers += [a, b]
            import_ok(a, *[files[i] for i in order_a])
            import_ok(b, *[files[i] for i in order_b])
            result = dump(a, team.inspection)
            assert dump(b, team.inspection) == result
            # Twice == once, file by file and all together: answered from the record of
            # files merged here, and again by the join itself once that record is forgotten.
            for forget in (False, True):
                if forget:
                    _forget_merged_files(a)
                for again in import_ok(a, *files):
                    assert (again.added, again.updated, again.conflicts) == (0, 0, 0)
                assert dump(a, team.inspection) == result
            # A laptop that never had the inspection converges to the same data too.
            fresh_a = open_store(empty_data_dir(resolve_data_dir(root / "fresh-a")))
            fresh_b = open_store(empty_data_dir(resolve_data_dir(root / "fresh-b")))
            observers += [fresh_a, fresh_b]
            import_ok(fresh_a, *[files[i] for i in order_a])
            import_ok(fresh_b, *[files[i] for i in reversed(order_a)])
            newcomer = dump(fresh_a, team.inspection)
            assert newcomer == dump(fresh_b, team.inspection)
            # And every laptop converges on the same data: the one that took part holds
            # exactly what the newcomer holds, bar its own history of resolved conflicts.
            # (``a`` holds ``result``, checked just above; nothing has written to it since.)
            assert _open_data(result) == _open_data(newcomer)
        finally:
            for s in stores + observers:
                s.close()


@MERGE_SETTINGS
@given(history=st.lists(op, min_size=1, max_size=10))
def test_every_version_is_kept_somewhere(history):
    """Nothing is silently dropped: after everyone's files meet, every value of the answer
    any laptop shows is either shown or an open conflict at the meeting point — unless a
    later edit was made by a laptop that had seen it."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        stores, team = _laptops(root)
        try:
            counter = [0]
            for step in history:
                _apply(stores, team, step, root, counter)
            answer_id = fieldwork.answer_id(team.pair_interview, "role")
            shown = {}
            for i, s in enumerate(stores):
                with s.read() as session:
                    row = session.get(m.Answer, answer_id)
                    if row is not None:
                        shown[i] = (row.notes, row.field_clocks["notes"])
            files = [
                export(s, team.inspection, root / f"final{i}.zip") for i, s in enumerate(stores)
            ]
            meet = open_store(empty_data_dir(resolve_data_dir(root / "meet")))
            try:
                import_ok(meet, *files)
                with meet.read() as session:
                    row = session.get(m.Answer, answer_id)
                    kept = {}
                    if row is not None:
                        kept[row.field_clocks["notes"]] = row.notes
                        open_ = session.exec(
                            select(m.Conflict).where(
                                m.Conflict.row_id == answer_id,
                                m.Conflict.field == "notes",
                                col(m.Conflict.resolved_at).is_(None),
                            )
                        )
                        for c in open_:
                            kept[c.other_hlc] = c.other_value
                    # Everything the meeting point has seen of the field: its context.
                    seen = [*row.field_seen.get("notes", []), *kept] if row is not None else []
                    newest: dict[str, str] = {}
                    for stamp in seen:
                        newest[stamp[19:]] = max(newest.get(stamp[19:], ""), stamp)
                for notes, stamp in shown.values():
                    if stamp in kept:
                        assert kept[stamp] == notes
                    else:  # superseded: someone had seen it and wrote after it
                        assert newest.get(stamp[19:], "") >= stamp
            finally:
                meet.close()
        finally:
            for s in stores:
                s.close()
