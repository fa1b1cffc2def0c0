"""An XLSForm ``relevant`` expression as a ``show_if``, when it is a simple one.

``show_if`` shows a question when one earlier question has one of a few answers. The
``relevant`` expressions that say exactly that are comparisons joined by ``or``, all on the
same question: ``${q} = 'v'``, ``'v' = ${q}``, ``selected(${q}, 'v')``. Anything else
(``and``, ``!=``, ``>``, arithmetic, two questions) cannot be represented; the reader keeps
the question always shown and says so. The expression is split into tokens by pyxform's own
lexer (``pyxform.parsing.expression.parse_expression``), never by a lexer of ours.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Condition:
    """``relevant`` as one question's name and the answers (as written) that show it.

    ``selected`` says the expression used ``selected()``: one value then reads as
    ``show_if``'s ``in`` rather than ``equals``, so both forms come back as written.
    """

    name: str
    values: tuple[str, ...]
    selected: bool = False


def parse_relevant(expression: str) -> Condition | None:
    """The condition, or None when the expression is not a simple one."""
    from pyxform.parsing.expression import parse_expression

    try:
        tokens = [t for t in parse_expression(expression) if t.type != "WHITESPACE"]
    except Exception:  # lark's lexer errors: an expression it cannot read is not simple
        return None
    clauses: list[list[tuple[str, str]]] = [[]]
    for token in tokens:
        kind, text = token.type, str(token)
        if kind == "OPS_BOOL":
            if text.strip() != "or":
                return None
            clauses.append([])
        else:
            clauses[-1].append((kind, text))
    names: set[str] = set()
    values: list[str] = []
    selected = False
    for clause in clauses:
        found = _clause(clause)
        if found is None:
            return None
        names.add(found[0])
        selected = selected or clause[0][0] == "FUNC_CALL"
        if found[1] not in values:
            values.append(found[1])
    if len(names) != 1:
        return None
    return Condition(names.pop(), tuple(values), selected)


def _clause(clause: list[tuple[str, str]]) -> tuple[str, str] | None:
    kinds = [k for k, _ in clause]
    texts = [t for _, t in clause]
    if kinds == ["PYXFORM_REF", "OPS_COMP", "SYSTEM_LITERAL"] or kinds == [
        "PYXFORM_REF",
        "OPS_COMP",
        "NUMBER",
    ]:
        ref, op, value = texts
    elif kinds in (
        ["SYSTEM_LITERAL", "OPS_COMP", "PYXFORM_REF"],
        ["NUMBER", "OPS_COMP", "PYXFORM_REF"],
    ):
        value, op, ref = texts
    elif kinds == ["FUNC_CALL", "PYXFORM_REF", "COMMA", "SYSTEM_LITERAL", "CLOSE_PAREN"]:
        if texts[0].replace(" ", "") != "selected(":
            return None
        ref, value, op = texts[1], texts[3], "="
    else:
        return None
    if op.strip() != "=" or ref.startswith("${last-saved#"):
        return None
    if value[:1] in "'\"":
        value = value[1:-1]
    return ref[2:-1], value


def relevant_text(name: str, values: tuple[str, ...], equals: bool) -> str:
    """The ``relevant`` expression the writer puts for a ``show_if``: ``${q} = 'v'`` for
    ``equals``, ``selected(${q}, 'v') or …`` for ``in`` (ODK's test for a ticked option,
    which also works on a single choice)."""
    parts = []
    for value in values:
        quoted = f"'{value}'" if "'" not in value else f'"{value}"'
        parts.append(f"${{{name}}} = {quoted}" if equals else f"selected(${{{name}}}, {quoted})")
    return " or ".join(parts)
