"""Build the offline basemap: GeoJSON layers, the period borders and the Mercator relief.

``build_basemap()`` writes to ``geodata/layers/basemap/``; the app serves the files the browser
loads (``BROWSER_FILES``) at ``/basemap/``. Building twice gives byte-identical files:
features and coordinates come out in a fixed order, rounded to 3 decimals, and the JPEG
encoder is deterministic. Run ``python -m geodata build`` or ``python -m geodata.basemap.build``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import shapely
import shapely.ops
from shapely.geometry import mapping

from geodata.atomic import write_atomic
from geodata.basemap.borders import UNITS
from geodata.basemap.extent import ATLAS_EXTENT, DETAILS, Detail, Extent, round_coords, simplify
from geodata.basemap.gshhs import iter_runs
from geodata.basemap.modern import land_faces, read_borders
from geodata.basemap.physical import Physical, read_physical
from geodata.basemap.relief import relief_jpeg
from geodata.basemap.rivers import major_rivers
from geodata.basemap.shapes import atoms, border_features, part_shapes, simplify_atoms
from geodata.basemap.store import LAYERS_DIR
from geodata.basemap.units import UnitsError, check_sources

ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = LAYERS_DIR
BORDER_TOLERANCE = 0.05  # degrees
BORDER_MIN_AREA = 0.02  # square degrees: smaller islands are left out of the period borders
# What the browser loads: the app serves these (and only these) at /basemap/<name>.
BROWSER_FILES = (
    "relief.jpg", "relief.json", "coast_lo.geojson", "coast_hi.geojson", "lakes_lo.geojson",
    "lakes_hi.geojson", "rivers_lo.geojson", "rivers_hi.geojson", "modern_borders_lo.geojson",
    "modern_borders_hi.geojson", "borders.geojson",
)  # fmt: skip


def feature(geom, properties: dict | None = None) -> dict:
    """A GeoJSON feature with coordinates rounded to 3 decimals.

    Examples
    --------
    >>> feature(shapely.Point(130.12345, 45.6789), {"name": "x"})["geometry"]
    {'type': 'Point', 'coordinates': [130.123, 45.679]}
    """
    geo = mapping(geom)
    geometry = {"type": geo["type"], "coordinates": round_coords(geo["coordinates"])}
    return {"type": "Feature", "properties": dict(properties or {}), "geometry": geometry}


def geojson_text(features: list[dict]) -> str:
    """A FeatureCollection as compact UTF-8 JSON, one feature per line (stable diffs).

    Examples
    --------
    >>> print(geojson_text([feature(shapely.Point(1, 2))]))
    {"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1.0,2.0]}}
    ]}
    """
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def _polygons(geoms) -> list:
    out = []
    for g in geoms:
        out.extend(p for p in getattr(g, "geoms", [g]) if p.geom_type == "Polygon" and p.area)
    return sorted(out, key=lambda p: (-round(p.area, 6), p.bounds))


def _lines(geom) -> list:
    parts = []
    for g in getattr(geom, "geoms", [geom]):
        if g.geom_type == "LineString" and len(g.coords) >= 2:
            parts.append(g)
        elif g.geom_type in ("MultiLineString", "GeometryCollection"):
            parts.extend(_lines(g))
    return parts


def _line_features(lines, level: Detail, properties: dict | None = None) -> list[dict]:
    merged = shapely.ops.linemerge(_lines(shapely.MultiLineString(lines))) if lines else None
    simple = [shapely.set_precision(shapely.simplify(g, level.tolerance), 0.001)
              for g in _lines(merged)] if merged else []  # fmt: skip
    kept = sorted((g for g in simple if g.length > 0), key=lambda g: (g.bounds, g.length))
    return [feature(g, properties) for g in kept]


def physical_layers(phys: Physical, level: Detail, extent: Extent) -> dict[str, list[dict]]:
    """The land, coast, lakes and rivers features of one level of detail."""
    land = simplify(phys.land, level)
    lakes = [simplify(lake, level) for lake in phys.lakes]
    runs = [c for _, c in iter_runs("rivers", level.resolution, bbox=extent.bbox)]
    rivers = major_rivers(runs, phys.lakes, phys.reservoirs, phys.coast_lines(), level.min_river)
    river_feats = []
    for rank, geom in rivers.items():
        clipped = shapely.clip_by_rect(geom, *extent.bbox)
        river_feats += _line_features(_lines(clipped), level, {"rank": rank})
    return {
        f"land_{level.name}": [feature(p) for p in _polygons([land])],
        f"coast_{level.name}": _line_features(phys.coast_lines(level.min_area), level),
        f"lakes_{level.name}": [feature(p) for p in _polygons(lakes)],
        f"rivers_{level.name}": river_feats,
    }


def modern_layer(level: Detail, extent: Extent) -> list[dict]:
    """The modern borders (reference layer, labelled "modern"), clipped to the extent."""
    lines = [shapely.clip_by_rect(shapely.LineString(a), *extent.bbox)
             for a in read_borders(level.resolution, extent)]  # fmt: skip
    return _line_features([g for line in lines for g in _lines(line)], level, {"modern": True})


def border_layer(extent: Extent = ATLAS_EXTENT, resolution: str = "l") -> list[dict]:
    """The period border features (see :mod:`geodata.basemap.shapes`).

    The units' quotes are checked first against the seeds, when they are present.
    """
    problems = check_sources(UNITS)
    if problems:
        raise UnitsError(problems)
    phys = read_physical(resolution, extent)
    faces = land_faces(phys.land, read_borders(resolution, extent))
    pieces = simplify_atoms(atoms(part_shapes(phys.land, faces)), BORDER_TOLERANCE,
                            BORDER_MIN_AREA)  # fmt: skip
    return border_features(pieces)


def build_basemap(out_dir=None, extent: Extent = ATLAS_EXTENT) -> list[Path]:
    """Write every basemap file; return their paths.

    Parameters
    ----------
    out_dir : path, optional
        Where the generated files go (default ``geodata/layers/basemap``).
    extent : Extent
        The atlas extent.
    """
    out = Path(out_dir) if out_dir else OUT_DIR
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for level in DETAILS.values():
        phys = read_physical(level.resolution, extent)
        layers = physical_layers(phys, level, extent)
        layers[f"modern_borders_{level.name}"] = modern_layer(level, extent)
        for name, feats in layers.items():
            written.append(_write_text(out / f"{name}.geojson", geojson_text(feats)))
    written.append(_write_text(out / "borders.geojson", geojson_text(border_layer(extent))))
    jpeg, meta = relief_jpeg(extent)
    written.append(write_atomic(out / "relief.jpg", jpeg))
    meta_text = json.dumps(meta, ensure_ascii=False, indent=1) + "\n"
    written.append(_write_text(out / "relief.json", meta_text))
    return written


def _write_text(path: Path, text: str) -> Path:
    return write_atomic(path, text)  # whole or not at all


def main(argv: list[str] | None = None) -> int:
    """``python -m geodata.basemap.build [--out DIR]``."""
    p = argparse.ArgumentParser(prog="python -m geodata.basemap.build", description=__doc__)
    p.add_argument("--out", default=None, help=f"output folder (default: {OUT_DIR})")
    args = p.parse_args(argv)
    for path in build_basemap(args.out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
