"""The findings as tables for analysts: the sheets' rows, typed, from one read of an inspection.

Why a module of its own: what goes in each sheet (and in which order) is one decision,
whether it ends up in an Excel workbook or in CSV files (:mod:`.tables_export` writes
both). Everything here is a plain function of :class:`TablesData`, which the export reads
with plain SQL, so the rules can be tested without a file.

The rules a reader relies on:

* Findings are numbered F1, F2 … exactly as the report numbers them (the report's own
  :class:`~.report.outline_base.OutlineBuilder` does the numbering), recommendations R1 …
  and action-plan items R1.1 … likewise.
* Interviewees are shown by role, never by name: every text cell, headers included, goes
  through the report's :class:`~.report.redact.Redactor` (:func:`redacted`), the same
  two passes the report makes, so a name typed into a note comes out as "[role]".
* Inspectors (team members, not interviewees) are shown as "Inspector 2" or
  "Coordinator" unless ``with_names`` asks for their names.
* Dates are ``datetime.date`` values, numbers are numbers and yes/no is a boolean where
  the column is a flag, so the writer can type the cells.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from .vocabulary import GRADE_LABELS, LEVEL_WORDS, ROLE_WORDS, kind_label

if TYPE_CHECKING:
    from .questionnaire import Questionnaire
    from .questionnaire.model import Question
    from .report.model import ReportData
    from .report.outline_base import OutlineBuilder
    from .report.redact import Redactor
    from .views.shared import MemberData

#: A cell's value: text, a number, a date, a flag, or nothing.
Cell = str | int | float | Decimal | date | bool | None


@dataclass(frozen=True)
class Sheet:
    """One table: its name, its header row and its data rows (typed cells)."""

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    #: Preferred column widths in characters (0: from the content).
    widths: tuple[int, ...] = ()


@dataclass(frozen=True)
class TablesData:
    """Everything the tables are made from, read once (see :mod:`.tables_export`)."""

    report: ReportData
    #: The whole team in its order, those left out of the report too.
    team: tuple[MemberData, ...]
    #: Finding id -> the team member who wrote it (None when not known).
    finding_authors: dict[str, str | None]
    #: (area id, judge id, grade, rationale) of each inspector's own judgement.
    own_judgements: tuple[tuple[str, str | None, str, str], ...]
    #: "<id> <version>" -> the questionnaire, as stored with the inspection.
    questionnaires: dict[str, Questionnaire]
    #: Interview or document review id -> question id -> stored answer.
    answers: dict[str, dict[str, str]] = field(default_factory=dict)


def member_labels(team: Iterable[MemberData], *, with_names: bool) -> dict[str, str]:
    """Team member id -> "Inspector 2" / "Coordinator" (numbered when a role has several),
    or the member's name with ``with_names``."""
    members = list(team)
    if with_names:
        return {m.id: m.name for m in members}
    by_role: dict[str, list[str]] = {}
    for m in members:
        by_role.setdefault(m.role, []).append(m.id)
    labels = {}
    for role, ids in by_role.items():
        word = ROLE_WORDS.get(role, role.capitalize())
        for n, member_id in enumerate(ids, start=1):
            labels[member_id] = f"{word} {n}" if len(ids) > 1 else word
    return labels


def build_sheets(data: TablesData, *, with_names: bool = False) -> list[Sheet]:
    """Every sheet, in order, not yet redacted (see :func:`redacted`)."""
    from .report.outline_base import OutlineBuilder

    numbering = OutlineBuilder(data.report, public=False)
    people = member_labels(data.team, with_names=with_names)
    sheets = [
        _findings(data, numbering, people),
        *_answers(data, numbering),
        _judgements(data, numbering, people),
        _recommendations(data, numbering),
    ]
    plan = _action_plan(data, numbering)
    if plan is not None:
        sheets.append(plan)
    return sheets


def redacted(sheets: list[Sheet], redactor: Redactor) -> list[Sheet]:
    """The sheets with every text cell (and header) through the report's redactor.

    Two passes, as :func:`.report.redact.redact` makes: the redactor first learns which
    ordinary words that are also parts of names the text uses as words.
    """
    if not redactor.active:
        return sheets
    texts = [t for s in sheets for t in (*s.header, *_texts(s.rows))]
    redactor.learn(texts)
    return [
        replace(
            s,
            name=s.name,
            header=tuple(redactor(h) for h in s.header),
            rows=tuple(
                tuple(redactor(c) if isinstance(c, str) else c for c in row) for row in s.rows
            ),
        )
        for s in sheets
    ]


def _texts(rows: Iterable[tuple[Cell, ...]]) -> Iterable[str]:
    return (c for row in rows for c in row if isinstance(c, str))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _themes(ids: Iterable[str]) -> str:
    from .errors import UserError
    from .themes import theme_label

    labels = []
    for i in ids:
        try:
            labels.append(theme_label(i))
        except (KeyError, UserError):
            labels.append(i)
    return "; ".join(labels)


def _findings(data: TablesData, numbering: OutlineBuilder, people: dict[str, str]) -> Sheet:
    report = data.report
    documents = {d.id: d.title for d in report.documents}
    roles = {i.id: i.role for i in report.interviews}
    rows = []
    for area_findings in numbering.findings_by_area.values():
        for f in area_findings:
            evidence = documents.get(f.document_id or "") or roles.get(f.interview_id or "", "")
            author = data.finding_authors.get(f.id)
            rows.append(
                (
                    numbering.fref(f),
                    kind_label(f.kind),
                    numbering.area_title(f.area_id),
                    f.text.strip(),
                    _themes(f.themes),
                    evidence,
                    people.get(author or "", ""),
                    f.internal,
                )
            )
    header = ("Number", "Kind", "Area", "Finding", "Themes", "Evidence", "Author", "Internal")
    return Sheet("findings", header, tuple(rows), (8, 14, 28, 70, 30, 30, 16, 9))


def _answer_cell(q: Question, stored: str) -> Cell:
    """A stored answer as a typed cell: numbers and dates as such, choices as labels."""
    from .questionnaire.answers import decode_answer

    if stored == "":
        return None
    try:
        value = decode_answer(q, stored)
    except ValueError:
        return stored  # not a valid answer (an older questionnaire?): show what is stored
    if q.type == "yes_no":
        return q.option_label("yes" if value else "no")
    if q.type == "choice":
        return q.option_label(str(value))
    if q.type == "multi_choice":
        return "; ".join(q.option_label(v) for v in value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, int | date):
        return value
    return str(value).strip()


def _answers(data: TablesData, numbering: OutlineBuilder) -> list[Sheet]:
    """One sheet per questionnaire used: a row per document review or interview."""
    report = data.report
    parents: dict[str, list[tuple[tuple[Cell, ...], str]]] = {}
    for d in report.documents:
        ident: tuple[Cell, ...] = (
            "Document review",
            numbering.area_title(d.area_id),
            d.title,
            d.document_date,
        )
        parents.setdefault(d.questionnaire, []).append((ident, d.id))
    for i in report.interviews:
        if i.deleted:
            continue
        kind = f"{kind_label(i.kind) if i.kind == 'other' else i.kind.capitalize()} interview"
        ident = (kind, numbering.area_title(i.area_id), i.role, i.interview_date)
        parents.setdefault(i.questionnaire, []).append((ident, i.id))
    sheets = []
    names: set[str] = {"findings", "judgements", "recommendations", "action plan"}
    for key in sorted(data.questionnaires, key=lambda k: data.questionnaires[k].title.lower()):
        used = parents.get(key)
        if not used:
            continue
        questionnaire = data.questionnaires[key]
        questions = questionnaire.questions()
        rows = []
        for ident, parent_id in used:
            stored = data.answers.get(parent_id, {})
            rows.append((*ident, *(_answer_cell(q, stored.get(q.id, "")) for q in questions)))
        header = (
            "Kind",
            "Area",
            "Document or interviewee",
            "Date",
            *(_one_line(q.text) for q in questions),
        )
        name = _sheet_name(f"answers {questionnaire.title}", names)
        widths = (16, 24, 28, 12, *(min(40, max(14, len(q.text) // 3)) for q in questions))
        sheets.append(Sheet(name, header, tuple(rows), widths))
    return sheets


_BAD_NAME = re.compile(r"[\[\]:*?/\\]")
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
)


def _sheet_name(wanted: str, taken: set[str]) -> str:
    """A name Excel accepts (31 characters, none of []:*?/\\), unique among ``taken``."""
    base = _one_line(_BAD_NAME.sub(" ", wanted))
    if len(base) > 31:  # cut at a word, so the tab reads as words
        base = base[:32].rsplit(" ", 1)[0] if " " in base[:32] else base[:31]
        words = base.split(" ")
        while len(words) > 2 and words[-1].lower() in _SMALL_WORDS:
            words.pop()  # "answers Desktop review of a" reads better without "of a"
        base = " ".join(words)
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def _judgements(data: TablesData, numbering: OutlineBuilder, people: dict[str, str]) -> Sheet:
    report = data.report
    final = {j.area_id: j for j in report.judgements}
    own: dict[str, list[tuple[str | None, str, str]]] = {}
    for area_id, judge_id, grade, rationale in data.own_judgements:
        own.setdefault(area_id, []).append((judge_id, grade, rationale))
    order = {m.id: n for n, m in enumerate(data.team)}
    rows: list[tuple[Cell, ...]] = []
    for area in report.areas:
        title = numbering.area_title(area.id)
        agreed = final.get(area.id)
        if agreed is not None:
            grade = GRADE_LABELS.get(agreed.grade, agreed.grade)
            rows.append((title, "Agreed (final)", grade, agreed.rationale.strip()))
        for judge_id, grade, rationale in sorted(
            own.get(area.id, []), key=lambda j: order.get(j[0] or "", len(order))
        ):
            who = people.get(judge_id or "", "") or "Not known"
            rows.append((title, who, GRADE_LABELS.get(grade, grade), rationale.strip()))
    header = ("Area", "Whose judgement", "Grade", "Rationale")
    return Sheet("judgements", header, tuple(rows), (28, 18, 36, 80))


def _recommendations(data: TablesData, numbering: OutlineBuilder) -> Sheet:
    rows = []
    for r in data.report.recommendations:
        linked = sorted(
            numbering.finding_number[i] for i in r.finding_ids if i in numbering.finding_number
        )
        rows.append(
            (
                f"R{numbering.rec_number[r.id]}",
                r.text.strip(),
                numbering.area_title(r.area_id),
                LEVEL_WORDS.get(r.impact, r.impact),
                LEVEL_WORDS.get(r.cost, r.cost),
                LEVEL_WORDS.get(r.priority, r.priority),
                r.target_date,
                ", ".join(f"F{n}" for n in linked),
                r.internal,
            )
        )
    header = (
        "Number",
        "Recommendation",
        "Area",
        "Impact",
        "Cost",
        "Priority",
        "Target date",
        "Findings",
        "Internal",
    )
    return Sheet("recommendations", header, tuple(rows), (8, 70, 28, 9, 9, 9, 12, 20, 9))


def _action_plan(data: TablesData, numbering: OutlineBuilder) -> Sheet | None:
    """The landlord's action plan, item by item, when the inspection has one."""
    from .dates import show_day

    plan = data.report.plan
    if plan is None or not plan.items:
        return None
    rows = []
    for rec in plan.recommendations:
        number = (
            f"R{numbering.rec_number[rec.id]}" if rec.id in numbering.rec_number else rec.number
        )
        for n, item in enumerate(rec.items, start=1):
            when = item.by_when
            by_when: Cell = (
                when
                if when is not None and item.by_when_text == show_day(when)
                else item.by_when_text
            )
            rows.append(
                (
                    f"{number}.{n}",
                    number,
                    item.key_outcomes.strip(),
                    item.key_actions.strip(),
                    by_when or None,
                    item.current_status_words,
                    item.overdue,
                    item.progress.strip(),
                )
            )
    header = (
        "Item",
        "Recommendation",
        "Key outcomes",
        "Key actions",
        "By when",
        "Status (as last seen)",
        "Overdue",
        "Progress",
    )
    return Sheet("action plan", header, tuple(rows), (8, 14, 45, 45, 14, 16, 9, 45))
