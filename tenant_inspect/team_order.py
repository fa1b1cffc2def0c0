"""The order a team is listed in, everywhere: position, then name (case aside), then id.

Why one function: the Team screen, the dashboard, the report, the spreadsheets and the rule
for who "the coordinator" is (the first coordinator in this order) all sort members, some
from ORM objects and some from plain-SQL rows; five copies of the key could drift apart.
Imports nothing.
"""

from __future__ import annotations


def team_order(position: int, name: str, member_id: str) -> tuple[int, str, str]:
    """The sort key of one team member."""
    return (position, name.lower(), member_id)
