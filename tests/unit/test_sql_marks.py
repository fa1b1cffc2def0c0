"""Plain SQL written with ``?`` marks runs unchanged on sqlite3 and rewritten for psycopg."""

from __future__ import annotations

import sqlite3

import pytest

from tenant_inspect.sql_marks import for_paramstyle
from tenant_inspect.views.overview import INSPECTION_SQL


def test_sqlite_gets_the_very_same_text():
    sql = "SELECT '?' FROM t WHERE a = ? AND b LIKE '%x'"
    assert for_paramstyle(sql, "qmark") is sql


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("SELECT a FROM t WHERE id = ? AND b = ?", "SELECT a FROM t WHERE id = %s AND b = %s"),
        ("SELECT '?', \"?\" FROM t WHERE a = ?", "SELECT '?', \"?\" FROM t WHERE a = %s"),
        ("SELECT 'it''s ?' WHERE a LIKE '%' || ?", "SELECT 'it''s ?' WHERE a LIKE '%%' || %s"),
        ("SELECT 100 % 7", "SELECT 100 %% 7"),
    ],
)
def test_marks_become_format_marks_outside_quotes(sql, expected):
    assert for_paramstyle(sql, "pyformat") == expected
    assert for_paramstyle(sql, "format") == expected


def test_the_rewritten_readers_still_mean_the_same_on_sqlite():
    """The rewrite only changes marks: turned back by hand, SQLite runs it the same."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE inspection (id, title, landlord, topic, status, deleted_at)")
    conn.execute("INSERT INTO inspection VALUES ('ab%c', 't', 'l', '', 'planning', NULL)")
    back = for_paramstyle(INSPECTION_SQL, "format").replace("%s", "?").replace("%%", "%")
    assert back == INSPECTION_SQL
    assert conn.execute(back, ("ab/%%",)).fetchall() == [("ab%c", "t", "l", "", "planning")]
