"""``tenant-inspect action-plan ...``: the landlord's plan out to Excel or Word, back in, and its state.

Wired into the main parser by :func:`add_plan_commands` (apart from ``cli.py``, like
``cli_bundle``). Heavy imports (SQLModel, openpyxl, python-docx) happen inside the commands.

    action-plan export ID -o FILE.xlsx|FILE.docx
    action-plan import FILE.xlsx [ID]
    action-plan status ID [--json]

``import`` lists every problem of a refused workbook on stderr, one a line after a first
line naming the file, and exits 1 with nothing changed; otherwise it prints what changed
per recommendation ("R2: response changed to Accepted; 2 items added") and the count.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cli_bundle import _open, _out, note_redactions
from .plain_text import printable

if TYPE_CHECKING:
    from .views.action_plan import ActionPlanData


def cmd_export(args: argparse.Namespace) -> int:
    from .inspections import get_inspection
    from .plan_export import export_plan, plan_format

    output = Path(args.output)
    plan_format(output)  # a wrong extension is refused before the database is opened
    with _open(args) as store:
        with store.read() as session:
            inspection_id = get_inspection(session, args.id).id
        result = export_plan(store, inspection_id, output)
    _out(
        f"Wrote {result.path} ({result.format}: {result.recommendations} recommendations, "
        f"{result.items} items)"
    )
    note_redactions(result.redactions)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from .plan_apply import import_plan
    from .plan_import import PlanRefused

    path = Path(args.file)
    with _open(args) as store:
        try:
            result = import_plan(store, path, args.id)
        except PlanRefused as exc:
            sys.stderr.write(printable(f"tenant-inspect: {exc}") + "\n")
            for problem in exc.problems:
                sys.stderr.write(printable(f"  - {problem}") + "\n")
            return 1
    for line in result.lines():
        _out(line)
    _out(
        f"Imported {path} into “{result.title}” ({result.inspection_id[:8]}): "
        f"{result.changed} changed"
    )
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from .inspections import get_inspection
    from .views.action_plan_read import load_action_plan

    with _open(args) as store, store.read() as session:
        inspection = get_inspection(session, args.id)
        data = load_action_plan(session, inspection.id, date.today())
        from .plan_apply import import_log

        imports = import_log(session, inspection.id)
    rows = status_rows(data)
    if args.json:
        from .plain_text import json_for_terminals

        doc = {
            "inspection_id": data.inspection_id,
            "today": data.today.isoformat(),
            "recommendations": rows,
            "imports": imports,
        }
        _out(json_for_terminals(json.dumps(doc, indent=2, ensure_ascii=False)))
        return 0
    if not rows:
        _out("No recommendations yet, so no action plan.")
        return 0
    from .vocabulary import ACTION_STATUS_WORDS

    heads = [w.upper() for w in ACTION_STATUS_WORDS.values()]
    _out(f"{'REC':<6}  {'RESPONSE':<16}  {'ITEMS':>5}  " + "  ".join(heads) + "  OVERDUE")
    for r in rows:
        counts = "  ".join(
            f"{r['by_status'][k]:>{len(h)}}"
            for k, h in zip(ACTION_STATUS_WORDS, heads, strict=True)
        )
        _out(
            f"{r['number']:<6}  {r['response_words']:<16}  {r['items']:>5}  {counts}  {r['overdue']:>7}"
        )
    total = sum(r["overdue"] for r in rows)
    if imports:
        last = imports[-1]
        _out(
            f"Last import of the landlord's workbook: {last.get('at', '')[:10]} from "
            f"{last.get('file', '')} ({len(imports)} import(s) that changed something)"
        )
    _out(
        f"Overdue: by-when date before today ({data.today:%d/%m/%Y}) and not done; {total} in all."
    )
    return 0


def status_rows(data: ActionPlanData) -> list[dict[str, Any]]:
    """Per recommendation: items counted by their current status, and how many are overdue."""
    from .vocabulary import ACTION_STATUSES

    out = []
    for rec in data.recommendations:
        by_status = dict.fromkeys(ACTION_STATUSES, 0)
        for item in rec.items:
            by_status[item.current_status] = by_status.get(item.current_status, 0) + 1
        out.append(
            {
                "number": rec.number,
                "id": rec.id,
                "response": rec.response.response,
                "response_words": rec.response.response_words,
                "items": len(rec.items),
                "by_status": by_status,
                "overdue": sum(1 for i in rec.items if i.overdue),
            }
        )
    return out


def add_plan_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``action-plan export | import | status`` to the main parser."""
    a = sub.add_parser(
        "action-plan",
        parents=[common],
        help="the landlord's action plan: export it to fill in, import it back, see its status",
        description="Send the action plan to the landlord as an Excel workbook or Word form, "
        "take the filled-in workbook back, and see where each recommendation stands.",
    )
    asub = a.add_subparsers(dest="acommand", metavar="ACTION", required=True)
    e = asub.add_parser(
        "export",
        parents=[common],
        help="write the plan for the landlord to fill in (.xlsx or .docx)",
        description="Write the action plan as an Excel workbook (.xlsx) or a Word form (.docx). "
        "Interviewees' names are replaced by their roles.",
    )
    e.add_argument("id", help="inspection id or a unique prefix of it")
    e.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.xlsx or FILE.docx")
    e.set_defaults(func=cmd_export)
    i = asub.add_parser(
        "import",
        parents=[common],
        help="take in the landlord's filled-in workbook",
        description="Read a filled-in action-plan workbook. Every problem is listed at once and "
        "nothing is changed unless the whole file is right; importing it again changes nothing.",
    )
    i.add_argument("file", metavar="FILE.xlsx")
    i.add_argument("id", nargs="?", help="the inspection it must be for (id or prefix)")
    i.set_defaults(func=cmd_import)
    s = asub.add_parser(
        "status",
        parents=[common],
        help="items by status and overdue items, per recommendation",
        description="Per recommendation: its items counted by status and how many are overdue.",
    )
    s.add_argument("id", help="inspection id or a unique prefix of it")
    s.add_argument("--json", action="store_true", help="print JSON")
    s.set_defaults(func=cmd_status)
