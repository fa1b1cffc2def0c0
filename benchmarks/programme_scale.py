"""A programme's server at scale: 100 large inspections, against the same work on SQLite.

Issue 13, part 7. Targets (wall, as whole ``tenant-inspect`` processes, cold):

* ``programme list`` on the server: at most 0.5 s (baseline: the same command on a SQLite
  folder holding the same inspections);
* syncing one inspector's day of work, ``sync URL ID``: at most 1 s (baseline: ``bundle
  import`` of the same laptop's return file into the SQLite folder);
* a first full pull of one inspection, ``sync URL ID`` on an empty laptop: at most 2 s
  (baseline: ``bundle import`` of the inspection's full export into an empty SQLite folder).

The fixture (``_programme_fixtures``): a throw-away PostgreSQL server started as the test
suite starts one (``tests/support/postgres.py``: ``initdb``/``pg_ctl``, a Unix socket in a
temporary folder), holding the large demo (built by ``demo --size large``, put on the server
by ``bundle import``) and ``--copies`` copies of it with new ids; a SQLite folder holds the
same. A day of work is made on the laptop, in a separate unmeasured process, through the
product's own functions: notes on every answer of 2 interviews, 20 new findings, 5 findings
reworded. Each round uses its own copy, so every sync meets a server that has not seen that
work yet. Runs are paired (server and SQLite alternate who goes first), one unmeasured
warm-up round first; figures are medians. The last line is the worst ratio to a target.

    python benchmarks/programme_scale.py [--runs 5] [--copies 99]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from _fixtures import large_demo_id
from _programme_fixtures import clone_postgres, clone_sqlite
from _pty import APP, ROOT, Ran, app, median, ms, run, spread

sys.path.insert(0, str(ROOT))
from tests.support.postgres import PostgresServer

LIST_TARGET, DAY_TARGET, PULL_TARGET = 0.5, 1.0, 2.0

DAY_OF_WORK = """
import sys
from tenant_inspect import analysis, fieldwork
from tenant_inspect import models as m
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.store import open_store
from sqlmodel import select

folder, inspection_id = sys.argv[1], sys.argv[2]
with open_store(resolve_data_dir(folder)) as store, store.write() as s:
    interviews = s.exec(select(m.Interview).where(m.Interview.inspection_id == inspection_id,
        m.Interview.deleted_at.is_(None)).order_by(m.Interview.id)).all()
    done = 0
    for interview in interviews:
        answers = s.exec(select(m.Answer).where(m.Answer.interview_id == interview.id)).all()
        if not answers:
            continue
        for a in answers:
            fieldwork.save_answer(s, interview, a.question_key,
                                  notes=f"Day two: {a.question_key} followed up with the officer")
        done += 1
        if done == 2:
            break
    area = s.exec(select(m.Area).where(m.Area.inspection_id == inspection_id)).first()
    for n in range(20):
        analysis.add_finding(s, inspection_id, kind="weakness", area_id=area.id,
                             text=f"Repairs callers were not told the timescale ({n + 1}).")
    for f in analysis.findings(s, inspection_id)[:5]:
        analysis.update_finding(s, f, text=f.text + " Confirmed on the second day.")
"""


def timed(figure: str, results: list[Ran]) -> tuple[float, float]:
    wall, cpu = [r.wall for r in results], [r.cpu for r in results]
    print(
        f"  {figure:<38} wall median {ms(median(wall)):>8} [{spread(wall)}]  "
        f"CPU {ms(median(cpu)):>8}"
    )
    return median(wall), median(cpu)


def build(root: Path, server: PostgresServer, copies: int) -> tuple[str, Path, list[str]]:
    """The server's URL, the SQLite folder, and the ids the rounds use (the copies')."""
    started = time.perf_counter()
    sqlite_folder = root / "programme"
    run(app(sqlite_folder, "demo", "--size", "large"))
    source = large_demo_id(sqlite_folder)
    demo_s = time.perf_counter() - started
    full = root / "full.zip"
    run(app(sqlite_folder, "bundle", "export", source, "-o", str(full)))
    url = server.url(server.new_database())
    t = time.perf_counter()
    run(app(root / "server-side", "--database", url, "bundle", "import", str(full)))
    import_s = time.perf_counter() - t
    made, sqlite_s = clone_sqlite(sqlite_folder / "tenant-inspect.db", source, copies)
    made_pg, pg_s = clone_postgres(url, source, copies)
    print(
        f"fixture: {copies + 1} large inspections on each side in "
        f"{time.perf_counter() - started:.0f} s (demo --size large {demo_s:.1f} s, "
        f"bundle import to the server {import_s:.1f} s, {copies} copies: SQLite {sqlite_s:.1f} s,"
        f" server {pg_s:.1f} s)"
    )
    # The same copies on each side have different ids; the rounds use the server's, and
    # export the SQLite side's copy of the same position for the baselines.
    return url, sqlite_folder, [f"{a} {b}" for a, b in zip(made_pg, made, strict=True)]


def paired_list(url: str, sqlite_folder: Path, root: Path, runs: int) -> dict[str, list[Ran]]:
    commands = {
        "programme list, server": app(root / "server-side", "--database", url, "programme", "list"),
        "programme list, SQLite": app(sqlite_folder, "programme", "list"),
    }
    out: dict[str, list[Ran]] = {name: [] for name in commands}
    for rnd in range(runs + 1):
        order = list(commands) if rnd % 2 else list(reversed(commands))
        for name in order:
            ran = run(commands[name])
            if rnd:
                out[name].append(ran)
    return out


def sync_rounds(
    url: str, sqlite_folder: Path, root: Path, pairs: list[str], runs: int
) -> dict[str, list[Ran]]:
    out: dict[str, list[Ran]] = {
        k: [] for k in ("pull, server", "pull, SQLite", "day, server", "day, SQLite")
    }
    for rnd in range(runs + 1):
        server_id, sqlite_id = pairs[rnd].split()
        laptop, empty = root / f"laptop{rnd}", root / f"empty{rnd}"
        full = root / f"full{rnd}.zip"
        run(app(sqlite_folder, "bundle", "export", sqlite_id, "-o", str(full)))
        first = [("pull, server", app(laptop, "sync", url, server_id))]
        base = [("pull, SQLite", app(empty, "bundle", "import", str(full)))]
        measured = [*first, *base] if rnd % 2 else [*base, *first]
        ran = {name: run(argv) for name, argv in measured}
        # The day's work on the laptop (server ids) and on a laptop of the SQLite side.
        run([APP[0], "-c", DAY_OF_WORK, str(laptop), server_id])
        run([APP[0], "-c", DAY_OF_WORK, str(empty), sqlite_id])
        back = root / f"return{rnd}.zip"
        run(app(empty, "bundle", "export", sqlite_id, "-o", str(back)))
        day = [
            ("day, server", app(laptop, "sync", url, server_id)),
            ("day, SQLite", app(sqlite_folder, "bundle", "import", str(back))),
        ]
        for name, argv in day if rnd % 2 else list(reversed(day)):
            ran[name] = run(argv)
        if rnd == 0:
            print(f"  (first pull said: {ran['pull, server'].stdout.strip()[:200]})")
            print(f"  (day's sync said: {ran['day, server'].stdout.strip()[:200]})")
            print(f"  (day's import said: {ran['day, SQLite'].stdout.strip()[:200]})")
        else:
            for name, result in ran.items():
                out[name].append(result)
        for folder in (laptop, empty):
            shutil.rmtree(folder, ignore_errors=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="measured rounds (default 5)")
    parser.add_argument("--copies", type=int, default=99, help="copies of the large demo")
    args = parser.parse_args()
    server = PostgresServer().start()
    try:
        with tempfile.TemporaryDirectory(prefix="scale-bench-") as tmp:
            root = Path(tmp)
            url, sqlite_folder, pairs = build(root, server, max(args.copies, args.runs + 1))
            print(f"programme list on {len(pairs) + 1} inspections:")
            listed = paired_list(url, sqlite_folder, root, args.runs)
            figures = {name: timed(name, results) for name, results in listed.items()}
            print("sync of one inspection (a copy per round):")
            synced = sync_rounds(url, sqlite_folder, root, pairs, args.runs)
            figures |= {name: timed(name, results) for name, results in synced.items()}
    finally:
        server.stop()
    checks = [
        ("programme list", "programme list, server", "programme list, SQLite", LIST_TARGET),
        ("day's work sync", "day, server", "day, SQLite", DAY_TARGET),
        ("first full pull", "pull, server", "pull, SQLite", PULL_TARGET),
    ]
    ratios = []
    for label, ours, base, target in checks:
        wall, cpu = figures[ours]
        verdict = "met" if wall <= target else "NOT MET"
        print(
            f"{label}: {wall:.3f} s wall ({cpu:.3f} s CPU) = {wall / figures[base][0]:.2f} x "
            f"SQLite's {figures[base][0]:.3f} s; target {target} s: {wall / target:.2f} ({verdict})"
        )
        ratios.append((label, wall / target))
    label, worst = max(ratios, key=lambda x: x[1])
    print(f"worst ratio to target ({label}): {worst:.2f}")
    return 0 if worst <= 1 else 1


if __name__ == "__main__":
    sys.exit(main())
