"""Date expressions resolved against the publication date (issue 5): rules, boundaries, fallbacks."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.dates import EventDate, fallback_date, resolve_expression

D = dt.date
TUE = D(2024, 3, 5)  # a Tuesday

# (expression, publication date, expected ISO date, expected precision)
RESOLVED = [
    # weekdays: the most recent one on or before publication; the same day counts
    ("on Saturday", TUE, "2024-03-02", "day"),
    ("Saturday", TUE, "2024-03-02", "day"),
    ("on Tuesday", TUE, "2024-03-05", "day"),
    ("on Sunday", D(2024, 3, 3), "2024-03-03", "day"),
    ("last Sunday", D(2024, 3, 3), "2024-02-25", "day"),
    ("on Monday", D(2024, 1, 5), "2024-01-01", "day"),
    ("on Friday", D(2024, 1, 2), "2023-12-29", "day"),
    ("on Wednesday night", TUE, "2024-02-28", "day"),
    ("Thursday morning", D(2024, 3, 1), "2024-02-29", "day"),
    ("last Saturday", TUE, "2024-03-02", "day"),
    # days relative to publication, across month and year boundaries
    ("yesterday", D(2024, 3, 1), "2024-02-29", "day"),
    ("yesterday", D(2023, 3, 1), "2023-02-28", "day"),
    ("yesterday", D(2024, 1, 1), "2023-12-31", "day"),
    ("last night", TUE, "2024-03-04", "day"),
    ("today", TUE, "2024-03-05", "day"),
    ("the previous day", D(2024, 1, 1), "2023-12-31", "day"),
    ("a day earlier", TUE, "2024-03-04", "day"),
    ("the day before", TUE, "2024-03-04", "day"),
    ("three days ago", D(2024, 3, 2), "2024-02-28", "day"),
    ("2 days ago", D(2024, 1, 1), "2023-12-30", "day"),
    ("two weeks ago", TUE, "2024-02-20", "day"),
    ("last week", TUE, "2024-02-27", "day"),
    ("a week ago", D(2024, 1, 3), "2023-12-27", "day"),
    ("this week", TUE, "2024-03-05", "day"),
    ("the weekend", TUE, "2024-03-02", "day"),
    ("over the weekend", D(2024, 3, 4), "2024-03-02", "day"),
    # months
    ("last month", D(2024, 1, 5), "2023-12-01", "month"),
    ("last month", D(2024, 3, 31), "2024-02-01", "month"),
    ("late last month", D(2024, 1, 31), "2023-12-01", "month"),
    ("earlier this month", TUE, "2024-03-01", "month"),
    ("this month", D(2024, 1, 1), "2024-01-01", "month"),
    ("a month ago", D(2024, 1, 15), "2023-12-01", "month"),
    ("two months ago", D(2024, 2, 10), "2023-12-01", "month"),
    ("in March", TUE, "2024-03-01", "month"),
    ("in April", TUE, "2023-04-01", "month"),
    ("in December", D(2024, 1, 5), "2023-12-01", "month"),
    ("last March", TUE, "2023-03-01", "month"),
    ("mid-February", TUE, "2024-02-01", "month"),
    ("early January", D(2024, 1, 2), "2024-01-01", "month"),
    ("in March 2023", TUE, "2023-03-01", "month"),
    ("November 2023", D(2024, 1, 2), "2023-11-01", "month"),
    # years
    ("earlier this year", D(2024, 1, 2), "2024-01-01", "year"),
    ("Earlier in the year", D(2023, 6, 5), "2023-01-01", "year"),
    ("earlier in the month", D(2023, 6, 5), "2023-06-01", "month"),
    ("this year", D(2023, 12, 31), "2023-01-01", "year"),
    ("last year", D(2024, 1, 1), "2023-01-01", "year"),
    ("late last year", D(2024, 2, 1), "2023-01-01", "year"),
    ("a year ago", TUE, "2023-01-01", "year"),
    ("in 2023", TUE, "2023-01-01", "year"),
    ("1987", D(1987, 3, 2), "1987-01-01", "year"),
    # month and day without a year: the most recent one not after publication (+1 day for time zones)
    ("March 3", TUE, "2024-03-03", "day"),
    ("December 30", D(2024, 1, 2), "2023-12-30", "day"),
    ("Dec. 31", D(2024, 1, 1), "2023-12-31", "day"),
    ("January 2", D(2024, 1, 1), "2024-01-02", "day"),
    ("January 3", D(2024, 1, 1), "2023-01-03", "day"),
    ("March 10", TUE, "2023-03-10", "day"),
    ("3 March", TUE, "2024-03-03", "day"),
    ("on March 3rd", TUE, "2024-03-03", "day"),
    ("Feb 29", TUE, "2024-02-29", "day"),
    ("Feb 29", D(2023, 3, 1), "2020-02-29", "day"),
    ("Feb 26", D(1987, 3, 2), "1987-02-26", "day"),
    # absolute dates, through dateparser
    ("on March 3, 2024", TUE, "2024-03-03", "day"),
    ("3 March 2023", TUE, "2023-03-03", "day"),
    ("Tuesday, March 5", TUE, "2024-03-05", "day"),
    ("2024-03-01", TUE, "2024-03-01", "day"),
    ("03/01/2024", TUE, "2024-03-01", "day"),
    ("December 31, 2023", D(2024, 1, 1), "2023-12-31", "day"),
]


@pytest.mark.parametrize(("text", "published", "want", "precision"), RESOLVED)
def test_expression_resolves(text, published, want, precision):
    got = resolve_expression(text, published)
    assert got == EventDate(want, "text", precision, text)


# Vague, future, impossible or nonsense: no date from the text (the caller falls back to publication).
UNRESOLVED = [
    "the 1990s",
    "the '90s",
    "next year",
    "next week",
    "tomorrow",
    "in the coming months",
    "2099",
    "in 2025",
    "February 30",
    "32/13/2020",
    "two days",
    "decades",
    "asdf qwerty",
    "",
    "   ",
    "\x00\xff\xfe garbage \u202e",
    "March 32",
    "13/45/2021",
    "x" * 500,
]


@pytest.mark.parametrize("text", UNRESOLVED)
def test_bad_or_vague_expression_gives_no_date(text):
    assert resolve_expression(text, TUE) is None


def test_relative_expression_needs_a_publication_date():
    assert resolve_expression("last month", None) is None
    assert resolve_expression("on Saturday", None) is None
    assert resolve_expression("2023", None) == EventDate("2023-01-01", "text", "year", "2023")
    assert resolve_expression("March 3, 2021", None) == EventDate(
        "2021-03-03", "text", "day", "March 3, 2021"
    )


def test_datetime_publication_is_accepted():
    assert resolve_expression("yesterday", dt.datetime(2024, 3, 1, 23, 59)).date == "2024-02-29"


def test_fallback_says_its_basis():
    assert fallback_date(TUE) == EventDate("2024-03-05", "publication", "day")
    assert fallback_date(None) == EventDate(None, "unknown", None)


def test_non_string_input_never_raises():
    for bad in (None, 42, b"March 3", ["March"]):
        assert resolve_expression(bad, TUE) is None


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=60), published=st.dates(min_value=D(1950, 1, 1), max_value=D(2090, 12, 31)))
def test_any_text_never_raises_and_never_dates_the_future(text, published):
    got = resolve_expression(text, published)
    if got is not None:
        assert got.basis == "text"
        assert D.fromisoformat(got.date) <= published + dt.timedelta(days=1)
