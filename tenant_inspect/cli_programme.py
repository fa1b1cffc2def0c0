"""``tenant-inspect programme list | weaknesses | overdue``: views across every inspection in
the store (a programme's server with ``--database``, or this laptop's data folder).

Wired into the main parser by :func:`add_programme_commands` (apart from ``cli.py``, like
``cli_plan``). The reading is plain SQL (:mod:`tenant_inspect.programme`), read by the
back-end's light path when it can be (a read-only sqlite3 connection on a laptop, a plain
psycopg one on a server), so the ORM is not loaded; otherwise through the store's session.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING, Any

from .cli_bundle import _open, _out

if TYPE_CHECKING:
    from .programme import ProgrammeData

# The views' module (and the action plan's reader under it) is imported by the commands that
# use it, not here: this module is imported to build the parser, which every command builds,
# the full-screen app included, whose start-up is budgeted (docs/performance.md).


def _read(args: argparse.Namespace, *, weaknesses: bool = False) -> ProgrammeData:
    from .locations import data_dir_of
    from .programme import read_programme
    from .sql_marks import runner
    from .store import quick_read

    today = date.today()
    # The back-end decides whether a light read can answer (its schema must be current).
    data = quick_read(
        data_dir_of(args), lambda run: read_programme(run, today, weaknesses=weaknesses)
    )
    if data is None:
        with _open(args) as store, store.read() as session:
            data = read_programme(runner(session.connection()), today, weaknesses=weaknesses)
    return data


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "landlord": args.landlord or "",
        "year": args.year,
        "area": args.area or "",
        "status": args.status or "",
        "text": args.search or "",
    }


def _json(rows: list[Any]) -> None:
    from .plain_text import json_for_terminals

    _out(json_for_terminals(json.dumps([r.as_json() for r in rows], indent=2, ensure_ascii=False)))


def cmd_programme_list(args: argparse.Namespace) -> int:
    from .programme import search

    data = _read(args)
    found = search(data.inspections, **_filters(args))
    if args.json:
        _json(found)
        return 0
    if not found:
        _out("No inspection matches." if data.inspections else "No inspections yet.")
        return 0
    _out(
        f"{'ID':<8}  {'YEAR':<4}  {'STATUS':<10}  {'FINDINGS':>8}  {'RECS':>4}  {'OVERDUE':>7}  TITLE"
    )
    for i in found:
        year = str(i.year) if i.year else "-"
        _out(
            f"{i.id[:8]:<8}  {year:<4}  {i.status:<10}  {i.findings:>8}  {i.recommendations:>4}  "
            f"{i.overdue:>7}  {i.title} ({i.landlord})"
        )
    _out(f"{len(found)} of {len(data.inspections)} inspections")
    return 0


def cmd_programme_weaknesses(args: argparse.Namespace) -> int:
    from .programme import recurring_weaknesses, search

    data = _read(args, weaknesses=True)
    inspections = search(data.inspections, **_filters(args))
    found = recurring_weaknesses(data, inspections)
    if args.json:
        _json(found)
        return 0
    if not found:
        _out("No weaknesses recorded in the inspections chosen.")
        return 0
    _out(f"{'THEME':<36}  {'INSPECTIONS':>11}  {'WEAKNESSES':>10}  AREAS")
    for w in found:
        _out(
            f"{w.label[:36]:<36}  {len(w.inspections):>11}  {w.weaknesses:>10}  "
            f"{', '.join(w.areas[:3])}"
        )
    _out(f"Across {len(inspections)} inspections; themes found in most inspections first.")
    return 0


def cmd_programme_overdue(args: argparse.Namespace) -> int:
    from .programme import overdue_items, search

    data = _read(args)
    found = overdue_items(data, search(data.inspections, **_filters(args)))
    if args.json:
        _json(found)
        return 0
    if not found:
        _out(f"No action-plan item is overdue on {data.today:%d %B %Y}.")
        return 0
    _out(f"{'ITEM':<7}  {'DUE':<18}  {'LATE':>5}  {'STATUS':<12}  INSPECTION")
    for o in found:
        _out(
            f"{o.label:<7}  {o.by_when:<18}  {o.days_late:>4}d  {o.status:<12}  "
            f"{o.inspection} ({o.landlord})"
        )
    return 0


def add_programme_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Register ``programme list``, ``programme weaknesses`` and ``programme overdue``."""
    filters = argparse.ArgumentParser(add_help=False)
    filters.add_argument("--landlord", metavar="WORDS", help="landlords whose name has these words")
    filters.add_argument("--year", type=int, help="fieldwork in this year")
    filters.add_argument("--area", metavar="WORDS", help="an area whose name has these words")
    filters.add_argument(
        "--status",
        choices=("planning", "fieldwork", "analysis", "reporting", "complete"),
        help="the inspection's stage",
    )
    filters.add_argument("--search", metavar="WORDS", help="in the title, landlord or areas")
    filters.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p = sub.add_parser(
        "programme", parents=[common], help="views across every inspection in the store"
    )
    psub = p.add_subparsers(dest="pcommand", metavar="VIEW", required=True)
    for name, func, text in (
        (
            "list",
            cmd_programme_list,
            "every inspection, searchable by landlord, year, area, status",
        ),
        (
            "weaknesses",
            cmd_programme_weaknesses,
            "weaknesses that recur across inspections, by theme",
        ),
        ("overdue", cmd_programme_overdue, "action-plan items overdue across the programme"),
    ):
        q = psub.add_parser(name, parents=[common, filters], help=text, description=text)
        q.set_defaults(func=func)
