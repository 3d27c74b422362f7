"""Export speed: warm seconds per 1600x900 frame in one batch, against kaleido per image.

Renders ``--frames`` frames (default 10, a week apart from 1939-05-11, the Khalkhin Gol view)
with :class:`components.export.kaleido_batch.FrameRenderer`: one warm Chromium, the map
plotted once, each frame only moving the date. Prints the start-up, the first frame (the
figure and the inlined basemap going into the page) and the median and worst warm frame,
for PNG capture (PNG frames and GIF frames) and, for comparison, JPEG capture (which GIF
frames used before their palette kept the legend's colours). Then the GIF's encoding
(:func:`components.export.gif.write_gif` with the legend's colours kept) per frame, and a GIF
frame's whole cost: a warm PNG capture and its share of the encoding. With ``--anchor`` it also
times plain kaleido (``kaleido.calc_fig_sync`` with a kept-open sync server) on the same
figure.

Usage::

    python benchmarks/export.py [--frames 10] [--width 1600] [--height 900] [--anchor]
                                [--json out.json]

Goal (issue 5): at most 1.0 s per 1600x900 frame warm.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOAL_S = 1.0


def batch(atlas, days, width, height, fmt):
    from components.export import render
    from components.export.kaleido_batch import FrameRenderer

    args = {"view": render.export_view(days[0], days[-1]), "legend_days": days}
    t0 = time.perf_counter()
    with FrameRenderer(width, height) as renderer:
        start = time.perf_counter() - t0
        times, frames = [], []
        for day in days:
            t = time.perf_counter()
            frames.append(renderer.frame(atlas, day, "en", fmt, **args))
            times.append(time.perf_counter() - t)
    return {"start_s": start, "first_s": times[0], "warm_s": times[1:]}, frames


def encode_gif(atlas, frames) -> float:
    """Seconds per frame to write ``frames`` as a GIF keeping the legend's colours."""
    from components.atlas.legend import legend_entries
    from components.export import gif

    keep = [e["color"] for e in legend_entries(atlas)]
    t = time.perf_counter()
    gif.write_gif(frames, io.BytesIO(), keep=keep)
    return (time.perf_counter() - t) / len(frames)


def anchor(atlas, days, width, height):
    import kaleido

    from components.export import render
    from components.export.kaleido_batch import chromium_path

    fig = render.export_figure(atlas, days[0], "en", width, height,
                               view=render.export_view(days[0], days[-1]))  # fmt: skip
    kaleido.start_sync_server(path=chromium_path(), mathjax=False, silence_warnings=True)
    try:
        times = []
        for _ in days[:3]:
            t = time.perf_counter()
            kaleido.calc_fig_sync(fig, opts={"width": width, "height": height, "format": "png"})
            times.append(time.perf_counter() - t)
    finally:
        kaleido.stop_sync_server(silence_warnings=True)
    return times


def main(argv=None) -> int:
    from components.atlas.data import load_atlas
    from components.atlas.timeline import day_number

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--frames", type=int, default=10)
    p.add_argument("--width", type=int, default=1600)
    p.add_argument("--height", type=int, default=900)
    p.add_argument("--anchor", action="store_true", help="also time kaleido's calc_fig")
    p.add_argument("--json", help="write the numbers here")
    args = p.parse_args(argv)
    atlas = load_atlas()
    days = [day_number("1939-05-11") + 7 * i for i in range(args.frames + 1)]
    out = {"size": [args.width, args.height], "frames": args.frames}
    print(f"export benchmark: {args.frames} warm frames of {args.width}x{args.height}")
    for fmt in ("png", "jpeg"):
        r, frames = batch(atlas, days, args.width, args.height, fmt)
        warm = r["warm_s"]
        out[fmt] = {**r, "median_s": statistics.median(warm), "max_s": max(warm)}
        print(
            f"  {fmt:>4} capture: start {r['start_s']:.2f} s, "
            f"first frame {r['first_s']:.2f} s, "
            f"warm median {statistics.median(warm):.2f} s, worst {max(warm):.2f} s"
            + ("  (no longer used)" if fmt == "jpeg" else "")
        )
        if fmt == "png":
            png_frames = frames
    encode = encode_gif(atlas, png_frames)
    gif_frame = out["png"]["median_s"] + encode
    out["gif"] = {"encode_s_per_frame": encode, "frame_s": gif_frame}
    print(f"  gif encode (legend colours kept): {encode:.3f} s per frame")
    print(f"  gif frame, warm png capture + encode: {gif_frame:.2f} s"
          f"  ({'ok' if gif_frame <= GOAL_S else 'OVER'} goal {GOAL_S} s)")  # fmt: skip
    if args.anchor:
        times = anchor(atlas, days, args.width, args.height)
        out["kaleido_calc_fig_s"] = times
        shown = ", ".join(f"{t:.2f}" for t in times)
        print(f"  kaleido calc_fig, warm server: {shown} s per image")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0 if out["gif"]["frame_s"] <= GOAL_S else 1


if __name__ == "__main__":
    sys.exit(main())
