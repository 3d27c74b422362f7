"""The atlas' own spreadsheet: dates, the geocoder, moving units, errors per row."""

from __future__ import annotations

import pytest

from geodata.imports import ImportFailed, import_file

HEADER = "layer,id,date,start,end,place,lat,lon,name_en,strength,source,quote,note,movement\n"


def _csv(*rows: str) -> bytes:
    return (HEADER + "\n".join(rows) + "\n").encode()


def test_rows_with_the_same_id_and_different_dates_make_one_moving_unit():
    data = _csv(
        "deployments,jpn,1918-09,,,Khabarovsk,,,Japanese army,,Smith 1990,took Khabarovsk,,",
        "deployments,jpn,1918-08,,,Vladivostok,,,Japanese army,70000,Smith 1990,landed,,advance",
    )
    result = import_file(data, filename="unit.csv")
    props = [f["properties"] for f in result.pack["features"]]
    assert [(p["id"], p["deployment"], p["seq"], p["start"]) for p in props] == [
        ("jpn--0", "jpn", 0, "1918-08-01"),
        ("jpn--1", "jpn", 1, "1918-09-01"),
    ]
    assert props[0]["strength"] == 70000 and props[0]["movement"] == "advance"
    assert props[0]["geocoded_from"] == "Vladivostok" and props[0]["confidence"] > 0.5
    assert props[0]["source"] == [
        {"document": "unit.csv", "line": 3, "quote": "landed", "cite": "Smith 1990"}
    ]
    assert result.report["features"] == 2 and result.report["skipped"] == 0


def test_every_bad_row_is_named_with_field_expected_and_got():
    data = _csv(
        "events,a,,1499,1491,,,,Start after end,,,,,",
        "events,b,1918-08-12,,,Vladivostokk,,,Typo,,,,,",
        "places,c,,,,,94,10,Too far north,,,,,",
        "events,d,1918,,,,43,131,Ok,,,,,",
    )
    result = import_file(data, filename="bad.csv")
    errors = {(e["line"], e["field"]): e for e in result.report["errors"]}
    assert set(errors) == {(2, "start"), (3, "place"), (4, "lat")}
    assert "after end" in errors[(2, "start")]["message"]
    assert "Vladivostok" in errors[(3, "place")]["message"]
    assert result.report["unresolved"][0]["suggestions"][0] == "Vladivostok"
    assert errors[(4, "lat")]["got"] == "94"
    assert result.report["features"] == 1 and result.report["skipped"] == 3


def test_undated_rows_are_kept_with_the_packs_span_and_refused_under_strict():
    data = _csv("events,a,1918-08-12,,,,43,131,Dated,,,,,", "places,b,,,,,43,131,Undated,,,,,")
    result = import_file(data, filename="u.csv")
    undated = result.pack["features"][1]["properties"]
    assert (undated["start"], undated["end"], undated["precision"]) == (
        "1918-08-12",
        "1918-08-12",
        "none",
    )
    assert result.report["warnings"][0]["line"] == 3
    with pytest.raises(ImportFailed, match="strict") as info:
        import_file(data, filename="u.csv", strict=True)
    assert info.value.report["errors"][0]["line"] == 3


def test_a_row_without_place_is_a_timeline_entry_and_extended_years_are_kept():
    data = _csv("events,ides,-0044-03-15,,,,,,Ides of March,,,,,")
    props = import_file(data, filename="rome.csv").pack["features"][0]
    assert props["geometry"] is None and props["properties"]["layer"] == "timeline"
    assert props["properties"]["start"] == "-0044-03-15"


def test_a_route_is_drawn_through_the_rows_of_its_id():
    data = _csv(
        "routes,r,1918-08,,,Vladivostok,,,Rail,,,,,",
        "routes,r,1918-09,,,Harbin,,,Rail,,,,,",
    )
    feature = import_file(data, filename="r.csv").pack["features"][0]
    assert feature["geometry"]["type"] == "LineString"
    assert len(feature["geometry"]["coordinates"]) == 2
    assert (feature["properties"]["start"], feature["properties"]["end"]) == (
        "1918-08-01",
        "1918-09-30",
    )


def test_one_id_in_two_layers_or_twice_on_one_date_is_an_error_for_the_later_row():
    data = _csv(
        "deployments,u,1918-08,,,,43.1,131.9,Unit,,,,,",
        "events,u,1918-09,,,,43.1,131.9,Event,,,,,",
        "deployments,u,1918-08,,,,45.0,131.9,Unit again,,,,,",
    )
    result = import_file(data, filename="ids.csv")
    errors = [(e["line"], e["field"]) for e in result.report["errors"]]
    assert errors == [(3, "id"), (4, "id")]
    assert "layer 'deployments'" in result.report["errors"][0]["message"]
    assert result.report["features"] == 1
