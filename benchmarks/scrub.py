"""Scrubbing speed: the atlas against a ``px.scatter_map(..., animation_frame=...)`` anchor.

Opens the atlas in headless Chromium (Debian's, software WebGL), focuses the time slider and
presses ArrowRight 20 times, recording for each press the time from the key press until
MapLibre's ``idle`` event. In the same run it does the same for a Plotly Express animation
figure with as many points as the atlas has features, where each key press shows the next
frame. Also records the first load: time to an interactive map and bytes transferred.

Usage::

    python benchmarks/scrub.py [--layers DIR] [--steps 20] [--json out.json]

Goal (issue 4): the atlas' median at most half the anchor's; first load at most 3 s and
3 MB. While the slider is scrubbed the labels and arrows follow once it rests: the run also
reports the median time from a key press until they are drawn for the new day (0.4 s of
rest included).
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app import create_app  # noqa: E402
from components.atlas.data import load_atlas  # noqa: E402
from components.atlas.map import sanitize_style  # noqa: E402
from components.atlas.timeline import iso_date  # noqa: E402
from components.basemap.style import basemap_style  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run"]  # fmt: skip
WARMUP = 2

# Installed in every page: time from a key press to the next 'idle' of the map. The press is
# the event's own time stamp, taken on the window before any listener of the page runs (the
# atlas' keys are handled on the document): a page busy when the key comes pays for it too.
PROBE = """() => {
  window.__bench = {times: [], t0: null};
  window.addEventListener('keydown', ev => { window.__bench.t0 = ev.timeStamp; }, true);
  const gd = document.querySelector('#map .js-plotly-plot');
  const map = window.FEA && FEA.page ? FEA.page.map() : gd._fullLayout.map._subplot.map;
  map.on('idle', () => {
    const b = window.__bench;
    if (b.t0 !== null) { b.times.push(performance.now() - b.t0); b.t0 = null; }
  });
}"""

ANCHOR_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script src="/plotly.min.js"></script>
<style>html,body{margin:0;height:100%}#map{width:100%;height:100vh}</style></head>
<body><div id="map"><div class="js-plotly-plot" id="gd" style="width:100%;height:100%"></div></div>
<script>
fetch('/figure.json').then(r => r.json()).then(fig => {
  const gd = document.getElementById('gd');
  Plotly.newPlot(gd, fig.data, fig.layout).then(() => Plotly.addFrames(gd, fig.frames))
    .then(() => { window.__ready = true; });
  let k = 0;
  document.addEventListener('keydown', ev => {
    if (ev.key !== 'ArrowRight') return;
    k = (k + 1) % fig.frames.length;
    Plotly.animate(gd, [fig.frames[k].name], {frame: {duration: 0, redraw: true},
                   transition: {duration: 0}, mode: 'immediate'});
  });
});
</script></body></html>"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(wsgi_app) -> tuple[str, object]:
    from werkzeug.serving import make_server

    port = free_port()
    server = make_server("127.0.0.1", port, wsgi_app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}", server


# The first day of the window of `steps` days in which most units move, by the engine's own
# arithmetic (FEA_CORE): a unit moves on a day when its position changes to the next day.
BUSIEST_DAY = """(steps) => {
  const S = FEA.page.scene, D = S.features.deployments, C = FEA_CORE;
  const transit = S.layers.find(l => l.id === 'deployments').style.transit_days;
  const moving = {};
  D.tracks.forEach((track, i) => {
    const end = Math.min(D.ends[i], track[track.length - 1][0]);
    for (let d = track[0][0]; d <= end; d++) {
      const a = C.positionAt(track, D.ends[i], d, transit);
      const b = C.positionAt(track, D.ends[i], d + 1, transit);
      if (JSON.stringify(a) !== JSON.stringify(b)) moving[d] = (moving[d] || 0) + 1;
    }
  });
  let best = S.span.first_day, most = -1;
  Object.keys(moving).map(Number).forEach(d => {
    let n = 0;
    for (let k = 0; k < steps; k++) n += moving[d + k] || 0;
    if (n > most) { most = n; best = d; }
  });
  return best;
}"""


def animation_figure(points: list, frames: int, style: dict, size: float | None = None):
    """The anchor: a ``px.scatter_map(..., animation_frame=...)`` figure of ``points``
    (``(group, lon, lat)``, a colour a group when there are several; markers of ``size``, or
    Plotly's own) in ``frames`` frames, each moving every point 0.05 degrees east."""
    import pandas as pd
    import plotly.express as px

    rows = {"frame": [], "layer": [], "lon": [], "lat": []}
    for k in range(frames):
        for group, lon, lat in points:
            rows["frame"].append(k)
            rows["layer"].append(group)
            rows["lon"].append(lon + 0.05 * k)
            rows["lat"].append(lat)
    extra = {"color": "layer"} if len(set(rows["layer"])) > 1 else {}
    if size is not None:
        rows["size"] = [size] * len(rows["frame"])
        extra["size"] = "size"
    fig = px.scatter_map(pd.DataFrame(rows), lat="lat", lon="lon", animation_frame="frame",
                         zoom=3, **extra)  # fmt: skip
    fig.update_layout(map_style=style, margin={"l": 0, "r": 0, "t": 0, "b": 0})
    return fig


def anchor_figure(atlas, frames: int, style: dict):
    """The anchor of the atlas: one point per atlas feature, a colour a layer."""
    points = []
    for layer, feats in atlas.layers.items():
        for f in feats:
            coords = f["geometry"]["coordinates"]
            lon, lat = coords[:2] if f["geometry"]["type"] == "Point" else coords[0][:2]
            points.append((layer, lon, lat))
    return animation_figure(points, frames, style, size=8), len(points)


def add_anchor(flask_app, fig) -> None:
    """Serve the anchor page at ``/anchor`` beside the atlas (same basemap assets)."""
    import plotly
    from flask import Response

    js = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    flask_app.add_url_rule("/anchor", "anchor", lambda: Response(ANCHOR_PAGE, mimetype="text/html"))
    flask_app.add_url_rule("/plotly.min.js", "anchor_js", lambda: Response(js.read_bytes(),
                           mimetype="application/javascript"))  # fmt: skip
    body = fig.to_json()
    flask_app.add_url_rule("/figure.json", "anchor_fig", lambda: Response(body,
                           mimetype="application/json"))  # fmt: skip


def press_and_time(page, steps: int, timeout_ms: int = 10000) -> list[float]:
    """Milliseconds from each ArrowRight press to the map's next ``idle`` (after ``WARMUP``
    presses not counted), the next press 60 ms after the last step is drawn."""
    page.evaluate(PROBE)
    for i in range(steps + WARMUP):
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => window.__bench.t0 === null", timeout=timeout_ms)
        page.wait_for_timeout(60)
        if i == WARMUP - 1:
            page.evaluate("() => { window.__bench.times = []; }")
    return page.evaluate("() => window.__bench.times")


def settle_time(page, presses: int = 5) -> float:
    """Median milliseconds from a key press until the labels and arrows of the new day are
    drawn: they follow the slider once it rests (0.4 s, included), then a repaint."""
    times = []
    for _ in range(presses):
        page.evaluate("() => { window.__lbl = FEA.page.overlay('labels'); }")
        t0 = page.evaluate("() => performance.now()")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => FEA.page.overlay('labels') !== window.__lbl", timeout=20000)
        done = page.evaluate("""() => new Promise(r => { const m = FEA.page.map();
            m.once('idle', () => r(performance.now())); m.triggerRepaint(); })""")
        times.append(done - t0)
        page.wait_for_timeout(300)
    return round(statistics.median(times), 1)


def measure_load(browser, url: str) -> dict:
    """Seconds from navigation to a loaded map with its data; bytes over the wire (all
    requests, the map's web workers included)."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    sizes: list[int] = []

    def done(request):
        s = request.sizes()
        sizes.append(s["responseBodySize"] + s["responseHeadersSize"])

    page.on("requestfinished", done)
    t0 = time.perf_counter()
    page.goto(url)
    page.wait_for_function("() => window.FEA && FEA.page && FEA.page.map() &&"
                           " FEA.page.map().getLayer('atlas-routes') &&"
                           " FEA.page.map().loaded()", timeout=30000)  # fmt: skip
    seconds = time.perf_counter() - t0
    page.wait_for_timeout(500)
    page.close()
    return {
        "seconds": round(seconds, 2),
        "megabytes": round(sum(sizes) / 1e6, 2),
        "requests": len(sizes),
    }


def run(layers: str | None, steps: int) -> dict:
    from playwright.sync_api import sync_playwright

    atlas = load_atlas(layers)
    app = create_app(layers)
    fig, count = anchor_figure(atlas, steps + WARMUP + 1, sanitize_style(basemap_style()))
    add_anchor(app.server, fig)
    atlas_url, atlas_server = serve(app.server)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            load = measure_load(browser, atlas_url)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(atlas_url)
            page.wait_for_function("() => window.FEA && FEA.page && FEA.page.map()",
                                   timeout=30000)  # fmt: skip
            start = page.evaluate(BUSIEST_DAY, steps + WARMUP)
            page.goto(f"{atlas_url}/?date={iso_date(start)}")
            page.wait_for_function("() => window.FEA && FEA.page && FEA.page.map() &&"
                                   " document.getElementById('current-date') &&"
                                   " document.getElementById('current-date')"
                                   f".getAttribute('datetime') === '{iso_date(start)}' &&"
                                   " FEA.page.map().loaded()",
                                   timeout=30000)  # fmt: skip
            page.wait_for_timeout(1500)
            page.focus("#time-slider [role=slider]")
            ours = press_and_time(page, steps)
            settle = settle_time(page)
            page.close()
            # the anchor page is not the atlas: its inline script is outside the app's CSP
            page = browser.new_context(viewport={"width": 1280, "height": 800},
                                       bypass_csp=True).new_page()  # fmt: skip
            page.goto(f"{atlas_url}/anchor")
            page.wait_for_function("() => window.__ready === true", timeout=60000)
            page.wait_for_timeout(1500)
            anchor = press_and_time(page, steps)
            browser.close()
    finally:
        atlas_server.shutdown()
    ours_median, anchor_median = statistics.median(ours), statistics.median(anchor)
    return {
        "features": count, "start": iso_date(start), "steps": steps,
        "atlas_ms": [round(t, 1) for t in ours], "anchor_ms": [round(t, 1) for t in anchor],
        "atlas_median_ms": round(ours_median, 1), "anchor_median_ms": round(anchor_median, 1),
        "ratio": round(ours_median / anchor_median, 3), "load": load,
        "labels_and_arrows_settle_ms": settle,
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", default=None, help="folder of the GeoJSON layers")
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--json", default=None, help="also write the results here")
    args = parser.parse_args(argv)
    result = run(args.layers, args.steps)
    print(f"features on the map:        {result['features']} (from {result['start']})")
    print(f"atlas  median key->idle:    {result['atlas_median_ms']} ms")
    print(f"anchor median key->idle:    {result['anchor_median_ms']} ms (px animation_frame)")
    print(f"ratio atlas/anchor:         {result['ratio']} (goal <= 0.5)")
    print(
        f"first load:                 {result['load']['seconds']} s, "
        f"{result['load']['megabytes']} MB (goal <= 3 s, <= 3 MB)"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    ok = result["ratio"] <= 0.5 and result["load"]["seconds"] <= 3 and \
        result["load"]["megabytes"] <= 3  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
