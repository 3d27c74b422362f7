"""The handout as one HTML page, laid out for print in millimetres.

Page 1 holds the title, the maps (small multiples, each with its date and caption), one
legend, the scale bar, the north arrow and the attribution line; the sources follow on as
many pages as they need, a quote never split across two (``break-inside: avoid``). Every
text is text (searchable and selectable in the PDF); the legend's glyphs are inline SVG:
each nation's marker shape, each route mode's dash pattern. Nothing is fetched: the maps are
files beside the page (``file://``) and the fonts are the system's (Noto CJK).

>>> from components.atlas.data import load_atlas
>>> from components.export.handout.model import build_handout
>>> h = build_handout(load_atlas(FIXTURE_DIR), ["1938-08-01", "1939-08-20"], "ja")
>>> page = sheet_html(h, ["map-1.png", "map-2.png"])
>>> "@page { size: 210mm 297mm; margin: 10mm; }" in page, '<html lang="ja">' in page
(True, True)
"""

from __future__ import annotations

from html import escape

from components.atlas.i18n import LABEL_FONTS, LANGS, text
from components.atlas.registry import MARKER_SHAPES, MOVEMENT_STYLES
from components.export.handout import model
from components.export.handout.model import Handout

#: Print sizes (points) of the sheet's texts.
SIZES = {"title": 17, "subtitle": 9.5, "date": 8.5, "caption": 7, "legend": 7.5,
         "attribution": 6, "sources_title": 13, "source": 8.5, "small": 7}  # fmt: skip


#: The hatches' strokes in an 8 x 8 tile, as ``print_style.js`` draws them on the maps.
HATCH_LINES = {
    "slash": [(0, 8, 8, 0), (-1, 1, 1, -1), (7, 9, 9, 7)],
    "backslash": [(0, 0, 8, 8), (-1, 7, 1, 9), (7, -1, 9, 1)],
    "horizontal": [(0, 4, 8, 4)], "vertical": [(4, 0, 4, 8)],
    "cross": [(0, 4, 8, 4), (4, 0, 4, 8)], "xcross": [(0, 8, 8, 0), (0, 0, 8, 8)],
    "dash": [(0, 4, 4, 4)],  # (no dots: on a map they read as places)
}  # fmt: skip
#: A map's 11-pixel hatch tile (print_style.js' TILE) on paper, in points (a CSS pixel is
#: 0.75 pt, and the map is shrunk).
_TILE_PT = 11 * 0.75 / model.MAP_SHRINK


def _hatch_def(kind: str | None) -> str:
    # darker than on the map: on a swatch a few millimetres wide the hatch is what tells
    # two fills apart in black and white
    if kind not in HATCH_LINES:
        return ""
    k = _TILE_PT / 8
    body = "".join(f'<line x1="{x1 * k:.2f}" y1="{y1 * k:.2f}" x2="{x2 * k:.2f}" y2="{y2 * k:.2f}"'
                   f' stroke="#1e1e1e" stroke-opacity="0.6" stroke-width="{1.2 * k:.2f}"/>'
                   for x1, y1, x2, y2 in HATCH_LINES[kind])  # fmt: skip
    return (
        f'<defs><pattern id="hatch-{kind}" width="{_TILE_PT:.2f}" height="{_TILE_PT:.2f}" '
        f'patternUnits="userSpaceOnUse">{body}</pattern></defs>'
    )


def _marker(shape: str, color: str, size: float = 11) -> str:
    stroke = 'stroke="#1f2328" stroke-width="0.7"'
    if shape == "circle" or shape not in MARKER_SHAPES or not MARKER_SHAPES[shape]:
        body = f'<circle cx="6" cy="6" r="4.8" fill="{color}" {stroke}/>'
    else:
        points = " ".join(
            f"{0.6 + x * 10.8:.2f},{0.6 + y * 10.8:.2f}" for x, y in MARKER_SHAPES[shape]
        )
        body = f'<polygon points="{points}" fill="{color}" {stroke}/>'
    return f'<svg class="glyph" width="{size}pt" height="{size}pt" viewBox="0 0 12 12">{body}</svg>'


def glyph(row: dict) -> str:
    """The legend glyph of a row of :func:`~components.export.handout.model.legend_rows`.

    Examples
    --------
    >>> glyph({"shape": "line", "color": "#a0522d", "dash": "6 2"})[:60]
    '<svg class="glyph line" width="22pt" height="11pt" viewBox="'
    """
    color, shape = escape(row["color"]), row["shape"]
    if shape.startswith("move-") and shape[5:] in MOVEMENT_STYLES:
        # a unit's leg as the engine draws it: width and dash by the kind of movement
        style = MOVEMENT_STYLES[shape[5:]]
        width = style["width"] * 0.6
        dash = " ".join(f"{v * width:g}" for v in style["dash"]) if style["dash"][1] else ""
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        return (f'<svg class="glyph move" width="22pt" height="11pt" viewBox="0 0 24 12">'
                f'<line x1="1" y1="6" x2="18" y2="6" stroke="{color}" stroke-width="{width:g}"'
                f'{dash_attr}/><polygon points="17,2 23,6 17,10" fill="{color}"/>'
                f"</svg>")  # fmt: skip
    if shape == "line":
        width = 2.4
        dash = " ".join(f"{float(v) * width:g}" for v in row["dash"].split())
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        return (f'<svg class="glyph line" width="22pt" height="11pt" viewBox="0 0 24 12">'
                f'<line x1="1" y1="6" x2="23" y2="6" stroke="{color}" stroke-width="{width}"'
                f'{dash_attr}/></svg>')  # fmt: skip
    if shape == "fill":
        return (f'<svg class="glyph fill" width="16pt" height="11pt" viewBox="0 0 16 12">'
                f"{_hatch_def(row.get('hatch'))}"
                f'<rect x="0.5" y="1" width="15" height="10" fill="{color}" fill-opacity="0.55"'
                f' stroke="{color}" stroke-width="1.2"/>'
                + (f'<rect x="0.5" y="1" width="15" height="10" fill="url(#hatch-{row["hatch"]})"/>'
                   if row.get("hatch") in HATCH_LINES else "")
                + "</svg>")  # fmt: skip
    if shape == "dot":
        return (f'<svg class="glyph dot" width="11pt" height="11pt" viewBox="0 0 12 12">'
                f'<circle cx="6" cy="6" r="4" fill="{color}" stroke="#ffffff" stroke-width="1"/>'
                f"</svg>")  # fmt: skip
    return _marker(shape, color)


def scale_svg(scale: dict) -> str:
    """The scale bar: ``mm`` millimetres long on paper, labelled ``km``.

    Examples
    --------
    >>> "20 km" in scale_svg({"km": 20, "mm": 13.3})
    True
    """
    half = scale["mm"] / 2
    return (f'<div class="scale"><svg width="{scale["mm"] + 2}mm" height="3mm" '
            f'viewBox="0 0 {scale["mm"] + 2} 3">'
            f'<rect x="1" y="0.6" width="{half}" height="1.4" fill="#1f2328"/>'
            f'<rect x="{1 + half}" y="0.6" width="{half}" height="1.4" fill="#ffffff"'
            f' stroke="#1f2328" stroke-width="0.3"/>'
            f'<rect x="1" y="0.6" width="{scale["mm"]}" height="1.4" fill="none"'
            f' stroke="#1f2328" stroke-width="0.3"/></svg>'
            f'<span>0</span><span class="km">{scale["km"]:,} km</span></div>')  # fmt: skip


def north_svg(lang: str) -> str:
    """The north arrow, lettered in ``lang``.

    Examples
    --------
    >>> "北" in north_svg("zh")
    True
    """
    return (f'<div class="north"><span>{escape(text("north", lang))}</span>'
            '<svg width="6mm" height="9mm" viewBox="0 0 10 15">'
            '<polygon points="5,0 10,15 5,11" fill="#1f2328"/>'
            '<polygon points="5,0 0,15 5,11" fill="#ffffff" stroke="#1f2328" stroke-width="0.6"/>'
            "</svg></div>")  # fmt: skip


def _quote_lang(source: dict) -> str | None:
    from geodata.translations import translations

    given = translations().get(source["quote"])
    missing = [lg for lg in LANGS if given and lg not in given]
    return missing[0] if len(missing) == 1 else None


def _colon(lang: str) -> str:
    return "：" if lang in ("zh", "ja") else ": "


def _yours(source: dict, lang: str) -> str:
    # the reader's source: marked as theirs, their file, the row (line, slide) and their own
    # citation; every word of it is theirs, so escaped
    mark = escape(text("import_source", lang)) + _colon(lang)
    where = source.get("where")
    place = f", {escape(text('import_' + where[0], lang))} {int(where[1])}" if where else ""
    own = f" ({escape(source['cite'])})" if source.get("cite") else ""
    return f'<span class="mark">{mark}</span><cite>{escape(source["document"])}</cite>{place}{own}'


def source_item(source: dict, lang: str) -> str:
    """One quote of the sources section: the original, the atlas' translation (marked as
    ours), the seed document and what the quote is behind. A quote of the reader's imported
    data (``yours``) is marked as theirs: their file, where in it, their own citation.

    Examples
    --------
    >>> out = source_item({"quote": "日军撤出外贝加尔。", "document": "000.txt", "for": ["A"],
    ...                    "translation": "The Japanese army withdrew."}, "en")
    >>> '<blockquote lang="zh">日军撤出外贝加尔。</blockquote>' in out, "Atlas translation" in out
    (True, True)
    >>> mine = source_item({"quote": "It <b>ended</b>.", "document": "lesson.csv", "for": [],
    ...                     "yours": True, "where": ("line", 2), "cite": "Our textbook"}, "en")
    >>> "Source (yours): </span><cite>lesson.csv</cite>, line 2 (Our textbook)" in mine
    True
    >>> "It &lt;b&gt;ended&lt;/b&gt;." in mine
    True
    """
    qlang = None if source.get("yours") else _quote_lang(source)
    lang_attr = f' lang="{qlang}"' if qlang else ""
    parts = [f'<li class="source"><blockquote{lang_attr}>{escape(source["quote"])}</blockquote>']
    if source.get("translation"):
        mark = escape(text("translation", lang)) + _colon(lang)
        parts.append(f'<p class="translation"><span class="mark">{mark}</span>'
                     f'{escape(source["translation"])}</p>')  # fmt: skip
    names = "、".join(source["for"]) if lang in ("zh", "ja") else ", ".join(source["for"])
    what = f" · {escape(text('handout_for', lang))}: {escape(names)}" if names else ""
    if source.get("yours"):
        parts.append(f'<p class="document yours">{_yours(source, lang)}{what}</p></li>')
        return "".join(parts).replace('<li class="source">', '<li class="source yours">', 1)
    parts.append(f'<p class="document"><cite>{escape(source["document"])}</cite>{what}</p></li>')
    return "".join(parts)


def _style(h: Handout) -> str:
    lay = h.layout
    page_w, page_h = lay.page_mm
    inner_h = page_h - 2 * model.MARGIN
    fonts = "".join(f":lang({lg}) {{ font-family: {LABEL_FONTS[lg]}; }}\n" for lg in LANGS)
    s = SIZES
    return f"""
@page {{ size: {page_w:g}mm {page_h:g}mm; margin: {model.MARGIN:g}mm; }}
* {{ box-sizing: border-box; }}
html {{ font-family: {h.font}; color: #1f2328; font-size: {s["source"]}pt;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
{fonts}body {{ margin: 0; }}
.first {{ height: {inner_h - 0.5:g}mm; display: flex; flex-direction: column; overflow: hidden;
  break-after: page; }}
header {{ height: {model.HEADER:g}mm; border-bottom: 0.4mm solid #1f2328; margin-bottom: 2mm; }}
h1 {{ font-size: {s["title"]}pt; margin: 0 0 1mm; line-height: 1.2; }}
.subtitle {{ font-size: {s["subtitle"]}pt; margin: 0; color: #3a3f45; }}
.maps {{ display: grid; grid-template-columns: repeat({lay.cols}, {lay.map_mm[0]:g}mm);
  column-gap: {model.GAP:g}mm; row-gap: {model.GAP:g}mm; }}
figure.map {{ margin: 0; width: {lay.map_mm[0]:g}mm; }}
figure.map img {{ display: block; width: {lay.map_mm[0]:g}mm; height: {lay.map_mm[1]:g}mm;
  border: 0.3mm solid #4a4f55; }}
figure.map figcaption {{ height: {model.CAPTION - 0.5:g}mm; overflow: hidden; padding-top: 0.8mm; }}
.date {{ font-weight: bold; font-size: {s["date"]}pt; }}
.number {{ display: inline-block; min-width: 4mm; }}
.caption {{ font-size: {s["caption"]}pt; line-height: 1.25; margin: 0.4mm 0 0; }}
.band {{ margin-top: auto; height: {model.LEGEND_BAND:g}mm; display: flex; gap: 4mm;
  border-top: 0.3mm solid #8c8c8c; padding-top: 2mm; }}
.legend {{ flex: 1; }}
.legend h2 {{ font-size: {s["legend"] + 1}pt; margin: 0 0 1mm; }}
.legend ul {{ list-style: none; margin: 0; padding: 0; columns: 3; column-gap: 3mm;
  font-size: {s["legend"]}pt; }}
.legend li {{ display: flex; align-items: center; gap: 1.5mm; break-inside: avoid;
  margin-bottom: 0.8mm; }}
.glyph {{ flex: none; }}
.marks {{ width: 42mm; display: flex; flex-direction: column; align-items: flex-end; gap: 3mm; }}
.scale {{ position: relative; font-size: {s["small"]}pt; padding-bottom: 3.5mm; }}
.scale svg {{ display: block; }}
.scale span {{ position: absolute; bottom: 0; left: 0; }}
.scale span.km {{ left: auto; right: 0; }}
.north {{ display: flex; flex-direction: column; align-items: center; font-weight: bold;
  font-size: {s["legend"] + 1}pt; }}
footer {{ height: {model.FOOTER:g}mm; font-size: {s["attribution"]}pt; color: #3a3f45;
  line-height: 1.3; padding-top: 1mm; }}
.sources h2 {{ font-size: {s["sources_title"]}pt; margin: 0 0 1mm; }}
.sources > p {{ margin: 0 0 3mm; color: #3a3f45; }}
.sources ol {{ margin: 0; padding-left: 7mm; }}
li.source {{ break-inside: avoid; page-break-inside: avoid; margin-bottom: 2.5mm; }}
li.source blockquote {{ margin: 0; font-size: {s["source"] + 0.5}pt; }}
li.source p {{ margin: 0.5mm 0 0; }}
.translation {{ color: #2b3036; }}
.mark {{ font-style: italic; }}
.document {{ font-size: {s["small"]}pt; color: #3a3f45; }}
"""


def _panel(panel, src: str) -> str:
    alt = escape(f"{panel.label}: {panel.caption}" if panel.caption else panel.label)
    caption = f'<p class="caption">{escape(panel.caption)}</p>' if panel.caption else ""
    return (f'<figure class="map" data-date="{panel.date}"><img src="{escape(src)}" alt="{alt}">'
            f'<figcaption><span class="date"><span class="number">{panel.number}</span>'
            f'<time datetime="{panel.date}">{escape(panel.label)}</time></span>{caption}'
            f"</figcaption></figure>")  # fmt: skip


def sheet_html(h: Handout, images: list[str]) -> str:
    """The handout's page, the maps' images at ``images`` (one per panel, URLs relative to
    the page).

    Raises
    ------
    ValueError
        When the images and the panels differ in number.
    """
    if len(images) != len(h.panels):
        raise ValueError(f"{len(images)} map images for {len(h.panels)} maps")
    lang = h.lang
    maps = "".join(_panel(p, src) for p, src in zip(h.panels, images, strict=True))
    legend = "".join(f'<li data-layer="{escape(r["layer"])}">{glyph(r)}<span>'
                     f'{escape(r["label"])}</span></li>' for r in h.legend)  # fmt: skip
    sources = "".join(source_item(s, lang) for s in h.sources)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{escape(h.title)}</title>
<style>{_style(h)}</style></head><body>
<section class="first">
<header><h1>{escape(h.title)}</h1><p class="subtitle">{escape(h.subtitle)}</p></header>
<div class="maps">{maps}</div>
<div class="band"><div class="legend"><h2>{escape(text("legend", lang))}</h2><ul>{legend}</ul></div>
<div class="marks">{north_svg(lang)}{scale_svg(h.scale)}</div></div>
<footer class="attribution">{escape(h.attribution)}</footer>
</section>
<section class="sources"><h2>{escape(text("sources", lang))}</h2>
<p>{escape(text("handout_sources", lang))}</p><ol>{sources}</ol></section>
</body></html>
"""
