"""The period lookup: which political units stand on a given day."""

import datetime as dt
import os
from pathlib import Path

import pytest

from geodata.basemap.borders import PARTS, UNITS, borders_at, change_days, unit_periods
from geodata.basemap.periods import ATLAS_END, ATLAS_START, NAME_LANGS, check_day
from geodata.basemap.regions import SEEDS
from geodata.citations import reader_text

SEEDS_DIR = Path(
    os.environ.get("FEA_SEEDS_DIR", Path(__file__).resolve().parents[4] / "shared" / "seeds")
)


def units_on(day):
    return {p.unit for p in borders_at(day)}


def name_of(unit, day, lang="en"):
    return next(p.names[lang] for p in borders_at(day) if p.unit == unit)


@pytest.mark.parametrize("day, present", [
    ("1920-04-05", False), ("1920-04-06", True), ("1921-06-01", True),
    ("1922-11-14", True), ("1922-11-15", False), ("1918-08-20", False), ("1939-08-20", False),
])  # fmt: skip
def test_far_eastern_republic_only_1920_04_to_1922_11(day, present):
    assert ("fer" in units_on(day)) is present


@pytest.mark.parametrize("day, present", [
    ("1918-08-20", False), ("1932-02-29", False), ("1932-03-01", True), ("1932-06-01", True),
    ("1939-08-20", True), ("1945-08-18", True), ("1945-08-19", False),
])  # fmt: skip
def test_manchukuo_only_from_1932_03_01(day, present):
    assert ("manchukuo" in units_on(day)) is present


def test_russian_state_names():
    assert name_of("russia", "1917-02-01") == "Russian Empire"
    assert name_of("russia", "1918-08-20") == "Soviet Russia"
    assert name_of("russia", "1922-12-29") == "Soviet Russia"
    assert name_of("russia", "1922-12-30") == "USSR"
    assert name_of("russia", "1939-08-20", "ru") == "СССР"


def test_mongolia_bogd_khanate_then_peoples_republic():
    assert name_of("mongolia", "1918-08-20") == "Mongolia (Bogd Khanate)"
    assert name_of("mongolia", "1924-11-25") == "Mongolia (Bogd Khanate)"
    assert name_of("mongolia", "1924-11-26") == "Mongolian People's Republic"
    assert "mongolia" not in units_on("1920-06-01")  # Chinese reoccupation, 1919-1921
    assert any("outer-mongolia" in p.parts for p in borders_at("1920-06-01") if p.unit == "china")


@pytest.mark.parametrize("unit, first, last", [
    ("tuva", "1921-08-14", "1944-10-10"),
    ("north-sakhalin-occupation", "1920-07-03", "1925-05-14"),
    ("karafuto", ATLAS_START, "1945-08-25"),
    ("korea", ATLAS_START, "1945-09-02"),
    ("kwantung", ATLAS_START, "1945-08-22"),
    ("china", ATLAS_START, ATLAS_END),
])  # fmt: skip
def test_unit_spans(unit, first, last):
    day_before = (dt.date.fromisoformat(first) - dt.timedelta(days=1)).isoformat()
    day_after = (dt.date.fromisoformat(last) + dt.timedelta(days=1)).isoformat()
    assert unit in units_on(first) and unit in units_on(last)
    if first > ATLAS_START:
        assert unit not in units_on(day_before)
    if last < ATLAS_END:
        assert unit not in units_on(day_after)


def test_screenshot_dates():
    assert units_on("1918-08-20") == {"russia", "china", "mongolia", "japan", "korea",
                                      "karafuto", "kwantung", "taiwan"}  # fmt: skip
    assert {"manchukuo", "tuva", "mongolia"} <= units_on("1932-06-01")
    assert {"manchukuo", "tuva", "mongolia", "russia"} <= units_on("1939-08-20")


def test_every_period_is_well_formed():
    ids = [u.id for u in UNITS]
    assert len(ids) == len(set(ids))
    for unit in UNITS:
        assert unit.note and unit.label
        previous_end = "0000-00-00"
        for period in unit.periods:
            check_day(period.start, f"{unit.id} start")
            check_day(period.end, f"{unit.id} end")
            assert previous_end < period.start <= period.end, unit.id
            previous_end = period.end
            assert set(period.names) == set(NAME_LANGS) and all(period.names.values()), unit.id
            assert set(period.parts) <= set(PARTS), unit.id
    for p in unit_periods():
        assert p.approximate is True and "pproximate" in p.note


def test_parts_name_known_seeds():
    for name, part in PARTS.items():
        assert set(part.faces) <= set(SEEDS), name


def test_units_never_overlap_without_being_overlays():
    for day in change_days():
        seen = {}
        for period in borders_at(day):
            if period.overlay:
                continue
            for part in period.parts:
                assert part not in seen, (day, part, seen.get(part), period.unit)
                seen[part] = period.unit


def test_bad_dates_are_named():
    with pytest.raises(ValueError, match="ISO day YYYY-MM-DD, got '1932-03'"):
        borders_at("1932-03")
    with pytest.raises(ValueError, match="not a calendar day"):
        borders_at("1932-02-30")
    with pytest.raises(ValueError, match="outside the atlas period"):
        borders_at("1916-12-31")
    with pytest.raises(ValueError, match="got 19320301"):
        borders_at(19320301)


def test_change_days_are_sorted_and_inside():
    days = change_days()
    assert days == sorted(set(days)) and days[0] == ATLAS_START and days[-1] <= ATLAS_END
    assert {"1920-04-06", "1922-11-15", "1932-03-01", "1924-11-26"} <= set(days)


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="seed documents not available")
def test_source_quotes_stand_in_their_seeds():
    quotes = [(u.id, s) for u in UNITS for p in u.periods for s in p.sources]
    assert len(quotes) >= 5
    for unit, source in quotes:
        text = reader_text((SEEDS_DIR / source["document"]).read_text(encoding="utf-8"))
        assert source["quote"] in text, (unit, source["quote"])
