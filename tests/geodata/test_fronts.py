"""No unit stands where the seeds cannot put it: issue 10's cases, as regression tests.

Tracks may have gaps: while the seeds name no place for a unit, it is not drawn. A waypoint
feature then ends on the last day the seeds support (its own ``end``) and says ``gap_after``.
"""

from datetime import date, timedelta

import pytest

from geodata.layers import build_layers

#: Places on the west (left) bank of the Khalkhin Gol.
WEST_BANK = {"bain-tsagan", "khamar-daba", "tamsag-bulak"}


@pytest.fixture(scope="module")
def layers():
    return build_layers()


@pytest.fixture(scope="module")
def units(layers):
    out: dict[str, list[dict]] = {}
    for f in layers["deployments"]["features"]:
        out.setdefault(f["properties"]["deployment"], []).append(f)
    for feats in out.values():
        feats.sort(key=lambda f: f["properties"]["seq"])
    return out


def _overlaps(p, first, last):
    return p["start"] <= last and p["end"] >= first


def test_japanese_army_leaves_transbaikal_after_gongota(units):
    for f in units["jpn-siberian-expedition"]:
        p = f["properties"]
        if p["place"] in ("chita", "transbaikal"):
            assert p["end"] <= "1920-07-05", p["id"]
    # nothing is drawn between the withdrawal from Transbaikal and October 1922
    assert not any(_overlaps(f["properties"], "1920-07-06", "1922-09-30")
                   for f in units["jpn-siberian-expedition"])  # fmt: skip


def test_czech_legion_only_where_a_seed_puts_it(units):
    legion = units["cze-legion"]
    assert {f["properties"]["place"] for f in legion} <= {"krasnoyarsk"}
    assert min(f["properties"]["start"] for f in legion) >= "1918-08-01"
    for f in legion:
        lon = f["geometry"]["coordinates"][0]
        for red in units["sov-red-army-east"]:
            if _overlaps(f["properties"], red["properties"]["start"], red["properties"]["end"]):
                assert red["geometry"]["coordinates"][0] < lon, (f["properties"]["id"], red)


@pytest.mark.parametrize("unit", ["wht-kolchak", "sov-red-army-east"])
def test_kazan_only_in_april_1919(units, unit):
    at_kazan = [f["properties"] for f in units[unit] if f["properties"]["place"] == "kazan"]
    assert [(p["start"], p["end"]) for p in at_kazan] == [("1919-04-01", "1919-04-30")]


def test_poles_are_not_drawn_where_no_seed_puts_them(layers):
    poles = [f for f in layers["deployments"]["features"]
             if f["properties"]["nation"] == "POL"]  # fmt: skip
    assert poles and all(f["geometry"] is None for f in poles)
    assert all(f["properties"]["position_unknown"] for f in poles)


@pytest.mark.parametrize("unit", ["jpn-26th-infantry-regiment", "jpn-23rd-reconnaissance-unit"])
def test_kobayashi_force_back_on_the_east_bank_after_4_july(units, unit):
    for f in units[unit]:
        p = f["properties"]
        if p["place"] in WEST_BANK:
            assert p["end"] <= "1939-07-04", p["id"]


def test_no_japanese_unit_on_the_west_bank_after_4_july(units):
    for feats in units.values():
        for f in feats:
            p = f["properties"]
            if p["nation"] == "JPN" and p.get("place") in WEST_BANK:
                assert p["end"] <= "1939-07-04", p["id"]


def test_gongota_agreement_is_marked_approximate(layers):
    event = next(f for f in layers["events"]["features"]
                 if f["properties"]["id"] == "gongota-agreement")  # fmt: skip
    assert event["properties"]["approximate"] is True
    assert "15 July" in event["properties"]["atlas_note"]


def test_north_sakhalin_follows_the_nikolayevsk_incident(layers):
    for name in ("deployments", "events"):
        for f in layers[name]["features"]:
            p = f["properties"]
            if p.get("place") == "north-sakhalin":
                assert p["start"] >= "1920-06-01", p["id"]


def test_gaps_are_explicit(units):
    for feats in units.values():
        for here, nxt in zip(feats, feats[1:], strict=False):
            p, q = here["properties"], nxt["properties"]
            touching = (date.fromisoformat(p["end"]) + timedelta(days=1)).isoformat() >= q["start"]
            assert p.get("gap_after", False) is not touching, p["id"]
