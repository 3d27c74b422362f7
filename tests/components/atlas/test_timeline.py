"""Day numbers and month steps on the server (the motion arithmetic is the engine's:
tests/js)."""

import datetime as dt

import pytest

from components.atlas.timeline import add_months, civil, day_number, iso_date


@pytest.mark.parametrize("iso", ["1900-01-01", "1917-11-07", "1939-08-20", "1945-12-31",
                                 "1899-12-31", "1600-02-29", "1969-12-31", "1970-01-01",
                                 "2000-02-29"])  # fmt: skip
def test_day_numbers_match_the_proleptic_calendar(iso):
    expected = (dt.date.fromisoformat(iso) - dt.date(1900, 1, 1)).days
    assert day_number(iso) == expected
    assert iso_date(expected) == iso
    assert civil(expected) == tuple(int(p) for p in iso.split("-"))


def test_day_numbers_run_on_across_every_day_before_1970():
    start = day_number("1916-12-25")
    days = [iso_date(start + i) for i in range(365 * 30)]
    assert days[0] == "1916-12-25"
    assert all(day_number(d) == start + i for i, d in enumerate(days))


@pytest.mark.parametrize("bad", ["1939-02-30", "1939-13-01", "1939-8-20", "", None, 1939])
def test_bad_dates_are_refused_with_what_was_given(bad):
    with pytest.raises(ValueError, match="got"):
        day_number(bad)


def test_month_steps_clamp_to_the_month_and_cross_years():
    assert iso_date(add_months(day_number("1939-01-31"), 1)) == "1939-02-28"
    assert iso_date(add_months(day_number("1939-12-15"), 1)) == "1940-01-15"
    assert iso_date(add_months(day_number("1940-03-31"), -1)) == "1940-02-29"
