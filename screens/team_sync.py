"""F5 on the Team screen: sync this inspection again with the server it last synced with.

The work is ``tenant-inspect sync URL ID`` (:func:`tenant_inspect.sync.sync`) run as a file
job (:mod:`screens.jobs`: what was just typed is saved first, and the job runs beside the
app on this laptop's store). The URL is the one the laptop kept from its last sync, without
any password: PostgreSQL's own ``~/.pgpass`` or ``PGPASSWORD`` supplies it, as for every
command. A laptop that never synced an inspection is told to run ``sync`` once first, since
only the command line is the place to type a server's address.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast

from .jobs import run_file_job
from .services import services_of

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from tenant_inspect.store import Store
    from tenant_inspect.views.team import TeamData

NEVER_SYNCED = (
    "This laptop has not synced this inspection yet: run "
    "'tenant-inspect sync postgresql://USER@HOST/DATABASE ID' once; then F5 syncs it here."
)


class _TeamScreen(Protocol):
    """What the Team screen offers the mixin (:class:`screens.team.TeamScreen`)."""

    data: TeamData | None
    running: bool

    def _busy(self) -> bool: ...
    def _result(self, text: str, *, error: bool = False) -> None: ...
    def _failed(self, message: str) -> None: ...
    def reload(self) -> None: ...


class SyncAgain:
    """The Team screen's F5 (its binding is the screen's): a mixin, so the screen's module
    stays the size of its other jobs."""

    def action_sync(self) -> None:
        screen = cast("_TeamScreen", self)
        data = screen.data
        if screen._busy() or data is None:
            return

        def done(words: str) -> None:
            screen.running = False
            screen._result(words)
            screen.reload()

        node = cast("DOMNode", self)
        screen.running = start_sync(node, data.inspection_id, data.sync_url, done, screen._failed)


def start_sync(
    node: DOMNode,
    inspection_id: str,
    url: str,
    done: Callable[[str], None],
    failed: Callable[[str], None],
) -> bool:
    """Start the sync job (False, with ``failed`` told why, when there is no server yet)."""
    if not url:
        failed(NEVER_SYNCED)
        return False
    data_dir = services_of(node).data_dir

    def work(store: Store, report: Callable[[object], None]) -> str:
        from tenant_inspect.sync import sync
        from tenant_inspect.views.sync_words import last_sync_words

        [record] = sync(store, data_dir, url, inspection_id)
        return f"✓ Sent {record.sent.words()}.\n{last_sync_words(record)}"

    run_file_job(node, work, done=done, failed=failed, group="team-file")
    return True
