"""The pack: unique ids, the span over every dated feature, undated ones given it."""

from __future__ import annotations

from geodata.dates import ATLAS_SPAN
from geodata.imports.dates import When
from geodata.imports.pack import PackBuilder
from geodata.imports.report import Report


def test_ids_are_unique_and_a_feature_without_geometry_is_timeline_only():
    b = PackBuilder("x.csv", "atlas-csv", "x")
    first = b.add({"id": "a", "layer": "events", "names": {"en": "A"}}, None, [1, 2])
    second = b.add({"id": "a", "layer": "events", "names": {"en": "B"}}, None, None)
    assert (first["properties"]["id"], second["properties"]["id"]) == ("a", "a-2")
    assert second["geometry"] is None and second["properties"]["layer"] == "timeline"


def test_the_span_covers_extended_years_and_undated_features_take_it():
    b = PackBuilder("x.csv", "atlas-csv", "x")
    b.add({"id": "a", "names": {"en": "A"}}, When("-0044-03-15", "-0044-03-15", "day"), [12, 41])
    b.add({"id": "b", "names": {"en": "B"}}, When("1918-01-01", "1918-12-31", "year"), [12, 41])
    b.add({"id": "c", "names": {"en": "C"}}, None, [12, 41])
    pack = b.finish(Report("x.csv", "atlas-csv"))
    assert pack["span"] == {"start": "-0044-03-15", "end": "1918-12-31"}
    undated = pack["features"][2]["properties"]
    assert (undated["start"], undated["end"], undated["precision"]) == (
        "-0044-03-15",
        "1918-12-31",
        "none",
    )
    assert pack["pack"] == 1 and pack["tour"] == []


def test_a_pack_with_nothing_dated_spans_the_atlas():
    b = PackBuilder("x.csv", "atlas-csv", "x")
    b.add({"id": "c", "names": {"en": "C"}}, None, [12, 41])
    assert b.finish(Report("x.csv", "atlas-csv"))["span"] == {
        "start": ATLAS_SPAN.start,
        "end": ATLAS_SPAN.end,
    }
