"""Which format a file is: from --format, else its name and content."""

from __future__ import annotations

import json

import pytest

from geodata.imports import ImportFailed, import_file

POINT = {"type": "Feature", "properties": {"title": "x"},
         "geometry": {"type": "Point", "coordinates": [1, 2]}}  # fmt: skip


@pytest.mark.parametrize(
    ("name", "data", "fmt"),
    [
        ("a.csv", b"layer,name_en,date\nevents,A,1918\n", "atlas-csv"),
        ("a.csv", b"Year,Month,Day,Headline\n1918,8,12,A\n", "timelinejs"),
        ("a.tsv", b"id\ttitle\ttitle_source\tstart\n1\tA\tB\t1918\n", "lp-tsv"),
        ("a.geojson", json.dumps({"type": "FeatureCollection", "features": [POINT]}).encode(),
         "geojson"),
        ("a.json", json.dumps({"type": "FeatureCollection", "@context": "x",
                               "features": [POINT]}).encode(), "lpf"),
        ("a.jsonl", (json.dumps(POINT) + "\n" + json.dumps(POINT)).encode(), "lpf"),
        ("a.json", json.dumps({"storymap": {"slides": [{"date": "1918"}]}}).encode(),
         "storymapjs"),
    ],
)  # fmt: skip
def test_the_format_is_found_from_name_and_content(name, data, fmt):
    assert import_file(data, filename=name).report["format"] == fmt


def test_format_option_wins_and_unknown_ones_are_refused():
    data = b"layer,name_en,date\nevents,A,1918\n"
    assert import_file(data, filename="a.txt", fmt="atlas").report["format"] == "atlas-csv"
    with pytest.raises(ImportFailed, match="unknown format 'kml'; the formats are: atlas-csv"):
        import_file(data, filename="a.csv", fmt="kml")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.json", b'{"type": "Topology"}', "expected a GeoJSON FeatureCollection or Feature"),
        ("a.json", b"{oops\n{", "line 1: not JSON"),
        ("a.kml", b"<kml/>", "cannot tell the format"),
    ],
)
def test_unreadable_json_and_unknown_names_are_refused(name, data, message):
    with pytest.raises(ImportFailed, match=message):
        import_file(data, filename=name)
