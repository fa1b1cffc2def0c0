"""F4 in a document review: check the landlord's own file and record the proposals ticked.

The flow, kept out of :mod:`screens.documents` so that screen stays about the questions: the
file dialog (a .docx or .pdf), the check in the file job (reading a PDF takes a moment), the
figures and proposals in :class:`~screens.dialogs.proposals.ProposalsDialog`, and the ticked
ones written in order with the autosaves (``tenant_inspect.edits.document_check``). Then the
review is read again, so the answers and findings recorded show at once.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from .dialogs.file_picker import FilePicker, PickedFiles
from .dialogs.proposals import ProposalsDialog
from .jobs import Report, run_file_job

if TYPE_CHECKING:
    from tenant_inspect.document_check.check import Checked
    from tenant_inspect.store import Store


def check_document_file(screen: Any) -> None:
    """Ask for the file, then check it (``screen`` is a document review runner)."""
    dialog = FilePicker(
        "Check the landlord's document",
        "Its own file: Word (.docx) or PDF (.pdf). The checker reads its dates, print size, "
        "italics, headings and reading ease, and proposes answers and findings. Nothing is "
        "recorded unless you tick it.",
        mode="open",
        suffixes=(".docx", ".pdf"),
        value=getattr(screen, "checked_file", ""),
        label="The document's file",
        action="Check",
    )
    screen.app.push_screen(dialog, lambda picked: _check(screen, picked))


def _check(screen: Any, picked: PickedFiles | None) -> None:
    if picked is None:
        return
    path = picked.path
    screen.checked_file = str(path)

    def work(store: Store, report: Report) -> Checked:
        from tenant_inspect.document_check.check import DocumentsRefused, check_documents
        from tenant_inspect.errors import UserError

        try:
            (checked,) = check_documents([path], date.today())
        except DocumentsRefused as exc:
            raise UserError("; ".join(exc.problems)) from None
        return checked

    def failed(message: str) -> None:
        screen.notify(message, severity="error", title="Not checked")

    run_file_job(
        screen,
        work,
        done=lambda checked: _offer(screen, path.name, checked),
        failed=failed,
        group="document-check",
    )


def _offer(screen: Any, name: str, checked: Checked) -> None:
    def chosen(ticked: list[int] | None) -> None:
        if not ticked:
            screen.notify("Nothing was recorded.", title="Document check")
            return
        findings = [f for n, f in enumerate(checked.findings) if n in ticked]
        offset = len(checked.findings)
        answers = [a for n, a in enumerate(checked.answers) if n + offset in ticked]
        review_id = screen.parent_id

        def record(session: Any) -> Any:
            from tenant_inspect.edits.document_check import accept_proposals

            return accept_proposals(session, review_id, answers, findings)

        def recorded() -> None:
            screen.load()
            screen.reload_findings()

        words = f"Recorded {len(answers)} answer(s) and {len(findings)} finding(s)."
        screen.write_and_notify(record, words, recorded, refused="Not recorded")

    screen.app.push_screen(ProposalsDialog(name, checked), chosen)
