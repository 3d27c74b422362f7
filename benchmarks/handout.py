"""Handout speed: a 4-map A4 handout (PDF), where its time goes, and one PNG export beside it.

Each run times, in turn:

- the handout as the command makes it (:func:`components.export.handout.printing.
  make_handout`), end to end: Chromium starting while the model (dates, captions, sources)
  and the first map's figure are made, the first map (the figure and the basemap going into
  the page, the paper style), the three other maps, and the print;
- the same steps one after another, each timed alone (the profile): starting Chromium, the
  first map's figure and scene, plotting them (Plotly, the engine, the first repaint), the
  paper style, each further day and its 300 dpi screenshot, and ``Page.printToPDF`` of the
  sheet (fonts embedded);
- the anchor, the smallest export there is: one PNG of the same map at the same size
  through the same renderer (start, figure, one capture).

The three alternate, ``--runs`` times, so that they see the same load on the machine; the
load average and the machine's cores are printed with the figures.

Usage::

    python benchmarks/handout.py [--period khalkhin-gol] [--lang en] [--runs 2] [--json out.json]

Goal (issue 14): a 4-map A4 handout in at most 15 s here.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOAL_S = 15.0


def anchor(atlas, h) -> float:
    """Seconds for one PNG of the handout's first map at its size, from a cold renderer."""
    from components.atlas.timeline import day_number
    from components.export.kaleido_batch import FrameRenderer

    t = time.perf_counter()
    with FrameRenderer(*h.layout.render_px, scale=h.layout.scale) as renderer:
        renderer.frame(atlas, day_number(h.panels[0].date), h.lang, "png", view=h.view)
    return time.perf_counter() - t


def handout(atlas, period_id: str, lang: str) -> tuple[dict, object]:
    """The handout end to end: its phases in seconds, and its size in bytes."""
    from components.export.handout import printing
    from components.export.handout.dates import handout_dates, period
    from components.export.handout.model import build_handout

    laps, t0 = {}, time.perf_counter()
    build_handout(atlas, handout_dates(atlas, period(period_id), 4), lang, "a4", "portrait",
                  period_id)  # fmt: skip
    laps["model_s"] = time.perf_counter() - t0  # alone: the handout makes it as Chromium starts
    marks, t0 = [], time.perf_counter()
    dates = handout_dates(atlas, period(period_id), 4)
    h, pdf = printing.make_handout(atlas, dates, lang, "a4", "portrait", period_id,
                                   on_map=lambda n: marks.append(time.perf_counter()))  # fmt: skip
    end = time.perf_counter()
    laps.update({"first_map_s": marks[0] - t0,  # Chromium's start and the model included
                 "other_maps_s": marks[-1] - marks[0], "print_s": end - marks[-1],
                 "total_s": end - t0, "bytes": len(pdf)})  # fmt: skip
    return laps, h


def profile(atlas, h) -> dict:
    """The handout's steps one after another, each timed alone (seconds)."""
    from components.atlas.timeline import day_number
    from components.export.handout import printing
    from components.export.handout.sheet import sheet_html

    out, t = {}, time.perf_counter()

    def lap(name: str) -> None:
        nonlocal t
        now = time.perf_counter()
        out[name] = out.get(name, 0.0) + now - t
        t = now

    renderer = printing.HandoutRenderer(*h.layout.render_px, scale=h.layout.scale)
    renderer.open()
    lap("chromium_start_s")
    try:
        fig, scene = printing.first_map(atlas, h)
        lap("figure_s")
        days = [day_number(p.date) for p in h.panels]
        renderer.load(fig, scene, days[0], h.lang)
        lap("plot_s")
        renderer.restyle()
        lap("paper_style_s")
        maps = [renderer.capture("png")]
        lap("capture_s")
        for day in days[1:]:
            renderer.show_print_day(day)
            lap("days_s")
            maps.append(renderer.capture("png"))
            lap("capture_s")
        with tempfile.TemporaryDirectory() as folder:
            names = [f"map-{n}.png" for n in range(1, len(maps) + 1)]
            for name, png in zip(names, maps, strict=True):
                (Path(folder) / name).write_bytes(png)
            page = Path(folder) / "handout.html"
            page.write_text(sheet_html(h, names), encoding="utf-8")
            renderer.print_pdf(page)
        lap("print_s")
    finally:
        renderer.close()
        lap("close_s")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--period", default="khalkhin-gol")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args()

    from components.atlas.data import load_atlas

    atlas = load_atlas()
    runs = []
    for n in range(args.runs):
        load = os.getloadavg()[0]
        laps, h = handout(atlas, args.period, args.lang)
        laps["profile"] = profile(atlas, h)
        laps["anchor_s"] = anchor(atlas, h)
        laps["ratio"] = laps["total_s"] / laps["anchor_s"]
        laps["load"] = [load, os.getloadavg()[0]]
        runs.append(laps)
        steps = ", ".join(f"{k[:-2].replace('_', ' ')} {v:.1f}" for k, v in laps["profile"].items())
        print(f"run {n + 1} (load {load:.1f}): handout {laps['total_s']:.1f} s (start, model "
              f"({laps['model_s']:.2f} alone) and first map {laps['first_map_s']:.1f}, 3 more maps "
              f"{laps['other_maps_s']:.1f}, print {laps['print_s']:.1f}; "
              f"{laps['bytes'] / 1e6:.1f} MB); one PNG {laps['anchor_s']:.1f} s; "
              f"ratio {laps['ratio']:.2f}\n  steps alone: {steps}")  # fmt: skip
    best = min(r["total_s"] for r in runs)
    ratio = statistics.median(r["ratio"] for r in runs)
    load = os.getloadavg()[0]
    print(f"best {best:.1f} s, median {statistics.median(r['total_s'] for r in runs):.1f} s, "
          f"median ratio to one PNG {ratio:.2f}, load average now {load:.1f} on "
          f"{os.cpu_count()} cores; goal: at most {GOAL_S:.0f} s")  # fmt: skip
    if args.json:
        Path(args.json).write_text(json.dumps({"runs": runs, "load": load}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
