"""The words a conflict is told in: field names, times, and whose laptop a version came from.

Shared by the Conflicts screen, the Team screen and ``tenant-inspect bundle conflicts`` (through
:mod:`tenant_inspect.views.conflicts`), so "from Ann Example's laptop, 3 Mar 2026 14:05" reads
the same wherever a conflict is shown.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from .. import settings

if TYPE_CHECKING:
    from sqlmodel import Session


#: Longer texts are cut on screen (rendering 100,000 characters would make the list crawl).
SHOWN_CHARACTERS = 4000

#: Free-text fields a person can sensibly merge (choices, dates and yes/no cannot be).
MERGEABLE = frozenset(
    {
        "title",
        "landlord",
        "topic",
        "scope",
        "report_number",
        "preface",
        "acknowledgements",
        "introduction",
        "methodology",
        "other_methods",
        "name",
        "description",
        "source",
        "version",
        "observations",
        "interviewee_role",
        "interviewee_name",
        "notes",
        "value",
        "text",
        "rationale",
        "expected_benefits",
        "responsible",
        "key_outcomes",
        "key_actions",
        "progress",
        "how_we_know",
        "costs",
        "tenant_say",
        "reason",
        "responsible_role",
        "sponsor_role",
        "customer_say",
        "summary",
        "progress_note",
        "evidence",
    }
)

FIELD_WORDS = {
    "value": "answer",
    "deleted_at": "deleted or not",
    "interviewee_role": "interviewee's role",
    "interviewee_name": "interviewee's name",
    "interviewee_kind": "who was interviewed",
    "interview_date": "date",
    "document_date": "document date",
    "interviews_planned": "interviews planned",
    "include_in_report": "shown in the report",
    "include_team_in_report": "team shown in the report",
    "grade": "judgement",
    "is_final": "final or draft",
    "sub_actions": "sub-actions",
    "expected_benefits": "expected benefits",
    "key_outcomes": "key outcomes",
    "key_actions": "key actions",
    "how_we_know": "how we know",
    "tenant_say": "how tenants have a say",
    "by_when": "by when",
    "by_when_words": "by when (in words)",
    "position": "place in the list",
    "response": "response",
    "responsible_role": "responsible officer (role)",
    "sponsor_role": "executive sponsor (role)",
    "customer_say": "how customers will have a say",
    "held_on": "date of the round",
    "progress_note": "progress note",
    "track_record": "track record of improvement",
    "performance_management": "how well performance is managed",
    "capacity": "capacity to improve",
    "overall": "overall prospects",
    "target_date": "target date",
    "other_methods": "other methods",
    "report_number": "report number",
    "current_question": "place in the questionnaire",
    "merged_into_id": "merged into",
    "area_id": "area",
    "reviewer_id": "reviewer",
    "judge_id": "judged by",
    "internal": "internal or not",
}


def field_words(name: str) -> str:
    return FIELD_WORDS.get(name, name.replace("_", " "))


def stamp_time(stamp: str) -> datetime | None:
    """When a change stamp was made (its wall-clock part), in local time."""
    try:
        ms = int(stamp[:13])
    except ValueError:
        return None
    return datetime.fromtimestamp(ms / 1000, tz=UTC).astimezone()


def when_words(moment: datetime | None) -> str:
    """'3 Mar 2026 14:05' (local time), or '' if unknown."""
    if moment is None:
        return ""
    return f"{moment.day} {moment:%b %Y %H:%M}"


def one_line(text: str, width: int) -> str:
    """``text`` on one line (runs of spaces and line breaks become one space), cut with …."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


# ---------------------------------------------------------------------------
# Whose laptop, and when
# ---------------------------------------------------------------------------


class Origins:
    """Says where a version came from: "from Ann's laptop, 3 Mar 2026 14:05"."""

    def __init__(self, session: Session, inspection_id: str, members: dict[str, str]) -> None:
        self.device = settings.this_device(session)
        self.laptops = {
            device: members.get(member, "")
            for device, member in settings.laptops_seen(session, inspection_id).items()
        }

    def of(self, stamp: str) -> str:
        device = stamp[19:]
        if not device:
            who = "an unknown laptop"
        elif device == self.device:
            who = "this laptop"
        elif self.laptops.get(device):
            who = f"{self.laptops[device]}'s laptop"
        else:
            who = f"laptop {device}"
        when = when_words(stamp_time(stamp))
        return f"from {who}, {when}" if when else f"from {who}"


def team_names(session: Session, inspection_id: str) -> dict[str, str]:
    """Member id → name, removed members included (their old edits still need a name)."""
    from sqlmodel import select

    from .. import models as m

    rows = session.exec(select(m.TeamMember).where(m.TeamMember.inspection_id == inspection_id))
    return {t.id: t.name for t in rows}


def kept_while_typing(count: int) -> str:
    """What the app says after a save kept someone else's newer words as a conflict (two
    people on one server, ``tenant_inspect.edit_bases``), in the words an import uses."""
    return (
        "Someone else saved the same field since you opened it: your text is saved and "
        f"theirs is kept too. {count} conflict{'s' if count != 1 else ''} to resolve — on the "
        "inspection's dashboard press t (Team and files), then c to choose which version to "
        "keep."
    )
