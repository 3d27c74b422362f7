"""The map figure: a pure function of the atlas, the view, the language, the day and the layers.

Each trace carries in ``meta`` what the browser needs to redraw it for another day without
asking the server (tracks, spans, names in every language); ``assets/atlas.js`` reads it.

>>> from components.atlas.data import load_atlas
>>> fig = build_map_figure(load_atlas(FIXTURE_DIR), day=day_number("1918-09-01"))
>>> [t.meta["layer"] for t in fig.data]
['routes', 'routes', 'places', 'events', 'shipments', 'deployments']
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import plotly.graph_objects as go

from components.atlas.data import Atlas
from components.atlas.i18n import LABEL_FONTS, LANGS, pick_name, text
from components.atlas.registry import (
    DEFAULT_VIEW,
    LAYER_IDS,
    MODES,
    NATIONS,
    OTHER_NATION,
    layer_spec,
)
from components.atlas.timeline import (
    cumulative,
    day_number,
    event_phase,
    point_along,
    position_at,
    travel_fraction,
)
from geodata.basemap.extent import ATLAS_EXTENT

#: Used when no offline basemap style is available: a plain sea-coloured background.
FALLBACK_STYLE = {
    "version": 8,
    "name": "far-east-atlas-plain",
    "sources": {},
    "layers": [
        {"id": "background", "type": "background", "paint": {"background-color": "#dde6ec"}}
    ],
}
#: A source that draws nothing: Plotly.js prunes empty containers from the layout on every
#: relayout, and a style whose ``sources`` vanished would be re-set and fail to validate.
_PLACEHOLDER_SOURCE = {"type": "geojson", "data": {"type": "Feature", "properties": {"atlas": 1},
                       "geometry": {"type": "Point", "coordinates": [0, -89]}}}  # fmt: skip


def _prune(value):
    if isinstance(value, dict):
        out = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in ({}, [], None)}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


_BOUNDS = dict(zip(("west", "south", "east", "north"), ATLAS_EXTENT.bbox, strict=True))


def sanitize_style(style: dict) -> dict:
    """A MapLibre style as Plotly.js will keep it: no empty containers, sources not empty.

    Plotly.js drops empty objects and arrays from the layout on each relayout and then sees
    a "new" style; giving it the pruned form up front keeps the style stable.

    Examples
    --------
    >>> out = sanitize_style(FALLBACK_STYLE)
    >>> list(out["sources"]), out["layers"][0]["id"]
    (['atlas-placeholder'], 'background')
    """
    out = _prune(style)
    if not out.get("sources"):
        out["sources"] = {"atlas-placeholder": _PLACEHOLDER_SOURCE}
    return out


def nation_color(code: str) -> str:
    """The legend colour of a nation code (grey for unknown codes).

    Examples
    --------
    >>> nation_color("JPN"), nation_color("XXX")
    ('#c0392b', '#555555')
    """
    return NATIONS.get(code, OTHER_NATION)[0]


def unit_radius(strength: int | None) -> float:
    """Marker radius in pixels for a unit of ``strength`` men (square-root scale).

    Examples
    --------
    >>> unit_radius(None), unit_radius(1000), unit_radius(10**6)
    (6, 8.0, 22)
    """
    style = layer_spec("deployments").style
    if not strength or strength <= 0:
        return style["unknown_radius"]
    r = style["min_radius"] + style["per_sqrt_thousand"] * math.sqrt(strength / 1000)
    return round(min(max(r, style["min_radius"]), style["max_radius"]), 2)


def strength_at(strengths: list, day: int) -> int | None:
    """The latest known strength on or before ``day`` (the first known one before that).

    Examples
    --------
    >>> strength_at([[0, 3000], [10, None], [20, 7950]], 15)
    3000
    """
    known = [s for d, s in strengths if s]
    current = None
    for d, s in strengths:
        if d <= day and s:
            current = s
    return current or (known[0] if known else None)


def _hover(lang: str, title: str, *lines: str) -> str:
    return "<br>".join([f"<b>{title}</b>", *[line for line in lines if line]])


def _by_lang(fn) -> dict[str, list[str]]:
    return {lang: fn(lang) for lang in LANGS}


def _common(ids: list[str], hover: dict[str, list[str]], lang: str) -> dict:
    return {
        "customdata": ids,
        "hovertext": hover[lang],
        "hovertemplate": "%{hovertext}<extra></extra>",
    }


def route_traces(atlas: Atlas, lang: str, day: int) -> list[go.Scattermap]:
    """Routes by mode, lit while in use: one trace per mode and state (lit or dim).

    Few traces keep MapLibre's sources few; each trace's ``meta`` lists its routes (ids,
    lines, spans) so the browser can light each route on its own.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> traces = route_traces(load_atlas(FIXTURE_DIR), "en", day_number("1938-05-01"))
    >>> [(t.meta["mode"], t.opacity, t.meta["ids"]) for t in traces]
    [('land', 0.9, ['aid-land-route']), ('rail', 0.15, ['ussuri-railway'])]
    """
    style = layer_spec("routes").style
    groups: dict[tuple[str, bool], list[dict]] = {}
    for feature in atlas.layers["routes"]:
        props = feature["properties"]
        lit = day_number(props["start"]) <= day <= day_number(props["end"])
        mode = props.get("mode") if props.get("mode") in MODES else "land"
        groups.setdefault((mode, lit), []).append(feature)
    traces = []
    for (mode, lit), feats in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        color, width = MODES[mode]
        lon, lat, ids, hover = [], [], [], {lg: [] for lg in LANGS}
        for f in feats:
            p, coords = f["properties"], f["geometry"]["coordinates"]
            lon += [c[0] for c in coords] + [None]
            lat += [c[1] for c in coords] + [None]
            ids += [p["id"]] * (len(coords) + 1)
            for lg in LANGS:
                line = _hover(lg, pick_name(p.get("names"), lg), text(mode, lg),
                              f"{p['start']} – {p['end']}")  # fmt: skip
                hover[lg] += [line] * (len(coords) + 1)
        traces.append(go.Scattermap(
            lon=lon, lat=lat, mode="lines", name=f"routes-{mode}",
            line={"color": color, "width": width * style["lit_width" if lit else "dim_width"]},
            opacity=style["lit_opacity" if lit else "dim_opacity"],
            meta={"layer": "routes", "motion": "static", "mode": mode, "color": color,
                  "width": width, "ids": [f["properties"]["id"] for f in feats],
                  "lines": [[c[:2] for c in f["geometry"]["coordinates"]] for f in feats],
                  "starts": [day_number(f["properties"]["start"]) for f in feats],
                  "ends": [day_number(f["properties"]["end"]) for f in feats],
                  "lit": style["lit_opacity"], "dim": style["dim_opacity"],
                  "lit_width": style["lit_width"], "dim_width": style["dim_width"],
                  "hover": hover},
            **_common(ids, hover, lang),
        ))  # fmt: skip
    return traces


def place_trace(atlas: Atlas, lang: str) -> go.Scattermap:
    """Places: small dots labelled in the chosen language.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> place_trace(load_atlas(FIXTURE_DIR), "zh").text[0]
    '海参崴'
    """
    style = layer_spec("places").style
    feats = atlas.layers["places"]
    labels = _by_lang(lambda lg: [pick_name(f["properties"].get("names"), lg) for f in feats])

    def all_names(f):
        return " / ".join(v for v in (f["properties"].get("names") or {}).values() if v)

    hover = _by_lang(lambda lg: [_hover(lg, pick_name(f["properties"].get("names"), lg),
                                        all_names(f)) for f in feats])  # fmt: skip
    return go.Scattermap(
        lon=[f["geometry"]["coordinates"][0] for f in feats],
        lat=[f["geometry"]["coordinates"][1] for f in feats],
        mode="markers+text", text=labels[lang], textposition="top right",
        textfont={"size": style["text_size"], "color": style["text_color"],
                  "family": LABEL_FONTS[lang]},
        marker={"size": style["size"], "color": style["color"]}, name="places",
        meta={"layer": "places", "motion": "none", "ids": [f["properties"]["id"] for f in feats],
              "labels": labels, "fonts": LABEL_FONTS, "hover": hover},
        **_common([f["properties"]["id"] for f in feats], hover, lang),
    )  # fmt: skip


def event_trace(atlas: Atlas, lang: str, day: int) -> go.Scattermap:
    """Events: red discs shown around their dates, bright while they happen.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> t = event_trace(load_atlas(FIXTURE_DIR), "en", day_number("1938-08-01"))
    >>> t.lat[0] is not None, t.lat[1]
    (True, None)
    """
    style = layer_spec("events").style
    feats = atlas.layers["events"]
    starts = [day_number(f["properties"]["start"]) for f in feats]
    ends = [day_number(f["properties"]["end"]) for f in feats]
    phases = [event_phase(s, e, day, style["before_days"], style["after_days"])
              for s, e in zip(starts, ends, strict=True)]  # fmt: skip
    lonlat = [f["geometry"]["coordinates"][:2] for f in feats]
    hover = _by_lang(lambda lg: [_hover(lg, pick_name(f["properties"].get("names"), lg),
                                        f"{f['properties']['start']} – {f['properties']['end']}")
                                 for f in feats])  # fmt: skip
    return go.Scattermap(
        lon=[c[0] if p else None for c, p in zip(lonlat, phases, strict=True)],
        lat=[c[1] if p else None for c, p in zip(lonlat, phases, strict=True)],
        mode="markers", name="events",
        marker={"size": [style["size"]] * len(feats), "color": [style["color"]] * len(feats),
                "opacity": [style["lit_opacity"] if p == 2 else style["dim_opacity"]
                            for p in phases]},
        meta={"layer": "events", "motion": "static", "ids": [f["properties"]["id"] for f in feats],
              "lonlat": lonlat, "starts": starts, "ends": ends, "before": style["before_days"],
              "after": style["after_days"], "lit": style["lit_opacity"],
              "dim": style["dim_opacity"], "radius": style["size"] / 2, "hover": hover},
        **_common([f["properties"]["id"] for f in feats], hover, lang),
    )  # fmt: skip


def shipment_trace(atlas: Atlas, lang: str, day: int) -> go.Scattermap:
    """Shipments: markers travelling along their route between their start and end.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> t = shipment_trace(load_atlas(FIXTURE_DIR), "en", day_number("1938-03-01"))
    >>> (t.lon[0], t.lat[0])
    (76.95, 43.25)
    """
    style = layer_spec("shipments").style
    feats = atlas.layers["shipments"]
    paths = [[c[:2] for c in f["geometry"]["coordinates"]] for f in feats]
    cums = [cumulative(p) for p in paths]
    starts = [day_number(f["properties"]["start"]) for f in feats]
    ends = [day_number(f["properties"]["end"]) for f in feats]
    points = []
    for path, cum, s, e in zip(paths, cums, starts, ends, strict=True):
        fraction = travel_fraction(s, e, day)
        points.append(None if fraction is None else point_along(path, cum, fraction))

    def hover(lg):
        return [_hover(lg, pick_name(f["properties"].get("names"), lg),
                       f"{f['properties']['start']} – {f['properties']['end']}",
                       f"${f['properties']['amount_usd']:,}" if f["properties"].get("amount_usd")
                       else "") for f in feats]  # fmt: skip

    hovers = _by_lang(hover)
    return go.Scattermap(
        lon=[p[0] if p else None for p in points], lat=[p[1] if p else None for p in points],
        mode="markers", name="shipments",
        marker={"size": [style["size"]] * len(feats), "color": [style["color"]] * len(feats),
                "opacity": [1.0] * len(feats)},
        meta={"layer": "shipments", "motion": "path", "ids": [f["properties"]["id"] for f in feats],
              "paths": paths, "cums": cums, "starts": starts, "ends": ends,
              "radius": style["size"] / 2, "color": style["color"], "hover": hovers},
        **_common([f["properties"]["id"] for f in feats], hovers, lang),
    )  # fmt: skip


def deployment_trace(atlas: Atlas, lang: str, day: int) -> go.Scattermap:
    """Units: one marker each, sized by strength, coloured by nation, between waypoints.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> t = deployment_trace(load_atlas(FIXTURE_DIR), "en", day_number("1918-08-15"))
    >>> t.lon[0], t.marker.color
    (131.88, ('#1f4e9c', '#c0392b'))
    """
    units = atlas.units
    transit = layer_spec("deployments").style["transit_days"]
    points = [position_at(u["track"], u["end"], day, transit) for u in units]
    radii = [unit_radius(strength_at(u["strengths"], day)) for u in units]
    colors = [nation_color(u["nation"]) for u in units]
    hover = _by_lang(lambda lg: [_hover(lg, pick_name(u["names"], lg),
                                        pick_name(NATIONS.get(u["nation"], OTHER_NATION)[1], lg))
                                 for u in units])  # fmt: skip
    spec = layer_spec("deployments").style
    return go.Scattermap(
        lon=[p[0] if p else None for p in points], lat=[p[1] if p else None for p in points],
        mode="markers", name="deployments",
        marker={"size": [2 * r for r in radii], "color": colors, "opacity": [0.9] * len(units),
                "sizemode": "diameter", "sizeref": 1},
        meta={"layer": "deployments", "motion": "track", "ids": [u["id"] for u in units],
              "tracks": [u["track"] for u in units], "ends": [u["end"] for u in units],
              "strengths": [u["strengths"] for u in units], "colors": colors,
              "radius": dict(spec), "transit": transit, "hover": hover},
        **_common([u["id"] for u in units], hover, lang),
    )  # fmt: skip


def build_map_figure(
    atlas: Atlas,
    view: Mapping | None = None,
    lang: str = "en",
    day: int | None = None,
    visible: Iterable[str] | None = None,
    style: dict | None = None,
    base_layers: list | None = None,
) -> go.Figure:
    """The whole map for one state of the page.

    Parameters
    ----------
    atlas : Atlas
        The loaded layers.
    view : mapping, optional
        ``lon``, ``lat`` and ``zoom`` of the map's centre (default :data:`DEFAULT_VIEW`).
    lang : str
        ``en``, ``zh`` or ``ja``: the labels' language.
    day : int, optional
        Day number (see :func:`components.atlas.timeline.day_number`); default: the first
        day of the atlas.
    visible : iterable of str, optional
        Layer ids to show (default: the registry's default visibility).
    style : dict, optional
        A MapLibre style with no remote URLs (default :data:`FALLBACK_STYLE`).
    base_layers : list, optional
        ``layout.map.layers`` drawn under the data (relief, land, rivers, borders).

    Returns
    -------
    plotly.graph_objects.Figure
        ``Scattermap`` traces, bottom to top: routes, places, events, shipments, units. The
        traces of layers drawn in the browser (``browser_drawn`` in the registry: all but
        the places) are transparent hit targets for hover and click; ``assets/atlas.js``
        draws those layers from the traces' ``meta``.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> fig = build_map_figure(load_atlas(FIXTURE_DIR), lang="ja", visible=["places"])
    >>> [t.visible for t in fig.data][:3], fig.data[2].text[0]
    ([False, False, True], 'ウラジオストク')
    """
    view = {**DEFAULT_VIEW, **(view or {})}
    day = atlas.span[0] if day is None else day
    shown = set(visible) if visible is not None else {s for s in LAYER_IDS
                                                      if layer_spec(s).default_visible}  # fmt: skip
    traces = [*route_traces(atlas, lang, day), place_trace(atlas, lang),
              event_trace(atlas, lang, day), shipment_trace(atlas, lang, day),
              deployment_trace(atlas, lang, day)]  # fmt: skip
    for trace in traces:
        trace.visible = trace.meta["layer"] in shown
        if layer_spec(trace.meta["layer"]).browser_drawn:
            # atlas.js draws these from meta (all frames at once, switched by feature-state);
            # transparent from the start, Plotly's copy costs no repaint on the first load
            trace.opacity = 0
    fig = go.Figure(traces)
    fig.update_layout(
        map={"style": sanitize_style(style or FALLBACK_STYLE),
             "center": {"lon": view["lon"], "lat": view["lat"]},
             "zoom": view["zoom"], "layers": base_layers or [],
             # keep the view on the basemap: beyond its extent there is no relief or coast
             "bounds": _BOUNDS},
        margin={"l": 0, "r": 0, "t": 0, "b": 0}, showlegend=False, uirevision="atlas",
        hoverlabel={"font": {"family": LABEL_FONTS[lang]}, "align": "left"},
        meta={"day": day, "lang": lang},
    )  # fmt: skip
    return fig
