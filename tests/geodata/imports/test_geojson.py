"""GeoJSON: start/end, OpenHistoricalMap's start_date/end_date, the atlas' own layers."""

from __future__ import annotations

import json
from pathlib import Path

from geodata.imports import import_file

LAYERS = Path(__file__).resolve().parents[3] / "geodata" / "layers"


def _fc(*features) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def _point(props, lon=131.9, lat=43.1):
    return {
        "type": "Feature",
        "properties": props,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
    }


def test_openhistoricalmap_dates_and_names():
    data = _fc(
        _point(
            {"name": "Harbin", "name:zh": "哈尔滨", "start_date": "1898", "end_date": "1932-02~"}
        )
    )
    props = import_file(data, filename="ohm.geojson").pack["features"][0]["properties"]
    assert props["names"] == {"en": "Harbin", "zh": "哈尔滨"}
    assert (props["start"], props["end"], props["precision"], props["approximate"]) == (
        "1898-01-01",
        "1932-02-29",
        "year",
        True,
    )


def test_the_atlas_own_layer_imports_with_its_sources():
    result = import_file(LAYERS / "events.geojson")
    assert result.report["errors"] == [] and result.report["format"] == "geojson"
    source = json.loads((LAYERS / "events.geojson").read_text())["features"][0]["properties"]
    first = result.pack["features"][0]["properties"]
    assert first["id"] == source["id"] and first["layer"] == "events"
    assert first["source"][0]["quote"] == source["source"][0]["quote"]
    assert first["names"]["ja"] == source["names"]["ja"]


def test_the_atlas_own_places_keep_their_precision_and_name_periods():
    result = import_file(LAYERS / "places.geojson")
    source = json.loads((LAYERS / "places.geojson").read_text())["features"][0]["properties"]
    first = result.pack["features"][0]["properties"]
    assert (first["start"], first["end"], first["precision"]) == (
        source["start"],
        source["end"],
        source["precision"],
    )
    assert [p["names"] for p in first["name_periods"]] == [
        p["names"] for p in source["name_periods"]
    ]


def test_bad_features_are_named_and_polygons_drawn_at_a_point():
    square = {"type": "Polygon", "coordinates": [[[130, 40], [131, 40], [131, 41], [130, 40]]]}
    data = _fc(
        _point({"name": "North", "start": "1918"}, lat=94),
        {"type": "Feature", "properties": {"name": "Area", "start": "1918"}, "geometry": square},
        _point({"name": "Backwards", "start": "1920", "end": "1918"}),
        _point({"name": "No date"}),
        "not a feature",
    )
    report = import_file(data, filename="bad.geojson").report
    errors = {(e["feature"], e["field"]) for e in report["errors"]}
    assert errors == {(1, "geometry"), (3, "start"), (5, "type")}
    warned = {(w["feature"], w["field"]) for w in report["warnings"]}
    assert {(2, "geometry"), (4, "start")} <= warned
    assert (report["features"], report["skipped"]) == (2, 3)
