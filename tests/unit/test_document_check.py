"""check-document's core: the figures read from documents the tests build, and the proposals.

Word files are built with python-docx; PDFs with matplotlib (always) and LibreOffice (where
it is installed), so the PDF reader is always exercised on real files.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import docx
import pytest

from tenant_inspect.document_check.check import Checked, DocumentsRefused, check_documents
from tests.support.built_documents import (
    ITALIC,
    PLAIN,
    SHARED,
    build_a,
    build_b,
    locked_pdf,
)
from tests.support.libreoffice import SOFFICE, to_pdf

TODAY = date(2026, 12, 5)


def _nonspace(text: str) -> int:
    return len("".join(text.split()))


def check(*paths: Path) -> list[Checked]:
    return check_documents(list(paths), TODAY)


def test_an_undated_italic_ornate_document(tmp_path: Path) -> None:
    (a,) = check(build_a(tmp_path / "a.docx"))
    f = a.figures
    assert f.dates == () and f.newest is None
    assert f.smallest_size == 10
    expected = 100 * _nonspace(ITALIC) / (_nonspace(ITALIC) + _nonspace(PLAIN))
    assert f.share_italic == pytest.approx(expected, abs=0.5)
    assert f.share_below_min == pytest.approx(expected, abs=0.5)
    assert f.ornate_fonts == ("Brush Script MT",)
    assert not f.has_headings
    assert f.formats == ()
    assert isinstance(f.reading_ease, float)
    assert [s.words for s in f.longest_sentences] == [17, 17, 17]
    lines = [x.line() for x in a.findings]
    assert (
        "Proposed weakness: it has no date on it, so a reader cannot tell whether it is current"
        in lines
    )
    assert (
        f"Proposed weakness: {expected:.0f} % of its text is italic, though large italic passages "
        "are hard to read (RNIB clear print)"
    ) in lines
    assert any("smaller than 12 pt (the smallest is 10 pt)" in x for x in lines)
    assert any("ornate lettering (Brush Script MT)" in x for x in lines)
    assert any("no headings" in x for x in lines)
    assert any("does not say it is available in other formats" in x for x in lines)
    answers = {x.question: x.value for x in a.answers}
    assert answers["dated"] == "no" and answers["font-size"] == "mostly"
    assert answers["typeface"] == "no" and answers["formats-offered"] == "no"


def test_a_dated_accessible_document(tmp_path: Path) -> None:
    (b,) = check(build_b(tmp_path / "b.docx"))
    f = b.figures
    assert [d.shown for d in f.dates] == ["2 May 2019", "1 March 2020", "14 June 2021"]
    assert f.newest is not None and f.newest.shown == "14 June 2021"
    assert f.newest_age == "5 years old"
    assert f.smallest_size == 12 and f.share_below_min == 0 and f.share_italic == 0
    assert f.has_headings and f.ornate_fonts == ()
    assert f.formats == ("large print", "Braille", "other languages")
    lines = [x.line() for x in b.findings]
    assert any(
        x.startswith("Proposed weakness: its newest date is 14 June 2021, 5 years") for x in lines
    )
    assert (
        "Proposed strength: it is in clear print: 12 pt or more, plain type, with headings" in lines
    )
    assert any(
        "available in other formats (large print, Braille, other languages)" in x for x in lines
    )
    answers = {x.question: x.value for x in b.answers}
    assert answers["date-on-document"] == "2021-06-14"
    assert answers["font-size"] == "yes" and answers["typeface"] == "yes"
    assert answers["formats"] == ["Braille", "Large print", "Other languages"]


@pytest.mark.parametrize(
    ("text", "shown"),
    [("Issued June 2025.", "June 2025"), ("Dated 3rd of May, 2024 here.", "3 May 2024")],
)
def test_months_and_written_days_are_dates(tmp_path: Path, text: str, shown: str) -> None:
    d = docx.Document()
    d.add_paragraph(text)
    d.save(str(tmp_path / "m.docx"))
    (m,) = check(tmp_path / "m.docx")
    assert m.figures.newest is not None and m.figures.newest.shown == shown


def test_repeated_paragraphs_name_the_other_document(tmp_path: Path) -> None:
    one = build_b(tmp_path / "policy.docx", extra=SHARED)
    two = build_a(tmp_path / "leaflet.docx")
    d = docx.Document(str(two))
    d.add_paragraph(SHARED.upper().replace(",", ""))  # normalised: case and punctuation
    d.add_paragraph("Call us on 0300 123 4567.")  # shared too, but too short to count
    d.save(str(two))
    d = docx.Document(str(one))
    d.add_paragraph("Call us on 0300 123 4567.")
    d.save(str(one))
    first, second = check(one, two)
    assert [(r.other, r.start) for r in first.figures.repeats] == [
        ("leaflet.docx", "Tenants can ask for a repair by phone, online or …"),
        ("leaflet.docx", "Every tenant has the right to be consulted before we …"),
    ]
    assert [r.other for r in second.figures.repeats] == ["policy.docx", "policy.docx"]
    assert any(
        'repeats 2 paragraphs of leaflet.docx word for word ("Tenants can ask' in x.line()
        for x in first.findings
    )
    answers = {x.question: x.value for x in first.answers}
    assert answers["consistency"] == "repeats" and answers["consistency-notes"] == "leaflet.docx"


def _pdf_with_matplotlib(path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(path) as pdf:
        fig = Figure(figsize=(8.27, 11.69))
        fig.text(0.1, 0.9, "Getting a repair", fontsize=18)
        fig.text(0.1, 0.8, "Tenants can ask for a repair by phone.", fontsize=12)
        fig.text(0.1, 0.7, "We always listen to you.", fontsize=10, fontstyle="italic")
        pdf.savefig(fig)
    return path


def test_a_pdf_drawn_with_matplotlib(tmp_path: Path) -> None:
    (p,) = check(_pdf_with_matplotlib(tmp_path / "m.pdf"))
    f = p.figures
    assert f.smallest_size == pytest.approx(10, abs=0.1)
    italic = _nonspace("We always listen to you.")
    total = (
        italic + _nonspace("Getting a repair") + _nonspace("Tenants can ask for a repair by phone.")
    )
    assert f.share_italic == pytest.approx(100 * italic / total, abs=0.5)
    assert f.share_below_min == pytest.approx(100 * italic / total, abs=0.5)
    assert f.has_headings


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_a_word_document_saved_as_pdf_by_libreoffice(tmp_path: Path) -> None:
    a = build_a(tmp_path / "a.docx")
    (pdf,) = to_pdf([a], tmp_path)
    (p,) = check(pdf)
    f = p.figures
    expected = 100 * _nonspace(ITALIC) / (_nonspace(ITALIC) + _nonspace(PLAIN))
    assert f.smallest_size == 10
    assert f.share_italic == pytest.approx(expected, abs=1)
    assert f.share_below_min == pytest.approx(expected, abs=1)
    assert not f.has_headings and f.newest is None


def _empty_pdf(path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    with PdfPages(path) as pdf:
        fig = Figure()
        fig.add_artist(matplotlib.patches.Rectangle((0.2, 0.2), 0.5, 0.5))
        pdf.savefig(fig)
    return path


def test_bad_files_are_refused_together_one_line_each(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(bytes(range(256)) * 4)
    zipped = tmp_path / "zipped.docx"
    shutil.make_archive(str(tmp_path / "z"), "zip", root_dir=tmp_path, base_dir="corrupt.docx")
    (tmp_path / "z.zip").rename(zipped)
    txt = tmp_path / "notes.txt"
    txt.write_text("hello")
    fake_pdf = tmp_path / "fake.pdf"
    fake_pdf.write_text("hello")
    empty = _empty_pdf(tmp_path / "scan.pdf")
    missing = tmp_path / "missing.docx"
    locked = locked_pdf(tmp_path / "locked.pdf")
    good = build_b(tmp_path / "good.docx")
    with pytest.raises(DocumentsRefused) as refused:
        check(corrupt, zipped, txt, fake_pdf, empty, missing, locked, good)
    problems = refused.value.problems
    assert problems == [
        f"{corrupt}: is not a Word .docx document (its content is something else)",
        f"{zipped}: cannot be opened as a Word document (damaged, protected with a password, "
        "or not really .docx)",
        f"{txt}: only Word (.docx) and PDF (.pdf) documents can be checked",
        f"{fake_pdf}: is not a PDF (its content is something else)",
        f"{empty}: this PDF has no text in it (only pictures, such as a scan), so it cannot "
        "be checked; ask for a copy with text",
        f"{missing}: no such file",
        f"{locked}: this PDF is locked with a password; ask for an unlocked copy",
    ]
