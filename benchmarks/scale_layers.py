"""Write a copy of the atlas' layers with its units multiplied, for the scrub benchmark.

Usage::

    python benchmarks/scale_layers.py 10 /tmp/layers-10x
    python benchmarks/scrub.py --layers /tmp/layers-10x

Each unit is copied ``N - 1`` times under new ids (``<id>~k``), every copy's waypoints shifted
a little (up to a quarter of a degree) so that the copies do not stack on one point: the map
then has N times as many moving units, labels, trails and arrows as the atlas itself.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ROOT / "geodata" / "layers"


def scaled(deployments: dict, factor: int) -> dict:
    """The deployments collection with every unit present ``factor`` times."""
    out = list(deployments["features"])
    for k in range(1, factor):
        dx, dy = 0.25 * ((k * 7) % 11 - 5) / 5, 0.25 * ((k * 3) % 7 - 3) / 3
        for feature in deployments["features"]:
            copy = json.loads(json.dumps(feature))
            props = copy["properties"]
            props["id"] = f"{props['id']}~{k}"
            props["deployment"] = f"{props.get('deployment') or props['id']}~{k}"
            if copy.get("geometry"):
                lon, lat = copy["geometry"]["coordinates"][:2]
                copy["geometry"]["coordinates"] = [round(lon + dx, 5), round(lat + dy, 5)]
            out.append(copy)
    return {**deployments, "features": out}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("factor", type=int, help="how many times each unit is on the map")
    parser.add_argument("out", help="the folder to write the layers to")
    args = parser.parse_args(argv)
    if args.factor < 1:
        parser.error(f"factor: expected a whole number of at least 1, got {args.factor}")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for path in LAYERS.glob("*.geojson"):
        shutil.copy(path, out / path.name)
    deployments = json.loads((LAYERS / "deployments.geojson").read_text(encoding="utf-8"))
    (out / "deployments.geojson").write_text(json.dumps(scaled(deployments, args.factor)),
                                             encoding="utf-8")  # fmt: skip
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
