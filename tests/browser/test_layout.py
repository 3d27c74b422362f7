"""The page's layout in a real browser: the phone layout, the projector mode, the language
of the document."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
LESSON = Path(__file__).resolve().parents[1] / "fixtures" / "imports" / "lesson.csv"

BOX = "s => { const r = document.querySelector(s).getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }"  # noqa: E501
FONT = "s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize)"
PLACES_FONT = """() => { const gd = FEA.page.graph;
  return gd._fullData.find(t => t.meta && t.meta.layer === 'places').textfont.size; }"""


def test_phone_layout_gives_the_map_the_whole_width(page, fixture_url):
    page.page.set_viewport_size({"width": 390, "height": 844})
    page.open(fixture_url)
    x, y, width, height = page.page.evaluate(BOX, "#map")
    assert width >= 0.9 * 390, width
    assert height >= 300 and y < 200, (y, height)  # on the first screen, under the header
    assert page.page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scroll
    canvas = page.page.evaluate(BOX, "#map canvas")
    assert canvas[2] >= 0.9 * 390, canvas  # the map itself, not only its box
    # the timeline is under the map, the panels under the timeline
    timeline, sidebar = (
        page.page.evaluate(BOX, ".timeline-bar"),
        page.page.evaluate(BOX, "#sidebar"),
    )
    assert y + height <= timeline[1] + 1 and timeline[1] + timeline[3] <= sidebar[1] + 1
    assert sidebar[2] >= 0.9 * 390
    assert page.errors == [], page.errors


def test_phone_map_keeps_its_height_when_a_notice_pushes_it_down(page, fixture_url):
    # the responsive graph's inline height: 100% followed the plot's size on a page of auto
    # height, so the map shrank when the borders' notice showed, its canvas over the timeline
    page.page.set_viewport_size({"width": 390, "height": 844})
    page.open(fixture_url)
    before = page.page.evaluate(BOX, "#map")
    page.page.evaluate("() => indexedDB.deleteDatabase('fea-imports')")
    page.page.set_input_files("#import-file", str(LESSON))  # a lesson of 1905
    page.page.wait_for_function("() => FEA.page.packs().length === 1", timeout=30000)
    page.settle(1500)
    page.page.evaluate("() => FEA.page.setDay(FEA_CORE.dayNumber('1905-03-10'))")
    page.page.wait_for_selector("#borders-note:not([hidden])")
    page.settle(800)
    x, y, width, height = page.page.evaluate(BOX, "#map")
    canvas = page.page.evaluate(BOX, "#map canvas")
    timeline = page.page.evaluate(BOX, ".timeline-bar")
    assert abs(height - before[3]) <= 1 and abs(canvas[3] - height) <= 1, (before, height, canvas)
    assert canvas[1] + canvas[3] <= timeline[1] + 1, (canvas, timeline)
    assert page.errors == [], page.errors


def test_desktop_layout_keeps_the_sidebar_beside_the_map(page, fixture_url):
    page.open(fixture_url)
    map_box, sidebar = page.page.evaluate(BOX, "#map"), page.page.evaluate(BOX, "#sidebar")
    assert map_box[2] > 800 and sidebar[0] >= map_box[0] + map_box[2] - 1
    assert page.page.evaluate("document.documentElement.scrollHeight") <= 800


def test_key_moments_are_visible_without_scrolling(page, fixture_url):
    page.open(fixture_url)
    sidebar = page.page.evaluate(BOX, "#sidebar")
    heading = page.page.evaluate(BOX, "#guide")
    title = page.page.evaluate(BOX, "#guide-body > div:not([hidden]) .guide-title")
    bottom = min(800, sidebar[1] + sidebar[3])  # the sidebar's own scroll: its visible part
    assert heading[1] + heading[3] <= bottom and title[1] + title[3] <= bottom, (heading, title)
    assert page.page.evaluate("document.getElementById('sidebar').scrollTop") == 0


def test_projector_mode_scales_text_and_map_labels_by_one_and_a_half(page, fixture_url):
    page.open(fixture_url)
    labels = page.page.evaluate("() => !!FEA.page.setLabelScale")
    heading, date = (
        page.page.evaluate(FONT, "#layers-heading"),
        page.page.evaluate(FONT, "#current-date"),
    )
    places = page.page.evaluate(PLACES_FONT) if labels else None
    page.page.click("#projector input")
    page.page.wait_for_function("document.documentElement.classList.contains('projector')")
    page.settle()
    assert page.page.evaluate(FONT, "#layers-heading") == pytest.approx(1.5 * heading)
    assert page.page.evaluate(FONT, "#current-date") == pytest.approx(1.5 * date)
    if labels:  # the engine's map labels (FEA.page.setLabelScale)
        page.page.wait_for_function(f"() => ({PLACES_FONT})() > {places}")
        assert page.page.evaluate(PLACES_FONT) == pytest.approx(1.5 * places)
    page.page.click("#projector input")
    page.page.wait_for_function("!document.documentElement.classList.contains('projector')")
    page.settle()
    assert page.page.evaluate(FONT, "#layers-heading") == pytest.approx(heading)
    if labels:
        page.page.wait_for_function(f"() => ({PLACES_FONT})() === {places}")
    assert page.errors == [], page.errors


def test_the_projector_toggle_speaks_the_chosen_language(page, fixture_url):
    page.open(fixture_url)
    page.page.click("#lang input[value=ja]")
    page.page.wait_for_function(
        "document.querySelector('#projector').textContent.includes('プロジェクター')"
    )
    assert page.page.text_content("#date-label") == "日付"


def test_the_document_language_follows_the_language_switch(page, fixture_url):
    page.open(fixture_url)
    assert page.page.evaluate("document.documentElement.lang") == "en"
    for lang in ("zh", "ja", "en"):
        page.page.click(f"#lang input[value={lang}]")
        page.page.wait_for_function(f"document.documentElement.lang === '{lang}'")
    assert page.errors == [], page.errors


def test_a_deep_link_sets_the_document_language(page, fixture_url):
    page.open(f"{fixture_url}/?lang=zh")
    page.page.wait_for_function("document.documentElement.lang === 'zh'", timeout=5000)


MOVING = """() => [...document.querySelectorAll('*')].filter(e => {
  const s = getComputedStyle(e);
  return s.transitionDuration.split(',').some(x => parseFloat(x) > 0) || s.animationName !== 'none';
}).map(e => e.tagName + ' ' + e.getAttribute('class'))"""


def test_reduced_motion_leaves_no_css_transition(page, fixture_url):
    page.open(fixture_url)
    assert page.page.evaluate(MOVING)  # Dash's slider thumb glides (0.15 s)...
    page.page.emulate_media(reduced_motion="reduce")
    assert page.page.evaluate(MOVING) == []  # ...but not for a reader who asks for less motion
