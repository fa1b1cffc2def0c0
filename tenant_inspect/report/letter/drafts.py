"""The letter's own wording, drafted from the inspection for the coordinator to change.

Each part a coordinator may rewrite has a draft here: the overall finding in one sentence,
each area's paragraph (its judgement in words, then the first short sentences of its
conclusions), each recommendation in everyday words, and the signature. A draft is only
ever a start: what the coordinator wrote (:class:`~tenant_inspect.report.model.
LetterTextData`) replaces it, and an emptied part goes back to the draft.

Drafts keep sentences short on purpose (the letter aims at a Flesch reading ease of 60,
the usual plain-English mark): a conclusion sentence over :data:`LONGEST_SENTENCE` words
is left for the coordinator to shorten rather than copied in, and abbreviations are spelt
out (:func:`.plain_words.spell_out`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..model import LetterTextData, ReportData
from ..wording import plural
from .plain_words import spell_out

#: Longer sentences are hard work for many readers; drafts leave them out.
LONGEST_SENTENCE = 25
#: At most this many conclusion sentences per area: the letter has two pages.
SENTENCES_PER_AREA = 1
#: A recommendation longer than this is cut at its first comma (after a few words) in the
#: draft: the letter lists what was asked, the report says how.
SHORT_RECOMMENDATION = 16
#: Words that start a new clause after a comma: a cut there leaves a whole sentence
#: ("…, and report progress" → cut; "every manager, and front-line staff, a …" → not cut).
CLAUSE_STARTS = frozenset(
    [
        "and",
        "so",
        "saying",
        "including",
        "starting",
        "with",
        "through",
        "as",
        "which",
        "because",
        "by",
        "to",
    ]
)

#: Each grade said to a resident, after "We found it ...".
GRADE_PLAIN = {
    "considerably_outweigh": "works very well",
    "outweigh": "works well",
    "balance": "is mixed",
    "weaknesses_outweigh": "needs to improve",
}

#: The four-point scale for the note at the end of the letter, best first: the letter's
#: words for each grade, and what the grade says.
SCALE_PLAIN = (
    ("works very well", "strengths far outweigh weaknesses"),
    ("works well", "strengths outweigh weaknesses"),
    ("is mixed", "strengths and weaknesses are about even"),
    ("needs to improve", "weaknesses outweigh strengths"),
)


def first_sentences(text: str, limit: int = SENTENCES_PER_AREA) -> list[str]:
    """Up to ``limit`` sentences of ``text`` short enough for the letter, abbreviations
    spelt out; long ones are skipped, not cut (a cut sentence says something else)."""
    out: list[str] = []
    for piece in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
        piece = piece.strip()
        if not piece or len(piece.split()) > LONGEST_SENTENCE:
            continue
        if piece[-1] not in ".!?":
            piece += "."
        out.append(spell_out(piece))
        if len(out) == limit:
            break
    return out


def written(data: ReportData) -> dict[tuple[str, str], str]:
    """What the coordinator wrote, by (part, area or recommendation id); empty parts left out."""
    return {(t.part, t.subject_id): t.text.strip() for t in data.letter if t.text.strip()}


def area_draft(name: str, grade: str, conclusions: Iterable[str]) -> str:
    """'We found it works well. <its first short conclusion sentence>' (the letter prints
    the area's name before it, in bold, and explains the grades at its end)."""
    head = (
        f"We found it {GRADE_PLAIN[grade]}."
        if grade in GRADE_PLAIN
        else f"We have not finished judging {name} yet."
    )
    sentences: list[str] = []
    for text in conclusions:
        sentences.extend(first_sentences(text, SENTENCES_PER_AREA - len(sentences)))
        if len(sentences) >= SENTENCES_PER_AREA:
            break
    return " ".join([head, *sentences])


def overall_draft(grades: dict[str, str], area_ids: list[str]) -> str:
    """The overall finding in one sentence: the agreed grades counted in words. (Not an
    overall conclusion's first sentence: those lean on the report around them.)"""
    counted = Counter(grades.get(a, "") for a in area_ids)
    good = counted["considerably_outweigh"] + counted["outweigh"]
    parts = []
    if good:
        parts.append(f"{plural(good, 'area')} work well")
    if counted["balance"]:
        parts.append(
            f"{plural(counted['balance'], 'area')} {'is' if counted['balance'] == 1 else 'are'} mixed"
        )
    if counted["weaknesses_outweigh"]:
        n = counted["weaknesses_outweigh"]
        parts.append(f"{plural(n, 'area')} need{'s' if n == 1 else ''} to improve")
    if not area_ids:
        return "We have not yet said which parts of the service we looked at."
    if not parts:
        return f"We are still judging the {plural(len(area_ids), 'area')} we looked at."
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Of the {plural(len(area_ids), 'area')} we looked at, {listed}."


def recommendation_draft(text: str) -> str:
    """A recommendation's first sentence in everyday words (abbreviations spelt out), cut
    at its first comma when it is long ("Name a director as the owner of each pledge, and
    report …" becomes "Name a director as the owner of each pledge.")."""
    found = first_sentences(text, 1)
    sentence = found[0] if found else spell_out(" ".join(text.split()))
    words = sentence.split()
    if len(words) > SHORT_RECOMMENDATION:
        for i, word in enumerate(words[5:-1], start=5):
            if word.endswith(",") and words[i + 1].lower() in CLAUSE_STARTS:
                return " ".join([*words[:i], word[:-1]]) + "."
    return sentence


def signature_draft(data: ReportData) -> str:
    """'<coordinator>, Coordinator, on behalf of the tenant inspection panel' (the name
    only when the team may be named in the report)."""
    coordinator = next(
        (m for m in data.team if m.role == "coordinator" and m.in_report and data.include_team),
        None,
    )
    if coordinator is None:
        return "The tenant inspection panel"
    return f"{coordinator.name}\nCoordinator, on behalf of the tenant inspection panel"


def letter_texts(data: ReportData) -> list[LetterTextData]:
    """Every part a coordinator may write, as the letter will print it: what they wrote,
    else the draft (the Letter screen shows these, and the letter prints them)."""
    mine = written(data)
    areas = [a for a in data.areas if a.kind != "desktop_review"]
    grades = {j.area_id: j.grade for j in data.judgements}
    out = [
        LetterTextData("contact", "", mine.get(("contact", ""), "")),
        LetterTextData(
            "overall",
            "",
            mine.get(("overall", ""), overall_draft(grades, [a.id for a in areas])),
        ),
    ]
    for area in areas:
        conclusions = [c.text for c in data.conclusions if c.area_id == area.id and not c.internal]
        draft = area_draft(area.name, grades.get(area.id, ""), conclusions)
        out.append(LetterTextData("area", area.id, mine.get(("area", area.id), draft)))
    for rec in data.recommendations:
        if rec.internal:
            continue
        draft = recommendation_draft(rec.text)
        out.append(
            LetterTextData("recommendation", rec.id, mine.get(("recommendation", rec.id), draft))
        )
    out.append(LetterTextData("signature", "", mine.get(("signature", ""), signature_draft(data))))
    return out
