"""``tenant-inspect export ID --tables -o FILE.xlsx|FOLDER``: the findings as spreadsheets.

Wired into the main parser by :func:`add_export_commands` (apart from ``cli.py``, like
``cli_plan``). The reading is plain SQL on a read-only connection when it can be (as the
``report`` command does), so the command does not load the ORM; openpyxl is imported only
when a workbook is written.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from .cli_bundle import _open, _out, note_redactions

#: ``cli.build_parser``'s ``add(name, func, help)``, which makes a sub-command.
AddCommand = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


def cmd_export(args: argparse.Namespace) -> int:
    from .locations import data_dir_of
    from .store import quick_read
    from .tables_export import export_tables, read_tables_data, tables_target

    output = args.output
    tables_target(output)  # a wrong -o is refused before the database is opened
    data_dir = data_dir_of(args)
    data = quick_read(data_dir, lambda run: read_tables_data(run, args.id, date.today()))
    if data is not None:
        result = export_tables(data, args.id, output, with_names=args.with_names)
    else:
        with _open(args) as store:
            result = export_tables(store, args.id, output, with_names=args.with_names)
    _out(result.summary())
    note_redactions(result.redactions)
    return 0


def add_export_commands(add: AddCommand) -> None:
    """Add ``export ID --tables -o FILE.xlsx|FOLDER`` to the main parser."""
    p = add(
        "export",
        cmd_export,
        "write the findings, answers, judgements, recommendations and action plan as "
        "spreadsheets (an Excel workbook, or a folder of CSV files) for analysts",
    )
    p.add_argument("id", help="inspection id or a unique prefix of it")
    p.add_argument(
        "--tables",
        action="store_true",
        required=True,
        help="one table per sheet: findings, answers (one sheet per questionnaire), "
        "judgements, recommendations and the action plan",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help="FILE.xlsx for an Excel workbook, or an existing FOLDER (or a path ending in /) "
        "for one CSV file per sheet",
    )
    p.add_argument(
        "--with-names",
        action="store_true",
        help="show the inspectors' own names as authors (default: their team role and "
        "number, such as 'Inspector 2'). Interviewees are always shown by role, never by name",
    )
