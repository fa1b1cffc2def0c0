"""The dashboard's words: progress, findings, the team and the next step, as sentences.

Pure functions of the overview's frozen dataclasses, so the rules (every number labelled in
words, the one "what next" sentence) are tested without a screen or a database. The
dashboard (:mod:`screens.dashboard`) only places them.
"""

from __future__ import annotations

from tenant_inspect.views.overview import AreaProgress, Overview
from tenant_inspect.views.shared import MemberData
from tenant_inspect.vocabulary import (
    KIND_WORDS,
    WORK_STATUS_MARKS,
)

from ..markup import clip, escape


def findings_words(counts: dict[str, int], *, short: bool = False, empty: str = "none yet") -> str:
    """'2 strengths · 1 weakness' (or '2 S · 1 W' when short); kinds with none are left out."""
    parts = []
    for kind, (one, many, letter) in KIND_WORDS.items():
        n = counts.get(kind, 0)
        if n:
            parts.append(f"{n} {letter}" if short else f"{n} {one if n == 1 else many}")
    return " · ".join(parts) if parts else empty


def progress_words(area: AreaProgress, *, short: bool = False) -> str:
    """What has been done in an area, in words ('2/3 done, 1 under way' when short)."""
    if area.kind == "desktop_review":
        if not area.documents:
            return "No documents yet"
        if short:
            return f"{area.documents_done}/{area.documents} reviewed"
        return f"{area.documents_done} of {area.documents} documents reviewed"
    if area.kind == "theme":
        return "Theme (findings only)"
    expected = area.interviews_expected
    if not expected:
        return "No interviews planned"
    done, started = area.interviews_done, area.interviews_started
    if short:
        return f"{done}/{expected} done" + (f", {started} under way" if started else "")
    text = f"{done} of {expected} interviews done"
    return text + (f" ({started} under way)" if started else "")


def area_rows(areas: tuple[AreaProgress, ...], room: int) -> tuple[list[tuple[str, ...]], bool]:
    """The areas table's cells fitted into ``room`` characters, and whether findings are letters.

    Nothing a newcomer needs is dropped: every kind of finding and any interview under way
    stay. The longest forms that fit are used (findings in words, then letters; progress in
    full words, then short), and only then is an area's name cut, by no more than is missing.
    """
    names = [f"{a.letter}. {a.name}" for a in areas]

    def widest(cells: list[str]) -> int:
        return max((len(c) for c in cells), default=0)

    for letters, short in ((False, False), (True, False), (True, True)):
        findings = [findings_words(a.findings, short=letters, empty="–") for a in areas]
        progress = [progress_words(a, short=short) for a in areas]
        if widest(names) + widest(progress) + widest(findings) <= room:
            break
    name_room = max(12, min(40, room - widest(progress) - widest(findings)))
    cells = zip(names, progress, findings, strict=True)
    return [(clip(n, name_room), p, f) for n, p, f in cells], letters


def area_detail(area: AreaProgress) -> str:
    """The selected area's documents or interviews, one a line, status first in words."""
    head = f"[b]{escape(area.letter)}. {escape(area.name)}[/b]"
    if area.kind == "theme":
        return f"{head} — a theme: its findings come from documents and interviews (f lists them)."
    what = "documents" if area.kind == "desktop_review" else "interviews"
    if not area.items:
        key = "r" if area.kind == "desktop_review" else "i"
        return f"{head} — no {what} yet (press {key})."
    lines = [f"{head} — {what}:"]
    lines += [
        f"  {WORK_STATUS_MARKS.get(status, status):<14} {escape(label)}"
        for label, status in area.items
    ]
    missing = area.interviews_planned - area.interviews if area.kind == "department" else 0
    if missing > 0:
        lines.append(f"  {'○ to arrange':<14} {missing} more planned")
    return "\n".join(lines)


def next_step(o: Overview) -> str:
    """The one thing to do next, worked out from what is (and is not) there yet."""
    departments = [a for a in o.areas if a.kind == "department"]
    if not [a for a in o.areas if a.kind != "desktop_review"]:
        return "Add the departments you will inspect (s: Set-up)"
    if not o.team:
        return "Add your team (s: Set-up, Team tab)"
    if o.coordinator is None:
        return "Mark who is the coordinator (s: Set-up, Team tab)"
    desk = [a for a in o.areas if a.kind == "desktop_review"]
    documents = sum(a.documents for a in o.areas)
    reviewed = sum(a.documents_done for a in o.areas)
    if desk and not documents:
        return "Add the landlord's documents and review them (r: Review a document)"
    if reviewed < documents:
        return f"Review documents (r): {documents - reviewed} of {documents} not finished"
    # Counted as home and `list` count: done of those planned (or held, where more were).
    planned, held = o.interviews_expected, o.interviews_done
    if departments and not sum(a.interviews_expected for a in departments):
        return "Say how many interviews you plan for each department (s: Set-up, Areas tab)"
    if held < planned:
        return f"Interviews (i): {held} of {planned} done, {planned - held} still to do"
    if not sum(o.findings.values()):
        return "Record findings from your documents and interviews"
    return "Fieldwork is done: look over the findings (f)"


def team_words(team: tuple[MemberData, ...], room: int | None = None) -> str:
    """'Team (3): Ann (coordinator) · Bob · Chris', cut to ``room`` characters with '+ N more'."""
    if not team:
        return "[b]Team:[/b] nobody yet — add your team in Set-up (s)."
    names = [f"{t.name} (coordinator)" if t.role == "coordinator" else t.name for t in team]
    head = f"Team ({len(team)}): "
    shown: list[str] = []
    for index, name in enumerate(names):
        rest = len(names) - index - 1
        tail = f" · + {rest} more (s: Set-up)" if rest else ""
        line = " · ".join([*shown, name])
        if room is not None and shown and len(head) + len(line) + len(tail) > room:
            break
        shown.append(name)
    more = len(names) - len(shown)
    text = " · ".join(escape(n) for n in shown)
    if more:
        text += f" · + {more} more (s: Set-up)"
    return f"[b]{head.strip()}[/b] {text}"
