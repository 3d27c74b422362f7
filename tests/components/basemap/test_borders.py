"""The borders of the day: the browser's config and the day's units the app serves."""

from __future__ import annotations

import json

import pytest

from components.atlas.timeline import day_number
from components.basemap.borders import BORDERS_AT_URL, BORDERS_FILE, border_config, borders_at_text


def test_config_points_the_page_at_the_day_units_and_lists_the_changes():
    cfg = border_config()
    assert cfg["at"] == BORDERS_AT_URL and "{date}" in cfg["at"]
    # the borders cover the one atlas span: the last periods run to its end
    assert (cfg["first"], cfg["last"]) == (day_number("1917-01-01"), day_number("1946-12-31"))
    assert cfg["changes"] == sorted(cfg["changes"])
    # the FER starts and ends inside the atlas period: the page reloads at both dates
    assert day_number("1920-04-06") in cfg["changes"]
    assert day_number("1922-11-15") in cfg["changes"]


def test_exports_inline_the_whole_file_instead():
    assert border_config(url="inline", at=None)["at"] is None


@pytest.mark.parametrize(("date", "present", "absent"), [
    ("1921-01-01", "fer", "manchukuo"),
    ("1923-01-01", "russia", "fer"),
    ("1932-03-01", "manchukuo", "fer"),
])  # fmt: skip
def test_day_units_are_those_standing_on_the_day(date, present, absent):
    collection = json.loads(borders_at_text(date))
    units = {f["properties"]["unit"] for f in collection["features"]}
    assert present in units and absent not in units
    assert all(f["properties"]["start"] <= date <= f["properties"]["end"]
               for f in collection["features"])  # fmt: skip


def test_day_units_are_a_small_part_of_the_whole_file():
    whole = BORDERS_FILE.read_text(encoding="utf-8")
    assert len(borders_at_text("1918-08-20")) < len(whole) / 4


@pytest.mark.parametrize(("date", "says"), [
    ("1921-13-01", "1921-13-01"),
    ("1921-02-30", "1921-02-30"),
    ("yesterday", "yesterday"),
])  # fmt: skip
def test_bad_dates_are_refused_with_the_reason(date, says):
    with pytest.raises(ValueError, match=says):
        borders_at_text(date)


@pytest.mark.parametrize("date", ["1900-01-01", "1916-12-31", "1947-01-01", "2024-02-29"])
def test_days_outside_the_borders_coverage_have_no_units_and_no_error(date):
    assert json.loads(borders_at_text(date)) == {"type": "FeatureCollection", "features": []}


def test_the_first_and_last_days_of_the_span_have_units():
    for date in ("1917-01-01", "1946-12-31"):
        assert json.loads(borders_at_text(date))["features"], date
