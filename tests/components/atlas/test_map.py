"""The figure builders, asserted on fig.data / fig.layout without a browser."""

import json

import pytest

from components.atlas.data import load_atlas
from components.atlas.map import (
    FALLBACK_STYLE,
    build_map_figure,
    deployment_trace,
    event_trace,
    nation_color,
    route_traces,
    sanitize_style,
    shipment_trace,
    strength_at,
    unit_radius,
)
from components.atlas.registry import DATA_LAYERS
from components.atlas.timeline import day_number
from tests.fixtures import FIXTURE_DIR


@pytest.fixture(scope="module")
def atlas():
    return load_atlas(FIXTURE_DIR)


def by_layer(fig, layer):
    return [t for t in fig.data if t.meta["layer"] == layer]


def test_one_trace_per_layer_and_per_route_in_drawing_order(atlas):
    fig = build_map_figure(atlas, day=day_number("1918-09-01"))
    layers = [t.meta["layer"] for t in fig.data]
    assert layers == ["routes", "routes", "places", "events", "shipments", "deployments"]
    assert all(t.type == "scattermap" for t in fig.data)
    assert fig.layout.showlegend is False


def test_browser_drawn_layers_are_transparent_hit_targets_and_places_show(atlas):
    fig = build_map_figure(atlas, day=day_number("1918-09-01"))
    assert {t.meta["layer"] for t in fig.data if t.opacity == 0} == {
        "routes",
        "events",
        "shipments",
        "deployments",
    }
    # still there for hover and click: positions and hover text of the day
    units = by_layer(fig, "deployments")[0]
    assert units.hovertext and any(lat is not None for lat in units.lat)
    assert by_layer(fig, "places")[0].opacity is None


def test_the_figure_is_json_and_names_no_other_host(atlas):
    text = json.dumps(build_map_figure(atlas).to_plotly_json())
    assert "http://" not in text and "https://" not in text
    assert "glyphs" not in text


def test_units_sized_by_strength_coloured_by_nation(atlas):
    t = deployment_trace(atlas, "en", day_number("1918-09-10"))
    assert t.meta["ids"] == ["us-aef", "jp-12"]
    assert list(t.marker.color) == [nation_color("USA"), nation_color("JPN")]
    assert t.marker.size[0] == 2 * unit_radius(7950)
    assert t.marker.size[1] == 2 * unit_radius(12000)  # the last known strength
    assert (t.lon[0], t.lat[0]) == (135.07, 48.48)
    assert t.customdata == ("us-aef", "jp-12")


def test_units_not_yet_landed_are_left_out(atlas):
    t = deployment_trace(atlas, "en", day_number("1918-08-13"))
    assert t.lon[0] is None and t.lon[1] is not None


def test_routes_are_lit_while_in_use(atlas):
    traces = route_traces(atlas, "en", day_number("1919-01-01"))
    lit = {t.meta["ids"][0]: t.opacity for t in traces}
    assert lit == {"aid-land-route": 0.15, "ussuri-railway": 0.9}
    assert traces[0].lon[-1] is None and traces[0].customdata[0] == "aid-land-route"


def test_shipments_travel_along_their_route(atlas):
    start, end = day_number("1938-03-01"), day_number("1938-10-31")
    first = shipment_trace(atlas, "en", start)
    middle = shipment_trace(atlas, "en", (start + end) // 2)
    after = shipment_trace(atlas, "en", end + 1)
    assert (first.lon[0], first.lat[0]) == (76.95, 43.25)
    assert 76.95 < middle.lon[0] < 103.83
    assert after.lon[0] is None


def test_events_shown_around_their_dates(atlas):
    during = event_trace(atlas, "en", day_number("1938-08-01"))
    assert during.lat[0] is not None and during.marker.opacity[0] == 0.85
    soon_after = event_trace(atlas, "en", day_number("1938-09-01"))
    assert soon_after.marker.opacity[0] == 0.3
    assert event_trace(atlas, "en", day_number("1937-01-01")).lat[0] is None


def test_labels_and_hover_in_the_chosen_language_with_all_languages_in_meta(atlas):
    fig = build_map_figure(atlas, lang="zh")
    places = by_layer(fig, "places")[0]
    assert places.text[0] == "海参崴"
    assert places.meta["labels"]["ja"][0] == "ウラジオストク"
    assert "CJK SC" in places.textfont.family
    units = by_layer(fig, "deployments")[0]
    assert units.hovertext[1].startswith("<b>日本第12师团</b>")
    assert set(units.meta["hover"]) == {"en", "zh", "ja"}


def test_visible_layers_and_view(atlas):
    fig = build_map_figure(atlas, view={"lon": 118.5, "lat": 47.6, "zoom": 6},
                           visible=["events"])  # fmt: skip
    assert [t.visible for t in fig.data] == [t.meta["layer"] == "events" for t in fig.data]
    assert fig.layout.map.center.lon == 118.5 and fig.layout.map.zoom == 6
    default = build_map_figure(atlas)
    assert {t.meta["layer"] for t in default.data if t.visible} == set(DATA_LAYERS)


def test_meta_carries_what_the_browser_needs_to_move_things(atlas):
    fig = build_map_figure(atlas)
    units = by_layer(fig, "deployments")[0].meta
    assert units["tracks"][0][0] == [day_number("1918-08-15"), 131.88, 43.12]
    assert units["ends"][0] == day_number("1920-04-01")
    assert units["transit"] == 30
    ships = by_layer(fig, "shipments")[0].meta
    assert ships["cums"][0][0] == 0 and ships["cums"][0][-1] == 1


def test_style_is_kept_in_the_form_plotly_keeps_it():
    style = sanitize_style({**FALLBACK_STYLE, "metadata": {}})
    assert "metadata" not in style and style["sources"]
    assert sanitize_style(style) == style


def test_strength_and_radius_helpers():
    assert strength_at([[0, None], [10, 3000]], 5) == 3000
    assert strength_at([], 5) is None
    assert unit_radius(None) < unit_radius(1000) < unit_radius(100000) <= 22
