"""Fuzzing report templates: a damaged or hostile .docx either makes a report or is refused
with one plain line naming the template — never another exception, never a partial output
file — and the database is never touched.

Mutations of a real letterhead template (made with python-docx, with a header and a
styled Normal): flipped, cut and inserted bytes of the whole zip; and, re-packed into a
valid zip so they get past the zip checks, damaged parts (XML cut short, bytes flipped,
random text inserted, a part replaced by garbage, removed, or renamed), extra parts
(including one that unpacks far larger than it is), and a mangled content-types list.
Active content is mixed in too: macro parts, relationships and content types (refused),
ActiveX controls, embedded objects and external relationships (left out). Whatever is
accepted, the report must hold none of them.
"""

from __future__ import annotations

import hashlib
import io
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pytest
from fuzz_log import FUZZ_EXAMPLES, record
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tenant_inspect import inspections
from tenant_inspect.errors import UserError
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.report import render_report
from tenant_inspect.store import Store, open_store

FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _template() -> bytes:
    import docx
    from docx.shared import Pt

    doc = docx.Document()
    doc.styles["Normal"].font.name = "Georgia"
    header = doc.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0].add_run("Vale Housing · 1 River Street").font.size = Pt(8)
    doc.add_paragraph("Letter text that never reaches the report.")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


TEMPLATE = _template()
with zipfile.ZipFile(io.BytesIO(TEMPLATE)) as _zf:
    MEMBERS = {i.filename: _zf.read(i) for i in _zf.infolist()}


@pytest.fixture
def world(tmp_path: Path):
    store = open_store(resolve_data_dir(tmp_path / "data"))
    with store.write() as s:
        insp = inspections.create_inspection(s, title="Fuzz report", landlord="Vale HA")
        inspections.add_area(s, insp.id, name="Repairs")
        inspection_id = insp.id
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


def attempt(store: Store, inspection_id: str, data: bytes) -> None:
    before = fingerprint(store)
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "hostile letterhead.docx"
        template.write_bytes(data)
        out_dir = Path(tmp) / "out"
        out_dir.mkdir()
        try:
            render_report(store, inspection_id, out_dir / "report.docx", template=template)
        except UserError as exc:
            text = str(exc)
            assert str(template) in text and "\n" not in text, text
            assert list(out_dir.iterdir()) == [], "a refused template left a file behind"
            record("template", "refused")
        else:
            [made] = list(out_dir.iterdir())
            assert made.name == "report.docx" and zipfile.is_zipfile(made)
            assert_no_active_content(made)
            record("template", "accepted")
    assert fingerprint(store) == before


RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
MS = "http://schemas.microsoft.com/office/2006/relationships/"
HYPERLINK = RT + "hyperlink"
#: (part, relationship type, target, external, content type) of active content to mix in.
ACTIVE = [
    (
        "word/vbaProject.bin",
        MS + "vbaProject",
        "vbaProject.bin",
        False,
        "application/vnd.ms-office.vbaProject",
    ),
    (
        "word/vbaData.xml",
        MS + "wordVbaData",
        "vbaData.xml",
        False,
        "application/vnd.ms-word.vbaData+xml",
    ),
    (
        "word/activeX/activeX1.xml",
        RT + "control",
        "activeX/activeX1.xml",
        False,
        "application/vnd.ms-office.activeX+xml",
    ),
    (
        "word/embeddings/oleObject1.bin",
        RT + "oleObject",
        "embeddings/oleObject1.bin",
        False,
        "application/vnd.openxmlformats-officedocument.oleObject",
    ),
    (
        "word/embeddings/Book1.xlsx",
        RT + "package",
        "embeddings/Book1.xlsx",
        False,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    ("", RT + "attachedTemplate", "http://evil.example/t.dotm", True, ""),
    ("", RT + "image", "http://evil.example/pixel.png", True, ""),
    ("", RT + "frame", "\\\\evil.example\\share\\f.html", True, ""),
    ("", HYPERLINK, "https://vale.example/", True, ""),
]


def add_active(members: dict[str, bytes], which: int, owner: str) -> None:
    """Add one kind of active content, related from ``owner``'s relationships part."""
    part, kind, target, external, content_type = ACTIVE[which]
    folder, _, name = owner.rpartition("/")
    rels = f"{folder}/_rels/{name}.rels" if folder else "_rels/.rels"
    xml = members.get(rels, f'<Relationships xmlns="{RELS}"></Relationships>'.encode())
    mode = ' TargetMode="External"' if external else ""
    rel = f'<Relationship Id="rIdActive{which}" Type="{kind}" Target="{target}"{mode}/>'
    members[rels] = xml.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
    if part:
        members[part] = b"<x/>" if part.endswith(".xml") else b"\xd0\xcf\x11\xe0 active"
        over = f'<Override PartName="/{part}" ContentType="{content_type}"/>'
        types = members.get("[Content_Types].xml", b"")
        members["[Content_Types].xml"] = types.replace(b"</Types>", over.encode() + b"</Types>")


def assert_no_active_content(report: Path) -> None:
    from lxml import etree

    with zipfile.ZipFile(report) as zf:
        for name in zf.namelist():
            low = name.lower()
            assert "vba" not in low and not low.startswith(("word/activex/", "word/embeddings/"))
            data = zf.read(name)
            assert b"evil.example" not in data, name
            if low == "[content_types].xml":
                assert not any(
                    w in data.lower() for w in (b"vba", b"macroenabled", b"activex", b"oleobject")
                )
            if low.endswith(".rels"):
                for rel in etree.fromstring(data):
                    if rel.get("TargetMode") == "External":
                        assert rel.get("Type") == HYPERLINK, (name, rel.get("Type"))


def test_damaged_template_bytes(world):
    store, inspection_id = world
    n = len(TEMPLATE)

    @FUZZ
    @given(
        flips=st.lists(st.tuples(st.integers(0, n - 1), st.integers(1, 255)), max_size=8),
        cut=st.one_of(st.none(), st.integers(0, n)),
        insert=st.one_of(
            st.none(), st.tuples(st.integers(0, n), st.binary(min_size=1, max_size=40))
        ),
    )
    def run(flips, cut, insert) -> None:
        data = bytearray(TEMPLATE)
        for pos, xor in flips:
            data[pos] ^= xor
        if insert is not None:
            data[insert[0] : insert[0]] = insert[1]
        if cut is not None:
            data = data[:cut]
        attempt(store, inspection_id, bytes(data))

    run()


@st.composite
def damaged_members(draw: st.DrawFn) -> bytes:
    members = dict(MEMBERS)
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(sorted(members)))
        data = members[name]
        how = draw(
            st.sampled_from(
                ["cut", "flip", "insert", "garbage", "remove", "rename", "extra", "bomb", "types"]
                + ["active"] * 3
            )
        )
        if how == "cut":
            members[name] = data[: draw(st.integers(0, len(data)))]
        elif how == "flip" and data:
            out = bytearray(data)
            for _ in range(draw(st.integers(1, 6))):
                out[draw(st.integers(0, len(out) - 1))] ^= draw(st.integers(1, 255))
            members[name] = bytes(out)
        elif how == "insert":
            pos = draw(st.integers(0, len(data)))
            text = draw(
                st.sampled_from([b"<w:p>", b"</w:body>", b"&", b"<!DOCTYPE x [<!ENTITY a 'b'>]>"])
                | st.binary(max_size=20)
            )
            members[name] = data[:pos] + text + data[pos:]
        elif how == "garbage":
            members[name] = draw(st.binary(max_size=200))
        elif how == "remove" and len(members) > 1:
            del members[name]
        elif how == "rename":
            members[
                draw(st.sampled_from(["../evil.xml", "/abs.xml", "word\\x.xml", name.upper()]))
            ] = members.pop(name)
        elif how == "extra":
            extra = draw(st.from_regex(r"[a-zA-Z][a-zA-Z0-9/._é\[\]-]{0,18}[a-z]", fullmatch=True))
            members[extra] = draw(st.binary(max_size=100))
        elif how == "bomb":
            members["word/media/big.bin"] = b"\0" * 30_000_000
        elif how == "active":
            owner = draw(
                st.sampled_from(
                    [
                        "",
                        "word/document.xml",
                        "word/settings.xml",
                        "word/header1.xml",
                        "word/styles.xml",
                    ]
                )
            )
            add_active(members, draw(st.integers(0, len(ACTIVE) - 1)), owner)
        elif how == "types":
            members["[Content_Types].xml"] = members.get("[Content_Types].xml", b"").replace(
                draw(st.sampled_from([b"document.main+xml", b"styles+xml", b"<Override", b"xml"])),
                draw(st.sampled_from([b"", b"template.main+xml", b"zzz"])),
            )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.filterwarnings("ignore:Duplicate name")  # duplicate part names on purpose
def test_damaged_template_parts(world):
    store, inspection_id = world

    @FUZZ
    @given(data=damaged_members())
    def run(data: bytes) -> None:
        attempt(store, inspection_id, data)

    run()
