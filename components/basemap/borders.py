"""The borders of the day, drawn in the browser from the basemap's ``borders.geojson``.

Every political unit there has ``start`` and ``end``. The app's page loads only the units
standing on the slider's day (``/basemap/borders-at/<date>.geojson``, about a tenth of the
whole file) and loads them again only when the slider crosses one of the dates listed here,
so scrubbing does not reload them. A standalone export inlines the whole file instead and
filters it by date. Colours come from :mod:`components.basemap.style`.

>>> cfg = border_config()
>>> cfg["url"], cfg["at"], cfg["below"]
('/basemap/borders.geojson', '/basemap/borders-at/{date}.geojson', 'fea-lakes')
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from components.atlas.i18n import LANGS, pick_name
from components.atlas.registry import layer_spec
from components.atlas.timeline import day_number
from geodata.basemap.periods import ATLAS_END, ATLAS_START, check_day
from geodata.basemap.store import LAYERS_DIR as BASEMAP_DIR
from geodata.basemap.store import borders_geojson_at, load_layer

BORDERS_FILE = BASEMAP_DIR / "borders.geojson"
BORDERS_URL = "/basemap/borders.geojson"
#: Where the app serves the units standing on one day (see :func:`borders_at_text`).
BORDERS_AT_URL = "/basemap/borders-at/{date}.geojson"


def _basemap_names() -> tuple[dict, str]:
    try:
        from components.basemap.style import LAYER_IDS, SOVEREIGN_COLOURS
    except ImportError:
        return {}, ""
    return dict(SOVEREIGN_COLOURS), LAYER_IDS.get("lakes", "")


def border_config(
    path: Path | str = BORDERS_FILE, url: str = BORDERS_URL, at: str | None = BORDERS_AT_URL
) -> dict | None:
    """What the browser needs to draw the borders of the day, or None without the file.

    Returns
    -------
    dict or None
        ``url`` of the whole GeoJSON, ``at`` (the URL of one day's units, ``{date}`` to fill
        in, or None to use ``url``), ``first`` and ``last`` (the day numbers the borders
        cover),
        ``colours`` by sovereign, ``below`` (the basemap layer to draw under), ``changes``
        (sorted day numbers on which the set of units changes), ``labels`` (a point per
        unit: names in each language, ``start``, ``end``) and ``style`` (opacities, line
        width).
    """
    path = Path(path)
    if not path.is_file():
        return None
    feats = json.loads(path.read_text(encoding="utf-8")).get("features", [])
    colours, below = _basemap_names()
    changes: set[int] = set()
    labels = []
    for f in feats:
        p = f["properties"]
        changes |= {day_number(p["start"]), day_number(p["end"]) + 1}
        lon, lat = p.get("label") or (None, None)
        if lon is not None:
            names = {lg: pick_name(p.get("names"), lg) for lg in LANGS}
            labels.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": {"start": p["start"], "end": p["end"], **names},
                }
            )
    return {"url": url, "at": at, "first": day_number(ATLAS_START),
            "last": day_number(ATLAS_END), "colours": colours,
            "below": below, "changes": sorted(changes),
            "labels": {"type": "FeatureCollection", "features": labels},
            "style": layer_spec("borders").style}  # fmt: skip


@functools.lru_cache(maxsize=64)
def borders_at_text(date: str) -> str:
    """The units standing on ``date`` (an ISO day) as GeoJSON text.

    The page asks for the first day of each stretch of days with the same units, so a few
    dozen answers cover the whole timeline; they are kept. A day outside the borders'
    coverage (:data:`ATLAS_START` to :data:`ATLAS_END`) has no units: the collection is
    empty, and the page says so.

    Raises
    ------
    ValueError
        ``date`` is not an ISO day (the message says what it got).

    Examples
    --------
    >>> "Far Eastern Republic" in borders_at_text("1921-01-01")
    True
    >>> "Far Eastern Republic" in borders_at_text("1923-01-01")
    False
    >>> borders_at_text("1850-01-01")
    '{"type":"FeatureCollection","features":[]}'
    """
    check_day(date)
    if not ATLAS_START <= date <= ATLAS_END:
        found = {"type": "FeatureCollection", "features": []}
    else:
        found = borders_geojson_at(date)
    return json.dumps(found, ensure_ascii=False, separators=(",", ":"))


def border_ids() -> list[str]:
    """The ids (``unit@start``) of every feature of ``borders.geojson``, in its order.

    Examples
    --------
    >>> "fer@1920-04-06" in border_ids()
    True
    """
    return list(_border_index())


def border_feature(feature_id: str) -> dict | None:
    """The feature of ``borders.geojson`` with ``id`` ``feature_id`` (``unit@start``), or
    None.

    Examples
    --------
    >>> border_feature("manchukuo@1932-03-01")["properties"]["end"]
    '1933-03-03'
    >>> border_feature("atlantis@1917-01-01") is None
    True
    """
    return _border_index().get(feature_id)


@functools.cache
def _border_index() -> dict:
    if not BORDERS_FILE.is_file():
        return {}
    return {f["properties"]["id"]: f for f in load_layer("borders")["features"]}
