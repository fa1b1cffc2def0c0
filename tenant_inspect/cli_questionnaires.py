"""``tenant-inspect questionnaires ...``: the built-in questionnaires, checking files, XLSForm.

Wired into the main parser by :func:`add_questionnaire_commands` (apart from ``cli.py``, like
``cli_bundle`` and ``cli_plan``). ``list`` and ``validate`` use no data folder, so they say
so to the parser (``no_data_folder``) and the read-only-folder note is never printed for
them. ``import`` and ``export`` open the data folder only when given ``--inspection``:

    questionnaires import FORM.xlsx [--language L] [--kind K] [-o OUT.toml] [--inspection ID]
    questionnaires export ID -o FORM.xlsx [--inspection ID]

``import`` prints what was converted and every note (what the questionnaire cannot
represent, with sheet and row); a refused form lists every problem and nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .questionnaire.xlsform_reader import Conversion

from .plain_text import printable


def _out(text: str) -> None:
    sys.stdout.write(printable(text) + "\n")


def _err(text: str) -> None:
    sys.stderr.write(printable(text) + "\n")


def cmd_questionnaires_list(args: argparse.Namespace) -> int:
    from .questionnaire import builtin_questionnaires

    items = builtin_questionnaires()
    if getattr(args, "inspection", None):
        from .imported_questionnaires import imported
        from .inspections import get_inspection

        with _open(args) as store, store.read() as session:
            inspection_id = get_inspection(session, args.inspection).id
            items = imported(session, inspection_id)
        if not items:
            _out(
                "This inspection has imported no questionnaires (questionnaires import --inspection)."
            )
            return 0
    _out(f"{'ID':<22}  {'VERSION':<8}  {'KIND':<16}  {'QUESTIONS':>9}  TITLE")
    for q in items:
        _out(f"{q.id:<22}  {q.version:<8}  {q.kind:<16}  {len(q.questions()):>9}  {q.title}")
    return 0


def cmd_questionnaires_validate(args: argparse.Namespace) -> int:
    from .questionnaire import QuestionnaireError, load_questionnaire_file

    failed = False
    for path in args.files:
        try:
            q = load_questionnaire_file(path)
        except QuestionnaireError as exc:
            failed = True
            _err(str(exc))
            continue
        _out(f"{path}: OK — {q.title!r} version {q.version}, {len(q.questions())} questions")
    return 1 if failed else 0


def _open(args: argparse.Namespace) -> Any:
    from .cli_bundle import _open as open_store

    return open_store(args)


def cmd_questionnaires_import(args: argparse.Namespace) -> int:
    from .questionnaire import QuestionnaireError
    from .questionnaire.xlsform_reader import read_xlsform

    try:
        conversion = read_xlsform(args.file, language=args.language, kind=args.kind)
    except QuestionnaireError as exc:
        _err(str(exc))
        _err("Nothing was written.")
        return 1
    _report_conversion(args.file, conversion)
    q = conversion.questionnaire
    if args.inspection:
        from .imported_questionnaires import add_imported
        from .inspections import get_inspection

        with _open(args) as store, store.write() as session:
            inspection = get_inspection(session, args.inspection)
            title, inspection_id = inspection.title, inspection.id
            added = add_imported(session, inspection_id, q)
        state = "Added to" if added else "Already kept by"
        _out(
            f"{state} the inspection “{title}” ({inspection_id[:8]}) as {q.id} version {q.version}"
        )
    if args.output:
        from .durable import write_bytes_atomically

        write_bytes_atomically(Path(args.output), q.source_text.encode("utf-8"))
        _out(f"Wrote {args.output}")
    if not args.inspection and not args.output:
        _out("Dry run: nothing written. Give -o FILE.toml or --inspection ID to keep it.")
    return 0


def _report_conversion(path: str, conversion: Conversion) -> None:
    q = conversion.questionnaire
    n_sections, n_questions = len(q.sections), len(q.questions())
    _out(
        f"{path}: {q.title!r} (id {q.id}, version {q.version}, {q.kind}), "
        f"{n_sections} section{'' if n_sections == 1 else 's'}, "
        f"{n_questions} question{'' if n_questions == 1 else 's'}"
    )
    if conversion.language is not None:
        _out(f"Labels in: {conversion.language}")
    notes = conversion.notes
    if notes:
        _out(
            f"{len(notes)} note{'' if len(notes) == 1 else 's'} (what could not be kept as it was):"
        )
        for note in notes:
            _out(f"  - {note}")


def cmd_questionnaires_export(args: argparse.Namespace) -> int:
    from .imported_questionnaires import resolve
    from .questionnaire.xlsform_writer import write_xlsform

    output = Path(args.output)
    if output.suffix.lower() != ".xlsx":
        _err(f"tenant-inspect: {output} must end in .xlsx (an XLSForm is an Excel workbook)")
        return 1
    if args.inspection:
        from .inspections import get_inspection

        with _open(args) as store, store.read() as session:
            inspection_id = get_inspection(session, args.inspection).id
            q = resolve(session, inspection_id, args.id)
    else:
        q = resolve(None, None, args.id)
    write_xlsform(q, output)
    _out(f"Wrote {output} ({q.id} version {q.version}: {len(q.questions())} questions)")
    return 0


def add_questionnaire_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Register ``questionnaires list | validate | import | export``."""
    q = sub.add_parser("questionnaires", parents=[common], help="list or check questionnaire files")
    qsub = q.add_subparsers(dest="qcommand", metavar="ACTION", required=True)
    ql = qsub.add_parser(
        "list",
        parents=[common],
        help="list the built-in (or an inspection's imported) questionnaires",
    )
    ql.add_argument("--inspection", metavar="ID", help="list the ones this inspection imported")
    ql.set_defaults(func=cmd_questionnaires_list, no_data_folder=True)
    qv = qsub.add_parser(
        "validate", parents=[common], help="check questionnaire files and list every problem"
    )
    qv.add_argument("files", nargs="+", metavar="FILE")
    qv.set_defaults(func=cmd_questionnaires_validate, no_data_folder=True)
    qi = qsub.add_parser(
        "import",
        parents=[common],
        help="convert an XLSForm (ODK, KoboToolbox) into a questionnaire",
        description="Convert an XLSForm workbook into a questionnaire and say what could not "
        "be kept. Without -o or --inspection nothing is written (a dry run).",
    )
    qi.add_argument("file", metavar="FORM.xlsx")
    qi.add_argument("--language", help="the labels' language (default: the form's default)")
    qi.add_argument(
        "--kind",
        choices=("interview", "observation", "document_review"),
        help="what the questionnaire is for (default: interview)",
    )
    qi.add_argument("-o", "--output", metavar="OUT.toml", help="write the questionnaire file")
    qi.add_argument("--inspection", metavar="ID", help="keep it with this inspection")
    qi.set_defaults(func=cmd_questionnaires_import)
    qe = qsub.add_parser(
        "export",
        parents=[common],
        help="write a questionnaire as an XLSForm to edit in Excel",
        description="Write a built-in questionnaire, or one an inspection imported, as an "
        "XLSForm workbook that imports back unchanged.",
    )
    qe.add_argument("id", help="the questionnaire's id")
    qe.add_argument("-o", "--output", required=True, metavar="FORM.xlsx")
    qe.add_argument("--inspection", metavar="ID", help="the inspection that keeps it")
    qe.set_defaults(func=cmd_questionnaires_export)
