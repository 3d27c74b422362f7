"""Scrubbing a 50,000-feature imported layer against a ``px.scatter_map`` animation anchor.

The page is given a pack of ``--features`` events (random places in the atlas extent, over
one year, each lasting 0-30 days) through the engine's ``setPacks``, exactly as the Import
panel hands it over; the time slider is focused and ArrowRight pressed ``--steps`` times,
recording for each press the time until MapLibre's ``idle`` (``benchmarks/scrub.py``'s probe).
In the same run a Plotly Express animation (``animation_frame``) with as many points a frame
does the same. Headless Chromium (Debian's, software WebGL).

Usage::

    python benchmarks/scrub_import.py [--features 50000] [--steps 12] [--json out.json]

Goal (issue 13): the imported layer's median step at most 0.5 of the anchor's.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import flask  # noqa: E402
import scrub as base  # noqa: E402  (benchmarks/scrub.py: server, probe, anchor page)

from app import create_app, serve_basemap  # noqa: E402
from components.atlas.map import sanitize_style  # noqa: E402
from components.atlas.timeline import day_number, iso_date  # noqa: E402
from components.basemap.style import basemap_style  # noqa: E402

START = "1930-03-01"
STEP_TIMEOUT_MS = 120000  # a step of 50,000 points a frame may take seconds


def bench_pack(n: int, seed: int = 13) -> dict:
    """A pack of ``n`` events over 1930, in the atlas' own schema (as the importer writes)."""
    rng = random.Random(seed)
    first = day_number("1930-01-01")
    features = []
    for i in range(n):
        start = first + rng.randrange(365)
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(rng.uniform(95, 145), 3),
                                                          round(rng.uniform(30, 55), 3)]},
            "properties": {"id": f"e{i}", "layer": "events", "names": {"en": f"Event {i}"},
                           "start": iso_date(start), "end": iso_date(start + rng.randrange(31)),
                           "precision": "day", "approximate": False,
                           "source": [{"document": "bench.csv", "quote": f"event {i}",
                                       "row": i + 2}]},
        })  # fmt: skip
    return {"type": "FeatureCollection", "pack": 1, "name": "bench", "file": "bench.csv",
            "format": "atlas-csv", "span": {"start": "1930-01-01", "end": "1931-01-30"},
            "tour": [], "features": features}  # fmt: skip


def anchor_figure(pack: dict, frames: int, style: dict):
    """The anchor of the pack: its points in Plotly's own markers (``scrub.animation_figure``)."""
    points = [("events", *f["geometry"]["coordinates"]) for f in pack["features"]]
    return base.animation_figure(points, frames, style)


def run(features: int, steps: int) -> dict:
    from playwright.sync_api import sync_playwright

    pack = bench_pack(features)
    url, server = base.serve(create_app().server)
    # the anchor on a plain Flask server of its own (the atlas' sends a CSP for its own page)
    anchor_app = flask.Flask("anchor")
    anchor_app.add_url_rule("/basemap/<name>", "basemap", serve_basemap)
    base.add_anchor(anchor_app, anchor_figure(pack, steps + base.WARMUP + 1,
                                              sanitize_style(basemap_style())))  # fmt: skip
    anchor_url, anchor_server = base.serve(anchor_app)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=base.CHROMIUM, args=base.ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(f"{url}/?date={START}&view=120,42,3")
            page.wait_for_function("() => window.FEA && FEA.page && FEA.page.map() &&"
                                   " FEA.page.map().loaded()", timeout=60000)  # fmt: skip
            page.evaluate("p => FEA.page.setPacks([{key: 'bench', pack: p}])", pack)
            page.evaluate(f"() => FEA.page.setDay(FEA_CORE.dayNumber('{START}'))")
            page.wait_for_function(
                "() => FEA.page.packDrawn('bench').length > 1000", timeout=120000
            )
            page.evaluate("() => FEA.page.idle(300000)")  # the 50,000 features are in the map
            page.wait_for_timeout(1500)
            page.focus("#time-slider [role=slider]")
            ours = base.press_and_time(page, steps, STEP_TIMEOUT_MS)
            drawn = page.evaluate("() => FEA.page.packDrawn('bench').length")
            page.close()
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(f"{anchor_url}/anchor")
            page.wait_for_function("() => window.__ready === true", timeout=300000)
            page.wait_for_timeout(1500)
            anchor = base.press_and_time(page, steps, STEP_TIMEOUT_MS)
            browser.close()
    finally:
        server.shutdown()
        anchor_server.shutdown()
    ours_median, anchor_median = statistics.median(ours), statistics.median(anchor)
    return {
        "features": features, "drawn_at_end": drawn, "steps": steps,
        "import_ms": [round(t, 1) for t in ours], "anchor_ms": [round(t, 1) for t in anchor],
        "import_median_ms": round(ours_median, 1), "anchor_median_ms": round(anchor_median, 1),
        "ratio": round(ours_median / anchor_median, 3),
        "import_max_ms": round(max(ours), 1), "anchor_max_ms": round(max(anchor), 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--features", type=int, default=50_000)
    parser.add_argument("--steps", type=int, default=12)
    parser.add_argument("--json", default=None, help="also write the results here")
    args = parser.parse_args(argv)
    result = run(args.features, args.steps)
    print(f"imported features:          {result['features']} ({result['drawn_at_end']} drawn)")
    print(f"imported median key->idle:  {result['import_median_ms']} ms")
    print(f"anchor median key->idle:    {result['anchor_median_ms']} ms (px animation_frame)")
    print(
        f"slowest step:               {result['import_max_ms']} ms "
        f"(anchor {result['anchor_max_ms']} ms)"
    )
    print(f"ratio imported/anchor:      {result['ratio']} (goal <= 0.5)")
    print(f"load average (1, 5, 15 min): {result['load_average']}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0 if result["ratio"] <= 0.5 else 1


if __name__ == "__main__":
    sys.exit(main())
