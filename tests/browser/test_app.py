"""The atlas in a real browser: load, deep link, keyboard, Play, click, language."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import PLACE_LABELS

pytestmark = pytest.mark.browser

UNITS = "() => FEA.page.drawn('deployments').map(f => [f.id, f.geometry.coordinates])"

BORDER_UNITS = """() => [...new Set(FEA.page.map().querySourceFeatures('atlas-borders')
                        .map(f => f.properties.unit))]"""


def test_page_loads_offline_without_console_errors(page, fixture_url):
    page.open(fixture_url)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", page.date())
    assert page.page.is_visible("#map canvas")
    assert page.page.locator("#time-slider [role=slider]").count() == 1
    loaded = page.page.evaluate("() => performance.getEntriesByType('resource').map(r => r.name)")
    assert any("/assets/vendor/plotly-map.min.js" in u for u in loaded)
    assert not any(u.split("?")[0].endswith("/plotly.min.js") for u in loaded)  # not the full one
    assert page.outside == [], page.outside
    assert page.errors == [], page.errors


def test_deep_link_restores_date_language_layers_and_view(page, fixture_url):
    page.open(f"{fixture_url}/?date=1939-08-20&lang=zh&layers=events,places&view=118.5,47.6,6")
    page.page.wait_for_function("document.getElementById('current-date').getAttribute('datetime')"
                                " === '1939-08-20'")  # fmt: skip
    page.settle()
    assert page.page.is_checked("#lang input[value=zh]")
    page.page.wait_for_function(f"() => ({PLACE_LABELS})().includes('哈尔滨')")
    shown = page.page.evaluate("() => FEA.page.graph._fullData.filter(t => t.visible === true)"
                               ".map(t => t.meta.layer)")  # fmt: skip
    assert sorted(set(shown)) == ["events", "places"]
    center = page.page.evaluate("() => FEA.page.map().getCenter().toArray()")
    assert center == pytest.approx([118.5, 47.6], abs=0.01)
    # Khalkhin Gol is happening on that day: its marker is drawn
    assert len(page.page.evaluate("() => FEA.page.drawn('events')")) == 1
    assert page.outside == [] and page.errors == [], (page.outside, page.errors)


def test_bad_parameters_are_ignored_with_a_notice(page, fixture_url):
    page.open(f"{fixture_url}/?date=1939-02-30&lang=xx&layers=places,bogus")
    notice = page.page.locator("#notice")
    notice.wait_for(state="visible")
    text = notice.text_content()
    assert "1939-02-30" in text and "xx" in text and "bogus" in text
    assert page.date() == "1918-08-20"
    assert page.errors == [], page.errors


def test_keyboard_steps_the_slider_and_moves_the_units(page, fixture_url):
    page.open(f"{fixture_url}/?date=1918-08-20")
    before = page.page.evaluate(UNITS)
    page.page.focus("#time-slider [role=slider]")
    page.page.keyboard.press("ArrowRight")
    page.page.wait_for_function("document.getElementById('current-date').getAttribute('datetime')"
                                " === '1918-08-21'")  # fmt: skip
    page.settle()
    after = page.page.evaluate(UNITS)
    assert before != after  # the US and Japanese units are on the move on that day
    page.page.keyboard.press("ArrowLeft")
    page.page.wait_for_function("document.getElementById('current-date').getAttribute('datetime')"
                                " === '1918-08-20'")  # fmt: skip
    page.settle()
    assert page.page.evaluate(UNITS) == before
    assert page.errors == [], page.errors


def test_play_advances_the_date(page, fixture_url):
    page.open(f"{fixture_url}/?date=1918-08-20")
    page.page.click("#play")
    page.page.wait_for_function("document.getElementById('current-date').getAttribute('datetime')"
                                " > '1918-09-01'", timeout=15000)  # fmt: skip
    page.page.click("#play")
    stopped = page.date()
    page.page.wait_for_timeout(800)
    assert page.date() == stopped
    assert page.errors == [], page.errors


def test_clicking_a_unit_shows_its_citation(page, fixture_url):
    page.open(f"{fixture_url}/?date=1919-06-01&layers=deployments&view=135.07,48.48,6")
    x, y = page.page.evaluate("""() => {
        const map = FEA.page.map(), box = map.getCanvas().getBoundingClientRect();
        const p = map.project([135.07, 48.48]);
        return [box.left + p.x + 7, box.top + p.y];  // on the unit's disc, off the place dot
    }""")
    for _attempt in range(3):  # a loaded machine may still be settling the map
        page.page.mouse.move(x - 30, y)
        page.page.mouse.move(x, y)
        page.page.wait_for_selector("#map .hovertext", timeout=5000)
        page.page.mouse.click(x, y)
        try:
            page.page.wait_for_selector("#details .quote", timeout=5000)
            break
        except Exception:  # noqa: BLE001 - try the click again
            page.settle()
    details = page.page.text_content("#details")
    assert "American Expeditionary Force, Siberia" in details
    assert "American troops reached Khabarovsk." in details
    assert "fixture.txt" in details
    assert page.errors == [], page.errors


def test_clicking_a_border_unit_shows_how_it_was_drawn(page, fixture_url):
    # the middle of Mongolia in 1939: no point of the fixture layers there
    page.open(f"{fixture_url}/?date=1939-08-20&view=103,46.5,5")
    page.page.wait_for_function(f"() => ({BORDER_UNITS})().includes('mongolia')")
    x, y = page.page.evaluate("""() => {
        const map = FEA.page.map(), box = map.getCanvas().getBoundingClientRect();
        const p = map.project([103, 46.5]);
        return [box.left + p.x, box.top + p.y];
    }""")
    page.page.mouse.move(x, y)
    page.page.mouse.click(x, y)
    page.page.wait_for_function("document.getElementById('details').textContent"
                                ".includes(\"Mongolian People's Republic\")")  # fmt: skip
    details = page.page.text_content("#details")
    assert "26 November 1924 – 31 December 1946" in details and "Approximate." in details
    assert "Borders approximate" in details
    # in Chinese too, on the language switch
    page.page.click("#lang input[value=zh]")
    page.page.wait_for_function("document.getElementById('details').textContent"
                                ".includes('蒙古人民共和国')")  # fmt: skip
    assert page.errors == [], page.errors


def test_switching_to_chinese_relabels_map_and_interface(page, fixture_url):
    page.open(fixture_url)
    page.page.click("#lang label:has-text('中文')")
    page.page.wait_for_function("document.getElementById('title').textContent === '远东地图集'")
    page.page.wait_for_function(f"() => ({PLACE_LABELS})().includes('海参崴')")
    page.settle()
    assert "伯力" in page.page.evaluate(PLACE_LABELS)
    assert page.page.text_content("#play").strip().endswith("播放")
    assert page.errors == [], page.errors


def test_borders_of_the_day_reload_when_the_slider_crosses_a_change(page, fixture_url):
    page.open(f"{fixture_url}/?date=1921-01-01")
    page.page.wait_for_function(f"() => ({BORDER_UNITS})().includes('fer')")
    # the page holds only the day's units: the FER is gone from the source itself in 1923
    page.page.evaluate("() => window.dash_clientside.set_props('time-slider',"
                       " {value: FEA_CORE.dayNumber('1923-01-01')})")  # fmt: skip
    page.page.wait_for_function("document.getElementById('current-date').getAttribute('datetime')"
                                " === '1923-01-01'")  # fmt: skip
    units = f"({BORDER_UNITS})()"
    page.page.wait_for_function(f"() => {units}.includes('russia') && !{units}.includes('fer')")
    assert page.outside == [] and page.errors == [], (page.outside, page.errors)
