"""The pack an import produces: a GeoJSON FeatureCollection in the atlas' layer schema with the
pack's name, file, format, span and tour (the contract is ``docs/import-pack.md``).
Undated features get the pack's whole span with precision ``"none"``."""

from __future__ import annotations

from geodata.dates import ATLAS_SPAN
from geodata.imports.dates import When, day_key

PACK_VERSION = 1
#: The layers a feature of a pack may go in; "timeline" entries have no geometry.
LAYERS = ("places", "events", "deployments", "routes", "shipments", "timeline")
MOVEMENTS = ("attack", "advance", "withdrawal", "transfer")


class PackBuilder:
    """Collects features, keeps their ids unique, and closes the pack with its span.

    Examples
    --------
    >>> from geodata.imports.report import Report
    >>> b = PackBuilder("x.csv", "atlas-csv", "My lesson")
    >>> _ = b.add({"id": "a", "layer": "events", "names": {"en": "A"}},
    ...           When("1918-08-01", "1918-08-31", "month"), [131.9, 43.1])
    >>> _ = b.add({"id": "b", "layer": "places", "names": {"en": "B"}}, None, [131.0, 43.0])
    >>> pack = b.finish(Report("x.csv", "atlas-csv"))
    >>> pack["span"], pack["features"][1]["properties"]["precision"]
    ({'start': '1918-08-01', 'end': '1918-08-31'}, 'none')
    """

    def __init__(self, file: str, fmt: str, name: str):
        self.file, self.format, self.name = file, fmt, name
        self.features: list[dict] = []
        self.tour: list[dict] = []
        self._ids: set[str] = set()

    def add(self, props: dict, when: When | None, coords, geometry: dict | None = None) -> dict:
        """Add a feature: ``props`` (``id``, ``layer``, ``names``...), its dates and where it is.

        ``coords`` is a ``[lon, lat]`` point; ``geometry`` a GeoJSON geometry instead; with
        neither the feature is a timeline-only entry (layer ``timeline``).
        """
        if geometry is None and coords is not None:
            geometry = {"type": "Point", "coordinates": coords}
        props = dict(props)
        if geometry is None:
            props["layer"] = "timeline"
        props["id"] = self._unique(str(props.get("id") or f"{self.format}-{len(self.features)}"))
        if when is not None:
            props.update(
                start=when.start,
                end=when.end,
                precision=when.precision,
                approximate=when.approximate,
            )
        else:
            props.update(start=None, end=None, precision="none", approximate=False)
        feature = {"type": "Feature", "geometry": geometry, "properties": props}
        self.features.append(feature)
        return feature

    def _unique(self, fid: str) -> str:
        out, n = fid, 1
        while out in self._ids:
            n += 1
            out = f"{fid}-{n}"
        self._ids.add(out)
        return out

    def span(self) -> dict:
        """The first and last day of the dated features (the atlas' span when none is dated)."""
        dated = [f["properties"] for f in self.features if f["properties"]["start"]]
        dated += [s for s in self.tour if s.get("start")]
        if not dated:
            return {"start": ATLAS_SPAN.start, "end": ATLAS_SPAN.end}
        start = min((p["start"] for p in dated), key=day_key)
        end = max((p.get("end") or p["start"] for p in dated), key=day_key)
        return {"start": start, "end": end}

    def finish(self, report) -> dict:
        """The pack: undated features given the whole span, the tour, the pack members."""
        span = self.span()
        for f in self.features:
            p = f["properties"]
            if p["start"] is None:
                p["start"], p["end"] = span["start"], span["end"]
        return {
            "type": "FeatureCollection",
            "pack": PACK_VERSION,
            "name": self.name,
            "file": self.file,
            "format": self.format,
            "span": span,
            "tour": self.tour,
            "features": self.features,
        }


def source(file: str, at, quote: str, cite: str | None = None) -> list[dict]:
    """The ``source`` of a feature: the user's file, where in it, a verbatim quote from the row,
    and the user's own citation when the row gives one.

    Examples
    --------
    >>> source("x.csv", ("row", 2), "Landed at Vladivostok", "Smith 1990")
    [{'document': 'x.csv', 'row': 2, 'quote': 'Landed at Vladivostok', 'cite': 'Smith 1990'}]
    """
    entry = {"document": file, at[0]: at[1], "quote": quote}
    if cite:
        entry["cite"] = cite
    return [entry]
