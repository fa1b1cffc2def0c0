"""File jobs: exporting a kit, importing return files, writing the report — one way to run them.

Reading or writing a file takes seconds (a zip of the whole inspection, a Word document), so
it runs in a thread worker while the screen stays responsive. Every such job must first put
what was just typed on disk — a kit, a return file or a report written a moment after the
last keystroke must carry it, and an import must merge on top of it — so the helper calls
:meth:`AppServices.finish_saving` before the job, always; no screen can forget it.

Progress is reported from the worker thread and shown on the UI thread; a refusal
(:class:`UserError`) becomes its message, and any other failure its type and message, so the
app stays up and says what happened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from tenant_inspect.errors import UserError

from .services import services_of

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.worker import Worker

    from tenant_inspect.store import Store

T = TypeVar("T")

#: What a job is given to report progress with (callable from the worker thread).
Report = Callable[[Any], None]


def failure_words(exc: BaseException) -> str:
    """A refusal says its reason; anything unexpected also says what kind of error it was."""
    return str(exc) if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"


def run_file_job(
    node: DOMNode,
    work: Callable[[Store, Report], T],
    *,
    done: Callable[[T], None],
    failed: Callable[[str], None],
    progress: Callable[[Any], None] | None = None,
    group: str = "file-job",
) -> Worker[None]:
    """Run ``work(store, report)`` in a thread once pending saves are written.

    ``done(result)``, ``failed(message)`` and ``progress(value)`` (for each ``report(value)``
    the job makes) are called on the UI thread. One job per ``group`` at a time: a new one
    cancels the old (the screens refuse to start a second anyway).
    """
    app = node.app
    services = services_of(node)

    def report(value: Any) -> None:
        if progress is not None:
            app.call_from_thread(progress, value)

    def job() -> None:
        try:
            store = services.wait_store()
            services.finish_saving()  # the file carries (or merges onto) the last thing typed
            result = work(store, report)
        except Exception as exc:  # said on screen, and the app stays up
            app.call_from_thread(failed, failure_words(exc))
            return
        app.call_from_thread(done, result)

    return node.run_worker(job, thread=True, group=group, exclusive=True, exit_on_error=False)
