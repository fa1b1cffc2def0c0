"""Where each part of a questionnaire was written, in a form the checker can use.

The checker reports every problem with a line, but it works on parsed data (plain dicts),
which carry no positions. A reader therefore hands it a :class:`Locations`: the line of the
top table, of each section and of each question, and of the keys inside them. A reader that
knows nothing about lines can pass an empty ``Locations()``; problems then come without one.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Block:
    """Where one table starts and where each of its keys is (1-based lines).

    ``unit`` is the word problems put before the number: "line" for a text file, and for a
    spreadsheet the sheet and "row" ("survey sheet, row"), so an XLSForm's problems say so.
    """

    line: int | None = None
    keys: dict[str, int] = field(default_factory=dict)
    unit: str = "line"

    def at(self, key: str | None = None) -> int | None:
        if key is not None and key in self.keys:
            return self.keys[key]
        return self.line


class Locations:
    """Lines of the top table, of each section and of each section's questions, in order.

    ``sections[i]`` and ``questions[i][j]`` belong to the i-th section and its j-th question
    of the parsed data; the checker ignores them when their counts do not match the data.
    """

    def __init__(self) -> None:
        self.top = Block()
        self.sections: list[Block] = []
        self.questions: list[list[Block]] = []

    def find_question(self, qid: str, occurrence: int) -> Block:
        """Fallback for a question whose table could not be matched: where the
        ``occurrence``-th (0-based) question with id ``qid`` is, or an empty block."""
        return Block()
