"""Sea routes follow the sea through the straits and canals, not great circles over land."""

import json

import pytest
import shapely
from shapely.geometry import LineString, shape

from geodata.basemap.gshhs import read_polygons
from geodata.layers import LAYERS_DIR

MAX_ON_LAND = 0.02


def _sea_routes():
    data = json.loads((LAYERS_DIR / "routes.geojson").read_text(encoding="utf-8"))
    return [f for f in data["features"] if f["properties"]["mode"] == "sea"]


@pytest.fixture(scope="module")
def land():
    """GSHHS land (level 1) less its lakes (level 2), intermediate resolution."""
    polys = read_polygons("i", levels=(1, 2), bbox=(20, -15, 150, 50))
    continents = shapely.union_all([p for level, p in polys if level == 1])
    lakes = shapely.union_all([p for level, p in polys if level == 2])
    return continents.difference(lakes)


def test_there_are_sea_routes():
    assert len(_sea_routes()) >= 2


@pytest.mark.parametrize("route", _sea_routes(), ids=lambda f: f["properties"]["id"])
def test_sea_route_stays_at_sea(route, land):
    line = shapely.segmentize(shape(route["geometry"]), 0.05)
    on_land = line.intersection(land).length / line.length
    assert on_land <= MAX_ON_LAND, f"{on_land:.1%} of {route['properties']['id']} is on land"


def test_the_check_catches_a_route_across_land(land):
    # Odessa to Hong Kong as a straight line crosses Asia: the check must fail it.
    line = shapely.segmentize(LineString([(30.7, 46.5), (114.2, 22.3)]), 0.05)
    assert line.intersection(land).length / line.length > 0.5
