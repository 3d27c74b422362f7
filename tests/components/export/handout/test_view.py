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


def test_a_pack_far_from_the_periods_view_moves_the_maps_to_it():
    atlas = load_atlas()
    day = day_number("1939-08-20")
    view = map_view([day], 492, 471, atlas)
    mukden, harbin = [123.43, 41.8], [126.63, 45.75]
    moved = fit_view(atlas, [day], view, 492, 471, [mukden, harbin])
    area = box(*bounds(moved, 492, 471))
    assert area.contains(Point(mukden)) and area.contains(Point(harbin))
    assert moved["zoom"] < view["zoom"]  # out, to hold the battle and the pack
    near = fit_view(atlas, [day], view, 492, 471, [[view["lon"], view["lat"]]])
    assert near["zoom"] >= view["zoom"]  # a pack inside the view never zooms it out


def test_the_basemap_keeps_only_what_reaches_the_view_and_draws_the_same_there():
    from components.export.handout.view import CLIP_MARGIN, clip_style
    from components.export.render import offline_style

    style = offline_style("en", "hi")
    area = bounds({"lon": 118.6, "lat": 47.8, "zoom": 8.5}, 492, 471)
    clipped = clip_style(style, area)
    before = len(style["sources"]["fea-rivers"]["data"]["features"])
    rivers = clipped["sources"]["fea-rivers"]["data"]["features"]
    assert 0 < len(rivers) < before / 20
    west, south, east, north = area
    dx, dy = (east - west) * CLIP_MARGIN, (north - south) * CLIP_MARGIN
    reach = box(west - dx, south - dy, east + dx, north + dy)
    from shapely.geometry import shape

    crossing = [f for f in style["sources"]["fea-rivers"]["data"]["features"]
                if shape(f["geometry"]).intersects(reach)]  # fmt: skip
    assert all(f in rivers for f in crossing)  # nothing in view is lost
    assert clipped["sources"]["fea-relief"] == style["sources"]["fea-relief"]
    assert style["sources"]["fea-rivers"]["data"]["features"] != rivers  # a copy, not changed


def test_the_borders_are_cut_to_the_view_and_draw_the_same_in_it():
    from shapely.geometry import shape

    from components.export.handout.view import clip_borders
    from components.export.render import export_scene

    borders = export_scene(load_atlas())["borders"]
    area = bounds({"lon": 130.6, "lat": 42.6, "zoom": 8.4}, 492, 471)  # Lake Khasan
    cut = clip_borders(borders, area)
    view = box(*area)
    whole = {f["properties"]["id"]: shape(f["geometry"]) for f in borders["url"]["features"]}
    kept = {f["properties"]["id"]: shape(f["geometry"]) for f in cut["url"]["features"]}
    assert {k for k, g in whole.items() if g.intersects(view)} <= set(kept) < set(whole)
    for key, geometry in kept.items():  # the same ground in view, within a hair
        assert geometry.intersection(view).symmetric_difference(
            whole[key].intersection(view)).area < 1e-9, key  # fmt: skip
    assert len(str(cut["url"])) < len(str(borders["url"])) / 10
    assert cut["labels"] is borders["labels"]  # the names: their own source, untouched
    assert clip_borders(None, area) is None
