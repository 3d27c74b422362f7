"""Read the built basemap files (``geodata/layers/basemap/``) and look borders up by date.

The files are built by ``python -m geodata build`` (see :mod:`geodata.basemap.build`) and
committed, so the app never needs the network for them. Loaded files are cached per process
and must be treated as read-only.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from geodata.basemap.periods import ATLAS_END, ATLAS_START, check_day

LAYERS_DIR = Path(__file__).resolve().parents[1] / "layers" / "basemap"


@functools.lru_cache(maxsize=16)
def load_layer(name: str, folder: str | None = None) -> dict:
    """A built GeoJSON layer by name (``"borders"``, ``"coast_lo"``...), read once.

    Examples
    --------
    >>> load_layer("borders")["type"]
    'FeatureCollection'
    """
    path = Path(folder or LAYERS_DIR) / f"{name}.geojson"
    if not path.is_file():
        raise FileNotFoundError(f"basemap layer {name!r} not found at {path}; "
                                "build it with: python -m geodata build")  # fmt: skip
    return json.loads(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def relief_meta(folder: str | None = None) -> dict:
    """The relief image's metadata: size, bounds, the four corner coordinates.

    Examples
    --------
    >>> relief_meta()["coordinates"][0]
    [20.0, 74.0]
    """
    path = Path(folder or LAYERS_DIR) / "relief.json"
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found; build it with: python -m geodata build")
    return json.loads(path.read_text(encoding="utf-8"))


def borders_geojson_at(date: str, collection: dict | None = None) -> dict:
    """The period borders standing on ``date`` as a new FeatureCollection.

    Parameters
    ----------
    date : str
        ISO ``YYYY-MM-DD`` within the atlas span, :data:`geodata.dates.ATLAS_SPAN`
        (``start``/``end`` are inclusive).
    collection : dict, optional
        A borders FeatureCollection (default: the built ``borders.geojson``).

    Examples
    --------
    >>> units = lambda d: sorted(f["properties"]["unit"] for f in borders_geojson_at(d)["features"])
    >>> "fer" in units("1921-01-01"), "fer" in units("1923-01-01")
    (True, False)
    >>> "manchukuo" in units("1932-02-29"), "manchukuo" in units("1932-03-01")
    (False, True)
    """
    check_day(date)
    if not ATLAS_START <= date <= ATLAS_END:
        raise ValueError(f"date {date!r} is outside the atlas period {ATLAS_START}..{ATLAS_END}")
    collection = load_layer("borders") if collection is None else collection
    feats = [f for f in collection.get("features", [])
             if f["properties"]["start"] <= date <= f["properties"]["end"]]  # fmt: skip
    return {"type": "FeatureCollection", "features": feats}
