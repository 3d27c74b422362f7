"""The packs in an export's scene: the world land inlined when, and only when, they need it."""

from __future__ import annotations

import json

from components.atlas.data import load_atlas
from components.export import render
from components.export.packs import reaches_outside, scene_for_export, world_land
from geodata.basemap.extent import ATLAS_EXTENT
from tests.fixtures import FIXTURE_DIR


def _pack(*geometries) -> dict:
    return {"type": "FeatureCollection", "pack": 1, "name": "t", "span": None,
            "features": [{"type": "Feature", "geometry": g, "properties": {}}
                         for g in geometries]}  # fmt: skip


INSIDE = {"type": "Point", "coordinates": [123.4, 41.8]}


def test_only_a_position_outside_the_extent_reaches_outside():
    edge = {"type": "Point", "coordinates": [ATLAS_EXTENT.east, ATLAS_EXTENT.north]}
    assert not reaches_outside([_pack(INSIDE, edge, None)])
    for far in ({"type": "Point", "coordinates": [-89.6, 28.2]},
                {"type": "MultiLineString", "coordinates": [[[120, 40], [121, 41]],
                                                           [[150, 60], [150, 75]]]},
                {"type": "GeometryCollection", "geometries": [
                    INSIDE, {"type": "Point", "coordinates": [19.9, 50]}]}):  # fmt: skip
        assert reaches_outside([_pack(INSIDE), _pack(far)]), far


def test_the_world_land_is_inlined_only_for_a_pack_outside():
    scene = render.export_scene(load_atlas(FIXTURE_DIR))
    assert "world_land" not in scene_for_export(scene, [])
    inside = scene_for_export(scene, [_pack(INSIDE)])
    assert "world_land" not in inside and inside["packs"][0]["key"] == "p1"
    far = scene_for_export(
        scene, [_pack(INSIDE), _pack({"type": "Point", "coordinates": [-89.6, 28.2]})]
    )
    land = far["world_land"]
    assert land is world_land() and land["type"] == "FeatureCollection"
    assert "world_land" not in scene  # the atlas' own scene is left as it was
    text = json.dumps(land)
    assert "http" not in text and len(text) < 200_000  # data, not a link; small
