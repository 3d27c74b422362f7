"""The engine's defects of issue 9, each in a real browser: deep links on a slow laptop, fast
keys, what a click picks, the end of the span, bad layer lists, Japanese names, key moments."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.browser.conftest import PLACE_LABELS, serve
from tests.fixtures import FIXTURE_DIR

pytestmark = pytest.mark.browser

DATE = "document.getElementById('current-date').getAttribute('datetime')"
SHOWN = "() => FEA.page.graph._fullData.filter(t => t.visible === true).map(t => t.meta.layer)"
#: Where a lon/lat is on the page, in CSS pixels.
AT = """([lon, lat]) => {
  const map = FEA.page.map(), box = map.getCanvas().getBoundingClientRect();
  const p = map.project([lon, lat]);
  return [box.left + p.x, box.top + p.y];
}"""


def test_deep_links_restore_everything_on_a_slow_laptop(page, fixture_url):
    """Eight links in a row with the CPU slowed 4x and a 250 ms network: each restores the
    date, the language of the map labels, the layers and the view, from the first drawing."""
    cdp = page.page.context.new_cdp_session(page.page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 250,
             "downloadThroughput": -1, "uploadThroughput": -1})  # fmt: skip
    links = [
        ("1939-08-20", "zh", ["events", "places"], (118.5, 47.6, 6), "哈尔滨"),
        ("1918-08-20", "ja", ["deployments", "places"], (131.9, 43.1, 5), "ウラジオストク"),
        ("1938-07-30", "en", ["places", "routes"], (130.6, 42.5, 7), "Harbin"),
        ("1920-01-15", "zh", ["places"], (135.0, 48.4, 4.5), "伯力"),
        ("1937-11-01", "ja", ["places", "routes", "borders"], (90.0, 42.0, 3.2), "ハバロフスク"),
        ("1919-06-01", "en", ["places", "deployments", "events"], (127.0, 46.0, 5.5), "Khabarovsk"),
        ("1941-01-01", "zh", ["places", "shipments"], (100.0, 40.0, 3.0), "兰州"),
        ("1922-10-25", "ja", ["places"], (126.6, 45.7, 6.5), "ハルビン"),
    ]  # fmt: skip
    for date, lang, layers, (lon, lat, zoom), label in links:
        page.open(f"{fixture_url}/?date={date}&lang={lang}&layers={','.join(layers)}"
                  f"&view={lon},{lat},{zoom}")  # fmt: skip
        page.page.wait_for_function(f"{DATE} === '{date}'")
        page.page.wait_for_function(f"() => ({PLACE_LABELS})().includes('{label}')")
        page.settle()
        assert page.page.is_checked(f"#lang input[value={lang}]")
        assert sorted(page.page.evaluate("() => FEA.page.getState().layers")) == sorted(layers)
        drawn_by_plotly = [name for name in layers if name != "borders"]
        assert sorted(set(page.page.evaluate(SHOWN))) == sorted(drawn_by_plotly)
        center = page.page.evaluate("() => FEA.page.map().getCenter().toArray()")
        assert center == pytest.approx([lon, lat], abs=0.01), (date, center)
        assert page.page.evaluate("() => FEA.page.map().getZoom()") == pytest.approx(zoom, abs=0.01)
    assert page.outside == [] and page.errors == [], (page.outside, page.errors)


def test_every_key_press_moves_one_day_however_fast(page, fixture_url):
    page.open(f"{fixture_url}/?date=1918-08-20")
    page.page.focus("#time-slider [role=slider]")
    for _ in range(20):  # back-to-back, no waiting between presses
        page.page.keyboard.press("ArrowRight")
    page.page.wait_for_function(f"{DATE} === '1918-09-09'")
    # a held key repeats: one day per repeat
    page.page.evaluate("""() => { const t = document.querySelector('#time-slider [role=slider]');
      for (let i = 0; i < 5; i++) t.dispatchEvent(new KeyboardEvent('keydown',
        {key: 'ArrowRight', repeat: i > 0, bubbles: true, cancelable: true})); }""")
    page.page.wait_for_function(f"{DATE} === '1918-09-14'")
    page.page.keyboard.press("PageUp")
    page.page.wait_for_function(f"{DATE} === '1918-10-14'")
    page.page.keyboard.press("PageDown")
    page.page.keyboard.press("ArrowLeft")
    page.page.wait_for_function(f"{DATE} === '1918-09-13'")
    thumb = page.page.locator("#time-slider [role=slider]")
    valuetext = (
        "document.querySelector('#time-slider [role=slider]').getAttribute('aria-valuetext')"
    )
    page.page.wait_for_function(f"{valuetext} === '13 September 1918'")
    page.page.keyboard.press("Home")
    page.page.wait_for_function(f"{DATE} === '1917-01-01'")
    page.page.keyboard.press("End")
    page.page.wait_for_function(f"{DATE} === '1946-12-31'")
    page.page.keyboard.press("Home")
    page.page.click("#lang input[value=zh]")
    page.page.wait_for_function(f"{valuetext} === '1917年1月1日'")
    thumb.focus()
    page.page.keyboard.press(" ")  # Space plays
    page.page.wait_for_function(f"{DATE} > '1917-02-01'", timeout=15000)
    page.page.keyboard.press(" ")  # and pauses
    stopped = page.date()
    page.page.wait_for_timeout(800)
    assert page.date() == stopped
    assert page.errors == [], page.errors


def test_a_click_on_a_unit_standing_on_a_place_picks_the_unit(page, fixture_url):
    # 1919-06-01: the American force stands on Khabarovsk's dot
    page.open(f"{fixture_url}/?date=1919-06-01&view=135.07,48.48,6")
    x, y = page.page.evaluate(AT, [135.07, 48.48])
    page.page.mouse.move(x, y)
    page.page.mouse.click(x, y)
    page.page.wait_for_selector("#details .details-title")
    title = page.page.text_content("#details .details-title")
    assert title == "American Expeditionary Force, Siberia", title
    assert page.errors == [], page.errors


def test_a_route_is_picked_anywhere_along_its_length(page, fixture_url):
    page.open(f"{fixture_url}/?date=1919-06-01&layers=routes&view=133.5,45.8,5")
    (x0, y0), (x1, y1) = (page.page.evaluate(AT, p) for p in ([131.88, 43.12], [135.07, 48.48]))
    x, y = (x0 + x1) / 2, (y0 + y1) / 2  # the middle of the line, far from its corners
    page.page.mouse.move(x, y)
    page.page.mouse.click(x, y)
    page.page.wait_for_function("document.getElementById('details').textContent"
                                ".includes('Ussuri')")  # fmt: skip
    assert page.errors == [], page.errors


def test_the_last_year_of_the_span_has_its_borders(page, fixture_url):
    answers = []
    page.page.on("response", lambda r: answers.append((r.url, r.status))
                 if "/borders-at/" in r.url else None)  # fmt: skip
    page.open(f"{fixture_url}/?date=1946-06-01")
    assert page.date() == "1946-06-01"
    page.page.wait_for_function("() => FEA.page.map().querySourceFeatures('atlas-borders')"
                                ".length > 0")  # fmt: skip
    assert answers and all(status == 200 for _, status in answers), answers
    assert page.page.is_hidden("#borders-note")
    assert page.errors == [], page.errors


def test_a_bad_layer_list_keeps_the_defaults_and_each_notice_stands_alone(page, fixture_url):
    page.open(f"{fixture_url}/?layers=nonsense&lang=xx&zoom=3")
    page.page.locator("#notice").wait_for(state="visible")
    lines = page.page.locator("#notice p").all_text_contents()
    assert len(lines) == 3, lines
    assert any("nonsense" in line for line in lines) and any("xx" in line for line in lines)
    defaults = ["borders", "deployments", "events", "places", "routes", "shipments"]
    assert sorted(page.page.evaluate("() => FEA.page.getState().layers")) == defaults
    assert sorted(page.page.locator("#layer-toggles input:checked").evaluate_all(
        "els => els.map(e => e.value)")) == defaults  # fmt: skip
    assert page.errors == [], page.errors


def edited_app(tmp_path, layer: str, edit):
    """Serve the fixture layers with ``edit(collection)`` applied to one layer's file."""
    folder = tmp_path / "layers"
    shutil.copytree(FIXTURE_DIR, folder)
    path = folder / f"{layer}.geojson"
    collection = json.loads(path.read_text(encoding="utf-8"))
    edit(collection)
    path.write_text(json.dumps(collection), encoding="utf-8")
    from app import create_app

    return serve(create_app(folder))


@pytest.fixture
def otpor_url(tmp_path):
    """The fixture layers and one place with no Japanese name (Otpor, 奥特波尔)."""

    def add_otpor(places):
        otpor = json.loads(json.dumps(places["features"][0]))
        otpor["properties"].update(id="otpor", names={"en": "Otpor", "zh": "奥特波尔"})
        otpor["geometry"]["coordinates"] = [117.65, 49.58]
        places["features"].append(otpor)

    url, server = edited_app(tmp_path, "places", add_otpor)
    yield url
    server.shutdown()


@pytest.fixture
def gap_url(tmp_path):
    """The fixture layers, with the American force lost by the sources after 1918-08-20."""

    def lose_it(deployments):
        first = next(f for f in deployments["features"] if f["properties"]["id"] == "us-aef--0")
        first["properties"].update(end="1918-08-20", gap_after=True)

    url, server = edited_app(tmp_path, "deployments", lose_it)
    yield url
    server.shutdown()


def test_a_unit_whose_position_is_unknown_is_not_drawn(page, gap_url):
    drawn = "() => FEA.page.drawn('deployments').length"
    page.open(f"{gap_url}/?date=1918-08-20")
    assert page.page.evaluate(drawn) == 2  # both units
    page.open(f"{gap_url}/?date=1918-08-25")
    assert page.page.evaluate(drawn) == 1  # the Japanese only: no invented march
    page.open(f"{gap_url}/?date=1918-09-02")
    assert page.page.evaluate(drawn) == 2  # found again at Khabarovsk
    assert page.errors == [], page.errors


def test_japanese_labels_never_fall_back_to_chinese(page, otpor_url):
    page.open(f"{otpor_url}/?lang=ja&view=117.6,49.6,5")
    page.page.wait_for_function(f"() => ({PLACE_LABELS})().includes('Otpor')")
    labels = page.page.evaluate(PLACE_LABELS)
    assert "奥特波尔" not in labels and "ウラジオストク" in labels
    assert page.errors == [], page.errors


@pytest.mark.parametrize("date, shown", [("1938-08-01", "2 / 3 · 29 July 1938"),
                                         ("1917-02-01", "1 / 3 · 15 August 1918"),
                                         ("1946-01-01", "3 / 3 · 11 May 1939")])  # fmt: skip
def test_the_key_moment_shown_is_the_last_at_or_before_the_date(page, fixture_url, date, shown):
    page.open(f"{fixture_url}/?date={date}")
    visible = "() => [...document.querySelectorAll('#guide-body > div')].filter(d => !d.hidden)"
    page.page.wait_for_function(
        f"() => ({visible})().length === 1 && ({visible})()[0]"
        f".querySelector('.guide-count').textContent === '{shown}'"
    )
    page.page.click("#guide-next")
    assert page.errors == [], page.errors


@pytest.fixture
def renamed_url(tmp_path):
    """The fixture layers and Petrograd, renamed Leningrad on 1924-01-26."""
    from geodata.names import renamings

    def add_petrograd(places):
        city = json.loads(json.dumps(places["features"][0]))
        city["properties"].update(
            id="petrograd",
            names={"en": "Petrograd", "zh": "彼得格勒", "ja": "ペトログラード"},
            name_periods=renamings()["petrograd"],
        )
        city["geometry"]["coordinates"] = [30.31, 59.94]
        places["features"].append(city)

    url, server = edited_app(tmp_path, "places", add_petrograd)
    yield url
    server.shutdown()


@pytest.mark.parametrize(
    "lang, before, after",
    [("en", "Petrograd", "Leningrad"), ("ja", "ペトログラード", "レニングラード")],
)
def test_a_place_is_named_as_it_was_on_the_date(page, renamed_url, lang, before, after):
    page.open(f"{renamed_url}/?date=1924-01-25&lang={lang}&view=30.3,59.9,5")
    page.page.wait_for_function(f"() => ({PLACE_LABELS})().includes('{before}')")
    page.page.focus("#time-slider [role=slider]")
    page.page.keyboard.press("ArrowRight")
    page.page.wait_for_function(f"{DATE} === '1924-01-26'")
    page.page.wait_for_function(f"() => ({PLACE_LABELS})().includes('{after}')")
    assert before not in page.page.evaluate(PLACE_LABELS)
    assert page.errors == [], page.errors


def test_units_carry_labels_and_a_moving_unit_an_arrow(page, fixture_url):
    # 1918-08-20: the American force is on its way from Vladivostok to Khabarovsk
    page.open(f"{fixture_url}/?date=1918-08-20&view=133,45.5,5")
    labels = page.page.evaluate("() => FEA.page.overlay('labels').map(f => f.properties.t)")
    assert "US AEF 3,000" in labels, labels  # its cited short name and strength of the day
    legs = page.page.evaluate("() => FEA.page.overlay('legs').map(f => f.geometry.coordinates)")
    assert [135.07, 48.48] in [leg[-1] for leg in legs]  # the leg ends where it is going
    # the sources say it is an advance: drawn solid, as the legend's "advance" row shows
    moves = page.page.evaluate(
        "() => FEA.page.overlay('legs').map(f => [f.geometry.coordinates[1], f.properties.m])"
    )
    assert [[135.07, 48.48], "advance"] in moves, moves  # the Japanese leg's kind is not given
    assert [m for _end, m in moves if _end != [135.07, 48.48]] == ["none"], moves
    dash = page.page.evaluate(
        "() => FEA.page.map().getPaintProperty('atlas-legs', 'line-dasharray')"
    )
    assert ["literal", [1, 0]] in [dash[i + 1] for i, v in enumerate(dash) if v == "advance"]
    heads = page.page.evaluate("() => FEA.page.overlay('heads').map(f => f.properties.b)")
    assert any(0 < b < 90 for b in heads), heads  # north-east, towards Khabarovsk
    rendered = "() => FEA.page.map().queryRenderedFeatures({layers: ['atlas-unit-labels']}).length"
    page.page.wait_for_function(f"() => ({rendered})() > 0")
    assert page.errors == [], page.errors


def test_on_this_day_follows_the_slider_and_opens_details(page, fixture_url):
    lines = "() => [...document.querySelectorAll('#on-this-day li')].map(li => li.textContent)"
    page.open(f"{fixture_url}/?date=1918-08-20")
    page.page.wait_for_function(f"() => ({lines})().some(t => t.startsWith('US AEF'))")
    assert not any("Khasan" in t for t in page.page.evaluate(lines))
    page.page.evaluate("() => FEA.page.setDay(FEA_CORE.dayNumber('1938-08-01'))")
    page.page.wait_for_function(f"() => ({lines})().some(t => t.includes('Khasan'))")
    assert not any(t.startswith("US AEF") for t in page.page.evaluate(lines))
    page.page.click("#on-this-day button:has-text('Khasan')")
    page.page.wait_for_function("document.getElementById('details').textContent"
                                ".includes('Battle of Lake Khasan')")  # fmt: skip
    assert page.errors == [], page.errors


def test_the_key_moments_play_as_a_guided_tour(page, fixture_url):
    """The Tour button goes through the key moments one after another, each for the scene's
    tour_ms; pressed again it stops, and any other move of the date ends it too."""
    page.open(f"{fixture_url}/?date=1917-03-01&lang=zh")
    tour = page.page.locator("#guide-tour")
    assert tour.get_attribute("aria-pressed") == "false" and "导览" in tour.text_content()
    tour.click()
    page.page.wait_for_function(f"{DATE} === '1918-08-15'")  # the first moment
    assert tour.get_attribute("aria-pressed") == "true" and "停止" in tour.text_content()
    page.page.wait_for_function(f"{DATE} === '1938-07-29'", timeout=20000)  # then the next
    view = page.page.evaluate("() => FEA.page.getState().view")
    assert abs(view["lon"] - 130.6) < 1 and abs(view["lat"] - 42.5) < 1, view  # at Lake Khasan
    tour.click()  # stop (on a slow machine the tour may have gone on to the third moment)
    page.page.wait_for_function("document.getElementById('guide-tour').ariaPressed === 'false'")
    stopped = page.date()
    assert stopped in ("1938-07-29", "1939-05-11")
    page.page.wait_for_timeout(10000)
    assert page.date() == stopped
    # started again, a step of the slider ends it
    tour.click()
    page.page.wait_for_function("document.getElementById('guide-tour').ariaPressed === 'true'")
    page.page.click("#step-forward")
    page.page.wait_for_function("document.getElementById('guide-tour').ariaPressed === 'false'")
    assert page.errors == [], page.errors
