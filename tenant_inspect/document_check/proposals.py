"""Draft findings and questionnaire answers proposed from a document's figures.

Only proposals: the inspector reads them beside the document and decides. Nothing here
is recorded. The answers name the desktop review questionnaire's own question ids and
option values (questionnaires/desktop-review.toml), so a later step can offer to fill them
in; the thresholds are the guidance the wording cites, kept here in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from .figures import MIN_SIZE, Figures

#: A newest date this many years old or more is proposed as possibly out of date.
OLD_YEARS = 3
#: Italic above this share of the text is proposed as a weakness (RNIB clear print).
ITALIC_SHARE = 10.0
#: Flesch reading ease: below HARD is hard to read; PLAIN and above is plain English.
HARD, PLAIN = 50.0, 60.0
#: A sentence longer than this is proposed as too long (plain English: 15–20 words on average).
LONG_SENTENCE = 35

#: The desktop review's "formats" options for each format the figures name.
FORMAT_OPTIONS = {
    "large print": "Large print",
    "audio": "Audio",
    "Braille": "Braille",
    "easy read": "Easy Read",
    "other languages": "Other languages",
    "British Sign Language": "Other",
    "other formats": "Other",
}


#: The desktop review's questions (questionnaires/desktop-review.toml) the answers are for.
QUESTIONS = {
    "dated": "Is the document dated?",
    "date-on-document": "What date is on the document?",
    "font-size": "Is the text at least 12 point?",
    "typeface": "Is the type plain, with no ornate or italic lettering?",
    "plain-english": "How easy is it to read and understand?",
    "formats-offered": "Does the document say it is available in other formats?",
    "formats": "Which other formats are offered?",
    "consistency": "Does it repeat or contradict other documents?",
    "consistency-notes": "Which documents, and where?",
}


@dataclass(frozen=True)
class Finding:
    kind: str  # "strength" or "weakness"
    text: str

    def line(self) -> str:
        return f"Proposed {self.kind}: {self.text}"


@dataclass(frozen=True)
class Answer:
    question: str  # the desktop review question's id
    value: str | int | list[str]
    words: str  # the answer as the inspector would say it

    def line(self) -> str:
        return f"{QUESTIONS[self.question]} {self.words}"


def _pct(share: float) -> str:
    return f"{share:.0f} %" if share >= 1 or share == 0 else "under 1 %"


def _size(points: float) -> str:
    return f"{points:g} pt"


def ease_words(score: float) -> str:
    if score < 30:
        return "very hard to read"
    if score < HARD:
        return "hard to read"
    if score < PLAIN:
        return "fairly hard to read"
    if score < 70:
        return "plain English"
    return "easy to read"


def propose_findings(f: Figures) -> list[Finding]:
    """Strengths and weaknesses an inspector might write, each with its figure and reason."""
    out: list[Finding] = []

    def weak(text: str) -> None:
        out.append(Finding("weakness", text))

    def strong(text: str) -> None:
        out.append(Finding("strength", text))

    if f.newest is None:
        weak("it has no date on it, so a reader cannot tell whether it is current")
    elif f.newest_age.endswith("years old") and int(f.newest_age.split()[0]) >= OLD_YEARS:
        weak(
            f"its newest date is {f.newest.shown}, {f.newest_age}: it may be out of date "
            "(check when it is due to be reviewed)"
        )
    else:
        strong(f"it is dated ({f.newest.shown}, {f.newest_age})")
    if f.smallest_size is not None and f.share_below_min > 0:
        weak(
            f"{_pct(f.share_below_min)} of its text is smaller than {_size(MIN_SIZE)} (the "
            f"smallest is {_size(f.smallest_size)}), though clear print asks for at least "
            f"{_size(MIN_SIZE)} (RNIB clear print)"
        )
    if f.share_italic >= ITALIC_SHARE:
        weak(
            f"{_pct(f.share_italic)} of its text is italic, though large italic passages are "
            "hard to read (RNIB clear print)"
        )
    if f.ornate_fonts:
        weak(
            f"it uses ornate lettering ({', '.join(f.ornate_fonts)}), which is hard to read "
            "(RNIB clear print: a plain font)"
        )
    if not f.has_headings:
        weak("it has no headings, so a reader cannot easily find their way around it")
    if (
        f.smallest_size is not None
        and f.share_below_min == 0
        and f.share_italic < ITALIC_SHARE
        and not f.ornate_fonts
        and f.has_headings
    ):
        strong(f"it is in clear print: {_size(MIN_SIZE)} or more, plain type, with headings")
    if f.reading_ease is not None:
        if f.reading_ease < HARD:
            weak(
                f"its reading ease is {f.reading_ease:.0f} ({ease_words(f.reading_ease)}; "
                f"plain English scores {PLAIN:.0f} or more)"
            )
        elif f.reading_ease >= PLAIN:
            strong(f"its reading ease is {f.reading_ease:.0f} ({ease_words(f.reading_ease)})")
    if f.longest_sentences and f.longest_sentences[0].words > LONG_SENTENCE:
        weak(
            f"its longest sentence has {f.longest_sentences[0].words} words (plain English "
            "guidance: 15 to 20 words on average)"
        )
    if f.formats:
        strong(f"it says it is available in other formats ({', '.join(f.formats)})")
    else:
        weak(
            "it does not say it is available in other formats (large print, Braille, audio, "
            "easy read or other languages)"
        )
    others = sorted({r.other for r in f.repeats})
    for other in others:
        mine = [r for r in f.repeats if r.other == other]
        n = len(mine)
        weak(
            f"it repeats {n} paragraph{'s' if n != 1 else ''} of {other} word for word "
            f'("{mine[0].start}")'
        )
    return out


def propose_answers(f: Figures) -> list[Answer]:
    """Answers to the desktop review's questions that the figures can support."""
    out = [Answer("dated", "yes" if f.newest else "no", "Yes" if f.newest else "No")]
    if f.newest is not None:
        out.append(Answer("date-on-document", f.newest.day.isoformat(), f.newest.shown))
    if f.smallest_size is None:
        out.append(Answer("font-size", "cannot-tell", "Cannot tell"))
    elif f.share_below_min == 0:
        out.append(Answer("font-size", "yes", "Yes, throughout"))
    elif f.share_below_min < 50:
        out.append(Answer("font-size", "mostly", "Mostly, but some text is smaller"))
    else:
        out.append(Answer("font-size", "no", "No, the main text is smaller"))
    if f.share_italic >= 25 or (f.ornate_fonts and f.share_italic >= ITALIC_SHARE):
        out.append(Answer("typeface", "no", "No, much of it is hard to read"))
    elif f.share_italic >= 1 or f.ornate_fonts:
        out.append(Answer("typeface", "some", "Some ornate, italic or all-capitals text"))
    else:
        out.append(Answer("typeface", "yes", "Yes, plain throughout"))
    if f.reading_ease is not None:
        scale = sum(f.reading_ease >= edge for edge in (30, HARD, PLAIN, 70)) + 1
        out.append(Answer("plain-english", scale, f"{scale} of 5 ({ease_words(f.reading_ease)})"))
    out.append(
        Answer("formats-offered", "yes" if f.formats else "no", "Yes" if f.formats else "No")
    )
    if f.formats:
        chosen = sorted({FORMAT_OPTIONS[name] for name in f.formats})
        out.append(Answer("formats", chosen, ", ".join(chosen)))
    if f.repeats:
        out.append(Answer("consistency", "repeats", "It repeats other documents"))
        others = sorted({r.other for r in f.repeats})
        out.append(Answer("consistency-notes", "; ".join(others), "; ".join(others)))
    return out
