"""Importing a questionnaire (XLSForm) into the inspection from the set-up screen.

F6 opens the file dialog; the file is converted in the file job (nothing is written), then
:class:`~screens.dialogs.import_notes.ImportNotesDialog` shows what it became and every
note, and the questionnaire is added to the inspection only when the coordinator chooses
Add. A refused form shows every problem, with its sheet and row, and nothing is written.
Once added, it is offered when an interview is set up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tenant_inspect.attempts import refusable
from tenant_inspect.edits import questionnaires as questionnaire_edits
from tenant_inspect.errors import UserError

from ..dialogs.file_picker import FilePicker, PickedFiles
from ..dialogs.import_notes import ImportNotesDialog
from ..jobs import Report, run_file_job

if TYPE_CHECKING:
    from tenant_inspect.questionnaire.xlsform_reader import Conversion
    from tenant_inspect.store import Store


class QuestionnaireImporting:
    """The set-up screen's "Import questionnaire (XLSForm)" (F6)."""

    inspection_id: str
    #: The form last read, offered again next time.
    form_path = ""

    if TYPE_CHECKING:  # what the screen provides (declared only for the type checker)
        app: Any
        services: Any

        def notify(self, message: str, **kwargs: Any) -> None: ...

    def action_import_questionnaire(self) -> None:
        dialog = FilePicker(
            "Import questionnaire (XLSForm)",
            "An XLSForm workbook, as made in Excel, ODK or KoboToolbox. It is checked and "
            "converted first; you see what could not be kept before anything is added.",
            mode="open",
            suffixes=(".xlsx",),
            value=self.form_path,
            label="XLSForm workbook (.xlsx)",
            action="Read",
        )
        self.app.push_screen(dialog, self._form_picked)

    def _form_picked(self, picked: PickedFiles | None) -> None:
        if picked is None:
            return
        path = picked.path
        self.form_path = str(path)

        def work(store: Store, report: Report) -> Conversion:
            return questionnaire_edits.convert_form(path)

        run_file_job(self, work, done=self._converted, failed=self._refused, group="xlsform")  # type: ignore[arg-type]

    def _converted(self, conversion: Conversion) -> None:
        q = conversion.questionnaire
        n = len(q.questions())
        summary = (
            f"“{q.title}” (id {q.id}, version {q.version}, {q.kind}): {len(q.sections)} "
            f"section(s), {n} question{'' if n == 1 else 's'}."
        )
        if conversion.language:
            summary += f" Labels in {conversion.language}."
        notes = [str(note) for note in conversion.notes]
        summary += (
            f"\nWhat could not be kept as it was ({len(notes)}):"
            if notes
            else "\nNothing was lost."
        )

        def answered(add: bool | None) -> None:
            if add:
                self._keep(conversion)

        dialog = ImportNotesDialog("Add this questionnaire?", summary, notes, "Add to inspection")
        self.app.push_screen(dialog, answered)

    def _keep(self, conversion: Conversion) -> None:
        q = conversion.questionnaire
        inspection_id = self.inspection_id

        def finished(outcome: tuple[bool | None, UserError | None]) -> None:
            added, refusal = outcome
            if refusal is not None:
                self._refused(f"Not added: {refusal}")
            elif added:
                self.notify(
                    f"“{q.title}” added: choose it when you set up an interview.",
                    title="Questionnaire imported",
                )
            else:
                self.notify(f"“{q.title}” was already in this inspection.", title="Nothing new")

        self.services.write(
            refusable(lambda s: questionnaire_edits.keep_questionnaire(s, inspection_id, q)),
            finished,
        )

    def _refused(self, message: str) -> None:
        head, *rest = message.splitlines()
        problems = [line.strip().removeprefix("- ") for line in rest if line.strip()]
        dialog = ImportNotesDialog(
            "Questionnaire not imported", head + "\nNothing was added.", problems, ""
        )
        self.app.push_screen(dialog)
