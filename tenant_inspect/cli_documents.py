"""``tenant-inspect check-document FILE ... [--json]``: figures and proposals for documents.

Wired into the main parser by :func:`add_document_commands` (apart from ``cli.py``, like
``cli_export``). It uses no data folder and records nothing: it prints what it found for
the inspector to consider. The document libraries are imported only when a file is read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from .plain_text import json_for_terminals, printable

#: ``cli.build_parser``'s ``add(name, func, help)``, which makes a sub-command.
AddCommand = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


def cmd_check_document(args: argparse.Namespace) -> int:
    from .document_check.check import DocumentsRefused, as_json, check_documents, describe

    try:
        checked = check_documents([Path(p) for p in args.files], date.today())
    except DocumentsRefused as refused:
        for problem in refused.problems:
            sys.stderr.write(printable(problem) + "\n")
        n = len(args.files)
        if n > 1:
            sys.stderr.write("Nothing was checked: fix or leave out the file(s) above.\n")
        return 1
    if args.json:
        # A document's text may hold bidi overrides or C1 controls: escaped, as every
        # command's JSON is, so a terminal never obeys them.
        text = json.dumps(as_json(checked), indent=2, ensure_ascii=False)
        sys.stdout.write(json_for_terminals(text) + "\n")
        return 0
    for n, one in enumerate(checked):
        if n:
            sys.stdout.write("\n")
        sys.stdout.write("\n".join(printable(line) for line in describe(one)) + "\n")
    return 0


def add_document_commands(add: AddCommand) -> None:
    """Add ``check-document FILE ... [--json]`` to the main parser."""
    p = add(
        "check-document",
        cmd_check_document,
        "check the landlord's documents (.docx or .pdf): dates, print size, italics, "
        "headings, reading ease, other formats offered and paragraphs repeated between "
        "them, with proposed findings and answers to consider (nothing is recorded). "
        "If any file cannot be read, none is checked and every problem is listed",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="Word (.docx) or PDF files")
    p.add_argument("--json", action="store_true", help="print the figures and proposals as JSON")
    p.set_defaults(no_data_folder=True)
