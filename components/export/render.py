"""The export figure: the map of one day with its title, date, legend and attribution.

Pure functions (plotly only). The figure is the app's map
(:func:`components.atlas.map.build_map_figure`) on the offline basemap with the period
borders, and the texts a slide or handout needs laid out in the figure itself, so that the
image says what it shows:

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
import html as _html
import json
from collections.abc import Iterable
from pathlib import Path

import plotly.graph_objects as go

from components.atlas.data import Atlas
from components.atlas.i18n import LABEL_FONTS, LANGS, text
from components.atlas.legend import (
    attribution,
    layers_on,
    legend_entries,
    movements_on,
    nations_on,
    pack_entries,
    shown_entries,
    sovereigns_on,
)
from components.atlas.map import build_map_figure
from components.atlas.registry import DEFAULT_VIEW, LAYER_IDS, PERIODS, layer_spec
from components.atlas.scene import build_scene
from components.atlas.timeline import day_number, format_date, iso_date
from components.basemap import style as basemap
from components.basemap.borders import border_config
from components.export.packs import reaches_outside
from geodata.basemap.store import LAYERS_DIR as BASEMAP_DIR
from geodata.dates import ATLAS_SPAN

#: The base URL :func:`offline_style` asks the style for, to find the files it inlines.
_INLINE = "fea-inline:"


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
    '<b>Far East Atlas</b>  ·  <b>20 August 1939</b>  ·  Khalkhin Gol 1939'
    """
    when = format_date(iso_date(day), "day", lang)
    parts = [f"<b>{text('title', lang)}</b>", f"<b>{when}</b>", period_label(day, lang)]
    return "  ·  ".join(p for p in parts if p)


def _swatch(color: str, glyph: str = "●") -> str:
    return f'<span style="color:{color}">{glyph}</span>'


#: The legend's text glyph of each nation's marker (see ``MARKER_SHAPES`` in the registry).
MARKER_GLYPHS = {"circle": "●", "square": "■", "triangle": "▲", "diamond": "◆",
                 "pentagon": "⬟", "hexagon": "⬢", "star": "★", "cross": "✚"}  # fmt: skip


#: The legend's text glyph of each kind of movement (solid, dashed, dotted lines).
MOVE_GLYPHS = {"move-attack": "━▶", "move-advance": "─▶", "move-withdrawal": "╌▶",
               "move-transfer": "┈▶"}  # fmt: skip


def legend_text(atlas: Atlas, lang: str, days: Iterable[int], visible: Iterable[str],
                packs: Iterable[dict] = ()) -> str:  # fmt: skip
    """The legend annotation's text: the atlas' one legend (:mod:`components.atlas.legend`),
    its rows for the ``visible`` layers and the nations on the map on any of ``days``, then
    a row for each of the reader's imported ``packs`` (its name, escaped, in its colour).

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> out = legend_text(load_atlas(FIXTURE_DIR), "en", [day_number("1918-09-01")],
    ...                   ["deployments", "events"])
    >>> out.split("<br>")[1]
    '<span style="color:#1f4e9c">●</span> United States'
    >>> legend_text(load_atlas(FIXTURE_DIR), "en", [], [], [{"name": "<b>Mine</b>"}])
    '<b>Legend</b><br><span style="color:#1565c0">●</span> &lt;b&gt;Mine&lt;/b&gt;'
    """
    glyphs = {**MARKER_GLYPHS, **MOVE_GLYPHS, "dot": "●", "line": "━", "fill": "▧"}
    days = list(days)
    shown = set(visible) & layers_on(atlas, days)  # none of the atlas' rows on a pack's own dates
    rows = shown_entries(legend_entries(atlas), shown, nations_on(atlas, days),
                         movements_on(atlas, days), sovereigns_on(days))  # fmt: skip
    rows = [*rows, *(dict(e, labels={k: _html.escape(v) for k, v in e["labels"].items()})
                     for e in pack_entries(packs))]  # fmt: skip
    return "<br>".join([f"<b>{text('legend', lang)}</b>"] + [
        f'<span style="color:{e["color"]}">{glyphs[e["shape"]]}</span> {e["labels"][lang]}'
        for e in rows])  # fmt: skip


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


@functools.cache
def export_borders() -> dict | None:
    """The borders' configuration with the whole file inlined: an export's page draws the
    borders of the day from it with no server to ask.

    Examples
    --------
    >>> export_borders()["url"]["type"], export_borders()["at"] is None
    ('FeatureCollection', True)
    """
    path = BASEMAP_DIR / "borders.geojson"
    if not path.is_file():
        return None
    borders = border_config(path, url="inline", at=None)
    borders["url"] = _inline_source("borders.geojson", str(path.parent))
    return borders


_SCENES: dict[int, tuple[Atlas, dict]] = {}


def export_scene(atlas: Atlas) -> dict:
    """The scene an export's page is fed: the atlas' scene with the borders inlined.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> export_scene(load_atlas(FIXTURE_DIR))["borders"]["at"] is None
    True
    """
    kept = _SCENES.get(id(atlas))
    if kept is None or kept[0] is not atlas:
        kept = _SCENES[id(atlas)] = (atlas, build_scene(atlas, borders=export_borders(), detail={}))
    return kept[1]


def _text_width(text: str, font_px: float) -> float:
    """Roughly how wide ``text`` is drawn at ``font_px``: CJK glyphs are a full em wide,
    others about half (an estimate that errs on the wide side, so lines never overrun)."""
    return sum(font_px if ord(ch) >= 0x2E80 else font_px * 0.6 for ch in text)


def wrap_text(text: str, width_px: float, font_px: float) -> str:
    """``text`` broken with ``<br>`` into lines no wider than ``width_px`` (by
    :func:`_text_width`), at spaces and after CJK punctuation; a plotly annotation does not
    wrap by itself, and an attribution anchored right would run off the left edge.

    Examples
    --------
    >>> wrap_text("Sources: a.txt, b.txt. Basemap: GSHHG.", 120, 10)
    'Sources: a.txt,<br>b.txt. Basemap:<br>GSHHG.'
    >>> wrap_text("底图：GSHHG。地名库：GeoNames。", 100, 10)
    '底图：GSHHG。<br>地名库：GeoNames。'
    """
    pieces, word = [], ""
    for ch in text:
        word += ch
        if ch == " " or ch in "，。；：、）":
            pieces.append(word)
            word = ""
    pieces.append(word)
    lines, line = [], ""
    for piece in (p for p in pieces if p):
        if line and _text_width((line + piece).rstrip(), font_px) > width_px:
            lines.append(line.rstrip())
            line = ""
        line += piece
    lines.append(line.rstrip())
    return "<br>".join(x for x in lines if x)


def _annotations(atlas: Atlas, day: int, lang: str, width: int, height: int, days,
                 visible, packs) -> list[dict]:  # fmt: skip
    font = LABEL_FONTS[lang]
    base = max(10, round(height / 60))
    small = max(8, round(base * 0.75))
    credit = attribution(atlas, lang, packs, atlas_shown=bool(layers_on(atlas, days)))
    box = {"bgcolor": "rgba(255,255,255,0.85)", "bordercolor": "#8c8c8c", "borderwidth": 1,
           "borderpad": max(3, base // 3), "showarrow": False, "xref": "paper",
           "yref": "paper", "align": "left"}  # fmt: skip
    return [
        {**box, "name": "title", "text": title_text(day, lang), "x": 0.01, "y": 0.985,
         "xanchor": "left", "yanchor": "top",
         "font": {"family": font, "size": round(base * 1.6), "color": "#1f2328"}},
        {**box, "name": "legend", "text": legend_text(atlas, lang, days, visible, packs), "x": 0.01,
         "y": 0.06, "xanchor": "left", "yanchor": "bottom",
         "font": {"family": font, "size": base, "color": "#1f2328"}},
        {**box, "name": "attribution", "x": 0.995, "y": 0.005,
         "text": wrap_text(_html.escape(credit, quote=False), width * 0.6, small),
         "xanchor": "right", "yanchor": "bottom", "bgcolor": "rgba(255,255,255,0.7)",
         "borderwidth": 0, "font": {"family": font, "size": small, "color": "#333333"}},
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
    packs: Iterable[dict] = (),
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
    packs : iterable of dict
        The reader's imported packs: a legend row each; when one reaches outside the atlas'
        extent the map may leave the extent too (the engine draws the world land there from
        the scene, :func:`components.export.packs.scene_for_export`).

    Returns
    -------
    plotly.graph_objects.Figure
        The app's map traces; the layout carries ``width``, ``height`` and the three named
        annotations. The engine draws the moving layers and the borders of the day from
        :func:`export_scene` in the page that shows the figure.
    """
    check_lang(lang)
    view = view or export_view(day)
    if visible is None:
        visible = [s for s in LAYER_IDS if layer_spec(s).default_visible]
    visible = list(visible)
    if style is None:
        style = offline_style(lang, "hi" if view["zoom"] >= 5 else "lo")
    fig = build_map_figure(export_scene(atlas), view, lang, visible, style or None, day)
    days, packs = list(legend_days) if legend_days is not None else [day], list(packs)
    fig.update_layout(width=width, height=height, uirevision=None,
                      annotations=_annotations(atlas, day, lang, width, height, days, visible,
                                               packs),
                      meta={"day": day, "lang": lang, "export": True})  # fmt: skip
    if reaches_outside(packs):  # the view shows the pack where it is, not clamped to the extent
        fig.layout.map.bounds = None
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
    ValueError: --date 1899-01-01 is outside the atlas (1917-01-01..1946-12-31)
    """
    try:
        day = day_number(iso)
    except ValueError as exc:
        raise ValueError(f"{what} {iso}: {exc}") from None
    first, last = day_number(ATLAS_SPAN.start), day_number(ATLAS_SPAN.end)
    if not first <= day <= last:
        span = f"{ATLAS_SPAN.start}..{ATLAS_SPAN.end}"
        raise ValueError(f"{what} {iso} is outside the atlas ({span})")
    return day
