"""A StoryMapJS story (``storymap.slides[]``, as NUKnightLab/StoryMapJS writes it): the slides
become a guided tour, one stop per slide with a location, each also an event on the map.

Free-text slide dates ("1790", "Aug 23", "23 August 1918") are read; a date without a year
takes the overview slide's year, with a warning that says so (the user can correct it). A
closing overview slide ends the tour. Headlines and texts are reduced to text; media and
backgrounds become plain links, never loaded.
"""

from __future__ import annotations

import re

from geodata.imports.common import Options, as_dict, guarded, undated
from geodata.imports.dates import DateError, When, parse_free
from geodata.imports.geojson import checked
from geodata.imports.pack import PackBuilder, source
from geodata.imports.places import number
from geodata.imports.text import link, plain


def import_story(doc: dict, pack: PackBuilder, report, opts: Options, limits) -> None:
    """Read the story's slides into ``pack``: its features and its tour."""
    slides = doc["storymap"].get("slides")
    if not isinstance(slides, list) or not slides:
        report.error(None, "storymap.slides", "no slides", expected="a list of slides", got="")
        return
    limits.check_rows(len(slides), pack.file, "slides")
    year = None
    first = slides[0] if isinstance(slides[0], dict) else {}
    if first.get("type") == "overview":
        pack.name = plain(as_dict(first.get("text")).get("headline")) or pack.name
        match = re.search(r"-?\b\d{1,4}\b", str(first.get("date") or ""))
        year = int(match.group()) if match else None
    for n, slide in enumerate(slides, start=1):
        at = ("slide", n)
        if not isinstance(slide, dict):
            report.error(at, None, "not a slide", expected="an object", got=type(slide).__name__)
            continue
        if n == 1 and slide.get("type") == "overview":
            continue  # the opening overview names the story and gives its year
        closing = slide.get("type") == "overview"
        guarded(report, at, _slide, slide, at, year, pack, report, opts)
        if closing and pack.tour and pack.tour[-1]["id"] == f"slide-{n}":
            pack.tour[-1]["closing"] = True
        if closing:
            rest = len(slides) - n
            if rest:
                report.warn(
                    at,
                    "type",
                    f"the closing overview ends the tour: the {rest} "
                    "slide(s) after it are not in it",
                )
            break


def _slide(slide: dict, at, year, pack: PackBuilder, report, opts: Options) -> None:
    text = slide.get("text") if isinstance(slide.get("text"), dict) else {}
    headline, body = plain(text.get("headline")), plain(text.get("text"))
    when = None
    raw = str(slide.get("date") or "").strip()
    if raw:
        try:
            when, borrowed = parse_free(raw, year)
        except DateError as exc:
            report.error(at, "date", str(exc), got=raw)
            return
        if borrowed:
            report.warn(
                at,
                "date",
                f"{raw!r} gives no year: {year} is taken from the overview "
                "slide; correct it if the story happened another year",
                got=raw,
            )
    else:
        undated(report, at, "date", opts)
        if opts.strict:
            return
    center, zoom = _location(slide.get("location"), at, report)
    if center is False:
        return
    links = [
        u for u in (link(as_dict(slide.get(k)).get("url")) for k in ("media", "background")) if u
    ]
    names = {"en": headline or raw or f"Slide {at[1]}"}
    fid = f"slide-{at[1]}"
    props: dict = {"id": fid, "layer": "events", "names": names}
    if body:
        props["note"] = body
    if links:
        props["links"] = links
    caption = plain(as_dict(slide.get("media")).get("caption"))
    props["source"] = source(pack.file, at, headline or body[:200] or raw)
    if caption:
        props["source"][0]["cite"] = caption
    feature = pack.add(props, when, center)
    stop = {
        "id": feature["properties"]["id"],
        "names": names,
        "text": {"en": body},
        "center": center,
        "zoom": zoom,
        "links": links,
    }
    stop.update(_dates(when))
    if center is not None:
        pack.tour.append(stop)
    else:
        report.warn(at, "location", "no location: not a stop of the tour (on the timeline only)")


def _dates(when: When | None) -> dict:
    if when is None:
        return {"start": None, "end": None, "precision": "none"}
    return {"start": when.start, "end": when.end, "precision": when.precision}


def _location(location, at, report):
    """``([lon, lat], zoom)``; ``(None, None)`` without a location; ``(False, None)`` if bad."""
    if not isinstance(location, dict) or location.get("lat") in (None, ""):
        return None, None
    try:
        lon, lat = number(location.get("lon")), number(location.get("lat"))
    except (TypeError, ValueError):
        report.error(
            at,
            "location",
            "not numbers",
            expected="lat and lon in decimal degrees",
            got=f"{location.get('lat')}, {location.get('lon')}",
        )
        return False, None
    from shapely.geometry import Point

    if lon is None or checked(Point(lon, lat), report, at, "location") is False:
        return False, None
    try:
        zoom = number(location.get("zoom"))
    except (TypeError, ValueError):
        zoom = None
    return [round(lon, 6), round(lat, 6)], zoom
