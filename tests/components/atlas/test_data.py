"""Loading the layers: missing files, broken files, units grouped from waypoints."""

import json

import pytest

from components.atlas.data import group_units, load_atlas, load_layers
from components.atlas.registry import DATA_LAYERS
from components.atlas.timeline import day_number
from tests.fixtures import FIXTURE_DIR


def test_missing_layers_are_empty(tmp_path):
    atlas = load_atlas(tmp_path)
    assert all(atlas.layers[name] == () for name in DATA_LAYERS)
    assert atlas.units == () and atlas.span == (day_number("1917-01-01"), day_number("1946-12-31"))


def test_a_broken_file_is_named(tmp_path):
    (tmp_path / "events.geojson").write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="events.geojson"):
        load_layers(tmp_path)
    (tmp_path / "events.geojson").write_text('{"type": "Feature"}', encoding="utf-8")
    with pytest.raises(ValueError, match="FeatureCollection"):
        load_layers(tmp_path)


def test_features_without_usable_dates_or_geometry_are_skipped(tmp_path):
    good = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]},
            "properties": {"id": "a", "start": "1920-01-01", "end": "1920-01-02"}}  # fmt: skip
    bad = json.loads(json.dumps(good))
    bad["properties"]["start"] = "1920"
    fc = {"type": "FeatureCollection", "features": [good, bad]}
    (tmp_path / "events.geojson").write_text(json.dumps(fc), encoding="utf-8")
    assert [f["properties"]["id"] for f in load_layers(tmp_path)["events"]] == ["a"]


def test_units_are_grouped_in_waypoint_order():
    feats = list(load_layers(FIXTURE_DIR)["deployments"])
    units = group_units(list(reversed(feats)))
    us = next(u for u in units if u["id"] == "us-aef")
    assert [w for w in us["waypoints"]] == ["us-aef--0", "us-aef--1", "us-aef--2"]
    assert us["strengths"][0][1] == 3000 and us["nation"] == "USA"
    assert us["end"] == day_number("1920-04-01")


def test_the_atlas_finds_features_and_units_by_id():
    atlas = load_atlas(FIXTURE_DIR)
    assert atlas.feature("lake-khasan-battle")["properties"]["layer"] == "events"
    assert atlas.feature("jp-12")["unit"]["names"]["ja"] == "第12師団"
    assert atlas.feature("nothing") is None
