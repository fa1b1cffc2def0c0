"""The one-line summary of an inspection shown in lists.

Kept in its own light module (no SQLModel) so the TUI's home screen can show
the list before the heavy database libraries have finished loading (see
:func:`tenant_inspect.store.quick_summaries`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class InspectionSummary:
    """One line of the inspections list (CLI ``list`` and the TUI home screen)."""

    id: str
    title: str
    landlord: str
    status: str
    areas: int
    documents: int
    documents_done: int
    interviews: int
    interviews_done: int
    findings: int
    recommendations: int
    updated_at: str

    @property
    def progress(self) -> int:
        """Fieldwork done, as a whole percentage (documents and interviews)."""
        total = self.documents + self.interviews
        return round(100 * (self.documents_done + self.interviews_done) / total) if total else 0

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "landlord": self.landlord,
            "status": self.status,
            "areas": self.areas,
            "documents": self.documents,
            "documents_done": self.documents_done,
            "interviews": self.interviews,
            "interviews_done": self.interviews_done,
            "findings": self.findings,
            "recommendations": self.recommendations,
            "progress": self.progress,
            "updated_at": self.updated_at,
        }
