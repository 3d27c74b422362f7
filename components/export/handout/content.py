"""What a handout's map shows on its day: the view, the caption and the quotes behind it.

The map is drawn by the app's engine; this module works out, from the same data and the
same rules (``assets/fea-1-core.js``: ``positionAt``, ``strengthAt``, ``travelFraction``;
``assets/fea-4-engine.js``: ``active``, the "On this day" list), what is on it:

- :func:`on_this_day`: the engine's "On this day" lines of a day, and :func:`caption`, the
  short caption a map gets from them;
- :func:`shown`: every feature drawn inside the map's bounds on a day (places, lit routes,
  events, shipments on their way, the units where they stand, the borders of the day), each
  with its citations, for the handout's sources.

>>> from components.atlas.data import load_atlas
>>> atlas = load_atlas(FIXTURE_DIR)
>>> caption(atlas, day_number("1939-08-20"), "en")
'Battles of Khalkhin Gol'
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from pathlib import Path

from shapely.geometry import box, shape

from components.atlas.data import Atlas
from components.atlas.guide import moments
from components.atlas.i18n import pick_name
from components.atlas.motion import position_at, strength_at
from components.atlas.registry import LAYER_IDS, layer_spec
from components.atlas.scene import short_label
from components.atlas.timeline import day_number
from components.export.handout.packs import pack_lines, pack_shown
from geodata.basemap.periods import ATLAS_END, ATLAS_START
from geodata.basemap.store import LAYERS_DIR as BASEMAP_DIR

#: How many of the "On this day" lines a map's caption keeps.
CAPTION_ITEMS = 3


def _waypoint_index(unit: dict, day: int) -> int:
    return max(i for i, point in enumerate(unit["track"]) if point[0] <= day)


def _span(props: dict) -> tuple[int, int]:
    return day_number(props["start"]), day_number(props["end"])


def on_this_day(atlas: Atlas, day: int, lang: str, visible: Iterable[str] | None = None) -> list:
    """The "On this day" lines of ``day`` as the engine lists them (``active()``): the units
    on the map by strength, the events, the events placed nowhere, the shipments on their way.

    Returns
    -------
    list of dict
        ``layer``, ``id`` and ``text`` (in ``lang``).

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> from components.atlas.timeline import day_number
    >>> [x["text"] for x in on_this_day(load_atlas(FIXTURE_DIR), day_number("1918-09-01"), "en")]
    ['Japanese 12th Division · 12,000', '... · 7,950']
    """
    shown_layers = set(visible if visible is not None else
                       [s for s in LAYER_IDS if layer_spec(s).default_visible])  # fmt: skip
    out, transit = [], layer_spec("deployments").style.get("transit_days")
    if "deployments" in shown_layers:
        units = []
        for unit in atlas.units:
            if position_at(unit["track"], unit["end"], day, transit) is None:
                continue
            men = strength_at(unit["strengths"], day)
            units.append(
                {
                    "layer": "deployments",
                    "id": unit["id"],
                    "n": men or 0,
                    "text": short_label(unit, lang) + (f" · {men:,}" if men else ""),
                }
            )
        out += [{k: u[k] for k in ("layer", "id", "text")}
                for u in sorted(units, key=lambda u: -u["n"])]  # fmt: skip
    for layer, features in (("events", atlas.layers["events"]), ("timeline", atlas.timeline)):
        if layer == "events" and "events" not in shown_layers:
            continue
        for f in features:
            first, last = _span(f["properties"])
            if first <= day <= last:
                out.append({"layer": layer, "id": f["properties"]["id"],
                            "text": pick_name(f["properties"].get("names"), lang)})  # fmt: skip
    if "shipments" in shown_layers:
        for f in atlas.layers["shipments"]:
            props, (first, last) = f["properties"], _span(f["properties"])
            if first <= day <= last:
                usd = f" · ${props['amount_usd']:,}" if props.get("amount_usd") else ""
                out.append({"layer": "shipments", "id": props["id"],
                            "text": pick_name(props.get("names"), lang) + usd})  # fmt: skip
    return out


def caption(atlas: Atlas, day: int, lang: str, area: tuple | None = None,
            visible: Iterable[str] | None = None, packs: Iterable[dict] = ()) -> str:  # fmt: skip
    """A map's short caption: the key moment of the day (if one falls on it), then the
    "On this day" lines of what the map shows inside ``area`` (all when None): events, the
    shortest first (what happens that day before what lasts years), then units by strength,
    then shipments; at most :data:`CAPTION_ITEMS` of them. The reader's imported ``packs``
    give their lines too (:func:`components.export.handout.packs.pack_lines`), each with the
    atlas' lines of its kind.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> from components.atlas.timeline import day_number
    >>> caption(load_atlas(FIXTURE_DIR), day_number("1918-09-01"), "zh")
    '日本第12师团 · 12,000；... · 7,950'
    """
    packs = list(packs)
    lines = on_this_day(atlas, day, lang, visible) + pack_lines(packs, day, lang)
    if area is not None:
        inside = {(x["layer"], x["id"]) for x in shown(atlas, day, area, visible)}
        inside |= {(x["layer"], x["id"]) for x in pack_shown(packs, day, area)}
        lines = [x for x in lines if (x["layer"], x["id"]) in inside]
    order = {"events": 0, "deployments": 1, "shipments": 2, "timeline": 3, "more": 4}

    def length(x):
        if x["layer"] == "pack":
            return x["length"]
        feature = atlas.feature(x["id"]) if x["layer"] == "events" else None
        return _span(feature["properties"])[1] - _span(feature["properties"])[0] if feature else 0

    def kind(x):
        return x["kind"] if x["layer"] == "pack" else x["layer"]

    lines = sorted(lines, key=lambda x: (order[kind(x)], length(x)))  # stable: by strength
    texts = [pick_name(m["names"], lang) for m in moments(atlas) if m["day"] == day]
    texts += [x["text"] for x in lines]
    texts = list(dict.fromkeys(t for t in texts if t))
    sep = "；" if lang in ("zh", "ja") else "; "
    more = "…" if len(texts) > CAPTION_ITEMS else ""
    return sep.join(texts[:CAPTION_ITEMS]) + more


@functools.lru_cache(maxsize=2)
def _borders(path: str) -> tuple[dict, ...]:
    file = Path(path)
    if not file.is_file():
        return ()
    return tuple(json.loads(file.read_text(encoding="utf-8"))["features"])


def _cites(source) -> list[dict]:
    cites = source if isinstance(source, list) else [source] if source else []
    return [c for c in cites if isinstance(c, dict) and c.get("quote")]


def shown(atlas: Atlas, day: int, area: tuple, visible: Iterable[str] | None = None,
          borders_file: Path | None = None) -> list[dict]:  # fmt: skip
    """Every feature the map of ``day`` draws inside ``area`` (west, south, east, north).

    Returns
    -------
    list of dict
        ``layer``, ``id``, ``names`` (by language) and ``cites`` (its citations: ``document``
        and ``quote``); the borders' ``sovereign`` too.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> from components.atlas.timeline import day_number
    >>> out = shown(load_atlas(FIXTURE_DIR), day_number("1938-08-01"), (129, 41, 132, 44))
    >>> [(x["layer"], x["id"]) for x in out if x["layer"] != "borders"]
    [('places', 'vladivostok'), ('places', 'lake-khasan'), ('events', 'lake-khasan-battle')]
    """
    on = set(visible if visible is not None else
             [s for s in LAYER_IDS if layer_spec(s).default_visible])  # fmt: skip
    frame, out = box(*area), []

    def add(layer, props, geometry, names=None, source=None, **extra):
        if geometry is not None and frame.intersects(shape(geometry)):
            out.append({"layer": layer, "id": props["id"], "names": names or props.get("names")
                        or {}, "cites": _cites(source if source else props.get("source")),
                        **extra})  # fmt: skip

    for layer in ("places", "routes", "events", "shipments"):
        if layer not in on:
            continue
        before = layer_spec(layer).style.get("before_days", 0) if layer == "events" else 0
        after = layer_spec(layer).style.get("after_days", 0) if layer == "events" else 0
        for f in atlas.layers[layer]:
            first, last = _span(f["properties"])
            if first - before <= day <= last + after:
                where = f["geometry"]
                if layer == "shipments":  # the shipment is where it has got to on its way
                    where = _along(where, (day - first) / (last - first) if last > first else 1)
                add(layer, f["properties"], where)
    if "deployments" in on:
        transit = layer_spec("deployments").style.get("transit_days")
        for unit in atlas.units:
            where = position_at(unit["track"], unit["end"], day, transit)
            if where is not None:
                k = _waypoint_index(unit, day)
                waypoint = atlas.feature(unit["waypoints"][k])
                moves = unit.get("movements") or []  # the kind of the leg it is on, if moving
                leg = moves[k + 1] if k + 1 < min(len(moves), len(unit["track"])) else None
                add("deployments", {"id": unit["id"]}, {"type": "Point", "coordinates": where},
                    unit["names"], waypoint["properties"].get("source"), movement=leg)  # fmt: skip
    # the engine draws no borders outside their coverage (a pack's 1905): nor are they listed
    if "borders" in on and day_number(ATLAS_START) <= day <= day_number(ATLAS_END):
        for f in _borders(str(borders_file or BASEMAP_DIR / "borders.geojson")):
            first, last = _span(f["properties"])
            if first <= day <= last:
                add(
                    "borders",
                    f["properties"],
                    f["geometry"],
                    source=f["properties"].get("sources"),
                    sovereign=f["properties"].get("sovereign"),
                )
    return out


def _along(geometry: dict, fraction: float) -> dict:
    line = shape(geometry)
    if line.geom_type != "LineString":
        return geometry
    return {
        "type": "Point",
        "coordinates": list(line.interpolate(fraction, normalized=True).coords[0]),
    }


def citations(features: Iterable[dict], lang: str) -> list[dict]:
    """Each quote once (by document and quote, the reader's apart from the atlas'), with the
    names of what it is behind. A quote of the reader's imported data keeps ``yours``, and
    where it first stands in their file (``where``) and their own citation (``cite``).

    Examples
    --------
    >>> feats = [{"names": {"en": "A"}, "cites": [{"document": "d.txt", "quote": "q"}]},
    ...          {"names": {"en": "B"}, "cites": [{"document": "d.txt", "quote": "q"}]}]
    >>> citations(feats, "en")
    [{'document': 'd.txt', 'quote': 'q', 'for': ['A', 'B']}]
    >>> mine = {"document": "d.txt", "quote": "q", "yours": True, "where": ("row", 2)}
    >>> [c.get("yours") for c in citations([*feats, {"names": {}, "cites": [mine]}], "en")]
    [None, True]
    """
    found: dict[tuple, dict] = {}
    for feature in features:
        name = pick_name(feature["names"], lang)
        for cite in feature["cites"]:
            key = (cite.get("document", ""), cite["quote"], bool(cite.get("yours")))
            entry = found.setdefault(key, {"document": key[0], "quote": key[1], "for": []})
            if key[2]:
                entry.update(yours=True, where=entry.get("where") or cite.get("where"),
                             cite=entry.get("cite") or cite.get("cite"))  # fmt: skip
            if name and name not in entry["for"]:
                entry["for"].append(name)
    return list(found.values())
