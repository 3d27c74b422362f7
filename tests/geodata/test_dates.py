import pytest

from geodata.dates import coarser, day_before, parse_date


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("1918-08-15", "1918-08-15", "1918-08-15", "day"),
        ("1920-02", "1920-02-01", "1920-02-29", "month"),  # a leap year
        ("1918", "1918-01-01", "1918-12-31", "year"),
        ("1905-12", "1905-12-01", "1905-12-31", "month"),  # long before 1970
    ],
)
def test_parse_date_gives_the_inclusive_range(text, start, end, precision):
    span = parse_date(text)
    assert (span.start, span.end, span.precision) == (start, end, precision)


def test_parse_date_accepts_yaml_dates_and_years_as_numbers():
    import datetime

    assert parse_date(datetime.date(1939, 8, 20)).start == "1939-08-20"
    assert parse_date(1939).end == "1939-12-31"


@pytest.mark.parametrize("bad", ["1918-13-01", "1918-02-30", "Aug 1918", "18-08-01", ""])
def test_parse_date_rejects_what_is_not_a_date(bad):
    with pytest.raises(ValueError, match="expected"):
        parse_date(bad)


def test_day_before_and_coarser():
    assert day_before("1918-01-01") == "1917-12-31"
    assert coarser("year", "day") == "year"
