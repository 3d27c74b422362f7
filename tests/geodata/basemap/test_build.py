"""The build writes deterministic files, and the committed files are up to date."""

import json

import shapely

from geodata.basemap.build import (
    BROWSER_FILES,
    border_layer,
    feature,
    geojson_text,
    modern_layer,
)  # fmt: skip
from geodata.basemap.extent import ATLAS_EXTENT, DETAILS
from geodata.basemap.relief import relief_jpeg
from geodata.basemap.store import LAYERS_DIR


def test_geojson_text_is_compact_and_stable():
    feats = [feature(shapely.Point(130.00049, 45.5), {"name": "Владивосток"})]
    text = geojson_text(feats)
    assert text == geojson_text(feats) and text.endswith("]}\n")
    assert "Владивосток" in text and "130.0" in text and json.loads(text)["features"]


def test_relief_is_byte_identical_to_the_committed_one():
    jpeg, meta = relief_jpeg()
    assert jpeg == (LAYERS_DIR / "relief.jpg").read_bytes()
    assert json.loads((LAYERS_DIR / "relief.json").read_text(encoding="utf-8")) == meta


def test_modern_and_border_layers_match_the_committed_files():
    lo = geojson_text(modern_layer(DETAILS["lo"], ATLAS_EXTENT))
    assert lo == (LAYERS_DIR / "modern_borders_lo.geojson").read_text(encoding="utf-8")
    borders = geojson_text(border_layer())
    assert borders == (LAYERS_DIR / "borders.geojson").read_text(encoding="utf-8")


def test_every_browser_file_is_built():
    for name in BROWSER_FILES:
        assert (LAYERS_DIR / name).is_file(), name
