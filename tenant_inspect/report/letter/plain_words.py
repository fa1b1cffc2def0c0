"""Words residents should not have to look up: abbreviations spelt out, jargon given a plain
alternative.

Data, mostly. The letter spells out every abbreviation listed here (a resident should
never meet "KLOE" or "RSL"), and the writing check (:mod:`.readability`) lists jargon with
its plain alternative. A coordinator extends the jargon list with a text file in the data
folder, ``plain-words.txt``: one ``word = plain alternative`` per line (``#`` starts a
comment), for their landlord's own jargon.
"""

from __future__ import annotations

import re
from pathlib import Path

#: Abbreviations inspection writing uses, and what each stands for.
ABBREVIATIONS: dict[str, str] = {
    "KLOE": "key lines of enquiry",
    "KLOEs": "key lines of enquiry",
    "RI": "resident involvement",
    "RSL": "registered social landlord",
    "RSLs": "registered social landlords",
    "ASB": "anti-social behaviour",
    "ALMO": "arm's-length management organisation",
    "TMO": "tenant management organisation",
    "TARA": "tenants' and residents' association",
    "TRA": "tenants' and residents' association",
    "KPI": "performance measure",
    "KPIs": "performance measures",
    "SLA": "service agreement",
    "SLAs": "service agreements",
    "CRM": "customer records system",
    "FAQ": "common questions",
    "FAQs": "common questions",
    "HA": "housing association",
    "LA": "council",
    "EDI": "equality, diversity and inclusion",
    "VFM": "value for money",
    "RSH": "Regulator of Social Housing",
    "TSM": "tenant satisfaction measure",
    "TSMs": "tenant satisfaction measures",
}

#: Jargon and a plain alternative (lower case; matched as whole words, any case).
JARGON: dict[str, str] = {
    "stakeholder": "people involved",
    "stakeholders": "people involved",
    "utilise": "use",
    "utilised": "used",
    "facilitate": "help",
    "facilitated": "helped",
    "commence": "start",
    "commenced": "started",
    "in order to": "to",
    "prior to": "before",
    "subsequent to": "after",
    "in relation to": "about",
    "with regard to": "about",
    "going forward": "from now on",
    "leverage": "use",
    "robust": "strong",
    "holistic": "whole",
    "deliverables": "results",
    "key performance indicators": "performance measures",
    "scrutiny": "checking",
    "customer journey": "what tenants go through",
    "touchpoints": "contacts",
    "void": "empty home",
    "voids": "empty homes",
    "tenure": "kind of tenancy",
    "co-regulation": "tenants checking services with the landlord",
    "ascertain": "find out",
    "endeavour": "try",
    "remit": "job",
    "signpost": "point",
    "signposted": "pointed",
    "mitigate": "reduce",
    "optimise": "improve",
    "implement": "carry out",
    "implemented": "carried out",
    "implementation": "carrying out",
    "proactive": "early",
    "proactively": "early",
}

PLAIN_WORDS_FILE = "plain-words.txt"

_ABBREVIATION_RE = re.compile(
    r"\b(" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)) + r")\b"
)
#: Two or more capitals (with an optional plural s): what looks like an abbreviation.
_CAPITALS_RE = re.compile(r"\b[A-Z]{2,}s?\b")


def spell_out(text: str) -> str:
    """Every listed abbreviation replaced by what it stands for ("KLOE" → "key lines of
    enquiry"). Residents read the letter once; a glossary they would have to find is no
    help."""
    return _ABBREVIATION_RE.sub(lambda m: ABBREVIATIONS[m.group(1)], text)


def unexplained_abbreviations(text: str) -> list[str]:
    """Words in capitals a reader may not know, in order, once each (listed ones and
    others alike): the letter's checks warn about them."""
    found: list[str] = []
    for word in _CAPITALS_RE.findall(text):
        if word not in found:
            found.append(word)
    return found


def read_plain_words(path: Path) -> tuple[dict[str, str], list[str]]:
    """A coordinator's ``word = plain alternative`` file: the pairs, and a plain message for
    each line that could not be read ("line 3: no = sign"). A missing file is no pairs."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [f"{path.name}: cannot be read ({exc}); the built-in word list is used"]
    pairs: dict[str, str] = {}
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        word, sep, plain = line.partition("=")
        if not sep or not word.strip() or not plain.strip():
            problems.append(f"{path.name}, line {number}: write it as 'word = plain alternative'")
            continue
        pairs[" ".join(word.lower().split())] = plain.strip()
    return pairs, problems


def jargon_list(data_folder: Path | None) -> tuple[dict[str, str], list[str]]:
    """The built-in jargon with the coordinator's own added (theirs win), and any problems
    reading their file."""
    extra, problems = (
        ({}, []) if data_folder is None else read_plain_words(data_folder / PLAIN_WORDS_FILE)
    )
    return {**JARGON, **extra}, problems
