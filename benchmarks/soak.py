"""The data-safety soak: a hundred kills of the real app and a thousand hostile files.

    python benchmarks/soak.py [--kills 100] [--hostile 1000] [--upgrade-kills 10] [--seed N]

1. **Kills** (``tests/reliability/harness.py``): the real app runs in a pseudo-terminal on
   one data folder; each run opens the interview, types an answer and notes into the next
   question (one to three questions, random gaps and pauses) and is SIGKILLed at a random
   moment drawn from the seed — while starting, mid-word, just after leaving a field, in a
   pause, or racing a Ctrl+Q. After every kill: integrity check, every earlier field exactly
   as it was, this run's fields a prefix of what was typed holding everything sent more than
   0.5 s before the kill, every finished backup intact. The next run restarts on whatever the
   kill left behind.
2. **Kills during an upgrade**: a database made by the first schema (0001) with the small
   demo; the app is started on it and killed 0-1.5 s later, again and again. The database
   must open every time, upgraded or not, with the demo intact.
3. **Hostile input**: the fuzz tests (hypothesis) of bundles (damaged zips, far-future
   stamps, control characters, floods of rows), questionnaire files (deep nesting, control
   characters), report templates (macros, ActiveX, embedded objects, remote links), name
   spellings (every report part searched for the name) and folder names (``? # %`` …),
   with enough examples per test for about ``--hostile`` cases in all; each case is counted
   by kind and outcome, and a crash (any failing test) is counted too.

Prints the figures quoted in docs/data-safety.md; exits 1 if anything was lost or crashed.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "reliability"), str(ROOT / "tests" / "unit")]

FUZZ_TESTS = [
    "tests/unit/test_bundle_fuzz.py",
    "tests/unit/test_questionnaire_fuzz.py",
    "tests/unit/test_template_fuzz.py",
    "tests/unit/test_name_spellings.py",
    "tests/unit/test_folder_name_fuzz.py",
]
# Each fuzz test generates about --hostile / FUZZ_TEST_FUNCTIONS cases (some scale that up
# or down: name spellings are cheap, whole reports and folders dearer).
FUZZ_TEST_FUNCTIONS = 6
KINDS = {
    "bundle": "bundles",
    "questionnaire": "questionnaire files",
    "template": "report templates",
    "name": "name spellings",
    "folder": "folder names",
}


def soak_kills(runs: int, seed: int, work: Path) -> bool:
    from harness import ALLOWED_LOSS, KillSoak

    from tenant_inspect.doctor import run_doctor
    from tenant_inspect.locations import resolve_data_dir
    from tenant_inspect.storage.sqlite.backups import list_backups

    data = work / "kills"
    soak = KillSoak(data, runs=runs)
    rng = random.Random(seed)
    failures: list[str] = []
    started = time.monotonic()
    for n in range(runs):
        run_seed = rng.randrange(1 << 30)
        try:
            result = soak.run(run_seed, max_questions=3, words=(2, 14))
        except AssertionError as exc:
            failures.append(f"run {n + 1} (seed {run_seed}): {exc}")
            print(f"  run {n + 1:>3}: FAILED: {exc}", flush=True)
            continue
        if (n + 1) % 10 == 0 or n == 0:
            print(f"  run {n + 1:>3}: {result.line()}", flush=True)
    results = soak.results
    plans = collections.Counter(r.plan for r in results)
    killed = [r for r in results if not r.exited_by_itself]
    typed = sum(r.typed_chars for r in results)
    lost = sum(r.lost_chars for r in results)
    must_keep = sum(r.must_keep for r in results)
    oldest = max((r.oldest_lost_age for r in results), default=0.0)
    report = run_doctor(resolve_data_dir(data))
    kinds = collections.Counter(b.kind for b in list_backups(data / "backups"))
    print(
        f"Kills: {len(results)} runs in {time.monotonic() - started:.0f} s "
        f"({', '.join(f'{k} {v}' for k, v in sorted(plans.items()))}); "
        f"{len(killed)} killed, {len(results) - len(killed)} exited by themselves (Ctrl+Q won)"
    )
    print(
        f"  characters typed {typed}; sent more than {ALLOWED_LOSS} s before their kill "
        f"{must_keep}, all kept; lost {lost} (oldest lost keystroke {oldest:.3f} s before "
        "its kill)"
    )
    verdict = (
        "committed answers lost 0, integrity failures 0, damaged backups 0"
        if not failures
        else f"{len(failures)} FAILED RUNS (below)"
    )
    print(f"  fields checked after the last run: {len(soak.expected)}; {verdict}")
    print(
        f"  backups kept: {dict(sorted(kinds.items()))}; doctor: "
        f"{'all is well' if report.ok else 'PROBLEM'}"
    )
    for failure in failures:
        print(f"  FAILURE: {failure}")
    return not failures and report.ok and oldest <= ALLOWED_LOSS


def soak_upgrade_kills(runs: int, seed: int, work: Path) -> bool:
    import sqlite3

    from harness import Terminal
    from test_migrations import build_source, database_at_first_revision

    from tenant_inspect.dump import dump_json
    from tenant_inspect.locations import resolve_data_dir
    from tenant_inspect.migrations import SCHEMA_HEAD
    from tenant_inspect.storage.sqlite.migrate import stored_revision
    from tenant_inspect.store import open_store

    source_db, inspection_id, expected = build_source(resolve_data_dir(work / "upgrade-source"))
    rng = random.Random(seed)
    outcomes: collections.Counter[str] = collections.Counter()
    ok = True
    for n in range(runs):
        data = database_at_first_revision(source_db, work / f"upgrade-{n}")
        term = Terminal(data.path)
        try:
            term.sleep(rng.uniform(0.0, 1.5))
        finally:
            term.kill()
            term.close()
        conn = sqlite3.connect(data.db_path)
        try:
            integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
        revision = stored_revision(data.db_path)
        outcomes["upgraded before the kill" if revision == SCHEMA_HEAD else "killed before"] += 1
        store = open_store(data)  # finishes the upgrade if the kill came first
        with store.read() as s:
            same = dump_json(s, inspection_id) == expected
        store.close()
        if integrity != "ok" or not same:
            ok = False
            print(f"  upgrade run {n + 1}: integrity {integrity}, demo intact: {same}")
        shutil.rmtree(data.path, ignore_errors=True)
    print(
        f"Kills during an upgrade from schema 0001: {runs} runs "
        f"({', '.join(f'{k} {v}' for k, v in sorted(outcomes.items()))}); "
        f"{'all opened with the demo intact' if ok else 'FAILURES above'}"
    )
    return ok


def soak_hostile(total: int, work: Path) -> bool:
    per_test = max(1, -(-total // FUZZ_TEST_FUNCTIONS))
    log = work / "fuzz.log"
    env = {
        **os.environ,
        "HYPOTHESIS_FUZZ_EXAMPLES": str(per_test),
        "TENANT_INSPECT_FUZZ_LOG": str(log),
    }
    started = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *FUZZ_TESTS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    families: collections.Counter[tuple[str, str]] = collections.Counter()
    if log.exists():
        for line in log.read_text().splitlines():
            kind, outcome = line.split()
            counts[(kind.split("-")[0], outcome)] += 1
            if "-" in kind and kind.startswith("bundle"):
                families[(kind.split("-", 1)[1], outcome)] += 1
    found = re.search(r"(\d+) failed", out.stdout)
    failed = int(found.group(1)) if found else (0 if out.returncode == 0 else 1)
    files = sum(counts.values())
    print(
        f"Hostile files: {files} in {time.monotonic() - started:.0f} s "
        f"({per_test} per fuzz test); crashes: {failed}"
    )
    for kind, words in KINDS.items():
        acc, ref = counts[(kind, "accepted")], counts[(kind, "refused")]
        red = counts[(kind, "redacted")]
        if red:
            print(f"  {words:<20} {red:>5}: every one replaced, in every part of the report")
        elif kind == "folder":
            print(f"  {words:<20} {acc:>5}: the database always the one inside the folder")
        else:
            print(
                f"  {words:<20} {acc + ref:>5}: {ref} refused with a one-line message, "
                f"{acc} happened to be valid; database unchanged by every refusal"
            )
        if kind == "bundle":
            for family in sorted({f for f, _ in families}):
                acc, ref = families[(family, "accepted")], families[(family, "refused")]
                print(f"    of which {family:<10} {acc + ref:>5}: {ref} refused, {acc} accepted")
    if out.returncode != 0:
        print(out.stdout[-3000:])
    return out.returncode == 0 and files >= total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--upgrade-kills", type=int, default=10)
    parser.add_argument("--hostile", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    if sys.platform == "win32":
        print("the kill soak needs a POSIX pseudo-terminal")
        return 2
    ok = True
    with tempfile.TemporaryDirectory(prefix="tenant-inspect-soak-") as tmp:
        work = Path(tmp)
        os.environ["TENANT_INSPECT_DATA_DIR"] = str(work / "unused")  # never the real one
        print(f"tenant-inspect data-safety soak, seed {args.seed}", flush=True)
        if args.kills:
            ok &= soak_kills(args.kills, args.seed, work)
        if args.upgrade_kills:
            ok &= soak_upgrade_kills(args.upgrade_kills, args.seed, work)
        if args.hostile:
            ok &= soak_hostile(args.hostile, work)
    print("Nothing lost, nothing crashed." if ok else "FAILED: see above.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
