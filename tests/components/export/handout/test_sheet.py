"""The handout's HTML: every text the PDF must hold, the print rules, nothing fetched."""

from __future__ import annotations

import re

import pytest

from components.atlas.data import load_atlas
from components.export.handout.dates import handout_dates, period
from components.export.handout.model import build_handout
from components.export.handout.sheet import glyph, sheet_html


@pytest.fixture(scope="module", params=["en", "zh"])
def handout(request):
    atlas = load_atlas()
    return build_handout(atlas, handout_dates(atlas, period("khasan"), 4), request.param,
                         period_id="khasan")  # fmt: skip


def test_the_page_holds_title_captions_legend_quotes_and_attribution(handout):
    page = sheet_html(handout, [f"map-{p.number}.png" for p in handout.panels])
    for text in [handout.title, handout.subtitle, handout.attribution,
                 *(p.caption for p in handout.panels), *(p.label for p in handout.panels),
                 *(r["label"] for r in handout.legend)]:  # fmt: skip
        assert text.replace("&", "&amp;").replace("'", "&#x27;") in page
    assert len(handout.sources) >= 10
    for source in handout.sources:
        assert source["quote"].replace("&", "&amp;") in page
        assert source["document"] in page


def test_print_rules_and_nothing_fetched(handout):
    page = sheet_html(handout, ["a.png"] * len(handout.panels))
    assert re.search(r"@page \{ size: 210mm 297mm; margin: 10mm; \}", page)
    assert "li.source { break-inside: avoid;" in page
    assert ".first {" in page and "break-after: page" in page
    assert not re.search(r"https?://|@import|url\((?!#)", page)  # only file-relative maps
    assert page.count("<img ") == len(handout.panels)


def test_the_quotes_carry_their_language_and_the_translation_is_marked(handout):
    page = sheet_html(handout, ["a.png"] * len(handout.panels))
    mark = {"en": "Atlas translation: ", "zh": "本图集译文："}[handout.lang]
    translated = [s for s in handout.sources if s["translation"]]
    assert page.count(mark) == len(translated)
    # the seeds quoted here are Chinese: translated into English, left as they are in Chinese
    assert len(translated) >= 10 if handout.lang == "en" else not translated
    assert '<blockquote lang="zh">' in page


def test_glyphs_draw_shapes_dashes_and_hatches():
    assert "<polygon" in glyph({"shape": "star", "color": "#7a0177"})
    assert "<circle" in glyph({"shape": "circle", "color": "#c0392b"})
    assert 'stroke-dasharray="14.4 4.8"' in glyph({"shape": "line", "color": "#a0522d",
                                                     "dash": "6 2"})  # fmt: skip
    assert "stroke-dasharray" not in glyph({"shape": "line", "color": "#2d2d2d", "dash": ""})
    hatched = glyph({"shape": "fill", "color": "#6a9e3a", "hatch": "horizontal"})
    assert "url(#hatch-horizontal)" in hatched and "<line" in hatched
    assert "stroke-dasharray" in glyph({"shape": "move-withdrawal", "color": "#3a3a3a"})


def test_images_and_panels_must_match(handout):
    with pytest.raises(ValueError, match="1 map images for 4 maps"):
        sheet_html(handout, ["a.png"])
