"""Import speed: the user's own data into a pack (issue 13).

Goals: 50,000 rows with coordinates import in at most 5 s; 5,000 rows that need the historical
geocoder (distinct place names, the geocoder's memo cleared) in at most 5 s. Each figure is also
given as a ratio against an anchor run in the same run on the same file: pandas reading the CSV
(``pandas.read_csv``), which parses but checks, geocodes and cites nothing.

Run: ``.venv/bin/python benchmarks/import_speed.py``. Prints one line per figure.
"""

from __future__ import annotations

import io
import json
import random
import time

import pandas as pd

from geodata.gazetteer import gazetteer
from geodata.geocode import _lookup
from geodata.imports import ImportLimits, import_file

HEADER = "layer,id,date,place,lat,lon,name_en,strength,source,quote,note\n"


def _dated(rng: random.Random) -> str:
    return f"{rng.randint(1917, 1945)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def rows_with_coordinates(n: int, rng: random.Random) -> bytes:
    """``n`` rows: moving units of 10 observations each, and events, all with lat/lon."""
    out = [HEADER]
    for i in range(n):
        if i % 2:  # a unit's observations a month apart
            layer, fid, date = (
                "deployments",
                f"unit-{i // 20}",
                f"{1917 + i // 20 % 28}-{i % 20 // 2 + 1:02d}",
            )
        else:
            layer, fid, date = "events", f"event-{i}", _dated(rng)
        out.append(f"{layer},{fid},{date},,{rng.uniform(20, 60):.5f},"
                   f"{rng.uniform(100, 150):.5f},Name {i},{rng.randint(100, 9000)},"
                   f"Benchmark source,Quote {i},Note {i}\n")  # fmt: skip
    return "".join(out).encode()


_FILES = {"GeoJSON features": "points.geojson", "LP-TSV rows": "points.tsv"}


def geojson_points(n: int, rng: random.Random) -> bytes:
    """``n`` GeoJSON point features dated by start and end."""
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [
                    round(rng.uniform(100, 150), 5), round(rng.uniform(20, 60), 5)]},
                 "properties": {"name": f"Place {i}", "start": _dated(rng), "end": "1945"}}
                for i in range(n)]  # fmt: skip
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def lp_tsv_points(n: int, rng: random.Random) -> bytes:
    """``n`` LP-TSV rows with a WKT point, a source, types and a country code."""
    head = "id\ttitle\ttitle_source\tstart\tend\tccodes\ttypes\tgeowkt\n"
    return (head + "".join(f"{i}\tPlace {i}\tGazetteer\t{rng.randint(1500, 1900)}\t1945\tCN\t"
                           f"town\tPOINT({rng.uniform(100, 150):.5f} {rng.uniform(20, 60):.5f})\n"
                           for i in range(n))).encode()  # fmt: skip


def rows_with_place_names(n: int, rng: random.Random) -> bytes:
    """``n`` events placed by name only: distinct names of the gazetteer, any script."""
    gaz = gazetteer()
    names = sorted({k for k in gaz.index if "," not in k and '"' not in k})
    picked = rng.sample(names, n)
    out = [HEADER] + [f"events,e{i},{_dated(rng)},{name},,,Event {i},,src,q,\n"
                      for i, name in enumerate(picked)]  # fmt: skip
    return "".join(out).encode()


def _best(fn, repeat: int = 3) -> float:
    """The best of ``repeat`` runs in CPU seconds of this process: the machine is shared (2
    cores, other engineers' tests), and CPU time is the work the import itself does."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    rng = random.Random(1918)
    limits = ImportLimits(max_bytes=50 * 1024 * 1024, max_rows=50_000)
    gazetteer()  # loaded once per process (0.3 s from its disk cache): not the import's cost

    coords = rows_with_coordinates(50_000, rng)
    result = import_file(coords, filename="coords.csv", limits=limits)
    assert result.report["features"] == 50_000 and not result.report["errors"]
    t_import = _best(lambda: import_file(coords, filename="coords.csv", limits=limits))
    t_anchor = _best(lambda: pd.read_csv(io.BytesIO(coords)))
    print(f"50,000 rows with coordinates: {t_import:.2f} s CPU (goal <= 5 s); "
          f"anchor pandas.read_csv {t_anchor:.3f} s; ratio {t_import / t_anchor:.0f}x")  # fmt: skip

    for name, data in (("GeoJSON features", geojson_points(50_000, rng)),
                       ("LP-TSV rows", lp_tsv_points(50_000, rng))):  # fmt: skip
        t_import = _best(lambda d=data, n=name: import_file(d, filename=_FILES[n], limits=limits))
        print(f"50,000 {name} with points: {t_import:.2f} s CPU (goal <= 5 s)")

    named = rows_with_place_names(5_000, rng)

    def geocoded():
        _lookup.cache_clear()  # real lookups, not the memo of the previous run
        return import_file(named, filename="named.csv", limits=limits)

    result = geocoded()
    placed = sum(1 for f in result.pack["features"] if f["geometry"])
    t_geo = _best(geocoded)
    t_anchor = _best(lambda: pd.read_csv(io.BytesIO(named)))
    print(f"5,000 rows needing the geocoder: {t_geo:.2f} s CPU (goal <= 5 s), {placed:,} placed; "
          f"anchor pandas.read_csv {t_anchor:.4f} s; ratio {t_geo / t_anchor:.0f}x")  # fmt: skip


if __name__ == "__main__":
    main()
