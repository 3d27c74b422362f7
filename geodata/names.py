"""Names of the date: which name of a place was in force on a day, in each language.

The renamings are gazetteer facts (``gazetteer/renamings.yaml``), each period with where its
date comes from; a name the seeds use keeps its seed citation. The build writes them into
``places.geojson`` as ``name_periods``; :func:`name_on` reads a label from them.
"""

from __future__ import annotations

import functools
from pathlib import Path

from geodata.dates import parse_date
from geodata.gazetteer import TABLES_DIR, TableError
from geodata.model import LANGS
from geodata.yamlio import load_yaml

RENAMINGS_FILE = TABLES_DIR / "renamings.yaml"


def _period(item, where: str) -> dict:
    names = item.get("names") if isinstance(item, dict) else None
    if not (isinstance(names, dict) and isinstance(names.get("en"), str)):
        raise TableError(f"{where}: field 'names': expected a mapping with at least 'en'")
    if any(k not in LANGS or not isinstance(v, str) for k, v in names.items()):
        raise TableError(f"{where}: field 'names': expected text for languages {LANGS}")
    if not isinstance(item.get("from"), str):
        raise TableError(f"{where}: field 'from': expected where the date comes from")
    try:
        start = parse_date(item["start"]).start if item.get("start") else None
        end = parse_date(item["end"]).end if item.get("end") else None
    except ValueError as exc:
        raise TableError(f"{where}: {exc}") from None
    out = {"start": start, "end": end, "names": dict(names), "from": item["from"]}
    seed = item.get("seed")
    if seed is not None:
        if not (isinstance(seed, dict) and {"document", "quote"} <= set(seed)):
            raise TableError(f"{where}: field 'seed': expected {{document, quote}}")
        out["seed"] = {"document": seed["document"], "quote": seed["quote"]}
    return out


def load_renamings(path: Path | str = RENAMINGS_FILE) -> dict[str, list[dict]]:
    """The name periods of every renamed place, by id, in date order.

    Raises
    ------
    TableError
        Naming the file, line and field of a malformed entry, or periods that overlap.

    Examples
    --------
    >>> [p["names"]["en"] for p in load_renamings()["petrograd"]]
    ['Petrograd', 'Leningrad']
    """
    path = Path(path)
    out: dict[str, list[dict]] = {}
    for i, item in enumerate((load_yaml(path) or {}).get("renamings") or []):
        where = f"{path.name}:{getattr(item, 'line', '?')}: renamings[{i}]"
        periods = [_period(p, f"{where} periods[{j}]") for j, p in enumerate(item["periods"])]
        for a, b in zip(periods, periods[1:], strict=False):
            if a["end"] is None or b["start"] is None or a["end"] >= b["start"]:
                raise TableError(f"{where}: field 'periods': expected periods in order, apart")
        out[item["id"]] = periods
    return out


@functools.cache
def renamings() -> dict[str, list[dict]]:
    """:func:`load_renamings` of the project's table, read once."""
    return load_renamings()


def all_names(periods: list[dict]) -> list[str]:
    """Every form of every period, for the geocoder's index."""
    return [name for p in periods for name in p["names"].values()]


def name_on(place_props: dict, iso_day: str, lang: str) -> str:
    """The label of a place on ``iso_day`` in ``lang``: the name in force on the day.

    Falls back to the place's own ``names`` (then English) outside every period.

    Examples
    --------
    >>> props = {"names": {"en": "Petrograd"}, "name_periods": renamings()["petrograd"]}
    >>> name_on(props, "1924-01-25", "en"), name_on(props, "1924-01-26", "ja")
    ('Petrograd', 'レニングラード')
    """
    for period in place_props.get("name_periods") or []:
        after_start = period["start"] is None or period["start"] <= iso_day
        before_end = period["end"] is None or iso_day <= period["end"]
        if after_start and before_end:
            return period["names"].get(lang) or period["names"]["en"]
    names = place_props["names"]
    return names.get(lang) or names["en"]
