"""Day numbers on the server: what the scene, the exports and the CLI compute with dates.

Dates are ISO strings everywhere; for arithmetic they become *day numbers*: days since
1900-01-01 in the proleptic Gregorian calendar, computed from year, month and day (never
epoch milliseconds, which many tools get wrong before 1970). The browser computes the same
in ``assets/fea-1-core.js`` (with all the motion arithmetic, which only it needs);
``tests/test_js_parity.py`` runs one table of cases from these functions through it.

>>> day_number("1900-01-01"), day_number("1939-08-20")
(0, 14475)
>>> iso_date(14475)
'1939-08-20'
"""

from __future__ import annotations

import re

_ISO = re.compile(r"^(-?\d{4,})-(\d{2})-(\d{2})$")
_EPOCH = 693901  # days_from_civil(1900, 1, 1) in the algorithm below


def _days_from_civil(y: int, m: int, d: int) -> int:
    # Howard Hinnant's days_from_civil, shifted so that 0000-03-01 is day 0.
    y -= m <= 2
    era = y // 400  # floor division: C's truncating form needs y - 399 here
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe


def day_number(iso: str) -> int:
    """Days since 1900-01-01 of the ISO day ``YYYY-MM-DD`` (negative before 1900).

    Parameters
    ----------
    iso : str
        A full ISO day.

    Raises
    ------
    ValueError
        When ``iso`` is not a real ``YYYY-MM-DD`` day, naming what it got.

    Examples
    --------
    >>> day_number("1918-08-15")
    6800
    >>> day_number("1899-12-31")
    -1
    """
    match = _ISO.match(str(iso).strip()) if isinstance(iso, str) else None
    if not match:
        raise ValueError(f"expected a date as YYYY-MM-DD, got {iso!r}")
    y, m, d = (int(g) for g in match.groups())
    if not (1 <= m <= 12 and 1 <= d <= _month_length(y, m)):
        raise ValueError(f"expected a real calendar date, got {iso!r}")
    return _days_from_civil(y, m, d) - _EPOCH


def _month_length(y: int, m: int) -> int:
    if m == 2:
        return 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28
    return 30 if m in (4, 6, 9, 11) else 31


def civil(day: int) -> tuple[int, int, int]:
    """Year, month and day of a day number (the inverse of :func:`day_number`).

    Examples
    --------
    >>> civil(0)
    (1900, 1, 1)
    """
    z = int(day) + _EPOCH
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return yoe + era * 400 + (m <= 2), m, d


def iso_date(day: int) -> str:
    """The ISO day of a day number.

    Examples
    --------
    >>> iso_date(-1), iso_date(day_number("-0044-03-15"))
    ('1899-12-31', '-0044-03-15')
    """
    y, m, d = civil(day)
    return f"{'-' if y < 0 else ''}{abs(y):04d}-{m:02d}-{d:02d}"


def add_months(day: int, months: int) -> int:
    """The same day of the month ``months`` later (clamped to the month's last day).

    Examples
    --------
    >>> iso_date(add_months(day_number("1938-01-31"), 1))
    '1938-02-28'
    """
    y, m, d = civil(day)
    index = y * 12 + (m - 1) + months
    y, m = index // 12, index % 12 + 1
    return _days_from_civil(y, m, min(d, _month_length(y, m))) - _EPOCH


#: English month names (Chinese and Japanese write 8月); :mod:`components.atlas.i18n` and the
#: scene take them from here.
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")  # fmt: skip


def format_date(iso: str, precision: str, lang: str) -> str:
    """A date as people write it, at the precision the source gives ("1918", "August 1918",
    "20 August 1918"; 1918年, 1918年8月, 1918年8月20日 in Chinese and Japanese).

    The browser writes the same (``formatDate`` in ``assets/fea-1-core.js``; the parity test
    runs these cases through it).

    Examples
    --------
    >>> format_date("1939-08-20", "day", "en"), format_date("1918-08-01", "month", "ja")
    ('20 August 1939', '1918年8月')
    >>> format_date("-0044-03-15", "day", "zh"), format_date("1918-01-01", "year", "en")
    ('-44年3月15日', '1918')
    """
    y, m, d = civil(day_number(iso))
    if lang in ("zh", "ja"):
        return (
            f"{y}年"
            + (f"{m}月" if precision in ("month", "day") else "")
            + (f"{d}日" if precision == "day" else "")
        )
    if precision == "year":
        return str(y)
    month = f"{MONTHS_EN[m - 1]} {y}"
    return month if precision == "month" else f"{d} {month}"


def format_span(start: str, end: str, precision: str, lang: str) -> str:
    """A feature's dates as people write them: one date when start and end read the same at
    the source's precision (a year-precision fact is "1918", never 1918-01-01 – 1918-12-31).

    Examples
    --------
    >>> format_span("1918-01-01", "1918-12-31", "year", "en")
    '1918'
    >>> format_span("1938-07-29", "1938-08-11", "day", "ja")
    '1938年7月29日 – 1938年8月11日'
    """
    first, last = format_date(start, precision, lang), format_date(end, precision, lang)
    return first if first == last else f"{first} – {last}"
