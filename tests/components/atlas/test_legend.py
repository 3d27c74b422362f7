"""The one legend and the one attribution: the page, the PNG, the GIF and the page export
draw the same rows and credit the same sources."""

from components.atlas.data import load_atlas
from components.atlas.i18n import LANGS
from components.atlas.legend import (
    attribution,
    layers_on,
    legend_entries,
    movements_on,
    nations_on,
    shown_entries,
    source_documents,
    sovereigns_on,
)
from components.atlas.scene import build_scene
from components.atlas.timeline import day_number
from components.atlas.views import legend
from components.export.render import legend_text
from tests.fixtures import FIXTURE_DIR

ATLAS = load_atlas(FIXTURE_DIR)


def test_the_page_legend_and_the_export_legend_are_the_same_entries():
    entries = legend_entries(ATLAS)
    rows = legend(ATLAS, "ja")
    assert [r.children[1] for r in rows] == [e["labels"]["ja"] for e in entries]
    assert [r.children[0].style["background"] for r in rows] == [e["color"] for e in entries]
    assert {e["layer"] for e in entries} == {"deployments", "routes", "events", "shipments",
                                             "borders"}  # fmt: skip
    # the scene (the PNG of the view) and the export figure draw the same rows
    assert build_scene(ATLAS)["legend"] == entries
    days = [day_number("1918-08-20"), day_number("1918-09-01")]  # the advance, then all nations
    out = legend_text(ATLAS, "ja", days, [e["layer"] for e in entries])
    # the fills of the borders of those days only, and no layer with nothing then (shipments)
    filled, drawn = sovereigns_on(days), layers_on(ATLAS, days)
    shown = [
        e for e in entries if e.get("sovereign", "-") in {"-", *filled} and e["layer"] in drawn
    ]
    assert len(shown) < len(entries) and "fer" not in filled and "shipments" not in drawn
    assert not any(e["labels"]["ja"] in out for e in entries if e not in shown)
    assert all(e["labels"]["ja"] in out and e["color"] in out for e in shown)


def test_the_rows_shown_follow_the_layers_and_the_nations_on_the_map():
    entries = legend_entries(ATLAS)
    assert nations_on(ATLAS, [day_number("1918-08-13")]) == {"JPN"}
    assert nations_on(ATLAS, [day_number("1930-01-01")]) == set()
    shown = shown_entries(entries, ["deployments", "events"], {"JPN"}, set())
    assert [(e["layer"], e["labels"]["en"]) for e in shown] == [
        ("deployments", "Japan"),
        ("events", "Events"),
    ]
    assert shown_entries(entries, []) == []


def test_a_kind_of_movement_is_in_the_legend_while_a_unit_moves_so():
    # the fixture's American force advances from Vladivostok (15 August) to Khabarovsk (1 Sep.),
    # and the arrow of its advance stays ten days after it arrives
    assert movements_on(ATLAS, [day_number("1918-08-20")]) == {"advance"}
    assert movements_on(ATLAS, [day_number("1918-09-10")]) == {"advance"}
    assert movements_on(ATLAS, [day_number("1918-09-11")]) == set()
    rows = shown_entries(legend_entries(ATLAS), ["deployments"], None, {"advance"})
    assert [r["shape"] for r in rows if "movement" in r] == ["move-advance"]
    out = legend_text(ATLAS, "zh", [day_number("1918-08-20")], ["deployments"])
    assert "─▶</span> 推进" in out
    assert "推进" not in legend_text(ATLAS, "zh", [day_number("1918-09-11")], ["deployments"])


def test_attribution_names_the_seeds_and_the_basemap_and_gazetteer_licences():
    assert source_documents(ATLAS) == ["fixture.txt"]
    for lang in LANGS:
        line = attribution(ATLAS, lang)
        assert "fixture.txt" in line and "GSHHG" in line and "GeoNames" in line
        assert "LGPL" in line and "CC BY" in line
    assert "史料" in attribution(ATLAS, "zh") and "地名辞典" in attribution(ATLAS, "ja")
    assert build_scene(ATLAS)["attribution"] == {lg: attribution(ATLAS, lg) for lg in LANGS}


def test_real_layers_cite_the_three_seed_documents():
    docs = source_documents(load_atlas())
    assert len(docs) == 3 and all(d.endswith(".txt") for d in docs)


def test_pack_rows_take_the_engine_colours_in_order_and_cut_long_names():
    import re

    from components.atlas.data import ROOT
    from components.atlas.legend import PACK_COLORS, PACK_NAME_MAX, pack_entries

    engine = (ROOT / "assets" / "fea-3-packdata.js").read_text(encoding="utf-8")
    colors = re.search(r"var COLORS = \[([^\]]*)\]", engine).group(1)
    assert tuple(re.findall(r"'(#[0-9a-f]{6})'", colors)) == PACK_COLORS  # drawn = listed
    packs = [{"name": "x" * 100}, {"file": "b.csv"}, *({"name": str(i)} for i in range(5))]
    rows = pack_entries(packs)
    assert [r["color"] for r in rows] == [*PACK_COLORS, PACK_COLORS[0]]
    # a pack sent to a job keeps its page colour (its slot), the hidden ones before it left out
    from components.atlas.packs import SLOTS

    assert SLOTS == len(PACK_COLORS)
    assert [r["color"] for r in pack_entries([{"name": "b", "slot": 2}])] == [PACK_COLORS[2]]
    assert len(rows[0]["labels"]["zh"]) == PACK_NAME_MAX and rows[0]["labels"]["en"][-1] == "…"
    assert rows[1]["labels"] == {"en": "b.csv", "zh": "b.csv", "ja": "b.csv"}
    # the atlas' own rows never take a pack's row, whatever layers are shown
    assert shown_entries(rows, ["places", "events"]) == []


def test_the_attribution_names_the_files_of_the_packs_once():
    line = attribution(ATLAS, "ja", [{"file": "a.csv"}, {"file": "a.csv"}, {"name": "B"}])
    assert "出典（利用者のもの）: a.csv, B." in line and line.count("a.csv") == 1
    assert "利用者" not in attribution(ATLAS, "ja")


def test_outside_the_atlas_dates_no_layer_of_it_draws_and_no_border_is_filled():
    assert layers_on(ATLAS, [day_number("1905-03-10")]) == set()
    assert sovereigns_on([day_number("1905-03-10"), day_number("1950-01-01")]) == set()
    assert {"borders", "deployments"} <= layers_on(ATLAS, [day_number("1918-09-01")])
    assert "fer" in sovereigns_on([day_number("1921-06-01")])
    assert attribution(ATLAS, "en", [{"file": "a.csv"}], atlas_shown=False).startswith(
        "Source (yours): a.csv. Basemap:"
    )
    assert attribution(ATLAS, "en", atlas_shown=False).startswith("Sources: fixture.txt.")
