"""Large print (``report --large-print``), read back from the Word files produced.

Clear-print guidance: at least 16 pt, a plain sans serif, left-aligned (never justified),
generous line spacing, page numbers on every page. Checked on the inspection report and the
progress report of the small demo, and on a template that breaks every one of those rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from tenant_inspect.errors import UserError
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.report import render_report
from tenant_inspect.report.charts import status_chart
from tenant_inspect.store import Store, open_store
from tests.support.demo_copy import demo_data_dir
from tests.support.docx_reading import W, parts, small_or_italic_runs


class Made:
    def __init__(self, root: Path) -> None:
        self.root = root
        data = resolve_data_dir(root / "data")
        self.iid = demo_data_dir(data)
        self.store: Store = open_store(data)
        self.report = root / "report.docx"
        self.progress = root / "progress.docx"
        render_report(self.store, self.iid, self.report, large_print=True)
        render_report(self.store, self.iid, self.progress, large_print=True, progress_report=True)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Made]:
    m = Made(tmp_path_factory.mktemp("large-print"))
    yield m
    m.store.close()


@pytest.mark.parametrize("which", ["report", "progress"])
def test_every_word_is_at_least_16_point_and_never_italic(made: Made, which: str) -> None:
    count, bad = small_or_italic_runs(getattr(made, which), 16)
    assert bad == [] and count > 100


@pytest.mark.parametrize("which", ["report", "progress"])
def test_sans_serif_left_aligned_and_generously_spaced(made: Made, which: str) -> None:
    path = getattr(made, which)
    for name, data in parts(path).items():
        if name.endswith(".xml"):
            assert not re.search(rb'<w:jc w:val="(both|distribute)"', data), name
    fonts = set(re.findall(rb'w:ascii="([^"]+)"', parts(path)["word/styles.xml"]))
    assert fonts == {b"Arial"}
    document = docx.Document(str(path))
    body = document.styles["Normal"]
    line = body.element.find(f"{W}pPr/{W}spacing").get(f"{W}line")
    assert int(line) / 20 >= 1.5 * body.font.size.pt  # twips: at least 1.5 lines


@pytest.mark.parametrize("which", ["report", "progress"])
def test_a_page_number_on_every_page_the_title_page_too(made: Made, which: str) -> None:
    document = docx.Document(str(getattr(made, which)))
    section = document.sections[-1]
    assert not section.different_first_page_header_footer
    assert "PAGE" in section.footer._element.xml


def test_the_chart_grows_with_the_text() -> None:
    rows = [("R1", {"done": 2, "off_track": 1}), ("R2", {})]
    small, large = status_chart(rows, width=451), status_chart(rows, width=451, font_pt=16)
    assert large.height > small.height and large.width == small.width


def test_a_template_that_breaks_the_rules_is_brought_up_to_large_print(
    made: Made, tmp_path: Path
) -> None:
    template = tmp_path / "letterhead.docx"
    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(10)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    doc.save(str(template))
    out = tmp_path / "report.docx"
    render_report(made.store, made.iid, out, template=template, large_print=True)
    assert small_or_italic_runs(out, 16)[1] == []
    styles_xml = parts(out)["word/styles.xml"]
    assert b"Times New Roman" not in styles_xml
    assert not re.search(rb'<w:jc w:val="both"', styles_xml)


def test_markdown_has_no_large_print_and_nothing_is_written(made: Made, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="large-print is for a Word report"):
        render_report(made.store, made.iid, tmp_path / "r.md", large_print=True)
    assert not (tmp_path / "r.md").exists()
