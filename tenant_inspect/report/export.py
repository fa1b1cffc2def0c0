"""Exporting a report: the one entry point the CLI and the TUI call.

:func:`render_report` reads the inspection, builds the outline, redacts it,
renders it as Word or Markdown (by the file's extension) and writes the file
atomically: to a temporary file in the same folder, flushed and fsynced, then
renamed over the target. A failed export therefore never leaves a partial file,
and never a half-written target: the previous file, if any, is untouched.

It is safe to call from a worker thread. ``progress(fraction, message)`` is
called from that same thread with a fraction between 0 and 1 and a short
message for people ("Reading the inspection", "Writing the Word document" ...);
a Textual screen should hand it to the UI thread (``app.call_from_thread``).

Only the standard library is imported at module level: python-docx is loaded when a report
is made, and SQLModel only when the report is read through a store (the command line reads
with plain SQL when it can and hands :func:`render_report` the snapshot).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..durable import write_atomically
from ..errors import UserError
from .model import ProgressCallback, ReportData

if TYPE_CHECKING:
    from sqlmodel import Session

    from ..store import Store
    from .letter.readability import WritingCheck
    from .model import Report
    from .redact import Redactor


FORMATS = {".docx": "Word", ".md": "Markdown"}


@dataclass(frozen=True)
class ReportResult:
    """What an export produced: where, how many top-level sections, anything to check."""

    path: Path
    sections: int
    warnings: tuple[str, ...] = ()
    format: str = "Word"
    redactions: int = 0


def report_format(path: Path) -> str:
    """ "Word" or "Markdown" from the file's extension; a UserError for anything else."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(
            f"cannot write a report to {path}: the file name must end in .docx (Word) or "
            ".md (Markdown)"
        )
    return FORMATS[suffix]


def build_report(
    session: Session,
    inspection_id: str,
    *,
    public: bool = False,
    questionnaires: bool = True,
    progress_report: bool = False,
    large_print: bool = False,
    letter: bool = False,
) -> tuple[Report, Redactor]:
    """The redacted outline of one inspection, and the redactor that says what it did.

    With ``progress_report``, the progress report on the landlord's action plan instead
    (:mod:`.progress`); it is refused with a UserError when there is no plan. With
    ``letter``, the letter to residents (:mod:`tenant_inspect.report.letter`).
    """
    from .snapshot import load_report_data

    return build_from(
        load_report_data(session, inspection_id),
        public=public,
        questionnaires=questionnaires,
        progress_report=progress_report,
        large_print=large_print,
        letter=letter,
    )


def build_from(
    data: ReportData,
    *,
    public: bool = False,
    questionnaires: bool = True,
    progress_report: bool = False,
    large_print: bool = False,
    letter: bool = False,
) -> tuple[Report, Redactor]:
    """The redacted outline (progress report, letter) of a snapshot already read; in
    ``large_print`` the charts' text is drawn at 16 pt, like the text around them."""
    from .outline import build_outline
    from .redact import redact, redactor_for

    if letter:
        from datetime import date

        from .letter.outline import build_letter

        report = build_letter(data, date.today())
    elif progress_report:
        from .progress import build_progress

        report = build_progress(data, public=public, font_pt=16 if large_print else 12)
    else:
        report = build_outline(data, public=public, questionnaires=questionnaires)
    redactor = redactor_for(data)
    return redact(report, redactor), redactor


def render_report(
    store_or_session: Store | Session | ReportData,
    inspection_id: str,
    path: str | os.PathLike[str],
    *,
    public: bool = False,
    template: str | os.PathLike[str] | None = None,
    progress: ProgressCallback | None = None,
    questionnaires: bool = True,
    progress_report: bool = False,
    large_print: bool = False,
    letter: bool = False,
) -> ReportResult:
    """Write the report of one inspection (id or unique prefix) to ``path``.

    ``.docx`` gives a Word document (``template``: an organisation's .docx whose
    styles, headers and footers are used); ``.md`` gives Markdown. ``public``
    leaves out everything marked internal; without ``questionnaires`` the appendix
    does not list the questionnaires used. ``progress_report`` writes the progress
    report on the landlord's action plan instead of the inspection report, ``letter`` the
    letter to residents. Interviewee names are always
    replaced by roles. Raises :class:`~tenant_inspect.errors.UserError` with a
    one-line message for anything the user can fix; nothing is written then.
    """
    target = Path(path)
    fmt = report_format(target)
    if large_print and fmt != "Word":
        raise UserError(
            "--large-print is for a Word report (.docx): a Markdown file has no type size"
        )
    template_path = Path(template) if template is not None else None
    if template_path is not None:
        if fmt != "Word":
            raise UserError("--template can only be used for a Word report (.docx)")
        from .docx import check_template

        check_template(template_path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise UserError(f"cannot write {target}: the folder {directory} does not exist")

    def step(fraction: float, message: str) -> None:
        if progress is not None:
            progress(fraction, message)

    step(0.0, "Reading the inspection")
    report, redactor = _build(
        store_or_session,
        inspection_id,
        public,
        questionnaires,
        progress_report,
        large_print,
        letter,
    )
    redactions = redactor.count
    step(0.3, "Report outline ready")
    warnings = list(report.warnings)
    if redactions:
        warnings.append(
            f"replaced {redactions} mention{'s' if redactions != 1 else ''} of interviewees' "
            "names with their roles; check the wording reads well"
        )
    warnings.extend(redactor.review())

    def write(fh: Any) -> None:
        if fmt == "Word":
            from .docx import write_docx

            warnings.extend(
                write_docx(
                    report, fh, template=template_path, progress=progress, large_print=large_print
                )
            )
        else:
            from .markdown import render_markdown

            fh.write(render_markdown(report).encode("utf-8"))

    write_atomically(target, write)
    step(1.0, "Done")
    return ReportResult(
        path=target,
        sections=report.sections,
        warnings=tuple(warnings),
        format=fmt,
        redactions=redactions,
    )


def _build(
    store_or_session: Any,
    inspection_id: str,
    public: bool,
    questionnaires: bool = True,
    progress_report: bool = False,
    large_print: bool = False,
    letter: bool = False,
) -> tuple[Report, Redactor]:
    options = {
        "public": public,
        "questionnaires": questionnaires,
        "progress_report": progress_report,
        "large_print": large_print,
        "letter": letter,
    }
    if isinstance(store_or_session, ReportData):  # read already (the command line's light path)
        return build_from(store_or_session, **options)
    read = getattr(store_or_session, "read", None)
    if callable(read):
        with read() as session:
            return build_report(session, inspection_id, **options)
    return build_report(store_or_session, inspection_id, **options)


def check_report(
    data: ReportData,
    data_folder: Path | None,
    *,
    public: bool = False,
    progress_report: bool = False,
    letter: bool = False,
) -> WritingCheck:
    """The writing check (:mod:`.letter.readability`) of the report, progress report or
    letter of a snapshot, with the built-in jargon list and the coordinator's
    ``plain-words.txt`` in ``data_folder``: what ``report --check-writing`` prints and the
    Export screen lists before anything is written."""
    from .letter.plain_words import jargon_list
    from .letter.readability import check_writing

    report, _ = build_from(data, public=public, progress_report=progress_report, letter=letter)
    jargon, notes = jargon_list(data_folder)
    return check_writing(report, jargon, tuple(notes))
