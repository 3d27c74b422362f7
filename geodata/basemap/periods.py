"""Data types of the period borders: parts, periods, units, and ISO day checks.

Dates are inclusive ISO ``YYYY-MM-DD`` strings, never epoch numbers (the atlas starts in 1917).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from geodata.dates import ATLAS_SPAN

#: First and last day of the atlas (aliases of :data:`geodata.dates.ATLAS_SPAN`).
ATLAS_START, ATLAS_END = ATLAS_SPAN.start, ATLAS_SPAN.end
#: The languages every border unit is named in (the interface speaks en, zh and ja).
NAME_LANGS = ("en", "zh", "ja", "ru")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_day(value: object, what: str = "date") -> str:
    """Return ``value`` if it is an ISO ``YYYY-MM-DD`` calendar day; the error names ``what``.

    Examples
    --------
    >>> check_day("1932-03-01")
    '1932-03-01'
    >>> check_day("1932-3-1")
    Traceback (most recent call last):
    ...
    ValueError: date should be an ISO day YYYY-MM-DD, got '1932-3-1'
    """
    if not isinstance(value, str) or not _DAY.match(value):
        raise ValueError(f"{what} should be an ISO day YYYY-MM-DD, got {value!r}")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{what} is not a calendar day: {value!r}") from None
    return value


@dataclass(frozen=True)
class Part:
    """A building block: modern land faces, island groups, cut to a region.

    ``faces`` name seed points of :data:`geodata.basemap.regions.SEEDS`; ``islands`` is a
    region whose islands (land without land borders) are taken; ``within`` and ``outside``
    are regions the land is cut to or cut away from.
    """

    faces: tuple[str, ...] = ()
    islands: tuple[tuple[float, float], ...] = ()
    within: tuple[tuple[float, float], ...] = ()
    outside: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True)
class Period:
    """One span of a unit: inclusive ISO days, names, parts, what the span adds to the note,
    and the seed quotes (``{"document", "quote"}``) that state it, if any."""

    start: str
    end: str
    names: dict
    parts: tuple[str, ...]
    note: str = ""
    sources: tuple[dict, ...] = field(default=())


@dataclass(frozen=True)
class Unit:
    """A political unit drawn on the map, with its periods in date order."""

    id: str
    sovereign: str  # colour group: russia fer china manchukuo japan mongolia tuva occupation
    kind: str  # state, colony, leased, occupation
    label: tuple[float, float]
    note: str
    periods: tuple[Period, ...]
    overlay: bool = False


@dataclass(frozen=True)
class UnitPeriod:
    """One period of one unit, as :func:`borders_at` returns it."""

    id: str
    unit: str
    sovereign: str
    kind: str
    start: str
    end: str
    names: dict
    parts: tuple[str, ...]
    label: tuple[float, float]
    note: str
    overlay: bool
    approximate: bool = True
    sources: tuple[dict, ...] = ()
