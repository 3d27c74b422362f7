"""Browser: the reader's own file on the atlas (issue 13).

A file is imported through the Import panel (POST /import), drawn like the atlas' own layers,
scrubbed, clicked (details made in the browser with the reader's source), kept through a
reload (IndexedDB), removed, and shared by link (POST /pack, then ``?pack=<hash>``). No
request leaves the machine, even for a pack naming remote images.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.conftest import serve
from tests.shared_formats import FORMATS

pytestmark = pytest.mark.browser
LESSON = Path(__file__).resolve().parents[1] / "fixtures" / "imports" / "lesson.csv"


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    """The app on the fixture layers, with a store of shared packs of its own."""
    from app import create_app
    from components.export.jobs import make_manager
    from tests.fixtures import FIXTURE_DIR

    manager = make_manager({"FEA_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))})
    address, server = serve(create_app(FIXTURE_DIR, manager=manager))
    yield address
    server.shutdown()


def imported(page, n: int = 1):
    page.page.wait_for_function(
        f"() => window.FEA_IMPORT && FEA_IMPORT.ready && FEA.page.packs().length === {n}",
        timeout=20000,
    )
    page.page.wait_for_timeout(300)  # the view fits the data: close views load finer coasts
    page.page.wait_for_function("() => !FEA.page.map().isMoving() && FEA.page.map().loaded()",
                                timeout=60000)  # fmt: skip


def drawn(page, layer: str | None = None) -> list[dict]:
    key = page.page.evaluate("() => FEA.page.packs()[0].key")
    out = page.page.evaluate("k => FEA.page.packDrawn(k)", key)
    return [d for d in out if layer is None or d["layer"] == layer]


def click_feature(page, lonlat):
    xy = page.page.evaluate(
        "ll => { const p = FEA.page.map().project(ll); return [p.x, p.y]; }", lonlat
    )
    box = page.page.locator("#map .maplibregl-canvas").bounding_box()
    page.page.mouse.click(box["x"] + xy[0], box["y"] + xy[1])


def test_import_scrub_click_reload_remove(browser, url):
    from tests.browser.conftest import Page

    page = Page(browser).open(url)
    try:
        page.page.evaluate("() => indexedDB.deleteDatabase('fea-imports')")
        page.page.set_input_files("#import-file", str(LESSON))
        imported(page)
        report = page.page.inner_text("#import-report")
        assert "lesson.csv: 4 imported, 1 skipped" in report
        assert "line 6, date: expected a month 1-12" in report
        # the slider widens to the pack's 1905, and the day moved into it
        slider_min = page.page.evaluate("() => FEA.page.scene.span.first")
        assert slider_min == "1905-01-01", slider_min
        assert page.page.get_attribute("#time-slider [role=slider]", "aria-valuemin") is not None
        # scrub: the regiment leaves Changchun on 20 February, is in Mukden by 8 March
        page.page.evaluate("() => FEA.page.setDay(FEA_CORE.dayNumber('1905-02-20'))")
        page.settle()
        assert drawn(page, "deployments")[0]["lonlat"] == [125.32, 43.82]
        page.page.evaluate("() => FEA.page.setDay(FEA_CORE.dayNumber('1905-03-08'))")
        page.settle(700)
        assert drawn(page, "deployments")[0]["lonlat"] == [123.43, 41.8]
        assert [d["phase"] for d in drawn(page, "events")] == [1]  # the battle ahead: faint
        active = page.page.evaluate("() => FEA.page.active().map(x => x.text)")
        assert "Our regiment · 2,500" in active and "Battle of Mukden" not in active
        page.page.wait_for_function(
            "() => document.getElementById('on-this-day').innerText.includes('Our regiment')"
        )
        page.page.evaluate("() => FEA.page.setDay(FEA_CORE.dayNumber('1905-03-10'))")
        page.settle(700)
        assert [(d["id"], d["phase"]) for d in drawn(page, "events")] == [("mukden", 2)]
        assert drawn(page, "deployments") == []  # the sources lose the regiment after 8 March
        page.page.wait_for_function(
            "() => document.getElementById('on-this-day').innerText.includes('Battle of Mukden')"
        )
        # a click on the event: its details, with the reader's source, made in the browser
        page.page.evaluate("() => FEA.page.setView({lon: 123.43, lat: 41.8, zoom: 6})")
        page.settle(600)
        page.page.evaluate("() => FEA.page.setLayers([])")  # nothing of the atlas on top
        page.settle()
        click_feature(page, [123.43, 41.8])
        page.page.wait_for_selector("#import-details:not([hidden])", timeout=10000)
        details = page.page.inner_text("#import-details")
        assert (
            "Battle of Mukden" in details
            and "The battle of Mukden ended on 10 March 1905." in details
        )
        assert "lesson.csv" in details and "10 March 1905" in details
        # the details follow the language: the Japanese name, the date as Japanese writes it
        page.page.evaluate("() => FEA.page.setLang('ja')")
        page.page.wait_for_function(
            "() => document.querySelector('#import-details .details-title').textContent"
            " === '奉天会戦'"
        )
        details = page.page.inner_text("#import-details")
        assert "1905年3月10日" in details and "注（利用者のもの）" in details, details
        page.page.evaluate("() => FEA.page.setLang('en')")
        page.page.wait_for_function(
            "() => document.querySelector('#import-details .details-title').textContent"
            " === 'Battle of Mukden'"
        )
        # the PNG of the view lists the pack in its legend and credits the reader's file
        shot = page.page.evaluate("""() => FEA.page.snapshot(1).then(r => {
            const c = r.canvas, w = FEA.page.map().getCanvas().clientWidth;
            const px = c.getContext('2d').getImageData(w, 0, c.width - w, c.height).data;
            let blue = 0;
            for (let i = 0; i < px.length; i += 4)
              if (px[i] === 0x15 && px[i + 1] === 0x65 && px[i + 2] === 0xc0) blue++;
            return {name: r.name, blue: blue,
                    credit: FEA_SNAPSHOT.credit(FEA.page.scene, 'en', FEA.page.packs())};
        })""")
        assert shot["name"].startswith("atlas-1905-03-10-en") and shot["blue"] > 40, shot
        assert shot["credit"].endswith("Source (yours): lesson.csv."), shot["credit"]
        # a reload keeps it (IndexedDB)
        page.page.reload()
        page.open(url)
        imported(page)
        assert page.page.locator("#import-list li").count() == 1
        assert "lesson.csv" in page.page.inner_text(
            "#import-list"
        ) or "lesson" in page.page.inner_text("#import-list")
        # its toggle hides it, and Remove takes it away
        page.page.click("#import-list .import-toggle")
        page.page.wait_for_function("() => FEA.page.packs()[0].hidden")
        page.page.click("#import-list .import-remove")
        page.page.wait_for_function("() => FEA.page.packs().length === 0")
        assert page.page.evaluate("() => FEA.page.scene.span.first") == "1917-01-01"
        assert page.outside == [] and page.errors == []
    finally:
        page.close()


def test_a_scrub_draws_only_what_is_current_and_redoes_nothing_unchanged(browser, url):
    """A step of a big pack costs one repaint (benchmarks/scrub_import.py): frames not current
    have no size (the GPU fills none of them), the atlas' labels and arrows are not set again
    when the day draws what the last one drew, and On this day reads the pack once a day."""
    from tests.browser.conftest import Page

    page = Page(browser).open(url)
    try:
        page.page.evaluate("() => indexedDB.deleteDatabase('fea-imports')")
        page.page.set_input_files("#import-file", str(LESSON))
        imported(page)
        page.page.evaluate("""() => {
            const m = FEA.page.map(), src = m.getSource('atlas-overlays'), D = FEA_PACKDATA;
            window.__count = {setData: 0, activeAt: 0};
            const setData = src.setData.bind(src), activeAt = D.activeAt;
            src.setData = d => { window.__count.setData++; return setData(d); };
            D.activeAt = function () {
              window.__count.activeAt++;
              return activeAt.apply(D, arguments);
            };
        }""")
        # 1905, before the atlas' own units: the labels and arrows stay as they are
        for day in ("1905-02-20", "1905-02-21", "1905-03-10"):
            page.page.evaluate(f"() => FEA.page.setDay(FEA_CORE.dayNumber('{day}'))")
            page.settle(700)
        counted = page.page.evaluate("() => window.__count")
        assert counted["setData"] == 0, counted
        before = counted["activeAt"]
        page.page.evaluate("() => [FEA.page.active(), FEA.page.active()]")
        assert page.page.evaluate("() => window.__count.activeAt") == before
        page.page.wait_for_function(
            "() => document.getElementById('on-this-day').innerText.includes('Battle of Mukden')"
        )
        # the layers of the atlas back: its units' labels set again, once
        page.page.evaluate("() => FEA.page.setDay(FEA_CORE.dayNumber('1920-06-01'))")
        page.settle(700)
        assert page.page.evaluate("() => window.__count.setData") == 1

        def points_near_mukden():  # 3 px from the battle's point: inside a circle of it only
            return page.page.evaluate("""() => {
                const m = FEA.page.map();
                const k = FEA.page.packs()[0].key.replace(/[^A-Za-z0-9_-]/g, '_');
                const p = m.project([123.43, 41.8]);
                return m.queryRenderedFeatures([p.x + 3, p.y], {layers: ['pack-' + k + '-points']})
                  .map(f => f.properties.l);
            }""")

        page.page.evaluate("() => FEA.page.setDay(FEA_CORE.dayNumber('1905-03-10'))")
        page.settle(700)
        assert points_near_mukden() == ["events"]
        # 20 February: the battle is weeks ahead, the regiment at Changchun: nothing there
        page.page.evaluate("() => FEA.page.setDay(FEA_CORE.dayNumber('1905-02-20'))")
        page.settle(700)
        assert points_near_mukden() == []
        assert page.outside == [] and page.errors == []
    finally:
        page.close()


def test_share_by_link_opens_it_elsewhere_and_the_delete_link_deletes_it(browser, url):
    from tests.browser.conftest import Page

    page = Page(browser).open(url)
    try:
        page.page.evaluate("() => indexedDB.deleteDatabase('fea-imports')")
        page.page.set_input_files("#import-file", str(LESSON))
        imported(page)
        page.page.click("#import-list .import-share")
        page.page.wait_for_selector("#import-list .import-share-url", timeout=10000)
        link = page.page.input_value("#import-list .import-share-url")
        delete = page.page.input_value("#import-list .import-delete-url")
        assert "?pack=" in link and "/delete?token=" in delete
    finally:
        page.close()
    # another reader (a fresh browser context: no IndexedDB of the first) opens the link
    context = browser.new_context()
    try:
        other = Page.__new__(Page)
        other.page, other.outside, other.errors = context.new_page(), [], []
        other.page.route("**/*", other._route)
        other.page.on("console", other._console)
        other.open(link)
        imported(other)
        names = other.page.inner_text("#import-list")
        assert "lesson" in names
        assert "pack=" not in other.page.url  # taken off the address once kept
        # the delete link: a page to confirm, then gone
        other.page.goto(delete)
        other.page.click("button")
        assert json.loads(other.page.inner_text("body"))["deleted"] in link
        assert other.outside == [] and other.errors == []
    finally:
        context.close()


STORY = LESSON.with_name("hostile-story.json")
HOSTILE = (
    '<img src="http://example.com/x.png" onerror="window.__pwned = 1">'
    "<script>window.__pwned = 2</script>"
)


def test_a_storymaps_script_and_onerror_do_nothing_and_nothing_is_fetched_from_outside(
    browser, url
):
    from tests.browser.conftest import Page

    page = Page(browser).open(url)
    try:
        page.page.evaluate("() => indexedDB.deleteDatabase('fea-imports')")
        page.page.set_input_files("#import-file", str(STORY))
        imported(page)
        page.page.click("#import-list .import-stop")  # the tour's one stop: its day, place, text
        page.page.wait_for_selector("#import-details:not([hidden])")
        assert page.date() == "1918-08-03"
        assert "Troops land." in page.page.inner_text("#import-details")
        page.settle(500)
        assert page.page.evaluate("() => window.__pwned") is None
        assert page.page.locator("#import-panel img, #import-panel script").count() == 0
        assert page.outside == [] and page.errors == []
    finally:
        page.close()


def test_a_hostile_pack_shared_by_curl_is_shown_as_text(browser, url):
    """A pack posted to /pack without the importer (HTML in its names, notes and links) is
    text on the page: no element made of it, no script run, no outside request."""
    import urllib.request

    from tests.browser.conftest import Page

    pack = {"type": "FeatureCollection", "pack": 1, "name": HOSTILE, "file": "x.json",
            "span": {"start": "1918-08-03", "end": "1918-08-03"}, "tour": [], "features": [
                {"type": "Feature", "geometry": {"type": "Point", "coordinates": [131.89, 43.12]},
                 "properties": {"id": "x", "layer": "events", "start": "1918-08-03",
                                "end": "1918-08-03", "precision": "day", "names": {"en": HOSTILE},
                                "note": HOSTILE, "links": ["javascript:window.__pwned=3"],
                                "source": [{"document": HOSTILE, "quote": HOSTILE,
                                            "row": 1}]}}]}  # fmt: skip
    request = urllib.request.Request(f"{url}/pack", data=json.dumps(pack).encode(),
                                     headers={"Content-Type": "application/json"})  # fmt: skip
    with urllib.request.urlopen(request) as response:
        link = json.loads(response.read())["url"]
    page = Page(browser).open(link)
    try:
        imported(page)
        page.page.evaluate("() => FEA.page.setDay(FEA_CORE.dayNumber('1918-08-03'))")
        page.page.evaluate("() => FEA.page.setView({lon: 131.89, lat: 43.12, zoom: 5})")
        page.settle(600)
        page.page.evaluate("() => FEA.page.setLayers([])")
        page.settle()
        click_feature(page, [131.89, 43.12])
        page.page.wait_for_selector("#import-details:not([hidden])")
        assert HOSTILE in page.page.inner_text("#import-details")
        assert HOSTILE in page.page.inner_text("#import-list")
        page.settle(500)
        assert page.page.evaluate("() => window.__pwned") is None
        assert (
            page.page.locator(
                "#import-panel img, #import-panel script, #import-panel a[href^=javascript]"
            ).count()
            == 0
        )
        assert page.outside == [] and page.errors == []
    finally:
        page.close()


KATRINA = FORMATS / "storymapjs" / "katrina.json"


def test_a_story_outside_the_atlas_extent_gets_the_world_land_loaded_then_only(browser, url):
    from tests.browser.conftest import Page

    page = Page(browser)
    requested = []
    page.page.on("request", lambda r: requested.append(r.url))
    page.open(url)
    try:
        page.page.evaluate("() => indexedDB.deleteDatabase('fea-imports')")
        assert not any("world_land" in u for u in requested)  # the first load stays as it is
        page.page.set_input_files("#import-file", str(KATRINA))
        imported(page)
        assert any(u.endswith("/basemap/world_land.geojson") for u in requested)
        assert page.page.evaluate("() => !!FEA.page.map().getSource('fea-world-land')")
        view = page.page.evaluate("() => FEA.page.getState().view")
        assert -100 < view["lon"] < -70 and 20 < view["lat"] < 35, view  # the Gulf of Mexico
        assert page.outside == [] and page.errors == []  # its media named on the web: not loaded
    finally:
        page.close()
