"""Command-line interface (thin: parsing, then calls into the service modules).

Exit status: 0 on success, 1 on a user error (one line on stderr, no
traceback), 2 on usage errors (argparse). Heavy imports (SQLModel, Alembic,
Textual) happen inside the commands that need them, so ``--help`` is instant
and no command but the TUI ever imports Textual.

Everything printed goes through :func:`_out` / :func:`_err`, which show control
characters as ``\\xNN``: titles, names and messages quote stored text and files,
which may hold ESC sequences that would otherwise clear the screen or set the
terminal's title. JSON output escapes them as ``\\uXXXX`` instead.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .errors import UserError
from .locations import DataDir, data_dir_of
from .plain_text import printable, stdout_to_devnull

if TYPE_CHECKING:
    from .store import Store

PROG = "tenant-inspect"


def _open(args: argparse.Namespace) -> Store:
    from .store import open_store

    store = open_store(_data_dir(args))
    freeze_loaded()
    return store


def freeze_loaded() -> None:
    """The store is open: collect garbage again, but never walk what is loaded for good.

    :func:`_dispatch` turns the collector off while a command imports (SQLAlchemy and the
    models make ~300,000 objects, none of them garbage: ~0.13 s of collections in a
    report or a merge); frozen, they are left out of every later collection too.
    :func:`main` unfreezes and restores the collector, so in-process callers keep nothing.
    """
    gc.freeze()
    gc.enable()


def _data_dir(args: argparse.Namespace) -> DataDir:
    return data_dir_of(args)


def _out(text: str = "") -> None:
    sys.stdout.write(printable(text) + "\n")


def _err(text: str) -> None:
    sys.stderr.write(printable(text) + "\n")


# ---------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------


def cmd_tui(args: argparse.Namespace) -> int:
    """Open the TUI, holding the data folder's lock for its whole life (``Backend.hold``).

    The lock is taken before Textual is even imported, so a second window is
    refused at once with one line naming the first one's pid (exit status 1).
    """
    from .store import storage_backend

    data_dir = _data_dir(args)
    with storage_backend(data_dir).hold():
        from screens.run import run_app  # lazy: Textual is only loaded for the TUI

        return run_app(data_dir)


def cmd_new(args: argparse.Namespace) -> int:
    from .inspections import create_inspection

    with _open(args) as store, store.write() as session:
        inspection = create_inspection(session, title=args.title, landlord=args.landlord)
        new_id = inspection.id
    _out(new_id)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from .store import quick_summaries
    from .summaries import INTERVIEWS_COUNTED

    # The light path (plain SQL, read-only, no ORM) answers when the schema is current;
    # otherwise the full store opens, which creates, migrates or refuses as it always does.
    rows = quick_summaries(_data_dir(args))
    if rows is None:
        from .inspections import list_inspections

        with _open(args) as store, store.read() as session:
            rows = list_inspections(session)
    if args.json:
        from .plain_text import json_for_terminals

        _out(
            json_for_terminals(
                json.dumps([r.as_json() for r in rows], indent=2, ensure_ascii=False)
            )
        )
        return 0
    if not rows:
        _out("No inspections yet. Create one with 'tenant-inspect new --title T --landlord L'")
        _out("or try the sample with 'tenant-inspect demo'.")
        return 0
    _out(f"{'ID':<8}  {'STATUS':<10}  {'DONE':>4}  {'INTERVIEWS':>10}  {'FINDINGS':>8}  TITLE")
    for r in rows:
        talks = f"{r.interviews_done}/{max(r.interviews_expected, r.interviews)}"
        _out(
            f"{r.id[:8]:<8}  {r.status:<10}  {r.progress:>3}%  {talks:>10}  {r.findings:>8}  "
            f"{r.title} ({r.landlord})"
        )
    _out(f"INTERVIEWS: {INTERVIEWS_COUNTED}. DONE: documents reviewed and those interviews.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import build_demo

    with _open(args) as store:
        inspection_id = build_demo(store, size=args.size, seed=args.seed)
    _out(inspection_id)
    return 0


def cmd_dump(args: argparse.Namespace) -> int:
    """Streamed as it is read (a batch of rows at a time), to stdout or atomically to a file."""
    from .dump import write_dump
    from .durable import write_text_atomically
    from .inspections import get_inspection

    with _open(args) as store, store.read() as session:
        inspection = get_inspection(session, args.id)
        if args.output:
            write_text_atomically(
                Path(args.output), lambda write: write_dump(session, inspection.id, write)
            )
        else:  # control characters are \\u escapes in the dump's JSON
            write_dump(session, inspection.id, sys.stdout.write)
    if args.output:
        _err(f"Wrote {args.output}")
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    from .doctor import run_doctor

    report = run_doctor(_data_dir(args), fix_permissions=args.fix_permissions)
    for line in report.lines:
        _out(line)
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    # Opening first brings a never-migrated database up to date and checks it.
    with _open(args) as store:
        path, removed = store.backup(
            "manual", keep=args.keep, to=Path(args.to).expanduser() if args.to else None
        )
    _out(f"Backed up to {path}")
    if removed:
        _out(f"Removed {len(removed)} older backup(s); keeping the newest {args.keep}.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from .store import storage_backend

    backend = storage_backend(_data_dir(args))
    safety = backend.restore(Path(args.file))
    _out(f"Restored {args.file} into {backend.location}")
    if safety is not None:
        _out(f"The database as it was before is kept in {safety}")
    return 0


# ---------------------------------------------------------------------------
# Parser
# ---------------------------------------------------------------------------


#: The options every command takes; with them alone (no command) the full-screen app opens.
_WHERE_OPTIONS = ("--data-dir", "--database")


def _where_options() -> argparse.ArgumentParser:
    """``--data-dir`` and ``--database``: a parent parser for the app and every command."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="where the database lives (default: $TENANT_INSPECT_DATA_DIR, else your user data folder)",
    )
    common.add_argument(
        "--database",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="work on a PostgreSQL server instead (postgresql://user@host/dbname; default: "
        "$TENANT_INSPECT_DATABASE); the data folder then keeps only this laptop's settings",
    )
    return common


def opens_the_app(argv: Sequence[str]) -> bool:
    """True when ``argv`` is only ``--data-dir``/``--database`` with values: the app opens.

    Written out exactly (no abbreviations, no value that looks like an option), so whatever
    it accepts the full parser reads the same way; anything else goes to the full parser.
    """
    args = list(argv)
    while args:
        option, has_value, _ = args.pop(0).partition("=")
        if option not in _WHERE_OPTIONS:
            return False
        if not has_value:
            if not args or args[0].startswith("-"):
                return False
            args.pop(0)
    return True


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line read by the full parser, or, when it only opens the app, by a parser
    of the two options the app takes.

    The full parser imports every command's module and builds some 40 sub-parsers (about
    25 ms); the app's start-up is budgeted against a bare Textual app (docs/performance.md),
    and it needs none of that.
    """
    words = sys.argv[1:] if argv is None else argv
    if opens_the_app(words):
        app_only = argparse.ArgumentParser(prog=PROG, parents=[_where_options()])
        app_only.set_defaults(func=cmd_tui, command=None)
        return app_only.parse_args(words)
    return build_parser().parse_args(argv)


def build_parser() -> argparse.ArgumentParser:
    common = _where_options()
    parser = argparse.ArgumentParser(
        prog=PROG,
        parents=[common],
        description="Tenant inspection fieldwork: document reviews, interviews, findings and reports. "
        "With no command, opens the full-screen app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.set_defaults(func=cmd_tui)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(
        name: str, func: Callable[[argparse.Namespace], int], help: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help, description=help)
        p.set_defaults(func=func)
        return p

    p = add("demo", cmd_demo, "create a realistic sample inspection and print its id")
    p.add_argument("--size", choices=("small", "large"), default="small")
    p.add_argument("--seed", type=int, default=1, help="the same seed gives the same inspection")

    p = add("list", cmd_list, "list inspections with their progress")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = add("new", cmd_new, "create an inspection and print its id")
    p.add_argument("--title", required=True)
    p.add_argument("--landlord", required=True)

    p = add("dump", cmd_dump, "print one inspection as canonical JSON (stable order)")
    p.add_argument("id", help="inspection id or a unique prefix of it")
    p.add_argument("-o", "--output", metavar="FILE.json")

    from .cli_report import add_report_command  # report ID -o FILE | --check-writing

    add_report_command(add)
    from .cli_questionnaires import add_questionnaire_commands  # list | validate

    add_questionnaire_commands(sub, common)
    from .cli_bundle import add_bundle_commands  # bundle export | import | conflicts | resolve

    add_bundle_commands(sub, common)
    from .cli_plan import add_plan_commands  # action-plan export | import | status

    add_plan_commands(sub, common)
    from .cli_export import add_export_commands  # export ID --tables

    add_export_commands(add)
    from .cli_programme import add_programme_commands  # programme list | weaknesses | overdue

    add_programme_commands(sub, common)
    from .cli_server import add_server_commands  # server init | add-member | remove-member

    add_server_commands(sub, common)
    from .cli_sync import add_sync_command  # sync URL [ID]

    add_sync_command(sub, common)
    from .cli_documents import add_document_commands  # check-document FILE ...

    add_document_commands(add)

    p = add("doctor", cmd_doctor, "check the database and say what is wrong and how to recover")
    p.add_argument(
        "--fix-permissions",
        action="store_true",
        help="first make the data folder, database and backups readable by you only",
    )
    p = add("backup", cmd_backup, "make a timestamped copy of the database")
    p.add_argument(
        "--keep", type=int, default=10, help="how many manual backups to keep (default 10)"
    )
    p.add_argument(
        "--to",
        metavar="FOLDER",
        help="put the copy in FOLDER instead of the backups folder (nothing there is deleted)",
    )
    p = add(
        "restore",
        cmd_restore,
        "replace the database with a backup (the current one is backed up first)",
    )
    p.add_argument("file", metavar="FILE")
    return parser


def _say_if_read_only(args: argparse.Namespace) -> None:
    """One line on stderr before a command that uses a data folder nothing can be saved to."""
    if args.func in (cmd_tui, cmd_doctor) or getattr(args, "no_data_folder", False):
        return  # the app and doctor say it themselves; questionnaires use no data folder
    from .store import storage_backend

    data_dir = _data_dir(args)
    if storage_backend(data_dir).is_read_only():
        sys.stderr.write(
            f"{PROG}: note: the data folder {data_dir.path} is read-only: you can look and "
            "export, but nothing can be saved there.\n"
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit status is returned (see the module docstring)."""
    collecting = gc.isenabled()
    try:
        try:
            return _dispatch(argv)
        finally:
            gc.unfreeze()  # (see freeze_loaded)
            if collecting:
                gc.enable()
            sys.stdout.flush()  # a closed pipe shows up here, not in a traceback at exit
    except BrokenPipeError:
        # ``tenant-inspect list | head -1``: the reader has gone, so there is nobody to
        # tell. Python's "Note on SIGPIPE": point stdout at devnull so the final flush at
        # exit cannot fail again, and leave quietly with status 1.
        stdout_to_devnull()
        return 1


def _dispatch(argv: Sequence[str] | None) -> int:
    # Until freeze_loaded (the app: once its store is open), or to the end for light commands.
    gc.disable()
    args = parse_args(argv)
    try:
        _say_if_read_only(args)
        result: Any = args.func(args)
    except UserError as exc:
        _err(f"{PROG}: {exc}")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted\n")
        return 130
    return int(result or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
