"""The report's fixed wording and the small text helpers the outline sections share.

House style in one place: how dates, counts and lists are written, what each grade means,
and the default introduction and methodology. Used by every ``outline_*`` module.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..themes import THEMES
from ..vocabulary import DEFAULT_ACKNOWLEDGEMENTS as DEFAULT_ACKNOWLEDGEMENTS
from ..vocabulary import DEFAULT_PREFACE as DEFAULT_PREFACE
from .model import AreaData, DocumentData, QuestionnaireData

#: What each point of the four-point scale means (appendix).
GRADE_MEANINGS: dict[str, str] = {
    "considerably_outweigh": "The service is strong throughout. There are few weaknesses and "
    "none of them is serious.",
    "outweigh": "There are more strengths than weaknesses. The weaknesses matter, but they do "
    "not undermine the service.",
    "balance": "Strengths and weaknesses carry about equal weight. Some important things need "
    "to improve.",
    "weaknesses_outweigh": "Important weaknesses outweigh the strengths. The service needs to "
    "improve significantly.",
}

KIND_HEADINGS: tuple[tuple[str, str], ...] = (
    ("strength", "Strengths"),
    ("good_practice", "Good practice"),
    ("weakness", "Weaknesses"),
    ("observation", "Observations"),
)
KIND_LABELS = {
    "strength": "Strength",
    "good_practice": "Good practice",
    "weakness": "Weakness",
    "observation": "Observation",
}

DEFAULT_INTRODUCTION = (
    "This report sets out what the tenant inspectors found when they inspected {topic} at "
    "{landlord}, the judgements they reached and what they recommend."
)
DEFAULT_METHODOLOGY = (
    "The inspectors read the landlord's documents, interviewed staff in each area, recorded "
    "each finding with the evidence for it and agreed a judgement for each area on the "
    "four-point scale."
)

THEME_ORDER = {t.id: i for i, t in enumerate(THEMES)}
THEME_BY_ID = {t.id: t for t in THEMES}
_BLANK_LINES = re.compile(r"\n\s*\n")


def long_date(d: date | None) -> str:
    """ "2 March 2026" (no leading zero, as people write it)."""
    return f"{d.day} {d:%B %Y}" if d else ""


def month_year(d: date | None) -> str:
    return f"{d:%B %Y}" if d else ""


def paragraphs(text: str) -> list[str]:
    """Split typed text into paragraphs at blank lines; single newlines stay as line breaks."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return []
    return [p.strip() for p in _BLANK_LINES.split(text) if p.strip()]


def join_and(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _number(n: int) -> str:
    """Words below ten ("two"), figures from ten ("17"), as house style guides ask."""
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def plural(n: int, one: str, many: str | None = None, *, capital: bool = False) -> str:
    """ "two documents", "17 interviews", "one interview"."""
    number = _number(n)
    if capital:
        number = number[0].upper() + number[1:]
    return f"{number} {one if n == 1 else (many or one + 's')}"


def level_label(value: str) -> str:
    return value.capitalize() if value else ""


def area_description(area: AreaData) -> str:
    text = " ".join(area.description.split())
    if not text and area.kind == "desktop_review":
        return "The landlord's documents, read before the interviews."
    return text


def letter(index: int) -> str:
    from ..vocabulary import area_letter

    return area_letter(index)


def dated(doc: DocumentData) -> str:
    if doc.document_date:
        return long_date(doc.document_date)
    return "Undated" if doc.undated else "Not recorded"


def doc_line(doc: DocumentData) -> str:
    when = dated(doc)
    return f"{doc.title.strip() or 'Untitled document'} ({when if doc.document_date else when.lower()})"


_KIND_USES = {
    "document_review": ("document review", "document reviews"),
    "interview": ("interview", "interviews"),
    "observation": ("observation", "observations"),
}


def times_used(q: QuestionnaireData, n: int) -> str:
    one, many = _KIND_USES.get(q.kind, ("use", "uses"))
    return plural(n, one, many) if n else "Not used yet"


#: The glossary at the end of the appendix: (term, what it means, a pattern that finds the
#: term in the report's text). Readers of a tenant inspectors' report are tenants and staff,
#: not inspectors, so every term of the trade the report uses is explained once; an entry is
#: printed only when its pattern occurs elsewhere in the report, so nothing is explained that
#: the reader never meets.
GLOSSARY: tuple[tuple[str, str, str], ...] = (
    (
        "ASB",
        "Anti-social behaviour.",
        r"(?-i:\bASB\b)",
    ),
    (
        "Compact",
        "A written agreement between a landlord and its tenants about how tenants are "
        "involved in decisions.",
        r"\bcompacts?\b",
    ),
    (
        "F1, F2 ...",
        "Findings, numbered in the order they appear in this report. A finding is one "
        "strength, weakness, observation or example of good practice, with its evidence.",
        r"(?-i:\bF\d+\b)",
    ),
    (
        "Four-point scale",
        "The scale each area is judged on, from best to worst: strengths considerably "
        "outweigh weaknesses; strengths outweigh weaknesses; a balance of strengths and "
        "weaknesses; weaknesses outweigh strengths. The first table of this appendix says "
        "what each means.",
        r"\bfour-point scale\b",
    ),
    (
        "Good practice",
        "A strength worth copying: something other teams or landlords could learn from.",
        r"\bgood practice\b",
    ),
    (
        "Internal",
        "Material the inspection team marked as internal. It appears only in the internal "
        "version of this report and is left out of the version that is published.",
        r"\(internal\)|(?-i:\bInternal:)",
    ),
    (
        "KLOE",
        "Key line of enquiry: one of the questions inspectors of housing services ask about "
        "a service. KLOE 5 is about involving residents; its areas are {kloe5}.",
        r"(?-i:\bKLOE\b)",
    ),
    (
        "KPI",
        "Key performance indicator: a figure a landlord uses to measure how well a service "
        "is doing.",
        r"(?-i:\bKPIs?\b)",
    ),
    (
        "Observation",
        "Something the inspectors noticed that is neither clearly a strength nor a "
        "weakness, but is worth knowing.",
        r"\bobservations?\b",
    ),
    (
        "People First",
        "The building blocks of resident involvement the inspectors used as themes, "
        "alongside KLOE 5.",
        r"\bPeople First\b",
    ),
    (
        "R1, R2 ...",
        "Recommendations, numbered in the order they appear in this report. The "
        "Recommendations section gives each one in full.",
        r"(?-i:\bR\d+\b)",
    ),
    (
        "RSL",
        "Registered social landlord: a housing association or other landlord registered "
        "with the social housing regulator.",
        r"(?-i:\bRSLs?\b)",
    ),
    (
        "Strength",
        "Something the landlord does well, shown by the evidence.",
        r"\bstrengths?\b",
    ),
    (
        "VFM",
        "Value for money: getting the most benefit for tenants from the money spent.",
        r"(?-i:\bVFM\b)",
    ),
    (
        "Weakness",
        "Something the landlord does not do, or does not do well enough, shown by the evidence.",
        r"\bweakness(?:es)?\b",
    ),
)


def glossary_rows(report_text: str) -> tuple[tuple[str, str], ...]:
    """The glossary entries whose term occurs in ``report_text``, in alphabetical order.

    Words match in any case, since they start sentences and headings as often as not;
    abbreviations are written ``(?-i:...)`` in :data:`GLOSSARY`, so only their capitals
    count ("vfm" typed in a quoted file name is not the abbreviation).
    """
    kloe5 = join_and([t.label.lower() for t in THEMES if t.group == "KLOE 5"])
    rows = []
    for term, meaning, pattern in GLOSSARY:
        if re.search(pattern, report_text, re.IGNORECASE):
            rows.append((term, meaning.format(kloe5=kloe5)))
    return tuple(rows)
