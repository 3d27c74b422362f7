"""A handout's dates: a period's key moments first, evenly spaced days for the rest."""

from __future__ import annotations

import pytest

from components.atlas.data import load_atlas
from components.atlas.guide import moments
from components.atlas.registry import PERIODS
from components.atlas.timeline import day_number
from components.export.handout.dates import MAX_MAPS, MIN_MAPS, fill_days, handout_dates, period


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


@pytest.mark.parametrize("found", PERIODS, ids=lambda p: p.id)
@pytest.mark.parametrize("count", range(MIN_MAPS, MAX_MAPS + 1))
def test_every_period_gives_distinct_dates_inside_it_with_its_key_moments(atlas, found, count):
    dates = handout_dates(atlas, found, count)
    days = [day_number(d) for d in dates]
    first, last = day_number(found.start), day_number(found.end)
    assert len(set(days)) == len(days) == min(count, last - first + 1)
    assert days == sorted(days) and first <= days[0] and days[-1] <= last
    keys = [m["day"] for m in moments(atlas) if first <= m["day"] <= last]
    if len(keys) <= count:
        assert set(keys) <= set(days)


def test_khalkhin_gol_has_one_key_moment_and_evenly_spaced_days_fill_the_rest(atlas):
    assert handout_dates(atlas, period("khalkhin-gol"), 4) == [
        "1939-05-28", "1939-06-23", "1939-08-04", "1939-09-16"]  # fmt: skip


def test_more_key_moments_than_maps_are_spread_out():
    days = fill_days(list(range(0, 30, 3)), 0, 30, 4)
    assert len(days) == 4 and days[0] == 0 and days[-1] == 27


def test_a_period_shorter_than_the_maps_asked_for_gives_each_day_once():
    assert fill_days([], 10, 12, 6) == [10, 11, 12]


def test_an_unknown_period_is_named():
    with pytest.raises(ValueError, match="unknown period 'boxer'; known: intervention"):
        period("boxer")
