"""What goes to the landlord: the action plan of one inspection, redacted, ready to write.

The landlord answers the recommendations in Excel or Word, not in this app, so the plan
goes out as a file (:mod:`.plan_xlsx` writes the workbook, :mod:`.plan_docx` the Word
form) and comes back through :mod:`.plan_import`. This module reads what both writers
need into plain values, once.

**Names.** The plan carries roles, never interviewees' names: every text written to the
file passes the report's :class:`~.report.redact.Redactor`, built the same way as for the
report (every interviewee, deleted interviews included; team members' names may appear
as written). Texts the landlord wrote come back as they were sent, so the importer treats
a cell that equals the redacted stored text as unchanged (:func:`redactor_for_plan`).

**Internal recommendations** are left out, as in the published report (``--public``): the
landlord answers the report they were given.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .durable import write_bytes_atomically
from .errors import UserError
from .views.action_plan import RecommendationPlan

if TYPE_CHECKING:
    from sqlmodel import Session

    from .report.redact import Redactor
    from .store import Store

#: File suffix -> what is written.
FORMATS = {".xlsx": "Excel workbook", ".docx": "Word form"}


@dataclass(frozen=True)
class LandlordPlan:
    """One inspection's plan as the landlord sees it; every text already redacted."""

    inspection_id: str
    title: str
    landlord: str
    areas: dict[str, str]  # area letter -> "B. Repairs"
    recommendations: tuple[RecommendationPlan, ...]
    exported_at: datetime


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    recommendations: int
    items: int
    redactions: int


def plan_format(path: Path) -> str:
    """The suffix of ``path`` if it is one we write; a clear refusal otherwise."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(
            f"cannot write an action plan to {path}: the file name must end in .xlsx "
            "(Excel workbook) or .docx (Word form)"
        )
    return suffix


def redactor_for_plan(session: Session, inspection_id: str) -> Redactor:
    """The report's redactor for this inspection (see :func:`.report.redact.redactor_for`)."""
    from sqlmodel import select

    from . import models as m
    from .inspections import team
    from .report.redact import Redactor

    interviews = session.exec(
        select(m.Interview).where(m.Interview.inspection_id == inspection_id)
    ).all()
    return Redactor(
        ((i.interviewee_name, i.interviewee_role) for i in interviews if i.interviewee_name),
        others=(t.name for t in team(session, inspection_id)),
    )


def load_landlord_plan(session: Session, inspection_id: str) -> tuple[LandlordPlan, Redactor]:
    """The plan to send, redacted, and the redactor (which counts what it replaced)."""
    from .inspections import area_letter, areas, get_inspection
    from .views.action_plan_read import load_action_plan

    inspection = get_inspection(session, inspection_id)
    data = load_action_plan(session, inspection.id, date.today())
    redactor = redactor_for_plan(session, inspection.id)
    redactor.learn(plan_texts(data.recommendations))
    plan = LandlordPlan(
        inspection_id=inspection.id,
        title=inspection.title,
        landlord=inspection.landlord,
        areas={
            area_letter(i): f"{area_letter(i)}. {redactor(a.name)}"
            for i, a in enumerate(areas(session, inspection.id))
        },
        recommendations=tuple(
            _redacted(rec, redactor) for rec in data.recommendations if not rec.internal
        ),
        exported_at=datetime.now(UTC),
    )
    return plan, redactor


def plan_texts(recs: tuple[RecommendationPlan, ...]) -> list[str]:
    """Every free text of the plan: what the redactor learns from before it replaces.

    Export and import both learn from the same texts, so a cell sent redacted is
    recognised as unchanged when it comes back.
    """
    out: list[str] = []
    for rec in recs:
        r = rec.response
        out += [rec.text, r.reason, r.responsible_role, r.sponsor_role, r.costs, r.customer_say]
        for i in rec.items:
            out += [i.key_outcomes, i.key_actions, i.progress, i.how_we_know]
    return out


def _redacted(rec: RecommendationPlan, redact: Callable[[str], str]) -> RecommendationPlan:
    """The free-text fields redacted; ids, keys and dates left alone."""
    r = rec.response
    response = dataclasses.replace(
        r,
        reason=redact(r.reason),
        responsible_role=redact(r.responsible_role),
        sponsor_role=redact(r.sponsor_role),
        costs=redact(r.costs),
        customer_say=redact(r.customer_say),
    )
    items = tuple(
        dataclasses.replace(
            i,
            key_outcomes=redact(i.key_outcomes),
            key_actions=redact(i.key_actions),
            progress=redact(i.progress),
            how_we_know=redact(i.how_we_know),
        )
        for i in rec.items
    )
    return dataclasses.replace(rec, text=redact(rec.text), response=response, items=items)


def export_plan(store: Store, inspection_id: str, path: Path) -> ExportResult:
    """Write the plan to ``path`` (.xlsx or .docx), atomically."""
    suffix = plan_format(path)
    with store.read() as session:
        plan, redactor = load_landlord_plan(session, inspection_id)
    if suffix == ".xlsx":
        from .plan_xlsx import write_workbook

        write_bytes_atomically(path, write_workbook(plan))
    else:
        from .plan_docx import write_form

        write_bytes_atomically(path, write_form(plan))
    return ExportResult(
        path=path,
        format=FORMATS[suffix],
        recommendations=len(plan.recommendations),
        items=sum(len(r.items) for r in plan.recommendations),
        redactions=redactor.count,
    )
