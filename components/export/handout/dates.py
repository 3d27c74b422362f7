"""The dates of a handout's maps: a period's key moments, evenly spaced dates for the rest.

>>> from components.atlas.data import load_atlas
>>> handout_dates(load_atlas(FIXTURE_DIR), period("khalkhin-gol"), 4)
['1939-05-11', '1939-06-23', '1939-08-04', '1939-09-16']
"""

from __future__ import annotations

from components.atlas.data import Atlas
from components.atlas.guide import moments
from components.atlas.registry import PERIODS, Period
from components.atlas.timeline import day_number, iso_date

#: How many maps a handout holds: at least, at most, and when none is asked for.
MIN_MAPS, MAX_MAPS, DEFAULT_MAPS = 2, 6, 4


def period(period_id: str) -> Period:
    """The registry period ``period_id``.

    Raises
    ------
    ValueError
        Naming the unknown id and the known ones.

    Examples
    --------
    >>> period("khasan").start
    '1938-07-29'
    >>> period("boxer")
    Traceback (most recent call last):
    ...
    ValueError: unknown period 'boxer'; known: intervention, border, aid, khasan, khalkhin-gol
    """
    for found in PERIODS:
        if found.id == period_id:
            return found
    known = ", ".join(p.id for p in PERIODS)
    raise ValueError(f"unknown period {period_id!r}; known: {known}")


def _spread(values: list[int], count: int) -> list[int]:
    # ``count`` of ``values`` (sorted), first and last kept, the others evenly between
    if count >= len(values):
        return list(values)
    if count == 1:
        return [values[0]]
    return [values[round(i * (len(values) - 1) / (count - 1))] for i in range(count)]


def even_days(first: int, last: int, count: int) -> list[int]:
    """``count`` days evenly spaced from ``first`` to ``last``, both included.

    Examples
    --------
    >>> [iso_date(d) for d in even_days(day_number("1938-07-29"), day_number("1938-08-11"), 3)]
    ['1938-07-29', '1938-08-04', '1938-08-11']
    """
    if count == 1 or first == last:
        return [first] * count
    return [first + round(i * (last - first) / (count - 1)) for i in range(count)]


def fill_days(keys: list[int], first: int, last: int, count: int) -> list[int]:
    """``count`` distinct days from ``first`` to ``last``: the ``keys`` (spread out when too
    many), then evenly spaced days, each key taking the place of the even day nearest it.

    Examples
    --------
    >>> fill_days([14], 0, 30, 4)
    [0, 14, 20, 30]
    >>> fill_days([1, 2, 3, 4, 5, 6], 0, 30, 3)
    [1, 3, 6]
    >>> fill_days([], 0, 2, 4)
    [0, 1, 2]
    """
    keys = _spread(sorted(set(keys)), count)
    count = min(count, last - first + 1)  # a short period holds fewer distinct days
    even = even_days(first, last, count)
    for key in keys:
        if key in even or len(even) + len(keys) <= count:
            continue
        free = [d for d in even if d not in keys]
        even.remove(min(free, key=lambda d: abs(d - key)))
    days = sorted(set(keys) | set(even))
    while len(days) > count:  # an even day that fell on a key's neighbour's place
        days.remove(next(d for d in reversed(days) if d not in keys))
    return days


def handout_dates(atlas: Atlas, found: Period, count: int = DEFAULT_MAPS) -> list[str]:
    """The dates of ``count`` maps of ``found``: its key moments
    (:func:`components.atlas.guide.moments`), with evenly spaced dates filling the rest.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> handout_dates(load_atlas(FIXTURE_DIR), period("khasan"), 2)
    ['1938-07-29', '1938-08-11']
    """
    first, last = day_number(found.start), day_number(found.end)
    keys = [m["day"] for m in moments(atlas) if first <= m["day"] <= last]
    return [iso_date(d) for d in fill_days(keys, first, last, count)]
