"""Dates as people write them in their own files, turned into the pack's ISO days.

A date keeps the precision it was written with (day, month or year) and says whether it was
marked uncertain (``~1918``, ``1918?``, ``c. 1918``, EDTF's ``1918~``, ``1918%``). Years before
1970 and before year 1 are plain ISO 8601 extended years (``-0044-03-15``): dates stay strings,
never epoch numbers. ``-1`` and the empty string are "unknown" (published gazetteers write
``-1``), which the importers keep as undated rows.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass

#: Written for "unknown" in published files (the Gazetteer's data uses -1).
UNKNOWN = frozenset({"", "-1", "null", "none", "unknown", "nan", "?"})
_FAST = re.compile(
    r"^(?P<pre>~|c\.\s*|ca\.\s*|circa\s+|about\s+)?"
    r"(?P<y>[+-]?\d{1,6})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?"
    r"(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?(?P<post>[~?%])?$",
    re.I,
)
_MONTHS = {
    m.lower(): i
    for i, m in enumerate(("jan feb mar apr may jun jul aug sep oct nov dec").split(), start=1)
}
_FREE = re.compile(
    r"^(?:(?P<d1>\d{1,2})\s+)?(?P<mon>[a-z]{3,9})\.?(?:\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)?"
    r",?(?:\s+(?P<y>-?\d{1,4}))?$",
    re.I,
)


class DateError(ValueError):
    """A date that cannot be read; the message says what was expected and what was got."""


@dataclass(frozen=True)
class When:
    """An inclusive day range, the precision it was written with, and whether it is uncertain.

    ``precision`` is ``"day"``, ``"month"``, ``"year"`` or ``"none"`` (undated, given the pack's
    span).
    """

    start: str
    end: str
    precision: str
    approximate: bool = False


_ORDER = ("day", "month", "year", "none")


def iso_day(year: int, month: int, day: int) -> str:
    """The ISO 8601 day, with an extended year when before year 0 or after 9999.

    Examples
    --------
    >>> iso_day(1918, 8, 1), iso_day(-44, 3, 15), iso_day(0, 1, 1)
    ('1918-08-01', '-0044-03-15', '0000-01-01')
    """
    sign = "-" if year < 0 else ""
    return f"{sign}{abs(year):04d}-{month:02d}-{day:02d}"


def day_key(iso: str) -> tuple[int, int, int]:
    """A sortable key for an ISO day, extended years included (strings of them do not sort).

    Examples
    --------
    >>> day_key("-0044-03-15") < day_key("0001-01-01") < day_key("1918-08-01")
    True
    """
    sign = -1 if iso.startswith("-") else 1
    y, m, d = iso.lstrip("+-").split("-")
    return sign * int(y), int(m), int(d)


def _leap(year: int) -> bool:
    # proleptic Gregorian, astronomical years (year 0 is 1 BCE and a leap year)
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _month_days(year: int, month: int) -> int:
    return (
        29
        if month == 2 and _leap(year)
        else (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
    )


def _span(year: int, month: int | None, day: int | None, approx: bool, text: str) -> When:
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"expected a month 1-12, got {text!r}")
    if day is not None and not 1 <= day <= _month_days(year, month):
        raise DateError(f"expected a real calendar day, got {text!r}")
    if day is not None:
        iso = iso_day(year, month, day)
        return When(iso, iso, "day", approx)
    if month is not None:
        return When(
            iso_day(year, month, 1), iso_day(year, month, _month_days(year, month)), "month", approx
        )
    return When(iso_day(year, 1, 1), iso_day(year, 12, 31), "year", approx)


def is_unknown(value: object) -> bool:
    """True for an empty value or one of the forms files write for "unknown" (``-1``).

    Examples
    --------
    >>> is_unknown(""), is_unknown(-1), is_unknown(" -1 "), is_unknown("1918")
    (True, True, True, False)
    """
    if value is None:
        return True
    if isinstance(value, float) and value != value:  # NaN from a spreadsheet reader
        return True
    return str(value).strip().lower() in UNKNOWN


def parse_when(value: object) -> When | None:
    """Read one date: ISO day, month or year (extended years too), uncertain forms, EDTF.

    Parameters
    ----------
    value : str, int, datetime.date or None
        As the file gives it. Spreadsheet cells may be dates or numbers.

    Returns
    -------
    When or None
        ``None`` when the value is unknown (empty or ``-1``).

    Raises
    ------
    DateError
        When the value is not a date, naming what was expected and what was got.

    Examples
    --------
    >>> parse_when("1918-08")
    When(start='1918-08-01', end='1918-08-31', precision='month', approximate=False)
    >>> parse_when("-0044-03-15").start
    '-0044-03-15'
    >>> parse_when("~1918").approximate, parse_when("1918?").approximate
    (True, True)
    >>> parse_when("1918/1920").end
    '1920-12-31'
    >>> parse_when("-1") is None
    True
    >>> parse_when("next year")
    Traceback (most recent call last):
    ...
    geodata.imports.dates.DateError: expected a date as YYYY, YYYY-MM or YYYY-MM-DD (or EDTF), ...
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return When(value.isoformat(), value.isoformat(), "day")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if is_unknown(value):
        return None
    text = str(value).strip()
    match = _FAST.match(text)
    if match:
        y, m, d = (int(g) if g else None for g in match.group("y", "m", "d"))
        approx = bool(match.group("pre") or match.group("post"))
        return _span(y, m, d, approx, text)
    return _edtf(text)


def _edtf(text: str) -> When:
    """The rest of EDTF (intervals ``1918/1920``, unspecified digits ``191X``, ``Y-12000``)."""
    try:
        parsed = _edtf_parser()(text)
    except Exception:  # the EDTF parser raises its own and pyparsing's errors
        raise DateError(
            f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD (or EDTF), got {text!r}"
        ) from None
    try:
        lo, hi = parsed.lower_strict(), parsed.upper_strict()
    except Exception:  # an open interval ("1918/..") has no upper bound
        raise DateError(f"expected a date with both ends known, got {text!r}") from None
    start, end = (
        iso_day(lo.tm_year, lo.tm_mon, lo.tm_mday),
        iso_day(hi.tm_year, hi.tm_mon, hi.tm_mday),
    )
    precision = "day" if start == end else ("month" if start[:-3] == end[:-3] else "year")
    approx = bool(re.search(r"[~?%]|X", text))
    return When(start, end, precision, approx)


def _edtf_parser():
    # The edtf package builds its pyparsing grammar at import time, which emits
    # PyparsingDiagnosticWarning on recent pyparsing: harmless, and not ours to fix.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from edtf import parse_edtf
    return parse_edtf


def parse_range(start: object, end: object) -> When | None:
    """The span from ``start`` (its first day) to ``end`` (its last day); either may be unknown.

    Raises
    ------
    DateError
        When either is not a date, or the start comes after the end.

    Examples
    --------
    >>> parse_range("1918-08", "1922")
    When(start='1918-08-01', end='1922-12-31', precision='year', approximate=False)
    >>> parse_range("", "-1") is None
    True
    >>> parse_range("1499", "1491")
    Traceback (most recent call last):
    ...
    geodata.imports.dates.DateError: start '1499' is after end '1491'
    """
    a, b = parse_when(start), parse_when(end)
    if a is None or b is None:
        return a or b
    if day_key(a.start) > day_key(b.end):
        raise DateError(f"start {str(start).strip()!r} is after end {str(end).strip()!r}")
    precision = max(a.precision, b.precision, key=_ORDER.index)
    return When(a.start, b.end, precision, a.approximate or b.approximate)


def parse_free(text: str, year: int | None) -> tuple[When, bool]:
    """A free-text date as StoryMapJS slides write them: "1790", "Aug 23", "23 August 1918".

    Parameters
    ----------
    text : str
        The slide's date.
    year : int or None
        The year to give a date written without one (the overview slide's).

    Returns
    -------
    (When, bool)
        The date, and whether ``year`` was borrowed for it.

    Raises
    ------
    DateError
        When the text is no date, or has no year and none is given.

    Examples
    --------
    >>> parse_free("Aug 23", 2013)
    (When(start='2013-08-23', end='2013-08-23', precision='day', approximate=False), True)
    >>> parse_free("1790", None)[0].precision
    'year'
    """
    text = " ".join(str(text).split())
    try:
        found = parse_when(text)
        if found is not None:
            return found, False
    except DateError:
        pass
    match = _FREE.match(text)
    month = _MONTHS.get((match.group("mon") or "")[:3].lower()) if match else None
    if month is None:
        raise DateError(f"expected a date such as 1790, Aug 23 or 23 August 1918, got {text!r}")
    day = match.group("d1") or match.group("d2")
    written = match.group("y")
    if written is None and year is None:
        raise DateError(f"{text!r} gives no year and no overview slide gives one")
    when = _span(int(written) if written else year, month, int(day) if day else None, False, text)
    return when, written is None
