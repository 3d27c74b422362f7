"""A handout's captions come from the page's own "On this day": the Python lines of a day are
the engine's (``active()``), text and order, in the standalone page with the real data."""

from __future__ import annotations

import pytest

from components.atlas.data import load_atlas
from components.atlas.timeline import day_number
from components.export.handout.content import on_this_day

from ..conftest import run_export

DAYS = ["1918-09-01", "1920-06-01", "1931-09-18", "1938-08-06", "1939-05-28", "1939-07-03",
        "1939-08-20"]  # fmt: skip


@pytest.fixture(scope="module")
def page_file(tmp_path_factory, needs_chromium):
    out = tmp_path_factory.mktemp("html") / "atlas.html"
    done = run_export("--html", str(out), "--date", "1939-08-20")
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_on_this_day_is_the_engines(page_file, browser, lang):
    atlas = load_atlas()
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(page_file.as_uri())
        page.wait_for_function("() => window.FEA && window.FEA.page", timeout=120_000)
        page.evaluate(f"() => window.FEA.page.setLang('{lang}')")
        for day in DAYS:
            lines = ".then(() => window.FEA.page.active().map(x => x.text))"
            engine = page.evaluate(f"() => window.FEA.page.setDay({day_number(day)}).idle(){lines}")
            ours = [x["text"] for x in on_this_day(atlas, day_number(day), lang)]
            assert ours == engine, day
            assert ours  # every one of these days has something on the map
    finally:
        page.close()
