"""Headless Chromium (Debian's) against the app served from a thread on a free port.

Every request to another host is aborted and counted; console errors are collected.
"""

from __future__ import annotations

import socket
import threading
from urllib.parse import urlparse

import pytest

#: The place labels Plotly draws now (a page's evaluate() returns them).
PLACE_LABELS = """() => {
  const gd = FEA.page.graph, map = FEA.page.map();
  const tr = gd._fullData.find(t => t.meta && t.meta.layer === 'places');
  return map.getSource('source-' + tr.uid + '-symbol').serialize().data.features
            .map(f => f.properties.text);
}"""
LOCAL = {"127.0.0.1", "localhost", "::1", "[::1]"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(app) -> tuple[str, object]:
    """Serve a Dash app from a daemon thread; return its URL and the server to shut down."""
    from werkzeug.serving import make_server

    port = free_port()
    server = make_server("127.0.0.1", port, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}", server


@pytest.fixture(scope="session")
def fixture_url():
    """The app on the hand-made fixture layers."""
    from app import create_app
    from tests.fixtures import FIXTURE_DIR

    url, server = serve(create_app(FIXTURE_DIR))
    yield url
    server.shutdown()


class Page:
    """A Playwright page that blocks and counts outside requests and collects errors.

    The tests' own probes (``wait_for_function`` with an expression) are evaluated as strings,
    which the app's CSP forbids (no ``unsafe-eval``), so a page bypasses the CSP unless
    ``csp`` is set: ``csp_page`` keeps it, for the tests of the page under its CSP.
    """

    def __init__(self, browser, csp: bool = False):
        self.page = browser.new_context(viewport={"width": 1280, "height": 800},
                                        bypass_csp=not csp).new_page()  # fmt: skip
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))

    def _route(self, route):
        host = urlparse(route.request.url).hostname or ""
        if host in LOCAL or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def _console(self, msg):
        if msg.type == "error" or "atlas" in msg.text:
            self.errors.append(msg.text)

    def open(self, url: str):
        """Go to ``url`` and wait until the map has drawn and the date is shown."""
        self.page.goto(url)
        self.page.wait_for_function(
            "() => window.FEA && FEA.page && FEA.page.map() && FEA.page.map().loaded()"
            " && /^\\d{4}-\\d{2}-\\d{2}$/"
            ".test(document.getElementById('current-date').getAttribute('datetime'))",
            timeout=30000,
        )
        self.settle()
        return self

    def settle(self, ms: int = 300):
        """Let callbacks and the map finish (waits for the map's idle state)."""
        self.page.wait_for_timeout(ms)
        self.page.wait_for_function(
            "() => !FEA.page.map().isMoving() && FEA.page.map().loaded()",
            timeout=15000,
        )

    def date(self) -> str:
        return self.page.get_attribute("#current-date", "datetime")

    def close(self):
        self.page.context.close()


@pytest.fixture
def page(browser):
    p = Page(browser)
    yield p
    p.close()


@pytest.fixture
def csp_page(browser):
    """A page under the app's Content Security Policy (probes must be functions)."""
    p = Page(browser, csp=True)
    yield p
    p.close()
