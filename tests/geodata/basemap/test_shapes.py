"""The derived period shapes: atoms, coverage, features, and the built borders layer."""

import json

import pytest
import shapely
from shapely.geometry import Point, box, shape

from geodata.basemap.borders import change_days
from geodata.basemap.periods import Part, Period, Unit
from geodata.basemap.shapes import atoms, border_features, part_shape, split_islands
from geodata.basemap.store import LAYERS_DIR, borders_geojson_at


@pytest.fixture(scope="module")
def built():
    return json.loads((LAYERS_DIR / "borders.geojson").read_text(encoding="utf-8"))


def test_islands_are_alone_on_their_landmass():
    land = shapely.MultiPolygon([box(0, 0, 2, 1), box(5, 5, 6, 6)])
    main, isl = split_islands(land, [box(0, 0, 1, 1), box(1, 0, 2, 1), box(5, 5, 6, 6)])
    assert [f.bounds for f in isl] == [(5.0, 5.0, 6.0, 6.0)] and len(main) == 2


def test_part_cut_to_a_region():
    part = Part(
        islands=((4, 4), (7, 4), (7, 7), (4, 7)), within=((0, 0), (9, 0), (9, 5.5), (0, 5.5))
    )
    assert part_shape(part, [], [box(5, 5, 6, 6)]).bounds == (5.0, 5.0, 6.0, 5.5)


def test_atoms_and_priority_on_a_toy_map():
    shapes = {"west": box(0, 0, 2, 1), "east": box(1, 0, 3, 1)}
    pieces = atoms(shapes)
    assert sorted(sorted(n) for _, n in pieces) == [["east"], ["east", "west"], ["west"]]
    names = {"en": "x", "zh": "x", "ja": "x", "ru": "x"}
    units = [
        Unit("a", "japan", "state", (0.5, 0.5), "Approximate.", (
            Period("1917-01-01", "1930-12-31", names, ("west",)),)),
        Unit("b", "china", "state", (2.5, 0.5), "Approximate.", (
            Period("1917-01-01", "1945-12-31", names, ("east",)),)),
    ]  # fmt: skip
    feats = border_features(pieces, units)
    spans = [(f["properties"]["id"], f["properties"]["end"], shape(f["geometry"]).area)
             for f in feats]  # fmt: skip
    # b loses the shared square to a until a ends, then takes it back.
    assert spans == [("a@1917-01-01", "1930-12-31", 2.0), ("b@1917-01-01", "1930-12-31", 1.0),
                     ("b@1931-01-01", "1945-12-31", 2.0)]  # fmt: skip


def test_features_carry_their_period(built):
    for f in built["features"]:
        p = f["properties"]
        assert p["approximate"] is True and p["note"]
        assert set(p["names"]) == {"en", "zh", "ja", "ru"}
        assert p["start"] <= p["end"] and f["geometry"]["type"] in ("Polygon", "MultiPolygon")
    ids = [f["properties"]["id"] for f in built["features"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("day", change_days())
def test_units_of_a_day_do_not_overlap_and_hold_their_labels(built, day):
    feats = borders_geojson_at(day, built)["features"]
    solid = [(f["properties"], shape(f["geometry"])) for f in feats
             if not f["properties"]["overlay"]]  # fmt: skip
    for i, (p, g) in enumerate(solid):
        assert g.is_valid, p["id"]
        assert g.distance(Point(p["label"])) < 0.3, p["id"]
        for q, h in solid[i + 1 :]:
            assert g.intersection(h).area < 1e-6, (p["id"], q["id"])


def test_borders_follow_their_lines(built):
    def unit_at(day, lon, lat):
        for f in borders_geojson_at(day, built)["features"]:
            if not f["properties"]["overlay"] and shape(f["geometry"]).contains(Point(lon, lat)):
                return f["properties"]["unit"]
        return None

    assert unit_at("1932-06-01", 126.6, 45.75) == "manchukuo"  # Harbin
    assert unit_at("1932-06-01", 117.9, 40.95) == "china"  # Chengde, before Rehe fell
    assert unit_at("1939-08-20", 117.9, 40.95) == "manchukuo"
    assert unit_at("1939-08-20", 142.7, 47.0) == "karafuto"  # south of the 50th parallel
    assert unit_at("1939-08-20", 142.7, 51.0) == "russia"
    assert unit_at("1921-06-01", 113.5, 52.03) == "fer"  # Chita
    assert unit_at("1921-06-01", 104.3, 52.3) == "russia"  # Irkutsk
    assert unit_at("1939-08-20", 94.45, 51.72) == "tuva"  # Kyzyl
    assert unit_at("1939-08-20", 121.6, 38.9) == "kwantung"  # Dalian
    assert unit_at("1945-09-10", 125.75, 39.02) == "korea-soviet-zone"  # Pyongyang
    assert unit_at("1945-09-10", 126.98, 37.57) == "korea-us-zone"  # Seoul
