"""``tenant-inspect bundle ...``: kits out, return files in, conflicts listed and resolved.

Wired into the main parser by :func:`add_bundle_commands` (kept apart from ``cli.py`` so
the two can change independently). Heavy imports happen inside the commands.

    bundle export ID -o FILE [--for MEMBER] [--no-names] [--encrypt [--passphrase-file F]]
    bundle import FILE [FILE ...] [--into ID] [--new-inspection] [--passphrase-file F]
    bundle conflicts ID [--all] [--json]
    bundle resolve CONFLICT --keep kept|other|merged [--text TEXT | --text-file FILE]

``import`` prints one line per file (added / updated / unchanged / conflicts, or why it was
refused, on stderr) and exits 1 if any file was refused; the other files are still
imported, each in its own transaction. Encrypted files (age, a passphrase) are opened
with the passphrase asked once (:mod:`.cli_passphrase`); a wrong one imports nothing.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import NotFound, UserError
from .locations import data_dir_of
from .plain_text import printable

if TYPE_CHECKING:
    from sqlmodel import Session

    from . import models as m
    from .merged_files import FileResult
    from .store import Store


def _open(args: argparse.Namespace, *, defer_orm: bool = False) -> Store:
    from .store import open_store

    store = open_store(data_dir_of(args), defer_orm=defer_orm)
    gc.freeze()  # as cli.freeze_loaded, for the same reason; cli.main unfreezes
    gc.enable()
    return store


def _out(text: str = "") -> None:
    """Print a line, control characters shown as ``\\xNN`` (names and titles are stored text)."""
    sys.stdout.write(printable(text) + "\n")


def note_redactions(count: int) -> None:
    """Say on stderr how many mentions of interviewees' names a file's writer replaced (the
    spreadsheets and the landlord's plan say it alike)."""
    if count:
        sys.stderr.write(
            printable(f"note: replaced {count} mention(s) of interviewees' names by their roles")
            + "\n"
        )


def _member(session: Session, inspection_id: str, text: str) -> m.TeamMember:
    """A team member by id prefix or by name (case-insensitive)."""
    from . import models as m
    from . import records
    from .inspections import team

    wanted = text.strip().lower()
    by_name = [t for t in team(session, inspection_id) if t.name.lower() == wanted]
    if len(by_name) == 1:
        return by_name[0]
    try:
        return records.resolve(session, m.TeamMember, text, inspection_id=inspection_id)
    except NotFound:
        names = ", ".join(t.name for t in team(session, inspection_id))
        raise NotFound(
            f"no team member {text!r} in this inspection (give a name or id; the team: {names})"
        ) from None


def cmd_export(args: argparse.Namespace) -> int:
    from .bundle.write import export_bundle
    from .inspections import get_inspection

    passphrase = None
    if args.encrypt:
        from .cli_passphrase import new_passphrase

        passphrase = new_passphrase(args.passphrase_file)
    elif args.passphrase_file:
        raise UserError("--passphrase-file goes with --encrypt (export) or with import")
    with _open(args) as store:
        with store.read() as session:
            inspection = get_inspection(session, args.id)
            member = _member(session, inspection.id, args.for_member) if args.for_member else None
            inspection_id, member_id = inspection.id, member.id if member else None
        result = export_bundle(
            store,
            inspection_id,
            Path(args.output),
            for_member_id=member_id,
            include_names=not args.no_names,
            passphrase=passphrase,
        )
    rows = sum(result.counts.values())
    who = f"a kit for {result.recipient_name}" if result.recipient_name else "a bundle"
    names = "with interviewee names" if result.names_included else "without interviewee names"
    sealed = ", encrypted with a passphrase" if result.encrypted else ""
    _out(f"Wrote {who} to {result.path}: {rows} records, {names}{sealed} ({result.size:,} bytes)")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    results = None if args.into else _merged_before(args)
    opened: dict[str, int] = {}
    if results is None:
        from .bundle.encryption import is_encrypted
        from .merge import import_bundles

        passphrase = None
        if encrypted := [f for f in args.files if is_encrypted(f)]:
            from .cli_passphrase import passphrase_for

            passphrase = passphrase_for(encrypted, args.passphrase_file)

        with _open(args, defer_orm=True) as store:
            into = None
            if args.into:
                from .inspections import get_inspection

                with store.read() as session:
                    into = get_inspection(session, args.into).id
            results = import_bundles(
                store, args.files, into=into, allow_new=args.new_inspection, passphrase=passphrase
            )
            opened = _open_conflict_counts(store, {r.inspection_id for r in results if r.ok})
    for given, result in zip(args.files, results, strict=True):
        if result.ok:
            _out(result.line())
        else:  # the path as typed: two refused files may share a name in different folders
            sys.stderr.write(
                printable(f"tenant-inspect: {given}: refused: {result.refused}") + "\n"
            )
    for inspection_id, count in sorted(opened.items()):
        if count:
            _out(
                f"{count} conflict(s) to resolve in inspection {inspection_id[:8]}: "
                f"tenant-inspect bundle conflicts {inspection_id[:8]}"
            )
    return 0 if all(r.ok for r in results) else 1


def _merged_before(args: argparse.Namespace) -> list[FileResult] | None:
    """Every file's result if each one's exact bytes were merged here before, else None.

    Importing them again would change nothing (:mod:`tenant_inspect.merged_files`), so this
    answers through the back-end's light path (plain sqlite3 or psycopg) and never loads the
    ORM; any file not merged before, or an inspection with open conflicts to count, sends
    the whole command down the full path.
    """
    from . import merged_files
    from .store import storage_backend

    files: list[str] = args.files
    digests = [merged_files.digest(Path(f)) for f in files]
    known = [d for d in digests if d is not None]
    if not files or len(known) < len(files):
        return None
    backend = storage_backend(data_dir_of(args))
    found = backend.merged_files(known)
    if found is None or any(d not in found for d in known):
        return None
    return [found[d].result(Path(f)) for f, d in zip(files, known, strict=True)]


def _open_conflict_counts(store: Store, inspection_ids: set[str | None]) -> dict[str, int]:
    """Conflicts to resolve per inspection, as the Conflicts screen counts them.

    Only an inspection with unresolved conflict rows is listed (through the ORM session,
    by :func:`~tenant_inspect.merge_conflicts.list_conflicts`, which leaves out twins): an
    import that left none never loads the ORM."""
    with store.sql_read() as db:
        ids = [
            i
            for i in sorted(i for i in inspection_ids if i)
            if db.run(
                "SELECT count(*) FROM conflict WHERE inspection_id = ? AND resolved_at IS NULL",
                (i,),
            )[0][0]
        ]
    if not ids:
        return {}
    from .merge_conflicts import list_conflicts

    with store.read() as session:
        return {i: len(list_conflicts(session, i)) for i in ids}


def _plain(value: Any) -> str:
    if value is None:
        return "(empty)"
    if isinstance(value, str):
        text = " ".join(value.split())
        return repr(text if len(text) <= 70 else text[:67] + "...")
    return json.dumps(value, ensure_ascii=False)


def cmd_conflicts(args: argparse.Namespace) -> int:
    """List conflicts, saying where each version came from exactly as the Conflicts screen does."""
    from .inspections import get_inspection
    from .views.conflicts import conflict_origins

    with _open(args) as store, store.read() as session:
        inspection = get_inspection(session, args.id)
        listed = conflict_origins(session, inspection.id, include_resolved=args.all)
    on_server = bool(data_dir_of(args).database)
    if args.json:
        from .plain_text import json_for_terminals

        _out(
            json_for_terminals(
                json.dumps(
                    [
                        {
                            "id": c.view.id,
                            "kind": c.view.kind,
                            "table": c.view.table,
                            "row_id": c.view.row_id,
                            "field": c.view.field,
                            "current_value": c.view.current_value,
                            "other_value": c.view.other_value,
                            "current_origin": c.shown,
                            "other_origin": c.other,
                            "changed_fields": list(c.view.changed_fields),
                            "resolved": c.view.resolved,
                            "resolution": c.view.resolution,
                            "description": c.view.describe(on_server=on_server),
                        }
                        for c in listed
                    ],
                    indent=2,
                    ensure_ascii=False,
                )
            )
        )
        return 0
    if not listed:
        _out("No open conflicts.")
        return 0
    for c in listed:
        v = c.view
        state = f" [resolved: {v.resolution}]" if v.resolved else ""
        _out(f"{v.id[:8]}  {v.describe(on_server=on_server)}{state}")
        if v.kind == "edit":
            _out(f"          shown: {_plain(v.current_value)}  ({c.shown})")
            _out(f"          other: {_plain(v.other_value)}  ({c.other})")
        else:
            _out(f"          deleted {c.shown}")
            _out(f"          changed {c.other}")
    if not args.all:
        _out("Resolve one with: tenant-inspect bundle resolve ID --keep kept|other|merged")
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    from . import models as m
    from .merge_conflicts import conflicts_by_prefix, resolve_conflict

    text = args.text
    if args.text_file:
        try:
            text = Path(args.text_file).read_text(encoding="utf-8")
        except OSError as exc:
            raise UserError(f"cannot read {args.text_file}: {exc.strerror or exc}") from exc
    if args.keep == "merged" and text is None:
        raise UserError("--keep merged needs the merged text: give --text or --text-file")
    with _open(args) as store, store.write() as session:
        from sqlmodel import col, select

        inspections = session.exec(
            select(m.Inspection.id).where(col(m.Inspection.deleted_at).is_(None))
        ).all()
        view = conflicts_by_prefix(session, list(inspections), args.conflict)
        done = resolve_conflict(session, view.id, args.keep, text)
    _out(
        f"Resolved: {done.describe(on_server=bool(data_dir_of(args).database))} (kept {args.keep})"
    )
    return 0


#: Each ``bundle`` action's help line and description.
_WORDS: dict[str, tuple[str, str]] = {
    "export": (
        "write an inspection (or one member's kit) to a bundle file",
        "Write an inspection to one bundle file. With --for, a kit for that "
        "team member: what they need, and no interviewee names unless they coordinate.",
    ),
    "import": (
        "merge kits or return files into this laptop's database",
        "Merge bundle files. Prints per file: added / updated / unchanged / "
        "conflicts. A refused file changes nothing; the others are still imported.",
    ),
    "conflicts": (
        "list edits made on two laptops that need a decision",
        "List the open conflicts of an inspection.",
    ),
    "resolve": (
        "settle a conflict: keep the shown value, the other one, or a merged text",
        "Settle a conflict. The decision travels in the next kit or return file.",
    ),
}


def _action(
    bsub: Any, common: argparse.ArgumentParser, name: str, func: Callable[[argparse.Namespace], int]
) -> argparse.ArgumentParser:
    """One ``bundle`` action running ``func``, with the common options and its :data:`_WORDS`."""
    help_line, description = _WORDS[name]
    parser: argparse.ArgumentParser = bsub.add_parser(
        name, parents=[common], help=help_line, description=description
    )
    parser.set_defaults(func=func)
    return parser


def _passphrase_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="read the passphrase from this file's first line (for scripts)",
    )


def add_bundle_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``bundle export | import | conflicts | resolve`` to the main parser."""
    b = sub.add_parser(
        "bundle",
        parents=[common],
        help="kits and return files for working as a team without a server",
        description="Export a kit or return file, import files from the team, resolve conflicts.",
    )
    bsub = b.add_subparsers(dest="bcommand", metavar="ACTION", required=True)

    e = _action(bsub, common, "export", cmd_export)
    e.add_argument("id", help="inspection id or a unique prefix of it")
    e.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    e.add_argument(
        "--for", dest="for_member", metavar="MEMBER", help="team member name or id: make their kit"
    )
    e.add_argument(
        "--no-names", action="store_true", help="leave interviewee names out, whoever it is for"
    )
    e.add_argument(
        "--encrypt",
        action="store_true",
        help="lock the file with a passphrase (asked twice on the terminal; age format)",
    )
    _passphrase_file(e)

    i = _action(bsub, common, "import", cmd_import)
    i.add_argument("files", nargs="+", metavar="FILE")
    i.add_argument(
        "--into", metavar="ID", help="refuse files that are not for this inspection (id or prefix)"
    )
    i.add_argument(
        "--new-inspection",
        action="store_true",
        help="accept a file for an inspection this laptop does not have yet",
    )
    _passphrase_file(i)

    c = _action(bsub, common, "conflicts", cmd_conflicts)
    c.add_argument("id", help="inspection id or a unique prefix of it")
    c.add_argument("--all", action="store_true", help="include resolved conflicts")
    c.add_argument("--json", action="store_true", help="print JSON")

    r = _action(bsub, common, "resolve", cmd_resolve)
    r.add_argument("conflict", help="conflict id or a unique prefix of it")
    r.add_argument("--keep", required=True, choices=("kept", "other", "merged"))
    r.add_argument("--text", help="the merged text (with --keep merged)")
    r.add_argument("--text-file", metavar="FILE", help="read the merged text from a file")
