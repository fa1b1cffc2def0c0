"""Two people editing the same field on one database never lose each other's words.

Each person is an editor (:class:`tenant_inspect.edit_bases.Loaded`) that loaded a field and
saves it with what it showed as the base. On a server (two laptops' apps on one PostgreSQL
database, the real case) and on one SQLite file written with two devices' clocks: the later
save is shown, the earlier words wait as an open conflict, listed, resolvable, and carried by
a bundle to another laptop exactly like a conflict two laptops' files make.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from bundle_helpers import dump, export, import_ok, laptop, make_team_inspection

from tenant_inspect import analysis, records
from tenant_inspect import models as m
from tenant_inspect.clock import HybridClock
from tenant_inspect.edit_bases import KEPT, Loaded
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.merge_conflicts import list_conflicts, resolve_conflict
from tenant_inspect.store import Store, open_store
from tenant_inspect.views.conflicts import load_conflicts


@dataclass
class Person:
    """One coordinator at work: their store (or clock) and their editor of the field."""

    store: Store
    clock: HybridClock | None  # None: the store's own
    editor: Loaded

    @contextmanager
    def write(self) -> Iterator[Any]:
        with self.store.write() as s:
            if self.clock is not None:
                s.info["clock"] = self.clock
            yield s

    def load(self, finding_id: str) -> str:
        """Open the finding in the editor: it shows the stored text."""
        with self.store.read() as s:
            text = records.get(s, m.Finding, finding_id).text
        self.editor.shown(finding_id, "text", text)
        return text

    def save(self, finding_id: str, text: str) -> int:
        """Save the text as typed; how many conflicts the save kept."""
        save = self.editor.save(
            finding_id,
            "finding",
            ("text",),
            lambda s: analysis.update_finding(s, records.get(s, m.Finding, finding_id), text=text),
        )
        with self.write() as s:
            save(s)
            return int(s.info.get(KEPT, 0))


@pytest.fixture(params=["sqlite", "postgresql"])
def two_people(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Person, Person]]:
    if request.param == "sqlite":
        store = laptop(tmp_path, "office")
        people = (Person(store, None, Loaded()), Person(store, HybridClock("b0b0b0b0"), Loaded()))
        yield people
        store.close()
        return
    url = request.getfixturevalue("pg_url")
    stores = [open_store(resolve_data_dir(tmp_path / name, url)) for name in ("ann", "ben")]
    assert stores[0].device_id != stores[1].device_id
    yield Person(stores[0], None, Loaded()), Person(stores[1], None, Loaded())
    for s in stores:
        s.close()


def _team(person: Person) -> tuple[str, str]:
    team = make_team_inspection(person.store)
    return team.inspection, team.finding


def _text(person: Person, finding_id: str) -> str:
    with person.store.read() as s:
        return records.get(s, m.Finding, finding_id).text


def test_the_earlier_words_wait_as_a_conflict_and_can_be_chosen(two_people, tmp_path):
    ann, ben = two_people
    inspection, finding = _team(ann)
    ann.load(finding)
    ben.load(finding)
    assert ann.save(finding, "Ann's words") == 0
    assert ben.save(finding, "Ben's words") == 1  # Ben's editor still showed the old text

    assert _text(ann, finding) == "Ben's words"
    with ann.store.read() as s:
        [conflict] = list_conflicts(s, inspection)
        [item] = load_conflicts(s, inspection).items  # what the Conflicts screen lists
    assert (conflict.kind, conflict.field) == ("edit", "text")
    assert (conflict.current_value, conflict.other_value) == ("Ben's words", "Ann's words")
    assert (item.shown.words, item.other.words) == ("Ben's words", "Ann's words")

    # A bundle carries it to a laptop that never saw either save: the conflict arrives.
    fresh = laptop(tmp_path, "fresh")
    try:
        import_ok(fresh, export(ann.store, inspection, tmp_path / "out.zip"), allow_new=True)
        with fresh.read() as s:
            [arrived] = list_conflicts(s, inspection)
        assert (arrived.current_value, arrived.other_value) == ("Ben's words", "Ann's words")
        assert dump(fresh, inspection) == dump(ann.store, inspection)  # the same state
    finally:
        fresh.close()

    with ann.write() as s:
        resolve_conflict(s, conflict.id, "other")
    assert _text(ben, finding) == "Ann's words"
    with ben.store.read() as s:
        assert list_conflicts(s, inspection) == []


def test_no_conflict_when_the_editor_showed_what_was_stored(two_people):
    ann, ben = two_people
    inspection, finding = _team(ann)
    ann.load(finding)
    ann.save(finding, "Ann's words")
    ben.load(finding)  # loaded after Ann's save: Ben saw her words
    assert ben.save(finding, "Ben's words") == 0
    # Each own save moves the editor's base on: typing on is no conflict either.
    assert ben.save(finding, "Ben's words, more") == 0
    assert ann.save(finding, "Ben's words, more") == 0  # the same words: nothing to choose
    assert _text(ann, finding) == "Ben's words, more"
    with ann.store.read() as s:
        assert list_conflicts(s, inspection) == []


def test_a_save_that_failed_keeps_the_editor_base(two_people):
    """Only a committed save moves the base on: a refused one leaves what was shown."""
    ann, ben = two_people
    inspection, finding = _team(ann)
    ann.load(finding)
    ben.load(finding)
    ann.save(finding, "Ann's words")
    with pytest.raises(Exception, match="refused on purpose"), ben.write() as s:
        save: Callable[[Any], Any] = ben.editor.save(
            finding,
            "finding",
            ("text",),
            lambda s: analysis.update_finding(s, records.get(s, m.Finding, finding), text="B1"),
        )
        save(s)
        raise RuntimeError("refused on purpose")
    assert _text(ann, finding) == "Ann's words"
    assert ben.save(finding, "Ben's words") == 1
    with ann.store.read() as s:
        [conflict] = list_conflicts(s, inspection)
    assert conflict.other_value == "Ann's words"


def test_a_field_the_editor_left_alone_keeps_the_newer_words(two_people):
    """A form saves all its fields together: one it did not change never reverts another
    person's newer words (and is no conflict); the field it did change is saved."""
    ann, ben = two_people
    inspection, finding = _team(ann)
    ann.load(finding)
    ben.load(finding)
    with ben.store.read() as s:
        ben.editor.shown(finding, "kind", records.get(s, m.Finding, finding).kind)
    original = ann.load(finding)
    ann.save(finding, "Ann's words")
    save = ben.editor.save(
        finding,
        "finding",
        ("kind", "text"),
        lambda s: analysis.update_finding(
            s, records.get(s, m.Finding, finding), kind="strength", text=original
        ),
    )
    with ben.write() as s:
        save(s)
    with ann.store.read() as s:
        row = records.get(s, m.Finding, finding)
        assert (row.kind, row.text) == ("strength", "Ann's words")
        assert list_conflicts(s, inspection) == []


def test_typing_on_after_a_conflict_keeps_one_conflict(two_people):
    """The first person types on over their own words: their older version is not a second
    conflict, the other person's words still wait, and the newest words are shown."""
    ann, ben = two_people
    inspection, finding = _team(ann)
    ann.load(finding)
    ben.load(finding)
    ann.save(finding, "Ann's words")
    ben.save(finding, "Ben's words")
    assert ann.save(finding, "Ann's words, more") == 1  # she had not seen Ben's
    with ann.store.read() as s:
        [conflict] = list_conflicts(s, inspection)
    assert (conflict.current_value, conflict.other_value) == ("Ann's words, more", "Ben's words")
    assert ann.save(finding, "Ann's words, more still") == 0  # her base moved on
    with ann.store.read() as s:
        [conflict] = list_conflicts(s, inspection)
    assert conflict.other_value == "Ben's words"


def test_two_people_answering_one_question_first_keep_both_notes(two_people):
    """Neither saw an answer (the runner shows an empty one): the first save makes the
    answer, the second keeps it as a conflict; each one's next save is theirs alone."""
    from tenant_inspect import fieldwork
    from tenant_inspect.edits import fieldwork as fieldwork_edits

    ann, ben = two_people
    team = make_team_inspection(ann.store)

    def note(person: Person, text: str) -> int:
        if not person.editor.has("role", "notes"):  # as the runner: unanswered shows empty
            person.editor.shown("role", "notes", "")
        save = person.editor.save(
            "role",
            "answer",
            ("notes",),
            lambda s: fieldwork_edits.save_answer_part(
                s, "interview", team.pair_interview, "role", notes=text
            ),
        )
        with person.write() as s:
            save(s)
            return int(s.info.get(KEPT, 0))

    assert note(ann, "Ann: six staff") == 0
    assert note(ben, "Ben: seven staff") == 1
    assert note(ann, "Ann: six staff, one agency") == 1  # she is told Ben's note is there
    assert note(ben, "Ben: seven staff, two part-time") == 1  # and he is told hers is
    assert note(ben, "Ben: seven staff, two part-time.") == 0
    with ann.store.read() as s:
        [conflict] = list_conflicts(s, team.inspection)
        answer = fieldwork.answers(s, s.get(m.Interview, team.pair_interview))["role"]
    assert answer.notes == "Ben: seven staff, two part-time."
    assert conflict.other_value == "Ann: six staff, one agency"
