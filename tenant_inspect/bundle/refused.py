"""The one error every bundle problem is reported as, kept apart so each bundle module can raise it."""

from __future__ import annotations

from pathlib import Path

from ..errors import UserError


class BundleRefused(UserError):
    """A bundle file cannot be used; nothing was written. ``str()`` names the file."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")
