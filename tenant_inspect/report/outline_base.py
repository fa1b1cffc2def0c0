"""The outline builder's state and helpers, shared by the section modules.

:func:`.outline.build_outline` uses one builder made of :class:`OutlineBuilder` and the
section mixins (:mod:`.outline_front`, :mod:`.outline_areas`, :mod:`.outline_back`); this
holds what they all need: numbering of findings and recommendations, area letters and
the block list being written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .model import Block, Bullets, FindingData, Paragraph, ReportData
from .wording import KIND_HEADINGS, KIND_LABELS, letter, paragraphs


class OutlineBuilder:
    """Turns a (possibly filtered) :class:`ReportData` into blocks; one use only."""

    def __init__(self, data: ReportData, *, public: bool, questionnaires: bool = True) -> None:
        self.data = data
        self.public = public
        #: Whether the appendix lists the questionnaires (a coordinator may leave them out).
        self.with_questionnaires = questionnaires
        #: Where the glossary goes: it is written last, once the text it explains exists.
        self.glossary_at: int | None = None
        self.blocks: list[Block] = []
        self.warnings: list[str] = list(data.notes)
        self.areas = list(data.areas)
        self.letters = {a.id: letter(i) for i, a in enumerate(self.areas)}
        self.area_by_id = {a.id: a for a in self.areas}
        self.documents = list(data.documents)
        self.held = [
            i for i in data.interviews if not i.deleted and i.status != "planned"
        ]  # interviews that took place (finished or not)
        self.judgement = {j.area_id: j for j in data.judgements}
        # Findings in report order: area by area, documents first (desktop review), then
        # by kind; a finding's number is its place in that order.
        self.findings_by_area = self._order_findings()
        self.finding_number: dict[str, int] = {}
        for area_findings in self.findings_by_area.values():
            for f in area_findings:
                self.finding_number[f.id] = len(self.finding_number) + 1
        self.rec_number = {r.id: n for n, r in enumerate(data.recommendations, start=1)}

    # -- helpers -------------------------------------------------------------

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def text(self, text: str) -> None:
        for para in paragraphs(text):
            self.add(Paragraph(para))

    def area_title(self, area_id: str | None) -> str:
        area = self.area_by_id.get(area_id or "")
        return f"{self.letters[area.id]}. {area.name}" if area else ""

    def fref(self, f: FindingData) -> str:
        return f"F{self.finding_number[f.id]}"

    def _order_findings(self) -> dict[str | None, list[FindingData]]:
        by_area: dict[str | None, list[FindingData]] = defaultdict(list)
        known = set(self.area_by_id)
        for f in self.data.findings:
            by_area[f.area_id if f.area_id in known else None].append(f)
        doc_order = {d.id: i for i, d in enumerate(self.documents)}
        kind_order = {k: i for i, (k, _) in enumerate(KIND_HEADINGS)}
        ordered: dict[str | None, list[FindingData]] = {}
        for area in [*self.areas, None]:
            area_id = area.id if area else None
            rows = by_area.get(area_id, [])
            desktop = area is not None and area.kind == "desktop_review"

            def key(f: FindingData, desktop: bool = desktop) -> tuple[int, int]:
                if desktop and f.document_id in doc_order:
                    return (doc_order[f.document_id or ""], kind_order.get(f.kind, 9))
                return (len(doc_order), kind_order.get(f.kind, 9))

            # sorted() is stable: creation order is kept within each group
            ordered[area_id] = sorted(rows, key=key)
        return ordered

    def finding_bullets(self, rows: Iterable[FindingData], *, with_kind: bool) -> Bullets:
        items, leads = [], []
        for f in rows:
            label = self.fref(f)
            if with_kind:
                label += f" {KIND_LABELS.get(f.kind, f.kind.capitalize())}"
            if f.internal:
                label += " (internal)"
            leads.append(label + ": " if with_kind else label + " ")
            items.append(" ".join(f.text.split()))
        return Bullets(tuple(items), tuple(leads))
