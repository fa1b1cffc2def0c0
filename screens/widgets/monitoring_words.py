"""The Monitoring screen's lines in words: a round, and what changed since the previous one.

Pure functions of the read model, so they are tested without a screen. What changed gets
three lines under the rounds; when the full words ("R1.1: On track → Off track; progress
note changed") do not fit, the same facts are said shorter ("R1.1 → Off track*"), and only
past that are the last ones left to the item list below, which shows every item anyway.
"""

from __future__ import annotations

from tenant_inspect.views.action_plan import ActionPlanData, Change, RoundView


def round_words(r: RoundView, items: int) -> str:
    """'14 June 2027 · Quarter 1 review · 5 of 12 items seen'."""
    return f"{r.held_on_words} · {r.title or 'untitled'} · {len(r.entries)} of {items} items seen"


def changes_words(data: ActionPlanData, round_id: str, room: int | None = None) -> str:
    """What changed since the previous round, in words, in at most ``room`` characters."""
    first = bool(data.rounds) and data.rounds[0].id == round_id
    changes = data.changes_since_previous(round_id)
    if not changes:
        return (
            "Nothing recorded yet in this round."
            if first
            else ("No change since the previous round.")
        )
    head = "First round — seen:" if first else "Changed since the previous round:"
    full = head + " " + " · ".join(c.words for c in changes)
    if room is None or len(full) <= room:
        return full
    marked = any(c.note_changed for c in changes)
    head = (
        f"{'First round' if first else 'Changed since the previous round'} "
        f"({len(changes)} items{'; * progress note changed' if marked else ''}):"
    )
    parts = [_short(c) for c in changes]
    text = head + " " + " · ".join(parts)
    while len(text) > room and len(parts) > 1:
        parts.pop()
        text = (
            f"{head} {' · '.join(parts)} · and {len(changes) - len(parts)} more in the list below"
        )
    return text


def _short(change: Change) -> str:
    """'R1.1 → Off track*' (the star: its progress note changed)."""
    new = change.words.split(": ", 1)[1].split(";")[0]
    if change.old_status is not None and change.old_status != change.new_status:
        new = "→ " + new.split(" → ", 1)[-1]
    return f"{change.item_label} {new}{'*' if change.note_changed else ''}"
