"""Counting the hostile files the fuzz tests try, for ``benchmarks/soak.py``.

When ``TENANT_INSPECT_FUZZ_LOG`` names a file, every generated case appends one line,
``<kind> <outcome>`` (``accepted`` or ``refused``), so the soak can report how many files
of each kind were tried and how each ended. Without it, nothing is written. A crash is not
logged here: it fails the test, and the soak counts failed tests.

``FUZZ_EXAMPLES`` (``HYPOTHESIS_FUZZ_EXAMPLES``, default 60) is how many cases each fuzz
test generates; the soak raises it.
"""

from __future__ import annotations

import os

FUZZ_EXAMPLES = int(os.environ.get("HYPOTHESIS_FUZZ_EXAMPLES", "60"))


def record(kind: str, outcome: str) -> None:
    path = os.environ.get("TENANT_INSPECT_FUZZ_LOG")
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"{kind} {outcome}\n")
