"""The action plan's files: a workbook (or Word form) out to the landlord, the workbook back.

The landlord answers in Excel, not in this app, so the Action plan screen sends the plan and
reads the filled-in workbook through the same file dialog as the report and the team's
files, and the same file job (pending typing saved first, the app responsive while it
works). A refused workbook changes nothing; every problem the core found is listed on the
screen, each with its sheet, row and column, so the coordinator can send it back with
precise words. The rules of the import itself are ``tenant_inspect.plan_apply``'s.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tenant_inspect.file_names import slug

from .dialogs.file_picker import FilePicker, PickedFiles, documents_folder
from .jobs import Report, run_file_job

if TYPE_CHECKING:
    from tenant_inspect.plan_apply import ImportResult
    from tenant_inspect.plan_export import ExportResult
    from tenant_inspect.store import Store


class PlanFiles:
    """Export (x) and import (i) for :class:`~screens.action_plan.ActionPlanScreen`."""

    inspection_id: str
    #: The file last written or read, offered again next time.
    plan_path = ""

    if TYPE_CHECKING:  # what the screen provides (declared only for the type checker)
        app: Any

        def say(self, text: str, *, error: bool = False) -> None: ...
        def reload(self) -> None: ...
        def plan_title(self) -> str: ...

    def action_export_plan(self) -> None:
        suggested = self.plan_path or str(
            documents_folder() / f"{slug(self.plan_title(), 'inspection')}-action-plan.xlsx"
        )
        dialog = FilePicker(
            "Send the action plan to the landlord",
            "An Excel workbook (.xlsx) for the landlord to fill in and send back, or a Word "
            "form (.docx) to read. Names of interviewees are replaced by their roles.",
            mode="save",
            suffixes=(".xlsx", ".docx"),
            value=suggested,
            label="Save as (.xlsx for Excel, .docx for Word)",
        )
        self.app.push_screen(dialog, self._export_plan)

    def _export_plan(self, picked: PickedFiles | None) -> None:
        if picked is None:
            return
        path = picked.path
        self.plan_path = str(path)
        inspection_id = self.inspection_id
        self.say("Writing the plan…")

        def work(store: Store, report: Report) -> ExportResult:
            from tenant_inspect.plan_export import export_plan

            return export_plan(store, inspection_id, path)

        run_file_job(self, work, done=self._exported, failed=self._failed, group="plan-file")  # type: ignore[arg-type]

    def _exported(self, done: ExportResult) -> None:
        self.say(
            f"✓ Written: {done.path} ({done.format}, {done.recommendations} recommendations, "
            f"{done.items} items). Send it to the landlord; import the filled-in workbook "
            "with i."
        )

    def action_import_plan(self) -> None:
        dialog = FilePicker(
            "Import the landlord's action plan",
            "The workbook exported with x, filled in by the landlord. It is checked first: "
            "if anything is wrong, every problem is listed and nothing is changed.",
            mode="open",
            suffixes=(".xlsx",),
            value=self.plan_path if self.plan_path.endswith(".xlsx") else "",
            label="Workbook (.xlsx)",
            action="Import",
        )
        self.app.push_screen(dialog, self._import_plan)

    def _import_plan(self, picked: PickedFiles | None) -> None:
        if picked is None:
            return
        path: Path = picked.path
        self.plan_path = str(path)
        inspection_id = self.inspection_id
        self.say("Reading the workbook…")

        def work(store: Store, report: Report) -> ImportResult:
            from tenant_inspect.errors import UserError
            from tenant_inspect.plan_apply import import_plan
            from tenant_inspect.plan_import import PlanRefused

            try:
                return import_plan(store, path, inspection_id)
            except PlanRefused as exc:  # the message, then every problem on its own line
                raise UserError(
                    "\n".join([str(exc), *(f"  • {p}" for p in exc.problems)])
                ) from None

        run_file_job(self, work, done=self._imported, failed=self._failed, group="plan-file")  # type: ignore[arg-type]

    def _imported(self, result: ImportResult) -> None:
        lines = list(result.lines())
        head = f"✓ Imported {Path(self.plan_path).name}: {result.changed} changed."
        self.say("\n".join([head, *lines]))
        self.reload()

    def _failed(self, message: str) -> None:
        self.say(message, error=True)
