"""Every place and moment the atlas promises (issue 2's list) is in the built layers."""

import pytest

from geodata.layers import build_layers


@pytest.fixture(scope="module")
def props():
    layers = build_layers()
    return {name: [f["properties"] for f in fc["features"]] for name, fc in layers.items()}


def _deployment_strengths(props, nation):
    out = set()
    for p in props["deployments"]:
        if p["nation"] == nation:
            out.add(p["strength"])
            out.update(v["strength"] for v in p.get("strength_variants", []))
    return out


@pytest.mark.parametrize(
    ("nation", "figures"),
    [
        ("JPN", {70000}),
        ("USA", {7950, 3000}),
        ("ITA", {2400, 2500}),  # the seeds disagree: both kept
        ("CHN", {2300}),
        ("GBR", {1500}),
        ("CAN", {4192}),
        ("FRA", {800}),
    ],
)
def test_intervention_contingent_strengths(props, nation, figures):
    assert figures <= _deployment_strengths(props, nation)


def test_poland_is_present_with_unknown_strength_and_no_position(props):
    """The seeds give "several hundred" Poles and no place: on the timeline, not the map."""
    poles = [p for p in props["deployments"] if p["nation"] == "POL"]
    assert poles and all(p["position_unknown"] and "place" not in p for p in poles)
    assert all(p["strength"] is None for p in poles)


def _has_event(props, layer, month, *words):
    for p in props[layer]:
        text = " ".join(p["names"].values()).casefold() + " " + p["id"]
        if p["start"][:7] <= month <= p["end"][:7] and all(w in text for w in words):
            return True
    return False


@pytest.mark.parametrize(
    ("layer", "month", "words"),
    [
        ("deployments", "1918-04", ("jpn",)),  # the Japanese landing of April 1918
        ("events", "1918-03", ("murmansk",)),
        ("events", "1918-07", ("arkhangelsk",)),
        ("events", "1918-08", ("vladivostok",)),
        ("events", "1918-10", ("omsk",)),
        ("events", "1918-11", ("chita",)),
        ("events", "1920-05", ("nikolayevsk",)),
        ("events", "1920-06", ("withdraw",)),
        ("events", "1920-07", ("gongota",)),
        ("events", "1922-10", ("withdrawal",)),
        ("events", "1925-01", ("sakhalin",)),
        ("deployments", "1919-01", ("ita",)),  # the Legione Redenta's path
        ("deployments", "1918-11", ("cze",)),  # the Czech Legion on the railway
        ("deployments", "1918-07", ("chn", "mongolia")),
        ("deployments", "1918-07", ("chn", "nikolayevsk")),
    ],
)
def test_intervention_moments(props, layer, month, words):
    assert _has_event(props, layer, month, *words), (layer, month, words)


@pytest.mark.parametrize("route", ["trans-siberian", "chinese-eastern-railway"])
def test_railways(props, route):
    assert any(p["id"] == route and p["mode"] == "rail" for p in props["routes"])


@pytest.mark.parametrize(
    ("layer", "month", "words"),
    [
        ("events", "1932-12", ("manzhouli",)),  # the crossing of 12月4日 (year inferred)
        ("events", "1933-01", ("cross",)),
        ("events", "1933-05", ("sell",)),  # the railway sale offer of 2 May 1933
        ("events", "1938-08", ("khasan",)),
        ("deployments", "1938-08", ("khasan",)),
        ("events", "1939-05", ("kg",)),
        ("events", "1939-07", ("east-bank",)),
        ("events", "1939-07", ("west-bank",)),
        ("events", "1939-07", ("artillery",)),
        ("events", "1939-08", ("offensive",)),
        ("events", "1939-09", ("sovsinair",)),  # the joint airline of Sept 1939
        ("events", "1919-04", ("odessa", "mutiny")),
        ("shipments", "1931-10", ("hailar",)),
        ("shipments", "1931-10", ("qiqihar",)),
    ],
)
def test_1931_1941_moments(props, layer, month, words):
    assert _has_event(props, layer, month, *words), (layer, month, words)


def test_exact_dates(props):
    days = {(p["id"], p["start"]) for p in props["events"]}
    starts = {d for _, d in days}
    for day in ("1933-05-02", "1938-08-05", "1939-05-28", "1939-07-02", "1939-07-23",
                "1939-08-20"):  # fmt: skip
        assert day in starts, day


def test_khalkhin_gol_groups_and_heights(props):
    names = " ".join(p["names"]["en"].casefold() for p in props["deployments"])
    for group in ("southern", "northern", "central", "reserve"):
        assert group in names, group
    heights = " ".join(" ".join(p["names"].values()) for p in props["places"])
    for height in ("721", "731", "742"):
        assert height in heights, height


def test_nine_credit_batches_and_their_total(props):
    batches = {p["batch"]: p for p in props["shipments"] if p["batch"] is not None}
    assert sorted(batches) == list(range(1, 10))
    assert all(p["amount_usd"] for p in batches.values())
    total = next(p for p in props["events"] if p["id"] == "soviet-credit-total")
    assert 173175809 in total["figures"].values()


@pytest.mark.parametrize(
    ("route", "mode"),
    [
        ("aid-air-south", "air"), ("aid-air-north", "air"), ("aid-sea-route", "sea"),
        ("aid-land-route", "land"), ("aid-land-route-xianyang", "land"),
        ("kg-borzya-choibalsan-railway", "rail"), ("kg-truck-route", "land"),
        ("khasan-rail-supply", "rail"), ("khasan-sea-supply", "sea"),
    ],
)  # fmt: skip
def test_aid_and_logistics_routes(props, route, mode):
    assert any(p["id"] == route and p["mode"] == mode for p in props["routes"])


def test_sea_route_passes_the_straits(props):
    via = next(p for p in props["routes"] if p["id"] == "aid-sea-route")["via"]
    text = " ".join(via).casefold()
    for strait in ("dardanelles", "suez", "red sea", "bab"):
        assert strait in text, strait


PLACED = ["shanghai-1932", "xian-incident", "shanghai-1937", "beiping-tianjin-lost",
          "trotsky-note-to-the-allies"]  # fmt: skip
TIMELINE_ONLY = [
    "wanbaoshan-nakamura-incidents", "far-east-transport-cut-1932", "border-clashes-1936",
    "border-clashes-1937", "marco-polo-bridge-incident", "land-route-importance-1939",
    "fifth-army-soviet-armour", "decree-on-peace", "armistice-order-dukhonin",
    "secret-treaties-published", "red-army-founded", "trotsky-war-commissar",
    "germany-surrenders-1918",
]  # fmt: skip


def test_issue_10_missing_facts_are_in_the_events_layer():
    events = {f["properties"]["id"]: f for f in build_layers()["events"]["features"]}
    for eid in PLACED:
        assert events[eid]["geometry"]["type"] == "Point", eid
    for eid in TIMELINE_ONLY:  # the seeds place them nowhere: no geometry, on the timeline
        assert events[eid]["geometry"] is None and events[eid]["properties"]["timeline_only"], eid


def test_retreat_from_shanghai_to_nanjing(props):
    route = next(p for p in props["routes"] if p["id"] == "retreat-shanghai-nanjing")
    assert route["via"] == ["shanghai", "suzhou", "nanjing"]
