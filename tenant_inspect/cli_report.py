"""``tenant-inspect report ID -o FILE``: the inspection report, the progress report on the
action plan, or the letter to residents; and ``--check-writing``, which measures the
writing instead of saving anything.

Wired into the main parser by :func:`add_report_command` (apart from ``cli.py``, like
``cli_export``). The report is read with plain SQL on a read-only connection when it can be,
so a cold report never loads the ORM (docs/performance.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cli_bundle import _open, _out
from .cli_export import AddCommand
from .errors import UserError
from .plain_text import printable

if TYPE_CHECKING:
    from .report.model import ReportData


def _err(text: str) -> None:
    sys.stderr.write(printable(text) + "\n")


def _read(args: argparse.Namespace) -> ReportData | None:
    from .locations import data_dir_of
    from .report.snapshot import read_report_data
    from .store import quick_read

    data_dir = data_dir_of(args)
    return quick_read(data_dir, lambda run: read_report_data(run, args.id, date.today()))


def cmd_report(args: argparse.Namespace) -> int:
    from .report import render_report, report_format

    if args.letter and args.progress:
        raise UserError("choose --letter or --progress, not both")
    if args.check_writing:
        return _check_writing(args)
    if not args.output:  # a usage error, as argparse reports one (exit status 2)
        sys.stderr.write(
            "usage: tenant-inspect report ID -o FILE.docx|FILE.md [options]\n"
            "tenant-inspect report: error: the following arguments are required: -o/--output "
            "(or --check-writing)\n"
        )
        return 2
    output = Path(args.output)
    report_format(output)  # a wrong extension is refused before the database is opened
    options: dict[str, Any] = {
        "public": args.public,
        "template": args.template,
        "questionnaires": args.questionnaires,
        "progress_report": args.progress,
        "large_print": args.large_print,
        "letter": args.letter,
    }
    # The light path reads with plain SQL, read-only, and never loads the ORM; when it
    # cannot answer (an older schema, an unknown id), the store opens and says why.
    data = _read(args)
    if data is not None:
        result = render_report(data, args.id, output, **options)
    else:
        with _open(args) as store:
            result = render_report(store, args.id, output, **options)
    kind = "public" if args.public or args.letter else "internal"
    what = (
        ("progress report, " if args.progress else "")
        + ("letter to residents, " if args.letter else "")
        + ("large print, " * args.large_print)
    )
    _out(f"Wrote {result.path} ({result.format}, {what}{kind} version, {result.sections} sections)")
    for warning in result.warnings:
        _err(f"note: {warning}")
    return 0


def _check_writing(args: argparse.Namespace) -> int:
    """Measure the writing of the report (or letter) and print it; nothing is saved."""
    from .locations import data_dir_of
    from .plain_text import json_for_terminals
    from .report.export import check_report
    from .report.letter.readability import ease_words
    from .report.snapshot import load_report_data

    data = _read(args)
    if data is None:
        with _open(args) as store, store.read() as session:
            data = load_report_data(session, args.id)
    check = check_report(
        data,
        data_dir_of(args).path,
        public=args.public,
        progress_report=args.progress,
        letter=args.letter,
    )
    if args.json:
        out = {
            "reading_ease": check.ease,
            "sections": [
                s.__dict__ | {"jargon": [list(j) for j in s.jargon]} for s in check.sections
            ],
            "hardest": [h.__dict__ | {"reasons": list(h.reasons)} for h in check.hardest],
            "notes": list(check.notes),
        }
        sys.stdout.write(json_for_terminals(json.dumps(out, indent=2, ensure_ascii=False)) + "\n")
        return 0
    _out(check.summary())
    _out()
    _out(f"{'SECTION':<40}  {'EASE':>5}  {'LONG':>4}  {'PASSIVE':>7}  JARGON")
    for s in check.sections:
        ease = f"{s.ease:.0f}" if s.ease is not None else "-"
        jargon_words = ", ".join(f"{w} → {p}" for w, p in s.jargon)
        _out(
            f"{s.section[:40]:<40}  {ease:>5}  {s.long_sentences:>4}  {s.passive:>7}  {jargon_words}"
        )
    if check.hardest:
        _out()
        _out("Hardest sentences:")
        for n, h in enumerate(check.hardest, start=1):
            _out(f"{n}. [{h.section}] reading ease {h.ease:.0f}: {h.text}")
            if h.reasons:
                _out(f"   {'; '.join(h.reasons)}")
    for note in check.notes:
        _err(f"note: {note}")
    _out()
    _out(f"Reading ease of the whole: {ease_words(check.ease)}")
    return 0


def add_report_command(add: AddCommand) -> None:
    """Register ``report``."""
    p = add("report", cmd_report, "write the inspection report as Word (.docx) or Markdown (.md)")
    p.add_argument("id", help="inspection id or a unique prefix of it")
    p.add_argument("-o", "--output", metavar="FILE", help="FILE.docx or FILE.md")
    p.add_argument(
        "--template",
        metavar="T.docx",
        help="take styles, headers and footers from this Word document (.docx only)",
    )
    p.add_argument(
        "--public",
        action="store_true",
        help="leave out everything marked internal (the version to publish)",
    )
    p.add_argument(
        "--large-print",
        action="store_true",
        help="large print: 16 pt or more, sans serif, left-aligned, page numbers on every page",
    )
    p.add_argument(
        "--progress",
        action="store_true",
        help="write the progress report on the landlord's action plan instead: counts and "
        "a chart by status, overdue actions, what changed since the previous round",
    )
    p.add_argument(
        "--letter",
        action="store_true",
        help="write the letter to residents instead: two pages in plain English, for every "
        "home (always the public version)",
    )
    p.add_argument(
        "--check-writing",
        action="store_true",
        help="measure the writing instead of saving a file: reading ease, long sentences, "
        "passive voice and jargon per section, and the hardest sentences",
    )
    p.add_argument("--json", action="store_true", help="with --check-writing: print JSON")
    p.add_argument(
        "--no-questionnaires",
        dest="questionnaires",
        action="store_false",
        help="leave the questionnaires (every question asked) out of the appendix",
    )
