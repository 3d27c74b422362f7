"""The atlas extent, clipping and the two levels of detail."""

import json

import pytest
import shapely
from shapely.geometry import LineString, Point, box

from geodata.basemap.extent import (
    ATLAS_EXTENT,
    DETAILS,
    Extent,
    clip,
    detail,
    round_coords,
    simplify,
)  # fmt: skip
from geodata.basemap.store import LAYERS_DIR

INSIDE = {
    "Odessa": (30.73, 46.48), "Port Said": (32.3, 31.26), "Aden": (45.03, 12.8),
    "Colombo": (79.85, 6.93), "Singapore": (103.82, 1.35), "Murmansk": (33.08, 68.97),
    "Okha, north Sakhalin": (142.95, 53.57), "Nikolayevsk": (140.73, 53.15),
    "Khalkhin Gol": (118.6, 47.6), "Lake Khasan": (130.6, 42.43),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(INSIDE))
def test_extent_holds_the_atlas_places(name):
    assert ATLAS_EXTENT.contains(*INSIDE[name]), name


def test_extent_leaves_out_far_places():
    assert not ATLAS_EXTENT.contains(-0.13, 51.5)  # London
    assert not ATLAS_EXTENT.contains(-149.9, 61.2)  # Anchorage
    assert ATLAS_EXTENT.contains(158.65, 53.02)  # Petropavlovsk-Kamchatsky


def test_extent_errors_name_the_values():
    with pytest.raises(ValueError, match="west=150, east=20"):
        Extent(150, 0, 20, 10)
    with pytest.raises(ValueError, match="north=89"):
        Extent(0, 0, 10, 89)


def test_clip_polygon_and_line():
    clipped = clip(box(160, 60, 180, 80))
    assert clipped.bounds == (160.0, 60.0, 170.0, 74.0) and clipped.is_valid
    line = clip(LineString([(0, 40), (40, 40), (40, 80)]))
    assert line.bounds == (20.0, 40.0, 40.0, 74.0)
    assert clip(Point(0, 0)).is_empty
    with pytest.raises(TypeError, match="got list"):
        clip([1, 2])


def test_simplify_keeps_polygons_valid_and_small():
    ring = Point(130, 45).buffer(2.0, quad_segs=256)
    lo, hi = simplify(ring, DETAILS["lo"]), simplify(ring, DETAILS["hi"])
    assert lo.is_valid and hi.is_valid
    n = shapely.get_num_coordinates
    assert n(lo) <= n(hi) < n(ring)
    assert abs(lo.area - ring.area) / ring.area < 0.01


def test_round_coords_and_detail_lookup():
    assert round_coords([[1.23456, -0.0004]]) == [[1.235, 0.0]]
    assert detail("hi").resolution == "i"
    with pytest.raises(ValueError, match="detail should be one of"):
        detail("mid")


@pytest.mark.parametrize("name", ["land_lo", "coast_lo", "lakes_lo", "rivers_lo", "land_hi",
                                  "coast_hi", "lakes_hi", "rivers_hi", "modern_borders_lo",
                                  "borders"])  # fmt: skip
def test_built_layers_lie_in_the_extent_with_3_decimals(name):
    text = (LAYERS_DIR / f"{name}.geojson").read_text(encoding="utf-8")
    coll = json.loads(text)
    assert coll["features"], name
    geoms = shapely.from_geojson([json.dumps(f["geometry"]) for f in coll["features"]])
    west, south, east, north = shapely.total_bounds(geoms)
    assert west >= ATLAS_EXTENT.west and east <= ATLAS_EXTENT.east
    assert south >= ATLAS_EXTENT.south and north <= ATLAS_EXTENT.north
    coords = shapely.get_coordinates(geoms)
    assert (abs(coords * 1000 - (coords * 1000).round()) < 1e-6).all()
