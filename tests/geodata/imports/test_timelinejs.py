"""TimelineJS sheets: the template as timeline-only entries, and a sheet with places."""

from __future__ import annotations

import json

from geodata.imports import import_file


def _texts(pack) -> str:
    return json.dumps([f["properties"] for f in pack["features"]], ensure_ascii=False)


def test_the_template_gives_timeline_only_entries_named_by_its_title_row(formats):
    result = import_file(formats / "timelinejs" / "my-own-timeline.csv")
    pack, report = result.pack, result.report
    assert (report["format"], report["features"], report["skipped"]) == ("timelinejs", 10, 0)
    assert pack["name"] == "MY OWN CSV"
    assert {f["properties"]["layer"] for f in pack["features"]} == {"timeline"}
    assert all(f["geometry"] is None for f in pack["features"])
    ada = pack["features"][0]["properties"]
    assert (ada["names"]["en"], ada["start"], ada["end"]) == (
        "Ada Lovelace",
        "1815-12-10",
        "1852-11-27",
    )
    assert ada["note"].startswith("Women have been programming since before it was a thing.")
    eniac = pack["features"][2]["properties"]
    assert (eniac["start"], eniac["end"], eniac["precision"]) == (
        "1943-07-01",
        "1946-12-31",
        "year",
    )
    # HTML reduced to text; media only as plain link strings
    text = _texts(pack)
    assert "<" not in text and "class=" not in text
    assert ada["links"] == [
        "https://upload.wikimedia.org/wikipedia/commons/thumb/a/a4/"
        "Ada_Lovelace_portrait.jpg/713px-Ada_Lovelace_portrait.jpg"
    ]
    edith = pack["features"][1]["properties"]  # a quote written in the Media column
    assert "links" not in edith and "There is no demand for women engineers" in edith["note"]


def test_a_sheet_with_places_is_on_the_map_and_unknown_places_are_named():
    data = (
        b"Year,Month,Day,Headline,Text,Media,Place,Lat,Lon\n"
        b"1918,8,12,Landing,<b>Japanese</b> troops land,,Vladivostok,,\n"
        b"1920,,,Railway,,,,45.75,126.65\n"
        b"1921,,,Typo,,,Vladivostokk,,\n"
        b"1922,,,No place,,,,,\n"
    )
    result = import_file(data, filename="lesson.csv")
    feats = result.pack["features"]
    assert [f["properties"]["layer"] for f in feats] == ["events", "events", "timeline"]
    assert feats[0]["properties"]["geocoded_from"] == "Vladivostok"
    assert feats[0]["properties"]["note"] == "Japanese troops land"
    assert feats[1]["geometry"]["coordinates"] == [126.65, 45.75]
    (error,) = result.report["errors"]
    assert (error["line"], error["field"]) == (4, "place")
    assert result.report["unresolved"][0]["suggestions"][0] == "Vladivostok"
