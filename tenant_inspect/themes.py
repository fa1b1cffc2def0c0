"""The themes findings and questions are tagged with.

Inspectors link every finding and most questions to themes so the report can show, for each
theme, what the evidence says. A fixed vocabulary (rather than free text) is what makes that
possible: "value for money", "VFM" and "Value-for-money" would otherwise be three themes.

Two groups are used:

* **KLOE 5** — the areas of Key Line of Enquiry 5 (resident involvement).
* **People First** — ten building blocks of resident involvement. This list is the team's
  working vocabulary, not a copy of an official framework; check it against the landlord's own
  framework before relying on the wording in a report (see docs/questionnaire-format.md).

Ids are short kebab-case and never change once shipped (they are stored in inspections and
kit files); labels may be reworded freely.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

KLOE5 = "KLOE 5"
PEOPLE_FIRST = "People First"
GROUPS: tuple[str, ...] = (KLOE5, PEOPLE_FIRST)


class UnknownIdError(KeyError):
    """A ``KeyError`` whose message reads as a sentence.

    ``str(KeyError("..."))`` shows the message in quotes (it is the repr of the key); these
    messages end up in front of coordinators, so they are printed as written.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class Theme:
    """One theme: a stable ``id`` stored in data, a ``label`` shown to people, its ``group``."""

    id: str
    label: str
    group: str


THEMES: tuple[Theme, ...] = (
    # KLOE 5: resident involvement.
    Theme("access-customer-care", "Access and customer care", KLOE5),
    Theme("diversity", "Diversity", KLOE5),
    Theme("compacts", "Compacts", KLOE5),
    Theme("resources", "Resources", KLOE5),
    Theme("impact", "Impact", KLOE5),
    Theme("value-for-money", "Value for money", KLOE5),
    # People First building blocks (the team's vocabulary; see the module docstring).
    Theme("pf-commitment", "Commitment from the top", PEOPLE_FIRST),
    Theme("pf-policy-strategy", "Clear policy and strategy", PEOPLE_FIRST),
    Theme("pf-resources", "Resources for involvement", PEOPLE_FIRST),
    Theme("pf-training-support", "Training and support", PEOPLE_FIRST),
    Theme("pf-diversity-inclusion", "Diversity and inclusion", PEOPLE_FIRST),
    Theme("pf-information", "Information and communication", PEOPLE_FIRST),
    Theme("pf-feedback", "Feedback to tenants", PEOPLE_FIRST),
    Theme("pf-scrutiny", "Scrutiny and accountability", PEOPLE_FIRST),
    Theme("pf-partnership", "Partnership working", PEOPLE_FIRST),
    Theme("pf-monitoring-impact", "Monitoring and review of impact", PEOPLE_FIRST),
)

THEME_IDS: frozenset[str] = frozenset(t.id for t in THEMES)

_BY_ID: dict[str, Theme] = {t.id: t for t in THEMES}


def close_theme_ids(id: str, n: int = 3) -> list[str]:
    """Known theme ids that look like ``id`` (for "did you mean" hints on typos)."""
    return difflib.get_close_matches(id, [t.id for t in THEMES], n=n, cutoff=0.6)


def theme(id: str) -> Theme:
    """The theme with this id; ``KeyError`` naming close matches if there is none."""
    try:
        return _BY_ID[id]
    except KeyError:
        close = close_theme_ids(id)
        hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        known = ", ".join(t.id for t in THEMES)
        raise UnknownIdError(f"Unknown theme {id!r}.{hint} Known themes: {known}.") from None


def theme_label(id: str) -> str:
    """The label shown to people for a theme id."""
    return theme(id).label
