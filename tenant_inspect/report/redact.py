"""Keep private things out of every export: interviewees' names and internal material.

Interviewees are identified in a report by role and area only. Their names are
stored (``Interview.interviewee_name``) but inspectors also type them into notes
and findings as people speak, so every string of a finished :class:`~.outline.Report`
is passed through a :class:`Redactor` before any renderer sees it:

* the **full name** as stored, in any letter case ("Paul Devereux", "paul devereux");
* **first name + surname** when a middle name was stored ("Mary Anne Smith" →
  "Mary Smith");
* the **surname after a title** ("Mr Devereux", "Mrs. Kettle");
* the **bare surname** only where it is unambiguous: it belongs to one interviewee,
  is not part of anyone else's name (another interviewee's or a team member's),
  is written with a capital letter ("kettle" is a word, "Kettle" a name), and is
  not followed by another capitalised word ("Marsh Lane Estate" is a place, not
  Gillian Marsh).

Each mention becomes the interviewee's role in brackets: "[Allocations Officer]".
When two interviewees share a name but not a role the label is "[interviewee]".
Matches respect word boundaries ("Hale" never matches inside "Whale"), treat straight
and curly apostrophes alike and allow any whitespace between the parts of a name.

``--public`` additionally drops everything marked internal (:func:`drop_internal`)
before the outline is built, so internal items are not merely hidden but absent.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar, cast

from .model import ReportData

T = TypeVar("T")

TITLES = ("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "cllr")
_APOSTROPHES = "'’‘`"
_BEFORE = r"(?<![\w'’‘`-])"
_AFTER = r"(?![\w-])"
_SPACE = re.compile(r"\s+")
_TITLE = re.compile(rf"^(?:{'|'.join(TITLES)})\.?\s+")


def _norm(text: str) -> str:
    """Case- and spacing-insensitive key for a matched name."""
    for a in _APOSTROPHES[1:]:
        text = text.replace(a, "'")
    return _SPACE.sub(" ", text).strip().casefold()


def _tokens(name: str) -> list[str]:
    return [t for t in _SPACE.split(name.strip()) if t]


def _literal(text: str) -> str:
    """A regex for ``text`` with flexible whitespace and any apostrophe."""
    apostrophe = f"[{_APOSTROPHES}]"
    return r"\s+".join(
        "".join(apostrophe if ch in _APOSTROPHES else re.escape(ch) for ch in part)
        for part in _tokens(text)
    )


class Redactor:
    """Replaces known names in text by ``[role]``; counts what it replaced.

    ``people`` are ``(name, role)`` pairs (every interviewee, deleted interviews
    included); ``others`` are names that must never be taken for an interviewee's
    bare surname (team members).
    """

    def __init__(self, people: Iterable[tuple[str, str]], others: Iterable[str] = ()) -> None:
        self.count = 0
        roles_by_name: dict[str, set[str]] = {}
        display: dict[str, str] = {}
        for name, role in people:
            if not _tokens(name):
                continue
            key = _norm(name)
            roles_by_name.setdefault(key, set()).add(" ".join(_tokens(role)))
            display.setdefault(key, " ".join(_tokens(name)))
        self._labels: dict[str, str] = {}
        strong_forms: dict[str, str] = {}  # regex source -> person key
        surnames: dict[str, set[str]] = {}  # casefolded surname -> person keys
        for key, name in display.items():
            parts = _tokens(name)
            strong_forms[_literal(name)] = key
            if len(parts) >= 3:
                strong_forms[_literal(f"{parts[0]} {parts[-1]}")] = key
            if len(parts) >= 2:
                surnames.setdefault(parts[-1].casefold(), set()).add(key)
        # Titled surnames are safe to match whenever the surname is one person's.
        titled: dict[str, str] = {}
        for surname, keys in surnames.items():
            if len(keys) == 1:
                titled[surname] = next(iter(keys))
        self._forms: dict[str, str] = {}  # normalised matched text -> person key
        for key, name in display.items():
            parts = _tokens(name)
            self._forms[_norm(name)] = key
            if len(parts) >= 3:
                self._forms[_norm(f"{parts[0]} {parts[-1]}")] = key
        # Bare surnames: only the unambiguous ones (see the module docstring).
        taken: set[str] = set()
        for name in display.values():
            taken.update(t.casefold() for t in _tokens(name)[:-1])
        for other in others:
            taken.update(t.casefold() for t in _tokens(other))
        bare = {
            s: next(iter(keys))
            for s, keys in surnames.items()
            if len(keys) == 1 and s not in taken and len(s) >= 3
        }
        for key, roles in roles_by_name.items():
            role = next(iter(roles)) if len(roles) == 1 else ""
            self._labels[key] = role
        titles = "|".join(TITLES)
        alternatives = []
        if strong_forms:
            full = "|".join(sorted(strong_forms, key=len, reverse=True))
            alternatives.append(rf"(?:(?:{titles})\.?\s+)?(?:{full})")
        if titled:
            surname_alt = "|".join(sorted((_literal(s) for s in titled), key=len, reverse=True))
            alternatives.append(rf"(?:{titles})\.?\s+(?:{surname_alt})")
        sources = alternatives
        self._titled = titled
        self._strong = (
            re.compile(f"{_BEFORE}(?:{'|'.join(sources)}){_AFTER}", re.IGNORECASE)
            if sources
            else None
        )
        self._bare = bare
        if bare:
            alts = []
            for surname in sorted(bare, key=len, reverse=True):
                # A capital first letter, the rest in any case.
                first, rest = surname[0], surname[1:]
                alts.append(f"{re.escape(first.upper())}(?i:{_literal(rest)})" if rest else "")
            self._weak: re.Pattern[str] | None = re.compile(
                f"{_BEFORE}(?:{'|'.join(a for a in alts if a)}){_AFTER}(?![ \\t]+[A-Z])"
            )
        else:
            self._weak = None
        # Labels may themselves contain names ("Assistant to Gillian Marsh").
        for key, role in list(self._labels.items()):
            self._labels[key] = self._clean_role(role)
        self._cache: dict[str, str] = {}

    def _clean_role(self, role: str) -> str:
        text = role
        if self._strong is not None:
            text = self._strong.sub("interviewee", text)
        if self._weak is not None:
            text = self._weak.sub("interviewee", text)
        return f"[{text}]" if text else "[interviewee]"

    def _label_strong(self, match: re.Match[str]) -> str:
        found = _TITLE.sub("", _norm(match.group(0)))
        key = self._forms.get(found) or self._titled.get(found, "")
        self.count += 1
        return self._labels.get(key, "[interviewee]")

    def _label_weak(self, match: re.Match[str]) -> str:
        key = self._bare.get(_norm(match.group(0)), "")
        self.count += 1
        return self._labels.get(key, "[interviewee]")

    def __call__(self, text: str) -> str:
        if not text or (self._strong is None and self._weak is None):
            return text
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        out = text
        if self._strong is not None:
            out = self._strong.sub(self._label_strong, out)
        if self._weak is not None:
            out = self._weak.sub(self._label_weak, out)
        self._cache[text] = out
        return out

    @property
    def active(self) -> bool:
        return self._strong is not None or self._weak is not None


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
    """Apply ``redactor`` to every string in a report (or any dataclass tree)."""
    if not redactor.active:
        return obj
    return map_strings(obj, redactor)


def drop_internal(data: ReportData) -> ReportData:
    """The snapshot without anything marked internal (for ``--public``).

    Findings from an internal document review go too, and recommendations stop
    citing findings that are no longer in the report.
    """
    internal_docs = {d.id for d in data.documents if d.internal}
    findings = tuple(
        f for f in data.findings if not f.internal and f.document_id not in internal_docs
    )
    kept = {f.id for f in findings}
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
    )
