"""Text that came from a file is made safe before it is stored or shown.

A bundle, a questionnaire file or any other file from outside may carry control
characters: ESC/OSC sequences that clear a terminal, set its window title or hide
text, NULs, bidirectional overrides that make a line read differently from what it
holds. Such characters are never typed by an inspector on purpose, so they are removed
where text comes in (:func:`clean`) and, as a second line of defence, where text goes
out to a terminal or a Markdown file (:func:`printable`).

Newlines and tabs are kept only where the field allows several lines
(``multiline=True``); a one-line field gets them turned into spaces so nothing joins
words together.
"""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls except tab and newline, DEL, and the Unicode format characters
# that reorder or hide text (bidi overrides and isolates). Carriage returns go too:
# "\r\n" becomes "\n" first so Windows line ends survive as line ends.
_BIDI = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
_CONTROLS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_LINE_BREAKS = re.compile("[\n\t\u2028\u2029\x85]")


def clean(text: str, *, multiline: bool = True) -> str:
    """``text`` without control characters; one-line fields also lose newlines and tabs.

    ESC sequences lose their ESC, so "\\x1b]0;title\\x07" leaves the harmless "]0;title".
    That visible residue is deliberate: it shows a reader that something odd was in the
    file instead of hiding it.
    """
    if not text:
        return text
    text = text.replace("\r\n", "\n")
    if not multiline:
        text = _LINE_BREAKS.sub(" ", text)
    else:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n")
    return _CONTROLS.sub("", text)


def printable(text: str) -> str:
    """``text`` safe to print on a terminal: control characters shown as ``\\xNN``.

    Used where stored text is written to a terminal (``list``, messages) or a Markdown
    file, in case something older than :func:`clean` stored it. Newlines and tabs pass.
    """
    if not text or not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def has_controls(text: str) -> bool:
    """Whether ``text`` holds anything :func:`clean` would remove (newlines aside)."""
    return bool(_CONTROLS.search(text))


def is_format_char(ch: str) -> bool:
    """Invisible format characters (zero-width space, soft hyphen, joiners)."""
    return unicodedata.category(ch) == "Cf"


#: What ``json.dumps(ensure_ascii=False)`` leaves raw that a terminal may obey or that
#: reorders text: DEL, C1 controls, bidi marks, overrides and isolates, line separators.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def json_for_terminals(text: str) -> str:
    """JSON text with the control characters ``json.dumps`` leaves raw escaped as ``\\uXXXX``.

    (It already escapes C0 controls such as ESC.) Outside strings JSON text is plain
    ASCII, so only string contents change, and only in how they are written.
    """
    return _RAW_IN_JSON.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def stdout_to_devnull() -> None:
    """Point the process's stdout at the null device (the CLI's closed-pipe case)."""
    import os
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a file (tests capture it): nothing to do
        pass
