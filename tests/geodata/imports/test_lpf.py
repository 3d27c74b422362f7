"""Linked Places Format: the Gazetteer's example file, JSON lines, timed names and geometries."""

from __future__ import annotations

import json

from geodata.imports import import_file


def test_lugares_20_imports_every_feature(formats):
    result = import_file(formats / "whg" / "lugares_20.jsonld")
    report, pack = result.report, result.pack
    assert (report["format"], report["features"], report["skipped"]) == ("lpf", 20, 0)
    first = pack["features"][0]
    assert first["geometry"]["coordinates"] == [-105.346111, 21.805]
    props = first["properties"]
    assert (props["names"]["en"], props["start"], props["end"]) == (
        "Sentispac",
        "1701-01-01",
        "1808-12-31",
    )
    assert props["source"][0]["cite"].startswith("TANCK DE ESTRADA")
    # a feature whose own "when" is empty takes its span from its name's "when"
    espinillo = next(
        f for f in pack["features"] if f["properties"]["names"]["en"] == "Espinillo viejo"
    )
    assert espinillo["properties"]["start"] == "1801-01-01"
    assert espinillo["properties"]["name_periods"][0]["names"] == {"en": "Espinillo viejo"}


ABINGDON = {
    "type": "Feature",
    "@id": "http://mygaz.org/places/p_12345",
    "properties": {"title": "Abingdon (UK)", "ccodes": ["GB"]},
    "when": {"timespans": [{"start": {"in": "0676"}, "end": {"in": "1066"}}]},
    "names": [
        {
            "toponym": "Abingdon",
            "lang": "en",
            "citations": [{"label": "Ye Olde Gazetteer (1635)", "@id": "x"}],
            "when": {"timespans": [{"start": {"in": "1600"}}]},
        }
    ],
    "geometry": {
        "type": "GeometryCollection",
        "geometries": [
            {
                "type": "Point",
                "coordinates": [-1.2879, 51.6708],
                "when": {"timespans": [{"start": {"in": "1600"}, "end": {"in": "1699"}}]},
            },
            {
                "geo_wkt": "POLYGON ((-1.3077 51.6542, -1.2555 51.6542, -1.2555 51.6908, "
                "-1.3077 51.6908, -1.3077 51.6542))",
                "when": {"timespans": [{"start": "1700"}]},
            },
        ],
    },
    "links": [
        {"type": "exactMatch", "identifier": "http://www.geonames.org/2657780/"},
        {"type": "closeMatch", "identifier": "javascript:alert(1)"},
    ],
}


def test_timed_geometries_become_observations_of_one_place_in_date_order():
    data = json.dumps({"type": "FeatureCollection", "features": [ABINGDON]}).encode()
    result = import_file(data, filename="abingdon.json")
    features = result.pack["features"]
    assert [f["properties"]["id"] for f in features] == [
        "http://mygaz.org/places/p_12345--0",
        "http://mygaz.org/places/p_12345--1",
    ]
    spans = [(f["properties"]["start"], f["properties"]["end"]) for f in features]
    assert spans == [("1600-01-01", "1699-12-31"), ("1700-01-01", "1700-12-31")]
    assert features[1]["geometry"]["type"] == "Point"  # the polygon drawn at a point inside it
    assert features[0]["properties"]["links"] == ["http://www.geonames.org/2657780/"]
    assert features[0]["properties"]["source"][0]["cite"] == "Ye Olde Gazetteer (1635)"


def test_json_lines_and_minus_one_for_unknown(tmp_path):
    unknown = dict(
        ABINGDON,
        when={"timespans": [{"start": {"in": "-1"}, "end": {"in": "-1"}}]},
        names=[{"toponym": "Nowhen"}],
        geometry={"type": "Point", "coordinates": [10, 50]},
        properties={"title": "Nowhen"},
    )
    bad = dict(unknown, geometry={"type": "Point", "coordinates": [10, 94]})
    path = tmp_path / "places.jsonl"
    path.write_text("\n".join(json.dumps(f) for f in (ABINGDON, unknown, bad)) + "\n")
    result = import_file(path)
    assert result.report["format"] == "lpf"
    assert [e["line"] for e in result.report["errors"]] == [3]
    nowhen = result.pack["features"][-1]["properties"]
    assert nowhen["precision"] == "none"
    assert any(w["line"] == 2 and w["field"] == "when" for w in result.report["warnings"])
