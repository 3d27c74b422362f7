"""A TimelineJS sheet (the columns of NUKnightLab/TimelineJS3's ``ConfigFactory.js``): ``Year,
Month, Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text, Media,
Media Credit, Media Caption, Media Thumbnail, Type, Group, Background``, plus optional ``Place``
or ``Lat``/``Lon`` columns of the atlas.

The ``title`` row names the pack; ``era`` rows are kept as spans. A row without a place is a
timeline-only entry (on the slider and in "On this day", not on the map). HTML becomes text;
media, thumbnails and backgrounds become plain links, never loaded.
"""

from __future__ import annotations

from geodata.imports.common import Options, guarded, undated, where_of
from geodata.imports.dates import DateError, When, day_key, iso_day
from geodata.imports.pack import PackBuilder, source
from geodata.imports.tables import Table, cell
from geodata.imports.text import link, plain

COLUMNS = (
    "year",
    "month",
    "day",
    "time",
    "end year",
    "end month",
    "end day",
    "end time",
    "display date",
    "headline",
    "text",
    "media",
    "media credit",
    "media caption",
    "media thumbnail",
    "type",
    "group",
    "tag",
    "background",
    "alt text",
    "place",
    "lat",
    "lon",
    "latitude",
    "longitude",
)
_ALIASES = {"latitude": "lat", "longitude": "lon", "tag": "group"}


def import_table(table: Table, pack: PackBuilder, report, opts: Options) -> None:
    """Read every row of a TimelineJS sheet into ``pack``."""
    keys = []
    for name in table.header:
        key = " ".join(name.lower().split())
        if key not in COLUMNS:
            report.warn(
                table.header_at,
                name,
                "unknown column: ignored",
                expected="a TimelineJS column, Place, Lat or Lon",
                got=name,
            )
        keys.append(_ALIASES.get(key, key))
    for at, values in table.rows:
        row = {k: cell(v) for k, v in zip(keys, values, strict=False)}
        if row.get("type", "").lower() == "title":
            pack.name = plain(row.get("headline")) or pack.name
            continue
        guarded(report, at, _row, row, at, pack, report, opts)


def _date(row: dict, prefix: str) -> When | None:
    year = row.get(prefix + "year", "")
    month, day = row.get(prefix + "month", ""), row.get(prefix + "day", "")
    if not year:
        if month or day:
            raise DateError(f"a {'month' if month else 'day'} without a year")
        return None
    try:
        y = int(float(year))
        m = int(float(month)) if month else None
        d = int(float(day)) if day else None
    except (ValueError, OverflowError):
        raise DateError("expected whole numbers in Year, Month and Day") from None
    if d is not None and m is None:
        raise DateError("a day without a month")
    from geodata.imports.dates import parse_when

    text = iso_day(y, m or 1, d or 1)
    return parse_when(text if d else text[: -3 if m else -6])


def _row(row: dict, at, pack: PackBuilder, report, opts: Options) -> None:
    ok = True
    try:
        start = _date(row, "")
    except DateError as exc:
        report.error(
            at, "Year", str(exc), got="-".join(row.get(k, "") for k in ("year", "month", "day"))
        )
        start, ok = None, False
    try:
        end = _date(row, "end ")
    except DateError as exc:
        report.error(
            at,
            "End Year",
            str(exc),
            got="-".join(row.get(k, "") for k in ("end year", "end month", "end day")),
        )
        end, ok = None, False
    when = None
    if start and end and day_key(start.start) > day_key(end.end):
        report.error(at, "End Year", f"the end {end.end} is before the start {start.start}")
        ok = False
    elif start:
        last = end or start
        when = When(
            start.start,
            last.end,
            max(start.precision, last.precision, key=("day", "month", "year").index),
        )
    headline = plain(row.get("headline"))
    if not headline and not row.get("text"):
        report.error(at, "Headline", "no headline and no text", expected="a headline", got="")
        ok = False
    coords, extra, where_ok = where_of(row, report, at)
    if ok and where_ok and when is None:
        undated(report, at, "Year", opts)
        ok = not opts.strict
    if not (ok and where_ok):
        return
    props = {"id": f"{at[0]}-{at[1]}", "layer": "events", **extra}
    props["names"] = {"en": headline or plain(row["text"])[:80]}
    note = [plain(row.get("text"))]
    links = []
    for key in ("media", "media thumbnail", "background"):
        value = row.get(key, "")
        url = link(value)
        if url:
            links.append(url)
        elif key == "media" and value:
            note.append(plain(value))  # a quote or HTML written in place of a media URL
    caption = " ".join(
        x for x in (plain(row.get("media caption")), plain(row.get("media credit"))) if x
    )
    if caption:
        note.append(caption)
    if any(note):
        props["note"] = "\n".join(n for n in note if n)
    if links:
        props["links"] = links
    kind = row.get("type", "").lower() or plain(row.get("group"))
    if kind:
        props["kind"] = kind
    props["source"] = source(pack.file, at, headline or props["names"]["en"])
    pack.add(props, when, coords)
