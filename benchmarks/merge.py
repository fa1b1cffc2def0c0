"""Merging a team's return files: 12 inspectors' files into the coordinator's laptop.

DESIGN.md's budget: merging 12 inspector files (each ≈ 5 interviews × 40 answers and 100
findings) in ≤ 1 s, re-importing them in ≤ 0.5 s, peak memory ≤ 150 MiB.

The fixture is built the way a team works: the coordinator creates the inspection (13
members, 7 areas, a 40-question questionnaire, 60 planned interviews, a desktop review)
and exports a kit per inspector; each inspector's laptop (its own data folder) imports
its kit, records its 5 interviews (40 answers each, with notes) and 100 findings citing
those answers, and exports its return file. Then, on fresh copies of the coordinator's
database, we time ``import_bundles`` with all 12 files (the merge) and again with the same
files (the re-import, which must change nothing), take the median of several runs, and
measure peak memory with tracemalloc on a separate run (tracing slows Python down).

These are in-process figures for working on the merge itself: they leave out start-up, and
tracemalloc cannot see SQLite's memory. The figures users meet, the whole ``bundle import``
command with its peak RSS, are ``benchmarks/cli.py``'s (which builds this same fixture).

    python benchmarks/merge.py [--runs 5] [--fixtures DIR]

The last line printed is the total.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from tenant_inspect import analysis, fieldwork, inspections, records, vocabulary
from tenant_inspect import models as m
from tenant_inspect.bundle.write import export_bundle
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.merge import import_bundles
from tenant_inspect.questionnaire import parse_questionnaire
from tenant_inspect.store import Store, open_store

INSPECTORS = 12
INTERVIEWS_EACH = 5
QUESTIONS = 40
FINDINGS_EACH = 100
MERGE_BUDGET_S = 1.0
REIMPORT_BUDGET_S = 0.5
MEMORY_BUDGET_MIB = 150


def questionnaire_text() -> str:
    lines = [
        'id = "bench-interview"',
        'title = "Benchmark staff interview"',
        'version = "1.0"',
        'kind = "interview"',
        'audience = "Staff"',
        "",
    ]
    for section in range(4):
        lines += ["[[sections]]", f'id = "s{section}"', f'title = "Section {section + 1}"', ""]
        for q in range(QUESTIONS // 4):
            n = section * (QUESTIONS // 4) + q
            lines += [
                "[[sections.questions]]",
                f'id = "q{n:02d}"',
                f'text = "Question {n + 1}: how does your team involve tenants in this?"',
                'type = "text"',
                "",
            ]
    return "\n".join(lines)


def build_fixture(root: Path) -> tuple[Path, str, list[Path]]:
    """The coordinator's database before merging, and the 12 return files."""
    rng = random.Random(5)
    q = parse_questionnaire(questionnaire_text(), "bench")
    coord = open_store(resolve_data_dir(root / "coordinator"))
    with coord.write() as s:
        insp = inspections.create_inspection(s, title="Benchmark inspection", landlord="Vale HA")
        inspections.add_member(s, insp.id, name="Coordinator", role="coordinator")
        members = [
            inspections.add_member(s, insp.id, name=f"Inspector {i + 1}") for i in range(INSPECTORS)
        ]
        areas = [inspections.add_area(s, insp.id, name=f"Department {i + 1}") for i in range(7)]
        fieldwork.add_document_review(s, insp.id, title="Customer charter")
        plan = {}
        for i, member in enumerate(members):
            plan[member.id] = [
                fieldwork.add_interview(
                    s,
                    insp.id,
                    interviewee_role=f"Officer {i}-{k}",
                    interviewee_name=f"Private Person {i}-{k}",
                    area_id=areas[(i + k) % len(areas)].id,
                    questionnaire=q,
                    interviewer_ids=[member.id],
                ).id
                for k in range(INTERVIEWS_EACH)
            ]
        inspection_id = insp.id
    files = []
    for i, member in enumerate(members):
        kit = root / f"kit{i:02d}.zip"
        export_bundle(coord, inspection_id, kit, for_member_id=member.id)
        laptop = open_store(resolve_data_dir(root / f"inspector{i:02d}"))
        import_bundles(laptop, [kit])
        with laptop.write(author_id=member.id) as s:
            answers = []
            for interview_id in plan[member.id]:
                interview = records.get(s, m.Interview, interview_id)
                fieldwork.update_interview(s, interview, status="complete", notes="Went well.")
                for question in q.questions():
                    answers.append(
                        fieldwork.save_answer(
                            s,
                            interview,
                            question.id,
                            value=f"Answer {rng.randrange(10**6)} about involving tenants",
                            notes=f"Notes typed during the interview, {rng.randrange(10**6)}.",
                        )
                    )
            for k in range(FINDINGS_EACH):
                answer = answers[(k * 7) % len(answers)]
                analysis.add_finding(
                    s,
                    inspection_id,
                    kind=rng.choice(vocabulary.FINDING_KINDS),
                    text=f"Finding {k}: staff described how tenants shaped the service ({rng.randrange(10**6)}).",
                    answer_id=answer.id,
                    themes=["access-customer-care"] if k % 3 == 0 else [],
                )
        path = root / f"return{i:02d}.zip"
        export_bundle(laptop, inspection_id, path)
        laptop.close()
        files.append(path)
    coord.close()
    return root / "coordinator" / "tenant-inspect.db", inspection_id, files


def fresh_copy(db: Path, root: Path, name: str) -> Store:
    data = resolve_data_dir(root / name)
    data.path.mkdir(parents=True)
    src, dst = sqlite3.connect(db), sqlite3.connect(data.db_path)
    src.backup(dst)
    src.close()
    dst.close()
    return open_store(data)


def timed(store: Store, files: list[Path]) -> tuple[float, list]:
    start = time.perf_counter()
    results = import_bundles(store, files)
    elapsed = time.perf_counter() - start
    refused = [r.line() for r in results if not r.ok]
    if refused:
        sys.exit("refused: " + "; ".join(refused))
    return elapsed, results


def _peak_rss_mib() -> float | None:
    """The process's peak resident memory (includes SQLite, which tracemalloc cannot see)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)  # bytes on macOS, KiB on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--fixtures", type=Path, help="build (or reuse) the fixture here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="merge-bench-") as tmp:
        root = args.fixtures or Path(tmp) / "fixture"
        root.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        if (root / "return11.zip").exists():
            db = root / "coordinator" / "tenant-inspect.db"
            files = sorted(root.glob("return*.zip"))
        else:
            db, _, files = build_fixture(root)
        size = sum(f.stat().st_size for f in files)
        print(
            f"fixture: {len(files)} return files, {size / 1024:,.0f} KiB ({time.perf_counter() - started:.1f} s to build)"
        )

        merges, reimports = [], []
        rows = 0
        for run in range(args.runs):
            store = fresh_copy(db, Path(tmp), f"run{run}")
            try:
                elapsed, results = timed(store, files)
                merges.append(elapsed)
                rows = sum(r.added + r.updated + r.unchanged for r in results)
                added = sum(r.added for r in results)
                elapsed, again = timed(store, files)
                reimports.append(elapsed)
                assert all(r.added == r.updated == r.conflicts == 0 for r in again), (
                    "re-import changed something"
                )
            finally:
                store.close()
        print(f"rows in the files: {rows:,} ({added:,} new to the coordinator)")
        print(
            f"merge 12 files:    median {statistics.median(merges):.3f} s  (runs: {', '.join(f'{x:.3f}' for x in merges)})  budget {MERGE_BUDGET_S} s"
        )
        print(
            f"re-import them:    median {statistics.median(reimports):.3f} s  (runs: {', '.join(f'{x:.3f}' for x in reimports)})  budget {REIMPORT_BUDGET_S} s"
        )

        store = fresh_copy(db, Path(tmp), "memory")
        try:
            tracemalloc.start()
            import_bundles(store, files)
            import_bundles(store, files)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        finally:
            store.close()
        peak_mib = peak / (1024 * 1024)
        print(
            f"peak memory:       {peak_mib:.1f} MiB (tracemalloc, merge + re-import)  budget {MEMORY_BUDGET_MIB} MiB"
        )
        rss_mib = _peak_rss_mib()
        if rss_mib is not None:
            print(
                f"process peak RSS:  {rss_mib:.1f} MiB (interpreter, SQLite and all; fixture too if built here)"
            )

    merge, reimport = statistics.median(merges), statistics.median(reimports)
    memory = max(peak_mib, rss_mib or 0.0)  # judge by the larger, more conservative figure
    within = (
        merge <= MERGE_BUDGET_S and reimport <= REIMPORT_BUDGET_S and memory <= MEMORY_BUDGET_MIB
    )
    rss = f", {rss_mib:.0f} MiB RSS" if rss_mib is not None else ""
    print(
        f"total: {merge + reimport:.3f} s (merge {merge:.3f} s + re-import {reimport:.3f} s), "
        f"peak {peak_mib:.0f} MiB traced{rss}: {'within budget' if within else 'OVER BUDGET'}"
    )
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
