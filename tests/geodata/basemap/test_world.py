"""The world land for imported data outside the atlas extent (geodata/basemap/world.py)."""

from __future__ import annotations

import json

from shapely.geometry import Point, shape

from geodata.basemap.build import OUT_DIR, geojson_text
from geodata.basemap.extent import ATLAS_EXTENT
from geodata.basemap.world import NAME, world_land, write_world


def test_the_committed_file_is_what_the_build_writes():
    assert (OUT_DIR / NAME).read_text(encoding="utf-8") == geojson_text(world_land())


def test_land_outside_the_extent_only_and_small(tmp_path):
    path = write_world(tmp_path)
    assert path.stat().st_size < 150_000  # loaded when a pack needs it: a low-detail file
    land = shape(json.loads(path.read_text(encoding="utf-8"))["features"][0]["geometry"])
    for lon, lat in [(-90.0, 30.5), (2.35, 48.85), (-47.9, -15.8), (134.0, -25.0)]:
        assert land.contains(Point(lon, lat)), (lon, lat)
    assert not land.intersection(ATLAS_EXTENT.polygon()).area
    assert not land.contains(Point(-40.0, 30.0))  # the Atlantic
