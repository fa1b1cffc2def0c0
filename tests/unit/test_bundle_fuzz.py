"""Fuzzing: mutated files never crash the import and never change the database when refused.

Three kinds of mutation: raw bytes of the zip (flips, cuts, insertions — mostly caught by
the zip and checksum checks); mutations of the JSON inside, re-packed with a correct
manifest so that they reach the type, consistency and reference checks; and the families
of the second attack run — change stamps far ahead or at the year-2200 limit, control
characters in text, floods of rows around a table's limit, rows of derived-id tables under
another id. After every attempt no stored text holds a control character. An import either
succeeds (the mutation happened to be a valid file) or raises BundleRefused with one line;
anything else is a bug.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from bundle_helpers import (
    export,
    fingerprint,
    import_ok,
    laptop,
    make_team_inspection,
    read_members,
    write_members,
)
from fuzz_log import FUZZ_EXAMPLES, record
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tenant_inspect import analysis, fieldwork, records
from tenant_inspect import models as m
from tenant_inspect.bundle import BundleRefused
from tenant_inspect.merge import import_bundle

FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True)
    | st.text(max_size=30)
    | st.sampled_from(["", "0000000000000-0000-x", "2026-01-01", "strength", "x" * 200]),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=8,
)


def _world(tmp: Path):
    coord = laptop(tmp, "coord")
    team = make_team_inspection(coord)
    target = laptop(tmp, "target")
    import_ok(target, export(coord, team.inspection, tmp / "first.zip"))
    with coord.write() as s:
        analysis.update_finding(s, records.get(s, m.Finding, team.finding), text="Second version")
        interview = records.get(s, m.Interview, team.pair_interview)
        fieldwork.save_answer(s, interview, "role", value="Manager", notes="n")
        records.delete(s, records.get(s, m.Interview, team.cal_interview))
    second = export(coord, team.inspection, tmp / "second.zip")
    return coord, target, second


def _attempt(target, path: Path, family: str = "") -> None:
    before = fingerprint(target)
    kind = f"bundle-{family}" if family else "bundle"
    try:
        import_bundle(target, path)
    except BundleRefused as exc:
        assert "\n" not in str(exc) and str(exc).startswith(path.name)
        assert fingerprint(target) == before
        record(kind, "refused")
    else:
        record(kind, "accepted")


def test_fuzzed_zip_bytes(tmp_path):
    coord, target, second = _world(tmp_path)
    data = second.read_bytes()

    @FUZZ
    @given(
        flips=st.lists(st.tuples(st.integers(0, len(data) - 1), st.integers(1, 255)), max_size=6),
        cut=st.one_of(st.none(), st.integers(0, len(data))),
        insert=st.one_of(
            st.none(), st.tuples(st.integers(0, len(data)), st.binary(min_size=1, max_size=20))
        ),
    )
    def run(flips, cut, insert):
        mutated = bytearray(data)
        for pos, xor in flips:
            mutated[pos] ^= xor
        if insert is not None:
            mutated[insert[0] : insert[0]] = insert[1]
        if cut is not None:
            mutated = mutated[:cut]
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "fuzz.zip"
            path.write_bytes(bytes(mutated))
            _attempt(target, path)

    try:
        run()
    finally:
        coord.close()
        target.close()


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


def _set(doc: Any, path: tuple[Any, ...], action: str, new: Any) -> Any:
    if not path:
        return new if action == "replace" else doc
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    key = path[-1]
    if action == "delete":
        del parent[key]
    elif action == "replace":
        parent[key] = new
    elif action == "add" and isinstance(parent, dict):
        parent[f"{key}_extra"] = new
    elif action == "add" and isinstance(parent, list):
        parent.append(new)
    return doc


def test_fuzzed_json_content(tmp_path):
    coord, target, second = _world(tmp_path)
    members = read_members(second)
    names = sorted(n for n in members if n.endswith(".json"))

    @FUZZ
    @given(data=st.data())
    def run(data):
        name = data.draw(st.sampled_from(names))
        doc = json.loads(members[name])
        paths = _paths(doc)
        for _ in range(data.draw(st.integers(1, 3))):
            paths = _paths(doc)
            path = data.draw(st.sampled_from(paths))
            action = data.draw(st.sampled_from(["replace", "delete", "add"]))
            new = data.draw(json_values)
            if action == "delete" and not path:
                continue
            doc = _set(doc, path, action, new)
        changed = dict(members)
        changed[name] = json.dumps(doc, allow_nan=True).encode()
        with tempfile.TemporaryDirectory() as tmp:
            # Half the time the manifest is repaired, so the content reaches the deep checks.
            fix = name != "manifest.json" and data.draw(st.booleans())
            path = write_members(Path(tmp) / "fuzz.zip", changed, fix_manifest=fix)
            _attempt(target, path)

    try:
        run()
    finally:
        coord.close()
        target.close()


# ---------------------------------------------------------------------------
# The families of the second attack run: stamps, control characters, floods, derived ids
# ---------------------------------------------------------------------------

CONTROLS = ["\x1b]0;title\x07", "\x1b[2J", "\x00", "\u202e", "\x9b", "\x7f", "\x08", "\r"]
DAY_MS = 86_400_000
YEAR_2200_MS = 7_258_118_400_000
FIXED_KEYS = {"id", "inspection_id", "device_id", "hlc", "author_id", "created_at", "updated_at"}


def _text_columns_hold_controls(store) -> list[str]:
    """Every stored text that still holds a control character (none may, after an import)."""
    import sqlite3

    from tenant_inspect.plain_text import has_controls

    conn = sqlite3.connect(store.db_path)
    try:
        found = []
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'"):
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                found += [f"{table}: {v!r}" for v in row if isinstance(v, str) and has_controls(v)]
        return found
    finally:
        conn.close()


def test_fuzzed_hostile_families(tmp_path):
    import time
    import uuid

    from tenant_inspect import bundle_format

    coord, target, second = _world(tmp_path)
    members = read_members(second)
    now = int(time.time() * 1000)  # once: the strategy must not change between runs
    tables = sorted(
        n[len("data/") : -len(".json")]
        for n in members
        if n.startswith("data/") and json.loads(members[n])
    )

    @FUZZ
    @given(data=st.data())
    def run(data):
        changed = dict(members)
        family = data.draw(st.sampled_from(["stamp", "control", "flood", "derived"]))
        table = data.draw(st.sampled_from(tables))
        doc = json.loads(changed[f"data/{table}.json"])
        row = doc[data.draw(st.integers(0, len(doc) - 1))]
        if family == "stamp":
            ms = data.draw(
                st.sampled_from([YEAR_2200_MS - 1, YEAR_2200_MS, now + 89 * DAY_MS])
                | st.integers(-3650, 36500).map(lambda days: now + days * DAY_MS)
            )
            field = data.draw(st.sampled_from(sorted(row["field_clocks"])))
            row["field_clocks"][field] = f"{ms:013d}-0000-deadbeef"
        elif family == "control":
            # Free text (a space in it), not ids or fixed words: those refuse for other reasons.
            texts = [
                k for k, v in row.items() if isinstance(v, str) and " " in v and k not in FIXED_KEYS
            ]
            chosen = (
                data.draw(st.lists(st.sampled_from(texts), min_size=1, max_size=3)) if texts else []
            )
            for key in chosen:
                at = data.draw(st.integers(0, len(row[key])))
                bad = data.draw(st.sampled_from(CONTROLS))
                row[key] = row[key][:at] + bad + row[key][at:]
        elif family == "flood":
            small = [t for t in tables if bundle_format.MAX_TABLE_ROWS.get(t, 10**9) <= 300]
            table = data.draw(st.sampled_from(small))
            doc = json.loads(changed[f"data/{table}.json"])
            limit = bundle_format.MAX_TABLE_ROWS[table]
            template = doc[0]
            want = limit + data.draw(st.integers(-2, 3))
            doc += [{**template, "id": str(uuid.uuid4())} for _ in range(want - len(doc))]
        elif family == "derived":
            derived = [t for t in tables if t in bundle_format.DERIVED_IDS]
            table = data.draw(st.sampled_from(derived))
            doc = json.loads(changed[f"data/{table}.json"])
            doc[data.draw(st.integers(0, len(doc) - 1))]["id"] = str(uuid.uuid4())
        changed[f"data/{table}.json"] = json.dumps(doc).encode()
        with tempfile.TemporaryDirectory() as tmp:
            path = write_members(Path(tmp) / f"{family}.zip", changed, fix_manifest=True)
            _attempt(target, path, family)
        assert _text_columns_hold_controls(target) == []

    try:
        run()
    finally:
        coord.close()
        target.close()
