"""What a reader of the report notices (issue 15): bulleted overall conclusions, a glossary
of the terms the report uses, a questionnaire appendix without the inspectors' notes fields
(and one that can be left out), and page breaks only before major sections.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.report.model import block_strings
from tenant_inspect.report.outline import (
    AreaData,
    Bullets,
    ConclusionData,
    Heading,
    Paragraph,
    Report,
    ReportData,
    Table,
    build_outline,
    load_report_data,
)
from tenant_inspect.store import open_store
from tests.support.demo_copy import demo_data_dir


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> ReportData:
    data = resolve_data_dir(Path(tmp_path_factory.mktemp("reading")))
    iid = demo_data_dir(data)
    store = open_store(data)
    try:
        with store.read() as session:
            return load_report_data(session, iid)
    finally:
        store.close()


@pytest.fixture(scope="module")
def report(data: ReportData) -> Report:
    return build_outline(data)


def _section(report: Report, title: str, level: int = 1) -> list[object]:
    blocks = list(report.blocks)
    start = next(
        i
        for i, b in enumerate(blocks)
        if isinstance(b, Heading) and b.level == level and b.text == title
    )
    end = next(
        (
            i
            for i in range(start + 1, len(blocks))
            if isinstance(blocks[i], Heading) and blocks[i].level <= level  # type: ignore[union-attr]
        ),
        len(blocks),
    )
    return blocks[start + 1 : end]


def test_overall_conclusions_are_a_bulleted_list(report: Report, data: ReportData) -> None:
    section = _section(report, "Conclusions")
    overall = [c for c in data.conclusions if c.area_id is None]
    assert len(overall) > 1
    assert not any(isinstance(b, Paragraph) for b in section)
    (bullets,) = section
    assert isinstance(bullets, Bullets)
    assert bullets.items == tuple(" ".join(c.text.split()) for c in overall)


def test_an_internal_overall_conclusion_is_labelled_and_a_typed_paragraph_stays_one_point() -> None:
    data = ReportData(
        title="T",
        landlord="L",
        conclusions=(
            ConclusionData("c1", None, "First point.\n\nStill the first point."),
            ConclusionData("c2", None, "Second point.", internal=True),
        ),
    )
    (bullets,) = _section(build_outline(data), "Conclusions")
    assert isinstance(bullets, Bullets)
    assert bullets.items == ("First point. Still the first point.", "Second point.")
    assert bullets.leads == ("", "Internal: ")


def test_area_sections_end_with_their_recommendations_by_number(report: Report) -> None:
    section = _section(report, "G. Finance")
    heading = section.index(Heading(2, "Recommendations"))
    recs = section[heading + 1]
    assert isinstance(recs, Bullets)
    assert recs.leads and all(lead.startswith("R") for lead in recs.leads)


def _glossary(report: Report) -> dict[str, str]:
    tables = [b for b in _section(report, "Glossary", 2) if isinstance(b, Table)]
    return {row[0]: row[1] for t in tables for row in t.rows}


def test_the_appendix_explains_kloe_and_the_terms_the_report_uses(report: Report) -> None:
    glossary = _glossary(report)
    assert "KLOE" in glossary and "Key line of enquiry" in glossary["KLOE"]
    assert "value for money" in glossary["KLOE"]
    assert "Four-point scale" in glossary
    for term in ("Strength", "Weakness", "Good practice", "Observation", "R1, R2 ..."):
        assert term in glossary
    appendix = [h.text for h in report.headings() if h.level <= 2]
    assert appendix.index("Glossary") > appendix.index("Appendix")
    assert appendix.index("Glossary") < appendix.index("The inspection team")


def test_the_glossary_has_only_terms_that_appear_in_the_report(report: Report) -> None:
    glossary = _glossary(report)
    assert "VFM" not in glossary and "ASB" not in glossary and "RSL" not in glossary
    tiny = build_outline(ReportData(title="T", landlord="L"))
    assert "KLOE" not in _glossary(tiny)
    with_kloe = build_outline(
        ReportData(title="T", landlord="L", introduction="We used KLOE 5 and found ASB issues.")
    )
    assert {"KLOE", "ASB"} <= set(_glossary(with_kloe))


def test_the_questionnaire_appendix_leaves_out_the_inspectors_notes(report: Report) -> None:
    text = "\n".join(block_strings(_section(report, "Questionnaires used", 2)))
    assert "What is your job title?" in text
    assert "notes after the interview" not in text


def test_the_questionnaire_appendix_can_be_left_out(data: ReportData) -> None:
    report = build_outline(data, questionnaires=False)
    headings = [h.text for h in report.headings()]
    assert "Questionnaires used" not in headings
    assert "What is your job title?" not in "\n".join(block_strings(report.blocks))
    assert "Documents reviewed" in headings and "Findings by theme" in headings


def test_an_empty_report_still_has_its_sections() -> None:
    report = build_outline(
        ReportData(title="T", landlord="L", areas=(AreaData("a", "Repairs", "department"),))
    )
    assert "Appendix" in [h.text for h in report.headings()]


def _contents_pages(report: Report) -> dict[str, int]:
    """The page the contents gives for each top-level section, as a reader sees it."""
    import io

    from docx import Document

    from tenant_inspect.report.docx import write_docx

    buffer = io.BytesIO()
    write_docx(report, buffer)
    buffer.seek(0)
    pages = {}
    for p in Document(buffer).paragraphs:
        if p.style is not None and p.style.name.lower() == "toc 1":
            title, _, page = p.text.rpartition("\t")
            pages[title] = int(page)
    return pages


def test_a_small_report_does_not_give_each_short_section_its_own_page() -> None:
    data = ReportData(
        title="Repairs",
        landlord="Vale HA",
        areas=(
            AreaData("a", "Repairs", "department"),
            AreaData("b", "Lettings", "department"),
        ),
        conclusions=(ConclusionData("c", None, "Repairs are slow."),),
    )
    pages = _contents_pages(build_outline(data))
    # the areas follow one another, and the recommendations follow the conclusions
    assert pages["B. Lettings"] == pages["A. Repairs"]
    assert pages["Recommendations"] == pages["Conclusions"]
    assert pages["Methodology"] == pages["Introduction"]
    # the major parts still start a page
    assert pages["A. Repairs"] > pages["Summary of judgements"]
    assert pages["Conclusions"] > pages["B. Lettings"]
    assert pages["Appendix"] > pages["Recommendations"]


def test_the_public_report_does_not_explain_internal_material(data: ReportData) -> None:
    assert "Internal" in _glossary(build_outline(data))
    assert "Internal" not in _glossary(build_outline(data, public=True))
