"""Import the user's own data: spreadsheets, GeoJSON, Linked Places, TimelineJS, StoryMapJS.

:func:`import_file` reads one file into a *pack* (a GeoJSON FeatureCollection in the atlas'
layer schema, ``docs/import-pack.md``) and a report naming every problem. Nothing here imports
Dash or the page: the upload route and the CLI call it.

>>> from geodata.imports import import_file
>>> csv = b"layer,id,date,place,name_en\\nevents,x,1918-08-12,Vladivostok,Landing\\n"
>>> result = import_file(csv, filename="lesson.csv")
>>> result.report["features"], result.pack["features"][0]["properties"]["geocoded_from"]
(1, 'Vladivostok')
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from geodata.imports.common import Options
from geodata.imports.limits import ImportFailed, ImportLimits
from geodata.imports.pack import PackBuilder
from geodata.imports.report import Report, describe

#: The formats, by the name ``--format`` and the pack's ``format`` use.
FORMATS = (
    "atlas-csv",
    "atlas-xlsx",
    "atlas-ods",
    "geojson",
    "lpf",
    "lp-tsv",
    "timelinejs",
    "storymapjs",
)

__all__ = ["FORMATS", "ImportFailed", "ImportLimits", "ImportResult", "describe", "import_file"]


@dataclass
class ImportResult:
    """The pack (a dict, JSON-ready) and the report (a dict, JSON-ready)."""

    pack: dict
    report: dict


def import_file(
    source,
    filename: str | None = None,
    fmt: str | None = None,
    strict: bool = False,
    limits: ImportLimits | None = None,
) -> ImportResult:
    """Import one file of the user's own data.

    Parameters
    ----------
    source : str, pathlib.Path or bytes
        A path, or the file's bytes (an upload).
    filename : str, optional
        The user's file name (the source of every feature); the path's name by default.
    fmt : str, optional
        One of :data:`FORMATS` (``"atlas"`` picks CSV, XLSX or ODS by the name); found from the
        name and the content when omitted.
    strict : bool
        Refuse the whole file on any error, undated rows included.
    limits : ImportLimits, optional
        Bytes and rows (the settings' limits by default).

    Returns
    -------
    ImportResult

    Raises
    ------
    ImportFailed
        For whole-file failures (too big, unreadable, unknown format, a --strict refusal); the
        message names the file.
    """
    limits = limits or ImportLimits.from_settings()
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
        filename = filename or "upload"
        limits.check_bytes(len(data), filename)
    else:
        path = Path(source)
        filename = filename or path.name
        try:
            limits.check_bytes(path.stat().st_size, filename)
            data = path.read_bytes()
        except OSError as exc:
            raise ImportFailed(f"{filename}: cannot read the file ({exc.strerror})") from None
    from geodata.imports.detect import read

    fmt = _format_name(fmt, filename)
    report_fmt = fmt or "unknown"
    report = Report(filename, report_fmt)
    pack = PackBuilder(filename, report_fmt, Path(filename).stem)
    read(data, filename, fmt, pack, report, Options(strict), limits)
    report.format = pack.format
    out = pack.finish(report)
    result = ImportResult(out, report.as_dict(len(out["features"])))
    if strict and report.errors:
        first = describe(filename, report.errors[0])
        raise ImportFailed(
            f"{filename}: refused under --strict: {len(report.errors)} error(s), "
            f"the first: {first}",
            result.report,
        )
    return result


def _format_name(fmt: str | None, filename: str) -> str | None:
    if fmt is None:
        return None
    fmt = fmt.lower()
    if fmt == "atlas":
        suffix = Path(filename).suffix.lower().lstrip(".")
        fmt = f"atlas-{suffix}" if suffix in ("xlsx", "ods") else "atlas-csv"
    if fmt not in FORMATS:
        raise ImportFailed(
            f"{filename}: unknown format {fmt!r}; the formats are: {', '.join(FORMATS)}"
        )
    return fmt


def dumps(pack: dict) -> str:
    """The pack as compact JSON text (UTF-8 names kept)."""
    return json.dumps(pack, ensure_ascii=False, separators=(",", ":"))
