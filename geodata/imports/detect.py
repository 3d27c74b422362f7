"""Which format a file is (from ``--format``, else its name and content), and its reader."""

from __future__ import annotations

import json
from pathlib import Path

from geodata.imports.limits import ImportFailed
from geodata.imports.tables import decode, read_table

_SHEETS = (".csv", ".tsv", ".txt", ".xlsx", ".ods")
_JSON = (".json", ".geojson", ".jsonld", ".jsonl", ".ndjson", ".geojsonl")


def read(data: bytes, file: str, fmt, pack, report, opts, limits) -> None:
    """Read ``data`` into ``pack`` with the reader of its format; sets ``pack.format``."""
    suffix = Path(file).suffix.lower()
    if fmt in ("atlas-csv", "atlas-xlsx", "atlas-ods", "lp-tsv", "timelinejs") or (
        fmt is None and suffix in _SHEETS
    ):
        _sheet(data, file, fmt, pack, report, opts, limits)
    elif fmt in ("geojson", "lpf", "storymapjs") or fmt is None and suffix in _JSON:
        _json(data, file, fmt, pack, report, opts, limits)
    else:
        raise ImportFailed(
            f"{file}: cannot tell the format from the name {suffix or '(no extension)'!r}; "
            "expected .csv, .tsv, .xlsx, .ods, .json, .geojson, .jsonld or .jsonl, or --format"
        )
    report.format = pack.format


def _sheet(data, file, fmt, pack, report, opts, limits) -> None:
    from geodata.imports import atlas_sheet

    table = read_table(data, file, limits)
    if fmt is None:
        fmt = _sheet_format(table.header, file)
    pack.format = fmt
    if fmt.startswith("atlas-"):
        atlas_sheet.import_table(table, pack, report, opts)
    elif fmt == "lp-tsv":
        from geodata.imports import lptsv

        lptsv.import_table(table, pack, report, opts)
    elif fmt == "timelinejs":
        from geodata.imports import timelinejs

        timelinejs.import_table(table, pack, report, opts)
    else:
        raise ImportFailed(f"{file}: the {fmt} reader is not available")


def _sheet_format(header: list[str], file: str) -> str:
    from geodata.imports import atlas_sheet

    keys = {h.strip().lower() for h in header}
    suffix = Path(file).suffix.lower()
    if {"year", "headline"} <= keys:
        return "timelinejs"
    if atlas_sheet.looks_like(header):
        return f"atlas-{suffix.lstrip('.')}" if suffix in (".xlsx", ".ods") else "atlas-csv"
    if {"id", "title"} <= keys or "title_source" in keys:
        return "lp-tsv"
    return f"atlas-{suffix.lstrip('.')}" if suffix in (".xlsx", ".ods") else "atlas-csv"


def _json(data, file, fmt, pack, report, opts, limits) -> None:
    from geodata.imports import geojson

    text = decode(data, file)
    try:
        doc = json.loads(text)
        lines = None
    except json.JSONDecodeError as exc:
        doc, lines = None, _json_lines(text, file, exc)
    if lines is not None:
        fmt = fmt or "lpf"
        features = lines
        where = "line"
    else:
        fmt = fmt or _json_format(doc)
        features, where = _features(doc, file, fmt), "feature"
    pack.format = fmt
    if fmt == "geojson":
        limits.check_rows(len(features), file, "features")
        name = doc.get("name") if isinstance(doc, dict) else None
        if isinstance(name, str) and name.strip():
            pack.name = name.strip()
        geojson.import_features(features, pack, report, opts, where=where)
    elif fmt == "lpf":
        from geodata.imports import lpf

        limits.check_rows(len(features), file, "features")
        lpf.import_features(features, pack, report, opts, where)
    elif fmt == "storymapjs":
        from geodata.imports import storymapjs

        if not (isinstance(doc, dict) and isinstance(doc.get("storymap"), dict)):
            raise ImportFailed(f'{file}: expected a StoryMapJS story ({{"storymap": ...}})')
        storymapjs.import_story(doc, pack, report, opts, limits)
    else:
        raise ImportFailed(f"{file}: the {fmt} reader is not available")


def _json_lines(text: str, file: str, first_error) -> list:
    """JSON lines (one Feature a line, as the LPF repository's ``data/`` files)."""
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            if n == 1:
                raise ImportFailed(
                    f"{file}: line {first_error.lineno}: not JSON ({first_error.msg})"
                ) from None
            raise ImportFailed(f"{file}: line {n}: not JSON ({exc.msg})") from None
    return out


def _json_format(doc) -> str:
    if isinstance(doc, dict) and isinstance(doc.get("storymap"), dict):
        return "storymapjs"
    features = doc.get("features") if isinstance(doc, dict) else None
    if isinstance(doc, dict) and (
        "@context" in doc
        or any(
            isinstance(f, dict) and isinstance(f.get("names"), list) for f in (features or [])[:50]
        )
    ):
        return "lpf"
    return "geojson"


def _features(doc, file: str, fmt: str) -> list:
    if fmt == "storymapjs":
        return []
    if isinstance(doc, dict) and doc.get("type") == "Feature":
        return [doc]
    if isinstance(doc, dict) and isinstance(doc.get("features"), list):
        return doc["features"]
    got = doc.get("type") if isinstance(doc, dict) else type(doc).__name__
    raise ImportFailed(f"{file}: expected a GeoJSON FeatureCollection or Feature, got {got!r}")
