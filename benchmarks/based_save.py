"""What carrying an editor's base costs a keystroke's save (``tenant_inspect.edit_bases``).

On one SQLite data folder, saves a finding's text as the autosave does (one write
transaction per save, the text growing by a word each time) ``--saves`` times without a
base, then as many times carrying the editor's base (:meth:`Loaded.save`), which compares
the stored value with it in the transaction. No one else saves meanwhile, so no conflict is
made: this is the price every save pays. Each figure is the least of ``--runs`` runs.

The last line printed is ``ratio: <ms per save with a base> / <ms per save without>``: 1.0
means the check costs nothing a person could notice.

    python benchmarks/based_save.py [--saves 300] [--runs 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlmodel import Session  # noqa: E402

from tenant_inspect import analysis, inspections, records  # noqa: E402
from tenant_inspect import models as m  # noqa: E402
from tenant_inspect.edit_bases import Loaded  # noqa: E402
from tenant_inspect.locations import resolve_data_dir  # noqa: E402
from tenant_inspect.store import Store, open_store  # noqa: E402


def _finding(store: Store) -> str:
    with store.write() as s:
        inspection = inspections.create_inspection(s, title="T", landlord="L")
        return analysis.add_finding(s, inspection.id, kind="weakness", text="Slow").id


def _saves(store: Store, finding_id: str, count: int, editor: Loaded | None) -> float:
    """Seconds per save of ``count`` saves, each one word longer."""
    text = "Slow"
    if editor is not None:
        editor.shown(finding_id, "text", text)
    start = time.perf_counter()
    for n in range(count):
        text = f"{text} w{n}"

        def save(s: Session, text: str = text) -> None:
            analysis.update_finding(s, records.get(s, m.Finding, finding_id), text=text)

        fn = save if editor is None else editor.save(finding_id, "finding", ("text",), save)
        with store.write() as s:
            fn(s)
    return (time.perf_counter() - start) / count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, open_store(resolve_data_dir(Path(tmp))) as store:
        plain: list[float] = []
        based: list[float] = []
        for _ in range(args.runs):
            plain.append(_saves(store, _finding(store), args.saves, None))
            based.append(_saves(store, _finding(store), args.saves, Loaded()))
    without, with_base = min(plain) * 1000, min(based) * 1000
    print(f"without a base: {without:.2f} ms/save")
    print(f"with a base:    {with_base:.2f} ms/save")
    print(f"ratio: {with_base:.2f} / {without:.2f} = {with_base / without:.2f}")


if __name__ == "__main__":
    main()
