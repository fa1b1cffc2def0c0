"""Hostile questionnaire files: nesting deep enough to crash a parser, and control characters.

A questionnaire nests lists and tables three or four deep. A file nesting them hundreds deep
is not a questionnaire (it is damage, or an attack on the parser): it is refused with the
file and the line, before ``tomllib`` sees it, on every path that reads questionnaire text
(``questionnaires validate``, kits and return files, stored copies).

Control characters (ESC sequences, bidi overrides) in a questionnaire's texts are removed
when it is read, so nothing shown from it can drive a terminal; ids are never altered, so an
id holding one is refused by the id rule.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tenant_inspect.questionnaire import (
    Questionnaire,
    QuestionnaireError,
    get_builtin,
    parse_questionnaire,
)
from tenant_inspect.questionnaire.untrusted import MAX_NESTING, nesting_problem

HEAD = """\
id = "hostile"
title = "Hostile"
version = "1.0"
kind = "interview"
audience = "Staff"
"""
BODY = """
[[sections]]
id = "s1"
title = "Section one"

[[sections.questions]]
id = "q1"
text = "What?"
type = "text"
"""


def refusal(text: str, source: str = "bank.toml") -> QuestionnaireError:
    with pytest.raises(QuestionnaireError) as info:
        parse_questionnaire(text, source)
    return info.value


# -- nesting ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("[", "]"), ("{a = ", "}"), ("[{a = ", "}]")],
    ids=["lists", "inline tables", "both"],
)
def test_deep_nesting_is_refused_with_file_and_line(opening: str, closing: str) -> None:
    text = HEAD + "description = " + opening * 1000 + "1" + closing * 1000 + "\n" + BODY
    error = refusal(text)
    [problem] = error.problems
    assert problem.line == 6
    assert str(problem).startswith(
        f"bank.toml, line 6: The file nests lists or tables more than {MAX_NESTING} deep"
    )
    assert "a questionnaire never needs that" in problem.message


def test_nesting_is_found_on_the_line_where_it_gets_too_deep() -> None:
    lines = ["x = [" for _ in range(MAX_NESTING)] + ["[1]"] + ["]" for _ in range(MAX_NESTING)]
    text = "\n".join(lines) + "\n"
    assert nesting_problem(text) == MAX_NESTING + 1
    fits = lines[:MAX_NESTING] + lines[MAX_NESTING + 1 :]
    assert nesting_problem("\n".join(fits) + "\n") is None


@pytest.mark.parametrize(
    "where",
    [
        'text = "' + "[" * 200 + '"',
        "text = '" + "{" * 200 + "'",
        'text = """\n' + "[" * 200 + '\n"""',
        "text = '''\n" + "{" * 200 + "'''",
        'text = "\\"' + "[" * 200 + '"',
        '# a comment [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\ntext = "x"',
        'text = """ends with quotes: ' + "[" * 200 + ' """""',
    ],
    ids=[
        "basic",
        "literal",
        "multiline",
        "multiline literal",
        "escaped quote",
        "comment",
        "quotes",
    ],
)
def test_brackets_in_texts_and_comments_do_not_count(where: str) -> None:
    text = HEAD + BODY.replace('text = "What?"', where)
    assert nesting_problem(text) is None
    parse_questionnaire(text, "bank.toml")


def test_deep_dotted_keys_are_refused_not_walked_into_a_crash() -> None:
    """Dotted keys nest tables without brackets; the walk over the parsed data stops too."""
    text = HEAD + ".".join(["a"] * 5000) + " = 1\n" + BODY
    error = refusal(text)
    assert any(f"more than {MAX_NESTING} deep" in p.message for p in error.problems)
    assert [p.line for p in error.problems if "deep" in p.message] == [6]


def test_validate_refuses_deep_nesting_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bank.toml"
    path.write_text(HEAD + "x = " + "[" * 1000 + "]" * 1000 + "\n" + BODY, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "tenant_inspect", "questionnaires", "validate", str(path)],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=120,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "RecursionError" not in done.stderr
    assert "bank.toml" in done.stderr
    assert f"line 6: The file nests lists or tables more than {MAX_NESTING} deep" in done.stderr


def test_bundles_use_the_same_check() -> None:
    """Kits and return files parse their questionnaire texts with the shared reader."""
    from tenant_inspect.bundle.verify import parse_bundled_questionnaire

    text = HEAD + "x = " + "{a = " * 1000 + "1" + "}" * 1000 + "\n" + BODY
    sha = hashlib.sha256(text.encode()).hexdigest()
    with pytest.raises(QuestionnaireError) as info:
        parse_bundled_questionnaire(text, f"questionnaires/{sha}.toml", sha)
    assert f"more than {MAX_NESTING} deep" in info.value.summary
    assert info.value.summary.startswith("line 6: ")


def test_a_bundle_with_a_deep_questionnaire_is_refused_as_invalid_not_damaged(tmp_path):
    from bundle_helpers import (
        export,
        import_ok,
        laptop,
        make_team_inspection,
        read_members,
        rows,
        set_rows,
        write_members,
    )

    from tenant_inspect.bundle import BundleRefused
    from tenant_inspect.merge import import_bundle

    coord = laptop(tmp_path, "coord")
    team = make_team_inspection(coord)
    good = export(coord, team.inspection, tmp_path / "kit.zip")
    coord.close()
    members = read_members(good)
    name = next(n for n in members if n.startswith("questionnaires/"))
    text = HEAD.encode() + b"x = " + b"[" * 1000 + b"]" * 1000 + b"\n" + BODY.encode()
    sha = hashlib.sha256(text).hexdigest()
    del members[name]
    members[f"questionnaires/{sha}.toml"] = text
    data = rows(members, "questionnaire_copy")
    data[0]["sha256"] = sha
    set_rows(members, "questionnaire_copy", data)
    bad = write_members(tmp_path / "bad.zip", members)
    target = laptop(tmp_path, "target")
    try:
        with pytest.raises(BundleRefused) as info:
            import_bundle(target, bad, allow_new=True)
        message = str(info.value)
        assert "recursion" not in message and "damaged" not in message, message
        assert "is not a valid questionnaire" in message
        import_ok(target, good, allow_new=True)  # the same kit, undamaged, still imports
    finally:
        target.close()


# -- control characters ---------------------------------------------------------------------

#: As a TOML file can hold them: C0 controls escaped (raw ones are not TOML), C1 controls and
#: bidi overrides raw.
HOSTILE = "\\u001b]0;pwned\\u0007\\u001b[2J\u202e\x9b"


def hostile_bank() -> str:
    return f'''\
id = "hostile"
title = "Staff{HOSTILE} interview"
version = "1.0{HOSTILE}"
kind = "interview"
audience = "Staff\\u001b[31m"
description = """
First line\\u0007
Second line{HOSTILE}"""

[[sections]]
id = "s1"
title = "Section\\u001b one"
intro = "Say hello.\\u001b[2J\\nThen start."

[[sections.questions]]
id = "q1"
text = "What{HOSTILE}?"
type = "choice"
hint = "Look\\u009b for\\tit"
options = ["A\\u001b", {{ value = "b\\u202e", label = "B\\u0000\\nb" }}]

[[sections.questions]]
id = "q2"
text = "Why?"
type = "scale"
labels = ["Low\\u001b[1m", "High"]
show_if = {{ question = "q1", equals = "b\\u202e" }}
'''


def everything_shown(q: Questionnaire) -> list[str]:
    texts = [q.title, q.version, q.audience, q.description]
    for s in q.sections:
        texts += [s.title, s.intro]
        for question in s.questions:
            texts += [question.text, question.hint, *question.themes]
            texts += [t for o in question.options for t in (o.value, o.label)]
            texts += list(question.scale_labels or ())
            if question.show_if is not None:
                texts += list(question.show_if.values)
    return texts


def test_control_characters_are_removed_from_every_text() -> None:
    q = parse_questionnaire(hostile_bank(), "bank.toml")
    for text in everything_shown(q):
        assert not any(ord(c) < 0x20 and c not in "\n\t" for c in text), repr(text)
        assert not any(0x7F <= ord(c) <= 0x9F or c == "\u202e" for c in text), repr(text)
    assert q.title == "Staff]0;pwned[2J interview"
    assert q.description == "First line\nSecond line]0;pwned[2J"  # several lines allowed
    assert q.sections[0].intro == "Say hello.[2J\nThen start."
    first = q.questions()[0]
    assert first.hint == "Look for\tit"
    assert [(o.value, o.label) for o in first.options] == [("A", "A"), ("b", "B b")]
    # The condition was cleaned the same way as the option it names, so it still matches.
    assert q.questions()[1].show_if is not None
    assert q.questions()[1].show_if.values == ("b",)
    # The text kept for kits is the file as written: its fingerprint does not change.
    assert q.source_text == hostile_bank()


def test_an_id_with_a_control_character_is_refused_not_altered() -> None:
    text = HEAD + BODY.replace('id = "q1"', 'id = "q\\u001b1"')
    [problem] = refusal(text).problems
    assert "`id` must use only" in problem.message
    assert "\x1b" not in str(problem)
    text = HEAD + BODY.replace('id = "q1"', 'id = "q1\\n"')
    assert "`id` must use only" in refusal(text).problems[0].message


def test_messages_never_carry_raw_control_characters() -> None:
    text = HEAD + '"ti\\u009btle\\u001b]0;x\\u0007" = "x"\n' + BODY
    error = refusal(text)
    shown = str(error)
    assert "Unknown setting" in shown
    assert not any(c in shown for c in "\x1b\x07\x9b"), repr(shown)
    assert "\\x9b" in shown


def test_builtins_are_unchanged_by_cleaning() -> None:
    q = get_builtin("staff-interview-ri")
    assert q.description.count("\n") >= 1
    assert all(t == t.strip("\x1b") for t in everything_shown(q))
