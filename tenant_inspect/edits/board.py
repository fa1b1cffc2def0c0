"""The coordinator's tidying of findings on the board: move one to another area, merge two.

The board only knows findings by id (its rows are plain copies read in a worker), so these
functions look the rows up again on the app's ordered writer and hand them to
:mod:`tenant_inspect.analysis`, which owns the rules (a merge moves themes and
recommendation links to the survivor and keeps the other on record as merged).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlmodel import Session


def move_finding(session: Session, finding_id: str, area_id: str | None) -> None:
    """Put a finding in another area (``None``: in no area)."""
    from .. import analysis, records
    from .. import models as m

    analysis.update_finding(session, records.get(session, m.Finding, finding_id), area_id=area_id)


def merge_duplicate(session: Session, keep_id: str, duplicate_id: str) -> str:
    """Merge ``duplicate_id`` into ``keep_id`` (whose wording stays); returns the id kept."""
    from .. import analysis, records
    from .. import models as m

    keep = records.get(session, m.Finding, keep_id)
    duplicate = records.get(session, m.Finding, duplicate_id)
    return analysis.merge_findings(session, keep, duplicate).id
