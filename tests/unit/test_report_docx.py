"""The Word report, read back from the file: structure, accessibility, privacy, templates.

Everything is checked on the produced .docx itself (python-docx and the raw XML of every
part in the zip), never on the renderer's intentions. The golden test compares the style,
text and bold/italic flags of every paragraph of the small demo's report with
``tests/golden/report_small.json``; after a deliberate change, regenerate it with
``UPDATE_GOLDEN=1 pytest tests/unit/test_report_docx.py`` and read the diff.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from tenant_inspect import models as m
from tenant_inspect import records
from tenant_inspect.demo import DEMO_INTERVIEWEE_NAMES
from tenant_inspect.errors import UserError
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.report import ReportResult, render_report
from tenant_inspect.report.export import build_report
from tenant_inspect.store import Store, open_store
from tests.support.demo_copy import demo_data_dir
from tests.support.docx_reading import (
    TRUE,
    W,
    parts,
    small_or_italic_runs,
    xml_part,
)
from tests.support.libreoffice import SOFFICE, to_pdf

GOLDEN = Path(__file__).parents[1] / "golden" / "report_small.json"


# ---------------------------------------------------------------------------
# Fixtures: the small demo exported once, in every flavour
# ---------------------------------------------------------------------------


class Exported:
    def __init__(self, root: Path) -> None:
        self.root = root
        data = resolve_data_dir(root / "data")
        self.iid = demo_data_dir(data)
        self.store: Store = open_store(data)
        self.docx = root / "report.docx"
        self.public = root / "public.docx"
        self.md = root / "report.md"
        self.progress: list[tuple[float, str]] = []
        self.result: ReportResult = render_report(
            self.store,
            self.iid,
            self.docx,
            progress=lambda f, msg: self.progress.append((f, msg)),
        )
        render_report(self.store, self.iid[:8], self.public, public=True)
        render_report(self.store, self.iid, self.md)


@pytest.fixture(scope="module")
def ex(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Exported]:
    exported = Exported(tmp_path_factory.mktemp("docx"))
    yield exported
    exported.store.close()


def _docx(path: Path) -> Any:
    import docx

    return docx.Document(str(path))


def _headings(path: Path) -> list[tuple[int, str]]:
    out = []
    for p in _docx(path).paragraphs:
        match = re.fullmatch(r"Heading (\d)", p.style.name)
        if match:
            out.append((int(match.group(1)), p.text))
    return out


# ---------------------------------------------------------------------------
# Structure
# ---------------------------------------------------------------------------


def test_result_and_progress(ex: Exported) -> None:
    assert ex.result.path == ex.docx and ex.result.format == "Word"
    assert ex.result.sections == 17
    assert any("interviewees' names" in w for w in ex.result.warnings)
    fractions = [f for f, _ in ex.progress]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    assert all(isinstance(msg, str) and msg for _, msg in ex.progress)


def test_headings_and_their_order_match_the_outline(ex: Exported) -> None:
    with ex.store.read() as session:
        report, _ = build_report(session, ex.iid)
    expected = [(h.level, h.text) for h in report.headings()]
    assert _headings(ex.docx) == expected
    levels = [level for level, _ in expected]
    assert levels[0] == 1 and all(b <= a + 1 for a, b in itertools.pairwise(levels))
    doc = _docx(ex.docx)
    assert doc.paragraphs[0].style.name == "Title"


def test_the_judgement_table(ex: Exported) -> None:
    doc = _docx(ex.docx)
    tables = [
        [[c.text for c in row.cells] for row in t.rows]
        for t in doc.tables
        if [c.text for c in t.rows[0].cells] == ["Section", "Area", "Judgement"]
    ]
    assert len(tables) == 1
    rows = tables[0][1:]
    assert rows[0] == ["A", "Desktop review", "A balance of strengths and weaknesses"]
    assert rows[4] == ["E", "Repairs and Maintenance", "Weaknesses outweigh strengths"]
    assert [r[0] for r in rows] == list("ABCDEFGH")


def test_recommendations_are_numbered_r1_to_rn_as_text(ex: Exported) -> None:
    numbers = [t for level, t in _headings(ex.docx) if level == 2 and re.fullmatch(r"R\d+", t)]
    assert numbers == [f"R{n}" for n in range(1, 15)]
    body = parts(ex.docx)["word/document.xml"].decode()
    # R-numbers are text, never Word list numbering that could restart or run on
    assert "ListNumber" not in body and 'w:numFmt w:val="decimal"' not in body


def test_every_table_header_row_repeats_and_tables_have_captions(ex: Exported) -> None:
    body = xml_part(ex.docx, "word/document.xml")
    tables = body.findall(f".//{W}tbl")
    assert len(tables) >= 8
    for tbl in tables:
        rows = tbl.findall(f"{W}tr")
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
        assert all(r.find(f"{W}trPr/{W}tblHeader") is None for r in rows[1:])
        assert tbl.find(f"{W}tblPr/{W}tblCaption").get(f"{W}val")


def test_page_number_field_in_the_footer(ex: Exported) -> None:
    files = parts(ex.docx)
    footers = [n for n in files if re.fullmatch(r"word/footer\d*\.xml", n)]
    assert footers
    found = False
    for name in footers:
        root = etree.fromstring(files[name])
        runs = root.findall(f".//{W}r")
        for i, run in enumerate(runs):
            instr = run.find(f"{W}instrText")
            if instr is not None and instr.text.strip() == "PAGE":
                # begin / instruction / separate / result / end, each in its own run
                begin, sep, result, end = runs[i - 1], runs[i + 1], runs[i + 2], runs[i + 3]
                assert begin.find(f"{W}fldChar").get(f"{W}fldCharType") == "begin"
                assert sep.find(f"{W}fldChar").get(f"{W}fldCharType") == "separate"
                assert result.find(f"{W}t").text == "1"
                assert end.find(f"{W}fldChar").get(f"{W}fldCharType") == "end"
                found = True
    assert found
    doc = _docx(ex.docx)
    assert doc.sections[0].different_first_page_header_footer  # no number on the title page
    assert "Page" in doc.sections[0].footer.paragraphs[0].text


def test_the_contents_is_a_toc_field_prefilled_with_linked_headings(ex: Exported) -> None:
    body = xml_part(ex.docx, "word/document.xml")
    instr = [i.text for i in body.iter(f"{W}instrText")]
    assert ' TOC \\o "1-1" \\h \\z \\u ' in instr
    styles = xml_part(ex.docx, "word/styles.xml")
    toc_ids = {
        s.get(f"{W}styleId")
        for s in styles.findall(f"{W}style")
        if s.find(f"{W}name").get(f"{W}val") == "toc 1"
    }
    entries = [
        p
        for p in body.iter(f"{W}p")
        if p.find(f"{W}pPr/{W}pStyle") is not None
        and p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") in toc_ids
    ]
    bookmarks = {
        b.get(f"{W}name"): "".join(t.text for t in b.getparent().iter(f"{W}t"))
        for b in body.iter(f"{W}bookmarkStart")
    }
    level_one = [t for level, t in _headings(ex.docx) if level == 1]
    texts, pages = [], []
    for p in entries:
        link = p.find(f"{W}hyperlink")
        text = "".join(t.text for t in link.iter(f"{W}t"))
        title, _, page = text.rpartition("\n") if "\n" in text else (text, "", "")
        runs = link.findall(f"{W}r")
        title = runs[0].find(f"{W}t").text
        page = [r.find(f"{W}t").text for r in runs if r.find(f"{W}t") is not None][-1]
        assert bookmarks[link.get(f"{W}anchor")] == title  # links to its own heading
        pagerefs = [i.text for i in link.iter(f"{W}instrText")]
        assert pagerefs == [f" PAGEREF {link.get(f'{W}anchor')} \\h "]
        texts.append(title)
        pages.append(int(page))
    assert texts == level_one
    assert pages == sorted(pages) and pages[0] == 2
    # field begin in the first entry, end in the last
    first_types = [f.get(f"{W}fldCharType") for f in entries[0].iter(f"{W}fldChar")]
    last_types = [f.get(f"{W}fldCharType") for f in entries[-1].iter(f"{W}fldChar")]
    assert first_types[:2] == ["begin", "separate"] and last_types[-1] == "end"
    settings = parts(ex.docx)["word/settings.xml"].decode()
    assert '<w:updateFields w:val="true"/>' in settings


def test_core_properties_and_language(ex: Exported) -> None:
    props = _docx(ex.docx).core_properties
    assert props.title == "Resident involvement: staff pledges and objectives"
    assert props.author == "The tenant inspectors, Riverside Vale Housing Association"
    assert props.language == "en-GB"
    assert props.subject.startswith("Tenant inspection of")
    styles = xml_part(ex.docx, "word/styles.xml")
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "en-GB"
    settings = parts(ex.docx)["word/settings.xml"].decode()
    assert 'w:themeFontLang w:val="en-GB"' in settings


# ---------------------------------------------------------------------------
# Accessibility: sizes and italics, resolved as a word processor does
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["docx", "public"])
def test_every_run_is_at_least_12_point_and_never_italic(ex: Exported, which: str) -> None:
    count, bad = small_or_italic_runs(getattr(ex, which), 12)
    assert bad == [] and count > 500


def test_no_style_and_no_part_turns_italics_on_or_goes_below_12_point(ex: Exported) -> None:
    italic_on = re.compile(rb'<w:i(Cs)?(\s+w:val="(1|true|on)")?\s*/>')
    small = re.compile(rb'<w:sz(Cs)? w:val="(\d+)"')
    for name, data in parts(ex.docx).items():
        if name.endswith(".xml"):
            assert not italic_on.search(data), name
            sizes = [int(v) for _, v in small.findall(data)]
            assert all(v >= 24 for v in sizes), (name, sorted(sizes)[:3])
    import docx

    doc = docx.Document(str(ex.docx))
    for style in doc.styles:
        font = getattr(style, "font", None)
        if font is not None:
            assert font.italic is not True, style.name


# ---------------------------------------------------------------------------
# Privacy
# ---------------------------------------------------------------------------


def _name_forms() -> list[str]:
    forms = []
    for name in DEMO_INTERVIEWEE_NAMES:
        parts = name.split()
        forms += [name, f"{parts[0]} {parts[-1]}", f"Mr {parts[-1]}", f"Mrs {parts[-1]}"]
    return [f.casefold() for f in forms]


@pytest.mark.parametrize("which", ["docx", "public", "md"])
def test_no_interviewee_name_in_any_part_of_any_export(ex: Exported, which: str) -> None:
    path = getattr(ex, which)
    if path.suffix == ".md":
        texts = {"markdown": re.sub(r"\\(.)", r"\1", path.read_text(encoding="utf-8"))}
    else:
        texts = {n: d.decode("utf-8", "replace") for n, d in parts(path).items()}
    forms = _name_forms()
    for name, text in texts.items():
        flat = re.sub(r"\s+", " ", text).casefold()
        for form in forms:
            assert form not in flat, (name, form)
    assert any("[Housing Manager]" in t for t in texts.values()) or which == "public"


def test_public_version_leaves_out_internal_findings_and_conclusions(tmp_path: Path) -> None:
    data = resolve_data_dir(tmp_path / "data")
    iid = demo_data_dir(data)
    store = open_store(data)
    try:
        with store.write() as session:
            conclusion = records.live(session, m.Conclusion, inspection_id=iid)[0]
            records.update(session, conclusion, internal=True)
            secret = conclusion.text
        full, public = tmp_path / "full.docx", tmp_path / "public.docx"
        render_report(store, iid, full)
        render_report(store, iid, public, public=True)
    finally:
        store.close()

    def text(path: Path) -> str:
        doc = _docx(path)
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in doc.paragraphs] + cells)

    full_text, public_text = text(full), text(public)
    assert secret in full_text and secret not in public_text
    assert "asked that his comments on falling attendance" in full_text
    assert "asked that his comments on falling attendance" not in public_text
    assert "(internal)" in full_text and "(internal)" not in public_text
    assert _docx(public).core_properties.content_status == "Public"


# ---------------------------------------------------------------------------
# Golden structure
# ---------------------------------------------------------------------------


def _flags(runs: list[Any], tag: str) -> str:
    texts = [r for r in runs if "".join(t.text or "" for t in r.iter(f"{W}t")).strip()]
    on = [
        r
        for r in texts
        if r.find(f"{W}rPr/{W}{tag}") is not None
        and (r.find(f"{W}rPr/{W}{tag}").get(f"{W}val") or "1").lower() in TRUE
    ]
    if not on:
        return ""
    letter = "b" if tag == "b" else "i"
    return letter.upper() if len(on) == len(texts) else letter


def structure(path: Path) -> list[list[str]]:
    """[style name, text, flags] for every paragraph, table cells included, in order."""
    from docx.table import Table

    out = []
    doc = _docx(path)

    def para(p: Any, where: str = "") -> None:
        runs = list(p._p.iter(f"{W}r"))
        flags = _flags(runs, "b") + _flags(runs, "i")
        out.append([where + p.style.name, p.text, flags])

    for item in doc.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        para(p, "table: ")
        else:
            para(item)
    return out


def test_golden_structure_of_the_small_demo(ex: Exported) -> None:
    actual = structure(ex.docx)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        lines = ",\n".join(json.dumps(row, ensure_ascii=False) for row in actual)
        GOLDEN.write_text(f"[\n{lines}\n]\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert actual == expected
    assert not any("I" in f or "i" in f for _, _, f in actual)


# ---------------------------------------------------------------------------
# Markdown has the same headings
# ---------------------------------------------------------------------------


def test_markdown_export_has_the_same_headings(ex: Exported) -> None:
    md = ex.md.read_text(encoding="utf-8")
    headings = [
        (len(m.group(1)), re.sub(r"\\(.)", r"\1", m.group(2)))
        for m in re.finditer(r"^(#{1,6}) (.+)$", md, re.MULTILINE)
    ]
    assert headings == _headings(ex.docx)
    assert md.startswith('---\ntitle: "Resident involvement: staff pledges and objectives"')
    assert "| Section | Area | Judgement |" in md


# ---------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------


def _letterhead(path: Path) -> Path:
    import docx
    from docx.shared import Pt

    doc = docx.Document()
    doc.styles["Normal"].font.name = "Georgia"
    header = doc.sections[0].header
    header.is_linked_to_previous = False
    run = header.paragraphs[0].add_run("Riverside Vale Housing Association · 1 River Street")
    run.font.size = Pt(8)
    run.font.italic = True
    doc.add_paragraph("Dear resident, this letter must not appear in the report.")
    doc.core_properties.author = "Somebody Else"
    doc.save(str(path))
    return path


def test_a_template_gives_styles_headers_and_an_empty_body(tmp_path: Path, ex: Exported) -> None:
    template = _letterhead(tmp_path / "letterhead.docx")
    out = tmp_path / "with-letterhead.docx"
    render_report(ex.store, ex.iid, out, template=template)
    doc = _docx(out)
    assert (
        "Riverside Vale Housing Association · 1 River Street"
        in doc.sections[0].header.paragraphs[0].text
    )
    assert doc.styles["Normal"].font.name == "Georgia"
    all_text = "\n".join(p.text for p in doc.paragraphs)
    assert "must not appear" not in all_text
    assert doc.core_properties.author.startswith("The tenant inspectors")
    assert _headings(out) == _headings(ex.docx)
    assert small_or_italic_runs(out, 12)[1] == []
    footers = [d for n, d in parts(out).items() if re.fullmatch(r"word/footer\d*\.xml", n)]
    assert any(b" PAGE " in d for d in footers)


def _retyped(src: Path, dest: Path, content_type: str) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.document.main+xml", content_type.encode())
            zout.writestr(item, data)
    return dest


def _without_heading_2(src: Path, dest: Path) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/styles.xml":
                data = re.sub(
                    rb'<w:style [^>]*w:styleId="Heading2".*?</w:style>', b"", data, flags=re.S
                )
            zout.writestr(item, data)
    return dest


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.docx", "does not exist"),
        (lambda d: d, "is a folder"),
        (lambda d: (d / "notes.docx").write_text("hello") and d / "notes.docx", "not a zip file"),
        (lambda d: shutil.copy(_letterhead(d / "a.docx"), d / "a.dotx") and d / "a.dotx", ".dotx"),
        (
            lambda d: _retyped(
                _letterhead(d / "b.docx"), d / "renamed.docx", "wordprocessingml.template.main+xml"
            ),
            "is a Word template",
        ),
        (
            lambda d: _without_heading_2(_letterhead(d / "c.docx"), d / "plain.docx"),
            "has no 'Heading 2' style",
        ),
        (
            lambda d: _zip_without_word(d / "other.docx"),
            "is not a Word document",
        ),
    ],
    ids=["missing", "folder", "not-a-zip", "dotx", "template-content-type", "no-heading-2", "zip"],
)
def test_template_errors_name_the_file_and_leave_no_output(
    tmp_path: Path, ex: Exported, make: Any, message: str
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    template = make(templates)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(UserError) as err:
        render_report(ex.store, ex.iid, out_dir / "report.docx", template=template)
    text = str(err.value)
    assert message in text and str(template) in text and "\n" not in text
    assert list(out_dir.iterdir()) == []


def _zip_without_word(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "not a document")
    return path


def test_template_with_markdown_is_refused(tmp_path: Path, ex: Exported) -> None:
    with pytest.raises(UserError, match="only be used for a Word report"):
        render_report(ex.store, ex.iid, tmp_path / "r.md", template=tmp_path / "t.docx")
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------------------
# Writing safely
# ---------------------------------------------------------------------------


def test_a_failed_export_leaves_the_previous_file_and_no_temp_file(
    tmp_path: Path, ex: Exported, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.docx"
    target.write_bytes(b"the previous report")

    def broken(report: Any, fh: Any, **kwargs: Any) -> list[str]:
        fh.write(b"PK half a document")
        raise RuntimeError("disk trouble")

    monkeypatch.setattr("tenant_inspect.report.docx.write_docx", broken)
    with pytest.raises(RuntimeError):
        render_report(ex.store, ex.iid, target)
    assert target.read_bytes() == b"the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx"]


def test_wrong_extension_and_missing_folder_are_user_errors(tmp_path: Path, ex: Exported) -> None:
    with pytest.raises(UserError, match=r"must end in \.docx \(Word\) or \.md"):
        render_report(ex.store, ex.iid, tmp_path / "report.pdf")
    with pytest.raises(UserError, match="does not exist"):
        render_report(ex.store, ex.iid, tmp_path / "nowhere" / "report.docx")
    assert list(tmp_path.iterdir()) == []


def test_report_file_is_private(ex: Exported) -> None:
    """An internal report quotes interviews: only its owner may read it (docs/data-safety.md)."""
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    assert ex.docx.stat().st_mode & 0o777 == 0o600


def test_importing_any_core_module_does_not_import_docx() -> None:
    """python-docx (~0.1 s) loads only when a Word report is written."""
    code = (
        "import sys, importlib, pkgutil, tenant_inspect\n"
        "for m in pkgutil.walk_packages(tenant_inspect.__path__, 'tenant_inspect.'):\n"
        "    if '.migrations.' in m.name or m.name.endswith('__main__'): continue\n"
        "    importlib.import_module(m.name)\n"
        "print(sorted(k for k in sys.modules if k == 'docx' or k.startswith('docx.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------------------
# LibreOffice
# ---------------------------------------------------------------------------


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_report_and_the_contents_pages_are_right(
    ex: Exported, tmp_path: Path
) -> None:
    (pdf,) = to_pdf([ex.docx], tmp_path)
    assert pdf.stat().st_size > 20_000
    if shutil.which("pdftotext") is None:
        return
    pages = []
    for n in range(1, 200):
        out = subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
        )
        if out.returncode != 0:
            break
        pages.append(out.stdout)
    # The landlord's action plan is there as the appendix (issue 12).
    assert "The landlord's action plan" in "\n".join(pages)
    contents = next(i for i, p in enumerate(pages) if re.search(r"^\s*Contents\s*$", p, re.M))
    entries = re.findall(r"^\s*(.+?)\s*\.{3,}\s*(\d+)\s*$", pages[contents], re.M)
    assert [t for t, _ in entries] == [t for level, t in _headings(ex.docx) if level == 1]
    for title, page in entries:
        actual = [
            i + 1
            for i, text in enumerate(pages)
            if i != contents and any(line.strip() == title for line in text.splitlines())
        ]
        # the estimate matches LibreOffice's layout exactly here; allow a page for fonts
        assert any(abs(int(page) - a) <= 1 for a in actual), (title, page, actual)
