"""Land, coast and lakes of the period: post-1945 reservoirs are left out."""

import pytest
from shapely.geometry import Point, box

from geodata.basemap.gshhs import read_polygons
from geodata.basemap.physical import (
    MIN_RESERVOIR_AREA,
    POST_1945_RESERVOIRS,
    is_reservoir,
    read_physical,
)


@pytest.fixture(scope="module")
def phys():
    return read_physical("l")


@pytest.mark.parametrize("res", ["l", "i"])
def test_every_listed_reservoir_matches_one_gshhs_lake(res):
    lakes = [p for _, p in read_polygons(res, (2,), (20, -10, 150, 74))]
    for r in POST_1945_RESERVOIRS:
        hits = [
            p
            for p in lakes
            if p.area >= MIN_RESERVOIR_AREA and p.distance(Point(r.lon, r.lat)) <= 0.3
        ]
        assert len(hits) == 1, (res, r.name, len(hits))


def test_reservoirs_are_land_and_natural_lakes_stay(phys):
    def is_lake(lon, lat):
        return any(lake.contains(Point(lon, lat)) for lake in phys.lakes)

    assert (
        is_lake(108.2, 53.5) and is_lake(132.4, 45.0) and is_lake(50.0, 42.0)
    )  # Baikal, Khanka, Caspian
    assert not is_lake(102.5, 55.4)  # Bratsk Reservoir (1961-1967)
    assert phys.land.contains(Point(102.3, 55.6))
    assert len(phys.reservoirs) == len(POST_1945_RESERVOIRS)


def test_is_reservoir_needs_a_large_lake_near_a_listed_point():
    assert is_reservoir(box(102.4, 55.3, 102.8, 55.6)).name == "Bratsk Reservoir"
    assert is_reservoir(box(102.4, 55.3, 102.42, 55.32)) is None  # too small
    assert is_reservoir(box(107, 52, 109, 55)) is None  # Baikal


def test_coast_pieces_carry_their_landmass_area(phys):
    big = phys.coast_lines(min_area=100)
    assert big and len(big) < len(phys.coast_lines())
    assert min(line.distance(Point(131.89, 43.11)) for line in phys.coast_lines()) < 0.1
