"""Server-side images: one warm Chromium (kaleido's) for a whole batch of frames.

Kaleido 1.x starts Chromium through choreographer and renders each figure with
``Plotly.toImage`` in a fresh page. For a MapLibre map that costs about 3.5 s a frame here:
every image builds a new WebGL map and reads it back from SwiftShader. A batch renderer
instead keeps *one* tab of kaleido's browser open with the map plotted once, and per frame
only moves the date (through the app's own ``assets/atlas.js``) and takes a screenshot
(``Page.captureScreenshot``). The figure is plotted again only when the language or the
arguments change.

The Chromium is the system one: ``$FEA_CHROMIUM``, ``$BROWSER_PATH``, then ``chromium`` on
``$PATH`` (Debian's ``/usr/bin/chromium``). Choreographer starts it headless with
``--disable-gpu --enable-unsafe-swiftshader``: WebGL runs on SwiftShader, no GPU needed.
Kaleido's page loads plotly.js from the installed plotly package and no MathJax: the
browser makes no request beyond ``file://`` and ``data:``.

Usage::

    with FrameRenderer(1600, 900) as r:
        for day in days:
            png = r.frame(atlas, day, "en")
"""

from __future__ import annotations

import asyncio
import base64
import json
import shutil
import threading
from pathlib import Path

import plotly
import plotly.io as pio

from components.atlas.data import ROOT, Atlas
from components.export import profiles, render
from components.export.packs import scene_for_export
from geodata.settings import setting

JS_DIR = Path(__file__).resolve().parent / "js"
PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
#: The app's own scripts, in the order the page loads them (Dash serves assets by name).
#: The engine's scripts (``fea-1`` to ``fea-5``), in the order the page loads them; the Dash
#: page's own adapters (``fea-6`` on) stay out of the exports.
ATLAS_SCRIPTS = tuple(sorted(p for p in (ROOT / "assets").glob("fea-[1-5]-*.js")))
SCRIPTS = (JS_DIR / "file_worker_fix.js", *ATLAS_SCRIPTS, JS_DIR / "driver.js")


class RenderError(RuntimeError):
    """Chromium could not be started or a frame could not be drawn."""


def chromium_path() -> str | None:
    """The Chromium to use: ``$FEA_CHROMIUM``, ``$BROWSER_PATH``, else ``chromium`` on PATH.

    Examples
    --------
    >>> chromium_path() is None or Path(chromium_path()).name.startswith("chrom")
    True
    """
    for name in ("FEA_CHROMIUM", "BROWSER_PATH"):
        if value := setting(name):
            return value
    return shutil.which("chromium") or shutil.which("chromium-browser")


class FrameRenderer:
    """A warm Chromium tab that renders export figures to PNG or JPEG bytes.

    Parameters
    ----------
    width, height : int
        Image size in CSS pixels.
    scale : float
        Device pixel ratio: the image is ``width * scale`` x ``height * scale`` pixels.
    chromium : str, optional
        The browser binary (default :func:`chromium_path`).
    timeout : float
        Seconds one load or frame may take.
    """

    def __init__(self, width: int, height: int, scale: float = 1, chromium: str | None = None,
                 timeout: float = 120) -> None:  # fmt: skip
        self.width, self.height, self.scale = int(width), int(height), scale
        self.chromium = chromium or chromium_path()
        self.timeout = timeout
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido = None
        self._tab = None
        self._loaded_key = None
        self._scratch: Path | None = None

    # ------------------------------------------------------------------ lifecycle
    def __enter__(self) -> FrameRenderer:
        self.open()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def open(self) -> None:
        """Start the browser and its tab (once)."""
        if self._loop is not None:
            return
        if not self.chromium or not Path(self.chromium).is_file():
            raise RenderError(f"no Chromium found (got {self.chromium!r}); install Debian's "
                              "chromium or set FEA_CHROMIUM")  # fmt: skip
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True,
                                        name="fea-export-chromium")  # fmt: skip
        self._thread.start()
        try:
            self._run(self._open())
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Close the browser and stop the loop thread."""
        if self._loop is None:
            return
        try:
            if self._kaleido is not None:
                self._run(self._kaleido.close(), timeout=30)
        except Exception:  # noqa: BLE001 - closing is best effort
            pass
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
            self._loop.close()
            self._loop = self._thread = self._kaleido = self._tab = None
            self._loaded_key = None
            profiles.remove(self._scratch)
            self._scratch = None

    def _run(self, coro, timeout: float | None = None):
        future = asyncio.run_coroutine_threadsafe(coro, self._loop)
        return future.result(timeout or self.timeout)

    async def _open(self) -> None:
        import kaleido

        page = kaleido.PageGenerator(plotly=str(PLOTLY_JS), mathjax=False,
                                     others=[str(p) for p in SCRIPTS])  # fmt: skip
        # the page and the Chromium profile in one folder named as ours (components.export.
        # profiles), removed on close and, if we are killed, by the next export's start
        self._scratch = profiles.new_scratch()
        index = self._scratch / "index.html"
        index.write_text(page.generate_index(), encoding="utf-8")
        self._kaleido = kaleido.Kaleido(n=1, page_generator=str(index), path=self.chromium,
                                        timeout=self.timeout,
                                        tmp_dir=str(self._scratch))  # fmt: skip
        await self._kaleido.open()
        self._tab = (await self._kaleido.tabs_ready.get()).tab
        await self._send("Emulation.setDeviceMetricsOverride", {
            "width": self.width, "height": self.height, "deviceScaleFactor": self.scale,
            "mobile": False})  # fmt: skip

    async def _send(self, method: str, params: dict | None = None) -> dict:
        response = await self._tab.send_command(method, params=params or {})
        if "error" in response:
            raise RenderError(f"{method}: {response['error'].get('message', response['error'])}")
        return response.get("result", {})

    async def _eval(self, expression: str):
        result = await self._send("Runtime.evaluate", {
            "expression": expression, "awaitPromise": True, "returnByValue": True})  # fmt: skip
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            message = details.get("exception", {}).get("description") or details.get("text")
            raise RenderError(f"the page failed: {str(message).splitlines()[0]}")
        return result.get("result", {}).get("value")

    async def _capture(self, fmt: str) -> bytes:
        params = {"format": fmt, "captureBeyondViewport": False, "optimizeForSpeed": True,
                  "clip": {"x": 0, "y": 0, "width": self.width, "height": self.height,
                           "scale": 1}}  # fmt: skip
        if fmt == "jpeg":
            params["quality"] = 92
        return base64.b64decode((await self._send("Page.captureScreenshot", params))["data"])

    # ------------------------------------------------------------------ rendering
    def load(self, figure, scene: dict, day: int, lang: str, visible=None) -> None:
        """Plot ``figure`` (a Figure or dict) in the tab, mount the engine on it with
        ``scene`` and show ``day``. ``visible`` lists the layers shown (None: the defaults).
        """
        fig_json = pio.to_json(figure, validate=False, engine="json")
        scene_json = json.dumps(scene, ensure_ascii=False, separators=(",", ":"))
        self._run(self._eval(f"FEA_EXPORT.load({fig_json}, {scene_json}, {int(day)}, "
                             f"{json.dumps(lang)}, {json.dumps(visible)})"))  # fmt: skip

    def show_day(self, day: int, title: str | None = None) -> None:
        """Move the plotted map to ``day`` and set the title annotation's text."""
        self._run(self._eval(f"FEA_EXPORT.day({int(day)}, {json.dumps(title)})"))

    def capture(self, fmt: str = "png") -> bytes:
        """The tab as an image (``png`` or ``jpeg``) of ``width*scale`` x ``height*scale``."""
        return self._run(self._capture(fmt))

    def frame(self, atlas: Atlas, day: int, lang: str, fmt: str = "png", **figure_args) -> bytes:
        """One image of ``day``: plots the figure once, then only moves the date.

        ``figure_args`` go to :func:`components.export.render.export_figure`.
        """
        packs = list(figure_args.pop("packs", None) or [])  # the reader's imports, in the scene
        key = (lang, json.dumps(figure_args, sort_keys=True, default=str), [id(p) for p in packs])
        if key != self._loaded_key:
            fig = render.export_figure(atlas, day, lang, self.width, self.height, packs=packs,
                                       **figure_args)  # fmt: skip
            visible = figure_args.get("visible")
            self.load(
                fig,
                scene_for_export(render.export_scene(atlas), packs),
                day,
                lang,
                list(visible) if visible is not None else None,
            )
            self._loaded_key = key
        else:
            self.show_day(day, render.title_text(day, lang))
        return self.capture(fmt)
