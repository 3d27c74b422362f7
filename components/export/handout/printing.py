"""The handout's maps and its PDF, from the exports' one warm Chromium.

The maps are drawn by the batch frame renderer
(:class:`components.export.kaleido_batch.FrameRenderer`: kaleido's Chromium, through
choreographer, with the app's engine): the figure goes in once, each further map only moves
the date, and the map is restyled for paper first (:file:`print_style.js`: each route mode a
dash pattern). The maps carry no title, legend or attribution of their own: the sheet has
one of each. The sheet (:func:`components.export.handout.sheet.sheet_html`) is written with
the maps' PNGs into a temporary folder, opened in a new tab of the same browser from
``file://`` and printed with DevTools' ``Page.printToPDF``, the call kaleido itself prints
PDFs with. Nothing is fetched from another host.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from components.atlas.data import Atlas
from components.atlas.registry import MODES
from components.atlas.timeline import day_number
from components.export import render
from components.export.handout import view as views
from components.export.handout.dates import MAX_MAPS, MIN_MAPS
from components.export.handout.model import (
    HATCHES,
    MODE_DASHES,
    ORIENTATIONS,
    PAPERS,
    Handout,
    build_handout,
    page_layout,
)
from components.export.handout.sheet import sheet_html
from components.export.kaleido_batch import FrameRenderer, RenderError
from components.export.packs import scene_for_export

PRINT_STYLE = Path(__file__).with_name("print_style.js")
#: Seconds the sheet may take to load (its maps decoded, its fonts ready).
LOAD_TIMEOUT = 60


def print_modes() -> list[dict]:
    """The route modes' colours and dash patterns, as :file:`print_style.js` takes them.

    Examples
    --------
    >>> print_modes()[0]
    {'color': '#8e44ad', 'dash': [6.0, 2.0, 1.0, 2.0]}
    """
    return [{"color": color, "dash": [float(v) for v in MODE_DASHES[mode].split()]}
            for mode, (color, _width) in MODES.items()]  # fmt: skip


def print_scene(scene: dict, h: Handout) -> dict:
    """``scene`` with the nations' marker shapes of the handout (``h.shapes``): a shallow
    copy, the atlas' own scene is left as it is.

    Examples
    --------
    >>> scene = {"nations": {"MNG": {"color": "#3690c0", "shape": "circle"}}}
    >>> class H: shapes = {"MNG": "square"}
    >>> print_scene(scene, H)["nations"]["MNG"]["shape"], scene["nations"]["MNG"]["shape"]
    ('square', 'circle')
    """
    nations = {code: {**n, "shape": h.shapes.get(code, n["shape"])}
               for code, n in scene["nations"].items()}  # fmt: skip
    return {**scene, "nations": nations}


class HandoutRenderer(FrameRenderer):
    """The frame renderer, restyling its map for paper and printing a page to PDF.

    In software WebGL a repaint costs as many times more as the map has pixels: at 300 dpi
    (a device pixel ratio of about 2.2) five times one at 1x, and the map repaints many
    times while it loads and while a day is set. So the map is drawn at 1x until it has
    settled (:meth:`load`, the day's changes), and at ``scale`` (print resolution) once, for
    its screenshot: the page's pixel ratio is changed through DevTools and the map resized
    (MapLibre redraws the same view, its labels and markers being distance fields; the
    hatches' tiles are made for ``scale`` by :meth:`restyle`).
    """

    def __init__(self, width: int, height: int, scale: float = 1, chromium: str | None = None,
                 timeout: float = 120) -> None:  # fmt: skip
        super().__init__(width, height, 1, chromium, timeout)
        self.print_scale = scale

    def _ratio(self, scale: float) -> None:
        self._run(self._send("Emulation.setDeviceMetricsOverride", {
            "width": self.width, "height": self.height, "deviceScaleFactor": scale,
            "mobile": False}))  # fmt: skip

    def restyle(self) -> None:
        """Dash the routes by mode and hatch the borders' fills by sovereign on the plotted
        map (after :meth:`load`), then draw it once at print resolution, ready for a
        screenshot."""
        script = PRINT_STYLE.read_text(encoding="utf-8")
        self._run(self._eval(f"{script}\nFEA_HANDOUT.restyle({json.dumps(print_modes())}, "
                             f"{json.dumps(HATCHES)}, {self.print_scale})"))  # fmt: skip
        self._ratio(self.print_scale)
        self._run(self._eval("FEA_HANDOUT.resize(true)"))

    def show_print_day(self, day: int) -> None:
        """Move the map to ``day`` and the hatches to its borders at 1x, then draw it once at
        print resolution (the engine sets its borders' filter as the day is set, the hatches
        take it at once)."""
        self._ratio(1)
        self._run(self._eval(f"(() => {{ FEA_HANDOUT.resize(); "
                             f"const drawn = FEA_EXPORT.day({int(day)}, null); "
                             "FEA_HANDOUT.follow(); return drawn; })()"))  # fmt: skip
        self._ratio(self.print_scale)
        self._run(self._eval("FEA_HANDOUT.resize(true)"))

    def print_pdf(self, page: Path) -> bytes:
        """``page`` (an HTML file) printed to PDF at its CSS page size, in a new tab."""
        return self._run(self._print(page.resolve().as_uri()), timeout=LOAD_TIMEOUT + 60)

    async def _print(self, url: str) -> bytes:
        tab = await self._kaleido.create_tab("about:blank")
        try:
            await self._command(tab, "Page.navigate", {"url": url})
            ready = ("new Promise(r => { const go = () => document.fonts.ready.then(() => "
                     "Promise.all([...document.images].map(i => i.decode()))).then(() => "
                     "r(document.images.length)); document.readyState === 'complete' ? go() : "
                     "addEventListener('load', go); })")  # fmt: skip
            deadline = time.monotonic() + LOAD_TIMEOUT
            while True:  # the navigation may not have committed yet: ask until it has
                href = await self._evaluate(tab, "location.href")
                if href == url:
                    break
                if time.monotonic() > deadline:
                    raise RenderError(f"the handout page did not load ({href})")
                await asyncio.sleep(0.05)
            await self._evaluate(tab, ready)
            result = await self._command(tab, "Page.printToPDF", {
                "printBackground": True, "preferCSSPageSize": True, "displayHeaderFooter": False,
                "marginTop": 0, "marginBottom": 0, "marginLeft": 0, "marginRight": 0})  # fmt: skip
            return base64.b64decode(result["data"])
        finally:
            await self._kaleido.close_tab(tab.target_id)

    @staticmethod
    async def _command(tab, method: str, params: dict) -> dict:
        response = await tab.send_command(method, params=params)
        if "error" in response:
            raise RenderError(f"{method}: {response['error'].get('message', response['error'])}")
        return response.get("result", {})

    async def _evaluate(self, tab, expression: str):
        result = await self._command(tab, "Runtime.evaluate", {
            "expression": expression, "awaitPromise": True, "returnByValue": True})  # fmt: skip
        if "exceptionDetails" in result:
            raise RenderError(f"the handout page failed: {result['exceptionDetails'].get('text')}")
        return result.get("result", {}).get("value")


def first_map(atlas: Atlas, h: Handout) -> tuple:
    """The figure and the scene the maps of ``h`` are drawn from (plotted once, for the first
    map): the basemap and the borders cut down to the maps' view
    (:func:`~components.export.handout.view.clip_style`, :func:`~components.export.handout.
    view.clip_borders`), no annotation (the sheet has the title, the legend and the credits), the
    nations' print shapes and the reader's packs in the scene (``p1``, ``p2``… as the
    legend's)."""
    width, height = h.layout.render_px
    days = [day_number(p.date) for p in h.panels]
    area = views.bounds(h.view, width, height)
    detail = "hi" if h.view["zoom"] >= 5 else "lo"  # as export_figure picks it
    style = views.clip_style(render.offline_style(h.lang, detail), area)
    fig = render.export_figure(atlas, days[0], h.lang, width, height, view=h.view,
                               legend_days=days, style=style, packs=h.packs)  # fmt: skip
    fig.layout.annotations = []
    scene = print_scene(render.export_scene(atlas), h)
    scene = {**scene, "borders": views.clip_borders(scene.get("borders"), area)}
    return fig, scene_for_export(scene, list(h.packs))


def render_maps(renderer: HandoutRenderer, atlas: Atlas, h: Handout,
                on_map: Callable[[int], None] | None = None,
                first: tuple | None = None) -> list[bytes]:  # fmt: skip
    """The PNG of every map of ``h`` (``on_map(n)`` after each); ``first`` is
    :func:`first_map` of ``h`` when made already."""
    days = [day_number(p.date) for p in h.panels]
    maps = []
    for n, day in enumerate(days, 1):
        if n == 1:
            fig, scene = first or first_map(atlas, h)
            renderer.load(fig, scene, day, h.lang)
            renderer.restyle()
        else:
            renderer.show_print_day(day)
        maps.append(renderer.capture("png"))
        if on_map:
            on_map(n)
    return maps


def _start(renderer: HandoutRenderer) -> Future:
    # the browser starts in a thread of its own: seconds the caller spends making the
    # handout's model and its first figure meanwhile, on the machine's other core
    pool = ThreadPoolExecutor(1, thread_name_prefix="fea-handout-start")
    try:
        return pool.submit(renderer.open)
    finally:
        pool.shutdown(wait=False)


def handout_pdf(atlas: Atlas, h: Handout, on_map: Callable[[int], None] | None = None,
                chromium: str | None = None,
                started: tuple[HandoutRenderer, Future] | None = None) -> bytes:  # fmt: skip
    """The handout ``h`` as PDF bytes: its maps rendered, its sheet printed. Chromium
    starts while the first map's figure is made, unless ``started`` (by
    :func:`make_handout`: the renderer and its start) already; it is closed when done."""
    r, opening = started or (None, None)
    if r is None:
        r = HandoutRenderer(*h.layout.render_px, scale=h.layout.scale, chromium=chromium)
        opening = _start(r)
    try:
        try:
            first = first_map(atlas, h)
        finally:
            opening.result()  # raises what kept the browser from starting
        maps = render_maps(r, atlas, h, on_map, first)
        with tempfile.TemporaryDirectory(prefix="fea-handout-") as folder:
            names = []
            for n, png in enumerate(maps, 1):
                names.append(f"map-{n}.png")
                (Path(folder) / names[-1]).write_bytes(png)
            page = Path(folder) / "handout.html"
            page.write_text(sheet_html(h, names), encoding="utf-8")
            return r.print_pdf(page)
    finally:
        r.close()


def make_handout(atlas: Atlas, dates: list[str], lang: str = "en", paper: str = "a4",
                 orientation: str = "portrait", period_id: str | None = None,
                 packs: list[dict] = (), on_map: Callable[[int], None] | None = None,
                 chromium: str | None = None) -> tuple[Handout, bytes]:  # fmt: skip
    """The handout of ``dates`` (:func:`~components.export.handout.model.build_handout`'s
    arguments) and its PDF (:func:`handout_pdf`), Chromium starting first: the model is
    made while it starts."""
    count = len({day_number(d) for d in dates})
    if paper not in PAPERS or orientation not in ORIENTATIONS or not MIN_MAPS <= count <= MAX_MAPS:
        build_handout(atlas, dates, lang, paper, orientation, period_id, packs)  # says why
    layout = page_layout(paper, orientation, count)
    renderer = HandoutRenderer(*layout.render_px, scale=layout.scale, chromium=chromium)
    opening = _start(renderer)
    try:
        h = build_handout(atlas, dates, lang, paper, orientation, period_id, packs)
    except BaseException:
        with contextlib.suppress(Exception):
            opening.result()
        renderer.close()
        raise
    return h, handout_pdf(atlas, h, on_map, started=(renderer, opening))
