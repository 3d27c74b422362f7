"""The map figure: a pure function of the scene, the view, the language and the layers.

The figure holds the basemap style, the places (drawn by Plotly, with their labels) and, for
every layer the engine draws itself (``browser_drawn`` in the registry), a transparent trace
that Plotly keeps for hover labels. Each trace names its layer in ``meta`` and nothing more:
the engine (``assets/fea-*.js``) takes everything else from the scene, and moves the hover
points of moving layers to where it draws them.

>>> from components.atlas.data import load_atlas
>>> from components.atlas.scene import build_scene
>>> fig = build_map_figure(build_scene(load_atlas(FIXTURE_DIR)))
>>> [t.meta["layer"] for t in fig.data]
['routes', 'places', 'events', 'shipments', 'deployments']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import plotly.graph_objects as go

from components.atlas.scene import labels_on
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
_BOUNDS = dict(zip(("west", "south", "east", "north"), ATLAS_EXTENT.bbox, strict=True))


def _prune(value):
    if isinstance(value, dict):
        out = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in ({}, [], None)}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


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


def _layer(scene: dict, layer_id: str) -> dict:
    return next(spec for spec in scene["layers"] if spec["id"] == layer_id)


def _hit_target(layer: str, ids: list[str], hover: list[str], lon, lat) -> go.Scattermap:
    # drawn by the engine; Plotly keeps this transparent copy for its hover labels
    return go.Scattermap(
        lon=lon, lat=lat, mode="lines" if layer == "routes" else "markers", name=layer,
        opacity=0, customdata=ids, hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
        meta={"layer": layer},
    )  # fmt: skip


def _routes(scene: dict, lang: str) -> go.Scattermap:
    routes = scene["features"]["routes"]
    lon, lat, ids, hover = [], [], [], []
    for rid, line, text in zip(routes["ids"], routes["lines"], routes["hover"][lang], strict=True):
        lon += [c[0] for c in line] + [None]
        lat += [c[1] for c in line] + [None]
        ids += [rid] * (len(line) + 1)
        hover += [text] * (len(line) + 1)
    return _hit_target("routes", ids, hover, lon, lat)


def _places(scene: dict, lang: str, day: int) -> go.Scattermap:
    places, style = scene["features"]["places"], _layer(scene, "places")["style"]
    return go.Scattermap(
        lon=[c[0] for c in places["lonlat"]], lat=[c[1] for c in places["lonlat"]],
        mode="markers+text", text=labels_on(scene, day, lang), textposition="top right",
        textfont={"size": style["text_size"], "color": style["text_color"],
                  "family": scene["fonts"][lang]},
        marker={"size": style["size"], "color": style["color"]}, name="places",
        customdata=places["ids"], hovertext=places["hover"][lang],
        hovertemplate="%{hovertext}<extra></extra>", meta={"layer": "places"},
    )  # fmt: skip


def _moving(scene: dict, layer: str, lang: str) -> go.Scattermap:
    # each feature's first position: the engine moves its hover point to where it draws it
    feats = scene["features"][layer]
    if layer == "deployments":
        first = [track[0][1:3] for track in feats["tracks"]]
    elif layer == "shipments":
        first = [path[0] for path in feats["paths"]]
    else:
        first = feats["lonlat"]
    return _hit_target(layer, feats["ids"], feats["hover"][lang], [p[0] for p in first],
                       [p[1] for p in first])  # fmt: skip


def build_map_figure(
    scene: dict,
    view: Mapping | None = None,
    lang: str = "en",
    visible: Iterable[str] | None = None,
    style: dict | None = None,
    day: int | None = None,
) -> go.Figure:
    """The map for one view, language and set of layers.

    Parameters
    ----------
    scene : dict
        The scene (:func:`components.atlas.scene.build_scene`).
    view : mapping, optional
        ``lon``, ``lat`` and ``zoom`` of the map's centre (default: the scene's view).
    lang : str
        ``en``, ``zh`` or ``ja``: the labels' language.
    visible : iterable of str, optional
        Layer ids to show (default: the registry's default visibility).
    style : dict, optional
        A MapLibre style with no remote URLs (default :data:`FALLBACK_STYLE`).
    day : int, optional
        The day whose place names the labels show (default: the scene's opening day).

    Returns
    -------
    plotly.graph_objects.Figure
        ``Scattermap`` traces, bottom to top: routes, places, events, shipments, units. All
        but the places are transparent hit targets for hover; the engine draws those layers.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> from components.atlas.scene import build_scene
    >>> scene = build_scene(load_atlas(FIXTURE_DIR))
    >>> fig = build_map_figure(scene, lang="ja", visible=["places"])
    >>> [t.visible for t in fig.data][:3], fig.data[1].text[0]
    ([False, True, False], 'ウラジオストク')
    """
    view = {**scene["view"], **(view or {})}
    shown = set(visible) if visible is not None else {
        s["id"] for s in scene["layers"] if s["default_visible"]}  # fmt: skip
    day = scene["timeline"]["default_day"] if day is None else day
    traces = [_routes(scene, lang), _places(scene, lang, day), _moving(scene, "events", lang),
              _moving(scene, "shipments", lang), _moving(scene, "deployments", lang)]  # fmt: skip
    for trace in traces:
        trace.visible = trace.meta["layer"] in shown
    fig = go.Figure(traces)
    fig.update_layout(
        map={"style": sanitize_style(style or FALLBACK_STYLE),
             "center": {"lon": view["lon"], "lat": view["lat"]}, "zoom": view["zoom"],
             # keep the view on the basemap: beyond its extent there is no relief or coast
             "bounds": _BOUNDS},
        margin={"l": 0, "r": 0, "t": 0, "b": 0}, showlegend=False, uirevision="atlas",
        hoverlabel={"font": {"family": scene["fonts"][lang]}, "align": "left"},
    )  # fmt: skip
    return fig
