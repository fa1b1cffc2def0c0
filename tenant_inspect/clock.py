"""Hybrid logical clock stamps for every change.

Each stamp is ``"<wall ms, 13 digits>-<counter, 4 digits>-<device id>"`` so
that plain string comparison orders stamps: by wall time, then by counter
(several changes inside one millisecond, or a clock that went backwards),
then by device (a deterministic tie-break). Merging (bundle import) calls
:meth:`HybridClock.observe` with every stamp it sees so local edits made after
an import always sort after what was imported, even if this laptop's clock is
behind.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

_COUNTER_MAX = 9999


def format_stamp(wall_ms: int, counter: int, device: str) -> str:
    return f"{wall_ms:013d}-{counter:04d}-{device}"


def parse_stamp(stamp: str) -> tuple[int, int, str]:
    """Split a stamp; raises ValueError with the offending text if malformed."""
    parts = stamp.split("-", 2)
    if len(parts) != 3 or len(parts[0]) != 13 or len(parts[1]) != 4:
        raise ValueError(f"not a change stamp: {stamp!r}")
    return int(parts[0]), int(parts[1]), parts[2]


class HybridClock:
    """Thread-safe HLC for one device."""

    def __init__(self, device: str, wall: Callable[[], float] = time.time) -> None:
        self.device = device
        self._wall = wall
        self._last_ms = 0
        self._counter = 0
        self._lock = threading.Lock()

    def now(self) -> str:
        with self._lock:
            wall_ms = int(self._wall() * 1000)
            if wall_ms > self._last_ms:
                self._last_ms, self._counter = wall_ms, 0
            else:
                self._counter += 1
                if self._counter > _COUNTER_MAX:
                    self._last_ms, self._counter = self._last_ms + 1, 0
            return format_stamp(self._last_ms, self._counter, self.device)

    def wall_ms(self) -> int:
        """This laptop's wall clock, in ms (not a stamp: it may be behind the last one)."""
        return int(self._wall() * 1000)

    def newest_acceptable_ms(self, ahead_ms: int) -> int:
        """The latest wall time (ms) a stamp from elsewhere may carry: ``ahead_ms`` past this
        laptop's wall clock, or anything this clock has already passed.

        Bundle import refuses files with later stamps, so observing an imported stamp never
        moves this clock further ahead of the wall than ``ahead_ms``; a stamp the clock is
        already past (this laptop ran ahead once, or saw it before) moves it no further.
        """
        with self._lock:
            return max(int(self._wall() * 1000) + ahead_ms, self._last_ms)

    def observe(self, stamp: str) -> None:
        """Advance past a stamp seen elsewhere (import, or the newest row at start)."""
        wall_ms, counter, _ = parse_stamp(stamp)
        with self._lock:
            if (wall_ms, counter) > (self._last_ms, self._counter):
                self._last_ms, self._counter = wall_ms, counter
