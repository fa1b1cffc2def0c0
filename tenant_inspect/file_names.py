"""The one way a person's or an inspection's words become part of a file name.

Names are written by Welsh, Irish and other residents: "Siân", "Zoë", "Seán". A file name made
by dropping every non-ASCII character turns "Siân" into ``si-n``, which nobody recognises in a
folder. So letters are first transliterated (NFKD, then the combining accents are dropped:
"Siân" → "sian"); only what is still not a plain letter or digit becomes a hyphen.
"""

from __future__ import annotations

import re
import unicodedata

#: Letters NFKD does not split into a base letter and an accent.
_WHOLE = {
    "ß": "ss",
    "æ": "ae",
    "Æ": "AE",
    "ø": "o",
    "Ø": "O",
    "œ": "oe",
    "Œ": "OE",
    "ł": "l",
    "Ł": "L",
    "đ": "d",
    "Đ": "D",
    "þ": "th",
    "Þ": "TH",
}


def transliterate(text: str) -> str:
    """'Siân Ó Sé' → 'Sian O Se': accents dropped, letters kept."""
    decomposed = unicodedata.normalize("NFKD", "".join(_WHOLE.get(ch, ch) for ch in text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slug(text: str, fallback: str, width: int = 30) -> str:
    """'Siân: staff pledges' → 'sian-staff-pledges' (whole words, at most ``width`` long)."""
    words = re.sub(r"[^A-Za-z0-9]+", "-", transliterate(text)).strip("-").lower()
    if len(words) > width:
        cut = words[: width + 1]
        words = cut.rsplit("-", 1)[0] if "-" in cut else cut[:width]
    return words.strip("-") or fallback
