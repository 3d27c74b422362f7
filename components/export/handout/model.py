"""The handout as data: the page's layout, the maps' dates and captions, the legend, the
scale and the sources. Pure: :mod:`~components.export.handout.sheet` writes it as HTML and
:mod:`~components.export.handout.printing` renders the maps and prints it.

>>> from components.atlas.data import load_atlas
>>> h = build_handout(load_atlas(FIXTURE_DIR), ["1939-08-20", "1938-08-01"], "en")
>>> h.title, [p.label for p in h.panels]
('Aid years 1937-41', ['1 August 1938', '20 August 1939'])
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from components.atlas.data import Atlas
from components.atlas.i18n import LABEL_FONTS, text
from components.atlas.legend import (
    BASEMAP_CREDITS,
    CREDITS,
    legend_entries,
    pack_entries,
    pack_name,
)
from components.atlas.registry import LAYER_IDS, NATIONS, OTHER_NATION, PERIODS, layer_spec
from components.atlas.timeline import day_number, format_date, format_span, iso_date
from components.basemap.style import SOVEREIGN_COLOURS
from components.export.handout import content
from components.export.handout import view as views
from components.export.handout.dates import MAX_MAPS, MIN_MAPS, period
from components.export.handout.packs import pack_shown
from geodata.translations import translations

#: Paper sizes in millimetres, portrait (width, height).
PAPERS = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
ORIENTATIONS = ("portrait", "landscape")
#: The maps' print resolution.
DPI = 300
#: A map's CSS pixel prints this many times smaller than a page's: the map's labels (12-13
#: CSS pixels) come out at about 7 pt, small multiples' size.
MAP_SHRINK = 1.4
#: Page 1, in millimetres: margins, the title band, the band under the maps (legend, scale,
#: north arrow), the attribution line, a map's date and caption, the gaps between maps.
MARGIN, HEADER, LEGEND_BAND, FOOTER, CAPTION, GAP = 10.0, 19.0, 40.0, 9.0, 13.0, 4.0
#: Line styles of the route modes in print (SVG dash arrays, in line widths): grey shades
#: alone do not tell air, sea and land apart.
MODE_DASHES = {"rail": "", "land": "6 2", "sea": "2 2", "air": "6 2 1 2"}
#: The hatch over each sovereign's fill of the borders of the day, in print (drawn by
#: print_style.js on the maps, by the sheet in the legend): their colours print as near greys.
#: The dash of a pack's routes (the engine's ``line-dasharray`` in ``fea-3-packs.js``).
PACK_ROUTE_DASH = "2 1"
HATCHES = {"russia": "slash", "manchukuo": "backslash", "mongolia": "horizontal",
           "china": "vertical", "japan": "cross", "fer": "xcross", "tuva": "dash",
           "occupation": "none"}  # fmt: skip
#: The marker shapes a nation sharing its shape with another on the same handout takes, in
#: this order (the first not used by another nation of the handout): in black and white,
#: two circles of near greys would read as one nation.
PRINT_SHAPES = ("square", "triangle", "diamond", "hexagon", "pentagon", "cross", "star")
_MM_PER_PX = 25.4 / 96


@dataclass(frozen=True)
class Layout:
    """Page 1's grid: ``cols`` x ``rows`` maps of ``map_mm`` (width, height) each, rendered
    at ``render_px`` CSS pixels times ``scale`` device pixels (``DPI`` at print size)."""

    paper: str
    orientation: str
    page_mm: tuple[float, float]
    cols: int
    rows: int
    map_mm: tuple[float, float]
    render_px: tuple[int, int]
    scale: float


@dataclass(frozen=True)
class Panel:
    """One map: its date (ISO and as people write it) and its caption."""

    number: int
    date: str
    label: str
    caption: str


@dataclass(frozen=True)
class Handout:
    """Everything the sheet shows (see :func:`build_handout`)."""

    lang: str
    font: str
    title: str
    subtitle: str
    layout: Layout
    view: dict
    panels: tuple[Panel, ...]
    legend: tuple[dict, ...]
    scale: dict
    sources: tuple[dict, ...]
    attribution: str
    #: the marker shape of each nation on the maps, as the handout draws it
    shapes: dict
    #: the reader's imported packs drawn on the maps (keys ``p1``, ``p2``… in this order)
    packs: tuple = ()


def grid(count: int, orientation: str) -> tuple[int, int]:
    """Columns and rows of ``count`` maps on a page.

    Examples
    --------
    >>> [grid(n, "portrait") for n in (2, 3, 4, 6)]
    [(1, 2), (2, 2), (2, 2), (2, 3)]
    >>> [grid(n, "landscape") for n in (2, 3, 4, 6)]
    [(2, 1), (3, 1), (2, 2), (3, 2)]
    """
    if orientation == "portrait":
        return (1, 2) if count <= 2 else (2, math.ceil(count / 2))
    return (count, 1) if count <= 3 else (math.ceil(count / 2), 2)


def page_layout(paper: str, orientation: str, count: int) -> Layout:
    """Page 1's layout for ``count`` maps.

    Examples
    --------
    >>> a4 = page_layout("a4", "portrait", 4)
    >>> a4.page_mm, a4.map_mm, a4.render_px, round(a4.scale, 2)
    ((210.0, 297.0), (93.0, 89.0), (492, 471), 2.23)
    """
    width, height = PAPERS[paper]
    if orientation == "landscape":
        width, height = height, width
    cols, rows = grid(count, orientation)
    map_w = (width - 2 * MARGIN - (cols - 1) * GAP) / cols
    free = height - 2 * MARGIN - HEADER - LEGEND_BAND - FOOTER - (rows - 1) * GAP
    map_h = free / rows - CAPTION
    map_w, map_h = float(math.floor(map_w)), float(math.floor(min(map_h, map_w)))
    render = (round(map_w / _MM_PER_PX * MAP_SHRINK), round(map_h / _MM_PER_PX * MAP_SHRINK))
    scale = map_w / 25.4 * DPI / render[0]
    return Layout(paper, orientation, (width, height), cols, rows, (map_w, map_h), render, scale)


def scale_bar(view: dict, layout: Layout, max_mm: float = 30) -> dict:
    """The scale bar of the maps: the longest round distance at most ``max_mm`` long on paper
    (the engine's ``scaleFor``, Mercator at the view's latitude).

    Examples
    --------
    >>> a4 = page_layout("a4", "portrait", 4)
    >>> scale_bar({"lon": 118.6, "lat": 47.8, "zoom": 7.5}, a4)
    {'km': 20, 'mm': 13.0}
    """
    km_per_px = 40075.016686 * math.cos(math.radians(view["lat"])) / (512 * 2 ** view["zoom"])
    mm_per_px = layout.map_mm[0] / layout.render_px[0]
    km = 1
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000):
        if step / km_per_px * mm_per_px <= max_mm:
            km = step
    return {"km": km, "mm": round(km / km_per_px * mm_per_px, 1)}


def grey(color: str) -> float:
    """A colour's grey in a black-and-white print (Rec. 601 luma, 0-255).

    Examples
    --------
    >>> round(grey("#c0392b")), round(grey("#3690c0"))
    (96, 123)
    """
    r, g, b = (int(color.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return 0.299 * r + 0.587 * g + 0.114 * b


def print_shapes(nations: list[str]) -> dict[str, str]:
    """The marker shape of each of ``nations`` (in legend order) on one handout: its own,
    unless a nation before it has it, then the first of :data:`PRINT_SHAPES` still free; when
    none is, the shape whose nations are the farthest from it in grey.

    Examples
    --------
    >>> print_shapes(["JPN", "SOV", "MCK", "MNG"])
    {'JPN': 'circle', 'SOV': 'star', 'MCK': 'diamond', 'MNG': 'square'}
    """
    nation = {code: NATIONS.get(code, OTHER_NATION) for code in nations}
    out: dict[str, str] = {}
    for code in nations:
        taken = set(out.values()) | {nation[c].shape for c in nations if c not in out and c != code}
        shape = nation[code].shape
        if shape in out.values():
            free = [s for s in PRINT_SHAPES if s not in taken]
            shape = free[0] if free else max(PRINT_SHAPES + ("circle",), key=lambda s: min(
                (abs(grey(nation[c].color) - grey(nation[code].color))
                 for c, held in out.items() if held == s), default=255))  # fmt: skip
        out[code] = shape
    return out


def legend_rows(
    atlas: Atlas, shown: list[dict], lang: str, shapes: dict | None = None
) -> list[dict]:
    """The legend of what the maps show (:func:`components.atlas.legend.legend_entries`):
    the nations of the units on them, the modes of their routes, events, shipments and the
    fills of the borders drawn; lines carry their mode's dash pattern.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> atlas = load_atlas(FIXTURE_DIR)
    >>> rows = legend_rows(atlas, [{"layer": "deployments", "id": "jp-12"}], "en")
    >>> [(r["label"], r["shape"]) for r in rows]
    [('Japan', 'circle')]
    """
    layers = {x["layer"] for x in shown}
    nations = {atlas.feature(x["id"])["unit"]["nation"] for x in shown
               if x["layer"] == "deployments"}  # fmt: skip
    modes = {atlas.feature(x["id"])["properties"].get("mode") for x in shown
             if x["layer"] == "routes"}  # fmt: skip
    moving = {x.get("movement") for x in shown if x["layer"] == "deployments"}
    sovereigns = {x.get("sovereign") for x in shown if x["layer"] == "borders"}
    fills = {SOVEREIGN_COLOURS[s] for s in sovereigns if s in SOVEREIGN_COLOURS}
    rows = []
    for e in legend_entries(atlas):
        unit_row = e.get("nation") in nations or e.get("movement") in moving - {None}
        keep = {"deployments": unit_row, "events": "events" in layers,
                "shipments": "shipments" in layers, "borders": e["color"] in fills,
                "routes": any(e["labels"]["en"] == text(m, "en") for m in modes if m)}  # fmt: skip
        if keep.get(e["layer"]):
            mode = next((m for m in MODE_DASHES if text(m, "en") == e["labels"]["en"]), None)
            dash = MODE_DASHES.get(mode, "") if e["layer"] == "routes" else ""
            shape = (shapes or {}).get(e.get("nation"), e["shape"])
            hatch = next((HATCHES[k] for k, c in SOVEREIGN_COLOURS.items() if c == e["color"]
                          and e["layer"] == "borders"), None)  # fmt: skip
            rows.append({"color": e["color"], "shape": shape, "layer": e["layer"],
                         "label": e["labels"][lang], "dash": dash, "hatch": hatch})  # fmt: skip
    return rows


def pack_rows(packs: list[dict], shown: list[dict]) -> list[dict]:
    """The legend rows of the reader's imported ``packs`` that the maps show something of:
    each one's name in its colour (:func:`components.atlas.legend.pack_entries`, the engine's
    colours by the pack's place in ``packs``), as a dot, or as a dashed line when the maps
    show only its routes.

    Examples
    --------
    >>> shown = [{"layer": "pack", "pack": "p2", "kind": "routes"}]
    >>> [(r["label"], r["color"], r["shape"], r["dash"]) for r in pack_rows([{"name": "A"},
    ...                                                                     {"name": "B"}], shown)]
    [('B', '#2e7d32', 'line', '2 1')]
    """
    kinds: dict[str, set] = {}
    for x in shown:
        if x["layer"] == "pack":
            kinds.setdefault(x["pack"], set()).add(x["kind"])
    rows = []
    for entry in pack_entries(packs):
        drawn = kinds.get(entry["pack"])
        if not drawn:
            continue
        line = drawn == {"routes"}
        rows.append({"color": entry["color"], "shape": "line" if line else "dot",
                     "layer": "pack", "label": entry["labels"]["en"],
                     "dash": PACK_ROUTE_DASH if line else "", "hatch": None})  # fmt: skip
    return rows


def sources(shown: list[dict], lang: str) -> list[dict]:
    """Each quote behind the maps once: the original, the atlas' translation into ``lang``
    (None when the quote is in ``lang``, or is the reader's) and its seed document, with
    what it is behind. A quote of the reader's imported data keeps ``yours``, where it
    stands in their file (``where``) and their own citation (``cite``).

    Examples
    --------
    >>> out = sources([{"names": {"en": "Withdrawal"}, "cites": [
    ...     {"document": "000.txt", "quote": "日军撤出外贝加尔。"}]}], "en")
    >>> out[0]["translation"], out[0]["for"]
    ('The Japanese army withdrew from Transbaikalia.', ['Withdrawal'])
    """
    known = translations()
    return [{**c, "translation": None if c.get("yours") else known.get(c["quote"], {}).get(lang)}
            for c in content.citations(shown, lang)]  # fmt: skip


def _title(days: list[int], lang: str, period_id: str | None,
           packs: list[dict] = ()) -> tuple[str, str]:  # fmt: skip
    if period_id:
        found = period(period_id)
        title = found.labels.get(lang, found.labels["en"])
    else:  # the shortest period holding every date, else the atlas' title
        holding = [
            p for p in PERIODS if day_number(p.start) <= days[0] <= days[-1] <= day_number(p.end)
        ]
        best = min(holding, key=lambda p: day_number(p.end) - day_number(p.start), default=None)
        title = best.labels.get(lang, best.labels["en"]) if best else text("title", lang)
        if best is None and packs:  # the reader's own days: their pack's name
            title = pack_name(packs[0])
    span = format_span(iso_date(days[0]), iso_date(days[-1]), "day", lang)
    subtitle = f"{text('title', lang)} · {span}" if title != text("title", lang) else span
    return title, subtitle


def build_handout(
    atlas: Atlas,
    dates: list[str],
    lang: str = "en",
    paper: str = "a4",
    orientation: str = "portrait",
    period_id: str | None = None,
    packs: list[dict] = (),
) -> Handout:
    """The handout of the maps of ``dates`` (2 to 6 ISO days) in ``lang``, with the reader's
    imported ``packs`` (checked ones, :func:`components.atlas.packs.pack_problem`) drawn on
    the maps, in the legend, the captions and the sources like the atlas' own layers.

    Raises
    ------
    ValueError
        When the number of dates, the paper or the orientation is not one the sheet holds.
    """
    days = sorted({day_number(d) for d in dates})
    if not MIN_MAPS <= len(days) <= MAX_MAPS:
        raise ValueError(f"{len(days)} distinct dates: a handout holds {MIN_MAPS} to {MAX_MAPS}")
    if paper not in PAPERS or orientation not in ORIENTATIONS:
        raise ValueError(f"paper {paper!r} / orientation {orientation!r}: expected one of "
                         f"{', '.join(PAPERS)} / {', '.join(ORIENTATIONS)}")  # fmt: skip
    layout, packs = page_layout(paper, orientation, len(days)), list(packs)
    view = views.map_view(days, *layout.render_px, atlas, packs)
    area = views.bounds(view, *layout.render_px)
    visible = [s for s in LAYER_IDS if layer_spec(s).default_visible]
    shown = [x for d in days for x in content.shown(atlas, d, area, visible)]
    drawn = [x for d in days for x in pack_shown(packs, d, area)]
    panels = tuple(Panel(i, iso_date(d), format_date(iso_date(d), "day", lang),
                         content.caption(atlas, d, lang, area, visible, packs))
                   for i, d in enumerate(days, 1))  # fmt: skip
    on_maps = [
        e["nation"]
        for e in legend_entries(atlas)
        if e.get("nation")
        in {atlas.feature(x["id"])["unit"]["nation"] for x in shown if x["layer"] == "deployments"}
    ]
    shapes = print_shapes(on_maps)
    cites = sources(shown + drawn, lang)
    docs = ", ".join(sorted({c["document"] for c in cites if not c.get("yours")}))
    with_packs = {x["pack"] for x in drawn}
    files = ", ".join(
        dict.fromkeys(
            str(p.get("file") or pack_name(p))
            for n, p in enumerate(packs, 1)
            if f"p{n}" in with_packs
        )
    )
    # the borders' credit only where a map draws them (not on a pack's 1905)
    credit = CREDITS if any(x["layer"] == "borders" for x in shown) else BASEMAP_CREDITS
    credits = [f"{text('sources', lang)}: {docs or '—'}." if docs or not files else "",
               f"{text('import_source', lang)}: {files}." if files else "",
               credit[lang]]  # fmt: skip
    title, subtitle = _title(days, lang, period_id, packs)
    legend = legend_rows(atlas, shown, lang, shapes) + pack_rows(packs, drawn)
    return Handout(lang=lang, font=LABEL_FONTS[lang], title=title, subtitle=subtitle,
                   layout=layout, view=view, panels=panels, legend=tuple(legend), shapes=shapes,
                   scale=scale_bar(view, layout), sources=tuple(cites), packs=tuple(packs),
                   attribution=" ".join(c for c in credits if c))  # fmt: skip
