"""What every importer does to a row the same way: its dates (with the undated rule and
``--strict``), its coordinates or place name, and its names."""

from __future__ import annotations

from geodata.imports.dates import DateError, When, is_unknown, parse_range, parse_when
from geodata.imports.places import place_point, read_lonlat
from geodata.imports.text import plain

#: The message an undated row gets (a warning, or an error under --strict).
UNDATED = "no usable date: kept undated, shown at every date of the pack's span"


def as_list(value) -> list:
    """``value`` when it is a list, else ``[]`` (JSON from users holds anything anywhere)."""
    return value if isinstance(value, list) else []


def as_dict(value) -> dict:
    """``value`` when it is an object, else ``{}``."""
    return value if isinstance(value, dict) else {}


def guarded(report, at, read, *args):
    """Run one row's reader; a shape no check foresaw refuses that row, never the import.

    The readers check what they read and name it; this is the net under them, so that one odd
    row (a number where a list goes) is an error naming the row, not a traceback. Returns what
    ``read`` returns, ``None`` after such an error.
    """
    try:
        return read(*args)
    except (TypeError, AttributeError, ValueError, KeyError, IndexError, OverflowError) as exc:
        report.error(at, None, f"could not be read: {type(exc).__name__}: {exc}")
        return None


class Options:
    """How strict the import is (``--strict`` refuses undated rows too)."""

    def __init__(self, strict: bool = False):
        self.strict = strict


def undated(report, at, fieldname: str, opts: Options, got: str = "") -> None:
    """Report a row without a usable date: kept with a warning, or an error under --strict."""
    if opts.strict:
        report.error(
            at,
            fieldname,
            "no usable date (--strict refuses undated rows)",
            expected="a date as YYYY, YYYY-MM or YYYY-MM-DD",
            got=got,
        )
    else:
        report.warn(at, fieldname, UNDATED, got=got)


def when_of(
    report, at, opts: Options, *, date=None, start=None, end=None, fields=("date", "start", "end")
) -> tuple[When | None, bool]:
    """The row's dates from ``date`` or ``start``/``end``; ``(when, ok)``.

    An unknown date (empty, ``-1``) is a warning (an error under --strict); a malformed date
    or a start after the end is an error naming the field.
    """
    date_field, start_field, end_field = fields
    no_date = date is None or not str(date).strip()
    if no_date and is_unknown(start):  # an end alone is no span: the row is undated
        if not is_unknown(end):
            try:
                parse_when(end)
            except DateError as exc:
                report.error(at, end_field, str(exc), got=str(end))
                return None, False
        undated(report, at, start_field, opts, got=str(start if start is not None else ""))
        return None, not opts.strict
    try:
        if date is not None and str(date).strip():
            return parse_when(date), True
        when = parse_range(start, end)
    except DateError as exc:
        name = date_field if date is not None and str(date).strip() else _which(start, end, fields)
        got = date if name == date_field else (start if name == start_field else end)
        report.error(at, name, str(exc), got=str(got))
        return None, False
    if when is None:
        undated(report, at, start_field, opts, got=str(start if start is not None else ""))
        return None, not opts.strict
    return when, True


def _which(start, end, fields) -> str:
    try:
        parse_when(start)
    except DateError:
        return fields[1]
    try:
        parse_when(end)
    except DateError:
        return fields[2]
    return fields[1]  # both read, start after end: the start is named


def where_of(row: dict, report, at, *, place_field="place", lon="lon", lat="lat"):
    """``(coords, extra, ok)`` from a row's lat/lon or, without them, its place name."""
    point = read_lonlat(row, report, at, lon, lat)
    if point is False:
        return None, {}, False
    if point is not None:
        return point, {}, True
    name = plain(row.get(place_field) or "")
    if not name:
        return None, {}, True
    found = place_point(name, report, at, place_field)
    if found is None:
        return None, {}, False
    return found[0], found[1], True


def names_of(row: dict, prefix: str = "name_") -> dict:
    """``{"en": ..., "zh": ..., "ja": ...}`` from ``name_en``, ``name_zh``, ``name_ja`` (plain).

    Examples
    --------
    >>> names_of({"name_en": "<b>Mukden</b>", "name_ja": "奉天", "name_zh": ""})
    {'en': 'Mukden', 'ja': '奉天'}
    """
    out = {}
    for lang in ("en", "zh", "ja"):
        text = plain(row.get(prefix + lang) or "")
        if text:
            out[lang] = text
    return out
