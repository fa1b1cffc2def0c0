"""The action plan as the screens and reports show it: per recommendation its response and
items, the monitoring rounds with what changed, and the prospects for improvement.

Plain frozen values, in words: a by-when is "31 March 2027", "March 2027" or "ongoing"; a
late item says "overdue since 31 March 2027", not only a colour. An item's *current*
status is the one the panel last recorded for it (its entry in the latest round that has
one), or the plan's own status before any round has seen it; overdue and the warnings use
the current status, so a round that marks an item done settles it.

**What changed since the previous round** (:func:`changes_since_previous`): each entry of
a round is compared with the same item's entry in the latest earlier round that has one
(rounds ordered by date held, then creation); a change is a different status, a different
progress note, or an item seen for the first time.

**The prospects warning rule** (:func:`prospects_warnings`), kept simple on purpose, like
the judgement checks of :mod:`tenant_inspect.checks`. Over the live items, count *behind*
(currently off track, or overdue) and *going well* (on track or done, and not overdue).
Then a grade says strengths are ahead ("strengths (considerably) outweigh weaknesses", or
excellent / promising prospects) while at least half the items are behind, or a grade says
weaknesses are ahead ("weaknesses outweigh strengths", or poor prospects) while more than
half are going well: the warning names the question, the grade and the count —
"capacity to improve: strengths outweigh weaknesses, but 9 of 14 items are off track or
overdue". Balance and uncertain are never flagged; with no items there is nothing to tie
a grade to and nothing is said.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ..dates import show_day
from ..vocabulary import ACTION_STATUS_WORDS, GRADE_LABELS, PROSPECT_WORDS, RESPONSE_WORDS

#: The three graded questions, in the order reports give them.
QUESTIONS = (
    ("track_record", "track record of improvement"),
    ("performance_management", "how well performance is managed"),
    ("capacity", "capacity to improve"),
)
POSITIVE = frozenset({"considerably_outweigh", "outweigh", "excellent", "promising"})
NEGATIVE = frozenset({"weaknesses_outweigh", "poor"})


@dataclass(frozen=True)
class ItemView:
    id: str
    recommendation_id: str
    label: str  # "R1.2": the recommendation and the item's place in it
    key_outcomes: str
    key_actions: str
    by_when: date | None
    by_when_text: str  # "31 March 2027", "March 2027", "ongoing" or ""
    progress: str
    how_we_know: str
    status: str  # the plan's own
    current_status: str  # as the panel last saw it
    current_status_words: str
    overdue: bool
    overdue_words: str  # "overdue since 31 March 2027" or ""


@dataclass(frozen=True)
class ResponseView:
    response: str = ""
    response_words: str = RESPONSE_WORDS[""]
    reason: str = ""
    responsible_role: str = ""
    sponsor_role: str = ""
    costs: str = ""
    customer_say: str = ""


@dataclass(frozen=True)
class RecommendationPlan:
    id: str
    number: str  # "R1"
    text: str
    area_letter: str  # "B", or "" for the whole inspection
    target_date: date | None
    target_words: str
    internal: bool
    response: ResponseView
    items: tuple[ItemView, ...]


@dataclass(frozen=True)
class EntryView:
    item_id: str
    item_label: str
    progress_note: str
    status: str
    status_words: str
    evidence: str


@dataclass(frozen=True)
class Change:
    item_id: str
    item_label: str
    old_status: str | None  # None: the item's first entry
    new_status: str
    note_changed: bool
    words: str  # "R1.2: On track → Off track; progress note changed"


@dataclass(frozen=True)
class RoundView:
    id: str
    held_on: date | None
    held_on_words: str
    title: str
    summary: str
    entries: tuple[EntryView, ...]
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class ProspectsView:
    grades: tuple[tuple[str, str, str], ...]  # (field, question, grade words or "Not judged")
    overall: str
    overall_words: str
    rationale: str
    warnings: tuple[str, ...]
    #: (field, stored grade key or ""), for forms that edit the grades.
    grade_keys: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ActionPlanData:
    inspection_id: str
    title: str
    today: date
    recommendations: tuple[RecommendationPlan, ...]
    rounds: tuple[RoundView, ...]
    prospects: ProspectsView

    def changes_since_previous(self, round_id: str) -> tuple[Change, ...]:
        return next((r.changes for r in self.rounds if r.id == round_id), ())

    @property
    def items(self) -> tuple[ItemView, ...]:
        return tuple(i for rec in self.recommendations for i in rec.items)


# ---------------------------------------------------------------------------
# Pure rules
# ---------------------------------------------------------------------------


def by_when_text(by_when: date | None, words: str) -> str:
    """What was written, in words: the month or word if there is one, else the day."""
    if words:
        return words
    return show_day(by_when) if by_when is not None else ""


def changes_since_previous(
    rounds: Sequence[tuple[str, Sequence[EntryView]]],
) -> dict[str, tuple[Change, ...]]:
    """Round id -> its changes; ``rounds`` oldest first, each with its entries."""
    last: dict[str, EntryView] = {}  # item -> its latest entry so far
    out: dict[str, tuple[Change, ...]] = {}
    for round_id, round_entries in rounds:
        changes = []
        for entry in round_entries:
            before = last.get(entry.item_id)
            status_changed = before is None or before.status != entry.status
            note_changed = before is not None and before.progress_note != entry.progress_note
            if status_changed or note_changed:
                changes.append(_change(entry, before, note_changed))
        out[round_id] = tuple(changes)
        last.update((e.item_id, e) for e in round_entries)
    return out


def _change(entry: EntryView, before: EntryView | None, note_changed: bool) -> Change:
    if before is None:
        words = f"{entry.item_label}: first seen, {entry.status_words.lower()}"
    elif before.status != entry.status:
        words = f"{entry.item_label}: {before.status_words} → {entry.status_words}"
    else:
        words = f"{entry.item_label}: still {entry.status_words.lower()}"
    if note_changed:
        words += "; progress note changed"
    old = before.status if before is not None else None
    return Change(entry.item_id, entry.item_label, old, entry.status, note_changed, words)


def prospects_warnings(grades: dict[str, str], items: Iterable[ItemView]) -> tuple[str, ...]:
    """The evidence-tied warnings of the module docstring's rule."""
    rows = list(items)
    if not rows:
        return ()
    behind = sum(1 for i in rows if i.overdue or i.current_status == "off_track")
    well = sum(1 for i in rows if not i.overdue and i.current_status in ("on_track", "done"))
    out = []
    for field, question in (*QUESTIONS, ("overall", "overall prospects")):
        grade = grades.get(field, "")
        words = grade_words(grade).lower()
        if grade in POSITIVE and 2 * behind >= len(rows):
            out.append(
                f"{question}: {words}, but {behind} of {len(rows)} items are off track or overdue"
            )
        elif grade in NEGATIVE and 2 * well > len(rows):
            out.append(f"{question}: {words}, but {well} of {len(rows)} items are on track or done")
    return tuple(out)


def label_key(label: str | None) -> tuple[int, ...]:
    """ "R2.10" sorts after "R2.9"; an unknown label last."""
    if not label:
        return (10**9,)
    return tuple(int(part) for part in label[1:].split("."))


def grade_words(grade: str) -> str:
    return GRADE_LABELS.get(grade) or PROSPECT_WORDS.get(grade) or grade.replace("_", " ")


def status_words(status: str) -> str:
    return ACTION_STATUS_WORDS.get(status, status.replace("_", " ").capitalize())
