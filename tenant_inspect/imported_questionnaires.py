"""Questionnaires an inspection imported (from an XLSForm), kept as its questionnaire copies.

An inspection already keeps the exact text of every questionnaire it uses
(:func:`~.inspections.use_questionnaire`), and those copies travel in kits and return
files. An imported questionnaire is simply such a copy added before any interview uses it:
:func:`add_imported` stores it, :func:`imported` lists the inspection's own (non built-in)
questionnaires, and :func:`resolve` finds one by id for a new interview or an export.

An imported questionnaire may not take a built-in questionnaire's id: interviews name
their questionnaire by id, and one id must always mean one set of questions.
"""

from __future__ import annotations

from sqlmodel import Session

from .errors import NotFound, ValidationError
from .inspections import questionnaire_copies, questionnaire_for, use_questionnaire
from .questionnaire import Questionnaire, builtin_questionnaires, get_builtin


def _builtin_ids() -> set[str]:
    return {q.id for q in builtin_questionnaires()}


def add_imported(session: Session, inspection_id: str, questionnaire: Questionnaire) -> bool:
    """Keep ``questionnaire`` with the inspection; False if that exact text was already kept.

    Refused (:class:`ValidationError`) when its id is a built-in questionnaire's, or when
    the inspection keeps a different text under the same id and version.
    """
    if questionnaire.id in _builtin_ids():
        raise ValidationError(
            [
                f"the questionnaire's id {questionnaire.id!r} is a built-in questionnaire's; "
                "give the imported one an id of its own (form_id on the settings sheet, "
                f"for example {questionnaire.id + '-local'!r})"
            ]
        )
    before = {c.id for c in questionnaire_copies(session, inspection_id)}
    copy = use_questionnaire(session, inspection_id, questionnaire)
    return copy.id not in before


def imported(session: Session, inspection_id: str) -> list[Questionnaire]:
    """The inspection's own questionnaires, newest kept version of each id, by title."""
    builtin = _builtin_ids()
    newest: dict[str, tuple[str, str]] = {}  # id -> (created_at text, version)
    for copy in questionnaire_copies(session, inspection_id):
        if copy.questionnaire_id in builtin:
            continue
        stamp = copy.created_at.isoformat() if copy.created_at else ""
        known = newest.get(copy.questionnaire_id)
        if known is None or stamp >= known[0]:
            newest[copy.questionnaire_id] = (stamp, copy.version)
    found = [questionnaire_for(session, inspection_id, qid, v) for qid, (_, v) in newest.items()]
    return sorted(found, key=lambda q: (q.title, q.id))


def resolve(session: Session | None, inspection_id: str | None, qid: str) -> Questionnaire:
    """A built-in questionnaire, or else the inspection's imported one with that id."""
    if qid in _builtin_ids():
        return get_builtin(qid)
    found = imported(session, inspection_id) if session and inspection_id else []
    for q in found:
        if q.id == qid:
            return q
    known = ", ".join(sorted(_builtin_ids() | {q.id for q in found}))
    where = "in this inspection or built in" if inspection_id else "built in"
    raise NotFound(f"no questionnaire {qid!r} {where}. Known ones: {known}.")
