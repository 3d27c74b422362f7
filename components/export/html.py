"""The standalone page: the atlas in one HTML file that works from a USB stick.

Everything is inside the file: plotly.js (from the installed plotly package), the app's
``assets/atlas.js`` and ``assets/atlas.css``, the layers' figure with the offline basemap
(GeoJSON inlined, the relief as a ``data:`` URI), the borders of every period, and the details
panel of every feature in every language. Opened from ``file://`` with no network and no
server it shows the map, the date slider with Play, the layer switches, the legend, the
language switch and the details of a clicked feature. ``js/standalone.js`` stands in for
Dash: it calls the same ``dash_clientside.atlas`` functions the app's callbacks call.

>>> from components.atlas.data import load_atlas
>>> details = details_by_id(load_atlas(FIXTURE_DIR))
>>> details["lake-khasan-battle"]["en"][:33]
'<h3 class="details-title">Battle '
"""

from __future__ import annotations

import html as _html
import json
from pathlib import Path

from dash import html

from components.atlas.data import ROOT, Atlas
from components.atlas.guide import moments
from components.atlas.i18n import LANGS, text
from components.atlas.legend import attribution, pack_entries
from components.atlas.map import build_map_figure
from components.atlas.packs import pack_span, pack_view
from components.atlas.registry import LAYERS
from components.atlas.timeline import iso_date
from components.atlas.views import (
    border_details,
    details_panel,
    layer_options,
    legend,
    moment_panel,
)
from components.basemap.borders import border_feature, border_ids
from components.export import render
from components.export.kaleido_batch import ATLAS_SCRIPTS, JS_DIR, PLOTLY_JS
from components.export.packs import reaches_outside, scene_for_export

ASSETS = ROOT / "assets"
_VOID = {"br", "hr", "img", "input", "meta", "link"}


def _css_name(key: str) -> str:
    return "".join(f"-{c.lower()}" if c.isupper() else c for c in key)


def component_html(node) -> str:
    """A Dash html component tree (or text, or a list) as an HTML string.

    Examples
    --------
    >>> from dash import html
    >>> component_html(html.Div(["a < b", html.Span("x", className="c", style={"fontSize": 9})]))
    '<div>a &lt; b<span class="c" style="font-size:9">x</span></div>'
    """
    if node is None:
        return ""
    if isinstance(node, (list, tuple)):
        return "".join(component_html(n) for n in node)
    if not hasattr(node, "to_plotly_json"):
        return _html.escape(str(node), quote=False)
    spec = node.to_plotly_json()
    tag, props = spec["type"].lower(), dict(spec["props"])
    children = props.pop("children", None)
    attrs = []
    for key, value in props.items():
        if value is None or key in ("id", "n_clicks", "n_clicks_timestamp", "disable_n_clicks"):
            continue
        if key == "className":
            key = "class"
        if key == "style":
            value = ";".join(f"{_css_name(k)}:{v}" for k, v in value.items())
        attrs.append(f' {key}="{_html.escape(str(value))}"')
    inner = "" if tag in _VOID else component_html(children)
    return f"<{tag}{''.join(attrs)}>{inner}" + ("" if tag in _VOID else f"</{tag}>")


def details_by_id(atlas: Atlas) -> dict[str, dict[str, str]]:
    """The details panel of every feature and unit, and of every unit of the borders of the
    day (by its ``unit@start`` id), per language, as HTML.

    A unit's waypoints are listed as on the atlas' last day (all of them, latest first).
    """
    last = atlas.span[1]
    out = {fid: {lang: component_html(details_panel(atlas, fid, lang, last)) for lang in LANGS}
           for fid in atlas.by_id}  # fmt: skip
    for bid in border_ids():
        feature = border_feature(bid)
        out[bid] = {lang: component_html(border_details(feature, lang)) for lang in LANGS}
    return out


def pack_legend(packs, lang: str) -> str:
    """The legend rows of the imported ``packs`` as HTML: each one's colour and name (text,
    escaped), as the page's import panel shows them.

    Examples
    --------
    >>> row = pack_legend([{"name": "<img src=x>"}], "en")
    >>> row.endswith('</span>&lt;img src=x&gt;</div>'), 'style="background:#1565c0"' in row
    (True, True)
    """
    return component_html([html.Div([html.Span(className="swatch swatch-dot",
                                               style={"background": e["color"]}),
                                     e["labels"][lang]], className="legend-row legend-pack")
                           for e in pack_entries(packs)])  # fmt: skip


def _first_day(default: int, packs: list[dict]) -> int:
    # the page opens on the packs' first day when its own default shows none of them (as the
    # app's page does when a pack is added)
    spans = [s for s in map(pack_span, packs) if s]
    if not spans or any(a <= default <= b for a, b in spans):
        return default
    return spans[0][0]


def page_data(atlas: Atlas, lang: str = "en", day: int | None = None, packs=()) -> dict:
    """Everything ``standalone.js`` needs, as one JSON-able dict: the figure, the scene
    (with the borders inlined, the imported ``packs`` and, when they reach outside the
    extent, the world land) and the panels' HTML in every language. The details of an
    imported feature are not here: the engine makes them from the pack in the page
    (``assets/fea-3-packdetails.js``), as the app's page does."""
    packs = list(packs)
    scene, guide = scene_for_export(render.export_scene(atlas), packs), moments(atlas)
    day = _first_day(scene["timeline"]["default_day"], packs) if day is None else day
    view = (packs and pack_view(packs)) or render.export_view(day)
    layers = [s.id for s in LAYERS if s.default_visible]
    figure = build_map_figure(scene, view, lang, layers, render.offline_style(lang, "lo"), day)
    if reaches_outside(packs):  # the map may leave the extent, as the page's does for them
        figure.layout.map.bounds = None
    if packs:  # the files of the reader's data in the attribution line (set as text)
        scene = {**scene, "attribution": {c: attribution(atlas, c, packs) for c in LANGS}}
    return {
        "figure": json.loads(figure.to_json()),
        "scene": scene,
        "state": {"day": day, "lang": lang, "layers": layers},
        "layers": {code: layer_options(code) for code in LANGS},
        "legend": {code: component_html(legend(atlas, code)) + pack_legend(packs, code)
                   for code in LANGS},
        "details": details_by_id(atlas),
        "hint": {code: component_html(details_panel(atlas, None, code, day)) for code in LANGS},
        "moments": {code: [component_html(moment_panel(guide, i, code)) for i in range(len(guide))]
                    for code in LANGS},
    }  # fmt: skip


def _script(source: str) -> str:
    # a script's text ends at the first "</script": keep the data from closing it early
    return "<script>" + source.replace("</script", "<\\/script") + "</script>"


def standalone_html(atlas: Atlas, lang: str = "en", day: int | None = None, packs=()) -> str:
    """The standalone page as one string (about 10 MB: plotly.js, basemap, borders).

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> page = standalone_html(load_atlas(FIXTURE_DIR), "ja")
    >>> data = page.split("window.FEA_DATA")[1]  # plotly.js names hosts it never fetches here
    >>> page.startswith("<!DOCTYPE html>"), 'lang="ja"' in page, "http" in data
    (True, True, False)
    """
    render.check_lang(lang)
    data = json.dumps(page_data(atlas, lang, day, packs), ensure_ascii=False, separators=(",", ":"))
    data = data.replace("<", "\\u003c")  # the data of imported packs can close no element
    css = "\n".join(
        p.read_text(encoding="utf-8") for p in (ASSETS / "atlas.css", JS_DIR / "standalone.css")
    )
    title = _html.escape(text("title", lang))
    scripts = [(JS_DIR / "file_worker_fix.js").read_text(encoding="utf-8"),
               PLOTLY_JS.read_text(encoding="utf-8"),
               *(p.read_text(encoding="utf-8") for p in ATLAS_SCRIPTS)]  # fmt: skip
    body = (JS_DIR / "standalone.html").read_text(encoding="utf-8")
    return "\n".join([
        "<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>", f"<style>{css}</style>",
        *(_script(s) for s in scripts), "</head>", "<body>", body,
        _script(f"window.FEA_DATA = {data};"),
        _script((JS_DIR / "standalone.js").read_text(encoding="utf-8")),
        "</body>", "</html>",
    ])  # fmt: skip


def write_standalone(atlas: Atlas, path: Path | str, lang: str = "en", day: int | None = None,
                     packs=()):  # fmt: skip
    """Write :func:`standalone_html` to ``path`` (UTF-8), with the imported ``packs``."""
    Path(path).write_text(standalone_html(atlas, lang, day, packs), encoding="utf-8")
    return Path(path)


__all__ = ["component_html", "details_by_id", "iso_date", "page_data", "standalone_html",
           "write_standalone"]  # fmt: skip
