"""The prospects for improvement as a form: three grades, the overall assessment, a rationale.

Saved as chosen and typed (:class:`screens.widgets.autosave_form.AutosaveForm`); one row per
inspection, so the row's id is the inspection's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Select, Static, TextArea

from tenant_inspect.edits import action_plan as plan_edits
from tenant_inspect.views.action_plan import QUESTIONS, ProspectsView
from tenant_inspect.vocabulary import GRADE_KEYS, GRADE_LABELS, PROSPECT_WORDS, PROSPECTS

from .autosave_form import AutosaveForm

if TYPE_CHECKING:
    from sqlmodel import Session

GRADE_CHOICES = [("– not judged yet", "")] + [(GRADE_LABELS[k], k) for k in GRADE_KEYS]
OVERALL_CHOICES = [("– not assessed yet", "")] + [(PROSPECT_WORDS[k], k) for k in PROSPECTS]


@dataclass(frozen=True)
class ProspectsRow:
    """The stored prospects as the form holds them (``id``: the inspection's)."""

    id: str
    values: dict[str, str]


def prospects_row(inspection_id: str, view: ProspectsView) -> ProspectsRow:
    values = {**dict(view.grade_keys), "overall": view.overall, "rationale": view.rationale}
    return ProspectsRow(inspection_id, values)


class ProspectsForm(AutosaveForm):
    """The three graded questions, the overall assessment and the rationale."""

    PREFIX = "p-"
    TABLE = "prospects"
    TEXT_FIELDS = ("rationale",)
    CHOICE_FIELDS = (*(f for f, _ in QUESTIONS), "overall")
    NAMED = ("rationale",)
    FIELD_NAMES: ClassVar[dict[str, str]] = {"rationale": "Rationale"}

    def compose(self) -> ComposeResult:
        for field, question in QUESTIONS:
            with Horizontal(classes="form-row"):
                yield Static(question.capitalize(), classes="form-label")
                yield Select(GRADE_CHOICES, allow_blank=False, value="", id=f"p-{field}",
                             compact=True)  # fmt: skip
        with Horizontal(classes="form-row"):
            yield Static("Overall assessment", classes="form-label")
            yield Select(OVERALL_CHOICES, allow_blank=False, value="", id="p-overall", compact=True)
        yield Static("Rationale", classes="form-head")
        yield TextArea(id="p-rationale", soft_wrap=True, classes="form-text", compact=True)

    def stored(self, row: Any, field: str) -> str:
        assert isinstance(row, ProspectsRow)
        return row.values.get(field, "")

    def write(self, row: Any, field: str, value: Any) -> Callable[[Session], Any]:
        inspection_id = row.id
        return lambda s: plan_edits.save_prospects_field(s, inspection_id, field, value)

    def save_key(self, row: Any, field: str) -> str:
        return f"prospects:{row.id}:{field}"
