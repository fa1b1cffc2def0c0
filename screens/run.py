"""Running the TUI as a command: the app, then whatever must happen after it stops.

Kept apart from :mod:`.app` (the app's life while it runs) because what follows the last
frame is its own promise: pending saves written, a backup if anything changed, and an
honest exit status when some typing could never be saved.
"""

from __future__ import annotations

from tenant_inspect.errors import UserError
from tenant_inspect.locations import DataDir

from .app import TenantInspectApp


def run_app(data_dir: DataDir) -> int:
    """Run the TUI; whatever happens, pending saves are written before returning.

    After a clean exit, a rolling ``on-exit`` backup is taken if anything was
    changed during the session. If some typing could never be saved (a full
    disk, say), the last thing printed says so and the exit status is 1: the
    app never claims to have saved what it has not.
    """
    import sys

    app = TenantInspectApp(data_dir)
    try:
        result = app.run()
    finally:
        app.wait_startup()
        opened = app.store_ready
        app.shutdown_store()
        watch = app._change_watch
        changed = watch.changed() if watch is not None else opened
        if watch is not None:
            watch.close()
    unsaved = app._unsaved
    if changed:
        from tenant_inspect.store import ON_EXIT, rolling_backup

        try:
            rolling_backup(data_dir, ON_EXIT)
        except (UserError, OSError) as exc:
            sys.stderr.write(f"tenant-inspect: note: the backup on exit failed: {exc}\n")
    if unsaved:
        reasons = sorted({str(exc) for exc in unsaved.values()})
        sys.stderr.write(
            f"tenant-inspect: NOT SAVED: the last changes to {len(unsaved)} field(s) could not "
            f"be written ({'; '.join(reasons)}). Everything saved before is in the database.\n"
        )
        return 1
    return int(result or 0)
