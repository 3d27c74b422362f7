"""What a handout's maps show of a reader's pack: drawn where and when the engine draws it,
its lines for the captions, its quotes marked as the reader's."""

from __future__ import annotations

import json

import pytest

from components.atlas.timeline import day_number
from components.export.handout.packs import (
    ALWAYS,
    MAX_ACTIVE,
    items,
    pack_lines,
    pack_points,
    pack_shown,
    where,
)
from geodata.imports import import_file

from ..conftest import ROOT

LESSON = ROOT / "tests" / "fixtures" / "imports" / "lesson.csv"
MANCHURIA = (120.0, 38.0, 130.0, 46.0)


@pytest.fixture(scope="module")
def lesson():
    return import_file(LESSON).pack


def feature(fid, layer, start, end=None, geometry=None, **props):
    return {"type": "Feature", "geometry": geometry,
            "properties": {"id": fid, "layer": layer, "start": start, "end": end or start,
                           "names": {"en": fid}, **props}}  # fmt: skip


def point(lon, lat):
    return {"type": "Point", "coordinates": [lon, lat]}


def test_the_regiment_is_one_unit_moving_between_its_observations(lesson):
    unit = next(x for x in items(lesson) if x["layer"] == "deployments")
    assert unit["id"] == "regiment--0" and [p[0] for p in unit["track"]] == [
        day_number("1905-02-20"), day_number("1905-03-08")]  # fmt: skip
    assert where(unit, day_number("1905-02-19")) is None  # not yet on the map
    start, end = (where(unit, day_number(d))["coordinates"] for d in ("1905-02-20", "1905-03-08"))
    assert start == [125.32, 43.82] and end == [123.43, 41.8]
    lines = pack_lines([lesson], day_number("1905-03-08"), "en")
    assert [x["text"] for x in lines] == ["Our regiment · 2,500"]  # the latest strength
    shown = pack_shown([lesson], day_number("1905-03-08"), MANCHURIA)
    assert [(x["id"], x["cites"][0]["quote"]) for x in shown if x["kind"] == "deployments"] == [
        ("pack:p1:regiment--0", "It reached Mukden on 8 March.")
    ]  # its waypoint of the day
    assert "pack:p1:mukden" in [x["id"] for x in shown]  # the battle, drawn before its day


def test_an_event_fades_in_and_out_as_the_atlas_events_do_and_is_of_its_day_only(lesson):
    mukden = day_number("1905-03-10")
    event = next(x for x in items(lesson) if x["id"] == "mukden")
    assert where(event, mukden - 14) is not None and where(event, mukden - 15) is None
    assert where(event, mukden + 90) is not None and where(event, mukden + 91) is None
    assert pack_lines([lesson], mukden - 1, "en") == []  # drawn faded, not "of the day"
    assert [x["text"] for x in pack_lines([lesson], mukden, "ja")] == ["奉天会戦"]


def test_places_routes_and_undated_rows_are_drawn_but_not_of_the_day():
    line = {"type": "LineString", "coordinates": [[120, 40], [121, 41]]}
    pack = {"features": [
        feature("school", "places", "1905-01-01", geometry=point(121, 40)),
        feature("always", "events", "1905-01-01", geometry=point(122, 41), precision="none"),
        feature("rail", "routes", "1905-01-01", "1905-01-05", geometry=line),
        feature("note", "timeline", "1905-01-01"),
    ]}  # fmt: skip
    day = day_number("1905-01-01")
    assert [x["kind"] for x in pack_shown([pack], day, MANCHURIA)] == ["places", "events", "routes"]
    assert [x["kind"] for x in pack_shown([pack], day + 400, MANCHURIA)] == ["events"]  # undated
    assert next(x for x in items(pack) if x["id"] == "always")["start"] == ALWAYS[0]
    assert [(x["kind"], x["text"]) for x in pack_lines([pack], day, "en")] == [("timeline", "note")]


def test_a_shipment_travels_along_its_line_and_a_pack_outside_the_map_is_not_shown():
    line = {"type": "LineString", "coordinates": [[120.0, 40.0], [130.0, 40.0]]}
    pack = {"features": [feature("ship", "shipments", "1905-01-01", "1905-01-11", geometry=line)]}
    ship = items(pack)[0]
    assert where(ship, day_number("1905-01-06"))["coordinates"] == pytest.approx([125.0, 40.0])
    assert pack_shown([pack], day_number("1905-01-06"), (110, 30, 115, 35)) == []
    assert pack_points([pack], [day_number("1905-01-06")]) == [pytest.approx([125.0, 40.0])]


def test_a_big_pack_gives_at_most_forty_lines_a_day_and_says_how_many_more():
    pack = {
        "name": "Big",
        "features": [
            feature(f"e{n}", "events", "1905-01-01", geometry=point(121, 40)) for n in range(45)
        ],
    }
    lines = pack_lines([pack], day_number("1905-01-01"), "en")
    assert len(lines) == MAX_ACTIVE + 1 and lines[-1]["text"] == "Big: +5"


def test_the_quotes_are_the_readers_with_their_row_and_citation_and_empty_ones_dropped(lesson):
    pack = json.loads(json.dumps(lesson))
    pack["features"][0]["properties"]["source"].append({"document": "lesson.csv", "row": 9,
                                                        "quote": "  "})  # fmt: skip
    cites = pack_shown([pack], day_number("1905-03-10"), MANCHURIA)[-1]["cites"]
    assert cites == [
        {
            "document": "lesson.csv",
            "quote": "The battle of Mukden ended on 10 March 1905.",
            "where": ("line", 2),
            "cite": "Our textbook",
            "yours": True,
        }
    ]


def test_the_second_pack_is_p2_as_in_the_exports_scene(lesson):
    other = {"features": [feature("x", "places", "1905-03-10", geometry=point(124, 42))]}
    shown = pack_shown([lesson, other], day_number("1905-03-10"), MANCHURIA)
    assert {x["pack"] for x in shown} == {"p1", "p2"} and "pack:p2:x" in [x["id"] for x in shown]


def test_the_lines_of_a_day_are_the_engines(lesson):
    """pack_lines against the engine's own activeAt (assets/fea-3-packdata.js, under Node)."""
    import shutil
    import subprocess

    from components.atlas.registry import layer_spec

    node = shutil.which("node")
    if node is None:
        pytest.skip("node missing")
    line = {"type": "LineString", "coordinates": [[123.4, 41.8], [125.3, 43.8]]}
    pack = json.loads(json.dumps(lesson))
    pack["features"] += [
        feature("train", "shipments", "1905-02-25", "1905-03-09", geometry=line, strength=5),
        feature("note", "timeline", "1905-03-01", "1905-03-10"),
        feature("always", "events", "1905-01-01", geometry=point(124, 42), precision="none"),
        feature("rail", "routes", "1905-02-01", "1905-03-30", geometry=line),
    ]  # fmt: skip
    styles = {layer: layer_spec(layer).style for layer in ("events", "deployments")}
    days = [day_number(d) for d in ("1905-02-19", "1905-02-20", "1905-03-01", "1905-03-08",
                                    "1905-03-10", "1905-03-20", "1905-06-01")]  # fmt: skip
    script = (f"const D = require({json.dumps(str(ROOT / 'assets' / 'fea-3-packdata.js'))});"
              f"const F = D.fragment({json.dumps(pack)}, 0, {json.dumps(styles)}, 'p1');"
              f"console.log(JSON.stringify({json.dumps(days)}.map(d => ['en', 'ja'].map(l => "
              f"D.activeAt(F, d, l).map(x => [x.id, x.text])))));")  # fmt: skip
    done = subprocess.run([node, "-e", script], capture_output=True, text=True, check=True)
    engine = json.loads(done.stdout)
    ours = [[[[x["id"], x["text"]] for x in pack_lines([pack], day, lang)] for lang in ("en", "ja")]
            for day in days]  # fmt: skip
    assert ours == engine
    assert sum(len(d[0]) for d in ours) >= 8  # units, events, the shipment, the timeline row
