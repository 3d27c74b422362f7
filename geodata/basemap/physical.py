"""Land, sea coast and lakes of the atlas extent, from GSHHS levels 1-4.

Land is level 1 minus level 2 (lakes) plus level 3 (islands in lakes) minus level 4 (ponds on
those islands). The shorelines date from the 1990s-2000s, so reservoirs filled after 1945 are
removed from the lakes (see :data:`POST_1945_RESERVOIRS`): the basemap shows the water of the
atlas's period, not today's.
"""

from __future__ import annotations

from dataclasses import dataclass

import shapely
from shapely.geometry import MultiPolygon, Point

from geodata.basemap.extent import ATLAS_EXTENT, Extent, clip
from geodata.basemap.gshhs import read_polygons


@dataclass(frozen=True)
class Reservoir:
    """A post-1945 reservoir: the GSHHS lake polygon within 0.3 degrees of ``lon, lat``."""

    name: str
    lon: float
    lat: float
    filled: str  # year the reservoir was filled, as the literature gives it


POST_1945_RESERVOIRS = (
    Reservoir("Kyiv Reservoir", 30.5, 50.9, "1964-1966"),
    Reservoir("Dnieper cascade, Kremenchuk to Kakhovka", 35.2, 48.2, "1932-1961"),  # mostly 1955-61
    Reservoir("Tsimlyansk Reservoir", 42.9, 48.1, "1952"),
    Reservoir("Volgograd Reservoir", 45.7, 50.4, "1958-1961"),
    Reservoir("Saratov Reservoir", 48.2, 52.5, "1967-1968"),
    Reservoir("Kuybyshev Reservoir", 49.4, 54.6, "1955-1957"),
    Reservoir("Cheboksary Reservoir", 47.1, 56.0, "1980-1981"),
    Reservoir("Gorky Reservoir", 43.1, 57.1, "1955-1957"),
    Reservoir("Rybinsk Reservoir", 38.2, 58.6, "1941-1947"),
    Reservoir("Kama Reservoir", 56.4, 58.8, "1954-1956"),
    Reservoir("Votkinsk Reservoir", 55.0, 57.3, "1961-1964"),
    Reservoir("Mingachevir Reservoir", 46.7, 40.9, "1953"),
    Reservoir("Lake Tharthar", 43.3, 34.0, "1956"),
    Reservoir("Lake Razzaza", 43.6, 32.8, "1970s"),
    Reservoir("Lake Nasser", 32.3, 22.8, "1964-1970"),
    Reservoir("Shardara Reservoir", 68.2, 41.1, "1965-1967"),
    Reservoir("Kapchagay Reservoir", 77.6, 43.8, "1970"),
    Reservoir("Novosibirsk Reservoir", 82.4, 54.5, "1957-1959"),
    Reservoir("Krasnoyarsk Reservoir", 91.1, 54.6, "1967-1970"),
    Reservoir("Bratsk Reservoir", 102.5, 55.4, "1961-1967"),
)
MIN_RESERVOIR_AREA = 0.03  # square degrees: only large lakes can be one of the reservoirs


def is_reservoir(poly: shapely.Polygon, reservoirs=POST_1945_RESERVOIRS) -> Reservoir | None:
    """The reservoir ``poly`` is, if any (a large lake within 0.3 degrees of its point).

    Examples
    --------
    >>> from shapely.geometry import box
    >>> is_reservoir(box(102, 55, 103, 56)).name
    'Bratsk Reservoir'
    >>> is_reservoir(box(106, 51.5, 110, 55.8)) is None    # Lake Baikal
    True
    """
    if poly.area < MIN_RESERVOIR_AREA:
        return None
    for res in reservoirs:
        if poly.distance(Point(res.lon, res.lat)) <= 0.3:
            return res
    return None


@dataclass(frozen=True)
class Physical:
    """The physical layers of one level of detail, clipped to the extent (not simplified).

    ``lakes`` are the lakes of the period; ``reservoirs`` the post-1945 lakes left out of
    them (still water in the data, used to join the rivers that cross them).
    """

    land: MultiPolygon
    lakes: list[shapely.Polygon]
    reservoirs: list[shapely.Polygon]
    coast: list[tuple[float, shapely.LineString]]  # (area of the landmass, coast piece)

    def coast_lines(self, min_area: float = 0.0) -> list[shapely.LineString]:
        """Coast pieces of landmasses of at least ``min_area`` square degrees."""
        return [line for area, line in self.coast if area >= min_area]


def _union(polys: list[shapely.Polygon]) -> shapely.Geometry:
    return shapely.union_all(polys) if polys else shapely.Polygon()


def read_physical(resolution: str, extent: Extent = ATLAS_EXTENT, folder=None) -> Physical:
    """Land, lakes and coast from GSHHS at ``resolution``, clipped to ``extent``.

    Examples
    --------
    >>> phys = read_physical("c")
    >>> phys.land.contains(Point(126.6, 45.8))     # Harbin
    True
    >>> any(lake.contains(Point(108.2, 53.5)) for lake in phys.lakes)   # Lake Baikal
    True
    """
    by_level: dict[int, list[shapely.Polygon]] = {1: [], 2: [], 3: [], 4: []}
    for level, poly in read_polygons(resolution, (1, 2, 3, 4), extent.bbox, folder):
        if poly.intersects(extent.polygon()):
            by_level[level].append(poly)
    coast = [(p.area, line) for p in by_level[1] for line in _lines(clip(p.exterior, extent))]
    land = _union(by_level[1]).difference(_union(by_level[2]))
    land = land.union(_union(by_level[3])).difference(_union(by_level[4]))
    land = clip(land, extent)
    lakes, reservoirs = [], []
    for lake in by_level[2]:
        (reservoirs if is_reservoir(lake) else lakes).append(lake)
    islands = _union(by_level[3])
    lakes = [g for g in (clip(lake.difference(islands), extent) for lake in lakes) if g.area]
    land = land.union(_union(reservoirs).intersection(extent.polygon()))
    return Physical(
        land=_as_multipolygon(land),
        lakes=lakes,
        reservoirs=[clip(r, extent) for r in reservoirs],
        coast=coast,
    )


def _as_multipolygon(geom) -> MultiPolygon:
    parts = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon" and g.area]
    return MultiPolygon(parts)


def _lines(geom) -> list[shapely.LineString]:
    parts = []
    for g in getattr(geom, "geoms", [geom]):
        if g.geom_type == "LineString" and g.length:
            parts.append(g)
        elif g.geom_type == "MultiLineString":
            parts.extend(g.geoms)
    return parts
