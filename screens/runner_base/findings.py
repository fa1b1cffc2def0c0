"""Findings from inside the runner: add one from the question (Ctrl+F), edit one from the panel.

A finding made here cites exactly where it came from — the question and its number, or the
whole document — so the form is prefilled with the selected words and that evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tenant_inspect.edit_bases import edited_from
from tenant_inspect.edits.findings import FindingDraft, save_finding_change, save_new_finding
from tenant_inspect.views.findings import FindingRow, load_findings

from ..dialogs.finding import FindingDialog
from ..messages import announce_change
from ..name_warning import warn_about_names
from ..widgets.answer_input import TextAnswer
from ..widgets.findings_panel import FindingsPanel
from .saving import RunnerSavesBase

if TYPE_CHECKING:
    from sqlmodel import Session


class RunnerFindingsBase(RunnerSavesBase):
    """The findings panel of the runner and the finding form opened from a question."""

    def _numbers(self) -> dict[str, int]:
        if self.path is None:
            return {}
        return {q.id: i for i, q in enumerate(self.path.visible, start=1)}

    def _number_findings(self) -> None:
        """Keep the panel's "Q7" labels right when show-if changes the numbering."""
        panel = self.query_one(FindingsPanel)
        numbers = self._numbers()
        if panel.rows and numbers != panel.numbers:
            panel.show(panel.rows, numbers)

    def _show_findings(self, rows: list[FindingRow]) -> None:
        if self.is_attached:
            self.query_one(FindingsPanel).show(rows, self._numbers())

    def reload_findings(self) -> None:
        assert self.data is not None
        inspection_id, parent_id = self.data.inspection_id, self.parent_id
        where = {"interview_id" if self.kind == "interview" else "document_review_id": parent_id}
        self.services.read(lambda s: load_findings(s, inspection_id, **where), self._show_findings)

    def finding_prefill(self) -> str:
        """The selected text of the notes or answer; else the notes or the answer itself."""
        view = self.view
        if view is None:
            return ""
        notes = view.notes_area
        answer = view.answer_input
        if notes.selected_text.strip():
            return notes.selected_text.strip()
        if isinstance(answer, TextAnswer) and answer.selected_text.strip():
            return answer.selected_text.strip()
        if isinstance(answer, TextAnswer) and answer.text_area.text.strip():
            return answer.text_area.text.strip()
        if notes.text.strip():
            return notes.text.strip()
        q = view.question
        value = self.state(q.id).value
        if value and q.type in ("yes_no", "choice"):
            return f"{q.text} — {q.option_label(value)}"
        return ""

    def evidence_for(self, question_key: str) -> str:
        assert self.data is not None
        if not question_key:
            return self.data.evidence
        try:
            q = self.data.questionnaire.question(question_key)
        except KeyError:
            return self.data.evidence
        n = self._numbers().get(question_key)
        where = f"question {n}" if n else "question"
        return f"{self.data.evidence} · {where}: {q.text}"

    def finding_context(self) -> tuple[str | None, str, tuple[str, ...]]:
        """(question key or None, prefilled text, themes) for a new finding from here."""
        if self.view is None:
            return None, "", ()
        q = self.view.question
        return q.id, self.finding_prefill(), q.themes

    def warn_names(self, text: str, box: str) -> None:
        """Warn if the finding just saved names an interviewee (see :mod:`..name_warning`)."""
        if self.data is not None:
            warn_about_names(self, self.data.inspection_id, text, box=box)

    def action_add_finding(self) -> None:
        if not self._ready():
            return
        assert self.data is not None
        self.leave_question()
        question_key, text, themes = self.finding_context()
        kind, parent_id = self.kind, self.parent_id

        def chosen(draft: FindingDraft | None) -> None:
            if draft is None or draft.delete:
                return

            def save(session: Session) -> str:
                return save_new_finding(
                    session,
                    parent_kind=kind,
                    parent_id=parent_id,
                    question_key=question_key,
                    draft=draft,
                )

            def saved(_: object) -> None:
                self.notify(
                    f"{draft.kind.replace('_', ' ').capitalize()} recorded.", title="Finding saved"
                )
                self.reload_findings()
                announce_change(self)

            self.services.write(save, saved)
            self.warn_names(draft.text, "new-finding")

        self.app.push_screen(
            FindingDialog(evidence=self.evidence_for(question_key or ""), text=text, themes=themes),
            chosen,
        )

    def on_findings_panel_edit(self, event: FindingsPanel.Edit) -> None:
        panel = self.query_one(FindingsPanel)
        row = next((r for r in panel.rows if r.id == event.finding_id), None)
        if row is None:
            return
        finding_id = row.id

        def chosen(draft: FindingDraft | None) -> None:
            if draft is None:
                return

            def saved(_: object) -> None:
                self.notify(
                    "Finding deleted." if draft.delete else "Finding updated.", title="Saved"
                )
                self.reload_findings()
                announce_change(self)

            shown = {"kind": row.kind, "text": row.text, "themes": list(row.themes)}
            save = edited_from(
                finding_id, "finding", shown, lambda s: save_finding_change(s, finding_id, draft)
            )
            self.services.write(save, saved)
            if not draft.delete:
                self.warn_names(draft.text, finding_id)

        self.app.push_screen(
            FindingDialog(
                evidence=self.evidence_for(row.question_key),
                text=row.text,
                themes=row.themes,
                kind=row.kind,
                editing=True,
            ),
            chosen,
        )
