"""Places: coordinates checked, names placed by the historical geocoder or named unknown."""

from __future__ import annotations

from geodata.imports import import_file

HEADER = "layer,id,date,place,lat,lon,name_en\n"


def test_historical_names_are_placed_with_what_the_geocoder_matched_and_its_confidence():
    data = (HEADER + "places,a,1932,Hsinking,,,Capital\nplaces,b,1918,伯力,,,Khabarovsk\n").encode()
    feats = import_file(data, filename="p.csv").pack["features"]
    a, b = (f["properties"] for f in feats)
    assert (a["geocoded_from"], a["place_name"]) == ("Hsinking", "Changchun")
    assert 0 < a["confidence"] <= 1 and b["place_name"] == "Khabarovsk"
    assert round(feats[0]["geometry"]["coordinates"][1]) == 44


def test_an_unknown_name_is_an_error_for_its_row_with_suggestions():
    data = (HEADER + "places,a,1918,Khabarovks,,,Typo\nplaces,b,1918,Harbin,,,Fine\n").encode()
    result = import_file(data, filename="p.csv")
    (error,) = result.report["errors"]
    assert (error["line"], error["field"], error["got"]) == (2, "place", "Khabarovks")
    assert "did you mean: Khabarovsk" in error["message"]
    (unresolved,) = result.report["unresolved"]
    assert unresolved["name"] == "Khabarovks" and unresolved["suggestions"][0] == "Khabarovsk"
    assert result.report["features"] == 1


def test_coordinates_win_over_the_name_and_are_checked_in_range():
    data = (HEADER + "places,a,1918,Harbin,45.0,200,East\nplaces,b,1918,,45.0,,Half\n"
            "places,c,1918,Harbin,45.5,126.5,Given\n").encode()  # fmt: skip
    result = import_file(data, filename="p.csv")
    errors = [(e["line"], e["field"]) for e in result.report["errors"]]
    assert errors == [(2, "lon"), (3, "lon")]
    (feature,) = result.pack["features"]
    assert feature["geometry"]["coordinates"] == [126.5, 45.5]
    assert "geocoded_from" not in feature["properties"]


def test_a_name_shared_by_places_of_similar_standing_is_placed_with_a_warning():
    data = (HEADER + "places,a,1918,Springfield,,,Ambiguous\n").encode()
    result = import_file(data, filename="p.csv")
    props = result.pack["features"][0]["properties"]
    assert props["confidence"] < 0.8
    (warning,) = result.report["warnings"]
    assert (warning["line"], warning["field"]) == (2, "place")
    assert "another place has this name" in warning["message"]
