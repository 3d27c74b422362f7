"""Major rivers: noding, upstream lengths, reservoir bridges, and the named rivers kept."""

import json

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point, box

from geodata.basemap.rivers import major_rivers, node_network, reservoir_bridges, upstream_lengths
from geodata.basemap.store import LAYERS_DIR

SEA = [LineString([(-0.1, -5), (-0.1, 5)])]


def test_tributary_end_splits_the_main_river():
    main = np.array([[0.0, 0.0], [2.0, 0.0]])
    trib = np.array([[1.0, 1.0], [1.0, 0.02]])
    pieces = node_network([main, trib])
    assert len(pieces) == 3 and [1.0, 0.0] in [p[-1].tolist() for p in pieces]


def test_upstream_length_grows_towards_the_mouth():
    mouth = np.array([[0.0, 0.0], [1.0, 0.0]])
    middle = np.array([[1.0, 0.0], [2.0, 0.0]])
    source = np.array([[2.0, 0.0], [3.0, 0.0]])
    trib = np.array([[1.0, 0.0], [1.0, 0.5]])
    assert upstream_lengths([mouth, middle, source, trib], [], SEA).tolist() == [3.5, 2.0, 1.0, 0.5]


def test_lakes_join_rivers_and_end_inland_basins():
    inflow = np.array([[5.0, 0.0], [6.0, 0.0]])
    outflow = np.array([[6.5, 0.0], [8.0, 0.0]])
    lake = box(6.01, -0.5, 6.49, 0.5)  # a wide reach the lines stop at
    sea = [LineString([(8.05, -1), (8.05, 1)])]
    w = upstream_lengths([inflow, outflow], [lake], sea)
    assert w[1] == pytest.approx(2.5)  # the outflow carries the inflow too
    w = upstream_lengths([inflow, outflow], [lake], [])  # no sea: the lake ends the basin
    assert w.tolist() == [1.0, 1.5]


def test_reservoir_bridge_follows_the_shore():
    res = box(1, -0.2, 3, 0.2)
    inflow, outflow = np.array([[0.0, 0.0], [1.0, 0.0]]), np.array([[3.0, 0.0], [4.0, 0.0]])
    ((bridge, weight),) = reservoir_bridges([inflow, outflow], [1.0, 9.0], [res])
    assert weight == 1.0 and bridge.coords[0] == (1.0, 0.0) and bridge.coords[-1] == (3.0, 0.0)
    assert res.buffer(1e-9).contains(bridge)


def test_threshold_keeps_the_trunk():
    trunk = np.array([[0.0, 0.0], [1.0, 0.0]])
    arms = [np.array([[1.0, 0.0], [3.0, 0.0]]), np.array([[1.0, 0.0], [1.0, 0.5]])]
    kept = major_rivers([trunk, *arms], [], [], SEA, 2.0)
    assert {r: round(g.length, 1) for r, g in kept.items()} == {3: 3.0}


@pytest.mark.parametrize("name, lon, lat", [
    ("Amur at Khabarovsk", 135.05, 48.5), ("Amur at Blagoveshchensk", 127.5, 50.25),
    ("Ussuri", 133.9, 46.6), ("Argun", 119.5, 50.8), ("Selenga", 107.2, 51.95),
    ("Yenisei at Krasnoyarsk", 92.9, 56.0), ("Ob", 69.0, 61.0), ("Yangtze", 114.3, 30.6),
    ("Volga at Kazan", 49.1, 55.75), ("Lena", 129.7, 62.1),
])  # fmt: skip
def test_named_rivers_are_in_the_low_detail_layer(name, lon, lat):
    coll = json.loads((LAYERS_DIR / "rivers_lo.geojson").read_text(encoding="utf-8"))
    lines = shapely.from_geojson([json.dumps(f["geometry"]) for f in coll["features"]])
    assert shapely.distance(lines, Point(lon, lat)).min() < 0.3, name
