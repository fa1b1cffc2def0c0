"""Questionnaire files: built-in banks, the checker's messages, visibility and answers.

The checker's messages are what a coordinator sees when a file is wrong, so the tests check
their wording and the line they point at, not just that "something" failed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
import textwrap
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest

from tenant_inspect.questionnaire import (
    KINDS,
    QUESTION_TYPES,
    Option,
    Problem,
    Question,
    Questionnaire,
    QuestionnaireError,
    ShowIf,
    builtin_questionnaires,
    decode_answer,
    encode_answer,
    get_builtin,
    load_questionnaire_file,
    parse_questionnaire,
    validate_answer,
)
from tenant_inspect.themes import THEME_IDS

DOCS = Path(__file__).resolve().parents[2] / "docs" / "questionnaire-format.md"

HEAD = """\
id = "mini"
title = "Mini questionnaire"
version = "1.0"
kind = "interview"
audience = "Staff"
"""

SECTION = """
[[sections]]
id = "s1"
title = "Section one"
"""

Q1 = """
[[sections.questions]]
id = "q1"
text = "Is the document dated?"
type = "yes_no"
"""

VALID = HEAD + SECTION + Q1


def problems_of(text: str, source: str = "test.toml") -> list[Problem]:
    with pytest.raises(QuestionnaireError) as info:
        parse_questionnaire(text, source)
    return info.value.problems


def line_of(text: str, snippet: str, nth: int = 1) -> int:
    """1-based line of the nth line containing ``snippet``."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if snippet in line]
    assert len(hits) >= nth, f"{snippet!r} occurs {len(hits)} times"
    return hits[nth - 1]


# ---------------------------------------------------------------------------
# Built-in question banks
# ---------------------------------------------------------------------------


def test_builtins_load_and_are_the_four_banks() -> None:
    banks = builtin_questionnaires()
    assert [q.id for q in banks] == [
        "desktop-review",
        "mystery-shop",
        "staff-interview-ri",
        "tenant-interview",
    ]
    by_id = {q.id: q for q in banks}
    assert (by_id["desktop-review"].kind, by_id["desktop-review"].audience) == (
        "document_review",
        "Documents",
    )
    assert (by_id["staff-interview-ri"].kind, by_id["staff-interview-ri"].audience) == (
        "interview",
        "Staff",
    )
    assert (by_id["tenant-interview"].kind, by_id["tenant-interview"].audience) == (
        "interview",
        "Tenants",
    )
    assert (by_id["mystery-shop"].kind, by_id["mystery-shop"].audience) == (
        "observation",
        "Customer contact",
    )


def test_builtins_come_from_the_package_resources() -> None:
    files = sorted(
        f.name for f in resources.files("questionnaires").iterdir() if f.name.endswith(".toml")
    )
    banks = builtin_questionnaires()
    assert sorted(q.source_name for q in banks) == [f"builtin:{name}" for name in files]
    for q in banks:
        # Each file is named after its id, so a coordinator can find it.
        assert q.source_name == f"builtin:{q.id}.toml"
        assert q.source_text == (resources.files("questionnaires") / f"{q.id}.toml").read_text(
            encoding="utf-8"
        )


def test_builtins_are_cached_but_callers_cannot_change_the_cache() -> None:
    first = builtin_questionnaires()
    first.clear()
    assert builtin_questionnaires()  # still four
    assert builtin_questionnaires()[0] is builtin_questionnaires()[0]


@pytest.mark.parametrize("q", builtin_questionnaires(), ids=lambda q: q.id)
def test_builtin_content_is_sound(q: Questionnaire) -> None:
    questions = q.questions()
    ids = [x.id for x in questions]
    assert len(ids) == len(set(ids))
    assert len(questions) >= 15
    themed = [x for x in questions if x.themes]
    assert len(themed) >= len(questions) // 2, "themes on most questions"
    for position, question in enumerate(questions):
        assert set(question.themes) <= THEME_IDS
        assert question.type in QUESTION_TYPES
        assert question.line is not None
        assert q.source_text.splitlines()[question.line - 1].strip() == "[[sections.questions]]"
        if question.show_if is not None:
            target = q.question(question.show_if.question)
            assert q.index_of(target.id) < position
            if target.options:
                allowed = {o.value for o in target.options}
                assert set(question.show_if.values) <= allowed
    # Re-parsing the text a kit carries gives the same questionnaire.
    again = parse_questionnaire(q.source_text, q.source_name)
    assert again == q
    assert again.sha256 == q.sha256


def test_desktop_review_covers_the_design_checklist() -> None:
    q = get_builtin("desktop-review")
    assert q.question("dated").type == "yes_no"
    date = q.question("date-on-document")
    assert date.type == "date"
    assert date.show_if == ShowIf("dated", equals="yes")
    # Accessibility against the landlord's own standard: separate questions.
    for qid in ("font-size", "typeface", "formats-offered", "formats"):
        q.question(qid)
    assert {o.label for o in q.question("formats").options} >= {
        "Large print",
        "Audio",
        "Other languages",
    }
    assert q.question("consistency").type == "choice"
    assert q.question("outcomes").type == "choice"
    assert q.question("observations").type == "text"


def test_staff_interview_training_branches() -> None:
    q = get_builtin("staff-interview-ri")
    yes = {x.id for x in q.visible_questions({"had-training": "yes"})}
    no = {x.id for x in q.visible_questions({"had-training": "no"})}
    assert {"training-what", "training-more"} <= yes - no
    assert "training-would-help" in no - yes
    groups = {o.label for o in q.question("groups-engaged").options}
    assert {
        "Young families",
        "Black and minority ethnic tenants",
        "Disabled tenants",
        "Leaseholders and shared owners",
    } <= groups


def test_get_builtin_unknown_lists_known_ids() -> None:
    with pytest.raises(KeyError) as info:
        get_builtin("staff")
    assert str(info.value) == (
        "No built-in questionnaire 'staff'. Built-in ones: desktop-review, mystery-shop, "
        "staff-interview-ri, tenant-interview."
    )


def test_questionnaire_module_uses_only_the_standard_library() -> None:
    code = (
        "import sys, tenant_inspect.questionnaire as q; q.builtin_questionnaires();"
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'textual', 'sqlmodel', 'sqlalchemy', 'pydantic', 'docx'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------------------
# A valid file and the parsed form
# ---------------------------------------------------------------------------

FULL = (
    HEAD
    + """\
description = "A test."

[[sections]]
id = "docs"
title = "Documents"
intro = "About the document."

[[sections.questions]]
id = "dated"
text = "Is it dated?"
type = "yes_no"
required = true
themes = ["pf-information", "impact"]
hint = "Look at the cover."

[[sections.questions]]
id = "when"
text = "What date?"
type = "date"
show_if = { question = "dated", equals = "yes" }

[[sections.questions]]
id = "kind"
text = "What kind?"
type = "choice"
options = ["Leaflet", { value = "strategy", label = "Strategy document" }]

[[sections.questions]]
id = "groups"
text = "Groups?"
type = "multi_choice"
options = ["Young families", "Disabled tenants", "Leaseholders"]

[[sections]]
id = "more"
title = "More"

[[sections.questions]]
id = "how"
text = "How?"
type = "text"
show_if = { question = "groups", in = ["Disabled tenants", "Leaseholders"] }

[[sections.questions]]
id = "rating"
text = "Rating"
type = "scale"
min = 0
max = 10
labels = ["Poor", "Excellent"]

[[sections.questions]]
id = "follow"
text = "Why so high?"
type = "number"
show_if = { question = "rating", in = ["9", "10"] }

[[sections.questions]]
id = "chain"
text = "Only when 'when' is shown and kind is strategy"
type = "text"
show_if = { question = "kind", equals = "strategy" }
"""
)


def test_parse_full_example() -> None:
    q = parse_questionnaire(FULL, "full.toml")
    assert (q.id, q.title, q.version, q.kind, q.audience, q.description) == (
        "mini",
        "Mini questionnaire",
        "1.0",
        "interview",
        "Staff",
        "A test.",
    )
    assert [s.id for s in q.sections] == ["docs", "more"]
    assert q.sections[0].intro == "About the document."
    assert q.sections[1].intro == ""
    assert [x.id for x in q.questions()] == [
        "dated",
        "when",
        "kind",
        "groups",
        "how",
        "rating",
        "follow",
        "chain",
    ]
    dated = q.question("dated")
    assert dated.required and dated.themes == ("pf-information", "impact")
    assert dated.hint == "Look at the cover."
    assert dated.section == "docs"
    assert dated.options == (Option("yes", "Yes"), Option("no", "No"))
    assert dated.line == line_of(FULL, "[[sections.questions]]", 1)
    assert q.question("kind").options == (
        Option("Leaflet", "Leaflet"),
        Option("strategy", "Strategy document"),
    )
    rating = q.question("rating")
    assert (rating.scale_min, rating.scale_max, rating.scale_labels) == (
        0,
        10,
        ("Poor", "Excellent"),
    )
    assert q.question("how").show_if == ShowIf(
        "groups", any_of=("Disabled tenants", "Leaseholders")
    )
    assert q.question("how").section == "more"
    assert q.index_of("how") == 4
    assert q.source_text == FULL
    assert q.source_name == "full.toml"
    assert q.sha256 == hashlib.sha256(FULL.encode()).hexdigest()
    with pytest.raises(KeyError, match="has no question 'nope'"):
        q.question("nope")
    with pytest.raises(KeyError):
        q.index_of("nope")


def test_questions_returns_a_copy() -> None:
    q = parse_questionnaire(FULL)
    q.questions().clear()
    assert len(q.questions()) == 8


# ---------------------------------------------------------------------------
# Visibility
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def full() -> Questionnaire:
    return parse_questionnaire(FULL)


def visible(q: Questionnaire, answers: dict[str, str]) -> list[str]:
    return [x.id for x in q.visible_questions(answers)]


def test_show_if_on_yes_no(full: Questionnaire) -> None:
    when = full.question("when")
    assert not full.is_visible(when, {})
    assert not full.is_visible(when, {"dated": ""})
    assert not full.is_visible(when, {"dated": "no"})
    assert full.is_visible(when, {"dated": "yes"})
    assert full.is_visible(full.question("dated"), {})


def test_show_if_on_choice(full: Questionnaire) -> None:
    chain = full.question("chain")
    assert full.is_visible(chain, {"kind": "strategy"})
    assert not full.is_visible(chain, {"kind": "Leaflet"})
    # The label is not the stored value.
    assert not full.is_visible(chain, {"kind": "Strategy document"})


def test_show_if_on_multi_choice(full: Questionnaire) -> None:
    how = full.question("how")
    assert full.is_visible(how, {"groups": '["Young families", "Leaseholders"]'})
    assert full.is_visible(how, {"groups": '["Disabled tenants"]'})
    assert not full.is_visible(how, {"groups": '["Young families"]'})
    assert not full.is_visible(how, {"groups": "[]"})
    assert not full.is_visible(how, {"groups": "[not json"})


def test_show_if_on_scale(full: Questionnaire) -> None:
    assert "follow" in visible(full, {"rating": "10"})
    assert "follow" not in visible(full, {"rating": "8"})


def test_visible_questions_in_order(full: Questionnaire) -> None:
    assert visible(full, {}) == ["dated", "kind", "groups", "rating"]
    assert visible(full, {"dated": "yes", "kind": "strategy"}) == [
        "dated",
        "when",
        "kind",
        "groups",
        "rating",
        "chain",
    ]


def test_hidden_question_hides_its_dependants() -> None:
    text = (
        VALID
        + """
[[sections.questions]]
id = "q2"
text = "Which?"
type = "choice"
options = ["A", "B"]
show_if = { question = "q1", equals = "yes" }

[[sections.questions]]
id = "q3"
text = "Why A?"
type = "text"
show_if = { question = "q2", equals = "A" }
"""
    )
    q = parse_questionnaire(text)
    assert visible(q, {"q1": "yes", "q2": "A"}) == ["q1", "q2", "q3"]
    # q1 changed to "no" after q2 was answered: the stale "A" must not show q3.
    assert visible(q, {"q1": "no", "q2": "A"}) == ["q1"]


def test_unanswered_required_skips_hidden_questions() -> None:
    text = VALID.replace('type = "yes_no"', 'type = "yes_no"\nrequired = true') + textwrap.dedent(
        """
        [[sections.questions]]
        id = "q2"
        text = "When?"
        type = "date"
        required = true
        show_if = { question = "q1", equals = "yes" }
        """
    )
    q = parse_questionnaire(text)
    assert [x.id for x in q.unanswered_required({})] == ["q1"]
    assert [x.id for x in q.unanswered_required({"q1": "no"})] == []
    assert [x.id for x in q.unanswered_required({"q1": "yes"})] == ["q2"]
    assert [x.id for x in q.unanswered_required({"q1": "yes", "q2": "2024-01-31"})] == []


def test_show_if_matches() -> None:
    cond = ShowIf("q", equals="x")
    assert cond.matches("x")
    assert not cond.matches(None)
    assert not cond.matches("")
    assert not cond.matches("y")
    assert cond.matches('["y", "x"]')
    assert ShowIf("q", any_of=("a", "b")).matches("b")
    assert ShowIf("q", any_of=("a", "b")).values == ("a", "b")


# ---------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------


def test_text_answers(full: Questionnaire) -> None:
    q = full.question("how")
    assert encode_answer(q, "  as typed  ") == "  as typed  "
    assert decode_answer(q, "anything [at] all") == "anything [at] all"
    assert validate_answer(q, "anything") is None


def test_yes_no_answers(full: Questionnaire) -> None:
    q = full.question("dated")
    assert encode_answer(q, True) == "yes"
    assert encode_answer(q, False) == "no"
    assert encode_answer(q, "Yes") == "yes"
    assert encode_answer(q, None) == ""
    assert decode_answer(q, "yes") is True
    assert decode_answer(q, "no") is False
    assert decode_answer(q, "") is None
    assert validate_answer(q, "maybe") == "Choose one of: Yes, No"
    assert validate_answer(q, "Yes") == "Choose one of: Yes, No"  # stored form is lower case
    with pytest.raises(ValueError, match="Choose one of: Yes, No"):
        encode_answer(q, "maybe")


def test_yes_no_built_by_hand_still_has_its_options() -> None:
    q = Question(id="x", text="X?", type="yes_no", section="s")
    assert validate_answer(q, "yes") is None
    assert encode_answer(q, True) == "yes"
    assert q.option_label("no") == "No"


def test_choice_answers(full: Questionnaire) -> None:
    q = full.question("kind")
    assert encode_answer(q, "strategy") == "strategy"
    assert encode_answer(q, "Strategy document") == "strategy"  # a label is accepted
    assert decode_answer(q, "Leaflet") == "Leaflet"
    assert validate_answer(q, "strategy") is None
    assert validate_answer(q, "Poster") == "Choose one of: Leaflet, Strategy document"
    with pytest.raises(ValueError):
        decode_answer(q, "Poster")
    assert q.option_label("strategy") == "Strategy document"


def test_multi_choice_answers(full: Questionnaire) -> None:
    q = full.question("groups")
    # Stored in option order whatever the order of ticking.
    assert encode_answer(q, ["Leaseholders", "Young families"]) == (
        '["Young families", "Leaseholders"]'
    )
    assert encode_answer(q, {"Disabled tenants"}) == '["Disabled tenants"]'
    assert encode_answer(q, "Leaseholders") == '["Leaseholders"]'
    assert encode_answer(q, []) == ""
    assert decode_answer(q, '["Young families", "Leaseholders"]') == [
        "Young families",
        "Leaseholders",
    ]
    assert validate_answer(q, '["Leaseholders"]') is None
    message = "Choose one or more of: Young families, Disabled tenants, Leaseholders"
    assert validate_answer(q, '["Pets"]') == message
    assert validate_answer(q, "Leaseholders") == message  # not a JSON list
    assert validate_answer(q, "[]") == message
    assert validate_answer(q, '["Leaseholders", "Leaseholders"]') == message
    with pytest.raises(ValueError, match="Choose one or more of"):
        encode_answer(q, ["Pets"])


def test_scale_answers(full: Questionnaire) -> None:
    q = full.question("rating")  # 0 to 10
    assert encode_answer(q, 7) == "7"
    assert encode_answer(q, "0") == "0"
    assert decode_answer(q, "10") == 10
    assert validate_answer(q, "11") == "Enter a whole number between 0 and 10"
    assert validate_answer(q, "3.5") == "Enter a whole number between 0 and 10"
    with pytest.raises(ValueError, match="between 0 and 10"):
        encode_answer(q, 11)
    with pytest.raises(ValueError):
        encode_answer(q, True)
    default = Question(id="s", text="S", type="scale", section="x")
    assert validate_answer(default, "6") == "Enter a whole number between 1 and 5"


def test_date_answers(full: Questionnaire) -> None:
    q = full.question("when")
    assert encode_answer(q, dt.date(2024, 3, 1)) == "2024-03-01"
    assert encode_answer(q, dt.datetime(2024, 3, 1, 15, 30)) == "2024-03-01"
    assert encode_answer(q, " 2024-03-01 ") == "2024-03-01"
    assert decode_answer(q, "2024-03-01") == dt.date(2024, 3, 1)
    for bad in ("01/03/2024", "20240301", "2024-02-30", "2024-3-1"):
        assert validate_answer(q, bad) == "Enter a date as YYYY-MM-DD", bad
    # Typed as people in the UK write it, stored in the one strict form.
    for typed in ("01/03/2024", "1 March 2024", "1 Mar 2024", "2024-3-1"):
        assert encode_answer(q, typed) == "2024-03-01", typed
    with pytest.raises(ValueError, match="14/06/2021 or 14 June 2021"):
        encode_answer(q, "30/02/2024")


def test_number_answers(full: Questionnaire) -> None:
    q = full.question("follow")
    assert encode_answer(q, 12) == "12"
    assert encode_answer(q, 3.5) == "3.5"
    assert encode_answer(q, Decimal("0.10")) == "0.10"
    assert encode_answer(q, "1,200") == "1200"
    assert encode_answer(q, "-4") == "-4"
    assert decode_answer(q, "3.5") == Decimal("3.5")
    message = "Enter a number, for example 12 or 3.5"
    for bad in ("twelve", "1e3", "12.", "", "nan"):
        assert validate_answer(q, bad) == (None if bad == "" else message), bad
    with pytest.raises(ValueError, match="Enter a number"):
        encode_answer(q, float("nan"))
    with pytest.raises(ValueError):
        encode_answer(q, True)


def test_empty_string_is_always_valid() -> None:
    for qtype in QUESTION_TYPES:
        options = (Option("a", "A"), Option("b", "B")) if qtype.endswith("choice") else ()
        q = Question(id="x", text="X", type=qtype, section="s", options=options)
        assert validate_answer(q, "") is None
        assert decode_answer(q, "") is None
        assert encode_answer(q, None) == ""


# ---------------------------------------------------------------------------
# Broken files: one case per kind of mistake
# ---------------------------------------------------------------------------


def q(body: str) -> str:
    """A file whose second question has ``body`` (id q2)."""
    return VALID + '\n[[sections.questions]]\nid = "q2"\n' + textwrap.dedent(body)


# (name, text, phrases the message must contain (the first also appears in the docs' table),
#  snippet on the expected line (None: no line), question id or None)
CASES: list[tuple[str, str, tuple[str, ...], str | None, str | None]] = [
    (
        "unknown top-level key",
        VALID.replace('audience = "Staff"\n', 'audience = "Staff"\ndescripton = "A test"\n'),
        ("at the top of the file.", "Unknown setting `descripton`", "Did you mean `description`?"),
        "descripton =",
        None,
    ),
    (
        "unknown section key",
        VALID.replace('title = "Section one"', 'title = "Section one"\nintr = "About"'),
        ("in a section.", "Section 's1': Unknown setting `intr`", "Did you mean `intro`?"),
        "intr =",
        None,
    ),
    (
        "unknown question key",
        q('text = "X"\ntype = "text"\nrequird = true\n'),
        (
            "in a question.",
            "Unknown setting `requird`",
            "Did you mean `required`?",
            "Allowed settings: id, text, type, hint, options, required, themes, show_if, "
            "min, max, labels.",
        ),
        "requird",
        "q2",
    ),
    (
        "questions at the top",
        VALID + '\n[[questions]]\nid = "q9"\n',
        ("Questions must sit inside a section",),
        "[[questions]]",
        None,
    ),
    (
        "missing title",
        VALID.replace('title = "Mini questionnaire"\n', ""),
        ("`title` is missing.",),
        None,
        None,
    ),
    (
        "missing question text",
        q('type = "text"\n'),
        ("Every question needs its wording in `text`.", "`text` is missing."),
        "[[sections.questions]]#2",
        "q2",
    ),
    (
        "missing question id",
        VALID + '\n[[sections.questions]]\ntext = "X"\ntype = "text"\n',
        ("is missing.", "`id` is missing.", "Question 2 in section 's1':"),
        "[[sections.questions]]#2",
        None,
    ),
    (
        "required not a bool",
        q('text = "X"\ntype = "text"\nrequired = "yes"\n'),
        ('`required` must be true or false, not "yes".',),
        'required = "yes"',
        "q2",
    ),
    (
        "version not text",
        VALID.replace('version = "1.0"', "version = 1.0"),
        ("must be text in quotes, not", "not 1.0.", 'Put it in quotes: version = "1.0".'),
        "version = 1.0",
        None,
    ),
    (
        "empty text",
        q('text = "  "\ntype = "text"\n'),
        ("is empty.", "`text` is empty."),
        'text = "  "',
        "q2",
    ),
    (
        "bad questionnaire id",
        VALID.replace('id = "mini"', 'id = "Mini Questionnaire"'),
        ("`id` must use only lowercase letters, digits and single hyphens",),
        'id = "Mini Questionnaire"',
        None,
    ),
    (
        "bad question id",
        VALID.replace('id = "q1"', 'id = "Q 1"'),
        ("`id` must use only lowercase letters, digits, hyphens and underscores",),
        'id = "Q 1"',
        "Q 1",
    ),
    (
        "duplicate question id",
        VALID + Q1,
        (
            "is used twice",
            "Question id 'q1' is used twice (lines 12 and 17).",
            "Each question needs its own id.",
        ),
        'id = "q1"#2',
        "q1",
    ),
    (
        "duplicate section id",
        VALID + SECTION + Q1.replace("q1", "q2"),
        ("Each section needs its own id.", "Section id 's1' is used twice (lines 8 and 17)."),
        'id = "s1"#2',
        None,
    ),
    (
        "unknown type",
        q('text = "X"\ntype = "yesno"\n'),
        (
            "Unknown question type",
            'Unknown question type "yesno". Did you mean "yes_no"?',
            "Allowed question types: text, yes_no, choice, multi_choice, scale, date, number.",
        ),
        'type = "yesno"',
        "q2",
    ),
    (
        "choice with one option",
        q('text = "X"\ntype = "choice"\noptions = ["Only"]\n'),
        ("needs at least 2 options", "A choice question needs at least 2 options"),
        "options =",
        "q2",
    ),
    (
        "multi_choice without options",
        q('text = "X"\ntype = "multi_choice"\n'),
        ("needs at least 2 options", "A multi_choice question"),
        "[[sections.questions]]#2",
        "q2",
    ),
    (
        "options on a text question",
        q('text = "X"\ntype = "text"\noptions = ["A", "B"]\n'),
        ("is only for choice and multi_choice questions", "not for a text question"),
        "options =",
        "q2",
    ),
    (
        "options on a yes_no question",
        q('text = "X"\ntype = "yes_no"\noptions = ["A", "B"]\n'),
        ("always offers Yes and No",),
        "options =",
        "q2",
    ),
    (
        "duplicate option values",
        q('text = "X"\ntype = "choice"\noptions = ["A", "B", { value = "A", label = "Also A" }]\n'),
        ("is listed twice. Each option needs its own value.", 'Option "A" is listed twice.'),
        "options =",
        "q2",
    ),
    (
        "option table without label",
        q('text = "X"\ntype = "choice"\noptions = [{ value = "a" }, "B"]\n'),
        ("as text in quotes (missing).", "Option 1 needs `label`"),
        "options =",
        "q2",
    ),
    (
        "option neither text nor table",
        q('text = "X"\ntype = "choice"\noptions = [1, "B", "C"]\n'),
        ("must be text in quotes or a table like", "Option 1"),
        "options =",
        "q2",
    ),
    (
        "scale min not below max",
        q('text = "X"\ntype = "scale"\nmin = 5\nmax = 1\n'),
        ("must be smaller than `max`", "`min` (5) must be smaller than `max` (1)."),
        "min = 5",
        "q2",
    ),
    (
        "scale too long",
        q('text = "X"\ntype = "scale"\nmin = 0\nmax = 100\n'),
        ("A scale can have at most 11 points",),
        "max = 100",
        "q2",
    ),
    (
        "scale min not a number",
        q('text = "X"\ntype = "scale"\nmin = "1"\n'),
        ("must be a whole number", '`min` must be a whole number, not "1".'),
        'min = "1"',
        "q2",
    ),
    (
        "scale labels wrong",
        q('text = "X"\ntype = "scale"\nlabels = ["Poor"]\n'),
        ("`labels` must be two texts, the low end first",),
        "labels =",
        "q2",
    ),
    (
        "min on a text question",
        q('text = "X"\ntype = "text"\nmin = 1\n'),
        ("is only for scale questions", "`min` is only for scale questions, not for a text"),
        "min = 1",
        "q2",
    ),
    (
        "unknown theme with a close match",
        q('text = "X"\ntype = "text"\nthemes = ["diversity", "acess-customer-care"]\n'),
        (
            "Unknown theme",
            "Unknown theme 'acess-customer-care'. Did you mean 'access-customer-care'?",
        ),
        "themes =",
        "q2",
    ),
    (
        "unknown theme without a close match",
        q('text = "X"\ntype = "text"\nthemes = ["zebra"]\n'),
        (
            "Known themes: access-customer-care, diversity, compacts,",
            "Unknown theme 'zebra'.",
            "pf-monitoring-impact.",
        ),
        "themes =",
        "q2",
    ),
    (
        "themes not a list",
        q('text = "X"\ntype = "text"\nthemes = "diversity"\n'),
        ("`themes` must be a list in square brackets", 'themes = ["diversity"]'),
        "themes =",
        "q2",
    ),
    (
        "show_if unknown question",
        q('text = "X"\ntype = "text"\nshow_if = { question = "q11", equals = "yes" }\n'),
        ("which is not a question in this file", "Did you mean 'q1'?"),
        "show_if =",
        "q2",
    ),
    (
        "show_if later question",
        VALID.replace(
            'type = "yes_no"\n', 'type = "text"\nshow_if = { question = "q2", equals = "x" }\n'
        )
        + '\n[[sections.questions]]\nid = "q2"\ntext = "X"\ntype = "text"\n',
        (
            "which comes later. A question can only depend on an earlier one.",
            "show_if refers to 'q2'",
        ),
        "show_if =",
        "q1",
    ),
    (
        "show_if itself",
        q('text = "X"\ntype = "text"\nshow_if = { question = "q2", equals = "x" }\n'),
        ("show_if refers to this question itself.",),
        "show_if =",
        "q2",
    ),
    (
        "show_if value not a yes_no answer",
        q('text = "X"\ntype = "text"\nshow_if = { question = "q1", equals = "Yes" }\n'),
        (
            "is not one of the answers to",
            "show_if value \"Yes\" is not one of the answers to 'q1'.",
            'Did you mean "yes"?',
            'Use one of: "yes", "no".',
        ),
        "show_if =",
        "q2",
    ),
    (
        "show_if value not a choice option",
        VALID + '\n[[sections.questions]]\nid = "q2"\ntext = "X"\ntype = "choice"\n'
        'options = ["Red", "Green"]\n'
        '\n[[sections.questions]]\nid = "q3"\ntext = "Y"\ntype = "text"\n'
        'show_if = { question = "q2", in = ["Red", "Blue"] }\n',
        ("is not one of the answers to", '"Blue"', 'Use one of: "Red", "Green".'),
        "show_if =",
        "q3",
    ),
    (
        "show_if value outside a scale",
        VALID + '\n[[sections.questions]]\nid = "q2"\ntext = "X"\ntype = "scale"\n'
        '\n[[sections.questions]]\nid = "q3"\ntext = "Y"\ntype = "text"\n'
        'show_if = { question = "q2", equals = "7" }\n',
        ("can never match", "'q2' is a scale from 1 to 5."),
        "show_if =",
        "q3",
    ),
    (
        "show_if equals a bool",
        q('text = "X"\ntype = "text"\nshow_if = { question = "q1", equals = true }\n'),
        ("show_if `equals` must be text in quotes", 'Write equals = "yes".'),
        "show_if =",
        "q2",
    ),
    (
        "show_if written as text",
        q('text = "X"\ntype = "text"\nshow_if = "q1 = yes"\n'),
        ("show_if must be written like",),
        "show_if =",
        "q2",
    ),
    (
        "show_if with equals and in",
        q(
            'text = "X"\ntype = "text"\n'
            'show_if = { question = "q1", equals = "yes", in = ["no"] }\n'
        ),
        ("show_if can use `equals` or `in`, not both.",),
        "show_if =",
        "q2",
    ),
    (
        "show_if without a value",
        q('text = "X"\ntype = "text"\nshow_if = { question = "q1" }\n'),
        ("show_if needs `equals",),
        "show_if =",
        "q2",
    ),
    (
        "show_if without question",
        q('text = "X"\ntype = "text"\nshow_if = { equals = "yes" }\n'),
        ("show_if needs `question`",),
        "show_if =",
        "q2",
    ),
    (
        "show_if unknown key",
        q('text = "X"\ntype = "text"\nshow_if = { question = "q1", equal = "yes" }\n'),
        ("in show_if.", "Unknown setting `equal` in show_if. Did you mean `equals`?"),
        "show_if =",
        "q2",
    ),
    (
        "sections not a list",
        HEAD + 'sections = "none"\n',
        ("`sections` must be a list of [[sections]] tables", 'not "none"'),
        "sections =",
        None,
    ),
    (
        "questions not tables",
        HEAD + SECTION + 'questions = ["q1"]\n',
        ("`questions` must be a list of [[sections.questions]] tables.", "Section 's1':"),
        "questions =",
        None,
    ),
    (
        "theme not text",
        q('text = "X"\ntype = "text"\nthemes = [3]\n'),
        ("Each theme must be text in quotes", "not 3."),
        "themes =",
        "q2",
    ),
    (
        "options not a list",
        q('text = "X"\ntype = "choice"\noptions = "A, B"\n'),
        ("`options` must be a list in square brackets", 'not "A, B".'),
        "options =",
        "q2",
    ),
    (
        "empty option",
        q('text = "X"\ntype = "choice"\noptions = ["A", " "]\n'),
        ("is empty.", "Option 2 is empty."),
        "options =",
        "q2",
    ),
    (
        "unknown option key",
        q('text = "X"\ntype = "choice"\noptions = [{ value = "a", lable = "A" }, "B"]\n'),
        ("An option can have: value, label.", "Unknown setting `lable` in option 1."),
        "options =",
        "q2",
    ),
    (
        "show_if question not text",
        q('text = "X"\ntype = "text"\nshow_if = { question = 1, equals = "yes" }\n'),
        ("show_if `question` must be text in quotes", "not 1."),
        "show_if =",
        "q2",
    ),
    (
        "show_if in not a list",
        q('text = "X"\ntype = "text"\nshow_if = { question = "q1", in = "yes" }\n'),
        ("show_if `in` must be a list of texts",),
        "show_if =",
        "q2",
    ),
    (
        "section title not text",
        VALID.replace('title = "Section one"', "title = 2"),
        ("must be text in quotes, not", "Section 's1': `title` must be text in quotes, not 2."),
        "title = 2",
        None,
    ),
    (
        "section without title",
        VALID.replace('title = "Section one"\n', ""),
        ("Every section needs a title.", "Section 's1': `title` is missing."),
        "[[sections]]",
        None,
    ),
    (
        "empty section",
        VALID + '\n[[sections]]\nid = "s2"\ntitle = "Two"\n',
        ("has no questions. Add at least one", "Section 's2' has no questions."),
        "[[sections]]#2",
        None,
    ),
    (
        "no sections",
        HEAD,
        ("The questionnaire has no sections.",),
        None,
        None,
    ),
    (
        "no questions at all",
        HEAD + SECTION,
        ("The questionnaire has no questions.",),
        None,
        None,
    ),
    (
        "unknown kind",
        VALID.replace('kind = "interview"', 'kind = "interviw"'),
        (
            "Unknown kind",
            'Unknown kind "interviw". Did you mean "interview"?',
            "Allowed kinds: document_review, interview, observation.",
        ),
        "kind =",
        None,
    ),
    (
        "missing kind",
        VALID.replace('kind = "interview"\n', ""),
        ("Use one of: document_review, interview, observation.", "`kind` is missing."),
        None,
        None,
    ),
    (
        "single-bracket sections",
        HEAD + SECTION.replace("[[sections]]", "[sections]"),
        ("Sections must be written [[sections]], with double square brackets",),
        "[sections]",
        None,
    ),
    (
        "single-bracket questions",
        HEAD + SECTION + Q1.replace("[[sections.questions]]", "[sections.questions]"),
        ("Questions must be written [[sections.questions]], with double square brackets",),
        "[sections.questions]",
        None,
    ),
]


def _expected_line(text: str, at: str | None) -> int | None:
    if at is None:
        return None
    snippet, _, nth = at.partition("#")
    return line_of(text, snippet, int(nth or 1))


@pytest.mark.parametrize(
    ("name", "text", "phrases", "at", "question"), CASES, ids=[c[0] for c in CASES]
)
def test_broken_file(
    name: str, text: str, phrases: tuple[str, ...], at: str | None, question: str | None
) -> None:
    found = problems_of(text)
    assert len(found) == 1, "\n".join(map(str, found))
    problem = found[0]
    for phrase in phrases:
        assert phrase in problem.message, f"{phrase!r} not in {problem.message!r}"
    assert problem.line == _expected_line(text, at)
    assert problem.question == question
    assert problem.source == "test.toml"


def test_every_case_phrase_is_in_the_docs_table() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    missing = [c[2][0] for c in CASES if c[2][0] not in docs]
    assert not missing, f"add these messages to {DOCS.name}: {missing}"


def test_docs_example_is_valid() -> None:
    """The full example in the documentation must itself load."""
    docs = DOCS.read_text(encoding="utf-8")
    start = docs.index("```toml\n") + len("```toml\n")
    example = docs[start : docs.index("```", start)]
    q = parse_questionnaire(example, "example.toml")
    assert q.questions()


def test_all_problems_are_reported_at_once() -> None:
    text = (
        HEAD.replace('kind = "interview"', 'kind = "chat"')
        + SECTION
        + """
[[sections.questions]]
id = "q1"
text = "One"
type = "yes_no"
requird = true

[[sections.questions]]
id = "q2"
text = "Two"
type = "choice"
options = ["Only one"]
themes = ["nope"]

[[sections.questions]]
id = "q1"
text = "Three"
type = "text"
show_if = { question = "q9", equals = "x" }
"""
    )
    with pytest.raises(QuestionnaireError) as info:
        parse_questionnaire(text, "many.toml")
    error = info.value
    assert len(error.problems) == 6
    report = str(error)
    assert report.startswith("6 problems in many.toml:\n  - line 4: Unknown kind")
    for expected in (
        "Unknown setting `requird`",
        "needs at least 2 options",
        "Unknown theme 'nope'",
        "Question id 'q1' is used twice",
        "show_if refers to 'q9'",
    ):
        assert expected in report
    assert report.count("\n  - ") == 6
    # Problems come in file order.
    lines = [p.line for p in error.problems]
    assert lines == sorted(lines)


def test_problem_wording_matches_the_documented_shape() -> None:
    text = VALID.replace(
        'type = "yes_no"\n', 'type = "text"\nshow_if = { question = "q9", equals = "x" }\n'
    )
    text += '\n[[sections.questions]]\nid = "q9"\ntext = "Later"\ntype = "text"\n'
    text = text.replace('id = "q1"', 'id = "q7"')
    (problem,) = problems_of(text, "staff.toml")
    assert str(problem) == (
        f"staff.toml, line {line_of(text, 'show_if')}, question 'q7': show_if refers to 'q9', "
        "which comes later. A question can only depend on an earlier one."
    )
    assert str(Problem("x.toml", "Whole file.")) == "x.toml: Whole file."
    one = QuestionnaireError([Problem("x.toml", "Whole file.")])
    assert str(one) == "1 problem in x.toml:\n  - Whole file."


def test_lines_found_for_inline_question_lists() -> None:
    """Files written without [[sections.questions]] headers still get lines for duplicates."""
    text = HEAD + textwrap.dedent(
        """
        [[sections]]
        id = "s1"
        title = "One"
        questions = [
          { id = "a", text = "A", type = "text" },
          { id = "a", text = "B", type = "text" },
        ]
        """
    )
    (problem,) = problems_of(text)
    assert problem.line == line_of(text, 'id = "a"', 2)
    assert "(lines 11 and 12)" in problem.message


def test_multiline_strings_do_not_confuse_line_numbers() -> None:
    text = (
        HEAD
        + SECTION
        + 'intro = """\nrequired = not a key\n[[sections.questions]]\n"""\n'
        + Q1
        + '\n[[sections.questions]]\nid = "q2"\ntext = "X"\ntype = "text"\nrequird = true\n'
    )
    (problem,) = problems_of(text)
    assert problem.line == line_of(text, "requird")


# ---------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------


def load_error(path: Path) -> QuestionnaireError:
    with pytest.raises(QuestionnaireError) as info:
        load_questionnaire_file(path)
    return info.value


def test_load_file(tmp_path: Path) -> None:
    path = tmp_path / "staff.toml"
    path.write_text(FULL, encoding="utf-8")
    q = load_questionnaire_file(path)
    assert q.source_name == "staff.toml"
    assert q.source_text == FULL
    assert load_questionnaire_file(str(path)) == q


def test_load_accepts_windows_line_endings_and_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "win.toml"
    path.write_bytes(b"\xef\xbb\xbf" + FULL.replace("\n", "\r\n").encode("utf-8"))
    q = load_questionnaire_file(path)
    # Same questionnaire, same fingerprint, whichever laptop saved it.
    assert q.sha256 == parse_questionnaire(FULL).sha256


def test_not_toml_reports_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(VALID.replace('title = "Section one"', "title = Section one"), "utf-8")
    error = load_error(path)
    (problem,) = error.problems
    assert problem.source == "broken.toml"
    assert problem.line == line_of(VALID, 'title = "Section one"')
    assert f"(line {problem.line}, column 9)" in problem.message
    assert problem.message.startswith("This is not a valid TOML file")
    assert "text must be in double quotes" in problem.message
    assert str(error).startswith("1 problem in broken.toml:\n  - line 9: This is not a valid")


def test_not_toml_at_end_of_file() -> None:
    (problem,) = problems_of(VALID + 'hint = "unfinished\n')
    assert problem.message.startswith("This is not a valid TOML file")
    assert problem.line is not None


def test_missing_file(tmp_path: Path) -> None:
    error = load_error(tmp_path / "nowhere.toml")
    (problem,) = error.problems
    assert problem.source == "nowhere.toml"
    assert problem.message == f"File not found: {tmp_path / 'nowhere.toml'}"


def test_folder_instead_of_file(tmp_path: Path) -> None:
    (problem,) = load_error(tmp_path).problems
    assert "is a folder, not a questionnaire file" in problem.message


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(VALID.replace("Is the document", "Is the café").encode("latin-1"))
    (problem,) = load_error(path).problems
    assert problem.message.startswith("The file is not saved as UTF-8 text")
    assert "save it again choosing the UTF-8 encoding" in problem.message
    assert problem.line == line_of(VALID, "Is the document")


def test_too_big(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_text(VALID + "# " + "x" * 1_100_000 + "\n", encoding="utf-8")
    (problem,) = load_error(path).problems
    assert problem.message.startswith("The file is too big to be a questionnaire")


@pytest.mark.parametrize(
    "text",
    ["", "\n", "[[sections]]\n"],
    ids=["empty", "blank", "only a header"],
)
def test_nearly_empty_files_list_what_is_missing(text: str) -> None:
    messages = [p.message for p in problems_of(text)]
    for key in ("id", "title", "version", "kind", "audience"):
        assert any(m.startswith(f"`{key}` is missing.") for m in messages), key


def test_kinds_and_types_are_the_documented_ones() -> None:
    assert KINDS == ("document_review", "interview", "observation")
    assert QUESTION_TYPES == ("text", "yes_no", "choice", "multi_choice", "scale", "date", "number")
    docs = DOCS.read_text(encoding="utf-8")
    for name in (*KINDS, *QUESTION_TYPES):
        assert f"`{name}`" in docs
