"""The report outline: what the report says and in what order, with no file format involved.

Built from the small demo (read once into a snapshot) and from hand-made snapshots for the
edge cases: internal items, missing judgements, an empty inspection, a team left out.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.report.outline import (
    AreaData,
    Bullets,
    ConclusionData,
    Contents,
    Fields,
    FindingData,
    Heading,
    JudgementData,
    MemberData,
    PageBreak,
    Paragraph,
    RecommendationData,
    Report,
    ReportData,
    Table,
    Title,
    build_outline,
    load_report_data,
    paragraphs,
)
from tenant_inspect.store import open_store
from tenant_inspect.vocabulary import GRADE_LABELS
from tests.support.demo_copy import demo_data_dir

AREAS = [
    "A. Desktop review",
    "B. Chief Executive's Office",
    "C. Customer Services",
    "D. Housing Management",
    "E. Repairs and Maintenance",
    "F. Supported Housing",
    "G. Finance",
    "H. Development",
]
TOP = [
    "Preface",
    "Acknowledgements",
    "Introduction",
    "Methodology",
    "Summary of judgements",
    *AREAS,
    "Conclusions",
    "Recommendations",
    "Appendix",
    "The inspection team",
]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> ReportData:
    data = resolve_data_dir(Path(tmp_path_factory.mktemp("outline")))
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


def _section(report: Report, title: str) -> list[object]:
    """The blocks of one level-1 section (after its heading, up to the next)."""
    blocks = list(report.blocks)
    start = next(
        i
        for i, b in enumerate(blocks)
        if isinstance(b, Heading) and b.level == 1 and b.text == title
    )
    end = next(
        (
            i
            for i in range(start + 1, len(blocks))
            if isinstance(blocks[i], Heading) and blocks[i].level == 1  # type: ignore[union-attr]
        ),
        len(blocks),
    )
    return blocks[start + 1 : end]


def _text(blocks: list[object]) -> str:
    out = []
    for b in blocks:
        if isinstance(b, Paragraph):
            out.append(b.lead + b.text)
        elif isinstance(b, Bullets):
            out += [
                lead + item
                for lead, item in zip(b.leads or [""] * len(b.items), b.items, strict=False)
            ]
        elif isinstance(b, Fields):
            out += [k + v for k, v in b.items]
        elif isinstance(b, Table):
            out += [" | ".join(row) for row in (b.header, *b.rows)]
        elif isinstance(b, Heading):
            out.append(b.text)
    return "\n".join(out)


# ---------------------------------------------------------------------------
# Shape
# ---------------------------------------------------------------------------


def test_title_page_then_sections_in_the_order_of_a_tenant_inspectors_report(
    report: Report,
) -> None:
    assert isinstance(report.blocks[0], Title)
    assert report.title == "Resident involvement: staff pledges and objectives"
    assert report.subtitle == "A tenant inspection of Riverside Vale Housing Association"
    assert [h.text for h in report.headings() if h.level == 1] == TOP
    assert report.sections == len(TOP)
    assert report.language == "en-GB"
    first_page = report.blocks[: report.blocks.index(PageBreak())]
    text = _text(list(first_page))
    assert "RVHA-TI-2026-02" in text and "May 2026" in text


def test_headings_never_skip_a_level(report: Report) -> None:
    previous = 0
    for h in report.headings():
        assert 1 <= h.level <= previous + 1, h
        previous = h.level


def test_contents_comes_after_the_preface_and_lists_level_one(report: Report) -> None:
    blocks = list(report.blocks)
    contents = [b for b in blocks if isinstance(b, Contents)]
    assert contents == [Contents(title="Contents", levels=1)]
    index = blocks.index(contents[0])
    assert isinstance(blocks[index - 1], PageBreak)
    assert [b.text for b in blocks[:index] if isinstance(b, Heading)] == [
        "Preface",
        "Acknowledgements",
    ]


def test_pages_break_only_before_the_major_sections(report: Report) -> None:
    breaking = [h.text for h in report.headings() if h.new_page]
    assert breaking == ["Introduction", AREAS[0], "Conclusions", "Appendix"]


def test_introduction_has_purpose_scope_themes_and_areas(report: Report) -> None:
    intro = _section(report, "Introduction")
    assert [b.text for b in intro if isinstance(b, Heading)] == [
        "Purpose",
        "Scope",
        "Themes covered",
        "Areas inspected",
    ]
    text = _text(intro)
    assert "KLOE 5: Access and customer care" in text and "People First: " in text
    for area in AREAS:
        assert area in text


def test_methodology_counts_documents_and_interviews_by_area_and_role(report: Report) -> None:
    section = _section(report, "Methodology")
    text = _text(section)
    assert (
        "We reviewed eight documents and held 17 interviews: 15 with staff and two with tenants."
        in text
    )
    assert "One interview was not finished" in text
    by_area, by_role = [b for b in section if isinstance(b, Table)]
    assert by_area.rows[0] == ("A. Desktop review", "8", "0", "0")
    assert by_area.rows[-1] == ("Total", "8", "15", "2")
    assert ("D. Housing Management", "Allocations Officer", "1") in by_role.rows
    assert ("F. Supported Housing", "Tenant, Alder Court sheltered scheme", "1") in by_role.rows
    assert sum(int(r[2]) for r in by_role.rows) == 17
    assert "Other methods" in text and "between 2 March 2026 and 27 March 2026" in text


def test_summary_table_has_one_judgement_per_area(report: Report, data: ReportData) -> None:
    (table,) = [
        b
        for b in _section(report, "Summary of judgements")
        if isinstance(b, Table) and b.caption == "Summary of judgements"
    ]
    assert table.header == ("Section", "Area", "Judgement")
    assert [r[0] + ". " + r[1] for r in table.rows] == AREAS
    assert table.rows[0][2] == "A balance of strengths and weaknesses"
    assert table.rows[5][2] == "Strengths considerably outweigh weaknesses"
    assert {r[2] for r in table.rows} <= set(GRADE_LABELS.values())


def test_desktop_review_has_each_document_with_date_observations_and_findings(
    report: Report, data: ReportData
) -> None:
    section = _section(report, "A. Desktop review")
    titles = [b.text for b in section if isinstance(b, Heading) and b.level == 2]
    assert titles[: len(data.documents)] == [d.title for d in data.documents]
    assert titles[len(data.documents) :] == ["Our judgement", "Conclusions", "Recommendations"]
    text = _text(section)
    assert "Date: Undated" in text and "Date: 1 April 2023" in text
    assert "Our observations: The document a new tenant is most likely to pick up" in text
    assert "F1 Strength: " in text


def test_department_sections_list_roles_findings_judgement_conclusions_recommendations(
    report: Report,
) -> None:
    section = _section(report, "D. Housing Management")
    assert [b.text for b in section if isinstance(b, Heading)] == [
        "Who we interviewed",
        "Strengths",
        "Good practice",
        "Weaknesses",
        "Observations",
        "Our judgement",
        "Conclusions",
        "Recommendations",
    ]
    text = _text(section)
    assert "We interviewed three members of staff and one tenant, identified here by role:" in text
    assert "Allocations Officer" in text and "A balance of strengths and weaknesses." in text
    finance = _text(_section(report, "G. Finance"))
    assert "Service Charge Accountant (interview not finished)" in finance


def test_findings_are_numbered_f1_to_fn_in_reading_order(report: Report, data: ReportData) -> None:
    numbers = [
        int(m.group(1))
        for b in report.blocks
        if isinstance(b, Bullets)
        for lead in b.leads
        if (m := re.match(r"F(\d+)\b", lead))
    ]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) == len(data.findings) == 80


def test_recommendations_are_numbered_r1_to_rn_and_cite_findings(report: Report) -> None:
    section = _section(report, "Recommendations")
    numbered = [b.text for b in section if isinstance(b, Heading) and b.level == 2]
    assert numbered == [f"R{n}" for n in range(1, 15)]
    (glance,) = [b for b in section if isinstance(b, Table)]
    assert [r[0] for r in glance.rows] == numbered
    text = _text(section)
    assert "Based on findings: F23, F24 and F51" in text
    assert "Cost: Low (less than 1% of the annual service cost)" in text
    assert "Target date: 30 September 2026" in text
    # the area sections refer to the same numbers
    area_refs = [
        lead.strip()
        for title in AREAS
        for b in _section(report, title)
        if isinstance(b, Bullets)
        for lead in b.leads
        if lead.startswith("R")
    ]
    assert sorted(area_refs, key=lambda r: int(r[1:])) == [
        f"R{n}" for n in (1, 2, 5, 6, 7, 9, 10, 11, 12, 13, 14)
    ]


def test_appendix_has_scale_costs_documents_questionnaires_and_themes(report: Report) -> None:
    section = _section(report, "Appendix")
    assert [b.text for b in section if isinstance(b, Heading) and b.level == 2] == [
        "The four-point scale",
        "Cost bands",
        "Documents reviewed",
        "Questionnaires used",
        "Findings by theme",
        "The landlord's action plan",
        "Glossary",
    ]
    scale = next(b for b in section if isinstance(b, Table))
    assert [r[0] for r in scale.rows] == list(GRADE_LABELS.values())
    text = _text(section)
    assert "More than 5% of the annual service cost" in text
    assert "Staff interview: resident involvement | 1.0 | 15 interviews" in text
    assert "What is your job title?" in text


def test_team_section_lists_members_and_marks_the_coordinator(report: Report) -> None:
    text = _text(_section(report, "The inspection team"))
    assert "Margaret Ellison (coordinator)" in text and "Hannah Bristow" in text


def test_no_warnings_for_a_complete_inspection(report: Report) -> None:
    # Only the prospects warning the demo is built to show (its "capacity to improve" is
    # generous for a plan with half its actions behind).
    assert report.warnings == (
        "prospects for improvement: capacity to improve: strengths outweigh weaknesses, "
        "but 2 of 4 items are off track or overdue",
    )


# ---------------------------------------------------------------------------
# Variations
# ---------------------------------------------------------------------------


def test_public_report_leaves_out_internal_items_and_renumbers(data: ReportData) -> None:
    conclusions = (
        dataclasses.replace(data.conclusions[0], internal=True),
        *data.conclusions[1:],
    )
    recs = (dataclasses.replace(data.recommendations[0], internal=True), *data.recommendations[1:])
    variant = dataclasses.replace(data, conclusions=conclusions, recommendations=recs)
    full = build_outline(variant)
    public = build_outline(variant, public=True)
    full_text, public_text = _text(list(full.blocks)), _text(list(public.blocks))
    assert conclusions[0].text in full_text and conclusions[0].text not in public_text
    assert "Internal: " in full_text and "Internal: " not in public_text
    assert "This recommendation is marked internal." in full_text
    assert recs[0].text not in public_text
    public_recs = [
        h.text for h in public.headings() if h.level == 2 and re.fullmatch(r"R\d+", h.text)
    ]
    assert public_recs == [f"R{n}" for n in range(1, 14)]
    internal_findings = [f for f in data.findings if f.internal]
    for f in internal_findings:
        assert f.text not in public_text
    assert public.public and not full.public


def test_team_can_be_left_out(data: ReportData) -> None:
    report = build_outline(dataclasses.replace(data, include_team=False))
    assert "The inspection team" not in [h.text for h in report.headings()]


def test_missing_judgements_and_conclusions_are_reported_not_hidden(data: ReportData) -> None:
    variant = dataclasses.replace(
        data,
        judgements=data.judgements[1:],
        conclusions=tuple(c for c in data.conclusions if c.area_id is not None),
        recommendations=(),
    )
    report = build_outline(variant)
    assert "A. Desktop review: no agreed judgement yet" in report.warnings
    assert "no overall conclusions yet" in report.warnings
    assert "no recommendations yet" in report.warnings
    (summary,) = [
        b
        for b in _section(report, "Summary of judgements")
        if isinstance(b, Table) and b.caption == "Summary of judgements"
    ]
    assert summary.rows[0][2] == "Not yet judged"


def test_an_almost_empty_inspection_still_makes_a_sensible_report() -> None:
    data = ReportData(
        title="Repairs",
        landlord="Vale HA",
        areas=(
            AreaData("a", "Desktop review", "desktop_review"),
            AreaData("b", "Repairs", "department"),
        ),
        team=(MemberData("m1", "Ann", "coordinator"),),
    )
    report = build_outline(data)
    assert [h.text for h in report.headings() if h.level == 1] == [
        "Preface",
        "Acknowledgements",
        "Introduction",
        "Methodology",
        "Summary of judgements",
        "A. Desktop review",
        "B. Repairs",
        "Conclusions",
        "Recommendations",
        "Appendix",
        "The inspection team",
    ]
    text = _text(list(report.blocks))
    assert "This report sets out what the tenant inspectors found" in text
    assert "We did not interview anyone in this area." in text
    assert "No documents were reviewed." in text
    assert len(report.warnings) >= 4


def test_findings_without_an_area_get_their_own_section() -> None:
    data = ReportData(
        title="T",
        landlord="L",
        areas=(AreaData("a", "Repairs", "department"),),
        findings=(
            FindingData("f1", "a", "weakness", "In the area."),
            FindingData("f2", None, "strength", "Across the organisation."),
        ),
        judgements=(JudgementData("a", "balance", "Because."),),
        conclusions=(ConclusionData("c", None, "Overall."),),
        recommendations=(RecommendationData("r", None, "Do it.", finding_ids=("f2", "f1")),),
    )
    report = build_outline(data)
    section = _text(_section(report, "Findings across the whole organisation"))
    assert "F2 Strength: Across the organisation." in section
    assert "Based on findings: F1 and F2" in _text(_section(report, "Recommendations"))


def test_typed_text_is_split_into_paragraphs_at_blank_lines() -> None:
    assert paragraphs("One.\n\n  \nTwo,\nstill two.\r\n\r\nThree.") == [
        "One.",
        "Two,\nstill two.",
        "Three.",
    ]
    assert paragraphs("   ") == []
