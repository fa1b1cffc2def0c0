"""Fuzzing questionnaire files: whatever a coordinator's editor (or a damaged USB stick) makes
of one, loading it either works or raises ``QuestionnaireError`` naming the file — never any
other exception — and a refused file never changes the database.

Two kinds of mutation of the built-in banks: edits of the TOML *text* (lines deleted,
duplicated, swapped or replaced; values swapped for other TOML values; random text inserted;
cut short), which reach the checker's deeper rules; and damage to the file's *bytes* (flips,
cuts, insertions, other encodings), which exercise reading and decoding. A file that loads
is then used the way the app uses one — an interview started with it, in one transaction —
which may itself refuse it (a changed file with the same version) and must then leave the
database exactly as it was.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import tempfile
from importlib import resources
from pathlib import Path

import pytest
from fuzz_log import FUZZ_EXAMPLES, record
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tenant_inspect import fieldwork, inspections
from tenant_inspect.errors import UserError
from tenant_inspect.plain_text import has_controls
from tenant_inspect.questionnaire import (
    Questionnaire,
    QuestionnaireError,
    load_questionnaire_file,
    parse_questionnaire,
)
from tenant_inspect.store import Store, open_store

FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
NAME = "hostile questionnaire.toml"
BANKS = {
    entry.name: entry.read_text(encoding="utf-8")
    for entry in resources.files("questionnaires").iterdir()
    if entry.name.endswith(".toml")
}
TOML_VALUES = [
    '""',
    '"x"',
    '"' + "y" * 500 + '"',
    "true",
    "false",
    "0",
    "-1",
    "99999999999999999999",
    "1e999",
    "nan",
    "inf",
    "3.5",
    "[]",
    '["a", 1]',
    "[[]]",
    "{}",
    '{ question = "nowhere", equals = "yes" }',
    '{ question = "role", equals = ["a", "b"] }',
    "2024-02-30",
    "1979-05-27T07:32:00Z",
    '"""multi\nline"""',
    "'literal'",
    '"\\u0000"',
    '"\\ud800"',
    '"tab\there"',
    '"interview"',
    '"text"',
    '"choice"',
    '"yes_no"',
    '"scale"',
    # Nesting that would make tomllib recurse until it crashes, and terminal control codes.
    "[" * 1000 + "]" * 1000,
    "{ a = " * 300 + "1" + " }" * 300,
    '["' + "[" * 200 + '"]',
    '"\\u001b]0;title\\u0007\\u001b[2J \u009b \u202e"',
]
KEY_VALUE = re.compile(r"^(\s*[A-Za-z0-9_.\"-]+\s*=\s*)(.+)$", re.MULTILINE)


@pytest.fixture
def db(tmp_path: Path):
    from tenant_inspect.locations import resolve_data_dir

    store = open_store(resolve_data_dir(tmp_path / "data"))
    with store.write() as s:
        inspection_id = inspections.create_inspection(s, title="Fuzz", landlord="L").id
    yield store, inspection_id
    store.close()


def fingerprint(store: Store) -> str:
    conn = sqlite3.connect(store.db_path)
    try:
        digest = hashlib.sha256()
        for (table,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
        ).fetchall():
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
                digest.update(repr(row).encode())
        return digest.hexdigest()
    finally:
        conn.close()


def check_refusal(exc: QuestionnaireError, name: str) -> None:
    text = str(exc)
    assert name in text, text
    assert exc.problems and all(p.source == name and p.message for p in exc.problems)
    assert "Traceback" not in text
    assert not has_controls(text), repr(text)


def check_texts(q: Questionnaire) -> None:
    """Nothing shown from an accepted questionnaire can carry a terminal control code."""
    texts = [q.title, q.version, q.audience, q.description]
    for section in q.sections:
        texts += [section.title, section.intro]
        for question in section.questions:
            texts += [question.text, question.hint]
            texts += [t for o in question.options for t in (o.value, o.label)]
            texts += list(question.scale_labels or ())
    assert not any(has_controls(t) for t in texts), texts


def use_it(store: Store, inspection_id: str, q: Questionnaire) -> str:
    """Start an interview with the questionnaire, as the app does; a refusal changes nothing."""
    before = fingerprint(store)
    try:
        with store.write() as s:
            if q.kind in ("interview", "observation"):
                fieldwork.add_interview(
                    s, inspection_id, interviewee_role="Officer", questionnaire=q
                )
            else:
                inspections.use_questionnaire(s, inspection_id, q)
    except UserError as exc:
        assert "\n" not in str(exc)
        assert fingerprint(store) == before
        return "refused"
    return "accepted"


@st.composite
def mutated_text(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(sorted(BANKS.values())))
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        op = draw(
            st.sampled_from(
                ["delete", "duplicate", "swap", "replace_line", "value", "insert", "cut"]
            )
        )
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "replace_line":
            lines[i] = draw(st.text(max_size=40))
        elif op == "value":
            matches = list(KEY_VALUE.finditer(text))
            if matches:
                match = draw(st.sampled_from(matches))
                value = draw(st.sampled_from(TOML_VALUES) | st.text(max_size=20))
                text = text[: match.start(2)] + value + text[match.end(2) :]
                continue
        elif op == "insert":
            pos = draw(st.integers(0, len(text)))
            text = text[:pos] + draw(st.text(min_size=1, max_size=20)) + text[pos:]
            continue
        elif op == "cut":
            text = text[: draw(st.integers(0, len(text)))]
            continue
        text = "\n".join(lines)
    return text


def test_mutated_questionnaire_text(db):
    store, inspection_id = db

    @FUZZ
    @given(text=mutated_text())
    def run(text: str) -> None:
        try:
            q = parse_questionnaire(text, NAME)
        except QuestionnaireError as exc:
            check_refusal(exc, NAME)
            record("questionnaire-text", "refused")
            return
        check_texts(q)
        record("questionnaire-text", use_it(store, inspection_id, q))

    run()


@st.composite
def mutated_bytes(draw: st.DrawFn) -> bytes:
    data = draw(st.sampled_from(sorted(BANKS.values()))).encode("utf-8")
    how = draw(st.sampled_from(["flips", "cut", "insert", "encoding", "bom"]))
    if how == "flips":
        out = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            out[draw(st.integers(0, len(out) - 1))] ^= draw(st.integers(1, 255))
        return bytes(out)
    if how == "cut":
        return data[: draw(st.integers(0, len(data)))]
    if how == "insert":
        pos = draw(st.integers(0, len(data)))
        return data[:pos] + draw(st.binary(min_size=1, max_size=30)) + data[pos:]
    if how == "encoding":
        codec = draw(st.sampled_from(["utf-16", "utf-32", "cp1252", "latin-1"]))
        return data.decode("utf-8").encode(codec, "replace")
    return b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n")  # Notepad's way: BOM, CRLF


def test_damaged_questionnaire_bytes(db):
    store, inspection_id = db

    @FUZZ
    @given(data=mutated_bytes())
    def run(data: bytes) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / NAME
            path.write_bytes(data)
            try:
                q = load_questionnaire_file(path)
            except QuestionnaireError as exc:
                check_refusal(exc, NAME)
                record("questionnaire-bytes", "refused")
                return
        check_texts(q)
        record("questionnaire-bytes", use_it(store, inspection_id, q))

    run()
