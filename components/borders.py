"""The borders of the day, drawn in the browser from the basemap's ``borders.geojson``.

Every political unit there has ``start`` and ``end``; the browser filters them by the current
date, and changes the filter only when the slider crosses one of the dates listed here, so
scrubbing does not reload them. Colours come from :mod:`components.basemap`.

>>> cfg = border_config()
>>> cfg["url"], cfg["below"]
('/basemap/borders.geojson', 'fea-lakes')
"""

from __future__ import annotations

import json
from pathlib import Path

from components.i18n import LANGS, pick_name
from components.registry import layer_spec
from components.timeline import day_number
from geodata.basemap.store import LAYERS_DIR as BASEMAP_DIR

BORDERS_FILE = BASEMAP_DIR / "borders.geojson"
BORDERS_URL = "/basemap/borders.geojson"


def _basemap_names() -> tuple[dict, str]:
    try:
        from components.basemap import LAYER_IDS, SOVEREIGN_COLOURS
    except ImportError:
        return {}, ""
    return dict(SOVEREIGN_COLOURS), LAYER_IDS.get("lakes", "")


def border_config(path: Path | str = BORDERS_FILE, url: str = BORDERS_URL) -> dict | None:
    """What the browser needs to draw the borders of the day, or None without the file.

    Returns
    -------
    dict or None
        ``url`` of the GeoJSON, ``colours`` by sovereign, ``below`` (the basemap layer to
        draw under), ``changes`` (sorted day numbers on which the set of units changes),
        ``labels`` (a point per unit: names in each language, ``start``, ``end``) and
        ``style`` (opacities, line width).
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
    return {"url": url, "colours": colours, "below": below, "changes": sorted(changes),
            "labels": {"type": "FeatureCollection", "features": labels},
            "style": layer_spec("borders").style}  # fmt: skip
