"""Typed dates: the forms people in the UK write, one parser for every form."""

from __future__ import annotations

from datetime import date

import pytest

from tenant_inspect.dates import parse_day, show_day

JUNE_14 = date(2021, 6, 14)


@pytest.mark.parametrize(
    "text",
    [
        "2021-06-14",
        "14/06/2021",
        "14/6/2021",
        " 14.06.2021 ",
        "14-06-2021",
        "14 June 2021",
        "14 june 2021",
        "14 Jun 2021",
        "14 Jun. 2021",
        "14th June 2021",
        "14 June, 2021",
    ],
)
def test_the_ways_people_write_a_date(text):
    assert parse_day(text) == JUNE_14


def test_day_comes_first():
    assert parse_day("03/04/2025") == date(2025, 4, 3)


@pytest.mark.parametrize(
    "text", ["", "yesterday", "31/02/2021", "14 Ju 2021", "14 Jungle 2021", "14/06/21", "20210614"]
)
def test_not_dates(text):
    with pytest.raises(ValueError):
        parse_day(text)


def test_shown_in_words():
    assert show_day(JUNE_14) == "14 June 2021"
    assert show_day(date(2025, 3, 1)) == "1 March 2025"
    assert parse_day(show_day(JUNE_14)) == JUNE_14


def test_within_and_span_words():
    from tenant_inspect.dates import span_words, within

    start, end = date(2025, 3, 3), date(2025, 3, 14)
    assert within(start, start, end) and within(end, start, end)
    assert not within(date(2025, 3, 15), start, end)
    assert within(date(2030, 1, 1), start, None) and within(date(2000, 1, 1), None, None)
    assert span_words(start, end) == "3 March 2025 to 14 March 2025"
    assert span_words(start, None) == "from 3 March 2025"
    assert span_words(None, end) == "until 14 March 2025"
    assert span_words(None, None) == ""


def test_short_form_fits_a_list_column():
    from tenant_inspect.dates import show_day_short

    assert show_day_short(JUNE_14) == "14 Jun 2021"
    assert max(len(show_day_short(date(2021, m, 28))) for m in range(1, 13)) <= 11
    assert parse_day(show_day_short(date(2021, 9, 30))) == date(2021, 9, 30)
