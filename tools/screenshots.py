"""Screenshots of the page for docs/screenshots/: the views a teacher projects.

Usage: ``python tools/screenshots.py`` (serves the app on a free local port, drives Debian's
headless Chromium, writes the PNGs and prints their names).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app import create_app  # noqa: E402
from tests.browser.conftest import serve  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
#: (file name, query, viewport)
VIEWS = (
    ("1918-08-20-vladivostok-en", "date=1918-08-20&lang=en&view=131.9,43.8,6", (1280, 800)),
    ("1920-06-01-railway-en", "date=1920-06-01&lang=en&view=118,50,3.6", (1280, 800)),
    ("1938-08-06-khasan-zh", "date=1938-08-06&lang=zh&view=130.62,42.45,9", (1280, 800)),
    ("1939-08-20-khalkhin-gol-en", "date=1939-08-20&lang=en&view=118.6,47.75,9", (1280, 800)),
    ("1939-08-20-khalkhin-gol-zh", "date=1939-08-20&lang=zh&view=118.6,47.75,9", (1280, 800)),
    ("1939-08-20-khalkhin-gol-ja", "date=1939-08-20&lang=ja&view=118.6,47.75,9", (1280, 800)),
    ("phone-1918-09-20-en", "date=1918-09-20&lang=en&view=131,46,3.5", (390, 844)),
)


def main() -> int:
    from playwright.sync_api import sync_playwright

    url, server = serve(create_app())
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, query, (width, height) in VIEWS:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(f"{url}/?{query}")
                page.wait_for_function("() => window.FEA && FEA.page && FEA.page.map() &&"
                                       " FEA.page.map().loaded()", timeout=60000)  # fmt: skip
                page.wait_for_timeout(2500)
                page.screenshot(path=str(OUT / f"{name}.png"))
                page.close()
                print(OUT / f"{name}.png")
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
