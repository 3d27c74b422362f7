"""ISO dates with a precision, as the sources give them.

Dates stay ISO strings throughout the project (never epoch numbers: the atlas starts in 1917).
A source date may name a day, a month or a year; :func:`parse_date` turns it into the inclusive
day range it covers.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

PRECISIONS = ("day", "month", "year")
_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class DateSpan:
    """An inclusive day range with the precision the source gave."""

    start: str
    end: str
    precision: str


#: The span of the atlas, declared once: the slider, the borders, the CLI and the exports use it.
#: It runs from the first to the last date of the atlas' own layers: to the end of 1946, because
#: the air route Hami-Alma-Ata is cited to 1946 (``tests/geodata/test_dates.py`` checks the
#: built layers agree).
ATLAS_SPAN = DateSpan("1917-01-01", "1946-12-31", "year")


def parse_date(value: object) -> DateSpan:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` into the day range it covers.

    Parameters
    ----------
    value : str or datetime.date
        The date as written in a record. YAML may hand over a ``datetime.date``.

    Returns
    -------
    DateSpan
        First and last day (inclusive) and the precision.

    Raises
    ------
    ValueError
        When the value is not one of the three forms or is not a real date.

    Examples
    --------
    >>> parse_date("1918-08")
    DateSpan(start='1918-08-01', end='1918-08-31', precision='month')
    >>> parse_date("1922")
    DateSpan(start='1922-01-01', end='1922-12-31', precision='year')
    >>> parse_date("1939-08-20").precision
    'day'
    """
    if isinstance(value, dt.date):
        iso = value.isoformat()
        return DateSpan(iso, iso, "day")
    text = str(value).strip()
    match = _PATTERN.match(text)
    if not match:
        raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day is not None:
            iso = dt.date(year, month, day).isoformat()
            return DateSpan(iso, iso, "day")
        if month is not None:
            last = calendar.monthrange(year, month)[1]
            return DateSpan(
                dt.date(year, month, 1).isoformat(), dt.date(year, month, last).isoformat(), "month"
            )
        return DateSpan(f"{year:04d}-01-01", f"{year:04d}-12-31", "year")
    except ValueError as exc:
        raise ValueError(f"expected a real calendar date, got {value!r} ({exc})") from None


def day_before(iso: str) -> str:
    """The ISO day before ``iso``.

    Examples
    --------
    >>> day_before("1920-03-01")
    '1920-02-29'
    """
    return (dt.date.fromisoformat(iso) - dt.timedelta(days=1)).isoformat()


def next_day(iso: str) -> str:
    """The ISO day after ``iso``.

    Examples
    --------
    >>> next_day("1922-12-29")
    '1922-12-30'
    """
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=1)).isoformat()


def coarser(a: str, b: str) -> str:
    """The coarser of two precisions.

    Examples
    --------
    >>> coarser("day", "month")
    'month'
    """
    return a if PRECISIONS.index(a) >= PRECISIONS.index(b) else b
