"""The atlas' own spreadsheet (CSV, XLSX, ODS): one row per observation.

Columns: ``layer`` (places, events, deployments, routes, shipments), ``id``, ``date`` or
``start``/``end``, ``place`` or ``lat``/``lon``, ``name_en``/``name_zh``/``name_ja``,
``strength``, ``source``, ``quote``, ``note``, ``movement``. Rows that share an ``id`` with
different dates make one moving unit (``deployment`` and ``seq``, in date order); rows of a
route or shipment that share an ``id`` are its waypoints, in row order.
"""

from __future__ import annotations

from geodata.imports.common import Options, guarded, names_of, when_of, where_of
from geodata.imports.dates import When, day_key
from geodata.imports.pack import LAYERS, MOVEMENTS, PackBuilder, source
from geodata.imports.places import count
from geodata.imports.tables import Table, cell
from geodata.imports.text import plain

#: The template's columns, in its order.
COLUMNS = (
    "layer",
    "id",
    "date",
    "start",
    "end",
    "place",
    "lat",
    "lon",
    "name_en",
    "name_zh",
    "name_ja",
    "strength",
    "movement",
    "source",
    "quote",
    "note",
)
ALIASES = {
    "latitude": "lat",
    "longitude": "lon",
    "lng": "lon",
    "name": "name_en",
    "title": "name_en",
    "description": "note",
    "type": "layer",
}
_LINES = ("routes", "shipments")


def looks_like(header: list[str]) -> bool:
    """Whether a header is the atlas' spreadsheet (it names ``layer`` or a ``name_xx``)."""
    keys = {h.strip().lower() for h in header}
    return "layer" in keys or bool(keys & {"name_en", "name_zh", "name_ja"})


def import_table(table: Table, pack: PackBuilder, report, opts: Options) -> None:
    """Read every row of ``table`` into ``pack``, reporting what is wrong."""
    keys = []
    for name in table.header:
        key = name.strip().lower().replace(" ", "_")
        key = ALIASES.get(key, key)
        if key not in COLUMNS:
            report.warn(
                table.header_at,
                name,
                "unknown column: ignored",
                expected=", ".join(COLUMNS),
                got=name,
            )
        keys.append(key)
    groups: dict[str, list] = {}
    for at, values in table.rows:
        if len(values) > len(keys):
            report.warn(
                at,
                None,
                f"{len(values)} fields where the header has {len(keys)}: "
                "the extra fields are ignored",
            )
        row = {k: cell(v) for k, v in zip(keys, values, strict=False) if k}
        parsed = guarded(report, at, _row, row, at, pack.file, report, opts)
        if parsed is not None:
            groups.setdefault(parsed["props"]["id"], []).append(parsed)
    for fid, rows in groups.items():
        _emit(fid, rows, pack, report)


def _row(row: dict, at, file: str, report, opts: Options) -> dict | None:
    ok = True
    layer = row.get("layer", "").lower() or None
    if layer is not None and layer not in LAYERS[:-1]:
        report.error(at, "layer", "unknown layer", expected=", ".join(LAYERS[:-1]), got=layer)
        ok = False
    when, dates_ok = when_of(
        report, at, opts, date=row.get("date"), start=row.get("start"), end=row.get("end")
    )
    coords, extra, where_ok = where_of(row, report, at)
    props: dict = {"id": row.get("id") or f"{at[0]}-{at[1]}", **extra}
    props["names"] = names_of(row) or ({"en": extra["geocoded_from"]} if extra else {})
    if not props["names"]:
        report.error(
            at,
            "name_en",
            "the row has no name",
            expected="a name in name_en, name_zh or name_ja",
            got="",
        )
        ok = False
    if row.get("strength"):
        try:
            props["strength"] = count(row["strength"])
        except ValueError:
            report.error(
                at,
                "strength",
                "not a number",
                expected="a number of people or things",
                got=row["strength"],
            )
            ok = False
    movement = row.get("movement", "").lower()
    if movement:
        if movement in MOVEMENTS:
            props["movement"] = movement
        else:
            report.error(
                at, "movement", "unknown movement", expected=", ".join(MOVEMENTS), got=movement
            )
            ok = False
    if not (ok and dates_ok and where_ok):
        return None
    if coords is None:
        report.warn(at, "place", "no place and no lat/lon: kept as a timeline-only entry")
    props["layer"] = layer or ("events" if when is not None else "places")
    if row.get("note"):
        props["note"] = plain(row["note"])
    quote = plain(row.get("quote")) or next(iter(props["names"].values()))
    props["source"] = source(file, at, quote, plain(row.get("source")) or None)
    return {"props": props, "when": when, "coords": coords, "at": at}


def _emit(fid: str, rows: list[dict], pack: PackBuilder, report) -> None:
    first = rows[0]
    for r in rows[1:]:
        if r["props"]["layer"] != first["props"]["layer"]:
            where = f"{first['at'][0]} {first['at'][1]}"
            report.error(
                r["at"],
                "id",
                f"the same id as {where}, which is in layer "
                f"{first['props']['layer']!r}: one id, one layer",
                got=fid,
            )
    rows = [r for r in rows if r["props"]["layer"] == first["props"]["layer"]]
    if len(rows) == 1:
        r = rows[0]
        pack.add(r["props"], r["when"], r["coords"])
        return
    if rows[0]["props"]["layer"] in _LINES:
        _line(fid, rows, pack, report)
        return
    rows.sort(key=lambda r: day_key(r["when"].start) if r["when"] else (10**9, 0, 0))
    seen: dict = {}
    seq = 0
    for r in rows:
        key = (r["when"].start, r["when"].end) if r["when"] else None
        if key in seen:
            report.error(
                r["at"],
                "id",
                f"the same id and dates as {seen[key][0]} {seen[key][1]}: "
                "a moving unit's rows need different dates",
                got=fid,
            )
            continue
        seen[key] = r["at"]
        props = dict(r["props"], id=f"{fid}--{seq}", deployment=fid, seq=seq)
        pack.add(props, r["when"], r["coords"])
        seq += 1


def _line(fid: str, rows: list[dict], pack: PackBuilder, report) -> None:
    points = [r["coords"] for r in rows if r["coords"] is not None]
    if len(points) < 2:
        for r in rows:
            report.error(
                r["at"],
                "lat",
                f"the {rows[0]['props']['layer']} {fid!r} has fewer than "
                "two placed rows: a line needs two points at least",
            )
        return
    whens = [r["when"] for r in rows if r["when"] is not None]
    when = None
    if whens:
        start = min(whens, key=lambda w: day_key(w.start))
        end = max(whens, key=lambda w: day_key(w.end))
        when = When(
            start.start,
            end.end,
            max((w.precision for w in whens), key=("day", "month", "year").index),
            any(w.approximate for w in whens),
        )
    props = dict(rows[0]["props"])
    props["source"] = [s for r in rows for s in r["props"]["source"]]
    pack.add(props, when, None, {"type": "LineString", "coordinates": points})
