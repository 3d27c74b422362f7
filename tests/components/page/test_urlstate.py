"""Deep links: reading the URL back, refusing bad parameters with a notice."""

import pytest

from components.atlas.timeline import day_number
from components.page.urlstate import parse_query, to_query

SPAN = (day_number("1917-01-01"), day_number("1945-12-31"))


def test_a_full_deep_link_round_trips():
    query = to_query(day_number("1939-08-20"), "zh", ["events", "places"],
                     {"lon": 118.5, "lat": 47.6, "zoom": 6.0})  # fmt: skip
    state, notices = parse_query(query, SPAN)
    assert notices == []
    assert state == {"day": day_number("1939-08-20"), "lang": "zh",
                     "layers": ["events", "places"],
                     "view": {"lon": 118.5, "lat": 47.6, "zoom": 6.0}}  # fmt: skip


def test_no_query_sets_nothing():
    assert parse_query("", SPAN) == ({"day": None, "lang": None, "layers": None, "view": None}, [])
    assert parse_query(None, SPAN)[1] == []


@pytest.mark.parametrize("query, word", [
    ("?date=1939-02-30", "real calendar date"), ("?date=yesterday", "YYYY-MM-DD"),
    ("?date=1905-05-27", "outside"), ("?lang=ru", "expected one of"),
    ("?view=1,2", "lon,lat,zoom"), ("?view=500,0,3", "out of range"),
    ("?view=a,b,c", "could not convert"), ("?layers=ghosts", "unknown layer"),
    ("?foo=1", "unknown parameter"),
])  # fmt: skip
def test_bad_parameters_are_ignored_with_a_notice_naming_them(query, word):
    state, notices = parse_query(query, SPAN)
    assert len(notices) == 1 and word in notices[0]
    assert state["day"] is None and state["lang"] is None and state["view"] is None


def test_good_parameters_survive_beside_bad_ones():
    state, notices = parse_query("?date=1938-07-29&lang=xx&layers=events,nope", SPAN)
    assert state["day"] == day_number("1938-07-29") and state["layers"] == ["events"]
    assert len(notices) == 2
