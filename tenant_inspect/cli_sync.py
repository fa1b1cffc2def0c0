"""``tenant-inspect sync URL [ID]``: this laptop's inspections with the programme's server.

Per inspection it prints what went each way, counted as ``bundle import`` counts a file,
then the open conflicts the way ``bundle import`` points at them, and the line the Team
screen shows. Errors (server down, wrong password, unknown inspection) are one line and
exit status 1, like every command; the work itself is :mod:`tenant_inspect.sync`.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .errors import UserError
from .plain_text import printable


def _out(text: str = "") -> None:
    sys.stdout.write(printable(text) + "\n")


def cmd_sync(args: argparse.Namespace) -> int:
    from .locations import data_dir_of
    from .store import open_store
    from .sync import NOT_A_LAPTOP, sync
    from .views.sync_words import last_sync_words

    data_dir = data_dir_of(args)
    if data_dir.database:
        raise UserError(NOT_A_LAPTOP)
    with open_store(data_dir, defer_orm=True) as store:  # the merge needs no ORM
        records = sync(store, data_dir, args.url, args.id)
    for r in records:
        _out(f"Synced {r.title!r} ({r.inspection_id[:8]}) with {r.server}")
        sent = r.sent.words() if r.sent.total else "nothing (this laptop did not have it yet)"
        _out(f"  sent:     {sent}")
        _out(f"  received: {r.received.words()}")
        if r.open_conflicts:
            _out(
                f"{r.open_conflicts} conflict(s) to resolve in inspection "
                f"{r.inspection_id[:8]}: tenant-inspect bundle conflicts {r.inspection_id[:8]}"
            )
        _out(last_sync_words(r))
    return 0


def add_sync_command(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``sync URL [ID]`` to the main parser."""
    text = (
        "push this laptop's changes to the programme's PostgreSQL server and pull everyone "
        "else's, with the merge rules of bundle files"
    )
    p = sub.add_parser("sync", parents=[common], help=text, description=text)
    p.set_defaults(func=cmd_sync)
    p.add_argument("url", metavar="URL", help="the server, postgresql://USER@HOST/DATABASE")
    p.add_argument(
        "id",
        nargs="?",
        metavar="ID",
        help="inspection id or unique prefix (on this laptop or the server); "
        "default: every inspection on this laptop",
    )
