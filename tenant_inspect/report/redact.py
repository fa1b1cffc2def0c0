"""Keep private things out of every export: interviewees' names and internal material.

Interviewees are identified in a report by role and area only. Their names are
stored (``Interview.interviewee_name``) but inspectors also type them into notes
and findings as people speak, so every string of a finished :class:`~.outline.Report`
is passed through a :class:`Redactor` before any renderer sees it.

Finding the names is :mod:`tenant_inspect.name_matching`'s job: the full name, each part
on its own, initials with a surname, a title with a surname, in any case, without accents,
in decomposed Unicode, with invisible characters or a line-break hyphen inside, run
together. Each mention becomes the interviewee's role in brackets: "[Allocations
Officer]"; a possessive stays ("[Allocations Officer]'s"). When the mention could be more
than one interviewee with different roles the label is "[interviewee]".

Mentions that are only *possibly* a name (an ordinary word such as "hope", a part of a team
member's name too, a likely misspelling) are left as written and collected in
:meth:`Redactor.review`, which the export lists under "worth checking".

``--public`` additionally drops everything marked internal (:func:`drop_internal`)
before the outline is built, so internal items are not merely hidden but absent.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, TypeVar, cast

from ..name_matching import NameMatcher
from .model import ReportData

T = TypeVar("T")


class Redactor:
    """Replaces known names in text by ``[role]``; counts what it replaced.

    ``people`` are ``(name, role)`` pairs (every interviewee, deleted interviews
    included); ``others`` are names that may appear as written (team members).
    """

    def __init__(self, people: Iterable[tuple[str, str]], others: Iterable[str] = ()) -> None:
        pairs = [(n, " ".join(r.split())) for n, r in people if n.strip()]
        self._matcher = NameMatcher((n for n, _ in pairs), others)
        self.count = 0
        self._review: Counter[tuple[str, str, str]] = Counter()
        self._cache: dict[str, str] = {}
        # Labels may themselves contain names ("Assistant to Gillian Marsh").
        self._roles = [self._replace(role, "interviewee", record=False) for _, role in pairs]

    @property
    def active(self) -> bool:
        return self._matcher.active

    def learn(self, texts: Iterable[str]) -> None:
        """See :meth:`.NameMatcher.learn`; forgets earlier results, which may change."""
        quiet = self._matcher.learn(texts)
        self._cache = {text: text for text in quiet}

    def _label(self, people: frozenset[int]) -> str:
        roles = {self._roles[i] for i in people}
        role = next(iter(roles)) if len(roles) == 1 else ""
        return f"[{role}]" if role else "[interviewee]"

    def _replace(self, text: str, fixed: str | None = None, *, record: bool = True) -> str:
        out: list[str] = []
        last = 0
        for hit in self._matcher.scan(text):
            if not hit.replace:
                if record:
                    word = " ".join(text[hit.start : hit.end].split())
                    self._review[(word, hit.reason, self._label(hit.people))] += 1
                continue
            out.append(text[last : hit.start])
            out.append(fixed if fixed is not None else self._label(hit.people))
            last = hit.end
            if record:
                self.count += 1
        if not out:
            return text
        out.append(text[last:])
        return "".join(out)

    def __call__(self, text: str) -> str:
        if not text or not self._matcher.active:
            return text
        cached = self._cache.get(text)
        if cached is None:
            cached = self._cache[text] = self._replace(text)
        return cached

    def review(self) -> list[str]:
        """Plain lines for the "worth checking" list: what was left that might be a name."""
        lines = []
        for (word, reason, label), times in sorted(self._review.items()):
            often = "once" if times == 1 else f"{times} times"
            why = _WHY.get(reason, reason)
            lines.append(
                f"\u201c{word}\u201d is left as written ({often}): {why} an interviewee, "
                f"{label}. Check it does not name them."
            )
        return lines


_WHY = {
    "an ordinary word": "it is an ordinary word, but also part of the name of",
    "a team member's name too": "it is part of a team member's name, and of the name of",
    "a likely misspelling": "it is spelt almost like the name of",
}


def map_strings(obj: T, fn: Callable[[str], str]) -> T:
    """A copy of a tree of frozen dataclasses/tuples with ``fn`` applied to every string."""
    return cast(T, _map(obj, fn))


def _map(obj: Any, fn: Callable[[str], str]) -> Any:
    if isinstance(obj, str):
        return fn(obj)
    if isinstance(obj, tuple):
        mapped = tuple(_map(x, fn) for x in obj)
        return obj if all(a is b for a, b in zip(mapped, obj, strict=True)) else mapped
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            new = _map(value, fn)
            if new is not value:
                changes[f.name] = new
        return dataclasses.replace(obj, **changes) if changes else obj
    return obj


def redactor_for(data: ReportData) -> Redactor:
    """The redactor for one inspection: every interviewee (deleted ones too)."""
    return Redactor(
        ((i.name, i.role) for i in data.interviews if i.name.strip()),
        others=(t.name for t in data.team),
    )


def redact(obj: T, redactor: Redactor) -> T:
    """Apply ``redactor`` to every string in a report (or any dataclass tree).

    Two linear passes: the first lets the redactor learn which ordinary words that are
    also parts of names the report uses as words (see :meth:`.NameMatcher.learn`).
    """
    if not redactor.active:
        return obj
    seen: list[str] = []

    def collect(text: str) -> str:
        seen.append(text)
        return text

    map_strings(obj, collect)
    redactor.learn(seen)
    return map_strings(obj, redactor)


def drop_internal(data: ReportData) -> ReportData:
    """The snapshot without anything marked internal (for ``--public``).

    Findings from an internal document review go too, and recommendations stop
    citing findings that are no longer in the report. The action plan of an internal
    recommendation goes with it, its items' monitoring notes included.
    """
    internal_docs = {d.id for d in data.documents if d.internal}
    findings = tuple(
        f for f in data.findings if not f.internal and f.document_id not in internal_docs
    )
    kept = {f.id for f in findings}
    plan = data.plan
    if plan is not None:
        recs = tuple(r for r in plan.recommendations if not r.internal)
        items = {i.id for r in recs for i in r.items}
        plan = dataclasses.replace(
            plan,
            recommendations=recs,
            rounds=tuple(
                dataclasses.replace(
                    r,
                    entries=tuple(e for e in r.entries if e.item_id in items),
                    changes=tuple(c for c in r.changes if c.item_id in items),
                )
                for r in plan.rounds
            ),
        )
    return dataclasses.replace(
        data,
        documents=tuple(d for d in data.documents if not d.internal),
        findings=findings,
        conclusions=tuple(c for c in data.conclusions if not c.internal),
        recommendations=tuple(
            dataclasses.replace(r, finding_ids=tuple(i for i in r.finding_ids if i in kept))
            for r in data.recommendations
            if not r.internal
        ),
        plan=plan,
    )
