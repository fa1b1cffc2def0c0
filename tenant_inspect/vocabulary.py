"""Every word shown to people for a stored key: finding kinds, statuses, levels, area kinds.

The database stores short keys (``good_practice``, ``in_progress``); people read words. Before
this module the finding-kind words alone existed in four copies (dashboard, finding dialog,
conflicts, report) that had begun to drift. Screens, the CLI and the report all take their
words from here, so renaming a label is one edit and a new kind cannot be forgotten in one
place. The allowed keys themselves live here too, because the service layer validates
against the same lists.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------
# Keys (the service layer validates stored values against these)
# ---------------------------------------------------------------------------

INSPECTION_STATUSES = ("planning", "fieldwork", "analysis", "reporting", "complete")
MEMBER_ROLES = ("coordinator", "inspector")
AREA_KINDS = ("desktop_review", "department", "theme")
WORK_STATUSES = ("not_started", "in_progress", "complete")
INTERVIEW_STATUSES = ("planned", "in_progress", "complete")
INTERVIEWEE_KINDS = ("staff", "tenant", "other")
FINDING_KINDS = ("strength", "weakness", "observation", "good_practice")
LEVELS = ("high", "medium", "low")
#: Items of a landlord's action plan and their monitoring entries share one scale (issue 12).
ACTION_STATUSES = ("not_started", "on_track", "at_risk", "off_track", "done")
#: The landlord's answer to a recommendation ("" until they answer).
RESPONSES = ("accepted", "partly_accepted", "not_accepted")
#: The overall prospects for improvement, best first.
PROSPECTS = ("excellent", "promising", "uncertain", "poor")

#: The parts of the letter to residents a coordinator may write (models_letter.LetterText).
LETTER_PARTS = ("contact", "signature", "overall", "area", "recommendation")
#: Words a landlord writes in "by when" instead of a date (stored as typed, lower case).
BY_WHEN_WORDS = ("ongoing", "completed", "continuous")

# ---------------------------------------------------------------------------
# Finding kinds
# ---------------------------------------------------------------------------

#: Kind → (singular, plural, short letter), in the order people talk about them.
KIND_WORDS: dict[str, tuple[str, str, str]] = {
    "strength": ("strength", "strengths", "S"),
    "weakness": ("weakness", "weaknesses", "W"),
    "observation": ("observation", "observations", "O"),
    "good_practice": ("good practice", "good practice", "GP"),
}

#: Kind → label with a capital, for fields and table cells.
KIND_LABELS: dict[str, str] = {kind: words[0].capitalize() for kind, words in KIND_WORDS.items()}

#: How the letters are explained wherever they are used instead of words.
KIND_LEGEND = "Letters: S strength · W weakness · O observation · GP good practice"


def kind_label(kind: str) -> str:
    """'Good practice' for ``good_practice``; an unknown key is shown readably, not hidden."""
    return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


# ---------------------------------------------------------------------------
# Statuses
# ---------------------------------------------------------------------------

INSPECTION_STATUS_WORDS = {
    "planning": "Planning",
    "fieldwork": "Fieldwork",
    "analysis": "Analysis",
    "reporting": "Writing the report",
    "complete": "Complete",
}

#: Documents and interviews.
WORK_STATUS_WORDS = {
    "planned": "Planned",
    "not_started": "Not started",
    "in_progress": "In progress",
    "complete": "Complete",
}

#: The same statuses with a mark, for lists where the status leads the line.
WORK_STATUS_MARKS = {
    "complete": "✓ done",
    "in_progress": "… under way",
    "not_started": "○ not started",
    "planned": "○ planned",
}

ACTION_STATUS_WORDS = {
    "not_started": "Not started",
    "on_track": "On track",
    "at_risk": "At risk",
    "off_track": "Off track",
    "done": "Done",
}

RESPONSE_WORDS = {
    "": "No response yet",
    "accepted": "Accepted",
    "partly_accepted": "Partly accepted",
    "not_accepted": "Not accepted",
}

PROSPECT_WORDS = {
    "": "Not assessed",
    "excellent": "Excellent prospects",
    "promising": "Promising prospects",
    "uncertain": "Uncertain prospects",
    "poor": "Poor prospects",
}

# ---------------------------------------------------------------------------
# People, areas, levels
# ---------------------------------------------------------------------------

ROLE_WORDS = {"coordinator": "Coordinator", "inspector": "Inspector"}

AREA_KIND_WORDS = {"desktop_review": "Desktop review", "department": "Department", "theme": "Theme"}

INTERVIEWEE_KIND_WORDS = {"staff": "Staff", "tenant": "Tenant", "other": "Other"}

LEVEL_WORDS = {"high": "High", "medium": "Medium", "low": "Low"}

#: Cost bands as a share of the annual service cost (used in the report appendix).
COST_BANDS = {
    "low": "Less than 1% of the annual service cost",
    "medium": "Between 1% and 5% of the annual service cost",
    "high": "More than 5% of the annual service cost",
}

# ---------------------------------------------------------------------------
# The four-point scale
# ---------------------------------------------------------------------------

#: Best first. Stored as the key; the label is for people.
GRADES: tuple[tuple[str, str], ...] = (
    ("considerably_outweigh", "Strengths considerably outweigh weaknesses"),
    ("outweigh", "Strengths outweigh weaknesses"),
    ("balance", "A balance of strengths and weaknesses"),
    ("weaknesses_outweigh", "Weaknesses outweigh strengths"),
)
GRADE_KEYS = tuple(key for key, _ in GRADES)
GRADE_LABELS = dict(GRADES)

#: Short forms for tables. Each still names what outweighs what: "Outweigh" alone left
#: newcomers asking which side was ahead.
GRADE_SHORT = {
    "considerably_outweigh": "Strengths considerably outweigh",
    "outweigh": "Strengths outweigh",
    "balance": "Balance",
    "weaknesses_outweigh": "Weaknesses outweigh",
}

#: Even shorter, for narrow tables (always shown with :data:`GRADE_TINY_LEGEND`).
GRADE_TINY = {
    "considerably_outweigh": "Considerably",
    "outweigh": "Outweigh",
    "balance": "Balance",
    "weaknesses_outweigh": "Weaknesses",
}
GRADE_TINY_LEGEND = (
    "Considerably / Outweigh: strengths (considerably) outweigh weaknesses; "
    "Weaknesses: weaknesses outweigh strengths."
)


def area_letter(index: int) -> str:
    """A, B, ... Z, AA, AB ... for the report's lettered sections.

    Here, in the light words module, so the ORM-free overview read letters areas as
    :mod:`tenant_inspect.inspections` (which re-exports it) and the report do.
    """
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


#: The preface and acknowledgements a new inspection starts with (the coordinator edits them).
DEFAULT_PREFACE = (
    "This report was written by a team of tenant inspectors: residents who volunteered "
    "their time, were trained for the role, and looked at the service from the point of "
    "view of the people who use it. Our aim is to help the landlord and its residents "
    "improve the service together. Everything in this report rests on the documents we "
    "read and the people we spoke to; where we make a judgement we say why."
)

DEFAULT_ACKNOWLEDGEMENTS = (
    "We thank the members of staff who gave their time to be interviewed and answered our "
    "questions openly, the residents who shared their experience with us, and everyone who "
    "helped us find documents, rooms and information. Interviewees are identified in this "
    "report by their role and department only."
)
