"""What every importer shares: the undated rule, and no traceback whatever the file holds."""

from __future__ import annotations

import json
import random

import pytest

from geodata.imports import ImportFailed, atlas_sheet, import_file
from geodata.imports.common import Options, guarded, when_of
from geodata.imports.report import Report

ODD = [
    None,
    1,
    -1,
    1e400,
    "NaN",
    "",
    "x",
    [],
    {},
    [1],
    {"a": 1},
    True,
    "1918",
    -1.5,
    "<script>x</script>",
    [[1, 2]],
    {"in": "1918"},
    {"type": "Point", "coordinates": [1]},
    {"type": "Point", "coordinates": ["a", "b"]},
    "9999999-01-01",
    "1918-00",
    "+1918",
    {"type": "GeometryCollection", "geometries": ["null", None, {"geo_wkt": "POINT(1 2"}]},
]


def _odd(rng, keys):
    return {k: rng.choice(ODD) for k in keys if rng.random() < 0.7}


def _hostile(rng: random.Random, kind: int) -> tuple[str, bytes]:
    if kind == 0:
        props = _odd(
            rng,
            [
                "name",
                "start",
                "end",
                "date",
                "start_date",
                "names",
                "layer",
                "strength",
                "source",
                "links",
                "precision",
                "name_periods",
            ],
        )
        feature = {"type": "Feature", "properties": props, "geometry": rng.choice(ODD)}
        return "x.geojson", json.dumps(
            {"type": "FeatureCollection", "features": [feature]}
        ).encode()
    if kind == 1:
        feature = {
            "type": "Feature",
            "properties": _odd(rng, ["title", "src_id"]),
            "names": rng.choice([ODD, [_odd(rng, ["toponym", "when", "citations"])]]),
            "when": rng.choice([rng.choice(ODD), {"timespans": [_odd(rng, ["start", "end"])]}]),
            "geometry": rng.choice(ODD),
            "links": rng.choice(ODD),
            "types": rng.choice(ODD),
            "descriptions": rng.choice(ODD),
        }
        return "x.jsonld", json.dumps({"@context": "x", "features": [feature]}).encode()
    if kind == 2:
        slides = [
            _odd(rng, ["type", "date", "text"]),
            _odd(rng, ["date", "text", "location", "media", "background", "type"]),
            rng.choice(ODD),
        ]
        return "s.json", json.dumps({"storymap": {"slides": slides}}).encode()
    cols = rng.sample(
        [
            "layer",
            "id",
            "date",
            "start",
            "end",
            "place",
            "lat",
            "lon",
            "name_en",
            "strength",
            "movement",
            "Year",
            "Month",
            "Day",
            "Headline",
            "title",
            "title_source",
            "geowkt",
            "variants",
            "matches",
            "ccodes",
        ],
        8,
    )
    cells = ["", "1918", "-1", "x", "94", "1e309", "nan", "POINT(1 2)", "'=1", "Harbin", "routes"]
    rows = [",".join(rng.choice(cells) for _ in cols) for _ in range(3)]
    return "x.csv", ("\n".join([",".join(cols), *rows]) + "\n").encode()


def test_hostile_files_give_reports_never_tracebacks():
    rng = random.Random(1918)
    for i in range(200):
        name, data = _hostile(rng, i % 4)
        try:
            result = import_file(data, filename=name)
        except ImportFailed:
            continue
        json.dumps(result.pack, allow_nan=False)  # the pack is JSON: no NaN, no Infinity
        assert result.report["features"] == len(result.pack["features"])
        assert not any(
            e["message"].startswith("could not be read") for e in result.report["errors"]
        ), (name, data)


def test_a_row_of_a_shape_no_check_foresaw_is_refused_not_raised(monkeypatch):
    def broken(row, *args):
        raise TypeError("unforeseen")

    monkeypatch.setattr(atlas_sheet, "_row", broken)
    result = import_file(b"layer,name_en\nevents,A\n", filename="x.csv")
    assert result.report["errors"] == [
        {"line": 2, "field": None, "message": "could not be read: TypeError: unforeseen"}
    ]
    report = Report("x.csv", "atlas-csv")
    assert guarded(report, ("line", 3), int, "7") == 7 and report.errors == []


@pytest.mark.parametrize("strict", [False, True])
def test_an_end_without_a_start_is_undated(strict):
    report = Report("x.csv", "atlas-csv")
    when, ok = when_of(report, ("line", 2), Options(strict), start="", end="1491")
    assert when is None and ok is not strict
    entries = report.errors if strict else report.warnings
    assert entries[0]["field"] == "start"
