"""Time arithmetic and interpolation: proleptic day numbers, tracks, paths, steps."""

import datetime as dt

import pytest

from components.atlas.timeline import (
    add_months,
    civil,
    cumulative,
    day_number,
    event_phase,
    iso_date,
    point_along,
    position_at,
    step,
    timeline_state,
    travel_fraction,
)

TRACK = [(day_number("1918-08-15"), 131.88, 43.12), (day_number("1918-09-04"), 135.07, 48.48),
         (day_number("1920-01-01"), 131.88, 43.12)]  # fmt: skip
END = day_number("1920-04-01")


@pytest.mark.parametrize("iso", ["1900-01-01", "1917-11-07", "1939-08-20", "1945-12-31",
                                 "1899-12-31", "1600-02-29", "1969-12-31", "1970-01-01",
                                 "2000-02-29"])  # fmt: skip
def test_day_numbers_match_the_proleptic_calendar(iso):
    expected = (dt.date.fromisoformat(iso) - dt.date(1900, 1, 1)).days
    assert day_number(iso) == expected
    assert iso_date(expected) == iso
    assert civil(expected) == tuple(int(p) for p in iso.split("-"))


def test_day_numbers_run_on_across_every_day_before_1970():
    start = day_number("1916-12-25")
    days = [iso_date(start + i) for i in range(365 * 30)]
    assert days[0] == "1916-12-25"
    assert all(day_number(d) == start + i for i, d in enumerate(days))


@pytest.mark.parametrize("bad", ["1939-02-30", "1939-13-01", "1939-8-20", "", None, 1939])
def test_bad_dates_are_refused_with_what_was_given(bad):
    with pytest.raises(ValueError, match="got"):
        day_number(bad)


def test_before_the_first_waypoint_the_unit_is_not_on_the_map():
    assert position_at(TRACK, END, TRACK[0][0] - 1) is None


def test_on_a_waypoint_day_the_unit_stands_there():
    assert position_at(TRACK, END, TRACK[0][0]) == (131.88, 43.12)
    assert position_at(TRACK, END, TRACK[1][0]) == (135.07, 48.48)


def test_between_waypoints_the_unit_moves_linearly():
    mid = (TRACK[0][0] + TRACK[1][0]) // 2
    lon, lat = position_at(TRACK, END, mid)
    assert lon == pytest.approx((131.88 + 135.07) / 2)
    assert lat == pytest.approx((43.12 + 48.48) / 2)


def test_with_a_transit_window_the_unit_waits_then_moves():
    d1, d2 = TRACK[1][0], TRACK[2][0]
    assert position_at(TRACK, END, d2 - 31, transit=30) == (135.07, 48.48)
    halfway = position_at(TRACK, END, d2 - 15, transit=30)
    assert halfway == pytest.approx(((135.07 + 131.88) / 2, (48.48 + 43.12) / 2))
    assert position_at(TRACK, END, d1 + 1, transit=30) == (135.07, 48.48)


def test_after_the_last_waypoint_until_the_end_then_gone():
    assert position_at(TRACK, END, END) == (131.88, 43.12)
    assert position_at(TRACK, END, END + 1) is None


def test_a_single_waypoint_track():
    track = [(day_number("1938-07-29"), 130.6, 42.4)]
    assert position_at(track, track[0][0] + 10, track[0][0] + 5) == (130.6, 42.4)
    assert position_at([], 10, 5) is None


def test_points_along_a_route_and_travel_fractions():
    path = [(76.95, 43.25), (87.6, 43.8), (103.83, 36.06)]
    cum = cumulative(path)
    assert cum[0] == 0 and cum[-1] == 1 and cum[0] < cum[1] < cum[2]
    assert point_along(path, cum, 0) == (76.95, 43.25)
    assert point_along(path, cum, 1) == pytest.approx((103.83, 36.06))
    assert point_along(path, cum, cum[1]) == pytest.approx((87.6, 43.8))
    assert travel_fraction(10, 20, 9) is None and travel_fraction(10, 10, 10) == 1.0


def test_steps_by_day_week_and_month():
    d = day_number("1939-01-31")
    assert iso_date(step(d, "day")) == "1939-02-01"
    assert iso_date(step(d, "week", -1)) == "1939-01-24"
    assert iso_date(step(d, "month")) == "1939-02-28"
    assert iso_date(add_months(day_number("1939-12-15"), 1)) == "1940-01-15"
    with pytest.raises(ValueError, match="speed"):
        step(d, "year")


def test_event_phases_and_the_state_object():
    assert [event_phase(100, 110, d, 14, 90) for d in (85, 86, 105, 200, 201)] == [0, 1, 2, 1, 0]
    state = timeline_state(50, 0, 40, "month", True)
    assert state == {"day": 40, "min": 0, "max": 40, "speed": "month", "playing": True}
