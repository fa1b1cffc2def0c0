"""Sample inspections: a realistic small one to explore, and a large one to benchmark.

``tenant-inspect demo`` builds the **small** demo: a tenant inspection of a (fictional)
housing association's staff pledges and objectives in resident involvement, written to read
like the real thing, because it is what people see first and what the sample report is
made from. ``--size large`` builds a benchmark fixture of the same shape at scale
(≈ 60 interviews × 30 answers, 1,000 findings, 60 recommendations).

Both are made through the service functions (inspections, fieldwork, analysis), inside one
write transaction, so the data is validated exactly as the app validates it and a failure
leaves the database untouched. All content comes from ``random.Random(seed)`` and fixed
dates (from :data:`BASE_DATE`), never from the clock: the same seed gives the same content
(ids and change stamps differ, as they must).

Every name here is invented. Interviewee names are private fields; some also appear inside
notes, as they do when inspectors type quickly, so that redaction can be tested
(:data:`DEMO_INTERVIEWEE_NAMES` lists them).
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session

from . import action_plan, vocabulary
from . import models as m
from .analysis import (
    add_conclusion,
    add_finding,
    add_recommendation,
    set_judgement,
)
from .errors import UserError
from .fieldwork import add_document_review, add_interview, save_answer
from .inspections import add_area, add_member, create_inspection, desktop_review_area
from .letter_texts import set_letter_text
from .questionnaire import Question, Questionnaire, encode_answer, get_builtin
from .store import Store
from .themes import THEME_IDS

SIZES = ("small", "large")

#: Every date in the demos is derived from this fixed Monday (the first day of fieldwork).
BASE_DATE = date(2026, 3, 2)

DESKTOP = "Desktop review"
CEO = "Chief Executive's Office"
CUSTOMER = "Customer Services"
HOUSING = "Housing Management"
REPAIRS = "Repairs and Maintenance"
SUPPORTED = "Supported Housing"
FINANCE = "Finance"
DEVELOPMENT = "Development"
DEPARTMENTS = (CEO, CUSTOMER, HOUSING, REPAIRS, SUPPORTED, FINANCE, DEVELOPMENT)

STAFF_Q = "staff-interview-ri"
TENANT_Q = "tenant-interview"
DOCUMENT_Q = "desktop-review"


def build_demo(store: Store, size: str = "small", seed: int = 1) -> str:
    """Create a realistic, deterministic sample inspection; return its id.

    Everything is written in one transaction: either the whole inspection is there
    afterwards or nothing is.
    """
    if size not in SIZES:
        raise UserError(f"unknown demo size {size!r}; choose one of {', '.join(SIZES)}")
    rng = random.Random(seed)
    with store.write() as session:
        if size == "small":
            inspection_id = _SmallDemo(session, rng).build()
        else:
            inspection_id = _LargeDemo(session, rng).build()
    return inspection_id


# ---------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------


class DemoDataError(RuntimeError):
    """The demo's own data does not fit a questionnaire (a bug, not a user error)."""


@dataclass(frozen=True)
class _A:
    """An answer with the inspectors' notes typed beside it."""

    value: Any
    notes: str = ""


def _save_answers(
    session: Session,
    parent: m.Interview | m.DocumentReview,
    questionnaire: Questionnaire,
    spec: dict[str, Any],
) -> dict[str, m.Answer]:
    """Save answers in questionnaire order, refusing any question that would be hidden.

    ``spec`` maps question id to a Python value (encoded with :func:`encode_answer`) or
    an :class:`_A` with notes. Returns the answer rows by question id.
    """
    known = {q.id for q in questionnaire.questions()}
    unknown = sorted(set(spec) - known)
    if unknown:
        raise DemoDataError(f"questionnaire {questionnaire.id!r} has no question(s) {unknown}")
    stored: dict[str, str] = {}
    rows: dict[str, m.Answer] = {}
    for question in questionnaire.questions():
        if question.id not in spec:
            continue
        if not questionnaire.is_visible(question, stored):
            raise DemoDataError(
                f"{questionnaire.id!r}: question {question.id!r} is hidden by its show_if "
                "given the answers before it"
            )
        item = spec[question.id]
        value, notes = (item.value, item.notes) if isinstance(item, _A) else (item, "")
        encoded = encode_answer(question, value)
        rows[question.id] = save_answer(session, parent, question.id, value=encoded, notes=notes)
        stored[question.id] = encoded
    return rows


def _check_themes(themes: Sequence[str]) -> list[str]:
    unknown = [t for t in themes if t not in THEME_IDS]
    if unknown:
        raise DemoDataError(f"unknown theme(s) in demo data: {unknown}")
    return list(themes)


def _weekdays(start: date, count: int) -> list[date]:
    """The first ``count`` weekdays from ``start`` (inclusive)."""
    days: list[date] = []
    day = start
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


#: Fieldwork: desktop review in week 1, interviews in weeks 2 and 3.
INTERVIEW_DAYS = _weekdays(BASE_DATE + timedelta(days=7), 10)


@contextmanager
def _acting_as(session: Session, member_id: str | None) -> Iterator[None]:
    """Attribute the rows written inside the block to a team member (the store stamps them)."""
    previous = session.info.get("author_id")
    session.info["author_id"] = member_id
    try:
        yield
    finally:
        session.info["author_id"] = previous


# ---------------------------------------------------------------------------
# The small demo: the content
# ---------------------------------------------------------------------------

LANDLORD = "Riverside Vale Housing Association"
TITLE = "Resident involvement: staff pledges and objectives"

SCOPE = (
    "The inspection looked at how Riverside Vale Housing Association turns its resident "
    "involvement pledges into the everyday work of its staff. We asked three questions. Do "
    "staff know the pledges and objectives the association has made to tenants? Are those "
    "pledges built into staff objectives, training and monitoring? And can staff show that "
    "involving tenants has made a difference to the services tenants receive?\n\n"
    "We read the association's published documents on involvement and visited seven "
    "departments, from the Chief Executive's Office to Development. We did not inspect the "
    "Resident Involvement team itself, which the Tenants' Panel reviewed in 2024."
)

INTRODUCTION = (
    "Riverside Vale Housing Association owns and manages about 6,800 homes in the Vale and "
    "three neighbouring boroughs, including 16 sheltered and extra-care schemes. In its "
    "Resident Involvement Strategy 2024–2027 the association made five pledges to tenants: "
    "to listen and act, to tell tenants what changed, to make it easy to take part, to reach "
    "everyone, and to train its staff. The Strategy says that every member of staff, not "
    "only the Resident Involvement team, has a part to play in keeping them.\n\n"
    "The Tenants' Panel asked the tenant inspectors to test that promise. If involvement "
    "really is everybody's business, staff across the association should know the pledges, "
    "have them in their objectives, and be able to give examples of tenants' views changing "
    "what they do.\n\n"
    "This report sets out what we found. Section A covers the documents we read; the "
    "sections after it cover the departments we visited. Each section ends with our "
    "judgement on the four-point scale tenant inspectors use. Our recommendations are "
    "numbered R1 onwards, and each one points to the findings behind it."
)

METHODOLOGY = (
    "The inspection took place between 2 and 27 March 2026.\n\n"
    "Desktop review. In the first week, inspectors read eight documents the association "
    "publishes or uses about resident involvement, using the same checklist for each: is "
    "the document dated and current, is it in plain English, does it meet the association's "
    "own accessibility standard (text of at least 12 point, no ornate or italic type, other "
    "formats offered), does it repeat or contradict other documents, and does it state "
    "outcomes rather than only activities.\n\n"
    "Interviews. In the second and third weeks, pairs of inspectors interviewed 15 members "
    "of staff in seven departments, using the same question guide each time; one interview "
    "was cut short and is to be finished. We also spoke to two tenants about their own "
    "experience of getting involved. Everyone we interviewed agreed to take part and was "
    "told that the report would identify them by role and department only.\n\n"
    "Analysis. We recorded each finding as a strength, a weakness, an observation or an "
    "example of good practice, linked it to the document or interview it came from, and "
    "tagged it with the KLOE 5 and People First themes. At least two inspectors judged each "
    "area on their own before the team agreed a final judgement."
)

OTHER_METHODS = (
    "Two inspectors observed a meeting of the Tenants' Panel, and the team looked at the "
    "'Get involved' pages of the association's website on a phone and a laptop."
)

TEAM: tuple[str, ...] = (
    "Margaret Ellison",  # coordinator
    "Derek Ashworth",
    "Priya Chauhan",
    "Tom Gallagher",
    "Yvonne Clarke",
    "Bernard Mensah",
    "Joan Whitfield",
    "Shazia Akhtar",
    "Colin Rafferty",
    "Denise Holloway",
    "Kwame Asante",
    "Linda Morrow",
    "Stephen Pryce",
    "Hannah Bristow",
)

AREAS: tuple[tuple[str, str, int], ...] = (
    (
        CEO,
        "The Chief Executive, the Director of Governance and their support staff. Sets the "
        "association's direction and reports to the Board.",
        2,
    ),
    (
        CUSTOMER,
        "The customer contact centre, complaints and feedback, and customer insight.",
        3,
    ),
    (
        HOUSING,
        "Neighbourhood officers, tenancy sustainment, allocations and lettings.",
        4,
    ),
    (
        REPAIRS,
        "Responsive repairs, empty homes, damp and mould, and planned maintenance.",
        3,
    ),
    (
        SUPPORTED,
        "Fourteen sheltered schemes, two extra-care schemes and supported housing for "
        "younger people.",
        3,
    ),
    (FINANCE, "Finance, rents and income, and service charges.", 2),
    (DEVELOPMENT, "New homes, regeneration and the design of new schemes.", 2),
)


@dataclass(frozen=True)
class _Doc:
    key: str
    title: str
    answers: dict[str, Any]
    document_date: date | None
    version: str
    source: str
    observations: str


DOCUMENTS: tuple[_Doc, ...] = (
    _Doc(
        "statement",
        "Tenant Involvement Statement 2023–2026",
        {
            "doc-title": "Tenant Involvement Statement 2023–2026",
            "doc-type": "involvement-statement",
            "purpose": "Sets out in four pages how tenants can get involved and the "
            "association's five pledges.",
            "readers": ["All tenants"],
            "where-found": "Website, two clicks from the home page (Get involved > Our "
            "commitments). Printed copies at both offices.",
            "dated": True,
            "date-on-document": date(2023, 4, 1),
            "review-date": date(2026, 4, 1),
            "current": _A("current", "Due for review next month."),
            "plain-english": 4,
            "font-size": "yes",
            "typeface": "yes",
            "formats-offered": True,
            "formats": ["Large print", "Audio", "Other languages"],
            "consistency": "repeats",
            "consistency-notes": "The five pledges on page 2 are copied word for word from "
            "the Resident Involvement Strategy (page 6) and the Action Plan (page 1).",
            "outcomes": "some",
            "tenants-involved": "consulted",
            "tenants-involved-notes": "Page 4: 'We consulted the Tenants' Forum on a draft "
            "of this statement in January 2023.'",
            "observations": "Short and clear. The contact details on the back page are "
            "complete and correct: we rang the number and got through.",
        },
        date(2023, 4, 1),
        "Version 2",
        "Website (Get involved page)",
        "A clear, short statement. It repeats the Strategy's pledges rather than saying "
        "what tenants can expect this year.",
    ),
    _Doc(
        "charter",
        "Customer Charter",
        {
            "doc-title": "Our Customer Charter",
            "doc-type": "customer-charter",
            "purpose": "Lists the service standards tenants can expect: answering calls, "
            "replying to letters, keeping appointments.",
            "readers": ["All tenants", "Leaseholders and shared owners"],
            "where-found": "Website (About us > Our standards) and a poster in reception at "
            "both offices.",
            "dated": True,
            "date-on-document": date(2021, 9, 1),
            "review-date": date(2023, 9, 1),
            "current": "overdue",
            "plain-english": 4,
            "font-size": _A(
                "mostly", "Contact details and the footnotes on page 3 are about 9 point."
            ),
            "typeface": _A(
                "some", "Headings in a script typeface; the standards themselves in italics."
            ),
            "formats-offered": True,
            "formats": ["Large print"],
            "consistency": "contradicts",
            "consistency-notes": "Page 2: 'We will reply to your letter or email within 5 "
            "working days.' The How to Get Involved booklet, page 7: 'We aim to reply to "
            "all correspondence within 10 working days.'",
            "outcomes": "means-only",
            "tenants-involved": "not-mentioned",
            "observations": "The standards are clear, but nothing says how tenants can check "
            "whether they are met or where performance is published.",
        },
        date(2021, 9, 1),
        "September 2021",
        "Website and offices",
        "Clear standards, but two and a half years past its review date and at odds with "
        "the booklet on reply times.",
    ),
    _Doc(
        "booklet",
        "How to Get Involved",
        {
            "doc-title": "How to Get Involved",
            "doc-type": "get-involved-booklet",
            "purpose": "Explains the ways tenants can take part, from surveys to the "
            "Tenants' Panel.",
            "readers": ["All tenants", "New tenants"],
            "where-found": "Website, four clicks from the home page (About us > Tenants > "
            "Getting involved > Publications). Leaflet rack at the main office. Not in the "
            "new tenant sign-up pack.",
            "dated": False,
            "current": _A(
                "out-of-date",
                "Page 5 invites tenants to join the Tenants' Forum, which stopped meeting in 2024.",
            ),
            "plain-english": 3,
            "font-size": _A("no", "Main text measured at 10 point."),
            "typeface": _A("some", "All headings are in an italic script."),
            "formats-offered": False,
            "consistency": "both",
            "consistency-notes": "Repeats the pledges from the Strategy. Contradicts the "
            "Customer Charter on reply times: 10 working days here (page 7), 5 in the "
            "Charter (page 2).",
            "outcomes": "means-only",
            "tenants-involved": "not-mentioned",
            "observations": "Friendly in tone and colourful, but the small italic print will "
            "put off exactly the people it is meant to reach.",
        },
        None,
        "",
        "Offices (leaflet rack) and website",
        "The document a new tenant is most likely to pick up, and the weakest we read.",
    ),
    _Doc(
        "strategy",
        "Resident Involvement Strategy 2024–2027",
        {
            "doc-title": "Resident Involvement Strategy 2024–2027",
            "doc-type": "ri-strategy",
            "purpose": "The association's three-year plan for involvement, built around five "
            "pledges, each with a target.",
            "readers": [
                "Staff",
                "Board members or councillors",
                "Involved tenants, panel or forum members",
            ],
            "where-found": "Website (Get involved > Our strategy), three clicks. No printed "
            "copies for tenants.",
            "dated": True,
            "date-on-document": date(2024, 6, 1),
            "review-date": date(2027, 6, 1),
            "current": "current",
            "plain-english": _A(
                2,
                "Page 3: 'co-regulatory framework', 'RI', 'KPIs' and 'the Consumer "
                "Standards' are used without explanation.",
            ),
            "font-size": "yes",
            "typeface": "yes",
            "formats-offered": True,
            "formats": ["Large print", "Easy Read", "Other languages", "Accessible online version"],
            "consistency": "repeats",
            "consistency-notes": "The five pledges are repeated in the Tenant Involvement "
            "Statement and the Action Plan.",
            "outcomes": _A(
                "outcomes",
                "Each pledge has a target, for example pledge 2: 'we will report back within "
                "three months of asking for your views'; pledge 5: 'every member of staff "
                "will have involvement training within six months of joining'.",
            ),
            "tenants-involved": "co-written",
            "tenants-involved-notes": "Page 2: 'This strategy was written with the Tenants' "
            "Panel over four workshops in early 2024.'",
            "observations": "The strongest document in the review. A short plain-English "
            "summary for tenants would help.",
        },
        date(2024, 6, 1),
        "Approved by the Board, May 2024",
        "Inspection pack and website",
        "Well founded and written with tenants; too much jargon for a general reader.",
    ),
    _Doc(
        "compact",
        "Riverside Vale Tenants' Compact",
        {
            "doc-title": "Riverside Vale Tenants' Compact",
            "doc-type": "compact",
            "purpose": "The agreement between the association and the Tenants' Federation on "
            "how tenants will be involved and supported.",
            "readers": ["Involved tenants, panel or forum members", "Staff"],
            "where-found": "Only in the inspection pack. Not on the website and not "
            "available at the offices.",
            "dated": True,
            "date-on-document": date(2019, 11, 1),
            "current": _A(
                "out-of-date", "Signed with the Tenants' Federation, which wound up in 2022."
            ),
            "plain-english": 3,
            "font-size": "yes",
            "typeface": _A("some", "Ornate script on the cover and the signature page."),
            "formats-offered": False,
            "consistency": "neither",
            "outcomes": "some",
            "tenants-involved": "co-written",
            "tenants-involved-notes": "Page 1: 'Agreed between Riverside Vale Housing "
            "Association and the Riverside Vale Tenants' Federation.'",
            "observations": "Sound commitments on support for tenants' groups (room hire, "
            "travel costs), but no review date and no current tenants' body behind it.",
        },
        date(2019, 11, 1),
        "Signed November 2019",
        "Inspection pack (not published)",
        "Good commitments that nobody is currently party to.",
    ),
    _Doc(
        "action-plan",
        "Resident Involvement Action Plan 2025/26",
        {
            "doc-title": "Resident Involvement Action Plan 2025/26",
            "doc-type": "action-plan",
            "purpose": "Tracks the actions that deliver the Strategy, with owners, dates and "
            "red, amber and green ratings.",
            "readers": [
                "Staff",
                "Board members or councillors",
                "Involved tenants, panel or forum members",
            ],
            "where-found": "Inspection pack only; the Tenants' Panel receives it every quarter.",
            "dated": True,
            "date-on-document": date(2025, 4, 1),
            "review-date": date(2026, 4, 1),
            "current": "current",
            "plain-english": 3,
            "font-size": _A("mostly", "The table text is about 9 point."),
            "typeface": "yes",
            "formats-offered": False,
            "consistency": "repeats",
            "consistency-notes": "Repeats the pledges from the Strategy on page 1.",
            "outcomes": "outcomes",
            "tenants-involved": "consulted",
            "tenants-involved-notes": "Page 1: the Tenants' Panel 'commented on the draft "
            "plan in March 2025'.",
            "observations": "22 actions, each with an owner named by job title. Six are "
            "rated red, and five of those six are about staff training and awareness.",
        },
        date(2025, 4, 1),
        "Quarter 3 update",
        "Inspection pack",
        "A useful working document; its red ratings point at the same gaps we found.",
    ),
    _Doc(
        "objectives",
        "Staff objectives and appraisal guidance: resident involvement",
        {
            "doc-title": "Appraisal guidance for managers (extract: resident involvement)",
            "doc-type": "staff-objectives",
            "purpose": "Shows which roles have involvement in their objectives and what the "
            "appraisal guidance says about it.",
            "readers": ["Staff"],
            "where-found": "Not published. Provided by Human Resources on request.",
            "dated": False,
            "current": "cannot-tell",
            "plain-english": 3,
            "font-size": "yes",
            "typeface": "yes",
            "formats-offered": False,
            "consistency": "contradicts",
            "consistency-notes": "The Strategy (page 9) says 'every member of staff will "
            "have an involvement objective'; the guidance includes one only for Housing "
            "Management and Customer Services roles.",
            "outcomes": _A(
                "means-only", "Objectives say 'support resident involvement', with no measure."
            ),
            "tenants-involved": "not-mentioned",
            "observations": "Only two of the seven departments we visited have any "
            "involvement objective in the guidance.",
        },
        None,
        "",
        "Human Resources, on request",
        "Falls well short of the Strategy's promise of an involvement objective for everyone.",
    ),
    _Doc(
        "annual-report",
        "Annual Report to Tenants 2024/25",
        {
            "doc-title": "Annual Report to Tenants 2024/25",
            "doc-type": "other",
            "purpose": "The yearly report to tenants on performance, money and what tenants "
            "have changed.",
            "readers": ["All tenants", "Leaseholders and shared owners"],
            "where-found": "Posted to every home in September 2025; on the website home page.",
            "dated": True,
            "date-on-document": date(2025, 9, 1),
            "current": "current",
            "plain-english": 5,
            "font-size": "yes",
            "typeface": _A("some", "Tenants' quotes are printed in italics."),
            "formats-offered": True,
            "formats": ["Large print", "Audio", "Other languages"],
            "consistency": "neither",
            "outcomes": "some",
            "tenants-involved": "consulted",
            "tenants-involved-notes": "Page 2: 'Checked by the Tenants' Panel reading group.'",
            "observations": "Page 6, 'You said, we did', gives the date of each change and "
            "names the tenants' group that asked for it. The best example of reporting "
            "back that we saw.",
        },
        date(2025, 9, 1),
        "",
        "Sent to every home; website",
        "Clear, readable and honest about performance.",
    ),
)


@dataclass(frozen=True)
class _Interview:
    key: str
    area: str
    role: str
    name: str
    day: int  # index into INTERVIEW_DAYS (shifted a little by the seed)
    answers: dict[str, Any]
    kind: str = "staff"
    questionnaire: str = STAFF_Q
    status: str = "complete"
    current_question: str = ""
    notes: str = ""


INTERVIEWS: tuple[_Interview, ...] = (
    _Interview(
        "ceo",
        CEO,
        "Chief Executive",
        "Gillian Marsh",
        0,
        {
            "role": "Chief Executive (leads an Executive Team of five directors)",
            "department": CEO,
            "tenant-contact": _A(
                "weekly",
                "Meets the Tenants' Panel chair every month and joins neighbourhood officers "
                "on estate walkabouts about twice a month.",
            ),
            "aware-of-pledges": True,
            "which-pledges": "Named all five pledges without prompting and described them "
            "accurately. Said she wrote the foreword to the Strategy and 'meant every word'.",
            "pledges-in-work": "Involvement is a standing item at the Executive Team meeting. "
            "Gave the example of the repairs contract re-tender in 2025: two Tenants' Panel "
            "members sat on the evaluation panel and scored the bids.",
            "how-monitored": [
                "Reports to managers or senior team",
                "Reports to the board or councillors",
                "Reported to tenants or the tenants' panel",
            ],
            "monitoring-notes": "A quarterly involvement dashboard goes to the Executive Team "
            "and the Board, and the Tenants' Panel sees the same dashboard. She accepted "
            "that it counts meetings held and people attending, not what changed as a result.",
            "ri-in-job": "both",
            "ri-in-job-detail": "Her objectives from the Board include 'deliver the "
            "involvement action plan'. Could not say how the Board judges that beyond the "
            "plan's red, amber and green ratings.",
            "knows-policy": 5,
            "knows-compact": True,
            "compact-in-practice": "Knows the Compact was signed in 2019 with the Tenants' "
            "Federation and that it needs renewing now the Federation has wound up. A new "
            "Compact is 'on the list for this year' but has no date.",
            "had-training": True,
            "training-what": "Half-day session on the consumer standards for the Board and "
            "Executive Team in 2024. No training delivered by tenants.",
            "training-more": "Would like the Executive Team to sit in on a Tenants' Panel "
            "meeting rather than only read its minutes.",
            "feedback-routes": [
                "Newsletter or magazine",
                "Website or social media",
                "Through the tenants' panel or forum",
            ],
            "change-example": "Evening repair appointments, introduced in 2025, came from the "
            "Tenants' Panel's review of repairs. Gave dates and detail.",
            "involve-or-consult": "Clear on the difference: 'Consulting is asking what people "
            "think of our plan; involving is writing the plan with them.' Accepted that most "
            "of what the association does is still consultation.",
            "involvement-level": "consulted",
            "groups-engaged": ["Disabled tenants", "Older tenants", "Young people"],
            "groups-how": "Funds a youth forum pilot on two estates. Relies on the Supported "
            "Housing team for older and disabled tenants.",
            "profile-data": _A(
                True,
                "The Board receives a profile of involved tenants once a year; the last one "
                "showed under-35s and Black and minority ethnic tenants are under-represented.",
            ),
            "across-departments": "The Resident Involvement Manager reports to her directly. "
            "She expects each director to 'own' one of the five pledges, but this has not "
            "been written down.",
            "other-landlords": True,
            "other-landlords-detail": "Member of a regional involvement benchmarking club with "
            "four other associations; they share the cost of joint tenant training days.",
            "value-for-money": "Knows the involvement budget (about £310,000 a year including "
            "staff) but said the association has 'not cracked' how to measure the return.",
            "one-change": "Get every manager to see involvement as part of the day job, not "
            "the Resident Involvement team's job.",
            "inspector-notes": "Very committed and well informed. Gillian Marsh offered to "
            "send the last two involvement dashboards and the Board's annual profile report. "
            "Follow up: who 'owns' each pledge?",
        },
    ),
    _Interview(
        "governance",
        CEO,
        "Director of Governance",
        "Anthony Brereton",
        1,
        {
            "role": "Director of Governance and Company Secretary",
            "department": CEO,
            "tenant-contact": _A(
                "sometimes",
                "Mainly through the two tenant Board members and the Panel's annual report to "
                "the Board.",
            ),
            "aware-of-pledges": True,
            "which-pledges": "Named three: listen and act, tell you what changed, reach "
            "everyone. Called the fifth 'the training one' but did not know its six-month "
            "target.",
            "pledges-in-work": "Makes sure Board reports have a 'what tenants told us' "
            "section. Admitted that the section is often left blank or marked 'not applicable'.",
            "how-monitored": ["Reports to the board or councillors"],
            "monitoring-notes": "The Board sees the involvement dashboard every quarter. "
            "Tenants' Panel minutes go to the Board, but the Board does not reply in writing "
            "to the Panel's recommendations.",
            "ri-in-job": "job-description",
            "ri-in-job-detail": "Job description says 'ensure tenants' views inform "
            "governance'. No measure or target is attached.",
            "knows-policy": 4,
            "knows-compact": True,
            "compact-in-practice": "Knew the Compact is out of date and that the Tenants' "
            "Federation no longer exists. Governance holds the signed copy; nobody has been "
            "asked to review it.",
            "had-training": True,
            "training-what": "The same Board session on the consumer standards in 2024.",
            "training-more": "How to write Board reports that show the tenant voice properly.",
            "feedback-routes": ["Through the tenants' panel or forum"],
            "change-example": "Tenant Board members pushed for a review of sheltered service "
            "charges in 2025. Could not say what the outcome was.",
            "involve-or-consult": "Saw them as 'much the same thing'.",
            "involvement-level": "consulted",
            "groups-engaged": ["None of these in particular"],
            "profile-data": False,
            "across-departments": "Relies on the Resident Involvement Manager to bring "
            "tenants' views to the Executive Team.",
            "other-landlords": False,
            "value-for-money": "Did not know.",
            "one-change": "A clear line from each Tenants' Panel recommendation to a Board "
            "decision, with a written reply every time.",
            "anything-else": "Pointed out that both tenant Board members are over 65 and both "
            "are leaseholders.",
            "inspector-notes": "Honest about the gaps. The missing Board response to the "
            "Panel is a clear weakness.",
        },
    ),
    _Interview(
        "cs-head",
        CUSTOMER,
        "Head of Customer Services",
        "Sandra Okafor",
        2,
        {
            "role": "Head of Customer Services (34 staff in the contact centre, complaints "
            "and customer insight)",
            "department": CUSTOMER,
            "tenant-contact": _A("daily", "Takes escalated calls herself most days."),
            "aware-of-pledges": True,
            "which-pledges": "Named four of the five. Linked 'tell you what changed' to the "
            "'You said, we did' page her team writes for the annual report.",
            "pledges-in-work": "Complaints learning goes to the Tenants' Panel's complaints "
            "sub-group every quarter. The sub-group chose the wording of the new complaints "
            "acknowledgement letter.",
            "how-monitored": [
                "Reports to managers or senior team",
                "Reported to tenants or the tenants' panel",
                "In staff appraisals or one-to-ones",
            ],
            "monitoring-notes": "Monthly customer feedback report to the Executive Team; "
            "quarterly to the complaints sub-group. Offered us a copy.",
            "ri-in-job": "both",
            "ri-in-job-detail": "Objective: 'act on at least four recommendations from the "
            "complaints sub-group each year'. Met it last year, with five acted on.",
            "knows-policy": 4,
            "knows-compact": False,
            "had-training": True,
            "training-what": "Two-day 'Listening to customers' course in 2023, with a session "
            "led by two Tenants' Panel members.",
            "training-more": "More on hearing from people who never complain: 'the silent "
            "majority'.",
            "feedback-routes": [
                "Newsletter or magazine",
                "Letter, email or text message",
                "Through the tenants' panel or forum",
            ],
            "change-example": "Contact centre opening hours were extended to 7 pm on Tuesdays "
            "and Thursdays in 2025 after a survey and the sub-group's review. Gave the dates "
            "and call figures.",
            "involve-or-consult": "Clear: the sub-group sets its own work programme, which is "
            "involvement; surveys are consultation.",
            "involvement-level": "involved",
            "groups-engaged": ["Black and minority ethnic tenants", "Disabled tenants"],
            "groups-how": "Text relay and British Sign Language video calls in the contact "
            "centre; an interpreting line covering 40 languages. Admitted the sub-group itself "
            "is 'mostly retired tenants'.",
            "profile-data": True,
            "across-departments": "Complaints themes go to Repairs every month, but Repairs "
            "'rarely come back to us' on what they changed.",
            "other-landlords": True,
            "other-landlords-detail": "A complaints benchmarking group with three other "
            "associations.",
            "value-for-money": "Can show fewer complaints escalated since the letters changed; "
            "has not put a cost on it.",
            "one-change": "Make every department report back to tenants the way complaints does.",
            "inspector-notes": "Sandra Okafor offered to send the monthly customer feedback "
            "report and the sub-group's terms of reference. Strong example of good practice.",
        },
    ),
    _Interview(
        "cs-adviser",
        CUSTOMER,
        "Customer Services Adviser",
        "Jamie Whitlock",
        2,
        {
            "role": "Customer Services Adviser (contact centre, 18 months in post)",
            "department": CUSTOMER,
            "tenant-contact": "daily",
            "aware-of-pledges": False,
            "how-monitored": ["Don't know"],
            "monitoring-notes": "Did not know of any reporting on involvement. Call-handling "
            "targets are checked every day.",
            "ri-in-job": "neither",
            "knows-policy": 1,
            "knows-compact": False,
            "had-training": False,
            "training-would-help": "Would like to know what to say when a caller asks how to "
            "get involved. At present transfers them to the Resident Involvement team's "
            "voicemail.",
            "feedback-routes": ["Don't know"],
            "change-example": "Could not think of one.",
            "involve-or-consult": "Not sure.",
            "involvement-level": "informed",
            "groups-engaged": ["None of these in particular"],
            "profile-data": False,
            "across-departments": "Emails involvement enquiries to the Resident Involvement "
            "team and does not hear what happens next.",
            "other-landlords": False,
            "value-for-money": "Don't know.",
            "one-change": "A simple script or leaflet for advisers, so callers are not passed "
            "around.",
            "inspector-notes": "Willing and friendly but had never heard of the pledges. Their "
            "induction in 2024 did not cover involvement, although the 'skilled staff' pledge "
            "promises training within six months.",
        },
    ),
    _Interview(
        "cs-complaints",
        CUSTOMER,
        "Complaints and Feedback Officer",
        "Nadia Rahman",
        3,
        {
            "role": "Complaints and Feedback Officer",
            "department": CUSTOMER,
            "tenant-contact": "daily",
            "aware-of-pledges": True,
            "which-pledges": "Named 'tell you what changed' and 'listen and act'; knew there "
            "are five.",
            "pledges-in-work": "Writes the quarterly 'You said, we did' summary for the "
            "complaints sub-group and the website.",
            "how-monitored": [
                "Reports to managers or senior team",
                "Reported to tenants or the tenants' panel",
            ],
            "monitoring-notes": "Keeps a log of every sub-group recommendation and what "
            "happened to it: 14 logged since 2024, 9 completed.",
            "ri-in-job": "objectives",
            "ri-in-job-detail": "Objective to publish 'You said, we did' every quarter; did "
            "so four times last year.",
            "knows-policy": 3,
            "knows-compact": False,
            "had-training": True,
            "training-what": "The same 'Listening to customers' course as her manager, in 2024.",
            "training-more": "A plain English writing course.",
            "feedback-routes": [
                "Newsletter or magazine",
                "Website or social media",
                "Through the tenants' panel or forum",
            ],
            "change-example": "The sub-group asked for complaint letters to name a contact "
            "person; done from January 2025.",
            "involve-or-consult": "Involvement is 'tenants deciding what we look at'.",
            "involvement-level": "involved",
            "groups-engaged": ["Leaseholders and shared owners"],
            "groups-how": "A separate leaseholders' complaints meeting twice a year, at the "
            "leaseholders' request.",
            "profile-data": False,
            "across-departments": "Chases other departments for replies to sub-group "
            "recommendations; Repairs and Development are the slowest to respond.",
            "other-landlords": False,
            "value-for-money": "Not measured.",
            "one-change": "Other departments taking the sub-group's recommendations as "
            "seriously as Customer Services does.",
            "inspector-notes": "The log of recommendations is good practice worth sharing "
            "across the association.",
        },
    ),
    _Interview(
        "hm-manager",
        HOUSING,
        "Housing Manager",
        "Paul Devereux",
        4,
        {
            "role": "Housing Manager, North area (manages eight neighbourhood officers)",
            "department": HOUSING,
            "tenant-contact": "weekly",
            "aware-of-pledges": True,
            "which-pledges": "Named two (listen and act, reach everyone) and said the others "
            "were 'about communication'.",
            "pledges-in-work": "Quarterly estate inspections with tenants on the larger "
            "estates. Attendance has fallen to 'the same three or four faces'.",
            "how-monitored": ["Reports to managers or senior team"],
            "monitoring-notes": "Estate inspection scores go to the Director of Housing. "
            "Tenants do not see the scores unless they ask.",
            "ri-in-job": "objectives",
            "ri-in-job-detail": "Objective: 'support tenant-led estate inspections'. No number "
            "or target; said he 'met it'.",
            "knows-policy": 3,
            "knows-compact": True,
            "compact-in-practice": "Thought the Compact meant the local agreements with "
            "residents' associations. Two of the three local agreements in his area lapsed in "
            "2023.",
            "had-training": True,
            "training-what": "An induction session in 2019. Nothing since.",
            "training-more": "Practical ideas for getting younger tenants to estate inspections.",
            "feedback-routes": ["Newsletter or magazine", "At meetings"],
            "change-example": "A new bin store at Heron Court after an estate inspection in 2024.",
            "involve-or-consult": "Said involvement is 'getting people to come to things'.",
            "involvement-level": "consulted",
            "groups-engaged": ["Older tenants"],
            "groups-how": "Estate inspections are on weekday mornings, which suits retired "
            "tenants. Has not tried other times.",
            "profile-data": False,
            "across-departments": "Reports estate defects to Repairs; tenants then ask the "
            "neighbourhood officer what happened, and officers 'have to chase'.",
            "other-landlords": False,
            "value-for-money": "Not something housing managers are asked about.",
            "one-change": "Saturday estate walkabouts, with Repairs there too.",
            "inspector-notes": "Paul Devereux was open about falling attendance. The local "
            "agreements lapsed without anyone noticing.",
        },
    ),
    _Interview(
        "hm-officer",
        HOUSING,
        "Neighbourhood Officer",
        "Chloe Barnett",
        4,
        {
            "role": "Neighbourhood Officer (a patch of about 650 homes)",
            "department": HOUSING,
            "tenant-contact": "daily",
            "aware-of-pledges": True,
            "which-pledges": "Named 'easy to take part' and described the travel-cost scheme "
            "correctly.",
            "pledges-in-work": "Set up a WhatsApp group for Kingfisher Estate with 90 members. "
            "Uses it to invite residents to estate inspections and to tell them what happened "
            "afterwards.",
            "how-monitored": ["In staff appraisals or one-to-ones"],
            "monitoring-notes": "Talks about the estate in one-to-ones; nothing about "
            "involvement is written down.",
            "ri-in-job": "objectives",
            "ri-in-job-detail": "The same objective as other officers: 'support tenant-led "
            "estate inspections'.",
            "knows-policy": 3,
            "knows-compact": False,
            "had-training": True,
            "training-what": "Half-day 'Engaging communities' session in 2025, run by the "
            "Resident Involvement team with two tenant trainers. Rated it highly.",
            "training-more": "How to handle meetings when residents are angry.",
            "feedback-routes": [
                "Letter, email or text message",
                "At meetings",
                "Website or social media",
            ],
            "change-example": "Kingfisher Estate residents chose their new play equipment in "
            "2025 through a vote in the WhatsApp group and a drop-in session.",
            "involve-or-consult": "Understood the difference well; gave the play area as an "
            "example of involvement.",
            "involvement-level": "involved",
            "groups-engaged": ["Young families", "Young people"],
            "groups-how": "WhatsApp, drop-ins at the school gate and a Saturday fun day. Works "
            "well with young families; harder with older residents who are not online.",
            "profile-data": False,
            "across-departments": "Works well with the Resident Involvement team; less well "
            "with Repairs.",
            "other-landlords": False,
            "value-for-money": "The play-area vote cost nothing but her time.",
            "one-change": "Let officers spend a small budget on what residents choose.",
            "inspector-notes": "Enthusiastic. The WhatsApp group is good practice but depends "
            "on her; there is no cover when she is away.",
        },
    ),
    _Interview(
        "hm-allocations",
        HOUSING,
        "Allocations Officer",
        "Imran Siddiqui",
        5,
        {
            "role": "Allocations Officer (lettings team)",
            "department": HOUSING,
            "tenant-contact": "daily",
            "aware-of-pledges": _A(
                False,
                "Imran Siddiqui said he had never seen the pledges written down and thought "
                "involvement was 'the Resident Involvement team's job'.",
            ),
            "how-monitored": ["Not monitored, as far as they know"],
            "monitoring-notes": "Lettings performance (re-let times) is checked every week. "
            "Nothing on involvement.",
            "ri-in-job": "neither",
            "knows-policy": 1,
            "knows-compact": False,
            "had-training": False,
            "training-would-help": "A short briefing on what new tenants can get involved in, "
            "so he can mention it at sign-up.",
            "feedback-routes": ["Don't know"],
            "change-example": "None that he knew of.",
            "involvement-level": "informed",
            "groups-engaged": ["None of these in particular"],
            "profile-data": False,
            "across-departments": "None.",
            "other-landlords": False,
            "value-for-money": "Don't know.",
            "one-change": "Put the How to Get Involved booklet in the sign-up pack; it is not "
            "in there now.",
        },
        notes="Short interview (25 minutes) between lettings appointments.",
    ),
    _Interview(
        "rm-manager",
        REPAIRS,
        "Repairs Manager",
        "Gareth Lloyd",
        6,
        {
            "role": "Repairs Manager (in-house team of 60 operatives and 6 supervisors)",
            "department": REPAIRS,
            "tenant-contact": "sometimes",
            "aware-of-pledges": True,
            "which-pledges": "Could name 'listen and act' only. Said the pledges are 'more "
            "for housing'.",
            "pledges-in-work": "Could not give an example from the last year.",
            "how-monitored": ["Reports to managers or senior team"],
            "monitoring-notes": "Repairs performance figures (right first time, appointments "
            "kept, satisfaction) go to the Executive Team every month; nothing is reported on "
            "involvement.",
            "ri-in-job": "neither",
            "knows-policy": 2,
            "knows-compact": False,
            "had-training": False,
            "training-would-help": "Said operatives would not have the time; supervisors "
            "might benefit.",
            "feedback-routes": ["Don't know"],
            "change-example": "Evening appointments (2025), but described them as 'a Customer "
            "Services thing'.",
            "involve-or-consult": "Said Repairs 'consults through the satisfaction survey'.",
            "involvement-level": "informed",
            "groups-engaged": ["Disabled tenants"],
            "groups-how": "Vulnerability flags on the repairs system give priority "
            "appointments. Not involvement as such.",
            "profile-data": False,
            "across-departments": "Receives complaints themes from Customer Services every "
            "month. Admitted the team does not reply with what it changed.",
            "other-landlords": False,
            "value-for-money": "Not measured.",
            "one-change": "Did not suggest anything.",
            "inspector-notes": "Limited understanding of involvement in repairs. The tenants' "
            "repairs review in 2025 was led by Customer Services, not Repairs.",
        },
    ),
    _Interview(
        "rm-surveyor",
        REPAIRS,
        "Repairs Surveyor (damp and mould)",
        "Kevin O'Neill",
        7,
        {
            "role": "Repairs Surveyor, damp and mould",
            "department": REPAIRS,
            "tenant-contact": "daily",
            "aware-of-pledges": False,
            "how-monitored": ["Don't know"],
            "monitoring-notes": "Damp and mould cases are reviewed every week; nothing on "
            "involvement.",
            "ri-in-job": "neither",
            "knows-policy": 1,
            "knows-compact": False,
            "had-training": False,
            "training-would-help": "Would value learning how to explain damp and mould "
            "findings to residents in plain language.",
            "feedback-routes": ["They don't hear back"],
            "change-example": "Residents asked for a follow-up visit after mould treatment. He "
            "now does this for his own cases, but it is not the policy.",
            "involve-or-consult": "Not sure of the difference.",
            "involvement-level": "not-at-all",
            "groups-engaged": ["None of these in particular"],
            "profile-data": False,
            "across-departments": "Works with neighbourhood officers on damp cases.",
            "other-landlords": False,
            "value-for-money": "Don't know.",
            "one-change": "Ask residents what they think of the damp and mould service six "
            "months after the work.",
            "inspector-notes": "A good instinct for listening to residents (the follow-up "
            "visits) but no support or recognition for it.",
        },
    ),
    _Interview(
        "sh-manager",
        SUPPORTED,
        "Supported Housing Manager",
        "Rosemary Adeyemi",
        5,
        {
            "role": "Supported Housing Manager (14 sheltered and 2 extra-care schemes)",
            "department": SUPPORTED,
            "tenant-contact": "weekly",
            "aware-of-pledges": True,
            "which-pledges": "Named all five, and gave the targets for 'tell you what changed' "
            "and 'skilled staff'.",
            "pledges-in-work": "Every scheme holds a residents' meeting each month. Scheme "
            "managers report what changed at the next meeting, using a 'You asked, we did' "
            "board in the lounge.",
            "how-monitored": [
                "Reports to managers or senior team",
                "Reported to tenants or the tenants' panel",
                "In staff appraisals or one-to-ones",
            ],
            "monitoring-notes": "Quarterly scheme reports include meeting attendance and "
            "actions completed, and are shared with the Sheltered Residents' Forum.",
            "ri-in-job": "both",
            "ri-in-job-detail": "Objective: every scheme holds at least ten residents' meetings "
            "a year and publishes the actions. 15 of the 16 schemes met it last year.",
            "knows-policy": 5,
            "knows-compact": True,
            "compact-in-practice": "The sheltered schemes have their own residents' charter, "
            "agreed with the Sheltered Residents' Forum in 2024, and the meetings follow it.",
            "had-training": True,
            "training-what": "The Resident Involvement team's 'Engaging communities' training "
            "in 2025, and dementia-friendly communication training.",
            "training-more": "Training for scheme managers on running meetings where some "
            "residents have hearing loss.",
            "feedback-routes": [
                "Letter, email or text message",
                "At meetings",
                "Through the tenants' panel or forum",
            ],
            "change-example": "Residents at two schemes compared quotes and chose a new "
            "laundry contract in 2025; charges to residents fell.",
            "involve-or-consult": "Very clear. Described the laundry decision as 'residents in "
            "control'.",
            "involvement-level": "in-control",
            "groups-engaged": ["Disabled tenants", "Older tenants"],
            "groups-how": "Meetings in the scheme lounge at times residents choose, large-print "
            "minutes, hearing loops in 12 of the 16 lounges, and visits at home for residents "
            "who cannot come.",
            "profile-data": True,
            "across-departments": "Works closely with Finance on explaining service charges; "
            "less with Development on the design of new extra-care schemes.",
            "other-landlords": True,
            "other-landlords-detail": "A joint residents' training day with a neighbouring "
            "association's sheltered schemes in 2025.",
            "value-for-money": "Can show that the laundry change saved each resident about £40 "
            "a year.",
            "one-change": "Sheltered residents on the design panel for the new extra-care scheme.",
            "inspector-notes": "Excellent. A strong culture of involvement in the sheltered "
            "schemes.",
        },
    ),
    _Interview(
        "sh-scheme",
        SUPPORTED,
        "Scheme Manager (sheltered housing)",
        "Barbara Kettle",
        6,
        {
            "role": "Scheme Manager, Alder Court sheltered scheme (42 flats)",
            "department": SUPPORTED,
            "tenant-contact": "daily",
            "aware-of-pledges": True,
            "which-pledges": "Named three, and knew the 'You asked, we did' board comes from "
            "the 'tell you what changed' pledge.",
            "pledges-in-work": "A residents' meeting every month and a weekly coffee morning; "
            "residents set the agenda.",
            "how-monitored": [
                "Reported to tenants or the tenants' panel",
                "In staff appraisals or one-to-ones",
            ],
            "monitoring-notes": "Actions from each meeting are listed on the board in the "
            "lounge and reviewed at the next meeting.",
            "ri-in-job": "both",
            "ri-in-job-detail": "Ten meetings a year with published actions; held eleven last "
            "year.",
            "knows-policy": 4,
            "knows-compact": False,
            "had-training": True,
            "training-what": "Dementia-friendly communication (2024) and the Resident "
            "Involvement team's training (2025).",
            "training-more": "Help for residents to use video calls, so that housebound "
            "residents can join meetings.",
            "feedback-routes": ["Letter, email or text message", "At meetings"],
            "change-example": "Barbara Kettle described how residents chose new lounge "
            "furniture in 2025 after trying samples; the old chairs were too low for several "
            "residents.",
            "involve-or-consult": "Clear on the difference.",
            "involvement-level": "in-control",
            "groups-engaged": ["Disabled tenants", "Older tenants"],
            "groups-how": "Large-print notices, meetings in the lounge at 11 am, and a knock on "
            "the door for residents who don't come.",
            "profile-data": False,
            "across-departments": "Repairs appointments at the scheme are often missed; she "
            "chases them herself.",
            "other-landlords": False,
            "value-for-money": "Not asked.",
            "one-change": "Repairs staff to come to a residents' meeting twice a year.",
            "inspector-notes": "Warm and knowledgeable; residents clearly trust her.",
        },
    ),
    _Interview(
        "fi-director",
        FINANCE,
        "Director of Finance",
        "Martin Hale",
        7,
        {
            "role": "Director of Finance (finance, rents and income, service charges)",
            "department": FINANCE,
            "tenant-contact": "rarely",
            "aware-of-pledges": True,
            "which-pledges": "Said there are 'several pledges' but could not name any.",
            "pledges-in-work": "None he could describe.",
            "how-monitored": ["Don't know"],
            "monitoring-notes": "Assumed the Resident Involvement team reports to the "
            "Executive Team.",
            "ri-in-job": "neither",
            "knows-policy": 2,
            "knows-compact": False,
            "had-training": True,
            "training-what": "The Board session on the consumer standards, 2024.",
            "training-more": "None wanted.",
            "feedback-routes": ["Newsletter or magazine"],
            "change-example": "Service charge statements were redesigned in 2023 after a "
            "leaseholder survey. Could not say whether tenants had been asked if the new "
            "statements are clearer.",
            "involve-or-consult": "Said involvement 'costs money and slows decisions down'.",
            "involvement-level": "informed",
            "groups-engaged": ["Leaseholders and shared owners"],
            "groups-how": "An annual service charge meeting for leaseholders, as the law requires.",
            "profile-data": False,
            "across-departments": "Sets the involvement budget each year with the Resident "
            "Involvement Manager.",
            "other-landlords": False,
            "value-for-money": "Knows the budget line but not what it buys: no cost per "
            "involved tenant, no cost of the Tenants' Panel. 'The Board has never asked.'",
            "one-change": "Involvement should show what it delivers, like any other budget.",
            "inspector-notes": "Little ownership of involvement in Finance. Value for money is "
            "not measured at all.",
        },
    ),
    _Interview(
        "fi-accountant",
        FINANCE,
        "Service Charge Accountant",
        "Elaine Foster",
        8,
        {
            "role": "Service Charge Accountant",
            "department": FINANCE,
            "tenant-contact": "sometimes",
            "aware-of-pledges": False,
            "how-monitored": ["Don't know"],
            "ri-in-job": "neither",
            "knows-policy": 1,
        },
        status="in_progress",
        current_question="knows-compact",
        notes="Interview cut short after 20 minutes: the interviewee was called into a "
        "year-end meeting. To be finished on 24 March.",
    ),
    _Interview(
        "dv-head",
        DEVELOPMENT,
        "Head of Development",
        "Richard Sutton",
        9,
        {
            "role": "Head of Development (new homes and regeneration)",
            "department": DEVELOPMENT,
            "tenant-contact": "rarely",
            "aware-of-pledges": True,
            "which-pledges": "Named 'listen and act' and said it 'applies to housing services, "
            "not to building new homes'.",
            "pledges-in-work": "Pointed to the design panel of residents from recent schemes, "
            "which comments on new house types.",
            "how-monitored": ["Reports to the board or councillors"],
            "monitoring-notes": "The Board receives a consultation report for each scheme at "
            "planning stage.",
            "ri-in-job": "job-description",
            "ri-in-job-detail": "Job description: 'consult residents on development "
            "proposals'. Regeneration consultation meets the legal minimum.",
            "knows-policy": 2,
            "knows-compact": False,
            "had-training": False,
            "training-would-help": "Would welcome learning from other developers' resident "
            "design panels.",
            "feedback-routes": ["At meetings", "Website or social media"],
            "change-example": "The design panel asked for bigger kitchens and more storage in "
            "the new house types; adopted from 2025.",
            "involve-or-consult": "Saw consultation at planning stage as enough.",
            "involvement-level": "consulted",
            "groups-engaged": ["Young families"],
            "groups-how": "The design panel includes two young families from recent new-build "
            "schemes.",
            "profile-data": False,
            "across-departments": "Little contact with Housing Management until handover, when "
            "new residents are told about involvement.",
            "other-landlords": True,
            "other-landlords-detail": "A development partnership with two associations; no "
            "shared approach to involving residents.",
            "value-for-money": "Said the design panel's changes 'pay for themselves' in fewer "
            "complaints about defects, but had no figures.",
            "one-change": "The design panel involved in the regeneration of Marsh Lane Estate "
            "from the start.",
            "inspector-notes": "The design panel is good practice. The regeneration of Marsh "
            "Lane Estate is the main risk: residents have only been consulted on a finished "
            "masterplan.",
        },
    ),
    _Interview(
        "tenant-kingfisher",
        HOUSING,
        "Tenant, Kingfisher Estate",
        "Maureen Pike",
        3,
        {
            "tenure": "tenant",
            "knew-about-involvement": True,
            "heard-how": ["Newsletter or magazine", "A housing officer or other staff"],
            "information-clear": _A(3, "Said the booklet was 'all small print'."),
            "taken-part": True,
            "activities": ["Surveys or questionnaires", "Estate walkabouts or inspections"],
            "meetings-accessible": "mostly",
            "barriers": ["Meeting times"],
            "barriers-detail": "Estate inspections are on weekday mornings. She works "
            "part-time and can only go in the school holidays.",
            "told-outcome": "sometimes",
            "made-difference": "little",
            "difference-example": "The new bin store, but it took a year and nobody told "
            "residents why.",
            "felt-valued": 3,
            "would-help": ["Meetings at different times", "Seeing that it makes a difference"],
            "anything-else": "Likes the estate WhatsApp group: 'At least you hear what's going on.'",
        },
        kind="tenant",
        questionnaire=TENANT_Q,
    ),
    _Interview(
        "tenant-alder",
        SUPPORTED,
        "Tenant, Alder Court sheltered scheme",
        "Albert Nwosu",
        8,
        {
            "tenure": "tenant",
            "knew-about-involvement": True,
            "heard-how": [
                "A housing officer or other staff",
                "Notice board, event or door knock",
            ],
            "information-clear": 4,
            "taken-part": True,
            "activities": ["Residents' or tenants' association"],
            "meetings-accessible": "always",
            "barriers": ["Disability or health"],
            "barriers-detail": "Hearing loss. The loop in the lounge helps, but the Tenants' "
            "Panel's meeting room at head office has none.",
            "told-outcome": "always",
            "made-difference": "real",
            "difference-example": "Residents chose the new laundry contract and the lounge "
            "furniture.",
            "felt-valued": 5,
            "would-help": ["Taking part online or by phone"],
            "inspector-notes": "Albert Nwosu would like to join the Tenants' Panel if its "
            "meetings had a hearing loop. Passed on to the Resident Involvement Manager with "
            "his agreement.",
        },
        kind="tenant",
        questionnaire=TENANT_Q,
    ),
)

#: The private interviewee names in the small demo (some also appear inside notes).
DEMO_INTERVIEWEE_NAMES: tuple[str, ...] = tuple(iv.name for iv in INTERVIEWS)


@dataclass(frozen=True)
class _F:
    """A finding: ``source`` is ``doc:<key>`` or ``iv:<key>``; ``question`` cites an answer."""

    key: str
    kind: str
    text: str
    themes: tuple[str, ...]
    source: str
    question: str = ""
    area: str = ""  # overrides the area of the evidence
    internal: bool = False


FINDINGS: tuple[_F, ...] = (
    # A. Desktop review
    _F(
        "strategy-cowritten",
        "strength",
        "The Resident Involvement Strategy 2024–2027 was written with the Tenants' Panel over "
        "four workshops, and says so on page 2.",
        ("compacts", "pf-partnership", "pf-policy-strategy"),
        "doc:strategy",
        "tenants-involved",
    ),
    _F(
        "strategy-targets",
        "strength",
        "Each of the Strategy's five pledges has a measurable target (for example, 'we will "
        "report back within three months of asking for your views'), so progress can be "
        "checked.",
        ("impact", "pf-monitoring-impact", "pf-policy-strategy"),
        "doc:strategy",
        "outcomes",
    ),
    _F(
        "annual-report-clear",
        "strength",
        "The Annual Report to Tenants 2024/25 is the clearest document we read: short "
        "sentences, everyday words and a contents page that helps readers find their way.",
        ("pf-information", "access-customer-care"),
        "doc:annual-report",
        "plain-english",
    ),
    _F(
        "annual-report-you-said",
        "good_practice",
        "The Annual Report's 'You said, we did' page gives the date of each change and names "
        "the tenants' group that asked for it. Other documents should follow its example.",
        ("pf-feedback", "impact"),
        "doc:annual-report",
        "observations",
    ),
    _F(
        "statement-formats",
        "strength",
        "The Tenant Involvement Statement offers large print, audio and other languages, and "
        "gives a phone number and email address to ask for them.",
        ("access-customer-care", "diversity", "pf-diversity-inclusion"),
        "doc:statement",
        "formats",
    ),
    _F(
        "booklet-undated",
        "weakness",
        "The How to Get Involved booklet is undated, so neither tenants nor staff can tell "
        "whether it is current.",
        ("pf-information", "pf-monitoring-impact"),
        "doc:booklet",
        "dated",
    ),
    _F(
        "booklet-print",
        "weakness",
        "The How to Get Involved booklet is printed in 10 point type with italic headings, "
        "below the association's own standard of at least 12 point and no italic type.",
        ("access-customer-care", "diversity"),
        "doc:booklet",
        "font-size",
    ),
    _F(
        "booklet-formats",
        "weakness",
        "The booklet does not say that it is available in other formats or languages, "
        "although it is the document new tenants are most likely to be given.",
        ("diversity", "pf-diversity-inclusion", "access-customer-care"),
        "doc:booklet",
        "formats-offered",
    ),
    _F(
        "booklet-forum",
        "weakness",
        "The booklet still invites tenants to join the Tenants' Forum, which stopped meeting "
        "in 2024.",
        ("pf-information",),
        "doc:booklet",
        "current",
    ),
    _F(
        "charter-overdue",
        "weakness",
        "The Customer Charter passed its review date in September 2023 and has not been "
        "reviewed since.",
        ("pf-monitoring-impact", "access-customer-care"),
        "doc:charter",
        "current",
    ),
    _F(
        "charter-contradiction",
        "weakness",
        "The Customer Charter promises a reply to letters and emails within 5 working days; "
        "the How to Get Involved booklet says 10 working days. Tenants cannot tell which "
        "promise applies.",
        ("access-customer-care", "pf-policy-strategy"),
        "doc:charter",
        "consistency-notes",
    ),
    _F(
        "compact-lapsed",
        "weakness",
        "The Compact was signed in 2019 with the Tenants' Federation, which wound up in 2022. "
        "It has no review date and no current tenants' body is party to it.",
        ("compacts", "pf-partnership"),
        "doc:compact",
        "current",
    ),
    _F(
        "objectives-missing",
        "weakness",
        "Involvement appears in staff objectives only for Housing Management and Customer "
        "Services roles, and then as 'support resident involvement' with no measure or "
        "target, although the Strategy promises an involvement objective for every member "
        "of staff.",
        ("pf-commitment", "pf-monitoring-impact", "resources"),
        "doc:objectives",
        "consistency-notes",
    ),
    _F(
        "strategy-jargon",
        "weakness",
        "The Strategy uses jargon and abbreviations it does not explain ('co-regulatory "
        "framework', 'RI', 'KPIs'), which makes it hard going for many tenants.",
        ("pf-information", "access-customer-care"),
        "doc:strategy",
        "plain-english",
    ),
    _F(
        "pledges-repeated",
        "observation",
        "The five pledges are repeated word for word in the Tenant Involvement Statement, "
        "the Strategy and the Action Plan. Repetition is not harmful in itself, but three "
        "documents now have to be kept in step.",
        ("pf-policy-strategy", "value-for-money"),
        "doc:statement",
        "consistency-notes",
    ),
    _F(
        "action-plan-red",
        "observation",
        "The Action Plan 2025/26 rates 6 of its 22 actions red; five of the six are about "
        "staff training and awareness.",
        ("pf-training-support", "pf-monitoring-impact"),
        "doc:action-plan",
        "observations",
    ),
    _F(
        "annual-report-italics",
        "observation",
        "Tenants' quotes in the Annual Report are printed in italics, which the "
        "association's own standard asks it to avoid.",
        ("access-customer-care",),
        "doc:annual-report",
        "typeface",
    ),
    _F(
        "booklet-hard-to-find",
        "observation",
        "The How to Get Involved booklet is four clicks from the website's home page and is "
        "not in the new tenant sign-up pack.",
        ("pf-information", "access-customer-care"),
        "doc:booklet",
        "where-found",
    ),
    # B. Chief Executive's Office
    _F(
        "ceo-knows-pledges",
        "strength",
        "The Chief Executive knew all five pledges and described them accurately, and "
        "involvement is a standing item at Executive Team meetings.",
        ("pf-commitment",),
        "iv:ceo",
        "which-pledges",
    ),
    _F(
        "ceo-contract-panel",
        "good_practice",
        "Two Tenants' Panel members sat on the evaluation panel for the 2025 repairs contract "
        "and scored the bids alongside staff.",
        ("pf-partnership", "impact", "pf-commitment"),
        "iv:ceo",
        "pledges-in-work",
    ),
    _F(
        "ceo-profile",
        "strength",
        "The Board receives a yearly profile of involved tenants, and the Chief Executive "
        "could say which groups are under-represented.",
        ("diversity", "pf-monitoring-impact"),
        "iv:ceo",
        "profile-data",
    ),
    _F(
        "ceo-benchmarking",
        "strength",
        "The association shares the cost of tenant training days with four other "
        "associations through a regional benchmarking club.",
        ("value-for-money", "pf-partnership"),
        "iv:ceo",
        "other-landlords-detail",
    ),
    _F(
        "ceo-dashboard-activity",
        "weakness",
        "The quarterly involvement dashboard counts meetings held and people attending, not "
        "what changed as a result.",
        ("impact", "pf-monitoring-impact"),
        "iv:ceo",
        "monitoring-notes",
    ),
    _F(
        "ceo-no-owners",
        "weakness",
        "Directors are expected to 'own' a pledge each, but this is not written down anywhere "
        "and none of the other directors we interviewed mentioned it.",
        ("pf-commitment", "pf-scrutiny"),
        "iv:ceo",
        "across-departments",
    ),
    _F(
        "board-no-reply",
        "weakness",
        "The Board receives the Tenants' Panel's minutes and recommendations but does not "
        "reply to them in writing, so the Panel cannot see what the Board decided.",
        ("pf-feedback", "pf-scrutiny"),
        "iv:governance",
        "monitoring-notes",
    ),
    _F(
        "board-reports-blank",
        "weakness",
        "The 'what tenants told us' section of Board reports is often left blank or marked "
        "'not applicable'.",
        ("pf-scrutiny", "pf-commitment"),
        "iv:governance",
        "pledges-in-work",
    ),
    _F(
        "board-tenant-members",
        "observation",
        "Both tenant Board members are over 65 and both are leaseholders.",
        ("diversity", "pf-diversity-inclusion"),
        "iv:governance",
        "anything-else",
    ),
    _F(
        "ceo-compact-no-date",
        "observation",
        "The Chief Executive accepts that a new Compact is needed, but there is no date for it.",
        ("compacts",),
        "iv:ceo",
        "compact-in-practice",
    ),
    # C. Customer Services
    _F(
        "cs-subgroup",
        "good_practice",
        "The Tenants' Panel's complaints sub-group reviews complaints learning every quarter "
        "and chose the wording of the new complaints acknowledgement letter.",
        ("pf-partnership", "pf-scrutiny", "impact"),
        "iv:cs-head",
        "pledges-in-work",
    ),
    _F(
        "cs-objective",
        "strength",
        "The Head of Customer Services has a measurable involvement objective (act on at "
        "least four sub-group recommendations a year) and met it last year.",
        ("pf-commitment", "pf-monitoring-impact"),
        "iv:cs-head",
        "ri-in-job-detail",
    ),
    _F(
        "cs-opening-hours",
        "strength",
        "Contact centre opening hours were extended to 7 pm on Tuesdays and Thursdays in 2025 "
        "after tenants asked for it: a clear example of tenants' views changing a service.",
        ("impact", "access-customer-care"),
        "iv:cs-head",
        "change-example",
    ),
    _F(
        "cs-log",
        "good_practice",
        "The Complaints and Feedback Officer keeps a log of every sub-group recommendation and "
        "what happened to it (14 since 2024, 9 completed).",
        ("pf-feedback", "pf-monitoring-impact"),
        "iv:cs-complaints",
        "monitoring-notes",
    ),
    _F(
        "cs-access",
        "strength",
        "The contact centre offers text relay, British Sign Language video calls and an "
        "interpreting line covering 40 languages.",
        ("access-customer-care", "diversity"),
        "iv:cs-head",
        "groups-how",
    ),
    _F(
        "cs-adviser-unaware",
        "weakness",
        "A Customer Services Adviser in post for 18 months had never heard of the pledges, "
        "and their induction did not cover involvement, contrary to the 'skilled staff' "
        "pledge.",
        ("pf-training-support", "pf-commitment"),
        "iv:cs-adviser",
        "aware-of-pledges",
    ),
    _F(
        "cs-no-script",
        "weakness",
        "Advisers have no script or information for callers who ask how to get involved; "
        "such calls are put through to the Resident Involvement team's voicemail.",
        ("access-customer-care", "pf-information"),
        "iv:cs-adviser",
        "training-would-help",
    ),
    _F(
        "cs-no-reply-from-others",
        "weakness",
        "Complaints themes passed to other departments, Repairs in particular, rarely come "
        "back with an answer about what changed.",
        ("pf-feedback", "pf-partnership"),
        "iv:cs-head",
        "across-departments",
    ),
    _F(
        "cs-subgroup-retired",
        "observation",
        "The complaints sub-group is made up mostly of retired tenants.",
        ("diversity",),
        "iv:cs-head",
        "groups-how",
    ),
    # D. Housing Management
    _F(
        "hm-play-area",
        "strength",
        "Kingfisher Estate residents chose their new play equipment in 2025 through a vote "
        "and a drop-in session organised by their neighbourhood officer.",
        ("impact", "pf-partnership"),
        "iv:hm-officer",
        "change-example",
    ),
    _F(
        "hm-whatsapp",
        "good_practice",
        "A neighbourhood officer runs an estate WhatsApp group with 90 members, used to "
        "invite residents to estate inspections and to tell them what happened afterwards.",
        ("pf-information", "pf-feedback", "diversity"),
        "iv:hm-officer",
        "pledges-in-work",
    ),
    _F(
        "hm-training-valued",
        "strength",
        "Involvement training run in 2025 by the Resident Involvement team with tenant "
        "trainers was well regarded by the officer who attended.",
        ("pf-training-support",),
        "iv:hm-officer",
        "training-what",
    ),
    _F(
        "hm-attendance",
        "weakness",
        "Attendance at estate inspections has fallen to 'the same three or four faces', and "
        "inspections are only held on weekday mornings.",
        ("diversity", "access-customer-care", "pf-diversity-inclusion"),
        "iv:hm-manager",
        "pledges-in-work",
    ),
    _F(
        "hm-scores-not-shared",
        "weakness",
        "Estate inspection scores are reported to the Director of Housing but not to the "
        "tenants who took part.",
        ("pf-feedback",),
        "iv:hm-manager",
        "monitoring-notes",
    ),
    _F(
        "hm-local-agreements",
        "weakness",
        "Two of the three local agreements with residents' associations in the North area "
        "lapsed in 2023 without anyone noticing.",
        ("compacts",),
        "iv:hm-manager",
        "compact-in-practice",
    ),
    _F(
        "hm-signup",
        "weakness",
        "The Allocations Officer had never seen the pledges, and new tenants are not told "
        "about involvement when they sign their tenancy.",
        ("pf-information", "pf-training-support"),
        "iv:hm-allocations",
        "aware-of-pledges",
    ),
    _F(
        "hm-working-tenant",
        "weakness",
        "A tenant who works part-time can only go to estate inspections in the school "
        "holidays, because they are held on weekday mornings.",
        ("diversity", "access-customer-care"),
        "iv:tenant-kingfisher",
        "barriers-detail",
    ),
    _F(
        "hm-objective-vague",
        "observation",
        "Neighbourhood officers' involvement objective ('support tenant-led estate "
        "inspections') has no number or target.",
        ("pf-monitoring-impact", "pf-commitment"),
        "iv:hm-manager",
        "ri-in-job-detail",
    ),
    _F(
        "hm-whatsapp-cover",
        "observation",
        "The estate WhatsApp group depends on one officer; there is no cover when she is away.",
        ("resources",),
        "iv:hm-officer",
        "inspector-notes",
    ),
    _F(
        "hm-bin-store",
        "observation",
        "A tenant told us the new bin store took a year and nobody told residents why.",
        ("pf-feedback",),
        "iv:tenant-kingfisher",
        "difference-example",
    ),
    _F(
        "hm-attribution",
        "observation",
        "Paul Devereux asked that his comments on falling attendance should not be taken as "
        "criticism of his officers; the team agreed to report them for the North area as a "
        "whole.",
        ("resources",),
        "iv:hm-manager",
        "",
        internal=True,
    ),
    # E. Repairs and Maintenance
    _F(
        "rm-one-pledge",
        "weakness",
        "The Repairs Manager could name only one pledge and sees the pledges as 'more for "
        "housing'.",
        ("pf-commitment",),
        "iv:rm-manager",
        "which-pledges",
    ),
    _F(
        "rm-no-objectives",
        "weakness",
        "Involvement is in neither the job descriptions nor the objectives of the repairs "
        "staff we interviewed.",
        ("pf-commitment", "resources"),
        "iv:rm-manager",
        "ri-in-job",
    ),
    _F(
        "rm-no-feedback",
        "weakness",
        "Repairs does not tell Customer Services or tenants what it has changed in response "
        "to complaints themes.",
        ("pf-feedback", "pf-partnership"),
        "iv:rm-manager",
        "across-departments",
    ),
    _F(
        "rm-no-training",
        "weakness",
        "Neither of the repairs staff we interviewed had had any training on involvement.",
        ("pf-training-support",),
        "iv:rm-surveyor",
        "had-training",
    ),
    _F(
        "rm-damp-views",
        "weakness",
        "Residents are not asked for their views on the damp and mould service once the work "
        "is done.",
        ("impact", "access-customer-care"),
        "iv:rm-surveyor",
        "one-change",
    ),
    _F(
        "rm-follow-up",
        "strength",
        "A repairs surveyor now makes a follow-up visit after mould treatment because "
        "residents asked for it.",
        ("access-customer-care", "impact"),
        "iv:rm-surveyor",
        "change-example",
    ),
    _F(
        "rm-vulnerability",
        "observation",
        "Vulnerability flags on the repairs system give disabled tenants priority "
        "appointments. This is good service, but it is not involvement.",
        ("diversity",),
        "iv:rm-manager",
        "groups-how",
    ),
    _F(
        "rm-missed-appointments",
        "observation",
        "Repairs appointments at a sheltered scheme are often missed, and the scheme manager "
        "chases them herself.",
        ("access-customer-care",),
        "iv:sh-scheme",
        "across-departments",
        area=REPAIRS,
    ),
    # F. Supported Housing
    _F(
        "sh-board",
        "good_practice",
        "Every sheltered scheme has a 'You asked, we did' board in the lounge, and scheme "
        "managers report back on actions at the next residents' meeting.",
        ("pf-feedback", "impact"),
        "iv:sh-manager",
        "pledges-in-work",
    ),
    _F(
        "sh-objective",
        "strength",
        "Scheme managers have a measurable objective (ten residents' meetings a year with "
        "published actions), met by 15 of the 16 schemes last year.",
        ("pf-commitment", "pf-monitoring-impact"),
        "iv:sh-manager",
        "ri-in-job-detail",
    ),
    _F(
        "sh-laundry",
        "strength",
        "Residents at two schemes compared quotes and chose a new laundry contract in 2025, "
        "saving each resident about £40 a year.",
        ("value-for-money", "impact", "pf-partnership"),
        "iv:sh-manager",
        "change-example",
    ),
    _F(
        "sh-meetings-accessible",
        "strength",
        "Residents' meetings are held at times residents choose, with large-print minutes, "
        "hearing loops in 12 of the 16 lounges and visits at home for residents who cannot "
        "attend.",
        ("access-customer-care", "diversity", "pf-diversity-inclusion"),
        "iv:sh-manager",
        "groups-how",
    ),
    _F(
        "sh-furniture",
        "strength",
        "Residents at Alder Court chose their new lounge furniture after trying samples.",
        ("impact",),
        "iv:sh-scheme",
        "change-example",
    ),
    _F(
        "sh-tenant-valued",
        "strength",
        "A sheltered tenant told us he is always told what happened after residents' "
        "meetings and feels his views are valued.",
        ("pf-feedback", "pf-commitment"),
        "iv:tenant-alder",
        "felt-valued",
    ),
    _F(
        "sh-charter",
        "good_practice",
        "The Sheltered Residents' Forum agreed its own residents' charter with the "
        "association in 2024, and scheme meetings follow it.",
        ("compacts", "pf-partnership"),
        "iv:sh-manager",
        "compact-in-practice",
    ),
    _F(
        "sh-hearing-loops",
        "weakness",
        "Four of the sixteen scheme lounges have no hearing loop, and neither does the "
        "Tenants' Panel's meeting room at head office.",
        ("diversity", "access-customer-care"),
        "iv:tenant-alder",
        "barriers-detail",
    ),
    _F(
        "sh-extra-care-design",
        "observation",
        "Sheltered residents are not yet involved in designing the new extra-care scheme.",
        ("pf-partnership",),
        "iv:sh-manager",
        "one-change",
    ),
    # G. Finance
    _F(
        "fi-no-pledges",
        "weakness",
        "The Director of Finance could not name any of the pledges.",
        ("pf-commitment",),
        "iv:fi-director",
        "which-pledges",
    ),
    _F(
        "fi-vfm",
        "weakness",
        "The association does not know what its involvement budget (about £310,000 a year) "
        "buys: there is no cost per involved tenant and no measure of the return.",
        ("value-for-money", "resources", "impact"),
        "iv:fi-director",
        "value-for-money",
    ),
    _F(
        "fi-attitude",
        "weakness",
        "The Director of Finance described involvement as something that 'costs money and "
        "slows decisions down'.",
        ("pf-commitment",),
        "iv:fi-director",
        "involve-or-consult",
        internal=True,
    ),
    _F(
        "fi-statements",
        "weakness",
        "Tenants were not asked whether the redesigned service charge statements are easier "
        "to understand.",
        ("pf-feedback", "access-customer-care"),
        "iv:fi-director",
        "change-example",
    ),
    _F(
        "fi-tenants-no-meeting",
        "observation",
        "Leaseholders have an annual service charge meeting, as the law requires; tenants who "
        "pay service charges have nothing similar.",
        ("diversity", "value-for-money"),
        "iv:fi-director",
        "groups-how",
    ),
    _F(
        "fi-unfinished",
        "observation",
        "The interview with the Service Charge Accountant was cut short and is to be "
        "finished; the answers so far show no awareness of the pledges.",
        ("pf-commitment",),
        "iv:fi-accountant",
        "aware-of-pledges",
    ),
    _F(
        "fi-sheltered-charges",
        "strength",
        "Finance works with Supported Housing to explain service charges to sheltered residents.",
        ("value-for-money", "pf-partnership"),
        "iv:sh-manager",
        "across-departments",
        area=FINANCE,
    ),
    # H. Development
    _F(
        "dv-design-panel",
        "good_practice",
        "A design panel of residents from recent schemes comments on new house types; its "
        "call for bigger kitchens and more storage was adopted from 2025.",
        ("impact", "pf-partnership"),
        "iv:dv-head",
        "change-example",
    ),
    _F(
        "dv-young-families",
        "strength",
        "The design panel includes young families from recent new-build schemes, a group "
        "under-represented elsewhere in the association's involvement.",
        ("diversity", "pf-diversity-inclusion"),
        "iv:dv-head",
        "groups-how",
    ),
    _F(
        "dv-marsh-lane",
        "weakness",
        "Residents of Marsh Lane Estate have only been consulted on a finished regeneration "
        "masterplan, not involved in shaping it.",
        ("pf-partnership", "compacts", "impact"),
        "iv:dv-head",
        "inspector-notes",
    ),
    _F(
        "dv-pledges-not-ours",
        "weakness",
        "The Head of Development believes the pledges apply to housing services, not to "
        "building new homes.",
        ("pf-commitment", "pf-policy-strategy"),
        "iv:dv-head",
        "which-pledges",
    ),
    _F(
        "dv-no-training",
        "weakness",
        "Development staff have had no involvement training.",
        ("pf-training-support",),
        "iv:dv-head",
        "had-training",
    ),
    _F(
        "dv-partnership",
        "observation",
        "The association's development partnership with two other associations has no shared "
        "approach to involving residents.",
        ("pf-partnership",),
        "iv:dv-head",
        "other-landlords-detail",
    ),
    _F(
        "dv-no-figures",
        "observation",
        "The Head of Development believes the design panel's changes reduce complaints about "
        "defects, but has no figures to show it.",
        ("value-for-money",),
        "iv:dv-head",
        "value-for-money",
    ),
)


#: Final judgement per area: (grade, rationale).
JUDGEMENTS: dict[str, tuple[str, str]] = {
    DESKTOP: (
        "balance",
        "The Strategy and the Annual Report are good documents: written with tenants, with "
        "measurable pledges and a clear 'You said, we did'. But the documents tenants are "
        "most likely to see first, the How to Get Involved booklet and the Customer Charter, "
        "are out of date, fall below the association's own accessibility standard and "
        "contradict each other, and the Compact has no current tenants' body behind it.",
    ),
    CEO: (
        "outweigh",
        "Commitment from the top is real and visible, and tenants have taken part in major "
        "decisions such as the repairs contract. The weaknesses are in the machinery: the "
        "Board does not reply to the Tenants' Panel, the dashboard counts activity rather "
        "than results, and nobody is named as the owner of each pledge.",
    ),
    CUSTOMER: (
        "outweigh",
        "Customer Services shows what the pledges look like when they are part of the day "
        "job: a measurable objective, a tenants' sub-group that sets its own work, and "
        "changes tenants can see. The adviser we spoke to, however, had not been trained and "
        "could not tell callers how to get involved.",
    ),
    HOUSING: (
        "balance",
        "There is good, creative work on some estates, but it depends on individual "
        "officers. Estate inspections reach a shrinking, older group of tenants, local "
        "agreements have lapsed, and new tenants are not told how to get involved.",
    ),
    REPAIRS: (
        "weaknesses_outweigh",
        "Repairs staff do not see the pledges as applying to them, have had no training and "
        "do not report back on what they change in response to tenants. The one good "
        "example we found was a surveyor's own initiative.",
    ),
    SUPPORTED: (
        "considerably_outweigh",
        "Involvement is part of everyday life in the sheltered schemes: regular residents' "
        "meetings, visible reporting back and real decisions taken by residents. The only "
        "gap we found was hearing loops in four lounges and at head office.",
    ),
    FINANCE: (
        "weaknesses_outweigh",
        "Finance does not see involvement as part of its work and cannot say what the "
        "involvement budget achieves. Value for money, one of the KLOE 5 areas, is not "
        "measured at all.",
    ),
    DEVELOPMENT: (
        "balance",
        "The resident design panel is good practice and has changed new homes for the "
        "better, but the largest project, the regeneration of Marsh Lane Estate, has so far "
        "only consulted residents on a finished plan.",
    ),
}

INDEPENDENT_RATIONALES = {
    0: "Graded on my own from the interview notes and findings; the same as the agreed grade.",
    -1: "I gave more weight to the good examples than the team did in the end.",
    1: "I thought the weaknesses were more serious; I agreed the final grade after the "
    "team discussion.",
}

AREA_CONCLUSIONS: dict[str, tuple[str, ...]] = {
    DESKTOP: (
        "The association's strategy for involvement is sound and was written with tenants, "
        "but the documents that reach ordinary tenants have not kept up with it.",
        "Nobody appears to check documents against the association's own accessibility "
        "standard or their review dates.",
    ),
    CEO: (
        "Leadership on involvement is strong, but accountability for each pledge is "
        "informal and the Board does not close the loop with the Tenants' Panel.",
    ),
    CUSTOMER: (
        "Customer Services is the clearest example of the pledges working in practice, and "
        "its complaints log and sub-group could be copied by other departments.",
    ),
    HOUSING: (
        "Involvement on estates depends too much on individual officers' enthusiasm and "
        "reaches too narrow a group of tenants.",
    ),
    REPAIRS: (
        "Repairs, the service tenants care about most, is the department where the pledges "
        "are least known and least used.",
    ),
    SUPPORTED: (
        "The sheltered schemes show that the pledges can be kept in full; their 'You asked, "
        "we did' boards are the best reporting back we saw.",
    ),
    FINANCE: (
        "Without figures on what involvement costs and achieves, the association cannot "
        "show that it is good value for money.",
    ),
    DEVELOPMENT: (
        "The design panel proves the value of involving residents early; the same approach "
        "is now needed for Marsh Lane Estate.",
    ),
}

OVERALL_CONCLUSIONS: tuple[str, ...] = (
    "Riverside Vale's commitment to involving tenants starts at the top and is strongest "
    "where staff have clear, measurable involvement objectives, in Customer Services and the "
    "sheltered schemes. Where there are no such objectives, the pledges are largely unknown.",
    "The 'skilled staff' pledge is not being kept: staff we interviewed in four departments "
    "had had no involvement training, including staff who joined after the pledge was made.",
    "The association is good at asking tenants for their views and less good at telling "
    "them what happened as a result. The best reporting back, the 'You asked, we did' boards "
    "and the complaints log, is not used elsewhere.",
    "The documents tenants see first are the weakest: out of date, below the association's "
    "own accessibility standard and, in one case, contradicting another. The Compact needs "
    "renewing with a current tenants' body.",
)


@dataclass(frozen=True)
class _Action:
    key_outcomes: str
    key_actions: str
    responsible: str
    by_when: date | str  # a date, or what the landlord wrote ("ongoing")
    progress: str
    how_we_know: str
    costs: str
    tenant_say: str
    status: str


@dataclass(frozen=True)
class _R:
    text: str
    findings: tuple[str, ...]
    area: str | None
    sub_actions: tuple[str, ...]
    expected_benefits: str
    impact: str
    cost: str
    priority: str
    target_date: date
    action: _Action | None = None


#: The panel's monitoring of the landlord's plan: two quarterly rounds (date, title).
MONITORING_ROUNDS: tuple[tuple[date, str], ...] = (
    (date(2026, 8, 31), "Quarter 1 review"),
    (date(2026, 11, 30), "Quarter 2 review"),
)

#: How residents ask for the letter in another format (the letter to residents' offer).
LETTER_CONTACT = "Call 0800 014 2030 or email involvement@riversidevale.example."

#: The panel's judgement of the prospects for improvement after the second round.
PROSPECTS = {
    "track_record": "balance",
    "performance_management": "weaknesses_outweigh",
    "capacity": "outweigh",
    "overall": "uncertain",
    "rationale": (
        "The association has started well on training and the involvement booklet, but "
        "two of its four actions are behind and the Board has not yet answered most "
        "recommendations. It has the people to improve; whether it will depends on the "
        "Executive Team publishing pledge owners and keeping the monthly repairs meeting."
    ),
}

#: What each round saw of the plan's items, in the order the items are made:
#: (status, progress note, evidence seen).
MONITORING_ENTRIES: tuple[tuple[tuple[str, str, str], ...], ...] = (
    (
        (
            "on_track",
            "Owners named for four of the six pledges.",
            "Executive Team minutes, August.",
        ),
        ("not_started", "The Board has not yet discussed the report.", ""),
        ("on_track", "Training booked for all repairs officers.", "Course booking list."),
        ("at_risk", "The survey company has not been appointed.", ""),
    ),
    (
        ("off_track", "Two pledges still have no owner.", "Executive Team minutes, November."),
        ("on_track", "Board reply drafted; due at the January meeting.", "Draft reply."),
        ("done", "All officers trained; tenants helped run two sessions.", "Attendance sheets."),
        ("off_track", "The survey slipped to next year.", "Email from the survey team."),
    ),
)


RECOMMENDATIONS: tuple[_R, ...] = (
    _R(
        "Name a director as the owner of each of the five pledges, and report progress "
        "against each pledge's target to the Board and the Tenants' Panel every quarter.",
        ("ceo-no-owners", "ceo-dashboard-activity", "rm-one-pledge"),
        CEO,
        (
            "Agree the five owners at the Executive Team and publish them in the next newsletter.",
            "Add a 'what changed for tenants' measure for each pledge to the involvement "
            "dashboard.",
            "Share the dashboard with the Tenants' Panel in the same form as the Board sees it.",
        ),
        "Tenants and the Board can see who is answerable for each promise and whether it is "
        "being kept.",
        "high",
        "low",
        "high",
        date(2026, 9, 30),
        _Action(
            key_outcomes="Every pledge has a named director, and progress is reported to "
            "tenants every quarter.",
            key_actions="Executive Team to agree owners in May; the dashboard to be redesigned "
            "with the Tenants' Panel.",
            responsible="Chief Executive",
            by_when=date(2026, 9, 30),
            progress="Owners agreed in principle at the Executive Team; not yet published.",
            how_we_know="Owners named in the summer newsletter; the new dashboard presented to "
            "the Panel in October.",
            costs="Staff time only.",
            tenant_say="The Tenants' Panel will help design the new dashboard.",
            status="on_track",
        ),
    ),
    _R(
        "The Board should reply in writing to every recommendation from the Tenants' Panel "
        "within three months, saying what it has decided and why.",
        ("board-no-reply", "board-reports-blank"),
        CEO,
        (
            "Add a standing item, 'Response to the Tenants' Panel', to Board agendas.",
            "Require every Board report to complete the 'what tenants told us' section, or "
            "to say why it cannot.",
        ),
        "The Panel sees its work taken seriously, and tenants can follow recommendations "
        "through to decisions.",
        "high",
        "low",
        "high",
        date(2026, 7, 31),
    ),
    _R(
        "Give every manager, and front-line staff in every department, a measurable "
        "involvement objective, as the Strategy promises.",
        ("objectives-missing", "rm-no-objectives", "fi-no-pledges"),
        None,
        (
            "Update the appraisal guidance with examples of measurable involvement "
            "objectives for each department.",
            "Check at the mid-year review that every manager has one.",
        ),
        "Involvement becomes part of everyone's job, as in Customer Services and the "
        "sheltered schemes, rather than the Resident Involvement team's alone.",
        "high",
        "low",
        "high",
        date(2027, 3, 31),
    ),
    _R(
        "Give every member of staff involvement training within six months of joining, as "
        "the 'skilled staff' pledge promises, starting with front-line staff in Customer "
        "Services, Housing Management, Repairs and Development.",
        ("cs-adviser-unaware", "rm-no-training", "dv-no-training", "hm-signup"),
        None,
        (
            "Add a session on involvement, with tenant trainers, to the induction programme.",
            "Train existing front-line staff who have not had it, and record who has.",
            "Report the completion figures in the Action Plan every quarter.",
        ),
        "Staff who meet tenants every day can explain how to get involved and recognise "
        "when tenants' views should change what they do.",
        "high",
        "medium",
        "high",
        date(2026, 12, 31),
        _Action(
            key_outcomes="All new staff trained within six months; all front-line staff "
            "trained by December 2026.",
            key_actions="Induction module to be written with the Tenants' Panel; four "
            "sessions for existing front-line staff.",
            responsible="Head of Organisational Development",
            # Training every new starter never ends, so the landlord wrote "ongoing" (as
            # real plans do). It also keeps this action on track whatever today is.
            by_when="ongoing",
            progress="Not started: awaiting the final report.",
            how_we_know="Training records show 100% of new starters trained within six months.",
            costs="About £6,000 for tenant trainers' expenses and materials.",
            tenant_say="Tenant trainers deliver part of every session.",
            status="not_started",
        ),
    ),
    _R(
        "Give contact centre advisers and allocations staff a short guide to involvement, "
        "so that they can answer callers and new tenants themselves.",
        ("cs-no-script", "hm-signup"),
        CUSTOMER,
        (
            "Write a one-page guide and call script with the complaints sub-group.",
            "Add an involvement leaflet to the new tenant sign-up pack.",
        ),
        "Tenants who ask how to get involved get an answer first time instead of a voicemail.",
        "medium",
        "low",
        "high",
        date(2026, 6, 30),
    ),
    _R(
        "Replace the How to Get Involved booklet with a dated version that meets the "
        "association's standard of at least 12 point and no italic type, offers other "
        "formats, and goes in every sign-up pack.",
        ("booklet-undated", "booklet-print", "booklet-formats", "booklet-forum"),
        DESKTOP,
        (
            "Write the new booklet with the Tenants' Panel reading group.",
            "Check every published involvement document against the accessibility standard "
            "and record the date of the check.",
            "Put the booklet one click from the website's home page.",
        ),
        "New tenants can read and trust the document that tells them how to have a say.",
        "high",
        "low",
        "high",
        date(2026, 9, 30),
        _Action(
            key_outcomes="A new, accessible booklet in every sign-up pack.",
            key_actions="Draft with the reading group in June; print in August.",
            responsible="Resident Involvement Manager",
            by_when=date(2026, 9, 30),
            progress="Reading group booked for June.",
            how_we_know="The booklet meets the standard when checked by the Panel; sign-up "
            "packs audited in October.",
            costs="About £2,500 for design and printing.",
            tenant_say="The reading group co-writes the booklet.",
            status="on_track",
        ),
    ),
    _R(
        "Review the Customer Charter now and make the response times the same in every document.",
        ("charter-overdue", "charter-contradiction"),
        DESKTOP,
        (
            "Agree one set of service standards with the complaints sub-group.",
            "Publish performance against each standard every quarter.",
        ),
        "Tenants know exactly what to expect and can check whether it happens.",
        "medium",
        "low",
        "medium",
        date(2026, 10, 31),
    ),
    _R(
        "Agree a new Compact with the Tenants' Panel and the residents' associations, with a "
        "review date, and renew the lapsed local agreements.",
        ("compact-lapsed", "hm-local-agreements"),
        None,
        (
            "Set up a working group of tenants and staff to draft the Compact.",
            "Keep a register of local agreements with their review dates.",
        ),
        "Tenants' groups have a current, agreed basis for their support and their say.",
        "high",
        "low",
        "medium",
        date(2027, 3, 31),
    ),
    _R(
        "Hold estate inspections at different times, including evenings and Saturdays, with "
        "Repairs staff taking part, and tell residents the scores and what is being done.",
        ("hm-attendance", "hm-scores-not-shared", "hm-working-tenant"),
        HOUSING,
        (
            "Try evening and Saturday inspections on three estates for six months.",
            "Publish each inspection's score and actions on the estate notice board and online.",
        ),
        "More and younger residents take part, and they can see what their inspection achieved.",
        "medium",
        "low",
        "medium",
        date(2026, 10, 31),
    ),
    _R(
        "Repairs should answer every month the complaints themes passed on by Customer "
        "Services, saying what it has changed, and publish a 'You said, we did' for repairs.",
        ("rm-no-feedback", "cs-no-reply-from-others"),
        REPAIRS,
        (
            "Add a monthly reply to Customer Services to the Repairs Manager's objectives.",
            "Publish repairs changes in the newsletter every quarter.",
        ),
        "Tenants' complaints lead to visible improvements in the service they care about most.",
        "high",
        "low",
        "high",
        date(2026, 8, 31),
        _Action(
            key_outcomes="Every complaints theme has a written reply from Repairs within a month.",
            key_actions="Monthly meeting between the Repairs Manager and the Complaints and "
            "Feedback Officer.",
            responsible="Director of Property Services",
            by_when=date(2026, 8, 31),
            progress="First joint meeting arranged.",
            how_we_know="The complaints log shows a reply against every theme.",
            costs="Staff time only.",
            tenant_say="The complaints sub-group reviews the replies every quarter.",
            status="on_track",
        ),
    ),
    _R(
        "Ask residents for their views on the damp and mould service six months after the "
        "work, and make follow-up visits standard practice.",
        ("rm-damp-views",),
        REPAIRS,
        (
            "Add a six-month follow-up call to the damp and mould procedure.",
            "Report what residents say to the Tenants' Panel.",
        ),
        "Problems that come back are caught early, and residents feel listened to.",
        "medium",
        "medium",
        "medium",
        date(2026, 12, 31),
    ),
    _R(
        "Measure the value for money of involvement, including the cost per activity and "
        "per involved tenant and what each activity has changed, and report it every year "
        "to the Board and to tenants.",
        ("fi-vfm", "fi-statements"),
        FINANCE,
        (
            "Agree the measures with the Tenants' Panel and the benchmarking club.",
            "Include the figures in the Annual Report to Tenants.",
        ),
        "The association can show tenants and the regulator what its involvement budget achieves.",
        "medium",
        "low",
        "medium",
        date(2027, 3, 31),
    ),
    _R(
        "Involve Marsh Lane Estate residents in shaping the regeneration from now on, through "
        "a residents' steering group with independent tenant advice.",
        ("dv-marsh-lane", "dv-pledges-not-ours"),
        DEVELOPMENT,
        (
            "Set up the steering group before the next design stage.",
            "Appoint an independent tenant adviser chosen by residents.",
        ),
        "Residents shape the future of their own estate, and the scheme is more likely to "
        "meet their needs.",
        "high",
        "medium",
        "high",
        date(2026, 7, 31),
    ),
    _R(
        "Fit hearing loops in the four scheme lounges without them and in the head office "
        "meeting room used by the Tenants' Panel.",
        ("sh-hearing-loops",),
        SUPPORTED,
        ("Survey the four lounges and the meeting room.", "Fit and test the loops."),
        "Residents with hearing loss can take a full part in meetings.",
        "medium",
        "low",
        "medium",
        date(2026, 9, 30),
    ),
)


# ---------------------------------------------------------------------------
# The small demo: the builder
# ---------------------------------------------------------------------------


class _SmallDemo:
    def __init__(self, session: Session, rng: random.Random) -> None:
        self.session = session
        self.rng = rng
        self.members: dict[str, m.TeamMember] = {}
        self.areas: dict[str, m.Area] = {}
        self.docs: dict[str, m.DocumentReview] = {}
        self.doc_answers: dict[str, dict[str, m.Answer]] = {}
        self.interviews: dict[str, m.Interview] = {}
        self.iv_answers: dict[str, dict[str, m.Answer]] = {}
        self.findings: dict[str, m.Finding] = {}
        self.plan_items: list[m.ActionPlanItem] = []

    @property
    def coordinator(self) -> m.TeamMember:
        return self.members[TEAM[0]]

    @property
    def inspectors(self) -> list[m.TeamMember]:
        return [self.members[name] for name in TEAM[1:]]

    def build(self) -> str:
        s = self.session
        self.inspection = create_inspection(
            s,
            title=TITLE,
            landlord=LANDLORD,
            topic="Resident involvement",
            report_number="RVHA-TI-2026-02",
            start_date=BASE_DATE,
            end_date=BASE_DATE + timedelta(days=25),
            report_date=BASE_DATE + timedelta(days=60),
            status="analysis",
            scope=SCOPE,
            introduction=INTRODUCTION,
            methodology=METHODOLOGY,
            other_methods=OTHER_METHODS,
        )
        iid = self.inspection.id
        for i, name in enumerate(TEAM):
            self.members[name] = add_member(
                s, iid, name=name, role="coordinator" if i == 0 else "inspector"
            )
        with _acting_as(s, self.coordinator.id):
            desktop = desktop_review_area(s, iid)
            assert desktop is not None
            self.areas[DESKTOP] = desktop
            for name, description, planned in AREAS:
                self.areas[name] = add_area(
                    s, iid, name=name, description=description, interviews_planned=planned
                )
        self._documents()
        self._interviews()
        with _acting_as(s, self.coordinator.id):
            self._findings()
            self._judgements()
            self._conclusions()
            self._recommendations()
            self._monitoring()
            # The coordinator's contact details for the letter to residents' offer of large
            # print, Braille, audio and other languages (the rest of the letter is drafted).
            set_letter_text(s, iid, "contact", LETTER_CONTACT)
        return iid

    def _documents(self) -> None:
        questionnaire = get_builtin(DOCUMENT_Q)
        for doc in DOCUMENTS:
            reviewer = self.rng.choice(self.inspectors)
            with _acting_as(self.session, reviewer.id):
                review = add_document_review(
                    self.session,
                    self.inspection.id,
                    title=doc.title,
                    questionnaire=questionnaire,
                    document_date=doc.document_date,
                    undated=doc.document_date is None,
                    version=doc.version,
                    source=doc.source,
                    reviewer_id=reviewer.id,
                    observations=doc.observations,
                    status="complete",
                )
                self.docs[doc.key] = review
                self.doc_answers[doc.key] = _save_answers(
                    self.session, review, questionnaire, doc.answers
                )

    def _pairs(self) -> Iterator[list[m.TeamMember]]:
        """Interviewing pairs: the inspectors shuffled, then taken two at a time, round again."""
        while True:
            pool = list(self.inspectors)
            self.rng.shuffle(pool)
            for i in range(0, len(pool) - 1, 2):
                yield pool[i : i + 2]

    def _interviews(self) -> None:
        pairs = self._pairs()
        for spec in INTERVIEWS:
            questionnaire = get_builtin(spec.questionnaire)
            pair = next(pairs)
            day = INTERVIEW_DAYS[min(len(INTERVIEW_DAYS) - 1, spec.day + self.rng.randint(0, 1))]
            with _acting_as(self.session, pair[0].id):
                interview = add_interview(
                    self.session,
                    self.inspection.id,
                    interviewee_role=spec.role,
                    area_id=self.areas[spec.area].id,
                    questionnaire=questionnaire,
                    interviewer_ids=[p.id for p in pair],
                    interviewee_kind=spec.kind,
                    interviewee_name=spec.name,
                    interview_date=day,
                    consent=True,
                    status=spec.status,
                    current_question=spec.current_question,
                    notes=spec.notes,
                )
                self.interviews[spec.key] = interview
                self.iv_answers[spec.key] = _save_answers(
                    self.session, interview, questionnaire, spec.answers
                )

    def _findings(self) -> None:
        for spec in FINDINGS:
            kind, _, key = spec.source.partition(":")
            fields: dict[str, Any] = {}
            if spec.question:
                answers = self.doc_answers[key] if kind == "doc" else self.iv_answers[key]
                fields["answer_id"] = answers[spec.question].id
            elif kind == "doc":
                fields["document_review_id"] = self.docs[key].id
            else:
                fields["interview_id"] = self.interviews[key].id
            if spec.area:
                fields["area_id"] = self.areas[spec.area].id
            self.findings[spec.key] = add_finding(
                self.session,
                self.inspection.id,
                kind=spec.kind,
                text=spec.text,
                themes=_check_themes(spec.themes),
                internal=spec.internal,
                **fields,
            )

    def _judgements(self) -> None:
        for area_name, (grade, rationale) in JUDGEMENTS.items():
            area_id = self.areas[area_name].id
            judges = self.rng.sample(self.inspectors, self.rng.choice((2, 3)))
            for judge in judges:
                shift = self.rng.choice((0, 0, 0, -1, 1))
                index = vocabulary.GRADE_KEYS.index(grade) + shift
                if not 0 <= index < len(vocabulary.GRADE_KEYS):
                    index, shift = vocabulary.GRADE_KEYS.index(grade), 0
                set_judgement(
                    self.session,
                    self.inspection.id,
                    area_id=area_id,
                    grade=vocabulary.GRADE_KEYS[index],
                    rationale=INDEPENDENT_RATIONALES[shift],
                    judge_id=judge.id,
                )
            set_judgement(
                self.session,
                self.inspection.id,
                area_id=area_id,
                grade=grade,
                rationale=rationale,
                judge_id=self.coordinator.id,
                is_final=True,
            )

    def _conclusions(self) -> None:
        for area_name, texts in AREA_CONCLUSIONS.items():
            for text in texts:
                add_conclusion(
                    self.session, self.inspection.id, text=text, area_id=self.areas[area_name].id
                )
        for text in OVERALL_CONCLUSIONS:
            add_conclusion(self.session, self.inspection.id, text=text)

    def _recommendations(self) -> None:
        for spec in RECOMMENDATIONS:
            rec = add_recommendation(
                self.session,
                self.inspection.id,
                text=spec.text,
                finding_ids=[self.findings[key].id for key in spec.findings],
                area_id=self.areas[spec.area].id if spec.area else None,
                sub_actions=list(spec.sub_actions),
                expected_benefits=spec.expected_benefits,
                impact=spec.impact,
                cost=spec.cost,
                priority=spec.priority,
                target_date=spec.target_date,
            )
            if spec.action is not None:
                a = spec.action
                action_plan.set_response(
                    self.session,
                    rec,
                    response="accepted",
                    responsible_role=a.responsible,
                    costs=a.costs,
                    customer_say=a.tenant_say,
                )
                self.plan_items.append(
                    action_plan.add_item(
                        self.session,
                        rec,
                        key_outcomes=a.key_outcomes,
                        key_actions=a.key_actions,
                        by_when=a.by_when,
                        progress=a.progress,
                        how_we_know=a.how_we_know,
                        status=a.status,
                    )
                )

    def _monitoring(self) -> None:
        """Two quarterly rounds: one item slips between them, one is done, the rest move on.

        So the monitoring screen shows what changed, the prospects warnings have something to
        weigh, and some items are overdue whatever today is (their dates are in 2026).
        """
        for (held_on, title), seen in zip(MONITORING_ROUNDS, MONITORING_ENTRIES, strict=True):
            round_ = action_plan.start_round(
                self.session, self.inspection.id, held_on=held_on, title=title
            )
            for item, (status, note, evidence) in zip(self.plan_items, seen, strict=False):
                action_plan.record_entry(
                    self.session,
                    round_,
                    item,
                    status=status,
                    progress_note=note,
                    evidence=evidence,
                )
        # The panel's first view of the prospects. "Capacity to improve" is generous for a
        # plan with half its items behind, so the prospects screen shows its warning.
        action_plan.set_prospects(self.session, self.inspection.id, **PROSPECTS)


# ---------------------------------------------------------------------------
# The large demo: a benchmark fixture of the same shape, assembled from phrase banks
# ---------------------------------------------------------------------------

LARGE_TITLE = "Resident involvement across the group (benchmark sample)"
LARGE_LANDLORD = "Hollins Brook Housing Group"
LARGE_INTERVIEWS = 60
LARGE_METHODOLOGY = (
    "Pairs of inspectors reviewed 14 documents with the desktop review checklist and "
    "interviewed 60 members of staff in seven departments with the same question guide. "
    "Findings were linked to the answers they came from and tagged with themes; at least "
    "two inspectors judged each area before the team agreed a final judgement."
)
LARGE_FINDINGS = 1000
LARGE_RECOMMENDATIONS = 60

LARGE_EXTRA_DOCUMENTS: tuple[tuple[str, str], ...] = (
    ("Complaints Policy", "policy"),
    ("Tenants' Panel Terms of Reference", "other"),
    ("Equality, Diversity and Inclusion Strategy", "policy"),
    ("Service Charge Guide for Tenants", "newsletter"),
    ("Repairs Handbook", "newsletter"),
    ("Website: Get Involved pages", "newsletter"),
)

LARGE_DOC_TYPES = {
    "statement": "involvement-statement",
    "charter": "customer-charter",
    "booklet": "get-involved-booklet",
    "strategy": "ri-strategy",
    "compact": "compact",
    "action-plan": "action-plan",
    "objectives": "staff-objectives",
    "annual-report": "other",
}

ROLES: dict[str, tuple[str, ...]] = {
    CEO: (
        "Chief Executive",
        "Director of Governance",
        "Head of Strategy",
        "Executive Assistant",
        "Board Secretary",
    ),
    CUSTOMER: (
        "Head of Customer Services",
        "Customer Services Adviser",
        "Complaints and Feedback Officer",
        "Customer Insight Analyst",
        "Contact Centre Team Leader",
    ),
    HOUSING: (
        "Housing Manager",
        "Neighbourhood Officer",
        "Allocations Officer",
        "Tenancy Sustainment Officer",
        "Anti-social Behaviour Officer",
    ),
    REPAIRS: (
        "Repairs Manager",
        "Repairs Surveyor",
        "Empty Homes Supervisor",
        "Planned Maintenance Manager",
        "Repairs Planner",
    ),
    SUPPORTED: (
        "Supported Housing Manager",
        "Scheme Manager (sheltered housing)",
        "Extra-care Coordinator",
        "Support Worker",
        "Wellbeing Officer",
    ),
    FINANCE: (
        "Director of Finance",
        "Service Charge Accountant",
        "Income Manager",
        "Rent Officer",
        "Management Accountant",
    ),
    DEVELOPMENT: (
        "Head of Development",
        "Development Manager",
        "Regeneration Officer",
        "Sales and Marketing Officer",
        "Project Manager (new homes)",
    ),
}

FIRST_NAMES = (
    "Aisha", "Alan", "Amira", "Brian", "Carol", "Daniel", "Deborah", "Eileen", "Farid",
    "Fiona", "Gary", "Grace", "Harjit", "Helen", "Ian", "Janet", "Jason", "Karen", "Leon",
    "Lorraine", "Mark", "Michelle", "Neil", "Olu", "Patricia", "Rachel", "Raj", "Sean",
    "Tracey", "Wendy",
)  # fmt: skip

SURNAMES = (
    "Abbott", "Bailey", "Begum", "Campbell", "Chowdhury", "Doyle", "Edwards", "Evans",
    "Fletcher", "Green", "Harrison", "Hughes", "Jones", "Kaur", "Kowalski", "Lewis",
    "Mahmood", "Morgan", "Nolan", "Osei", "Patel", "Quinn", "Roberts", "Shaw", "Taylor",
    "Turner", "Walsh", "Williams", "Wright", "Yusuf",
)  # fmt: skip

#: Text answers by question id; {role}, {dept}, {doc}, {name}, {n} and {year} are filled in.
TEXT_BANK: dict[str, tuple[str, ...]] = {
    "which-pledges": (
        "Named {n} of the five pledges without prompting.",
        "Could name 'listen and act' but none of the others.",
        "Named all five and described their targets accurately.",
        "Knew there are pledges but could not name any.",
    ),
    "pledges-in-work": (
        "Tenants reviewed a standard letter the team sends; it was rewritten in {year}.",
        "Said the pledges 'sit in the background' and could not give an example.",
        "Holds a quarterly meeting with involved tenants to go through the team's figures.",
        "Reports back to tenants after every consultation, within three months.",
    ),
    "monitoring-notes": (
        "Figures go to the team meeting every month; tenants do not see them.",
        "A quarterly report goes to the Executive Team and the Tenants' Panel.",
        "Not aware of any monitoring of involvement in {dept}.",
        "Progress is discussed in one-to-ones but not written down.",
    ),
    "ri-in-job-detail": (
        "Objective to 'support resident involvement', with no measure.",
        "Objective to hold four tenant review meetings a year; met it last year.",
        "Job description mentions consulting residents; no target.",
        "Objective to report back after every consultation; met it in three quarters out of four.",
    ),
    "compact-in-practice": (
        "Knew the Compact exists but could not say what it commits the team to.",
        "Uses the Compact's promise to pay travel costs for tenants who come to meetings.",
        "Thought the Compact was out of date.",
        "Described the Compact accurately and gave an example of a commitment kept.",
    ),
    "training-what": (
        "An induction session on involvement in {year}.",
        "Half-day course run by the Resident Involvement team with tenant trainers, {year}.",
        "An e-learning module only, {year}.",
        "A customer care course in {year} that included a session on involvement.",
    ),
    "training-more": (
        "More on involving younger tenants.",
        "How to report back to tenants in plain English.",
        "Training delivered by tenants themselves.",
        "Nothing further needed at present.",
    ),
    "training-would-help": (
        "A short briefing on what tenants can get involved in.",
        "How to explain the team's work to tenants in plain language.",
        "Would like to spend a day with the Resident Involvement team.",
    ),
    "change-example": (
        "Tenants asked for evening appointments; introduced in {year}.",
        "A letter was rewritten after tenants said it was confusing.",
        "Could not give an example.",
        "Residents chose new communal furniture after trying samples.",
        "Opening hours changed after a survey in {year}.",
    ),
    "involve-or-consult": (
        "Clear on the difference, and gave an example.",
        "Saw them as much the same thing.",
        "Said involvement means tenants shaping a decision from the start.",
        "Not sure of the difference.",
    ),
    "groups-how": (
        "Meetings at different times, and online options.",
        "Drop-ins at the school gate and the community centre.",
        "Large print and home visits.",
        "An interpreting line and translated letters.",
    ),
    "across-departments": (
        "Passes tenants' comments to other teams but rarely hears back.",
        "Joint estate walkabouts with Housing Management every quarter.",
        "Little contact with other departments on involvement.",
        "Shares complaints themes with Customer Services every month.",
    ),
    "other-landlords-detail": (
        "A regional benchmarking club for involvement.",
        "Joint training days with a neighbouring association.",
        "A development partnership with no shared approach to involvement.",
    ),
    "value-for-money": (
        "Not measured.",
        "Knows the budget but not what it buys.",
        "Can show savings from one tenant-led change but has no overall figures.",
        "Don't know.",
    ),
    "one-change": (
        "Report back to tenants every time.",
        "Give every team a measurable involvement objective.",
        "Hold meetings at times that suit tenants who work.",
        "Training for all front-line staff.",
    ),
    "anything-else": (
        "Nothing further.",
        "Would welcome the report's findings.",
        "Asked to see the final report.",
    ),
    "inspector-notes": (
        "Knowledgeable and open.",
        "Willing, but unaware of the pledges.",
        "Offered to send documents; follow up.",
        "Defensive about the team's performance.",
        "{name} offered to send the team's latest performance report.",
    ),
    "purpose": (
        "Explains how tenants can have a say in the services they receive.",
        "Sets out the standards tenants can expect.",
        "Describes how the association will involve tenants over the next three years.",
        "Hard to tell what it is for; no introduction.",
    ),
    "where-found": (
        "Website, two clicks from the home page.",
        "Only in the inspection pack.",
        "Offices and website; not in the sign-up pack.",
        "Sent to every home; also on the website.",
    ),
    "consistency-notes": (
        "Repeats the pledges from the Strategy word for word.",
        "Gives different reply times from the Customer Charter.",
        "Names a tenants' group that no longer meets.",
    ),
    "tenants-involved-notes": (
        "Page 2 says the Tenants' Panel commented on a draft.",
        "Says it was written with tenants over four workshops.",
    ),
    "observations": (
        "Clear and short; contact details correct.",
        "Small print in places; some jargon not explained.",
        "Good content, but hard to find on the website.",
        "The best example of reporting back that we saw.",
    ),
}

GENERIC_TEXT = ("Nothing specific to record.", "Gave a general answer without examples.")

#: Multi-choice values that mean "none of these" and are ticked on their own.
EXCLUSIVE_VALUES = frozenset({"none", "dont-know", "not-monitored", "nothing", "unclear"})

TOPICS: dict[str, str] = {
    "tenant-contact": "contact with tenants",
    "aware-of-pledges": "the involvement pledges",
    "which-pledges": "the five pledges",
    "pledges-in-work": "how the pledges shape everyday work",
    "how-monitored": "how progress on the pledges is monitored",
    "monitoring-notes": "reporting progress on involvement",
    "ri-in-job": "involvement in job descriptions and objectives",
    "ri-in-job-detail": "measurable involvement objectives",
    "knows-policy": "the involvement strategy",
    "knows-compact": "the Compact",
    "compact-in-practice": "the Compact's commitments",
    "had-training": "involvement training",
    "training-what": "involvement training",
    "training-more": "further training on involvement",
    "training-would-help": "training on involvement",
    "feedback-routes": "telling tenants what changed",
    "change-example": "changes made because of tenants' views",
    "involve-or-consult": "the difference between involving and consulting tenants",
    "involvement-level": "how far tenants shape decisions",
    "groups-engaged": "reaching under-represented groups",
    "groups-how": "ways of reaching under-represented groups",
    "profile-data": "using tenant profile information",
    "across-departments": "joint working with other departments",
    "other-landlords": "working with other landlords",
    "other-landlords-detail": "learning from other landlords",
    "value-for-money": "the value for money of involvement",
    "one-change": "improving involvement",
    "dated": "dating the document",
    "date-on-document": "dating the document",
    "review-date": "review dates",
    "current": "keeping the document current",
    "plain-english": "plain English",
    "font-size": "the 12 point standard",
    "typeface": "plain, readable type",
    "formats-offered": "offering other formats",
    "formats": "other formats and languages",
    "consistency": "consistency with other documents",
    "consistency-notes": "consistency with other documents",
    "outcomes": "stating outcomes for tenants",
    "tenants-involved": "involving tenants in writing it",
    "tenants-involved-notes": "involving tenants in writing it",
    "readers": "knowing who it is written for",
    "where-found": "making it easy for tenants to get",
    "purpose": "saying what it is for",
}

INTERVIEW_LEADS: dict[str, tuple[str, ...]] = {
    "strength": (
        "The {role} in {dept} gave a clear, dated example of {topic}.",
        "The {role} ({dept}) showed a good understanding of {topic}.",
        "{dept} staff could describe {topic} in detail.",
        "The {role} in {dept} described regular reporting to tenants on {topic}.",
    ),
    "weakness": (
        "The {role} in {dept} could not describe {topic}.",
        "There is no target or measure in {dept} for {topic}.",
        "The {role} ({dept}) had never been told about {topic}.",
        "Tenants are not told what {dept} does about {topic}.",
    ),
    "observation": (
        "The {role} in {dept} said practice on {topic} varies from team to team.",
        "The two {dept} interviews gave different accounts of {topic}.",
        "The {role} ({dept}) offered to send evidence of {topic}; not yet received.",
    ),
    "good_practice": (
        "The {role} in {dept} has a simple written routine for {topic} that other departments "
        "could copy.",
        "{dept} reports back to tenants on {topic} every quarter, with dates and named changes.",
    ),
}

DOCUMENT_LEADS: dict[str, tuple[str, ...]] = {
    "strength": (
        "'{doc}' does well on {topic}.",
        "'{doc}' is clear about {topic}, with page references tenants can follow.",
    ),
    "weakness": (
        "'{doc}' falls short on {topic}.",
        "'{doc}' does not meet the association's own standard on {topic}.",
        "'{doc}' says nothing useful about {topic}.",
    ),
    "observation": (
        "'{doc}' and the other documents take different approaches to {topic}.",
        "'{doc}' mentions {topic} only in passing.",
    ),
    "good_practice": ("'{doc}' is a model for other documents on {topic}.",),
}

FINDING_TAILS = (
    "",
    "",
    "",
    " A second interview confirmed this.",
    " The documents we read say the same.",
    " This matches what tenants told us.",
    " We saw the evidence on the day.",
)

RECOMMENDATION_BANK = (
    "Agree a measurable target for {topic} in {dept}, and report progress to tenants every "
    "quarter.",
    "Train all {dept} staff in {topic} within six months, with tenants helping to deliver "
    "the training.",
    "Publish what has changed in {dept} as a result of {topic}, in the newsletter and online.",
    "Review {topic} in {dept} with the Tenants' Panel and agree an improvement plan.",
    "Make {topic} part of every {dept} manager's objectives, and check it at appraisal.",
)

SUB_ACTION_BANK = (
    "Agree the measure with the Tenants' Panel.",
    "Add it to the quarterly involvement dashboard.",
    "Report progress in the Annual Report to Tenants.",
    "Name a manager responsible for delivery.",
    "Review progress after six months with involved tenants.",
)

BENEFIT_BANK = (
    "Tenants can see what has changed because of their views.",
    "Staff know what is expected of them and can be held to it.",
    "More tenants, and a wider range of tenants, take part.",
    "The association can show that involvement is good value for money.",
)

RESPONSIBLE_BANK = (
    "Chief Executive",
    "Director of Housing",
    "Head of Customer Services",
    "Resident Involvement Manager",
    "Director of Property Services",
    "Director of Finance",
)

AREA_CONCLUSION_BANK = (
    "Staff in {dept} are committed, but the pledges are not yet part of everyday work.",
    "{dept} has examples of good practice that the rest of the association could learn from.",
    "Tenants rarely hear back from {dept} about what changed after they gave their views.",
    "Involvement in {dept} depends on individuals rather than on objectives and training.",
)

LARGE_OVERALL_CONCLUSIONS = (
    "Commitment to involvement is strongest where staff have measurable objectives.",
    "Training on involvement has not reached most front-line staff.",
    "Reporting back to tenants is patchy and depends on the department.",
    "The association cannot yet show that involvement is good value for money.",
)

LARGE_RATIONALE = (
    "{s} strengths and examples of good practice against {w} weaknesses; the evidence comes "
    "from {n} interviews and the documents we read."
)


#: How an action's status may move between two rounds of the large demo (drawn evenly).
LARGE_STATUS_MOVES = {
    "not_started": ("not_started", "on_track", "on_track", "at_risk"),
    "on_track": ("on_track", "on_track", "done", "at_risk"),
    "at_risk": ("on_track", "at_risk", "off_track"),
    "off_track": ("off_track", "at_risk"),
    "done": ("done",),
}
LARGE_PROGRESS_NOTES = {
    "not_started": ("Not begun yet.", "Waiting for the budget to be agreed."),
    "on_track": ("Work under way as planned.", "First steps done; the rest is scheduled."),
    "at_risk": ("Behind plan: a key post is vacant.", "Slipping while the team is short."),
    "off_track": ("Stopped while the service is restructured.", "The date will be missed."),
    "done": ("Finished, and the Tenants' Panel has seen it.", "Complete."),
}
LARGE_EVIDENCE = (
    "Minutes of the Tenants' Panel meeting.",
    "Report to the Board.",
    "Training records.",
    "Newsletter article.",
    "",
)


class _LargeDemo:
    def __init__(self, session: Session, rng: random.Random) -> None:
        self.session = session
        self.rng = rng
        self.areas: dict[str, m.Area] = {}
        self.members: list[m.TeamMember] = []
        #: (answer, question, parent context) for every answer, in creation order.
        self.answers: list[tuple[m.Answer, Question, dict[str, Any]]] = []

    def build(self) -> str:
        s = self.session
        inspection = create_inspection(
            s,
            title=LARGE_TITLE,
            landlord=LARGE_LANDLORD,
            topic="Resident involvement",
            report_number="HBHG-TI-BENCH",
            start_date=BASE_DATE,
            end_date=BASE_DATE + timedelta(days=25),
            report_date=BASE_DATE + timedelta(days=60),
            status="analysis",
            scope=SCOPE.replace(LANDLORD, LARGE_LANDLORD),
            introduction="A large sample inspection for benchmarks: the same shape as the small "
            "demo at the scale of a big inspection.",
            methodology=LARGE_METHODOLOGY,
        )
        self.iid = inspection.id
        self.members = [
            add_member(s, self.iid, name=name, role="coordinator" if i == 0 else "inspector")
            for i, name in enumerate(TEAM)
        ]
        desktop = desktop_review_area(s, self.iid)
        assert desktop is not None
        self.areas[DESKTOP] = desktop
        per_department = [0] * len(DEPARTMENTS)
        for i in range(LARGE_INTERVIEWS):
            per_department[i % len(DEPARTMENTS)] += 1
        for (name, description, _), planned in zip(AREAS, per_department, strict=True):
            self.areas[name] = add_area(
                s, self.iid, name=name, description=description, interviews_planned=planned
            )
        self._documents()
        self._interviews()
        findings = self._findings()
        self._judgements(findings)
        self._conclusions()
        self._recommendations(findings)
        return self.iid

    # -- answers -------------------------------------------------------------

    def _text(self, question: Question, ctx: dict[str, Any]) -> str:
        if question.id == "role":
            return str(ctx["role"])
        if question.id == "doc-title":
            return str(ctx["doc"])
        bank = TEXT_BANK.get(question.id, GENERIC_TEXT)
        return self.rng.choice(bank).format(
            n=self.rng.randint(1, 4), year=self.rng.randint(2019, 2025), **ctx
        )

    def _value(self, question: Question, ctx: dict[str, Any]) -> Any:
        rng = self.rng
        if question.id == "department":
            return ctx["dept"]
        if question.id == "doc-type":
            return ctx["doc_type"]
        if question.type == "text":
            return self._text(question, ctx)
        if question.type == "yes_no":
            return rng.random() < 0.96
        if question.type == "choice":
            return rng.choice(question.choices).value
        if question.type == "multi_choice":
            values = [o.value for o in question.choices]
            ordinary = [v for v in values if v not in EXCLUSIVE_VALUES]
            exclusive = [v for v in values if v in EXCLUSIVE_VALUES]
            if exclusive and (not ordinary or rng.random() < 0.05):
                return [rng.choice(exclusive)]
            return rng.sample(ordinary, min(len(ordinary), rng.randint(1, 3)))
        if question.type == "scale":
            return rng.randint(question.scale_min, question.scale_max)
        if question.type == "date":
            return BASE_DATE - timedelta(days=rng.randint(30, 1500))
        if question.type == "number":
            return rng.randint(1, 30)
        raise DemoDataError(f"no generator for question type {question.type!r}")

    def _answer_all(
        self,
        parent: m.Interview | m.DocumentReview,
        questionnaire: Questionnaire,
        ctx: dict[str, Any],
    ) -> None:
        stored: dict[str, str] = {}
        for question in questionnaire.questions():
            if not questionnaire.is_visible(question, stored):
                continue
            encoded = encode_answer(question, self._value(question, ctx))
            if not encoded:
                continue
            row = save_answer(self.session, parent, question.id, value=encoded)
            stored[question.id] = encoded
            self.answers.append((row, question, ctx))

    # -- fieldwork -----------------------------------------------------------

    def _documents(self) -> None:
        questionnaire = get_builtin(DOCUMENT_Q)
        documents = [(d.title, LARGE_DOC_TYPES[d.key]) for d in DOCUMENTS]
        documents += LARGE_EXTRA_DOCUMENTS
        inspectors = self.members[1:]
        for title, doc_type in documents:
            dated = self.rng.random() < 0.8
            review = add_document_review(
                self.session,
                self.iid,
                title=title,
                questionnaire=questionnaire,
                document_date=BASE_DATE - timedelta(days=self.rng.randint(60, 2000))
                if dated
                else None,
                undated=not dated,
                reviewer_id=self.rng.choice(inspectors).id,
                status="complete",
            )
            ctx = {"doc": title, "doc_type": doc_type, "role": "", "dept": "", "name": ""}
            self._answer_all(review, questionnaire, ctx)

    def _interviews(self) -> None:
        questionnaire = get_builtin(STAFF_Q)
        inspectors = self.members[1:]
        names = self.rng.sample(
            [f"{first} {last}" for first in FIRST_NAMES for last in SURNAMES], LARGE_INTERVIEWS
        )
        for i in range(LARGE_INTERVIEWS):
            dept = DEPARTMENTS[i % len(DEPARTMENTS)]
            role = ROLES[dept][(i // len(DEPARTMENTS)) % len(ROLES[dept])]
            pair = self.rng.sample(inspectors, 2)
            interview = add_interview(
                self.session,
                self.iid,
                interviewee_role=role,
                area_id=self.areas[dept].id,
                questionnaire=questionnaire,
                interviewer_ids=[p.id for p in pair],
                interviewee_name=names[i],
                interview_date=self.rng.choice(INTERVIEW_DAYS),
                consent=True,
                status="in_progress" if i % 25 == 24 else "complete",
            )
            ctx = {"role": role, "dept": dept, "name": names[i], "doc": "", "doc_type": ""}
            self._answer_all(interview, questionnaire, ctx)

    # -- analysis ------------------------------------------------------------

    def _findings(self) -> list[m.Finding]:
        rng = self.rng
        candidates = [a for a in self.answers if a[1].id not in ("role", "department", "doc-title")]
        all_themes = sorted(THEME_IDS)
        findings: list[m.Finding] = []
        for _ in range(LARGE_FINDINGS):
            answer, question, ctx = rng.choice(candidates)
            kind = rng.choices(vocabulary.FINDING_KINDS, weights=(35, 35, 20, 10))[0]
            topic = TOPICS.get(question.id, "resident involvement")
            leads = DOCUMENT_LEADS if answer.document_review_id else INTERVIEW_LEADS
            text = rng.choice(leads[kind]).format(topic=topic, **ctx) + rng.choice(FINDING_TAILS)
            themes = list(question.themes) or rng.sample(all_themes, 2)
            themes = rng.sample(themes, rng.randint(1, min(3, len(themes))))
            findings.append(
                add_finding(
                    self.session,
                    self.iid,
                    kind=kind,
                    text=text,
                    answer_id=answer.id,
                    themes=_check_themes(themes),
                    internal=rng.random() < 0.02,
                )
            )
        return findings

    def _judgements(self, findings: list[m.Finding]) -> None:
        coordinator, inspectors = self.members[0], self.members[1:]
        for area_name, area in self.areas.items():
            in_area = [f for f in findings if f.area_id == area.id]
            good = sum(f.kind in ("strength", "good_practice") for f in in_area)
            bad = sum(f.kind == "weakness" for f in in_area)
            share = good / (good + bad) if good + bad else 0.5
            index = 0 if share > 0.7 else 1 if share > 0.55 else 2 if share > 0.4 else 3
            n = area.interviews_planned
            rationale = LARGE_RATIONALE.format(s=good, w=bad, n=n)
            for judge in self.rng.sample(inspectors, self.rng.choice((2, 3))):
                own = min(3, max(0, index + self.rng.choice((0, 0, -1, 1))))
                set_judgement(
                    self.session,
                    self.iid,
                    area_id=area.id,
                    grade=vocabulary.GRADE_KEYS[own],
                    rationale=INDEPENDENT_RATIONALES[(own > index) - (own < index)],
                    judge_id=judge.id,
                )
            set_judgement(
                self.session,
                self.iid,
                area_id=area.id,
                grade=vocabulary.GRADE_KEYS[index],
                rationale=rationale
                if area_name != DESKTOP
                else rationale.replace(f"{n} interviews and ", ""),
                judge_id=coordinator.id,
                is_final=True,
            )

    def _conclusions(self) -> None:
        for area_name, area in self.areas.items():
            dept = area_name if area_name != DESKTOP else "the documents we read"
            for text in self.rng.sample(AREA_CONCLUSION_BANK, self.rng.randint(1, 2)):
                add_conclusion(self.session, self.iid, text=text.format(dept=dept), area_id=area.id)
        for text in LARGE_OVERALL_CONCLUSIONS:
            add_conclusion(self.session, self.iid, text=text)

    def _recommendations(self, findings: list[m.Finding]) -> None:
        rng = self.rng
        weaknesses = [f for f in findings if f.kind == "weakness" and not f.internal]
        rng.shuffle(weaknesses)
        area_names = {a.id: name for name, a in self.areas.items()}
        question_topics = {
            a.id: TOPICS.get(q.id, "resident involvement") for a, q, _ in self.answers
        }
        cursor = 0
        recs: list[m.Recommendation] = []
        for i in range(LARGE_RECOMMENDATIONS):
            count = rng.randint(2, 4)
            cited = [weaknesses[(cursor + k) % len(weaknesses)] for k in range(count)]
            cursor += count
            first = cited[0]
            area_name = area_names.get(first.area_id or "", DESKTOP)
            dept = area_name if area_name != DESKTOP else "the association"
            topic = question_topics.get(first.answer_id or "", "resident involvement")
            rec = add_recommendation(
                self.session,
                self.iid,
                text=rng.choice(RECOMMENDATION_BANK).format(topic=topic, dept=dept),
                finding_ids=[f.id for f in cited],
                area_id=first.area_id,
                sub_actions=rng.sample(SUB_ACTION_BANK, rng.randint(1, 3)),
                expected_benefits=rng.choice(BENEFIT_BANK),
                impact=rng.choice(vocabulary.LEVELS),
                cost=rng.choice(vocabulary.LEVELS),
                priority=rng.choice(vocabulary.LEVELS),
                target_date=BASE_DATE + timedelta(days=rng.randint(90, 400)),
            )
            recs.append(rec)
            if i % 3 == 0:
                outcomes = rng.choice(BENEFIT_BANK)  # (drawn in the order they always were)
                actions = "; ".join(rng.sample(SUB_ACTION_BANK, 2))
                action_plan.set_response(
                    self.session,
                    rec,
                    response="accepted",
                    responsible_role=rng.choice(RESPONSIBLE_BANK),
                    costs="Staff time only.",
                    customer_say="The Tenants' Panel reviews progress every quarter.",
                )
                action_plan.add_item(
                    self.session,
                    rec,
                    key_outcomes=outcomes,
                    key_actions=actions,
                    by_when=BASE_DATE + timedelta(days=rng.randint(120, 400)),
                    progress="Not started: awaiting the final report.",
                    how_we_know="Progress reported to the Tenants' Panel every quarter.",
                    status=rng.choice(vocabulary.ACTION_STATUSES),
                )
        self._plans(recs)

    def _plans(self, recs: list[m.Recommendation]) -> None:
        """Plans in proportion to the small demo's, and four quarterly monitoring rounds.

        Most recommendations are answered with one to four actions, a few are not answered
        yet; each round sees most actions and moves their status on (some slip, some are
        done), so the progress report and monitoring screens meet a plan of real size. Its
        own random stream, so the inspection drawn before it stays exactly as it was.
        """
        rng = random.Random(20261205)
        s = self.session
        items: list[m.ActionPlanItem] = []
        for rec in recs:
            existing = action_plan.items(s, rec)
            if not existing and rng.random() < 0.15:
                continue  # not answered yet
            if not existing:
                action_plan.set_response(
                    s,
                    rec,
                    response=rng.choice(("accepted", "accepted", "partly_accepted")),
                    responsible_role=rng.choice(RESPONSIBLE_BANK),
                    sponsor_role="Director of Housing",
                    costs="Staff time and a small budget for materials.",
                    customer_say="The Tenants' Panel reviews progress every quarter.",
                )
            items.extend(existing)
            for _ in range(rng.randint(1, 4) - len(existing)):
                items.append(
                    action_plan.add_item(
                        s,
                        rec,
                        key_outcomes=rng.choice(BENEFIT_BANK),
                        key_actions="; ".join(rng.sample(SUB_ACTION_BANK, 2)),
                        by_when=BASE_DATE + timedelta(days=rng.randint(150, 500)),
                        progress="Planned.",
                        how_we_know="Progress reported to the Tenants' Panel every quarter.",
                        status="not_started",
                    )
                )
        status = {item.id: item.status for item in items}
        for n in range(4):
            round_ = action_plan.start_round(
                s,
                self.iid,
                held_on=BASE_DATE + timedelta(days=120 + 91 * n),
                title=f"Quarter {n + 1} review",
            )
            for item in items:
                if rng.random() < 0.2:
                    continue  # not looked at this round
                status[item.id] = rng.choice(LARGE_STATUS_MOVES[status[item.id]])
                action_plan.record_entry(
                    s,
                    round_,
                    item,
                    status=status[item.id],
                    progress_note=rng.choice(LARGE_PROGRESS_NOTES[status[item.id]]),
                    evidence=rng.choice(LARGE_EVIDENCE),
                )
