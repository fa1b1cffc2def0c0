"""Does a text an inspector has just saved name an interviewee? The warning the TUI shows.

Reports replace interviewees' names by their roles (:mod:`tenant_inspect.report.redact`),
but a finding that reads "[Income Officer] had not heard of the pledges" is better written
that way by the inspector, while they still remember the context. So when a finding, a
conclusion, a recommendation or a judgement's rationale is saved, the screen asks
:func:`names_mentioned` and shows what it says.

The same matcher as the report's is used (:class:`~tenant_inspect.name_matching.NameMatcher`),
so the warning and the report agree. Ordinary words in lower case ("we hope") are not
warned about, or every other sentence would be; a capitalised one is ("Young said"), since
the inspector can tell at a glance which was meant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..name_matching import NameMatcher

if TYPE_CHECKING:
    from sqlmodel import Session


def names_mentioned(session: Session, inspection_id: str, *texts: str) -> str:
    """One plain sentence naming what in ``texts`` looks like an interviewee's name, or ""."""
    from sqlmodel import select

    from .. import models as m
    from ..inspections import team

    rows = session.exec(
        select(m.Interview.interviewee_name, m.Interview.interviewee_role).where(
            m.Interview.inspection_id == inspection_id
        )
    ).all()
    people = [(name, role) for name, role in rows if (name or "").strip()]
    if not people:
        return ""
    matcher = NameMatcher((n for n, _ in people), (t.name for t in team(session, inspection_id)))
    found: dict[str, set[str]] = {}
    for text in texts:
        for hit in matcher.scan(text or ""):
            word = " ".join(text[hit.start : hit.end].split())
            if not hit.replace and word.islower():
                continue
            found.setdefault(word, set()).update(people[i][1] or "interviewee" for i in hit.people)
    if not found:
        return ""
    mentions = "; ".join(
        f"\u201c{word}\u201d ({' or '.join(sorted(roles))})" for word, roles in found.items()
    )
    return (
        f"This names an interviewee: {mentions}. The report will show their role instead; "
        "writing the role yourself keeps the sentence reading well."
    )
