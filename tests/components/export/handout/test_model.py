"""The handout as data: the page's grid fits the paper, the legend is what the maps show, the
sources carry the atlas' translations, and nations on one handout differ by shape."""

from __future__ import annotations

import itertools

import pytest

from components.atlas.data import load_atlas
from components.atlas.registry import NATIONS
from components.export.handout import model
from components.export.handout.dates import handout_dates, period
from components.export.handout.model import (
    MAX_MAPS,
    MIN_MAPS,
    ORIENTATIONS,
    PAPERS,
    build_handout,
    grey,
    page_layout,
    print_shapes,
)
from geodata.translations import translations


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


@pytest.fixture(scope="module")
def khalkhin(atlas):
    return build_handout(atlas, handout_dates(atlas, period("khalkhin-gol"), 4), "en",
                         period_id="khalkhin-gol")  # fmt: skip


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("orientation", ORIENTATIONS)
@pytest.mark.parametrize("count", range(MIN_MAPS, MAX_MAPS + 1))
def test_the_maps_and_the_legend_fit_page_one_at_300_dpi(paper, orientation, count):
    lay = page_layout(paper, orientation, count)
    width, height = lay.page_mm
    assert lay.cols * lay.rows >= count > (lay.cols * lay.rows) - min(lay.cols, lay.rows)
    used_w = lay.cols * lay.map_mm[0] + (lay.cols - 1) * model.GAP
    used_h = (lay.rows * (lay.map_mm[1] + model.CAPTION) + (lay.rows - 1) * model.GAP
              + model.HEADER + model.LEGEND_BAND + model.FOOTER)  # fmt: skip
    assert used_w <= width - 2 * model.MARGIN and used_h <= height - 2 * model.MARGIN
    assert lay.map_mm[0] >= 60 and lay.map_mm[1] >= 40  # small multiples, not stamps
    dpi = lay.render_px[0] * lay.scale / (lay.map_mm[0] / 25.4)
    assert dpi == pytest.approx(model.DPI, rel=0.01)


def test_the_khalkhin_gol_handout(khalkhin):
    assert khalkhin.title == "Khalkhin Gol 1939"
    assert khalkhin.subtitle == "Far East Atlas · 28 May 1939 – 16 September 1939"
    assert [p.date for p in khalkhin.panels] == ["1939-05-28", "1939-06-23", "1939-08-04",
                                                 "1939-09-16"]  # fmt: skip
    labels = [r["label"] for r in khalkhin.legend]
    assert {"Japan", "Soviet Russia / USSR", "Events"} <= set(labels)
    assert "United States" not in labels  # the legend lists what the maps show
    assert khalkhin.scale["km"] in (1, 2, 5, 10, 20) and 5 <= khalkhin.scale["mm"] <= 30
    assert khalkhin.attribution.startswith("Sources: ")
    assert khalkhin.attribution.endswith("Borders of the day drawn for this atlas, approximate.")


def test_the_sources_give_the_atlas_translation_in_the_handouts_language(khalkhin):
    known = translations()
    assert len(khalkhin.sources) >= 20
    for source in khalkhin.sources:
        assert source["document"].endswith(".txt") and source["for"]
        assert source["translation"] == known.get(source["quote"], {}).get("en")
    assert sum(bool(s["translation"]) for s in khalkhin.sources) >= len(khalkhin.sources) - 2


def test_route_modes_differ_by_dash_and_fills_by_hatch():
    assert len(set(model.MODE_DASHES.values())) == len(model.MODE_DASHES)
    assert len(set(model.HATCHES.values())) == len(model.HATCHES)


@pytest.mark.parametrize("pid", ["intervention", "aid", "khasan", "khalkhin-gol"])
def test_nations_on_a_handout_differ_by_shape_or_clearly_by_grey(atlas, pid):
    h = build_handout(atlas, handout_dates(atlas, period(pid), 6), "en", period_id=pid)
    rows = [r for r in h.legend if r["layer"] == "deployments"]
    for a, b in itertools.combinations(rows, 2):
        assert a["shape"] != b["shape"] or abs(grey(a["color"]) - grey(b["color"])) >= 20, (a, b)
    if len(rows) <= len(model.PRINT_SHAPES) + 1:
        assert len({r["shape"] for r in rows}) == len(rows)


def test_print_shapes_keep_a_nations_own_shape_when_it_is_free():
    codes = list(NATIONS)
    for a, b in itertools.combinations(codes, 2):
        shapes = print_shapes([a, b])
        assert shapes[a] == NATIONS[a].shape and shapes[a] != shapes[b]


def test_bad_requests_are_named(atlas):
    with pytest.raises(ValueError, match="1 distinct dates: a handout holds 2 to 6"):
        build_handout(atlas, ["1939-08-20", "1939-08-20"], "en")
    with pytest.raises(ValueError, match="paper 'a3'"):
        build_handout(atlas, ["1939-08-20", "1939-08-21"], "en", paper="a3")


def test_a_pack_before_the_atlas_is_the_handouts_maps_legend_captions_and_sources(atlas):
    from geodata.imports import import_file

    from ..conftest import ROOT
    from .test_view import bounds

    pack = import_file(ROOT / "tests" / "fixtures" / "imports" / "lesson.csv").pack
    h = build_handout(atlas, ["1905-02-20", "1905-03-08", "1905-03-10"], "ja", packs=[pack])
    assert h.title == "lesson" and h.packs == (pack,)
    assert [r["layer"] for r in h.legend] == ["pack"]  # no borders drawn before 1917: none listed
    assert [(r["label"], r["color"], r["shape"]) for r in h.legend if r["layer"] == "pack"] == [
        ("lesson", "#1565c0", "dot")]  # fmt: skip
    assert [p.caption for p in h.panels] == ["Our regiment · 3,000", "Our regiment · 2,500",
                                             "奉天会戦"]  # fmt: skip
    mine = [s for s in h.sources if s.get("yours")]
    assert len(mine) == len(h.sources) == 3 and all(s["translation"] is None for s in mine)
    assert {s["where"] for s in mine} == {("line", 2), ("line", 3), ("line", 4)}
    assert h.attribution.startswith("出典（利用者のもの）: lesson.csv. ")  # no atlas source on them
    assert "国境" not in h.attribution  # nor the credit of borders the maps do not draw
    west, south, east, north = bounds(h.view, *h.layout.render_px)
    assert west < 123.43 < east and south < 41.8 < north and west < 125.32 < east


def test_a_pack_beside_the_atlas_adds_its_row_and_quotes_to_the_atlas_own(atlas, khalkhin):
    near = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [118.75, 47.75]},
            "properties": {"id": "visit", "layer": "events", "start": "1939-06-23",
                           "end": "1939-06-23", "names": {"en": "Our class visit"},
                           "source": [{"document": "notes.csv", "row": 3,
                                       "quote": "We stood on the river bank."}]}}  # fmt: skip
    pack = {"type": "FeatureCollection", "pack": 1, "name": "near", "file": "near.csv",
            "features": [near]}  # fmt: skip
    h = build_handout(atlas, [p.date for p in khalkhin.panels], "en", period_id="khalkhin-gol",
                      packs=[pack])  # fmt: skip
    assert h.legend[: len(khalkhin.legend)] == khalkhin.legend
    assert h.legend[len(khalkhin.legend):] == ({"color": "#1565c0", "shape": "dot",
                                                "layer": "pack", "label": "near", "dash": "",
                                                "hatch": None},)  # fmt: skip
    assert "Our class visit" in h.panels[1].caption
    assert h.sources[: len(khalkhin.sources)] == khalkhin.sources
    assert h.sources[-1]["quote"] == "We stood on the river bank." and h.sources[-1]["yours"]
    assert h.attribution.startswith(khalkhin.attribution.split(". Basemap")[0] +
                                    ". Source (yours): near.csv. Basemap")  # fmt: skip
