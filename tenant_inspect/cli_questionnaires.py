"""``tenant-inspect questionnaires ...``: the built-in questionnaires, and checking files.

Wired into the main parser by :func:`add_questionnaire_commands` (apart from ``cli.py``, like
``cli_bundle`` and ``cli_plan``). These commands use no data folder, so they say so to the
parser (``no_data_folder``) and the read-only-folder note is never printed for them.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .plain_text import printable


def _out(text: str) -> None:
    sys.stdout.write(printable(text) + "\n")


def _err(text: str) -> None:
    sys.stderr.write(printable(text) + "\n")


def cmd_questionnaires_list(args: argparse.Namespace) -> int:
    from .questionnaire import builtin_questionnaires

    items = builtin_questionnaires()
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


def add_questionnaire_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Register ``questionnaires list`` and ``questionnaires validate``."""
    q = sub.add_parser("questionnaires", parents=[common], help="list or check questionnaire files")
    qsub = q.add_subparsers(dest="qcommand", metavar="ACTION", required=True)
    ql = qsub.add_parser("list", parents=[common], help="list the built-in questionnaires")
    ql.set_defaults(func=cmd_questionnaires_list, no_data_folder=True)
    qv = qsub.add_parser(
        "validate", parents=[common], help="check questionnaire files and list every problem"
    )
    qv.add_argument("files", nargs="+", metavar="FILE")
    qv.set_defaults(func=cmd_questionnaires_validate, no_data_folder=True)
