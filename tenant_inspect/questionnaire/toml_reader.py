"""Reading questionnaire TOML files: the format question banks are written in.

Turns a file or text into parsed data and its line :class:`~.toml_locations.TomlLocations`,
then hands both to the shared checker. Every way a file can be unusable comes back as one
:class:`~.model.QuestionnaireError`. The format is described for coordinators in
docs/questionnaire-format.md.

Only the standard library is used, so ``tenant-inspect questionnaires validate`` and the kit
importer start fast and never pull in the database or UI stacks.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

from .checker import check_questionnaire
from .model import Problem, Questionnaire, QuestionnaireError
from .toml_locations import TomlLocations
from .untrusted import TOO_DEEP, nesting_problem

#: Questionnaires are a few kilobytes; anything bigger is the wrong file.
MAX_FILE_BYTES = 1_000_000


_TOML_REASONS = {
    "Invalid value": "the value after = is not valid (text must be in double quotes, "
    "true and false in lower case)",
    "Cannot overwrite a value": "a setting is given twice in the same table",
    "Expected '=' after a key in a key/value pair": "expected an = sign after the setting's name",
    "Unterminated string": "a text is missing its closing quote",
}


def _toml_problem(exc: tomllib.TOMLDecodeError, text: str, source: str) -> Problem:
    message = str(exc)
    line: int | None = None
    place = ""
    m = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if m:
        line = int(m.group(1))
        place = f" (line {m.group(1)}, column {m.group(2)})"
        message = message[: m.start()]
    elif message.endswith("(at end of document)"):
        message = message[: -len("(at end of document)")].rstrip()
        line = max(1, len(text.splitlines()))
        place = " (at the end of the file)"
    reason = _TOML_REASONS.get(message, message[:1].lower() + message[1:])
    return Problem(
        source,
        f"This is not a valid TOML file{place}: {reason}. Check this line and the one before "
        "for a missing quote, bracket or = sign.",
        line,
    )


def parse_questionnaire(text: str, source: str = "<text>") -> Questionnaire:
    """Parse and check questionnaire text; ``QuestionnaireError`` lists every problem.

    Every reader of questionnaire text comes through here (files, kits and return files,
    stored copies), so the nesting check runs before ``tomllib``, which would otherwise
    recurse once per level and crash on a file of a thousand ``[``.
    """
    deep_at = nesting_problem(text)
    if deep_at is not None:
        raise QuestionnaireError([Problem(source, TOO_DEEP, deep_at)])
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise QuestionnaireError([_toml_problem(exc, text, source)]) from None
    return check_questionnaire(data, source, text, TomlLocations(text))


def load_questionnaire_file(path: str | os.PathLike[str]) -> Questionnaire:
    """Read and check a questionnaire file.

    Every way the file can be unusable (missing, a folder, unreadable, too big, not UTF-8,
    not TOML) comes back as a :class:`QuestionnaireError`, so callers handle one exception.
    Windows line endings are normalised so the same questionnaire has the same ``sha256``
    whichever laptop saved it; a UTF-8 byte-order mark (Notepad adds one) is accepted.
    """
    p = Path(path)
    name = p.name or str(p)

    def fail(message: str, line: int | None = None) -> QuestionnaireError:
        return QuestionnaireError([Problem(name, message, line)])

    try:
        if p.is_dir():
            raise fail(f"{p} is a folder, not a questionnaire file.")
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise fail(
                f"The file is too big to be a questionnaire ({size:,} bytes; the limit is "
                f"{MAX_FILE_BYTES:,}). Check you chose the right file."
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise fail(f"File not found: {p}") from None
    except PermissionError:
        raise fail(f"Permission denied: cannot read {p}.") from None
    except OSError as exc:
        raise fail(f"Cannot read {p}: {exc.strerror or exc}.") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise fail(
            "The file is not saved as UTF-8 text, so some characters cannot be read. Open it "
            "in a text editor and save it again choosing the UTF-8 encoding.",
            line,
        ) from None
    return parse_questionnaire(text.replace("\r\n", "\n"), name)
