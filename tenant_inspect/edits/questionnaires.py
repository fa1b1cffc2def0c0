"""The set-up screen's questionnaire import: convert an XLSForm, then keep it if confirmed.

Two steps, because the coordinator reads the conversion's notes before anything is
written: :func:`convert_form` reads the file (nothing stored; every problem of a refused
form in one :class:`~tenant_inspect.errors.UserError`), and :func:`keep_questionnaire`
adds the checked questionnaire to the inspection in the screen's write transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UserError

if TYPE_CHECKING:
    from sqlmodel import Session

    from ..questionnaire import Questionnaire
    from ..questionnaire.xlsform_reader import Conversion


def convert_form(path: Path) -> Conversion:
    """The XLSForm at ``path`` converted, or a refusal listing every problem, one a line."""
    from ..questionnaire import QuestionnaireError
    from ..questionnaire.xlsform_reader import read_xlsform

    try:
        return read_xlsform(path)
    except QuestionnaireError as exc:
        raise UserError(str(exc)) from None


def keep_questionnaire(session: Session, inspection_id: str, questionnaire: Questionnaire) -> bool:
    """Keep it with the inspection; False if the same text was already kept."""
    from ..imported_questionnaires import add_imported

    return add_imported(session, inspection_id, questionnaire)
