"""SIGKILL the real app at random moments, restart it, and check nothing committed was lost.

Each run starts ``tenant-inspect`` in a pseudo-terminal on the same data folder, types an
answer and notes into the next question of an interview, and is killed — while starting,
mid-word, just after leaving a field, in a pause, or racing Ctrl+Q (one run of each here;
``benchmarks/soak.py`` runs a hundred with random plans). After every kill the database must
pass ``PRAGMA integrity_check``, everything found after earlier runs must still be there
exactly, and this run may only have lost characters typed in the last ``ALLOWED_LOSS``
seconds (see harness.py for the exact rules).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

if sys.platform == "win32":  # pragma: no cover
    pytest.skip("needs a POSIX pseudo-terminal", allow_module_level=True)

from harness import ALLOWED_LOSS, KillSoak

from tenant_inspect.doctor import run_doctor
from tenant_inspect.locations import resolve_data_dir

PLANS = ("startup", "typing", "leaving", "pause", "quit")
SEED = int(os.environ.get("TENANT_INSPECT_KILL_SEED", "20260307"))


def test_random_kills_lose_nothing_committed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    soak = KillSoak(data, runs=len(PLANS))
    for n, plan in enumerate(PLANS):
        result = soak.run(SEED + n, plan=plan, max_questions=1, words=(3, 8))
        print(result.line())
        assert result.oldest_lost_age <= ALLOWED_LOSS, result.line()
    assert sum(r.typed_chars for r in soak.results) > 0
    # After all that, the folder is healthy: doctor finds nothing wrong and lists backups.
    report = run_doctor(resolve_data_dir(data))
    assert report.ok, "\n".join(report.lines)
    assert any("on-start" in line for line in report.lines)
