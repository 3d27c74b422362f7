"""Time on the atlas: proleptic day numbers, the timeline state, and moving things along.

Dates are ISO strings everywhere; for arithmetic they become *day numbers*: days since
1900-01-01 in the proleptic Gregorian calendar, computed from year, month and day (never
epoch milliseconds, which many tools get wrong before 1970). ``assets/atlas.js`` mirrors
these functions for the browser, where each step of the slider is computed.

>>> day_number("1900-01-01"), day_number("1939-08-20")
(0, 14475)
>>> iso_date(14475)
'1939-08-20'
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

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


def step(day: int, speed: str | int, direction: int = 1) -> int:
    """The day one step of ``speed`` (``day``, ``week``, ``month`` or a day count) away.

    Examples
    --------
    >>> iso_date(step(day_number("1939-08-20"), "week"))
    '1939-08-27'
    >>> iso_date(step(day_number("1939-08-20"), "month", -1))
    '1939-07-20'
    """
    if speed == "month":
        return add_months(day, direction)
    days = {"day": 1, "week": 7}.get(speed, speed)
    if not isinstance(days, int) or isinstance(days, bool):
        raise ValueError(
            f"expected a speed of 'day', 'week', 'month' or a day count, got {speed!r}"
        )
    return day + direction * days


def position_at(
    track: Sequence[Sequence[float]], end: int, day: int, transit: int | None = None
) -> tuple[float, float] | None:
    """Where a unit stands on ``day``, moving smoothly between dated waypoints.

    Parameters
    ----------
    track : sequence of (day, lon, lat)
        The waypoints in time order: the unit is at each one from its day on.
    end : int
        The last day the unit is on the map.
    day : int
        The day asked about.
    transit : int, optional
        Days the move to the next waypoint takes at most: the unit stays put until then and
        arrives on the next waypoint's day. None: it moves over the whole interval.

    Returns
    -------
    tuple of (lon, lat) or None
        None before the first waypoint and after ``end``; the last waypoint's position
        between the last waypoint and ``end``.

    Examples
    --------
    >>> track = [(0, 130.0, 40.0), (10, 140.0, 50.0)]
    >>> position_at(track, 20, 5)
    (135.0, 45.0)
    >>> position_at(track, 20, 5, transit=4), position_at(track, 20, 8, transit=4)
    ((130.0, 40.0), (135.0, 45.0))
    >>> position_at(track, 20, 15), position_at(track, 20, -1), position_at(track, 20, 21)
    ((140.0, 50.0), None, None)
    """
    if not track or day < track[0][0] or day > end:
        return None
    for (d0, x0, y0), (d1, x1, y1) in zip(track, track[1:], strict=False):
        if d0 <= day < d1:
            depart = d0 if transit is None else max(d0, d1 - transit)
            if day <= depart:
                return (float(x0), float(y0))
            f = (day - depart) / (d1 - depart)
            return (x0 + (x1 - x0) * f, y0 + (y1 - y0) * f)
    return (float(track[-1][1]), float(track[-1][2]))


def cumulative(path: Sequence[Sequence[float]]) -> list[float]:
    """Fractions of the way along a lon/lat polyline at each vertex (0 to 1).

    Lengths are planar with longitude scaled by the cosine of latitude: good enough for
    placing a marker along a route.

    Examples
    --------
    >>> cumulative([(0, 0), (1, 0), (3, 0)])
    [0.0, 0.3333, 1.0]
    """
    lengths = [0.0]
    for (x0, y0), (x1, y1) in zip(path, path[1:], strict=False):
        k = math.cos(math.radians((y0 + y1) / 2))
        lengths.append(lengths[-1] + math.hypot((x1 - x0) * k, y1 - y0))
    total = lengths[-1] or 1.0
    return [round(length / total, 4) for length in lengths]


def point_along(path, cum, fraction: float) -> tuple[float, float]:
    """The point ``fraction`` (0 to 1) of the way along ``path`` with vertex fractions ``cum``.

    Examples
    --------
    >>> point_along([(0, 0), (1, 0), (3, 0)], [0.0, 1 / 3, 1.0], 2 / 3)
    (2.0, 0.0)
    """
    fraction = min(max(fraction, 0.0), 1.0)
    for i in range(1, len(path)):
        if fraction <= cum[i] or i == len(path) - 1:
            span = (cum[i] - cum[i - 1]) or 1.0
            f = (fraction - cum[i - 1]) / span
            (x0, y0), (x1, y1) = path[i - 1], path[i]
            return (x0 + (x1 - x0) * f, y0 + (y1 - y0) * f)
    return (float(path[0][0]), float(path[0][1]))


def travel_fraction(start: int, end: int, day: int) -> float | None:
    """How far along its route a shipment is on ``day``; None outside ``[start, end]``.

    Examples
    --------
    >>> travel_fraction(10, 20, 15), travel_fraction(10, 20, 21)
    (0.5, None)
    """
    if day < start or day > end:
        return None
    return 1.0 if end == start else (day - start) / (end - start)


def event_phase(start: int, end: int, day: int, before: int, after: int) -> int:
    """0: not shown; 1: shown faded (shortly before or after); 2: happening.

    Examples
    --------
    >>> [event_phase(10, 12, d, 2, 5) for d in (7, 8, 11, 17, 18)]
    [0, 1, 2, 1, 0]
    """
    if start <= day <= end:
        return 2
    return 1 if start - before <= day <= end + after else 0


def timeline_state(day: int, first: int, last: int, speed: str = "week", playing=False) -> dict:
    """The one timeline state object kept in the page's ``dcc.Store``.

    Examples
    --------
    >>> timeline_state(5, 0, 10)
    {'day': 5, 'min': 0, 'max': 10, 'speed': 'week', 'playing': False}
    """
    day = min(max(int(day), first), last)
    return {"day": day, "min": first, "max": last, "speed": speed, "playing": bool(playing)}
