"""The reader's imported packs in an export: the scene that carries them, and the world land
beneath them when they reach outside the atlas' extent.

The page loads the low-detail world land (``geodata/basemap/world.py``) from the server when
a pack leaves the extent (``world()`` in ``assets/fea-3-packs.js``). An export has no server
and makes no request: its scene carries the land itself, inlined under ``world_land``, and only
when a pack needs it; an export without such a pack is as it was.

>>> katrina = {"features": [{"geometry": {"type": "Point", "coordinates": [-89.6, 29.9]}}]}
>>> mukden = {"features": [{"geometry": {"type": "Point", "coordinates": [123.4, 41.8]}}]}
>>> reaches_outside([mukden]), reaches_outside([mukden, katrina])
(False, True)
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable

from components.atlas.packs import positions, scene_with_packs
from geodata.basemap.extent import ATLAS_EXTENT
from geodata.basemap.store import LAYERS_DIR as BASEMAP_DIR
from geodata.basemap.world import NAME as WORLD_NAME


def reaches_outside(packs: Iterable[dict]) -> bool:
    """Whether any feature of ``packs`` lies outside the atlas' extent (the relief image's
    corners, :data:`~geodata.basemap.extent.ATLAS_EXTENT`), where the atlas has no basemap.

    Examples
    --------
    >>> line = {"type": "LineString", "coordinates": [[120, 40], [175.5, 45]]}
    >>> reaches_outside([{"features": [{"geometry": line}]}]), reaches_outside([{}])
    (True, False)
    """
    for pack in packs:
        for feature in pack.get("features") or []:
            geometry = feature.get("geometry") if isinstance(feature, dict) else None
            for lon, lat, *_ in positions(geometry):
                if not ATLAS_EXTENT.contains(lon, lat):
                    return True
    return False


@functools.cache
def world_land() -> dict:
    """The world land (``world_land.geojson``) as GeoJSON data, read once.

    Raises
    ------
    FileNotFoundError
        Naming the file and the command that builds it.

    Examples
    --------
    >>> world_land()["type"], len(world_land()["features"]) > 0
    ('FeatureCollection', True)
    """
    path = BASEMAP_DIR / WORLD_NAME
    if not path.is_file():
        raise FileNotFoundError(f"world land {path} not found; build it with: "
                                "python -m geodata.basemap.world")  # fmt: skip
    return json.loads(path.read_text(encoding="utf-8"))


def scene_for_export(scene: dict, packs: list[dict]) -> dict:
    """``scene`` with the ``packs`` (:func:`components.atlas.packs.scene_with_packs`) and,
    when they reach outside the extent, the world land inlined under ``world_land`` for the
    engine to draw beneath them.

    Examples
    --------
    >>> base = {"span": {"first_day": 6210, "last_day": 16800}}
    >>> far = {"features": [{"geometry": {"type": "Point", "coordinates": [-90.0, 29.0]}}]}
    >>> scene_for_export(base, []) is base, "world_land" in scene_for_export(base, [far])
    (True, True)
    """
    out = scene_with_packs(scene, packs)
    if packs and reaches_outside(packs):
        out = {**out, "world_land": world_land()}
    return out
