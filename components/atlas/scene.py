"""The scene: the one document the browser engine is fed, built by one pure function.

Everything the page, the export driver and the standalone page need to draw and explain the
atlas on any day, in any language, with no server round trip: the layer specs of the
registry, the features and their tracks, hover texts, the legend, every interface string,
periods, key moments, the borders' configuration, the atlas span and the settings of the
timeline and the PNG export. Its shape is declared in ``scene.schema.json`` (beside this
file) and versioned by :data:`SCHEMA_VERSION`; ``docs/architecture.md`` shows who makes it
and who reads it.

Dates in the scene are day numbers (:func:`components.atlas.timeline.day_number`) for
arithmetic, with ISO strings beside them where a person reads them.

>>> from components.atlas.data import load_atlas
>>> scene = build_scene(load_atlas(FIXTURE_DIR))
>>> scene["schema_version"], scene["span"]["first"], scene["langs"]
(1, '1917-01-01', ['en', 'zh', 'ja'])
>>> scene["features"]["deployments"]["ids"]
['us-aef', 'jp-12']
"""

from __future__ import annotations

import bisect
import json
from pathlib import Path

from components.atlas.data import Atlas
from components.atlas.guide import moments
from components.atlas.i18n import (
    DEFAULT_LANG,
    LABEL_FONTS,
    LANG_LABELS,
    LANGS,
    STRINGS,
    pick_name,
    text,
)
from components.atlas.legend import attribution, legend_entries
from components.atlas.registry import (
    ANIMATION_DAYS,
    DEFAULT_SPEED,
    DEFAULT_VIEW,
    LAYERS,
    MARKER_SHAPES,
    MODES,
    MOVEMENT_STYLES,
    NATIONS,
    OTHER_NATION,
    PERIODS,
    PLAY_INTERVAL_MS,
    SNAPSHOT_DEFAULT_SCALE,
    SNAPSHOT_LAYOUT,
    SNAPSHOT_SCALES,
    SPEEDS,
    TOUR_MS,
)
from components.atlas.timeline import day_number, iso_date
from components.basemap.borders import border_config
from components.basemap.style import detail_config
from geodata.names import name_on

#: Bumped whenever a consumer of the scene would misread the old shape.
SCHEMA_VERSION = 1
SCHEMA_FILE = Path(__file__).with_name("scene.schema.json")
#: The day the page opens on when the URL names none: the landings of August 1918.
DEFAULT_DATE = "1918-08-20"


def _hover(title: str, *lines: str) -> str:
    return "<br>".join([f"<b>{title}</b>", *[line for line in lines if line]])


def _by_lang(fn) -> dict[str, list]:
    return {lang: fn(lang) for lang in LANGS}


def _names(feats: list[dict], key: str = "names") -> dict[str, list[str]]:
    return _by_lang(lambda lg: [pick_name(f.get(key), lg) for f in feats])


def _span_text(props: dict) -> str:
    return f"{props['start']} – {props['end']}"


def _routes(atlas: Atlas) -> dict:
    feats = atlas.layers["routes"]
    props = [f["properties"] for f in feats]
    modes = [p.get("mode") if p.get("mode") in MODES else "land" for p in props]
    return {
        "ids": [p["id"] for p in props],
        "modes": modes,
        "lines": [[c[:2] for c in f["geometry"]["coordinates"]] for f in feats],
        "starts": [day_number(p["start"]) for p in props],
        "ends": [day_number(p["end"]) for p in props],
        "hover": _by_lang(lambda lg: [_hover(pick_name(p.get("names"), lg), text(m, lg),
                                             _span_text(p))
                                      for p, m in zip(props, modes, strict=True)]),
    }  # fmt: skip


def _renamings(props: list[dict]) -> dict:
    """The labels of renamed places by stretch of days with the same names: ``changes`` (the
    day numbers on which a label changes) and, per stretch, the labels that differ from the
    places' own names (``{lang: {index: label}}``). The browser only looks them up."""
    renamed = [(i, p) for i, p in enumerate(props) if p.get("name_periods")]
    changes = sorted(
        {
            day_number(d) + shift
            for _, p in renamed
            for period in p["name_periods"]
            for d, shift in ((period["start"], 0), (period["end"], 1))
            if d
        }
    )
    stretches = []
    for first in [None, *changes]:
        iso = iso_date(first) if first is not None else "0001-01-01"
        labels = {lg: {} for lg in LANGS}
        for i, p in renamed:
            for lg in LANGS:
                label = name_on(p, iso, lg)
                if label != pick_name(p.get("names"), lg):
                    labels[lg][str(i)] = label
        stretches.append(labels)
    return {"changes": changes, "labels": stretches}


def _places(atlas: Atlas) -> dict:
    props = [f["properties"] for f in atlas.layers["places"]]

    def all_names(p):
        forms = [
            *(p.get("names") or {}).values(),
            *(n for period in p.get("name_periods") or [] for n in period["names"].values()),
        ]
        return " / ".join(dict.fromkeys(v for v in forms if v))

    return {
        "ids": [p["id"] for p in props],
        "lonlat": [f["geometry"]["coordinates"][:2] for f in atlas.layers["places"]],
        "labels": _names(props),
        "renamings": _renamings(props),
        "hover": _by_lang(lambda lg: [_hover(pick_name(p.get("names"), lg), all_names(p))
                                      for p in props]),
    }  # fmt: skip


def _events(atlas: Atlas) -> dict:
    feats = atlas.layers["events"]
    props = [f["properties"] for f in feats]
    return {
        "ids": [p["id"] for p in props],
        "lonlat": [f["geometry"]["coordinates"][:2] for f in feats],
        "starts": [day_number(p["start"]) for p in props],
        "ends": [day_number(p["end"]) for p in props],
        "labels": _names(props),
        "hover": _by_lang(lambda lg: [_hover(pick_name(p.get("names"), lg), _span_text(p))
                                      for p in props]),
    }  # fmt: skip


def _timeline(atlas: Atlas) -> dict:
    # the events the seeds date but place nowhere: in "On this day", not on the map
    props = [f["properties"] for f in atlas.timeline]
    return {"ids": [p["id"] for p in props], "starts": [day_number(p["start"]) for p in props],
            "ends": [day_number(p["end"]) for p in props], "labels": _names(props)}  # fmt: skip


def _shipments(atlas: Atlas) -> dict:
    feats = atlas.layers["shipments"]
    props = [f["properties"] for f in feats]

    def amount(p):
        return f"${p['amount_usd']:,}" if p.get("amount_usd") else ""

    return {
        "ids": [p["id"] for p in props],
        "paths": [[c[:2] for c in f["geometry"]["coordinates"]] for f in feats],
        "starts": [day_number(p["start"]) for p in props],
        "ends": [day_number(p["end"]) for p in props],
        "labels": _names(props),
        "amounts": [p.get("amount_usd") for p in props],
        "hover": _by_lang(lambda lg: [_hover(pick_name(p.get("names"), lg), _span_text(p),
                                             amount(p)) for p in props]),
    }  # fmt: skip


def _deployments(atlas: Atlas) -> dict:
    units = atlas.units

    def nation(u, lg):
        return pick_name(NATIONS.get(u["nation"], OTHER_NATION).names, lg)

    return {
        "ids": [u["id"] for u in units],
        "nations": [u["nation"] for u in units],
        "tracks": [u["track"] for u in units],
        "movements": [u["movements"] for u in units],
        "strengths": [u["strengths"] for u in units],
        "ends": [u["end"] for u in units],
        "labels": _by_lang(lambda lg: [short_label(u, lg) for u in units]),
        "hover": _by_lang(lambda lg: [_hover(pick_name(u["names"], lg), nation(u, lg))
                                      for u in units]),
    }  # fmt: skip


#: Longest map label of a unit before it is cut (characters; CJK names are shorter anyway).
LABEL_CHARS = 28


def short_label(unit: dict, lang: str) -> str:
    """The unit's label on the map in ``lang``: its cited ``short`` name, else its name cut
    short (before a bracket or a comma, then at a word before :data:`LABEL_CHARS`, with an
    ellipsis).

    Examples
    --------
    >>> short_label({"names": {"en": "American Expeditionary Force, Siberia"}}, "en")
    'American Expeditionary Force'
    >>> short_label({"names": {"en": "Soviet 57th Special Corps and Mongolian cavalry"}}, "en")
    'Soviet 57th Special Corps…'
    >>> short_label({"names": {"en": "X"}, "short": {"en": "US AEF"}}, "en")
    'US AEF'
    >>> short_label({"names": {"en": "Japanese 23rd Division (Komatsubara)"}}, "en")
    'Japanese 23rd Division'
    """
    short = pick_name(unit.get("short"), lang)
    if short:
        return short
    name = pick_name(unit["names"], lang)
    for mark in (" (", "（", ", ", "，"):
        name = name.split(mark)[0]
    if len(name) <= LABEL_CHARS:
        return name
    cut = name[: LABEL_CHARS - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip() + "…"


def default_day(atlas: Atlas) -> int:
    """The opening day: :data:`DEFAULT_DATE` clamped into the atlas span.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> iso_date(default_day(load_atlas(FIXTURE_DIR)))
    '1918-08-20'
    """
    return min(max(day_number(DEFAULT_DATE), atlas.span[0]), atlas.span[1])


def _view(center, zoom) -> dict:
    return {"lon": center[0], "lat": center[1], "zoom": zoom}


def build_scene(atlas: Atlas, borders: dict | None = None, detail: dict | None = None) -> dict:
    """The scene of ``atlas``: a JSON-able dict valid against ``scene.schema.json``.

    Parameters
    ----------
    atlas : Atlas
        The loaded layers.
    borders : dict, optional
        The borders' configuration (default :func:`components.basemap.borders.border_config`,
        which the page loads by date from the server; the exports pass one that inlines
        the whole file).
    detail : dict, optional
        The basemap's finer files for close views (default
        :func:`components.basemap.style.detail_config`); the exports choose their detail
        themselves and pass ``{}``.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> scene = build_scene(load_atlas(FIXTURE_DIR))
    >>> scene["strings"]["play"]["ja"], scene["nations"]["JPN"]["color"]
    ('再生', '#c0392b')
    >>> [m["feature"] for m in scene["moments"]][:2]
    ['us-aef', 'lake-khasan-battle']
    """
    first, last = atlas.span
    return {
        "schema_version": SCHEMA_VERSION,
        "span": {"first": iso_date(first), "last": iso_date(last), "first_day": first,
                 "last_day": last},
        "langs": list(LANGS),
        "default_lang": DEFAULT_LANG,
        "lang_labels": dict(LANG_LABELS),
        "fonts": dict(LABEL_FONTS),
        "strings": {key: dict(value) for key, value in STRINGS.items()},
        "layers": [{"id": s.id, "labels": dict(s.labels), "geometry": s.geometry,
                    "motion": s.motion, "style": dict(s.style),
                    "default_visible": s.default_visible, "browser_drawn": s.browser_drawn}
                   for s in LAYERS],
        "nations": {code: {"color": n.color, "shape": n.shape, "labels": dict(n.names)}
                    for code, n in {**NATIONS, "": OTHER_NATION}.items()},
        "modes": {mode: {"color": color, "width": width} for mode, (color, width) in MODES.items()},
        "movements": {kind or "none": style for kind, style in MOVEMENT_STYLES.items()},
        "markers": {shape: [list(p) for p in outline] for shape, outline in MARKER_SHAPES.items()},
        "legend": legend_entries(atlas),
        "attribution": {lang: attribution(atlas, lang) for lang in LANGS},
        "timeline": {"default_day": default_day(atlas), "speeds": list(SPEEDS),
                     "default_speed": DEFAULT_SPEED, "play_interval_ms": PLAY_INTERVAL_MS,
                     "animation_days": ANIMATION_DAYS, "tour_ms": TOUR_MS},
        "view": dict(DEFAULT_VIEW),
        "periods": [{"id": p.id, "labels": dict(p.labels), "start": p.start, "end": p.end,
                     "day": day_number(p.start), "view": _view(p.center, p.zoom)}
                    for p in PERIODS],
        "moments": [{"feature": m["feature"], "day": m["day"], "date": iso_date(m["day"]),
                     "view": m["view"], "labels": {lg: pick_name(m["names"], lg) for lg in LANGS}}
                    for m in moments(atlas)],
        "borders": borders if borders is not None else border_config(),
        "detail": detail if detail is not None else detail_config(),
        "snapshot": {"scales": list(SNAPSHOT_SCALES), "default_scale": SNAPSHOT_DEFAULT_SCALE,
                     "layout": dict(SNAPSHOT_LAYOUT)},
        "features": {"routes": _routes(atlas), "places": _places(atlas),
                     "events": _events(atlas), "shipments": _shipments(atlas),
                     "deployments": _deployments(atlas), "timeline": _timeline(atlas)},
    }  # fmt: skip


def scene_schema() -> dict:
    """The JSON Schema of the scene (``scene.schema.json``).

    Examples
    --------
    >>> scene_schema()["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    True
    """
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def labels_on(scene: dict, day: int, lang: str) -> list[str]:
    """The place labels of ``day`` in ``lang``: the places' names, with the names in force
    that day for the renamed ones (the browser does the same lookup, ``fea-4-engine.js``).

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> scene = build_scene(load_atlas())
    >>> ids = scene["features"]["places"]["ids"]
    >>> labels_on(scene, day_number("1923-06-01"), "en")[ids.index("petrograd")]
    'Petrograd'
    >>> labels_on(scene, day_number("1939-08-20"), "en")[ids.index("petrograd")]
    'Leningrad'
    """
    places = scene["features"]["places"]
    renamings = places["renamings"]
    stretch = bisect.bisect_right(renamings["changes"], day)
    labels = list(places["labels"][lang])
    for index, label in renamings["labels"][stretch][lang].items():
        labels[int(index)] = label
    return labels
