"""Linked Places Format (``README.md`` of LinkedPasts/linked-places-format): a FeatureCollection,
or JSON lines with one Feature a line as in the spec repository's ``data/`` folder.

Read: ``properties.title``, ``names`` (each with its own ``when``: the place's name periods),
``when.timespans`` (``start``/``end`` with ``in``, ``earliest``, ``latest``, or a bare string as
the spec's own example writes ``{"start": "1700"}``; ``-1`` for unknown), ``geometry`` as a
geometry or a GeometryCollection whose members carry their own ``when`` (each becomes one
observation of the place, in date order), ``geo_wkt``/``geowkt`` instead of coordinates,
``types``, ``links``, ``descriptions`` and the names' ``citations``.
"""

from __future__ import annotations

import shapely.wkt
from shapely.errors import ShapelyError
from shapely.geometry import shape

from geodata.imports.common import Options, as_list, guarded, undated
from geodata.imports.dates import DateError, When, day_key, is_unknown, parse_when
from geodata.imports.geojson import checked
from geodata.imports.pack import PackBuilder, source
from geodata.imports.text import link, plain

_ORDER = ("day", "month", "year")


def import_features(features: list, pack: PackBuilder, report, opts: Options, where: str):
    """Read each LPF feature (numbered from 1, or by its line in JSON lines) into ``pack``."""
    for n, feature in enumerate(features, start=1):
        at = (where, n)
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            got = feature.get("type") if isinstance(feature, dict) else type(feature).__name__
            report.error(
                at, "type", "not a Linked Places Feature", expected="Feature", got=str(got)
            )
            continue
        guarded(report, at, _feature, feature, at, pack, report, opts)


def _bound(value, which: str):
    """One end of a timespan: ``{"in"|"earliest"|"latest": ...}`` or a bare string."""
    if isinstance(value, dict):
        keys = ("earliest", "in", "latest") if which == "start" else ("latest", "in", "earliest")
        value = next((value[k] for k in keys if not is_unknown(value.get(k))), None)
    return None if is_unknown(value) else parse_when(value)


def when_span(when, at, report, fieldname: str = "when") -> tuple[When | None, bool]:
    """The span covering every timespan of a ``when``; ``(None, True)`` when it has none."""
    if not isinstance(when, dict):
        return None, True
    found = []
    for i, span in enumerate(as_list(when.get("timespans"))):
        if not isinstance(span, dict):
            continue
        name = f"{fieldname}.timespans[{i}]"
        try:
            start, end = _bound(span.get("start"), "start"), _bound(span.get("end"), "end")
        except DateError as exc:
            report.error(at, name, str(exc), got=str(span)[:80])
            return None, False
        if start is None:
            continue  # a timespan must have a start: without one it says nothing
        end = end or start  # "if end is omitted, the interval described by the start"
        if day_key(start.start) > day_key(end.end):
            report.error(
                at, name, f"start {start.start} is after end {end.end}", got=str(span)[:80]
            )
            return None, False
        found.append(
            When(
                start.start,
                end.end,
                max(start.precision, end.precision, key=_ORDER.index),
                start.approximate or end.approximate,
            )
        )
    if not found:
        return None, True
    return When(
        min((w.start for w in found), key=day_key),
        max((w.end for w in found), key=day_key),
        max((w.precision for w in found), key=_ORDER.index),
        any(w.approximate for w in found),
    ), True


def _feature(feature: dict, at, pack: PackBuilder, report, opts: Options) -> None:
    props = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
    names = [n for n in as_list(feature.get("names")) if isinstance(n, dict) and n.get("toponym")]
    title = plain(props.get("title") or (names[0]["toponym"] if names else ""))
    if not title:
        report.error(
            at,
            "properties.title",
            "no title and no names",
            expected="properties.title or names[].toponym",
            got="",
        )
        return
    when, ok = when_span(feature.get("when"), at, report)
    periods, names_ok = _name_periods(names, at, report)
    if when is None and periods:  # the names' spans date the place when it has no span itself
        when = When(
            min((p["start"] for p in periods), key=day_key),
            max((p["end"] for p in periods), key=day_key),
            "year",
        )
    parts, geom_ok = _geometries(feature.get("geometry"), at, report)
    if not (ok and names_ok and geom_ok):
        return
    if when is None and not any(w for _, w in parts):
        undated(report, at, "when", opts)
        if opts.strict:
            return
    base = _props(feature, props, names, title, periods, at, pack.file)
    if not parts:
        report.warn(at, "geometry", "no geometry: kept as a timeline-only entry, not on the map")
        pack.add(base, when, None)
    elif len(parts) == 1:
        pack.add(base, parts[0][1] or when, None, parts[0][0])
    else:  # a place that moved or changed: one observation per dated geometry
        parts.sort(key=lambda p: day_key(p[1].start) if p[1] else (10**9, 0, 0))
        for seq, (geometry, gwhen) in enumerate(parts):
            pack.add(
                dict(base, id=f"{base['id']}--{seq}", deployment=base["id"], seq=seq),
                gwhen or when,
                None,
                geometry,
            )


def _name_periods(names: list, at, report):
    periods = []
    for i, name in enumerate(names):
        span, ok = when_span(name.get("when"), at, report, f"names[{i}].when")
        if not ok:
            return [], False
        if span is not None:
            lang = name.get("lang") if name.get("lang") in ("en", "zh", "ja") else "en"
            periods.append(
                {"start": span.start, "end": span.end, "names": {lang: plain(name["toponym"])}}
            )
    return periods, True


def _geometries(geometry, at, report) -> tuple[list, bool]:
    """``[(geometry, when or None)]`` from a geometry or a GeometryCollection."""
    if not isinstance(geometry, dict):
        return [], True
    members = geometry.get("geometries") if geometry.get("type") == "GeometryCollection" else None
    out = []
    for i, member in enumerate(members if members is not None else [geometry]):
        if not isinstance(member, dict):
            continue  # the spec writes "null" for an unknown location
        name = f"geometry.geometries[{i}]" if members is not None else "geometry"
        wkt = member.get("geo_wkt") or member.get("geowkt")
        try:
            geom = shape(member) if member.get("coordinates") else shapely.wkt.loads(wkt or "")
        except (ShapelyError, ValueError, TypeError, AttributeError, KeyError) as exc:
            report.error(at, name, f"not a geometry ({exc})", got=str(member)[:80])
            return [], False
        kept = checked(geom, report, at, name)
        if kept is False:
            return [], False
        span, ok = when_span(member.get("when"), at, report, f"{name}.when")
        if not ok:
            return [], False
        if kept:
            out.append((kept, span))
    return out, True


def _props(feature, props, names, title, periods, at, file) -> dict:
    fid = str(props.get("src_id") or feature.get("@id") or feature.get("id") or props.get("pid"))
    out: dict = {"id": fid, "layer": "places", "names": {"en": title}}
    others = sorted({plain(n["toponym"]) for n in names} - {title})
    descriptions = [
        plain(d.get("value"))
        for d in as_list(feature.get("descriptions"))
        if isinstance(d, dict) and d.get("value")
    ]
    note = descriptions[:1] + (["Also: " + "; ".join(others)] if others else [])
    if note:
        out["note"] = "\n".join(note)
    if periods:
        out["name_periods"] = periods
    types = [t for t in as_list(feature.get("types")) if isinstance(t, dict) and t.get("label")]
    if types:
        out["kind"] = plain(types[0]["label"])
    links = [link(x.get("identifier")) for x in as_list(feature.get("links"))
             if isinstance(x, dict)]  # fmt: skip
    if any(links):
        out["links"] = [u for u in links if u]
    cites = [
        plain(c.get("label"))
        for n in names
        for c in as_list(n.get("citations"))
        if isinstance(c, dict) and c.get("label")
    ]
    out["source"] = source(file, at, title, cites[0] if cites else None)
    return out
