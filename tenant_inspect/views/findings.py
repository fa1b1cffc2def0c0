"""Findings as the fieldwork screens list them: the ones made on one interview or document.

A plain copy of each finding (:class:`FindingRow`) is safe to keep on the UI thread after the
session that read it has closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..vocabulary import kind_label

if TYPE_CHECKING:
    from sqlmodel import Session


@dataclass(frozen=True)
class FindingRow:
    """A finding as the screens show it (a plain copy, safe to keep on the UI thread)."""

    id: str
    kind: str
    text: str
    themes: tuple[str, ...] = ()
    question_key: str = ""

    @classmethod
    def from_model(cls, finding: Any) -> FindingRow:
        return cls(
            id=finding.id,
            kind=finding.kind,
            text=finding.text,
            themes=tuple(finding.themes or ()),
            question_key=finding.question_key or "",
        )

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)


def load_findings(session: Session, inspection_id: str, **where: str) -> list[FindingRow]:
    from tenant_inspect import analysis

    rows = analysis.findings(session, inspection_id, **where)
    return [FindingRow.from_model(f) for f in rows]
