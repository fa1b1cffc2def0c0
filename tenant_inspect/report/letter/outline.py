"""The letter to residents as a report outline: the same renderers, redaction and large
print as every report.

The parts, in the order of the Audit Commission's letters to residents: the offer of other
formats at the top, the date and "Dear Resident", who looked at what and what they asked,
the overall finding in one sentence, one short paragraph per area, the recommendations as a
bulleted list, the next steps (the action plan and when it is due, the full report, who
makes sure it happens), the signature, and a note on the four-point scale.

Everything marked internal is left out: the letter goes to every home. Names are *not*
redacted here: the export entry point redacts the result, as for every report.
"""

from __future__ import annotations

from datetime import date

from ...dates import show_day
from ..model import Block, Bullets, Heading, Paragraph, Report, ReportData
from ..wording import plural
from .drafts import SCALE_PLAIN, letter_texts
from .plain_words import unexplained_abbreviations


def _month(day: date | None) -> str:
    return f"{day:%B %Y}" if day else ""


def _when(data: ReportData) -> str:
    start, end = _month(data.start_date), _month(data.end_date)
    if start and end and start != end:
        return f"Between {start} and {end}, "
    if start or end:
        return f"In {start or end}, "
    return ""


def _who_looked(data: ReportData, areas: list[str]) -> list[Paragraph]:
    inspectors = sum(1 for m in data.team if m.role == "inspector") or len(data.team)
    what = data.topic or "the services"
    if what[1:2].islower():  # "Resident involvement" reads "resident involvement" mid-sentence
        what = what[0].lower() + what[1:]
    team = (
        f"a team of {plural(inspectors, 'tenant inspector')}" if inspectors else "tenant inspectors"
    )
    first = f"{_when(data)}{team} looked at {what} at {data.landlord}."
    first = first[0].upper() + first[1:]
    documents = sum(1 for d in data.documents if not d.internal)
    talks = sum(1 for i in data.interviews if not i.deleted and i.status == "complete")
    did = []
    if documents:
        did.append(f"read {plural(documents, 'document')}")
    if talks:
        did.append(f"held {plural(talks, 'interview')} with staff and tenants")
    second = f"We {' and '.join(did)}." if did else ""
    third = (
        f"We looked at {plural(len(areas), 'area')} of its work. For each one we asked: how "
        "well does it work for tenants, and what would make it better?"
        if areas
        else ""
    )
    return [Paragraph(" ".join(p for p in (first, second, third) if p))]


def _next_steps(data: ReportData, contact: str) -> list[Paragraph]:
    out = []
    plan = data.plan
    dates = sorted(i.by_when for i in plan.items if i.by_when) if plan is not None else []
    if plan is not None and plan.items:
        actions = (
            f"{data.landlord} has agreed an action plan with {plural(len(plan.items), 'action')}."
        )
        if dates:
            first, last = show_day(dates[0]), show_day(dates[-1])
            actions += (
                f" The first is due by {first}." if first == last else
                f" The first is due by {first} and the last by {last}."
            )  # fmt: skip
        out.append(Paragraph(actions))
    else:
        out.append(
            Paragraph(
                f"{data.landlord} will now write an action plan saying how it will put things right."
            )
        )
    where = "as shown at the top" if contact else f"from {data.landlord}"
    check = (
        "The tenant inspection panel will check that the plan is carried out, and tell you "
        f"how it is going. You can read the full report: ask for a copy {where}."
    )
    out.append(Paragraph(check))
    return out


def build_letter(data: ReportData, today: date) -> Report:
    """The letter of a snapshot (internal parts left out), dated the report date or today."""
    from ..redact import drop_internal

    data = drop_internal(data)
    texts = letter_texts(data)
    by_part = {(t.part, t.subject_id): t.text for t in texts}
    areas = [a for a in data.areas if a.kind != "desktop_review"]
    contact = by_part[("contact", "")]
    offer = "You can ask for this letter in large print, in Braille, on audio tape or in another language."
    blocks: list[Block] = [
        Paragraph(offer + (f" {contact}" if contact else ""), bold=True),
        Heading(1, f"Our inspection of {data.topic or 'services'} at {data.landlord}"),
        Paragraph(show_day(data.report_date or today)),
        Paragraph("Dear Resident"),
        *_who_looked(data, [a.name for a in areas]),
        Heading(2, "What we found"),
        Paragraph(by_part[("overall", "")]),
    ]
    for area in areas:
        blocks.append(Paragraph(by_part[("area", area.id)], lead=f"{area.name}: "))
    recommendations = [t.text for t in texts if t.part == "recommendation"]
    if recommendations:
        blocks.append(Heading(2, "What we have asked for"))
        blocks.append(Bullets(tuple(recommendations)))
    blocks.append(Heading(2, "What happens next"))
    blocks.extend(_next_steps(data, contact))
    blocks.append(Paragraph("Yours faithfully"))
    blocks.extend(
        Paragraph(line) for line in by_part[("signature", "")].splitlines() if line.strip()
    )
    blocks.append(Heading(2, "How we judge"))
    blocks.append(
        Paragraph(
            "We give each area one of four grades. From best to worst: "
            + "; ".join(f"{words} ({meaning})" for words, meaning in SCALE_PLAIN)
            + "."
        )
    )
    warnings = []
    if not contact:
        warnings.append(
            "the letter offers other formats but gives no contact details: add them on the "
            "Letter screen (Contact for other formats)"
        )
    words = " ".join(t.text for t in texts)
    unexplained = unexplained_abbreviations(words)
    if unexplained:
        warnings.append(
            "the letter has abbreviations a resident may not know: "
            + ", ".join(unexplained)
            + "; spell them out on the Letter screen"
        )
    return Report(
        title=f"Letter to residents: {data.title}",
        subtitle="",
        author="Tenant inspection panel",
        subject=f"Letter to residents about the inspection of {data.landlord}",
        keywords="tenant inspection, letter to residents",
        language="en-GB",
        blocks=tuple(blocks),
        public=True,
        warnings=tuple(warnings),
        compact=True,
    )
