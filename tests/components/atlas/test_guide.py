"""Guided moments: found in the data, in date order, each with a cited paragraph."""

from components.atlas.data import load_atlas
from components.atlas.guide import moments
from components.atlas.views import moment_panel
from tests.fixtures import FIXTURE_DIR

ATLAS = load_atlas(FIXTURE_DIR)


def test_moments_are_in_date_order_with_a_view_and_sources():
    items = moments(ATLAS)
    assert [m["day"] for m in items] == sorted(m["day"] for m in items)
    assert all(m["sources"] and {"lon", "lat", "zoom"} <= set(m["view"]) for m in items)


def test_the_panel_wraps_around_and_speaks_the_language():
    items = moments(ATLAS)
    body = moment_panel(items, len(items), "zh")
    assert body[0].children.startswith(f"1 / {len(items)}")
    assert body[1].children == "美国远征军西伯利亚"
    assert body[2].children[0].children == "The Americans landed at Vladivostok on 15 August 1918."


def test_no_data_no_moments(tmp_path):
    empty = load_atlas(tmp_path)
    assert moments(empty) == []
    assert "geodata build" in moment_panel([], 0, "en")[0].children
