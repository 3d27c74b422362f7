"""Resolve place names (en, zh, ja, ru; historical or modern) to coordinates."""

from __future__ import annotations

import difflib
import functools
import math
from dataclasses import asdict, dataclass

from geodata.gazetteer import Entry, gazetteer, region_tier
from geodata.normalize import normalize

# Tried in turn when a name is not found as written ("哈尔滨市" -> "哈尔滨").
_SUFFIXES = ("市", "city", "shi", "gorod", "город")


@dataclass(frozen=True)
class Match:
    """A resolved name."""

    query: str
    name: str
    lat: float
    lon: float
    country: str
    source: str
    confidence: float
    kind: str = "city"

    def as_dict(self) -> dict:
        """The JSON form the CLI prints (without ``kind``)."""
        out = asdict(self)
        out.pop("kind")
        return out


class GeocodeError(LookupError):
    """A name the gazetteer does not know; ``suggestions`` holds the closest known names."""

    def __init__(self, query: str, suggestions: list[str]):
        self.query = query
        self.suggestions = suggestions
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown place name {query!r}{hint}")


def geocode(name: str, *, country: str | None = None) -> Match:
    """Resolve ``name`` against the embedded gazetteer.

    Curated historical names and features come first, then GeoNames cities in the atlas
    region, then larger places. Case, diacritics, hyphens, spaces and Chinese/Japanese
    character variants do not matter.

    Parameters
    ----------
    name : str
        A place name in any script: "Mukden", "奉天", "Николаевск-на-Амуре", "庙街".
    country : str, optional
        An ISO country code to restrict the answer to.

    Returns
    -------
    Match

    Raises
    ------
    GeocodeError
        When nothing matches; it carries the closest suggestions.
    TypeError
        When ``name`` is not a string.

    Examples
    --------
    >>> m = geocode("庙街")
    >>> m.country, round(m.lat), round(m.lon)
    ('RU', 53, 141)
    >>> geocode("Mukden").name  # a former name answers with today's
    'Shenyang'
    >>> geocode("Vladivostokk")
    Traceback (most recent call last):
    ...
    geodata.geocode.GeocodeError: unknown place name 'Vladivostokk'; did you mean: Vladivostok, ...?
    """
    if not isinstance(name, str):
        raise TypeError(f"geocode() expects a place name as str, got {type(name).__name__}")
    found = _lookup(name.strip(), country)
    if found is None:
        raise GeocodeError(name, suggest(name))
    return found


@functools.lru_cache(maxsize=8192)
def _lookup(name: str, country: str | None) -> Match | None:
    gaz = gazetteer()
    key = normalize(name)
    keys = [(key, 1.0)] + [
        (key[: -len(s)], 0.9) for s in map(normalize, _SUFFIXES) if key.endswith(s) and key != s
    ]
    for candidate_key, factor in keys:
        ids = [
            i for i in gaz.candidates(candidate_key)
            if country is None or gaz.entries[i].country == country
        ]  # fmt: skip
        if ids:
            entry = gaz.entries[ids[0]]
            confidence = _confidence(gaz, candidate_key, ids) * factor
            return Match(name, entry.name, entry.lat, entry.lon, entry.country, entry.source,
                         round(confidence, 2), entry.kind)  # fmt: skip
    return None


def _confidence(gaz, key: str, ids: list[int]) -> float:
    best: Entry = gaz.entries[ids[0]]
    base = 1.0 if best.curated else (0.95 if gaz.primary[ids[0]] == key else 0.85)
    tier = region_tier(best.lat, best.lon)
    for other_id in ids[1:]:
        other = gaz.entries[other_id]
        if other.curated != best.curated or region_tier(other.lat, other.lon) != tier:
            continue
        big_enough = best.curated or other.population * 4 >= best.population
        if big_enough and _km(best, other) > 50:
            return base * 0.7  # a rival of similar standing elsewhere: say so
    return base


def _km(a: Entry, b: Entry) -> float:
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = lat2 - lat1, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


@functools.cache
def _buckets() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key in gazetteer().index:
        out.setdefault(key[0], []).append(key)
    return out


def suggest(name: str, limit: int = 5) -> list[str]:
    """The names of the known places whose names are closest to ``name``.

    Examples
    --------
    >>> suggest("Khabarovks")[0]
    'Khabarovsk'
    """
    key = normalize(name)
    if not key:
        return []
    gaz = gazetteer()
    pool = [k for k in _buckets().get(key[0], []) if abs(len(k) - len(key)) <= 3]
    out: list[str] = []
    for close in difflib.get_close_matches(key, pool, n=limit * 3, cutoff=0.6):
        entry_name = gaz.entries[gaz.candidates(close)[0]].name
        if entry_name not in out:
            out.append(entry_name)
    return out[:limit]
