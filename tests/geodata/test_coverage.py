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


def test_poland_is_present_with_unknown_strength(props):
    assert any(p["nation"] == "POL" for p in props["deployments"])


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
