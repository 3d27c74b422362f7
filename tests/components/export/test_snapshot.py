"""The PNG export's data: legend entries shared with the page, attribution, size, name."""

import pytest

from components.atlas.data import load_atlas
from components.atlas.i18n import LANGS
from components.export.snapshot import (
    LAYOUT,
    attribution,
    legend_entries,
    snapshot_config,
    snapshot_filename,
    snapshot_size,
    source_documents,
)
from components.page.panels import legend
from tests.fixtures import FIXTURE_DIR

ATLAS = load_atlas(FIXTURE_DIR)


def test_the_page_legend_and_the_export_legend_are_the_same_entries():
    entries = legend_entries(ATLAS)
    rows = legend(ATLAS, "ja")
    assert [r.children[1] for r in rows] == [e["labels"]["ja"] for e in entries]
    assert [r.children[0].style["background"] for r in rows] == [e["color"] for e in entries]
    assert {e["layer"] for e in entries} == {"deployments", "routes", "events", "shipments"}


def test_attribution_names_the_seeds_and_the_basemap_and_gazetteer_licences():
    assert source_documents(ATLAS) == ["fixture.txt"]
    for lang in LANGS:
        line = attribution(ATLAS, lang)
        assert "fixture.txt" in line and "GSHHG" in line and "GeoNames" in line
        assert "LGPL" in line and "CC BY" in line
    assert "史料" in attribution(ATLAS, "zh") and "地名辞典" in attribution(ATLAS, "ja")


def test_real_layers_cite_the_three_seed_documents():
    docs = source_documents(load_atlas())
    assert len(docs) == 3 and all(d.endswith(".txt") for d in docs)


def test_size_adds_the_bands_and_the_legend_column_then_scales():
    w, h = snapshot_size(800, 500, 4)
    assert (w, h) == (4 * (800 + LAYOUT["legend"]), 4 * (LAYOUT["header"] + 500 + LAYOUT["footer"]))
    with pytest.raises(ValueError, match="scale must be one of 1, 2, 4; got 8"):
        snapshot_size(800, 500, 8)


def test_filename_and_config_for_the_browser():
    assert snapshot_filename("1939-08-20", "zh", 4) == "atlas-1939-08-20-zh@4x.png"
    cfg = snapshot_config(ATLAS)
    assert set(cfg["words"]) == set(LANGS) == set(cfg["attribution"]) == set(cfg["fonts"])
    assert cfg["words"]["ja"]["title"] == "極東アトラス" and cfg["words"]["zh"]["legend"] == "图例"
