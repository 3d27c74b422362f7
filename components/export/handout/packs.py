"""What a handout's maps show of the reader's imported packs: where each feature is drawn on a
day, its "On this day" line, its quotes (the reader's, not the atlas'), its legend row.

The engine draws a pack from a *fragment* (``assets/fea-3-packdata.js``: ``fragment``,
``activeAt``); this module follows the same rules in Python, as
:mod:`~components.export.handout.content` does for the atlas' own layers:

- places and events at their point, events from ``before_days`` ahead to ``after_days`` after
  (an undated row, precision ``none``, on every day, with no fading);
- the observations of one ``deployment`` as one unit moving between them
  (:func:`components.atlas.motion.position_at`);
- shipments along their line (at its start when they last more than ten years), routes lit
  on their days; timeline-only rows only in "On this day".

>>> pack = {"name": "Lesson", "file": "lesson.csv", "features": [{"type": "Feature",
...     "geometry": {"type": "Point", "coordinates": [123.43, 41.8]},
...     "properties": {"id": "mukden", "layer": "events", "start": "1905-03-10",
...                    "end": "1905-03-10", "names": {"en": "Battle of Mukden"},
...                    "source": [{"document": "lesson.csv", "line": 2, "quote": "It ended."}]}}]}
>>> day = day_number("1905-03-10")
>>> [x["text"] for x in pack_lines([pack], day, "en")]
['Battle of Mukden']
>>> shown = pack_shown([pack], day, (120, 40, 126, 44))
>>> shown[0]["id"], shown[0]["cites"][0]["where"]
('pack:p1:mukden', ('line', 2))
"""

from __future__ import annotations

from collections.abc import Iterable

from shapely.geometry import box, shape

from components.atlas.legend import pack_name
from components.atlas.motion import position_at, strength_at
from components.atlas.registry import layer_spec
from components.atlas.timeline import day_number

#: Undated rows (precision ``none``) are shown on every day (the engine's ``ALWAYS``).
ALWAYS = (-10_000_000, 10_000_000)
#: A shipment lasting longer is drawn at its start, not travelling day by day.
MAX_SHIPMENT_DAYS = 3660
#: The most "On this day" lines a pack gives a day, then one saying how many more.
MAX_ACTIVE = 40
#: How a pack's source names the place of a quote in the reader's file.
WHERE_KEYS = ("row", "line", "feature", "slide")


def pick_name(names, lang: str) -> str:
    """A pack feature's name in ``lang``, else English, else any (the engine's ``pickName``).

    Examples
    --------
    >>> pick_name({"zh": "奉天", "en": "Mukden"}, "ja"), pick_name({"zh": "奉天"}, "ja")
    ('Mukden', '奉天')
    """
    if not isinstance(names, dict):
        return ""
    for value in (names.get(lang), names.get("en"), *names.values()):
        if isinstance(value, str) and value:
            return value
    return ""


def _days(props: dict) -> tuple[int, int] | None:
    if props.get("precision") == "none":
        return ALWAYS
    try:
        first = day_number(props["start"])
        last = day_number(props.get("end") or props["start"])
    except (KeyError, TypeError, ValueError):
        return None
    return (first, last) if first <= last else None


def _finite(point) -> bool:
    return (isinstance(point, (list, tuple)) and len(point) >= 2
            and all(isinstance(v, (int, float)) for v in point[:2])
            and abs(point[1]) <= 90)  # fmt: skip


def _point(geometry) -> list | None:
    coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if not coords:
        return None
    kind = geometry.get("type")
    at = coords if kind == "Point" else coords[0] if kind == "MultiPoint" else None
    return [float(at[0]), float(at[1])] if _finite(at) else None


def _line(geometry) -> list | None:
    coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if not coords:
        return None
    kind = geometry.get("type")
    parts = [coords] if kind == "LineString" else coords if kind == "MultiLineString" else None
    if parts is None:
        return None
    line = [[float(c[0]), float(c[1])] for part in parts for c in part if _finite(c)]
    return line if len(line) >= 2 else None


def _cites(props: dict) -> list[dict]:
    """The quotes of a pack feature, marked as the reader's (``yours``), with where in their
    file each one stands (``("row", 12)``) and their own citation (``cite``)."""
    out = []
    for cite in props.get("source") or []:
        if not isinstance(cite, dict) or not isinstance(cite.get("quote"), str):
            continue
        if not cite["quote"].strip():
            continue
        where = next(((k, cite[k]) for k in WHERE_KEYS if isinstance(cite.get(k), int)), None)
        own = cite.get("cite") if isinstance(cite.get("cite"), str) else None
        out.append({"document": str(cite.get("document") or ""), "quote": cite["quote"],
                    "where": where, "cite": own, "yours": True})  # fmt: skip
    return out


def items(pack: dict) -> tuple[dict, ...]:
    """What the engine draws of ``pack``, one dict a thing: ``layer`` (places, events,
    deployments, shipments, routes, timeline), ``id``, ``start``, ``end`` (day numbers) and
    its place (``at``, ``line``, or a unit's ``track`` and ``strengths``), with ``props``
    (a unit: one a waypoint)."""
    # a handout asks many times of the same packs: kept by the pack's identity (the pack too,
    # so that its id is not reused while kept), the last few only
    found = _CACHE.get(id(pack))
    if found is None or found[0] is not pack:
        found = _CACHE[id(pack)] = (pack, _items(pack))
        while len(_CACHE) > 8:
            _CACHE.pop(next(iter(_CACHE)))
    return found[1]


_CACHE: dict[int, tuple[dict, tuple]] = {}


def _items(pack: dict) -> tuple[dict, ...]:
    out, units = [], {}
    for feature in pack.get("features") or []:
        props = feature.get("properties") if isinstance(feature, dict) else None
        days = _days(props) if isinstance(props, dict) else None
        if not days or not props.get("id"):
            continue
        layer, geometry, fid = props.get("layer"), feature.get("geometry"), str(props["id"])
        base = {"id": fid, "start": days[0], "end": days[1], "props": [props]}
        if layer == "timeline" or not geometry:
            out.append({**base, "layer": "timeline"})
        elif layer == "deployments" and _point(geometry):
            units.setdefault(props.get("deployment") or fid, []).append(
                (props, days, _point(geometry))
            )
        elif layer in ("routes", "shipments"):
            if line := _line(geometry):
                out.append({**base, "layer": layer, "line": line})
        elif at := _point(geometry):
            out.append({**base, "layer": "events" if layer == "events" else "places", "at": at})
    for obs in units.values():
        obs.sort(key=lambda o: (o[0].get("seq") or 0, o[1][0]))
        strengths = [[d[0], p["strength"] if isinstance(p.get("strength"), (int, float))
                      and not isinstance(p.get("strength"), bool) else None]
                     for p, d, _at in obs]  # fmt: skip
        out.append({"layer": "deployments", "id": str(obs[0][0]["id"]), "start": obs[0][1][0],
                    "end": max(d[1] for _p, d, _at in obs), "props": [p for p, _d, _a in obs],
                    "track": [[d[0], at[0], at[1]] for _p, d, at in obs],
                    "strengths": strengths})  # fmt: skip
    return tuple(out)


def where(item: dict, day: int) -> dict | None:
    """The GeoJSON geometry ``item`` is drawn as on ``day`` (a lit route: its line), or None
    when it is not on the map that day.

    Examples
    --------
    >>> where({"layer": "places", "start": 5, "end": 5, "at": [1.0, 2.0]}, 5)
    {'type': 'Point', 'coordinates': [1.0, 2.0]}
    >>> where({"layer": "routes", "start": 0, "end": 3, "line": [[0, 0], [1, 1]]}, 9) is None
    True
    """
    first, last, layer = item["start"], item["end"], item["layer"]
    if layer == "deployments":
        transit = layer_spec("deployments").style.get("transit_days")
        at = position_at(item["track"], item["end"], day, transit)
        return {"type": "Point", "coordinates": at} if at is not None else None
    if layer in ("places", "events"):
        style = layer_spec("events").style if layer == "events" and first != ALWAYS[0] else {}
        if first - style.get("before_days", 0) <= day <= last + style.get("after_days", 0):
            return {"type": "Point", "coordinates": item["at"]}
        return None
    if not first <= day <= last:
        return None
    if layer == "routes":
        return {"type": "LineString", "coordinates": item["line"]}
    if layer == "shipments":
        from components.export.handout.content import _along

        line = {"type": "LineString", "coordinates": item["line"]}
        if last - first > MAX_SHIPMENT_DAYS:
            return {"type": "Point", "coordinates": item["line"][0]}
        return _along(line, (day - first) / (last - first) if last > first else 1)
    return None


def _current(item: dict, day: int) -> dict:
    # a unit's waypoint in effect on ``day`` (its quotes are the ones behind where it stands)
    k = max((i for i, point in enumerate(item["track"]) if point[0] <= day), default=0)
    return item["props"][k]


def pack_shown(packs: Iterable[dict], day: int, area: tuple) -> list[dict]:
    """Every feature of ``packs`` the map of ``day`` draws inside ``area`` (west, south,
    east, north), as :func:`components.export.handout.content.shown` lists the atlas' own:
    ``layer`` ``pack``, ``id`` ``pack:<key>:<feature id>`` (keys ``p1``, ``p2``… in order,
    as the export's scene names them), ``kind`` (the pack layer), ``names``, ``cites`` and
    ``pack`` (the key)."""
    frame, out = box(*area), []
    for n, pack in enumerate(packs, 1):
        for item in items(pack):
            geometry = where(item, day) if item["layer"] != "timeline" else None
            if geometry is None or not frame.intersects(shape(geometry)):
                continue
            props = _current(item, day) if item["layer"] == "deployments" else item["props"][0]
            out.append({"layer": "pack", "kind": item["layer"], "id": f"pack:p{n}:{item['id']}",
                        "pack": f"p{n}", "names": props.get("names") or {},
                        "cites": _cites(props)})  # fmt: skip
    return out


def _count(n: float) -> str:
    return f"{round(n):,}"


def pack_lines(packs: Iterable[dict], day: int, lang: str) -> list[dict]:
    """The "On this day" lines of ``packs`` on ``day``, as the engine gives them
    (``activeAt``): the units drawn, the events and shipments of the day, then the
    timeline-only rows; no place, route or undated row; at most :data:`MAX_ACTIVE` a pack and a
    line saying how many more. Each: ``layer`` ``pack``, ``kind``, ``id``, ``text``,
    ``length`` (days the feature lasts)."""
    out = []
    for n, pack in enumerate(packs, 1):
        lines, more = [], 0
        things = [x for x in items(pack) if x["layer"] != "timeline"]
        things += [x for x in items(pack) if x["layer"] == "timeline"]
        for item in things:
            if item["layer"] in ("places", "routes") or item["start"] == ALWAYS[0]:
                continue
            if item["layer"] == "deployments":
                if where(item, day) is None:
                    continue
                men = strength_at(item["strengths"], day)
                text = pick_name(item["props"][0].get("names"), lang)
                text += f" · {_count(men)}" if men else ""
            elif item["start"] <= day <= item["end"]:
                text = pick_name(item["props"][0].get("names"), lang)
            else:
                continue
            if len(lines) >= MAX_ACTIVE:
                more += 1
                continue
            lines.append({"layer": "pack", "kind": item["layer"], "id": f"pack:p{n}:{item['id']}",
                          "text": text, "length": item["end"] - item["start"]})  # fmt: skip
        if more:
            lines.append({"layer": "pack", "kind": "more", "id": f"pack:p{n}:",
                          "text": f"{pack_name(pack)}: +{_count(more)}", "length": 0})  # fmt: skip
        out += lines
    return out


def pack_points(packs: Iterable[dict], days: Iterable[int]) -> list[list[float]]:
    """Where ``packs`` draw points on any of ``days`` (routes and shipments: their lines'
    points too), for the handout's one view."""
    points = []
    for pack in packs:
        for item in items(pack):
            for day in days:
                geometry = where(item, day) if item["layer"] != "timeline" else None
                if geometry is None:
                    continue
                coords = geometry["coordinates"]
                points += [coords] if geometry["type"] == "Point" else list(coords)
    return points
