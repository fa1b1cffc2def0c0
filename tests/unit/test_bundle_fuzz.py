"""Fuzzing: mutated files never crash the import and never change the database when refused.

Two kinds of mutation: raw bytes of the zip (flips, cuts, insertions — mostly caught by the
zip and checksum checks), and mutations of the JSON inside, re-packed with a correct
manifest so that they reach the type, consistency and reference checks. An import either
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


def _attempt(target, path: Path) -> None:
    before = fingerprint(target)
    try:
        import_bundle(target, path)
    except BundleRefused as exc:
        assert "\n" not in str(exc) and str(exc).startswith(path.name)
        assert fingerprint(target) == before
        record("bundle", "refused")
    else:
        record("bundle", "accepted")


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
