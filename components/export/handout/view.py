"""The view of a handout's maps: one for all of them, closed in on what happens.

>>> [round(v, 2) for v in bounds({"lon": 0, "lat": 0, "zoom": 0}, 512, 256)]
[-180.0, -66.51, 180.0, 66.51]
"""

from __future__ import annotations

import math

from shapely import clip_by_rect
from shapely.geometry import Point, box, mapping, shape

from components.atlas.data import Atlas
from components.atlas.motion import position_at
from components.atlas.registry import layer_spec
from components.atlas.timeline import day_number
from components.export.render import export_view

#: The map size a period's zoom is made for (about the page's map less its side panels): a
#: smaller map zooms out so that it shows the same ground.
REFERENCE_SIZE = (680, 460)


def map_view(days: list[int], width: float, height: float, atlas: Atlas | None = None,
             packs: list[dict] = ()) -> dict:  # fmt: skip
    """The one view of every map of a handout: the export view of its days
    (:func:`components.export.render.export_view`), zoomed to show the same ground on a map
    of ``width`` x ``height`` CSS pixels as on the page's; given the ``atlas``, closed in on
    what happens on the days inside it, and moved to show what the reader's imported
    ``packs`` draw on those days too (:func:`fit_view`).

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
    if atlas is None:
        return view
    from components.export.handout.packs import pack_points

    return fit_view(atlas, days, view, width, height, pack_points(packs, days))


#: How much closer than its period's view a handout's maps may come, and the margin kept
#: around what happens (a share of the map's side).
MAX_CLOSER, FIT_MARGIN = 1.5, 0.18
#: The widest view a handout moves to for a reader's pack far from its period's view.
MIN_ZOOM = 1.0


def _world_xy(lon: float, lat: float) -> tuple[float, float]:
    # Web Mercator at zoom 0, 512 pixels round the world
    lat = max(min(lat, 85.0), -85.0)
    y = (1 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2 * 512
    return (lon + 180) / 360 * 512, y


def fit_view(atlas: Atlas, days: list[int], view: dict, width: float, height: float,
             extra: list = ()) -> dict:  # fmt: skip
    """``view`` closed in on the units and the events of ``days`` inside it (with a margin),
    at most :data:`MAX_CLOSER` zoom levels closer; ``view`` itself when nothing is in it.
    The ``extra`` points (what a reader's pack draws) are kept in view: when one lies
    outside ``view``, the view moves and zooms out (to :data:`MIN_ZOOM` at most) to hold
    them with what the atlas shows.

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
    extra = [p for p in extra if -180 <= p[0] <= 180 and -85 <= p[1] <= 85]
    outside = any(not area.contains(Point(p)) for p in extra)
    points += extra
    if not points:
        return view
    xs, ys = zip(*(_world_xy(*p) for p in points), strict=True)
    span_x = max(max(xs) - min(xs), 1e-6) / (1 - 2 * FIT_MARGIN)
    span_y = max(max(ys) - min(ys), 1e-6) / (1 - 2 * FIT_MARGIN)
    zoom = min(math.log2(width / span_x), math.log2(height / span_y), view["zoom"] + MAX_CLOSER)
    zoom = max(zoom, MIN_ZOOM if outside else view["zoom"])
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


#: What the basemap keeps around a handout's maps, as a share of their width and height.
CLIP_MARGIN = 0.25
#: A source left with no feature gets this one, far off (MapLibre refuses a source with none).
_NOWHERE = {"type": "Feature", "properties": {},
            "geometry": {"type": "Point", "coordinates": [0.0, -89.0]}}  # fmt: skip


def _bbox(geometry: dict) -> tuple[float, float, float, float]:
    kind, coords = geometry["type"], geometry["coordinates"]
    if kind == "Point":
        return coords[0], coords[1], coords[0], coords[1]
    rings = {"LineString": [coords], "MultiPoint": [coords], "Polygon": coords[:1],
             "MultiLineString": coords,
             "MultiPolygon": [p[0] for p in coords]}.get(kind)  # fmt: skip
    if rings is None:
        return -180.0, -90.0, 180.0, 90.0  # kept: whatever it is, it may be in view
    xs = [c[0] for ring in rings for c in ring]
    ys = [c[1] for ring in rings for c in ring]
    return min(xs), min(ys), max(xs), max(ys)


_BOXES: dict[int, tuple[dict, list]] = {}


def _boxes(data: dict) -> list:
    # the basemap's files are read once a process (render._inline_source): their features'
    # boxes too, kept with the data they are of
    found = _BOXES.get(id(data))
    if found is None or found[0] is not data:
        found = _BOXES[id(data)] = (data, [_bbox(f["geometry"]) for f in data["features"]])
    return found[1]


def clip_style(style: dict, area: tuple[float, float, float, float]) -> dict:
    """``style`` (an inlined basemap style, :func:`components.export.render.offline_style`)
    with its GeoJSON sources cut down to the features that reach ``area`` (west, south,
    east, north) or :data:`CLIP_MARGIN` around it. The maps draw the same (a feature kept is
    kept whole), and the page that draws them reads, tiles and draws megabytes less.

    Examples
    --------
    >>> near = {"type": "Feature", "geometry": {"type": "LineString",
    ...                                         "coordinates": [[0, 0], [1, 1]]}}
    >>> far = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [50, 50]}}
    >>> style = {"sources": {"c": {"type": "geojson", "data": {"type": "FeatureCollection",
    ...                                                       "features": [near, far]}}}}
    >>> clip_style(style, (0.5, 0.5, 2, 2))["sources"]["c"]["data"]["features"] == [near]
    True
    >>> clip_style(style, (10, 10, 11, 11))["sources"]["c"]["data"]["features"] == [_NOWHERE]
    True
    """
    west, south, east, north = area
    dx, dy = (east - west) * CLIP_MARGIN, (north - south) * CLIP_MARGIN
    west, south, east, north = west - dx, south - dy, east + dx, north + dy
    sources = dict(style.get("sources") or {})
    for name, source in sources.items():
        data = source.get("data")
        if not (isinstance(data, dict) and data.get("type") == "FeatureCollection"):
            continue
        keep = [f for f, (w, s, e, n) in zip(data["features"], _boxes(data), strict=True)
                if w <= east and e >= west and s <= north and n >= south]  # fmt: skip
        sources[name] = {**source, "data": {**data, "features": keep or [_NOWHERE]}}
    return {**style, "sources": sources}


def clip_borders(borders: dict | None, area: tuple[float, float, float, float]) -> dict | None:
    """The scene's borders (``scene["borders"]``, the whole collection inlined) with each
    territory cut to ``area`` and :data:`CLIP_MARGIN` around it, and those that do not
    reach it left out: the fills and lines drawn in view are the same (the cuts lie outside
    it; the territories' names are a source of their own), and the page tiles a few
    kilobytes instead of megabytes of coastline and frontier.

    Examples
    --------
    >>> square = {"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]}
    >>> far = {"type": "Polygon", "coordinates": [[[50, 50], [51, 50], [51, 51], [50, 50]]]}
    >>> b = {"url": {"type": "FeatureCollection", "features": [
    ...     {"type": "Feature", "properties": {"id": "a"}, "geometry": square},
    ...     {"type": "Feature", "properties": {"id": "b"}, "geometry": far}]}}
    >>> out = clip_borders(b, (1, 1, 2, 2))["url"]["features"]
    >>> [f["properties"]["id"] for f in out], shape(out[0]["geometry"]).bounds
    (['a'], (0.75, 0.75, 2.25, 2.25))
    """
    data = (borders or {}).get("url")
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        return borders  # the app's borders by URL, or none: nothing inlined to cut
    west, south, east, north = area
    dx, dy = (east - west) * CLIP_MARGIN, (north - south) * CLIP_MARGIN
    rect = (west - dx, south - dy, east + dx, north + dy)
    features = []
    for f, (w, s, e, n) in zip(data["features"], _boxes(data), strict=True):
        if w > rect[2] or e < rect[0] or s > rect[3] or n < rect[1]:
            continue
        cut = clip_by_rect(shape(f["geometry"]), *rect)
        if not cut.is_empty:
            features.append({**f, "geometry": mapping(cut)})
    return {**borders, "url": {**data, "features": features}}
