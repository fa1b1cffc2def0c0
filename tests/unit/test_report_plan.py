"""The landlord's action plan in the reports: the inspection report's prospects table and
appendix, and the progress report with its chart, read back from the files produced.

The small demo has a plan for four recommendations, two monitoring rounds (one action
slips, one is done) and the panel's prospects, so every part has real content.
"""

from __future__ import annotations

import base64
import re
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import docx
import pytest

from tenant_inspect import action_plan
from tenant_inspect.analysis import recommendations
from tenant_inspect.errors import UserError
from tenant_inspect.inspections import create_inspection
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.report import render_report
from tenant_inspect.report.export import build_report
from tenant_inspect.report.model import Heading, Image, Table
from tenant_inspect.store import Store, open_store
from tests.support.demo_copy import demo_data_dir
from tests.support.docx_reading import parts, small_or_italic_runs
from tests.support.libreoffice import SOFFICE, to_pdf


class Reports:
    def __init__(self, root: Path) -> None:
        data = resolve_data_dir(root / "data")
        self.iid = demo_data_dir(data)
        self.store: Store = open_store(data)
        self.main = root / "report.docx"
        self.progress = root / "progress.docx"
        self.progress_md = root / "progress.md"
        render_report(self.store, self.iid, self.main)
        self.result = render_report(self.store, self.iid, self.progress, progress_report=True)
        render_report(self.store, self.iid, self.progress_md, progress_report=True)

    def outline(self, **options: bool) -> list[object]:
        with self.store.read() as s:
            report, _ = build_report(s, self.iid, **options)
        return list(report.blocks)


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reports]:
    made = Reports(tmp_path_factory.mktemp("plan-reports"))
    yield made
    made.store.close()


def _text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _table(blocks: list[object], caption: str) -> Table:
    return next(b for b in blocks if isinstance(b, Table) and b.caption == caption)


# ---------------------------------------------------------------------------
# The inspection report
# ---------------------------------------------------------------------------


def test_prospects_table_follows_the_summary_of_judgements(reports: Reports) -> None:
    blocks = reports.outline()
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    at = headings.index("Summary of judgements")
    assert headings[at + 1] == "Prospects for improvement"
    rows = dict(_table(blocks, "Prospects for improvement").rows)
    assert rows == {
        "Track record of improvement": "A balance of strengths and weaknesses",
        "How well performance is managed": "Weaknesses outweigh strengths",
        "Capacity to improve": "Strengths outweigh weaknesses",
        "Overall": "Uncertain prospects",
    }
    # The generous grade is flagged to the coordinator, tied to the evidence.
    assert any(
        w.startswith("prospects for improvement: capacity to improve: strengths outweigh")
        and "of 4 items are off track or overdue" in w
        for w in reports.result.warnings
    )


def test_appendix_sets_out_the_plan_in_the_landlords_shape(reports: Reports) -> None:
    text = _text(reports.main)
    assert "The landlord's action plan" in text
    for label in (
        "Recommendation:",
        "Target date:",
        "Response:",
        "Responsible officer:",
        "Executive sponsor:",
        "Costs and resources:",
        "How customers will have a say:",
        "Key outcomes for customers",
        "Key actions and date",
        "Progress to date",
        "How we will know",
    ):
        assert label in text, label
    document = docx.Document(str(reports.main))
    plan_tables = [t for t in document.tables if t.rows[0].cells[0].text == "No."]
    r1 = next(t for t in plan_tables if t.rows[1].cells[0].text == "R1.1")
    row = [c.text for c in r1.rows[1].cells]
    # R1.1 slipped at the second round: the panel's latest note, and the date passed.
    assert row[3].startswith("Off track, overdue since 30 September 2026.")
    assert "Two pledges still have no owner." in row[3]
    assert row[2].endswith("By 30 September 2026")
    # A recommendation the landlord has not answered says so once.
    assert "The landlord has not yet answered this recommendation." in text


def test_appendix_ends_before_the_glossary(reports: Reports) -> None:
    headings = [(b.level, b.text) for b in reports.outline() if isinstance(b, Heading)]
    plan_at = headings.index((2, "The landlord's action plan"))
    assert (2, "Glossary") in headings[plan_at:]
    assert all(level == 3 for level, _ in headings[plan_at + 1 : plan_at + 5])


def test_an_inspection_without_a_plan_has_no_plan_in_its_report(tmp_path: Path) -> None:
    store = open_store(resolve_data_dir(tmp_path / "data"))
    with store.write() as s:
        iid = create_inspection(s, title="Repairs", landlord="Brook Homes").id
    with store.read() as s:
        report, _ = build_report(s, iid)
    headings = [b.text for b in report.blocks if isinstance(b, Heading)]
    assert "Prospects for improvement" not in headings
    assert "The landlord's action plan" not in headings
    with pytest.raises(UserError, match="no action plan yet"):
        render_report(store, iid, tmp_path / "p.docx", progress_report=True)
    assert not (tmp_path / "p.docx").exists()
    store.close()


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_the_progress_report_opens_in_libreoffice_with_its_chart_and_no_blank_page(
    reports: Reports, tmp_path: Path
) -> None:
    """(The inspection report, appendix and all, is opened in LibreOffice by
    ``test_report_docx.py``.)"""
    import pdfplumber

    (progress,) = to_pdf([reports.progress], tmp_path)
    with pdfplumber.open(progress) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
        images = [len(page.images) for page in pdf.pages]
    # Every page carries more than its footer ("Page 8 of 8"): no page left blank, such as
    # one holding only the paragraph Word needs after a closing table.
    body = [
        [line for line in text.splitlines() if not re.fullmatch(r"Page \d+ of \d+", line)]
        for text in pages
    ]
    assert all(body), [n + 1 for n, lines in enumerate(body) if not lines]
    assert "Progress by recommendation" in "\n".join(pages) and sum(images) >= 1


# ---------------------------------------------------------------------------
# The progress report
# ---------------------------------------------------------------------------


def test_progress_report_counts_and_overdue_actions(reports: Reports) -> None:
    blocks = reports.outline(progress_report=True)
    headings = [b.text for b in blocks if isinstance(b, Heading) and b.level == 1]
    assert headings == [
        "Summary",
        "Progress by recommendation",
        "Overdue actions",
        "What changed since the previous round",
        "Action by action",
        "Prospects for improvement",
        "What the words mean",
    ]
    counts = {row[0]: row[1] for row in _table(blocks, "Actions by status").rows}
    assert counts == {
        "Done": "1",
        "On track": "1",
        "At risk": "0",
        "Off track": "2",
        "Not started": "0",
        "All actions": "4",
    }
    overdue = _table(blocks, "Overdue actions").rows
    assert [row[0] for row in overdue] == ["R1.1", "R10.1"]
    assert overdue[0][4] == "Chief Executive"  # the responsible officer, by role


def test_progress_report_says_what_changed_since_the_previous_round(reports: Reports) -> None:
    text = _text(reports.progress)
    assert (
        "The round of 30 November 2026 (Quarter 2 review) compared with the round of "
        "31 August 2026 (Quarter 1 review):" in text
    )
    assert "R1.1: On track → Off track; progress note changed" in text
    assert "R6.1: On track → Done; progress note changed" in text


def test_progress_chart_is_a_picture_with_its_numbers_as_alt_text(reports: Reports) -> None:
    images = [b for b in reports.outline(progress_report=True) if isinstance(b, Image)]
    assert len(images) == 1  # 14 recommendations fit one chart
    assert images[0].png.startswith(b"\x89PNG")
    assert "one bar for each recommendation (R1 to R14)" in images[0].alt
    assert "R1: 1 off track." in images[0].alt and "R2: no actions yet." in images[0].alt
    # In the Word file: an inline picture whose description is that alt text.
    document = docx.Document(str(reports.progress))
    (shape,) = document.inline_shapes
    assert shape._inline.docPr.get("descr") == images[0].alt
    assert shape.width.pt == pytest.approx(images[0].width, abs=1)
    media = [n for n in parts(reports.progress) if n.startswith("word/media/")]
    assert len(media) == 1


def test_progress_report_is_12_point_without_italics(reports: Reports) -> None:
    count, bad = small_or_italic_runs(reports.progress, 12)
    assert bad == [] and count > 100


def test_progress_markdown_carries_the_chart_inside_the_file(reports: Reports) -> None:
    text = reports.progress_md.read_text(encoding="utf-8")
    start = text.index("](data:image/png;base64,")
    assert text[:start].rsplit("![", 1)[1].startswith("Bar chart of the action plan")
    data = text[start + len("](data:image/png;base64,") :].split(")", 1)[0]
    assert base64.b64decode(data).startswith(b"\x89PNG")


# ---------------------------------------------------------------------------
# Names and internal recommendations
# ---------------------------------------------------------------------------


@pytest.fixture
def named(tmp_path: Path) -> Iterator[tuple[Store, str]]:
    """A small plan whose monitoring note names an interviewee, and an internal recommendation."""
    store = open_store(resolve_data_dir(tmp_path / "data"))
    from tenant_inspect.analysis import add_recommendation
    from tenant_inspect.fieldwork import add_interview

    with store.write() as s:
        iid = create_inspection(s, title="Repairs", landlord="Brook Homes").id
        add_interview(s, iid, interviewee_role="Repairs Manager", interviewee_name="Dorothy Quenby")
        public_rec = add_recommendation(s, iid, text="Answer repair calls within a day.")
        internal = add_recommendation(s, iid, text="Retrain the call handlers.", internal=True)
        for rec in (internal, public_rec):
            item = action_plan.add_item(s, rec, key_actions=f"Act on: {rec.text}")
            round_ = action_plan.rounds(s, iid) or [
                action_plan.start_round(s, iid, held_on=date(2027, 1, 5), title="Q1")
            ]
            action_plan.record_entry(
                s,
                round_[0],
                item,
                status="at_risk",
                progress_note="Dorothy said the new rota is late; Quenby's team is short.",
            )
    yield store, iid
    store.close()


def test_names_in_monitoring_notes_never_reach_the_progress_report(
    named: tuple[Store, str], tmp_path: Path
) -> None:
    store, iid = named
    out = tmp_path / "progress.docx"
    result = render_report(store, iid, out, progress_report=True)
    with zipfile.ZipFile(out) as zf:
        xml = "".join(
            zf.read(n).decode("utf-8", "replace") for n in zf.namelist() if n.endswith(".xml")
        )
    assert "Dorothy" not in xml and "Quenby" not in xml
    assert "[Repairs Manager] said the new rota is late" in _text(out)
    assert result.redactions >= 2


def test_public_progress_report_leaves_internal_recommendations_out(
    named: tuple[Store, str], tmp_path: Path
) -> None:
    store, iid = named
    with store.read() as s:
        assert [r.internal for r in recommendations(s, iid)] == [False, True]
        public, _ = build_report(s, iid, public=True, progress_report=True)
        internal, _ = build_report(s, iid, progress_report=True)
    assert [row[0] for row in _table(list(public.blocks), "Actions for R1").rows] == ["R1.1"]
    assert not any("Retrain" in text for text in _strings(public.blocks))
    assert any("Retrain" in text for text in _strings(internal.blocks))
    assert _table(list(public.blocks), "Actions by status").rows[-1] == (
        "All actions",
        "1",
        "100%",
    )


def _strings(blocks: tuple[object, ...]) -> list[str]:
    from tenant_inspect.report.model import block_strings

    return list(block_strings(blocks))  # type: ignore[arg-type]
