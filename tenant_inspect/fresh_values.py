"""Fresh row ids and the current UTC time: what every new row and change is given.

Kept apart from :mod:`.model_base` (which re-exports them) because the merge and ``sync``
make ids and timestamps without loading SQLModel.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def new_id() -> str:
    """A fresh client-side UUID (canonical text form, so prefixes are usable ids)."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)
