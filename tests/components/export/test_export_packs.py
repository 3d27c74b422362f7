"""``python app.py export --pack PACK``: the reader's imported pack in PNG and HTML exports."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from PIL import Image

from components.atlas.packs import pack_view
from components.export.cli import build_parser, check_args, main
from geodata.imports import import_file
from tests.shared_formats import FORMATS

from .conftest import ROOT, run_export

LESSON = ROOT / "tests" / "fixtures" / "imports" / "lesson.csv"
BLUE = (0x15, 0x65, 0xC0)  # the first pack's colour (assets/fea-3-packdata.js COLORS)
KATRINA = FORMATS / "storymapjs" / "katrina.json"  # the Gulf of Mexico: outside the extent
LAND, SEA = (0xE9, 0xE2, 0xCF), (0xBC, 0xD6, 0xE6)  # the world land's fill, the sea's colour
HOSTILE = '<img src=x onerror="window.owned=1">'


@pytest.fixture(scope="module")
def pack_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("pack") / "lesson.pack.geojson"
    path.write_text(json.dumps(import_file(LESSON).pack), encoding="utf-8")
    return path


def test_a_date_of_the_pack_before_the_atlas_is_taken_with_it_only(pack_file, tmp_path, capsys):
    assert main(["export", "--date", "1905-03-08", "--out", str(tmp_path / "a.png")]) == 2
    assert "outside the atlas" in capsys.readouterr().err
    args = ["--date", "1905-03-08", "--pack", str(pack_file), "--out", str(tmp_path / "a.png")]
    job = check_args(build_parser().parse_args(args))
    assert job.days and job.packs[0]["file"] == "lesson.csv"


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "not a JSON pack"),
    ('{"type": "FeatureCollection", "pack": 1, "features": [{"properties": {}}]}',
     "feature 1: expected 'layer'"),
])  # fmt: skip
def test_a_bad_pack_is_refused_naming_the_file(tmp_path, capsys, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    code = main(
        ["export", "--date", "1939-08-20", "--pack", str(bad), "--out", str(tmp_path / "a.png")]
    )
    err = capsys.readouterr().err
    assert code == 2 and f"--pack {bad}: {message}" in err and not (tmp_path / "a.png").exists()


def test_the_png_draws_the_pack(needs_chromium, pack_file, tmp_path):
    out = tmp_path / "regiment.png"
    done = run_export("--date", "1905-03-08", "--pack", str(pack_file), "--out", str(out),
                      "--width", "800", "--height", "500")  # fmt: skip
    assert done.returncode == 0, done.stderr
    pixels = np.asarray(Image.open(out).convert("RGB"), dtype=int)
    blue = int((np.abs(pixels - BLUE).sum(axis=2) < 40).sum())
    assert blue > 40, blue  # the regiment (3,000 men) and its label, in the pack's colour


def test_the_standalone_page_carries_the_pack_as_data(pack_file, tmp_path):
    out = tmp_path / "page.html"
    assert main(["export", "--html", str(out), "--pack", str(pack_file)]) == 0
    page = out.read_text(encoding="utf-8")
    data = json.loads(page.split("window.FEA_DATA = ", 1)[1].split(";</script>", 1)[0])
    assert data["scene"]["packs"][0]["pack"]["file"] == "lesson.csv"
    assert data["scene"]["span"]["first"] == "1905-01-01"


@pytest.fixture(scope="module")
def katrina_file(tmp_path_factory):
    if not KATRINA.is_file():
        pytest.skip(f"no {KATRINA}")
    path = tmp_path_factory.mktemp("katrina") / "katrina.pack.json"
    path.write_text(json.dumps(import_file(KATRINA).pack), encoding="utf-8")
    return path


def _pixel(view: dict, lon: float, lat: float, width: int, height: int) -> tuple[int, int]:
    """Where web Mercator at ``view`` (MapLibre's 512-pixel tiles) draws ``lon``/``lat``."""
    size = 512 * 2 ** view["zoom"]

    def xy(lo, la):
        y = math.log(math.tan(math.pi / 4 + math.radians(la) / 2))
        return (lo + 180) / 360 * size, (1 - y / math.pi) / 2 * size

    (x, y), (cx, cy) = xy(lon, lat), xy(view["lon"], view["lat"])
    return round(x - cx + width / 2), round(y - cy + height / 2)


def test_a_png_of_a_pack_outside_the_extent_draws_the_world_land(needs_chromium, katrina_file,
                                                                 tmp_path):  # fmt: skip
    out = tmp_path / "katrina.png"
    done = run_export("--date", "2013-08-29", "--pack", str(katrina_file), "--out", str(out),
                      "--width", "900", "--height", "560")  # fmt: skip
    assert done.returncode == 0, done.stderr
    image = Image.open(out).convert("RGB")
    view = pack_view([json.loads(katrina_file.read_text(encoding="utf-8"))])
    # Texas and Georgia are land, the Gulf and the Atlantic sea (the atlas has no basemap here)
    for lon, lat, colour in ((-98, 32, LAND), (-83.5, 32.5, LAND), (-90, 25.5, SEA),
                             (-70, 30, SEA)):  # fmt: skip
        got = image.getpixel(_pixel(view, lon, lat, 900, 560))
        assert sum(abs(a - b) for a, b in zip(got, colour, strict=True)) < 30, (lon, lat, got)
    # the hurricane of the day (slide 6, 29 August) in the pack's colour
    got = image.getpixel(_pixel(view, -89.6, 28.2, 900, 560))
    assert sum(abs(a - b) for a, b in zip(got, BLUE, strict=True)) < 60, got  # 0.95 opaque


@pytest.fixture(scope="module")
def packs_page(tmp_path_factory, katrina_file, needs_chromium):
    folder = tmp_path_factory.mktemp("packs-html")
    hostile = import_file(LESSON).pack
    hostile["name"] = HOSTILE
    hostile["features"][0]["properties"]["note"] = HOSTILE
    (folder / "hostile.json").write_text(json.dumps(hostile), encoding="utf-8")
    out = folder / "packs.html"
    done = run_export("--html", str(out), "--pack", str(katrina_file), "--pack",
                      str(folder / "hostile.json"))  # fmt: skip
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.browser
def test_the_standalone_page_opens_an_imported_feature_offline(packs_page, browser):
    outside, errors = [], []

    def route(r):
        url = r.request.url
        if url.startswith(("file:", "data:", "blob:")):
            r.continue_()
        else:
            outside.append(url)
            r.abort()

    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.route("**/*", route)
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(packs_page.as_uri())
        page.wait_for_function("() => window.FEA && FEA.page && FEA.page.map()"
                               " && FEA.page.map().loaded()", timeout=90000)  # fmt: skip
        # it opens on the first pack's first day (the atlas' own default shows neither), with
        # the world land beneath the hurricane
        assert page.get_attribute("#current-date", "datetime") == "2013-08-23"
        page.evaluate("() => FEA.page.setView({lon: -82.5, lat: 29.7, zoom: 3.7})")
        page.wait_for_function("() => FEA.page.map().loaded() && FEA.page.map()"
                               ".getSource('fea-world-land')")  # fmt: skip
        # the legend lists both packs, each in its colour, their names as text
        rows = page.eval_on_selector_all(
            "#legend .legend-pack",
            "rows => rows.map(r => [r.textContent, r.querySelector('.swatch').style.background,"
            " r.querySelectorAll('img').length])",
        )
        assert rows == [["The Path of Hurricane Katrina", "rgb(21, 101, 192)", 0],
                        [HOSTILE, "rgb(46, 125, 50)", 0]]  # fmt: skip
        # a click on the hurricane of the day opens its details: the reader's note and source
        page.wait_for_timeout(500)
        x, y = page.evaluate("() => { const p = FEA.page.map().project([-75.5, 23.2]);"
                             " return [p.x, p.y]; }")  # fmt: skip
        box = page.locator("#map canvas.maplibregl-canvas").bounding_box()
        page.mouse.click(box["x"] + x, box["y"] + y)
        page.wait_for_function("() => document.querySelector('#details .details-title')"
                               " && document.querySelector('#details .details-title')"
                               ".textContent === 'Aug 23'")  # fmt: skip
        details = page.inner_text("#details")
        assert "23 August 2013" in details and "Note (yours)" in details
        assert "over the Bahamas" in details and "Source (yours)" in details
        assert "katrina.json, slide 2" in details
        assert page.eval_on_selector_all("#details a, #details img", "n => n.length") == 0
        page.click("#lang input[value=ja]")  # made again in the new language
        page.wait_for_function("() => document.getElementById('details').textContent"
                               ".includes('2013年8月23日')")  # fmt: skip
        assert "スライド 2" in page.inner_text("#details")
        # the hostile pack's feature, from "On this day": its note is text
        page.evaluate("() => FEA.page.setDay(FEA_CORE.dayNumber('1905-03-10'))")
        page.wait_for_function("() => document.getElementById('current-date')"
                               ".getAttribute('datetime') === '1905-03-10'")  # fmt: skip
        page.click("#on-this-day button:has-text('奉天会戦')")
        page.wait_for_function("() => document.getElementById('details').textContent"
                               ".includes('onerror')")  # fmt: skip
        assert HOSTILE in page.inner_text("#details") and page.evaluate("window.owned") is None
    finally:
        page.close()
    assert outside == [], outside
    assert errors == [], errors
