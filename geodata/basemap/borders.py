"""The political units of 1917-1946: the building blocks of their shapes, and the period lookup.

The units themselves are cited data in ``borders.yaml`` (read by :mod:`geodata.basemap.units`):
each has one or more periods (inclusive ISO ``YYYY-MM-DD`` days, never epoch numbers), names in
the four languages, the building blocks (:data:`PARTS`, declared here: geometry, not history)
its shape is made of, a label point, a note on how the shape was drawn and, where a seed states
it, a quote. Every shape is approximate. Shapes are derived in :mod:`geodata.basemap.shapes`: a
unit takes the land of its parts less the land of every unit listed before it in :data:`UNITS`
that exists on the same day (``overlay`` units, occupations drawn over a state, take nothing
away)."""

from __future__ import annotations

from geodata.basemap import regions as R
from geodata.basemap.periods import ATLAS_END, ATLAS_START, Part, UnitPeriod, check_day
from geodata.basemap.units import BORDERS_FILE, load_units
from geodata.dates import next_day


def _t(points) -> tuple[tuple[float, float], ...]:
    return tuple(tuple(p) for p in points)


SOVIET_FACES = ("RUS", "KAZ", "UZB", "KGZ", "AZE")  # RUS also holds Georgia and Armenia
PARTS = {
    "soviet-core": Part(SOVIET_FACES + ("UKR", "BLR"), _t(R.RUSSIA_ISLANDS),
                        outside=_t(R.WEST_OF_RIGA_LINE)),
    "west-ukraine-belarus": Part(("UKR", "BLR"), within=_t(R.WEST_OF_RIGA_LINE)),
    "bessarabia": Part(("MDA",)),
    "baltic": Part(("EST", "LVA")),  # the LVA face also holds Lithuania
    "fer-lands": Part(("RUS",), _t(R.RUSSIA_ISLANDS), within=_t(R.FER_REGION)),
    "tuva-lands": Part(("RUS",), within=_t(R.TUVA_REGION)),
    "south-sakhalin": Part(islands=_t(R.RUSSIA_ISLANDS), within=_t(R.KARAFUTO_REGION)),
    "north-sakhalin": Part(islands=_t(R.RUSSIA_ISLANDS), within=_t(R.NORTH_SAKHALIN_REGION)),
    "kurils": Part(islands=_t(R.KURIL_ISLANDS)),
    "japan-home": Part(islands=_t(R.JAPAN_ISLANDS)),
    "korea-land": Part(("PRK", "KOR"), _t(R.KOREA_ISLANDS)),
    "korea-north": Part(("PRK", "KOR"), _t(R.KOREA_ISLANDS), within=_t(R.KOREA_NORTH_OF_38)),
    "korea-south": Part(("PRK", "KOR"), _t(R.KOREA_ISLANDS), within=_t(R.KOREA_SOUTH_OF_38)),
    "taiwan-island": Part(islands=_t(R.TAIWAN_ISLANDS)),
    "kwantung-land": Part(("CHN",), _t(R.CHINA_ISLANDS), within=_t(R.KWANTUNG_REGION)),
    "china-core": Part(("CHN",), _t(R.CHINA_ISLANDS)),
    "manchuria": Part(("CHN",), _t(R.CHINA_ISLANDS), within=_t(R.MANCHURIA_REGION)),
    "rehe": Part(("CHN",), within=_t(R.REHE_REGION)),
    "outer-mongolia": Part(("MNG",)),
}  # fmt: skip


#: The units, in priority order, read from ``borders.yaml`` (see :mod:`geodata.basemap.units`).
UNITS = load_units(BORDERS_FILE, PARTS)


def unit_periods(units=None) -> list[UnitPeriod]:
    """Every period of every unit, flattened, in :data:`UNITS` order.

    Examples
    --------
    >>> [p.id for p in unit_periods() if p.unit == "manchukuo"]
    ['manchukuo@1932-03-01', 'manchukuo@1933-03-04']
    """
    out = []
    for unit in UNITS if units is None else units:
        for period in unit.periods:
            note = " ".join(t for t in (unit.note, period.note) if t)
            out.append(UnitPeriod(
                id=f"{unit.id}@{period.start}", unit=unit.id, sovereign=unit.sovereign,
                kind=unit.kind, start=period.start, end=period.end, names=period.names,
                parts=period.parts, label=unit.label, note=note, overlay=unit.overlay,
                sources=period.sources,
            ))  # fmt: skip
    return out


def borders_at(date: str, units=None) -> list[UnitPeriod]:
    """The units as they stood on ``date`` (an ISO day within the atlas span), in priority order.

    Parameters
    ----------
    date : str
        ``YYYY-MM-DD``, between :data:`ATLAS_START` and :data:`ATLAS_END`.
    units : list of Unit, optional
        Defaults to :data:`UNITS`.

    Examples
    --------
    >>> [p.unit for p in borders_at("1921-06-01") if p.unit in ("fer", "russia")]
    ['fer', 'russia']
    >>> borders_at("1939-08-20")[-1].names["en"]
    'USSR'
    >>> borders_at("1950-01-01")
    Traceback (most recent call last):
    ...
    ValueError: date '1950-01-01' is outside the atlas period 1917-01-01..1946-12-31
    """
    check_day(date)
    if not ATLAS_START <= date <= ATLAS_END:
        raise ValueError(f"date {date!r} is outside the atlas period {ATLAS_START}..{ATLAS_END}")
    return [p for p in unit_periods(units) if p.start <= date <= p.end]


def change_days(units=None) -> list[str]:
    """The days on which some unit begins or changes (each period's start, in the atlas).

    Examples
    --------
    >>> "1932-03-01" in change_days() and "1922-12-30" in change_days()
    True
    """
    days = {ATLAS_START}
    for p in unit_periods(units):
        for day in (p.start, next_day(p.end)):
            if ATLAS_START < day <= ATLAS_END:
                days.add(day)
    return sorted(days)
