"""The export figure: title, legend and attribution in the figure; offline basemap."""

from __future__ import annotations

import json

import pytest

from components.atlas.data import load_atlas
from components.atlas.registry import LAYERS
from components.atlas.timeline import day_number
from components.export import render
from tests.fixtures import FIXTURE_DIR


@pytest.fixture(scope="module")
def atlas():
    return load_atlas(FIXTURE_DIR)


def test_figure_has_size_title_legend_and_attribution(atlas):
    fig = render.export_figure(atlas, day_number("1918-09-01"), "en", 640, 360, style=False)
    assert (fig.layout.width, fig.layout.height) == (640, 360)
    notes = {a.name: a.text for a in fig.layout.annotations}
    assert "1 September 1918" in notes["title"] and "Intervention 1918-22" in notes["title"]
    assert "United States" in notes["legend"] and "Japan" in notes["legend"]
    assert "GSHHG" in notes["attribution"]


def test_legend_lists_only_what_is_shown(atlas):
    out = render.legend_text(atlas, "ja", [day_number("1918-09-01")], ["events"])
    assert "出来事" in out and "アメリカ" not in out
    # the nations of the units on the map on the given days only
    out = render.legend_text(atlas, "en", [day_number("1918-08-13")], ["deployments"])
    assert "Japan" in out and "United States" not in out


def test_texts_follow_the_language(atlas):
    fig = render.export_figure(atlas, day_number("1938-08-01"), "zh", 640, 360, style=False)
    notes = {a.name: a for a in fig.layout.annotations}
    assert notes["title"].text.startswith("<b>远东地图集</b>")
    assert "CJK SC" in notes["legend"].font.family


def test_offline_style_fetches_nothing():
    text = json.dumps(render.offline_style("en", "lo"))
    assert "http" not in text and '"/basemap' not in text
    assert "data:image/jpeg;base64," in text


def test_the_export_scene_inlines_the_borders(atlas):
    borders = render.export_borders()
    assert borders["url"]["type"] == "FeatureCollection" and borders["at"] is None
    assert borders["changes"] == sorted(borders["changes"])
    scene = render.export_scene(atlas)
    assert scene["borders"] == borders
    assert render.export_scene(atlas) is scene  # built once per atlas


def test_the_export_legend_and_attribution_are_the_atlas_ones(atlas):
    from components.atlas.legend import attribution

    fig = render.export_figure(atlas, day_number("1918-09-01"), "ja", 640, 360, style=False)
    notes = {a.name: a.text for a in fig.layout.annotations}
    squeeze = "".join  # lines are broken at spaces or after CJK punctuation
    assert squeeze(notes["attribution"].replace("<br>", " ").split()) == squeeze(
        attribution(atlas, "ja").split()
    )
    shown = [s.id for s in LAYERS if s.default_visible]
    assert notes["legend"] == render.legend_text(atlas, "ja", [day_number("1918-09-01")], shown)


@pytest.mark.parametrize(("value", "message"), [
    ("1947-01-01", "--date 1947-01-01 is outside the atlas (1917-01-01..1946-12-31)"),
    ("1916-12-31", "--date 1916-12-31 is outside the atlas (1917-01-01..1946-12-31)"),
    ("1939-13-01", "--date 1939-13-01: expected a real calendar date, got '1939-13-01'"),
    ("tomorrow", "--date tomorrow: expected a date as YYYY-MM-DD, got 'tomorrow'"),
])  # fmt: skip
def test_check_day_names_the_option_and_value(value, message):
    with pytest.raises(ValueError) as exc:
        render.check_day(value)
    assert str(exc.value) == message


def test_unknown_language_is_named():
    with pytest.raises(ValueError, match="unknown language 'ru'; known: en, zh, ja"):
        render.check_lang("ru")


@pytest.mark.parametrize("lang", ["en", "zh", "ja"])
@pytest.mark.parametrize(("width", "height"), [(1600, 900), (800, 600), (640, 360)])
def test_the_attribution_fits_the_image(atlas, lang, width, height):
    """Anchored at the right, each line of the attribution ends inside the image: long
    lines are broken (the CLI's PNG lost the start of the line at the left edge)."""
    fig = render.export_figure(atlas, day_number("1938-08-06"), lang, width, height, style=False)
    note = next(a for a in fig.layout.annotations if a.name == "attribution")
    lines = note.text.split("<br>")
    assert len(lines) >= 2 if width < 1000 else len(lines) >= 1
    assert all(render._text_width(line, note.font.size) <= width * 0.6 for line in lines)


KATRINA = {"name": "<b>Katrina</b>", "file": "katrina.json", "features": [
    {"geometry": {"type": "Point", "coordinates": [-89.6, 28.2]}, "properties": {}}]}  # fmt: skip
MUKDEN = {"name": "Mukden", "features": [
    {"geometry": {"type": "Point", "coordinates": [123.4, 41.8]}, "properties": {}}]}  # fmt: skip


def test_the_legend_lists_the_packs_by_name_in_their_colours(atlas):
    day = day_number("1939-08-20")
    fig = render.export_figure(atlas, day, "en", 640, 360, style=False,
                               packs=[MUKDEN, KATRINA])  # fmt: skip
    notes = {a.name: a.text for a in fig.layout.annotations}
    rows = notes["legend"].split("<br>")
    assert rows[-2:] == [
        '<span style="color:#1565c0">●</span> Mukden',
        '<span style="color:#2e7d32">●</span> &lt;b&gt;Katrina&lt;/b&gt;',
    ]
    assert "katrina.json" in notes["attribution"]
    plain = render.export_figure(atlas, day, "en", 640, 360, style=False)
    assert "Mukden" not in plain.layout.annotations[1].text


def test_only_a_pack_outside_the_extent_lets_the_map_leave_it(atlas):
    day = day_number("1939-08-20")
    bounds = [render.export_figure(atlas, day, "en", 640, 360, style=False, packs=packs)
              .layout.map.bounds for packs in ([], [MUKDEN], [MUKDEN, KATRINA])]  # fmt: skip
    assert bounds[0].west == bounds[1].west == 20 and bounds[2].west is None


def test_on_a_packs_own_date_the_legend_and_credits_are_the_packs_alone(atlas):
    # 29 August 2005: nothing of the atlas is drawn, so none of its rows, sources or borders
    fig = render.export_figure(atlas, day_number("2005-08-29"), "en", 640, 360, style=False,
                               packs=[KATRINA])  # fmt: skip
    notes = {a.name: a.text for a in fig.layout.annotations}
    assert notes["legend"].split("<br>")[1:] == [
        '<span style="color:#1565c0">●</span> &lt;b&gt;Katrina&lt;/b&gt;'
    ]
    credit = notes["attribution"].replace("<br>", " ")
    assert "katrina.json" in credit and "fixture.txt" not in credit
    assert "Borders of the day" not in credit and "GSHHG" in credit


def test_the_legend_fills_only_the_borders_of_the_day(atlas):
    def fills(iso):
        return render.legend_text(atlas, "en", [day_number(iso)], ["borders"])

    assert "Far Eastern Republic" in fills("1921-06-01")
    assert "Far Eastern Republic" not in fills("1939-08-20") and "Manchukuo" in fills("1939-08-20")
    assert "Manchukuo" not in fills("1921-06-01")
