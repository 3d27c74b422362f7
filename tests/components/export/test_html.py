"""The standalone page: loads from file:// with no outside request, scrubs, switches language."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from components.atlas.data import load_atlas
from components.basemap.borders import border_feature, border_ids
from components.export.html import component_html, details_by_id, standalone_html
from tests.fixtures import FIXTURE_DIR

from .conftest import run_export

READY = (
    "() => window.FEA && FEA.page && FEA.page.map() && FEA.page.map().loaded()"
    " && /^\\d{4}-\\d{2}-\\d{2}$/"
    ".test(document.getElementById('current-date').getAttribute('datetime'))"
)


def test_page_holds_everything_and_names_no_host():
    page = standalone_html(load_atlas(FIXTURE_DIR), "zh")
    head = page.split("<body>")[0]
    assert '<html lang="zh">' in page and "Plotly" in head and "FEA_DATA" in page
    for scheme in ("http://", "https://"):
        # plotly.js names hosts in strings it never fetches here; nothing we add does
        assert scheme not in page.split("window.FEA_DATA")[1]


def test_details_are_rendered_for_every_feature_and_language():
    atlas = load_atlas(FIXTURE_DIR)
    details = details_by_id(atlas)
    assert set(details) == set(atlas.by_id) | set(border_ids())
    assert all(set(v) == {"en", "zh", "ja"} for v in details.values())
    assert '<blockquote class="quote">' in details["lake-khasan-battle"]["en"]
    assert "Far Eastern Republic" in details["fer@1920-04-06"]["en"]
    assert "远东共和国" in details["fer@1920-04-06"]["zh"]


def test_component_html_escapes_text_and_attributes():
    from dash import html

    out = component_html(html.P('say "<hi>"', title='a"b'))
    assert out == '<p title="a&quot;b">say "&lt;hi&gt;"</p>'


@pytest.fixture(scope="module")
def page_file(tmp_path_factory, needs_chromium):
    out = tmp_path_factory.mktemp("html") / "atlas.html"
    done = run_export("--html", str(out), "--date", "1939-08-20")
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.browser
def test_html_loads_offline_and_scrubs(page_file, browser):
    outside, errors = [], []

    def route(r):
        url = r.request.url
        host = urlparse(url).hostname or ""
        if url.startswith(("file:", "data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            outside.append(url)
            r.abort()

    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.route("**/*", route)
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(page_file.as_uri())
        page.wait_for_function(READY, timeout=60000)
        assert page.get_attribute("#current-date", "datetime") == "1939-08-20"
        assert page.is_visible("#map canvas")
        page.fill("#slider", "6800")  # 1918-08-15
        page.dispatch_event("#slider", "input")
        page.wait_for_function("document.getElementById('current-date').getAttribute('datetime')"
                               " === '1918-08-15'")  # fmt: skip
        page.click("#lang input[value=ja]")
        page.wait_for_function("document.getElementById('title').textContent"
                               " === '極東アトラス'")  # fmt: skip
        # a click on a border unit where no point is: its details, in Japanese
        page.wait_for_function("() => FEA.page.map().loaded()")
        unit = page.evaluate(
            "() => FEA.page.map().queryRenderedFeatures([40, 40],"
            " {layers: ['atlas-borders']})[0].properties.id"
        )
        box = page.locator("#map canvas.maplibregl-canvas").bounding_box()
        page.mouse.move(box["x"] + 40, box["y"] + 40)
        page.mouse.click(box["x"] + 40, box["y"] + 40)
        name = border_feature(unit)["properties"]["names"]["ja"]
        page.wait_for_function(f"document.getElementById('details').textContent.includes('{name}')")
        page.click("#play")
        page.wait_for_function("document.getElementById('current-date').getAttribute('datetime')"
                               " > '1918-09-01'", timeout=15000)  # fmt: skip
        page.click("#play")
        # the period jumps, "On this day" and the key moment of the date, as in the app
        page.click("#period-khasan")
        page.wait_for_function("document.getElementById('current-date').getAttribute('datetime')"
                               " === '1938-07-29'")  # fmt: skip
        page.wait_for_function("() => [...document.querySelectorAll('#on-this-day li')]"
                               ".some(li => li.textContent.includes('張鼓峰'))")  # fmt: skip
        assert "張鼓峰" in page.text_content("#guide-body")
    finally:
        page.close()
    assert outside == [], outside
    assert errors == [], errors
