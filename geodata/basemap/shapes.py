"""Derive the period border polygons with shapely, and look them up by date.

The land (GSHHS) is cut into faces along the modern borders (:mod:`geodata.basemap.modern`);
each part of :data:`geodata.basemap.borders.PARTS` is a union of faces and islands, cut to
declared regions. For every span of days on which no unit changes, each unit takes its parts
less what the units before it took; consecutive spans where a unit's shape is the same make
one feature. Shapes are simplified together (a coverage), so neighbours keep one shared edge.
"""

from __future__ import annotations

import shapely
from shapely.geometry import Polygon

from geodata.basemap.borders import PARTS, borders_at, change_days
from geodata.basemap.extent import PRECISION, round_coords
from geodata.basemap.modern import face_at
from geodata.basemap.periods import ATLAS_END, ATLAS_START
from geodata.basemap.regions import SEEDS
from geodata.dates import day_before


def split_islands(land, faces: list[Polygon]) -> tuple[list[Polygon], list[Polygon]]:
    """Split faces into ``(mainland, islands)``: an island is alone on its landmass.

    Examples
    --------
    >>> from shapely.geometry import MultiPolygon, box
    >>> land = MultiPolygon([box(0, 0, 2, 1), box(5, 5, 6, 6)])
    >>> main, isl = split_islands(land, [box(0, 0, 1, 1), box(1, 0, 2, 1), box(5, 5, 6, 6)])
    >>> len(main), len(isl)
    (2, 1)
    """
    comps = list(getattr(land, "geoms", [land]))
    tree = shapely.STRtree(comps)
    count = [0] * len(comps)
    owner = []
    for face in faces:
        hits = tree.query(face.representative_point(), predicate="intersects")
        owner.append(int(hits[0]) if len(hits) else -1)
        if len(hits):
            count[int(hits[0])] += 1
    mainland = [f for f, c in zip(faces, owner, strict=False) if c < 0 or count[c] > 1]
    islands = [f for f, c in zip(faces, owner, strict=False) if c >= 0 and count[c] == 1]
    return mainland, islands


def part_shape(part, mainland: list[Polygon], islands: list[Polygon]):
    """The land of one :class:`~geodata.basemap.periods.Part`.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> from geodata.basemap.periods import Part
    >>> square, strip = ((0, 0), (3, 0), (3, 3), (0, 3)), ((0, 0), (9, 0), (9, 1.5), (0, 1.5))
    >>> part = Part(islands=square, within=strip)
    >>> part_shape(part, [], [box(1, 1, 2, 2), box(5, 5, 6, 6)]).bounds
    (1.0, 1.0, 2.0, 1.5)
    """
    geoms = [face_at(mainland, *SEEDS[name]) for name in part.faces]
    if part.islands:
        region = Polygon(part.islands)
        pts = shapely.point_on_surface(islands) if islands else []
        geoms += [
            f for f, inside in zip(islands, shapely.contains(region, pts), strict=False) if inside
        ]
    shape = shapely.union_all(geoms) if geoms else Polygon()
    if part.within:
        shape = shape.intersection(Polygon(part.within))
    if part.outside:
        shape = shape.difference(Polygon(part.outside))
    return shape


def part_shapes(land, faces: list[Polygon], parts=None) -> dict:
    """Every part's land, keyed like :data:`~geodata.basemap.borders.PARTS`."""
    mainland, islands = split_islands(land, faces)
    return {name: part_shape(p, mainland, islands) for name, p in (parts or PARTS).items()}


GRID = 1e-5  # degrees: overlay operations snap to this grid, so atoms form a clean coverage


def atoms(shapes: dict) -> list[tuple[Polygon, frozenset]]:
    """Cut the land of all parts into atoms: pieces that lie wholly in the same parts.

    Returns ``(polygon, names of the parts that hold it)`` pairs; together the polygons form
    a coverage (no overlaps), so they can be simplified together and unions of them share
    their edges exactly.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> out = atoms({"a": box(0, 0, 2, 1), "b": box(1, 0, 3, 1)})
    >>> sorted((round(g.area, 1), sorted(names)) for g, names in out)
    [(1.0, ['a']), (1.0, ['a', 'b']), (1.0, ['b'])]
    """
    pieces: list[tuple[object, frozenset]] = []
    for name, shape in shapes.items():
        shape = _polygonal(shapely.set_precision(shape, GRID))
        rest = shape
        grown = []
        for geom, names in pieces:
            if not shapely.intersects(shapely.envelope(geom), shapely.envelope(shape)):
                grown.append((geom, names))
                continue
            inter = shapely.intersection(geom, shape, grid_size=GRID)
            if not _polygonal(inter).is_empty:
                grown.append((_polygonal(inter), names | {name}))
            outside = _polygonal(shapely.difference(geom, shape, grid_size=GRID))
            if not outside.is_empty:
                grown.append((outside, names))
            rest = _polygonal(shapely.difference(rest, geom, grid_size=GRID))
        rest = _polygonal(rest)
        if not rest.is_empty:
            grown.append((rest, frozenset({name})))
        pieces = grown
    out = []
    for geom, names in pieces:
        out.extend((g, names) for g in getattr(geom, "geoms", [geom]) if g.area > 0)
    return sorted(out, key=lambda a: (sorted(a[1]), a[0].bounds))


def simplify_atoms(pieces, tolerance: float, min_area: float = 0.0) -> list:
    """Simplify the atoms together (shared edges stay shared); drop those under ``min_area``."""
    kept = [(g, n) for g, n in pieces if g.area >= min_area]
    simple = shapely.coverage_simplify([g for g, _ in kept], tolerance, simplify_boundary=True)
    return [(g, n) for g, (_, n) in zip(simple, kept, strict=False) if not g.is_empty]


def _spans(units=None) -> list[tuple[str, str]]:
    days = change_days(units)
    ends = [day_before(d) for d in days[1:]] + [ATLAS_END]
    return list(zip(days, ends, strict=False))


def span_atoms(pieces, day: str, units=None) -> list[tuple]:
    """``(unit_period, atom indices)`` of every unit standing on ``day``, in priority order."""
    taken: set[int] = set()
    out = []
    for period in borders_at(day, units):
        mine = {i for i, (_, names) in enumerate(pieces) if names & set(period.parts)}
        if not period.overlay:
            mine -= taken
            taken |= mine
        if mine:
            out.append((period, frozenset(mine)))
    return out


def _polygonal(geom):
    parts = [
        g for g in getattr(geom, "geoms", [geom]) if g.geom_type in ("Polygon", "MultiPolygon")
    ]
    return shapely.union_all(parts) if parts else Polygon()


def border_features(pieces, units=None) -> list[dict]:
    """GeoJSON features of every unit over the atlas span, one per unchanged shape.

    ``pieces`` are simplified atoms (see :func:`atoms`, :func:`simplify_atoms`). Each
    feature's properties hold ``id`` (``unit@start``), ``unit``, ``sovereign``, ``kind``,
    ``start`` and ``end`` (inclusive ISO days), ``names``, ``approximate`` (always true),
    ``note``, ``label`` (``[lon, lat]``), ``overlay`` and ``sources``.
    """
    runs: dict[str, list] = {}  # unit id -> [period, start, end, atom set] of its last run
    done = []
    for start, end in _spans(units):
        for period, mine in span_atoms(pieces, start, units):
            run = runs.get(period.unit)
            if run and run[0].id == period.id and run[3] == mine and run[2] == day_before(start):
                run[2] = end
                continue
            if run:
                done.append(run)
            runs[period.unit] = [period, start, end, mine]
    done.extend(runs.values())
    done.sort(key=lambda r: (r[1], r[0].unit))
    feats = []
    for period, start, end, mine in done:
        geom = shapely.coverage_union_all([pieces[i][0] for i in sorted(mine)])
        geom = _polygonal(shapely.set_precision(geom, PRECISION))
        feats.append(_feature(period, start, end, geom))
    return feats


def _feature(period, start: str, end: str, geom) -> dict:
    if start == max(period.start, ATLAS_START):
        start = period.start
    mapping = shapely.geometry.mapping(geom)
    return {
        "type": "Feature",
        "properties": {
            "id": f"{period.unit}@{start}", "unit": period.unit, "sovereign": period.sovereign,
            "kind": period.kind, "start": start, "end": end, "names": period.names,
            "approximate": True, "note": period.note, "label": list(period.label),
            "overlay": period.overlay, "sources": [dict(s) for s in period.sources],
        },
        "geometry": {"type": mapping["type"], "coordinates": round_coords(mapping["coordinates"])},
    }  # fmt: skip
