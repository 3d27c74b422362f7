"""The reader's imported packs as the model knows them: checked, dated, placed in a scene.

A pack is what :func:`geodata.imports.import_file` makes (``docs/import-pack.md``). The page
keeps packs in the browser and draws them with the engine (``assets/fea-3-packs.js``); the
exports (``python app.py export --pack PACK``) put them in the scene they render, under
``packs``, with the scene's span widened to cover them: the engine draws them the same way.

>>> pack = {"type": "FeatureCollection", "pack": 1, "name": "x", "features": [],
...         "span": {"start": "1905-03-10", "end": "1905-03-10"}}
>>> scene = scene_with_packs({"span": {"first": "1917-01-01", "last": "1945-12-31",
...                                    "first_day": 6210, "last_day": 16800}}, [pack])
>>> scene["span"]["first"], scene["packs"][0]["key"]
('1905-03-10', 'p1')
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from pathlib import Path

from components.atlas.timeline import day_number, iso_date

#: The most features a pack may hold (the importer's row limit).
MAX_FEATURES = 50_000
#: The largest pack file read (the upload limit).
MAX_BYTES = 10 * 1024 * 1024
#: The colours a pack may keep (``slot``): the engine's and the legend's six.
SLOTS = 6
PACK_LAYERS = ("places", "events", "deployments", "routes", "shipments", "timeline")
ISO_DAY = re.compile(r"^-?\d{4,}-\d{2}-\d{2}$")


def pack_problem(pack) -> str | None:
    """What makes ``pack`` unfit to draw or share (the first problem found), or None.

    Examples
    --------
    >>> pack_problem({"type": "FeatureCollection", "pack": 1, "features": []}) is None
    True
    >>> pack_problem({"type": "FeatureCollection", "pack": 1, "features": [], "slot": 9})
    "expected 'slot' a whole number 0-5, got 9"
    >>> pack_problem({"type": "FeatureCollection", "pack": 1, "features": [{"properties": {}}]})
    "feature 1: expected 'layer' one of places, events, deployments, routes, shipments, timeline"
    """
    if not isinstance(pack, dict) or pack.get("type") != "FeatureCollection":
        return "expected a pack: a GeoJSON FeatureCollection"
    if pack.get("pack") != 1:
        return f"expected pack format 1, got {pack.get('pack')!r}"
    features = pack.get("features")
    if not isinstance(features, list):
        return "expected 'features' as a list"
    slot = pack.get("slot", 0)  # the colour the page gave it (a job's request)
    if not isinstance(slot, int) or isinstance(slot, bool) or not 0 <= slot < SLOTS:
        return f"expected 'slot' a whole number 0-{SLOTS - 1}, got {slot!r}"
    if len(features) > MAX_FEATURES:
        return f"too many features: {len(features):,}, the limit is {MAX_FEATURES:,}"
    for n, feature in enumerate(features, 1):
        problem = _feature_problem(feature)
        if problem:
            return f"feature {n}: {problem}"
    return None


def _feature_problem(feature) -> str | None:
    props = feature.get("properties") if isinstance(feature, dict) else None
    if not isinstance(props, dict):
        return "expected a GeoJSON Feature with properties"
    if props.get("layer") not in PACK_LAYERS:
        return f"expected 'layer' one of {', '.join(PACK_LAYERS)}"
    if not isinstance(props.get("id"), str) or not props["id"]:
        return "expected an 'id'"
    for key in ("start", "end"):
        if not isinstance(props.get(key), str) or not ISO_DAY.match(props[key]):
            return f"expected '{key}' as YYYY-MM-DD, got {props.get(key)!r}"
    names = props.get("names")
    if not isinstance(names, dict) or not all(isinstance(v, str) for v in names.values()):
        return "expected 'names' as {language: text}"
    geometry = feature.get("geometry")
    if geometry is not None and (not isinstance(geometry, dict) or "type" not in geometry):
        return "expected a GeoJSON geometry or null"
    return None


def load_pack(path: str | Path) -> dict:
    """The pack in the file ``path`` (``python -m geodata import FILE --out PACK``).

    Raises
    ------
    ValueError
        Naming the file and what was wrong with it.
    """
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValueError(f"{path}: too big, the limit is {MAX_BYTES:,} bytes")
        pack = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: not a JSON pack ({exc})") from None
    problem = pack_problem(pack)
    if problem:
        raise ValueError(f"{path}: {problem}")
    return pack


def pack_span(pack: dict) -> tuple[int, int] | None:
    """The days the pack covers (its ``span`` and its dated features), or None.

    Examples
    --------
    >>> f = {"properties": {"start": "-0044-03-15", "end": "-0044-03-15", "precision": "day"}}
    >>> [iso_date(d) for d in pack_span({"features": [f]})]
    ['-0044-03-15', '-0044-03-15']
    """
    days = []
    span = pack.get("span") if isinstance(pack.get("span"), dict) else {}
    for iso in (span.get("start"), span.get("end")):
        days.extend(_days(iso))
    for feature in pack.get("features") or []:
        props = feature.get("properties") or {}
        if props.get("precision") != "none":
            days.extend(_days(props.get("start")) + _days(props.get("end")))
    return (min(days), max(days)) if days else None


def _days(iso) -> list[int]:
    try:
        return [day_number(iso)]
    except ValueError:
        return []


def pack_view(packs: list[dict]) -> dict | None:
    """A view ``{lon, lat, zoom}`` showing every placed feature of ``packs``, or None.

    Examples
    --------
    >>> f = {"geometry": {"type": "Point", "coordinates": [120.0, 40.0]}}
    >>> g = {"geometry": {"type": "LineString", "coordinates": [[130.0, 44.0], [131.0, 45.0]]}}
    >>> pack_view([{"features": [f, g]}])
    {'lon': 125.5, 'lat': 42.5, 'zoom': 4.5}
    """
    points = [c for p in packs for f in p.get("features") or []
              for c in positions(f.get("geometry"))]  # fmt: skip
    if not points:
        return None
    lons, lats = [c[0] for c in points], [c[1] for c in points]
    width = max(max(lons) - min(lons), (max(lats) - min(lats)) * 1.5, 0.5)
    zoom = min(5.5, max(1.0, round(math.log2(360 / width) - 0.5, 1)))
    return {"lon": (min(lons) + max(lons)) / 2, "lat": (min(lats) + max(lats)) / 2, "zoom": zoom}


def positions(geometry) -> Iterator:
    """Every position of a GeoJSON ``geometry``, however deep it nests (collections too);
    nothing for ``None`` or a malformed one.

    Examples
    --------
    >>> list(positions({"type": "MultiLineString", "coordinates": [[[1, 2], [3, 4]]]}))
    [[3, 4], [1, 2]]
    >>> list(positions(None))
    []
    """
    if not isinstance(geometry, dict):
        return
    if geometry.get("type") == "GeometryCollection":
        for part in geometry.get("geometries") or []:
            yield from positions(part)
        return
    stack = [geometry.get("coordinates")]
    while stack:
        item = stack.pop()
        if (
            isinstance(item, (list, tuple))
            and item
            and all(isinstance(v, (int, float)) for v in item[:2])
        ):
            yield item
        elif isinstance(item, (list, tuple)):
            stack.extend(item)


def scene_with_packs(scene: dict, packs: list[dict]) -> dict:
    """``scene`` with ``packs`` (keys ``p1``, ``p2``…) and its span widened to cover them."""
    if not packs:
        return scene
    first, last = scene["span"]["first_day"], scene["span"]["last_day"]
    for pack in packs:
        span = pack_span(pack)
        if span:
            first, last = min(first, span[0]), max(last, span[1])
    span = {"first": iso_date(first), "last": iso_date(last), "first_day": first, "last_day": last}
    return {**scene, "span": span,
            "packs": [{"key": f"p{i}", "pack": p} for i, p in enumerate(packs, 1)]}  # fmt: skip
