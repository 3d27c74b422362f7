"""Dates as written in users' files: precision, extended years, uncertain forms, EDTF."""

from __future__ import annotations

import datetime as dt

import pytest

from geodata.imports.dates import DateError, When, day_key, parse_free, parse_range, parse_when


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1918-08-12", When("1918-08-12", "1918-08-12", "day")),
        ("1918-08", When("1918-08-01", "1918-08-31", "month")),
        ("1900-02", When("1900-02-01", "1900-02-28", "month")),
        ("1600", When("1600-01-01", "1600-12-31", "year")),
        ("-0044-03-15", When("-0044-03-15", "-0044-03-15", "day")),
        ("-320", When("-0320-01-01", "-0320-12-31", "year")),
        ("0000-02", When("0000-02-01", "0000-02-29", "month")),  # year 0 (1 BCE) is leap
        ("~1918", When("1918-01-01", "1918-12-31", "year", True)),
        ("1918?", When("1918-01-01", "1918-12-31", "year", True)),
        ("1918-08~", When("1918-08-01", "1918-08-31", "month", True)),
        ("1918%", When("1918-01-01", "1918-12-31", "year", True)),
        ("c. 1918", When("1918-01-01", "1918-12-31", "year", True)),
        ("1918-08-12T06:00:00Z", When("1918-08-12", "1918-08-12", "day")),
        ("1918/1922", When("1918-01-01", "1922-12-31", "year")),
        ("191X", When("1910-01-01", "1919-12-31", "year", True)),
        (1918, When("1918-01-01", "1918-12-31", "year")),
        (1918.0, When("1918-01-01", "1918-12-31", "year")),
        (dt.datetime(1918, 8, 12), When("1918-08-12", "1918-08-12", "day")),
    ],
)
def test_parse_when(text, expected):
    assert parse_when(text) == expected


@pytest.mark.parametrize("text", ["", " ", "-1", -1, None, float("nan"), "unknown"])
def test_unknown_dates_are_none(text):
    assert parse_when(text) is None


@pytest.mark.parametrize("text", ["1918-13", "1918-02-30", "next year", "12/08/1918x"])
def test_bad_dates_name_what_they_got(text):
    with pytest.raises(DateError, match="expected"):
        parse_when(text)


def test_extended_years_sort_as_numbers_not_strings():
    days = ["1918-01-01", "-0044-03-15", "-0100-01-01", "0001-01-01"]
    assert sorted(days, key=day_key) == ["-0100-01-01", "-0044-03-15", "0001-01-01", "1918-01-01"]
    assert parse_range("-0100", "-0044").start == "-0100-01-01"
    with pytest.raises(DateError, match="after"):
        parse_range("-0044", "-0100")


def test_a_range_is_approximate_when_either_end_is():
    assert parse_range("1918~", "1922") == When("1918-01-01", "1922-12-31", "year", True)


@pytest.mark.parametrize(
    ("text", "year", "expected", "borrowed"),
    [
        ("Aug 23", 2013, "2013-08-23", True),
        ("August 23, 2005", 2013, "2005-08-23", False),
        ("23 August 1918", None, "1918-08-23", False),
        ("1790", None, "1790-01-01", False),
        ("Sept 1918", None, "1918-09-01", False),
    ],
)
def test_free_text_dates_of_story_slides(text, year, expected, borrowed):
    when, used = parse_free(text, year)
    assert (when.start, used) == (expected, borrowed)


def test_a_free_text_date_without_any_year_is_an_error():
    with pytest.raises(DateError, match="no year"):
        parse_free("Aug 23", None)
