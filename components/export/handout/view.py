"""The view of a handout's maps: one for all of them, closed in on what happens.

>>> [round(v, 2) for v in bounds({"lon": 0, "lat": 0, "zoom": 0}, 512, 256)]
[-180.0, -66.51, 180.0, 66.51]
"""

from __future__ import annotations

import math

from shapely.geometry import Point, box

from components.atlas.data import Atlas
from components.atlas.motion import position_at
from components.atlas.registry import layer_spec
from components.atlas.timeline import day_number
from components.export.render import export_view

#: The map size a period's zoom is made for (about the page's map less its side panels): a
#: smaller map zooms out so that it shows the same ground.
REFERENCE_SIZE = (680, 460)


def map_view(days: list[int], width: float, height: float, atlas: Atlas | None = None) -> dict:
    """The one view of every map of a handout: the export view of its days
    (:func:`components.export.render.export_view`), zoomed to show the same ground on a map
    of ``width`` x ``height`` CSS pixels as on the page's; given the ``atlas``, closed in on
    what happens on the days inside it (:func:`fit_view`).

    Examples
    --------
    >>> from components.atlas.timeline import day_number
    >>> view = map_view([day_number("1939-05-28"), day_number("1939-09-16")], 480, 320)
    >>> view["zoom"], view["lon"]
    (7.976, 118.62)
    """
    view = export_view(min(days), max(days))
    fit = min(width / REFERENCE_SIZE[0], height / REFERENCE_SIZE[1])
    view = {**view, "zoom": round(view["zoom"] + math.log2(fit), 3)}
    return fit_view(atlas, days, view, width, height) if atlas is not None else view


#: How much closer than its period's view a handout's maps may come, and the margin kept
#: around what happens (a share of the map's side).
MAX_CLOSER, FIT_MARGIN = 1.5, 0.18


def _world_xy(lon: float, lat: float) -> tuple[float, float]:
    # Web Mercator at zoom 0, 512 pixels round the world
    lat = max(min(lat, 85.0), -85.0)
    y = (1 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2 * 512
    return (lon + 180) / 360 * 512, y


def fit_view(atlas: Atlas, days: list[int], view: dict, width: float, height: float) -> dict:
    """``view`` closed in on the units and the events of ``days`` inside it (with a margin),
    at most :data:`MAX_CLOSER` zoom levels closer; ``view`` itself when nothing is in it.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> from components.atlas.timeline import day_number
    >>> atlas = load_atlas(FIXTURE_DIR)
    >>> fit_view(atlas, [day_number("1938-08-01")], {"lon": 130.7, "lat": 42.6, "zoom": 6},
    ...          480, 320)["zoom"]
    7.5
    """
    area, transit, points = box(*bounds(view, width, height)), None, []
    transit = layer_spec("deployments").style.get("transit_days")
    for day in days:
        for unit in atlas.units:
            where = position_at(unit["track"], unit["end"], day, transit)
            if where is not None:
                points.append(where)
        for f in atlas.layers["events"]:
            first, last = (day_number(f["properties"][k]) for k in ("start", "end"))
            if first <= day <= last and f["geometry"]["type"] == "Point":
                points.append(f["geometry"]["coordinates"][:2])
    points = [p for p in points if area.contains(Point(p))]
    if not points:
        return view
    xs, ys = zip(*(_world_xy(*p) for p in points), strict=True)
    span_x = max(max(xs) - min(xs), 1e-6) / (1 - 2 * FIT_MARGIN)
    span_y = max(max(ys) - min(ys), 1e-6) / (1 - 2 * FIT_MARGIN)
    zoom = min(math.log2(width / span_x), math.log2(height / span_y), view["zoom"] + MAX_CLOSER)
    zoom = max(zoom, view["zoom"])
    x, y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    lon = x / 512 * 360 - 180
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / 512))))
    return {"lon": round(lon, 4), "lat": round(lat, 4), "zoom": round(zoom, 3)}


def bounds(view: dict, width: float, height: float) -> tuple[float, float, float, float]:
    """West, south, east, north of a Web Mercator map of ``width`` x ``height`` CSS pixels
    (MapLibre's 512-pixel world at zoom 0).

    Examples
    --------
    >>> [round(v, 2) for v in bounds({"lon": 0, "lat": 0, "zoom": 0}, 512, 256)]
    [-180.0, -66.51, 180.0, 66.51]
    """
    world = 512 * 2 ** view["zoom"]
    x = (view["lon"] + 180) / 360 * world
    y = (1 - math.log(math.tan(math.pi / 4 + math.radians(view["lat"]) / 2)) / math.pi) / 2 * world

    def lat(py: float) -> float:
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * py / world))))

    def lon(px: float) -> float:
        return px / world * 360 - 180

    return (lon(x - width / 2), lat(y + height / 2), lon(x + width / 2), lat(y - height / 2))
