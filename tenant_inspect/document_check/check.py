"""Checking a set of documents together: read every file first, then measure and propose.

All files are read before any is measured, and if any cannot be read the whole run is
refused, listing every problem: the repeats between documents are only true of the set
the inspector asked about, so a run that silently dropped one would report less than it
seems to. What is printed, and the JSON for scripts, are built here from the same figures.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .figures import MIN_SIZE, Figures, measure
from .model import DocumentProblem, ReadDocument
from .proposals import Answer, Finding, ease_words, propose_answers, propose_findings

#: What the checker reads, by file name ending.
READERS = (".docx", ".pdf")


class DocumentsRefused(Exception):
    """One or more files cannot be checked; ``problems`` has one line for each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Checked:
    figures: Figures
    findings: tuple[Finding, ...]
    answers: tuple[Answer, ...]


def _looks_like(path: Path) -> str | None:
    """A wrong kind of file, said plainly, before a library is asked to open it."""
    with path.open("rb") as fh:
        head = fh.read(5)
    if path.suffix.lower() == ".pdf" and head != b"%PDF-":
        return f"{path}: is not a PDF (its content is something else)"
    if path.suffix.lower() == ".docx" and head[:4] != b"PK\x03\x04":
        if head[:4] == b"\xd0\xcf\x11\xe0":
            return (
                f"{path}: is an old Word (.doc) file or a password-protected one; save it as .docx"
            )
        return f"{path}: is not a Word .docx document (its content is something else)"
    return None


def read_document(path: Path) -> ReadDocument:
    """One file read, or :class:`DocumentProblem` with one line naming it."""
    from .read_docx import read_docx
    from .read_pdf import read_pdf

    if path.suffix.lower() not in READERS:
        raise DocumentProblem(f"{path}: only Word (.docx) and PDF (.pdf) documents can be checked")
    if not path.exists():
        raise DocumentProblem(f"{path}: no such file")
    if not path.is_file():
        raise DocumentProblem(f"{path}: is a folder, not a document")
    try:
        wrong = _looks_like(path)
    except OSError as exc:
        raise DocumentProblem(f"{path}: cannot be read ({exc.strerror})") from None
    if wrong:
        raise DocumentProblem(wrong)
    return read_pdf(path) if path.suffix.lower() == ".pdf" else read_docx(path)


def check_documents(paths: list[Path], today: date) -> list[Checked]:
    """Every document's figures and proposals; raises :class:`DocumentsRefused` first if any fail."""
    docs: list[ReadDocument] = []
    problems: list[str] = []
    for path in paths:
        try:
            docs.append(read_document(path))
        except DocumentProblem as exc:
            problems.append(str(exc))
    if problems:
        raise DocumentsRefused(problems)
    out = []
    for doc in docs:
        figures = measure(doc, [d for d in docs if d is not doc], today)
        out.append(
            Checked(figures, tuple(propose_findings(figures)), tuple(propose_answers(figures)))
        )
    return out


def _size(points: float) -> str:
    return f"{points:g} pt"


def describe(checked: Checked) -> list[str]:
    """The figures and proposals for one document, as lines for a volunteer to read."""
    f = checked.figures
    lines = [f.name]
    if f.newest:
        lines.append(f"  Newest date: {f.newest.shown}, {f.newest_age}")
    else:
        lines.append("  No date found" + (" (only dates still to come)" if f.dates else ""))
    if f.dates:
        lines.append(f"  Dates found: {', '.join(d.shown for d in f.dates)}")
    if f.smallest_size is not None:
        lines.append(
            f"  Smallest print: {_size(f.smallest_size)}; "
            f"{f.share_below_min:.0f} % of the text is under {_size(MIN_SIZE)}"
        )
    lines.append(f"  Italic: {f.share_italic:.0f} % of the text")
    lines.append(
        "  Ornate fonts: " + (", ".join(f.ornate_fonts) if f.ornate_fonts else "none found")
    )
    lines.append(f"  Headings: {'yes' if f.has_headings else 'no'}")
    if f.reading_ease is not None:
        lines.append(
            f"  Reading ease: {f.reading_ease:.0f} of 100 ({ease_words(f.reading_ease)}; "
            "higher is easier)"
        )
    for n, s in enumerate(f.longest_sentences, start=1):
        quoted = s.text if len(s.text) <= 100 else s.text[:97] + "…"
        lines.append(f"  Long sentence {n} ({s.words} words): {quoted}")
    lines.append(
        "  Other formats offered: " + (", ".join(f.formats) if f.formats else "none mentioned")
    )
    for r in f.repeats:
        lines.append(f'  Repeats {r.other}: "{r.start}"')
    lines.append("  To consider (nothing has been recorded):")
    lines += [f"    {finding.line()}" for finding in checked.findings]
    lines += [f"    Proposed answer, {answer.line()}" for answer in checked.answers]
    return lines


def as_json(checked: list[Checked]) -> list[dict[str, Any]]:
    """The same figures and proposals as plain values (dates as ISO text)."""
    out = []
    for c in checked:
        figures = asdict(c.figures)
        figures["dates"] = [{"date": d.day.isoformat(), "shown": d.shown} for d in c.figures.dates]
        if c.figures.newest:
            figures["newest"] = {
                "date": c.figures.newest.day.isoformat(),
                "shown": c.figures.newest.shown,
            }
        out.append(
            {
                "document": c.figures.name,
                "figures": figures,
                "findings": [asdict(f) for f in c.findings],
                "answers": [asdict(a) for a in c.answers],
            }
        )
    return out
