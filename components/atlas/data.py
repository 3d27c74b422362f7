"""Read the built GeoJSON layers and shape them for the map: units, spans, lookups.

The app reads ``geodata/layers/{places,deployments,routes,shipments,events}.geojson``; a
missing file is an empty layer, so the page works before the layers are built.

>>> atlas = load_atlas(FIXTURE_DIR)
>>> [u["id"] for u in atlas.units]
['us-aef', 'jp-12']
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from components.atlas.registry import DATA_LAYERS
from components.atlas.timeline import day_number
from geodata.dates import ATLAS_SPAN
from geodata.settings import setting

#: Where :func:`load_layers` keeps the events placed nowhere.
TIMELINE = "timeline"

ROOT = Path(__file__).resolve().parents[2]


def layers_dir() -> Path:
    """The layers folder: ``$FEA_LAYERS_DIR`` when set, else ``geodata/layers``.

    Examples
    --------
    >>> layers_dir().name
    'layers'
    """
    return Path(setting("FEA_LAYERS_DIR"))


def load_layers(directory: Path | str) -> dict[str, list[dict]]:
    """Features per layer from ``<directory>/<layer>.geojson``; missing files give ``[]``.

    The events the seeds date but place nowhere (``timeline_only``, no geometry) are kept
    apart, under :data:`TIMELINE`: they mark the slider and the panels, not the map.

    Raises
    ------
    ValueError
        When a file is not a GeoJSON FeatureCollection, naming the file.

    Examples
    --------
    >>> layers = load_layers(FIXTURE_DIR)
    >>> sorted(layers) == sorted([*DATA_LAYERS, TIMELINE]), len(layers["events"])
    (True, 3)
    >>> load_layers("/nonexistent")["places"]
    []
    """
    out: dict[str, list[dict]] = {TIMELINE: []}
    for name in DATA_LAYERS:
        path = Path(directory) / f"{name}.geojson"
        if not path.is_file():
            out[name] = []
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}: not valid JSON ({exc})") from None
        if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
            raise ValueError(f"{path}: expected a GeoJSON FeatureCollection")
        out[name] = [f for f in data.get("features", []) if _usable(f)]
        if name == "events":
            out[TIMELINE] = [f for f in data.get("features", []) if _timeline_only(f)]
    return out


def _usable(feature: dict) -> bool:
    props = feature.get("properties") or {}
    geometry = feature.get("geometry") or {}
    try:
        day_number(props.get("start")), day_number(props.get("end"))
    except ValueError:
        return False
    return bool(props.get("id")) and geometry.get("type") in ("Point", "LineString")


def _timeline_only(feature: dict) -> bool:
    # an event the seeds date but place nowhere: on the slider and in the panels, not the map
    props = feature.get("properties") or {}
    if feature.get("geometry") is not None or not props.get("timeline_only"):
        return False
    return _usable({**feature, "geometry": {"type": "Point"}})


def _waypoint(feature: dict, followed: bool) -> list:
    props = feature["properties"]
    point = [day_number(props["start"]), *feature["geometry"]["coordinates"][:2]]
    if followed and props.get("gap_after"):
        point.append(day_number(props["end"]))
    return point


def group_units(deployments: list[dict]) -> list[dict]:
    """One moving unit per ``deployment``: its waypoint track, strengths and last day.

    Returns
    -------
    list of dict
        ``id``, ``names``, ``nation``, ``side``, ``track`` ([day, lon, lat] by ``seq``, with
        a fourth number, the waypoint's last day, where the sources lose the unit after it:
        ``gap_after``),
        ``strengths`` ([day, strength or None]), ``end`` (day number), ``waypoints`` (ids),
        ``short`` (the cited label, per language, or ``{}``), ``movements`` (how the unit
        reached each waypoint of ``track``: attack, advance, withdrawal, transfer or None).

    Examples
    --------
    >>> unit = group_units(load_layers(FIXTURE_DIR)["deployments"])[0]
    >>> unit["track"][0], unit["end"]
    ([6800, 131.88, 43.12], 7395)
    """
    groups: dict[str, list[dict]] = {}
    for feature in deployments:
        props = feature["properties"]
        groups.setdefault(props.get("deployment") or props["id"], []).append(feature)
    units = []
    for unit_id, feats in groups.items():
        feats.sort(key=lambda f: (f["properties"].get("seq", 0), f["properties"]["start"]))
        first = feats[0]["properties"]
        units.append({
            "id": unit_id,
            "names": first.get("unit") or first.get("names") or {"en": unit_id},
            "nation": first.get("nation", ""),
            "side": first.get("side", ""),
            "track": [_waypoint(f, i + 1 < len(feats)) for i, f in enumerate(feats)],
            "strengths": [[day_number(f["properties"]["start"]), f["properties"].get("strength")]
                          for f in feats],
            "end": max(day_number(f["properties"]["end"]) for f in feats),
            "waypoints": [f["properties"]["id"] for f in feats],
            "short": first.get("short") or {},
            "movements": [f["properties"].get("movement") for f in feats],
        })  # fmt: skip
    return units


@dataclass(frozen=True)
class Atlas:
    """The loaded layers, read-only, shared by every request of a worker."""

    #: the map's layers by id; ``timeline``: the events placed nowhere
    layers: MappingProxyType
    units: tuple[dict, ...]
    by_id: MappingProxyType
    span: tuple[int, int]
    timeline: tuple[dict, ...] = ()

    def feature(self, feature_id: str) -> dict | None:
        """The feature (or unit) with ``feature_id``, or None."""
        return self.by_id.get(feature_id)


def load_atlas(directory: Path | str | None = None) -> Atlas:
    """Load the layers from ``directory`` (default :func:`layers_dir`) into an :class:`Atlas`.

    Examples
    --------
    >>> from components.atlas.timeline import iso_date
    >>> atlas = load_atlas(FIXTURE_DIR)
    >>> iso_date(atlas.span[0]), atlas.feature("credit-1")["properties"]["batch"]
    ('1917-01-01', 1)
    """
    loaded = load_layers(directory if directory is not None else layers_dir())
    timeline = loaded.pop(TIMELINE)
    layers = loaded
    units = tuple(group_units(layers["deployments"]))
    by_id: dict[str, dict] = {}
    for feats in [*layers.values(), timeline]:
        for feature in feats:
            by_id[feature["properties"]["id"]] = feature
    for unit in units:
        by_id.setdefault(unit["id"], {"unit": unit})
    days = [day_number(f["properties"][k]) for feats in [*layers.values(), timeline] for f in feats
            for k in ("start", "end")]  # fmt: skip
    # the atlas span, widened to hold every feature of the data
    days += [day_number(ATLAS_SPAN.start), day_number(ATLAS_SPAN.end)]
    span = (min(days), max(days))
    frozen = MappingProxyType({k: tuple(v) for k, v in layers.items()})
    return Atlas(frozen, units, MappingProxyType(by_id), span, tuple(timeline))
