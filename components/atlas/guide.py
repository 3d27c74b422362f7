"""Guided moments for class: a date, a view and a cited paragraph, one after another.

Curated moments name a feature of the data; its verbatim quote is the paragraph. Periods no
curated moment covers get their first event, so the guide never points at missing data.

>>> from components.atlas.data import load_atlas
>>> [m["feature"] for m in moments(load_atlas(FIXTURE_DIR))]
['us-aef', 'lake-khasan-battle', 'khalkhin-gol-battle']
"""

from __future__ import annotations

from components.atlas.data import Atlas
from components.atlas.registry import PERIODS
from components.atlas.timeline import day_number

#: Curated moments: (feature id, zoom); the first ones found in the data are used, in date order.
CURATED = (
    ("japanese-landing-vladivostok-1918", 5.0),
    ("us-landing-vladivostok", 5.0),
    ("us-aef-siberia", 4.5),
    ("us-aef", 4.5),
    ("nikolayevsk-incident", 5.0),
    ("allied-withdrawal-vladivostok", 5.0),
    ("mukden-incident", 5.0),
    ("lake-khasan-battle", 7.0),
    ("khalkhin-gol-battle", 6.5),
)


def _moment(atlas: Atlas, feature_id: str, zoom: float) -> dict | None:
    found = atlas.feature(feature_id)
    if found is None:
        return None
    if "unit" in found:
        unit = found["unit"]
        first = atlas.feature(unit["waypoints"][0])
        day, names, (lon, lat) = unit["track"][0][0], unit["names"], unit["track"][0][1:3]
        source = first["properties"].get("source")
    else:
        props = found["properties"]
        coords = found["geometry"]["coordinates"]
        lon, lat = coords[:2] if found["geometry"]["type"] == "Point" else coords[0][:2]
        day, names, source = day_number(props["start"]), props.get("names"), props.get("source")
    cites = source if isinstance(source, list) else [source] if source else []
    return {"feature": feature_id, "day": day, "names": names or {"en": feature_id},
            "view": {"lon": lon, "lat": lat, "zoom": zoom}, "sources": cites}  # fmt: skip


def moments(atlas: Atlas) -> list[dict]:
    """The guided moments for this data, in date order.

    Returns
    -------
    list of dict
        ``feature``, ``day``, ``names``, ``view`` (lon, lat, zoom) and ``sources``.
    """
    found = [m for m in (_moment(atlas, fid, zoom) for fid, zoom in CURATED) if m]
    for period in PERIODS:
        start, end = day_number(period.start), day_number(period.end)
        if any(start <= m["day"] <= end for m in found):
            continue
        events = sorted((f for f in atlas.layers["events"]
                         if start <= day_number(f["properties"]["start"]) <= end),
                        key=lambda f: f["properties"]["start"])  # fmt: skip
        if events:
            found.append(_moment(atlas, events[0]["properties"]["id"], period.zoom + 1))
    return sorted(found, key=lambda m: m["day"])
