"""Making a finished file's rename durable, shared by everything that writes files atomically.

Bundles and reports are written to a temporary file in the target folder, flushed and
renamed over the target; the rename itself is only on disk once the folder is synced.
"""

from __future__ import annotations

import os
from pathlib import Path


def fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); harmless to skip where unsupported."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform (Windows); the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
