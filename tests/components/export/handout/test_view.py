"""The handout's one view: the period's ground on a small map, closed in on what happens."""

from __future__ import annotations

import pytest
from shapely.geometry import Point, box

from components.atlas.data import load_atlas
from components.atlas.motion import position_at
from components.atlas.registry import layer_spec
from components.atlas.timeline import day_number
from components.export.handout.view import MAX_CLOSER, bounds, fit_view, map_view
from components.export.render import export_view


def test_bounds_hold_the_centre_and_widen_as_the_map_zooms_out():
    view = {"lon": 118.6, "lat": 47.8, "zoom": 8}
    west, south, east, north = bounds(view, 500, 400)
    assert west < 118.6 < east and south < 47.8 < north
    wide = bounds({**view, "zoom": 7}, 500, 400)
    assert wide[2] - wide[0] == pytest.approx(2 * (east - west))


def test_a_smaller_map_zooms_out_to_show_the_periods_ground():
    days = [day_number("1939-05-28"), day_number("1939-09-16")]
    assert map_view(days, 340, 230)["zoom"] == export_view(*days)["zoom"] - 1


def test_the_view_closes_in_on_the_battle_but_keeps_every_unit_on_the_map():
    atlas = load_atlas()
    days = [day_number(d) for d in ("1939-07-03", "1939-08-20")]
    base = map_view(days, 492, 471)
    view = map_view(days, 492, 471, atlas)
    assert base["zoom"] < view["zoom"] <= base["zoom"] + MAX_CLOSER
    inside_base = box(*bounds(base, 492, 471))
    fitted = box(*bounds(view, 492, 471))
    transit = layer_spec("deployments").style.get("transit_days")
    points = [Point(p) for day in days for u in atlas.units
              if (p := position_at(u["track"], u["end"], day, transit)) is not None]  # fmt: skip
    kept = [p for p in points if inside_base.contains(p)]
    assert len(kept) >= 20 and all(fitted.contains(p) for p in kept)


def test_nothing_to_close_in_on_keeps_the_view():
    atlas = load_atlas()
    view = {"lon": 60.0, "lat": 30.0, "zoom": 8.0}
    assert fit_view(atlas, [day_number("1939-08-20")], view, 400, 300) == view
