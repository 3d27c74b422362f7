"""The figure builder, asserted on fig.data / fig.layout without a browser.

The figure is a pure function of the scene: where the moving layers are on a day is the
engine's arithmetic (``assets/fea-*.js``, tested by Node in ``tests/js``); what the engine
reads for it is checked in ``test_scene.py``.
"""

import json

import pytest

from components.atlas.data import load_atlas
from components.atlas.map import FALLBACK_STYLE, build_map_figure, sanitize_style
from components.atlas.registry import DATA_LAYERS
from components.atlas.scene import build_scene
from tests.fixtures import FIXTURE_DIR

MOVING = ("events", "shipments", "deployments")


@pytest.fixture(scope="module")
def scene():
    return build_scene(load_atlas(FIXTURE_DIR))


def by_layer(fig, layer):
    return [t for t in fig.data if t.meta["layer"] == layer]


def test_one_trace_per_layer_in_drawing_order(scene):
    fig = build_map_figure(scene)
    layers = [t.meta["layer"] for t in fig.data]
    assert layers == ["routes", "places", "events", "shipments", "deployments"]
    assert all(t.type == "scattermap" for t in fig.data)
    assert fig.layout.showlegend is False
    # the trace names its layer and nothing more: the rest is the scene's
    assert all(t.meta == {"layer": t.meta["layer"]} for t in fig.data)


def test_browser_drawn_layers_are_transparent_hit_targets_and_places_show(scene):
    fig = build_map_figure(scene)
    assert {t.meta["layer"] for t in fig.data if t.opacity == 0} == {
        "routes",
        "events",
        "shipments",
        "deployments",
    }
    assert by_layer(fig, "places")[0].opacity is None
    # still there for hover and click: one point per feature, its id and hover text, at the
    # feature's first position; the engine moves it to where it draws the feature on the day
    features = scene["features"]
    first = {
        "events": features["events"]["lonlat"],
        "shipments": [path[0] for path in features["shipments"]["paths"]],
        "deployments": [track[0][1:3] for track in features["deployments"]["tracks"]],
    }
    for layer in MOVING:
        trace, feats = by_layer(fig, layer)[0], features[layer]
        assert list(trace.customdata) == feats["ids"]
        assert list(trace.hovertext) == feats["hover"]["en"]
        assert [list(p) for p in zip(trace.lon, trace.lat, strict=True)] == first[layer]
    units = by_layer(fig, "deployments")[0]
    assert (units.lon[0], units.lat[0]) == (131.88, 43.12)  # the Americans at Vladivostok


def test_routes_are_one_trace_of_lines_broken_between_routes(scene):
    routes = by_layer(build_map_figure(scene), "routes")[0]
    assert routes.mode == "lines"
    lines = scene["features"]["routes"]["lines"]
    assert len(routes.lon) == sum(len(line) + 1 for line in lines)
    assert routes.lon[-1] is None and routes.lat[-1] is None
    assert (routes.lon[0], routes.lat[0]) == tuple(lines[0][0])
    assert routes.customdata[0] == "aid-land-route"
    assert routes.customdata[len(lines[0]) + 1] == "ussuri-railway"
    assert routes.hovertext[0].startswith("<b>Xinjiang road</b>")


def test_places_are_drawn_with_their_labels(scene):
    places = by_layer(build_map_figure(scene), "places")[0]
    assert places.mode == "markers+text"
    assert places.text[0] == "Vladivostok" and places.customdata[0] == "vladivostok"
    assert (places.lon[0], places.lat[0]) == (131.88, 43.12)


def test_the_figure_is_json_and_names_no_other_host(scene):
    text = json.dumps(build_map_figure(scene).to_plotly_json())
    assert "http://" not in text and "https://" not in text
    assert "glyphs" not in text


def test_labels_and_hover_in_the_chosen_language(scene):
    fig = build_map_figure(scene, lang="zh")
    places = by_layer(fig, "places")[0]
    assert places.text[0] == "海参崴"
    assert "CJK SC" in places.textfont.family
    assert "CJK SC" in fig.layout.hoverlabel.font.family
    units = by_layer(fig, "deployments")[0]
    assert units.hovertext[1].startswith("<b>日本第12师团</b>")
    ja = build_map_figure(scene, lang="ja")
    assert by_layer(ja, "places")[0].text[0] == "ウラジオストク"
    assert by_layer(ja, "deployments")[0].hovertext[1].startswith("<b>第12師団</b>")


def test_visible_layers_and_view(scene):
    fig = build_map_figure(scene, view={"lon": 118.5, "lat": 47.6, "zoom": 6},
                           visible=["events"])  # fmt: skip
    assert [t.visible for t in fig.data] == [t.meta["layer"] == "events" for t in fig.data]
    assert fig.layout.map.center.lon == 118.5 and fig.layout.map.zoom == 6
    default = build_map_figure(scene)
    assert {t.meta["layer"] for t in default.data if t.visible} == set(DATA_LAYERS)
    assert default.layout.map.center.lon == scene["view"]["lon"]
    assert default.layout.map.zoom == scene["view"]["zoom"]


def test_style_is_kept_in_the_form_plotly_keeps_it():
    style = sanitize_style({**FALLBACK_STYLE, "metadata": {}})
    assert "metadata" not in style and style["sources"]
    assert sanitize_style(style) == style


def test_an_empty_atlas_still_makes_a_figure(tmp_path):
    fig = build_map_figure(build_scene(load_atlas(tmp_path)))
    assert [len(t.customdata or ()) for t in fig.data] == [0] * 5
