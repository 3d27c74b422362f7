"""GeoJSON: features dated by ``start``/``end`` (or ``date``), by OpenHistoricalMap's
``start_date``/``end_date``, or in the atlas' own layer schema (``layer``, ``names``,
``precision``...).

Points and lines are kept; a polygon is drawn at a point inside it (a warning says so); a
feature without geometry is a timeline-only entry.
"""

from __future__ import annotations

from dataclasses import replace

from shapely.geometry import shape

from geodata.imports.common import Options, guarded, when_of
from geodata.imports.pack import LAYERS, MOVEMENTS, PackBuilder, source
from geodata.imports.places import count, lonlat_problems
from geodata.imports.text import link, plain

_KEEP = {"Point", "LineString", "MultiLineString"}
_NAME_KEYS = (
    ("en", ("name:en", "name_en", "name", "title")),
    ("zh", ("name:zh", "name_zh")),
    ("ja", ("name:ja", "name_ja")),
)


def import_features(
    features: list, pack: PackBuilder, report, opts: Options, *, where: str = "feature"
) -> None:
    """Read each GeoJSON feature (numbered from 1) into ``pack``."""
    for n, feature in enumerate(features, start=1):
        at = (where, n)
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            got = feature.get("type") if isinstance(feature, dict) else type(feature).__name__
            report.error(at, "type", "not a GeoJSON Feature", expected="Feature", got=str(got))
            continue
        guarded(report, at, import_feature, feature, at, pack, report, opts)


def import_feature(feature: dict, at, pack: PackBuilder, report, opts: Options) -> None:
    """One GeoJSON feature."""
    props = feature.get("properties") or {}
    if not isinstance(props, dict):
        report.error(
            at, "properties", "not an object", expected="an object", got=type(props).__name__
        )
        return
    geometry = geometry_of(feature.get("geometry"), report, at)
    start, end, fields = _date_fields(props)
    when, dates_ok = when_of(
        report,
        at,
        opts,
        date=props.get("date") if fields[1] == "start" else None,
        start=start,
        end=end,
        fields=fields,
    )
    if when is not None and props.get("precision") in ("day", "month", "year"):
        # the atlas' own schema says how precise its day range is; an OHM or plain date says
        # it by how it is written
        when = replace(
            when,
            precision=props["precision"],
            approximate=when.approximate or props.get("approximate") is True,
        )
    out, ok = _props(props, feature, at, report)
    if geometry is False or not (ok and dates_ok):
        return
    default = "places" if geometry and geometry["type"] == "Point" else "routes"
    out["layer"] = out.get("layer") or default
    out.setdefault("source", source(pack.file, at, next(iter(out["names"].values()))))
    pack.add(out, when, None, geometry or None)


def _date_fields(props: dict):
    if "start_date" in props or "end_date" in props:  # OpenHistoricalMap
        return props.get("start_date"), props.get("end_date"), ("date", "start_date", "end_date")
    return props.get("start"), props.get("end"), ("date", "start", "end")


def _props(props: dict, feature: dict, at, report) -> tuple[dict, bool]:
    ok = True
    out: dict = {"id": str(props.get("id") or feature.get("id") or feature.get("@id") or "")}
    layer = props.get("layer")
    if layer is not None:
        if layer in LAYERS:
            out["layer"] = layer
        else:
            report.warn(
                at,
                "layer",
                "unknown layer: chosen from the geometry",
                expected=", ".join(LAYERS),
                got=str(layer),
            )
    names = props.get("names")
    if isinstance(names, dict):
        out["names"] = {k: plain(v) for k, v in names.items() if k in ("en", "zh", "ja") and v}
    else:
        out["names"] = _first_names(props)
    if not out["names"]:
        out["names"] = {"en": out["id"]} if out["id"] else {}
    if not out["names"]:
        report.error(at, "name", "the feature has no name", expected="names, name or title", got="")
        ok = False
    for key in ("note", "description"):
        if props.get(key):
            out["note"] = plain(props[key])
            break
    if props.get("strength") not in (None, ""):
        try:
            out["strength"] = count(props["strength"])
        except (TypeError, ValueError):
            report.error(at, "strength", "not a number", got=str(props["strength"]))
            ok = False
    if props.get("movement") in MOVEMENTS:
        out["movement"] = props["movement"]
    for key in ("deployment", "kind"):
        if isinstance(props.get(key), str):
            out[key] = plain(props[key])
    if isinstance(props.get("seq"), int):
        out["seq"] = props["seq"]
    links = [u for u in (link(v) for v in _as_list(props.get("links"))) if u]
    if links:
        out["links"] = links
    periods = _name_periods(props.get("name_periods"))
    if periods:
        out["name_periods"] = periods
    cited = _cited(props.get("source"), at)
    if cited:
        out["source"] = cited
    return out, ok


def _name_periods(value) -> list[dict]:
    """The atlas' ``name_periods`` (a place's names through time), as plain text."""
    out = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, dict) and isinstance(item.get("names"), dict):
            names = {k: plain(v) for k, v in item["names"].items() if isinstance(v, str) and v}
            out.append({"start": item.get("start"), "end": item.get("end"), "names": names})
    return out


def _first_names(props: dict) -> dict:
    out = {}
    for lang, keys in _NAME_KEYS:
        for key in keys:
            if props.get(key):
                out[lang] = plain(props[key])
                break
    return out


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _cited(value, at) -> list[dict]:
    """The feature's own ``source`` (the atlas' schema: document and quote), as plain text."""
    out = []
    for item in _as_list(value):
        if isinstance(item, dict) and item.get("document") and item.get("quote"):
            out.append(
                {"document": plain(item["document"]), at[0]: at[1], "quote": plain(item["quote"])}
            )
    return out


def geometry_of(geometry, report, at):
    """A point or line kept as is, a polygon as a point inside it, ``None`` for no geometry;
    ``False`` after an error (coordinates out of range, not GeoJSON)."""
    if geometry is None:
        return None
    point = _plain_point(geometry)
    if point is not None:  # the common case, without building a shapely geometry
        return checked_point(point, report, at)
    try:
        geom = shape(geometry)
    except Exception as exc:  # shapely raises several kinds on malformed GeoJSON
        report.error(
            at,
            "geometry",
            f"not a GeoJSON geometry ({exc})",
            expected="Point, LineString or Polygon",
            got=str(geometry)[:80],
        )
        return False
    return checked(geom, report, at)


def checked(geom, report, at, fieldname: str = "geometry"):
    """A shapely geometry as a pack geometry, its coordinates checked in range."""
    if geom.is_empty:
        return None
    w, s, e, n = geom.bounds
    problems = lonlat_problems(w, s) + lonlat_problems(e, n)
    for name, expected, got in dict.fromkeys(problems):
        report.error(at, fieldname, f"coordinate out of range ({name})", expected=expected, got=got)
    if problems:
        return False
    if geom.geom_type == "MultiPoint":
        geom = geom.geoms[0]
    if geom.geom_type not in _KEEP:
        report.warn(at, fieldname, f"a {geom.geom_type} is drawn at a point inside it")
        geom = geom.representative_point()
    return geom.__geo_interface__ | {"coordinates": _lists(geom.__geo_interface__["coordinates"])}


def _plain_point(geometry) -> tuple[float, float] | None:
    if not (isinstance(geometry, dict) and geometry.get("type") == "Point"):
        return None
    coords = geometry.get("coordinates")
    if not (isinstance(coords, list) and len(coords) in (2, 3)):
        return None
    lon, lat = coords[0], coords[1]
    if type(lon) not in (int, float) or type(lat) not in (int, float):
        return None
    return float(lon), float(lat)


def checked_point(point: tuple[float, float], report, at, fieldname: str = "geometry"):
    """A ``(lon, lat)`` point as a pack geometry, checked in range (``False`` when not)."""
    problems = lonlat_problems(*point)
    for name, expected, got in problems:
        report.error(at, fieldname, f"coordinate out of range ({name})", expected=expected, got=got)
    if problems:
        return False
    return {"type": "Point", "coordinates": [round(point[0], 6), round(point[1], 6)]}


def _lists(coords):
    if isinstance(coords, (tuple, list)) and coords and isinstance(coords[0], (int, float)):
        return [round(float(c), 6) for c in coords[:2]]
    return [_lists(c) for c in coords]
