"""The committed layers: fresh, well-formed, cited."""

import re
from pathlib import Path

import pytest

from geodata import citations
from geodata.layers import LAYER_NAMES, LAYERS_DIR, build_layers, dumps_layer
from geodata.records import load_records

FIXTURES = Path(__file__).with_name("fixtures")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def layers():
    return build_layers()


def _features(layers):
    return [f for name in LAYER_NAMES for f in layers[name]["features"]]


def test_committed_layers_are_not_stale(layers):
    for name in LAYER_NAMES:
        path = LAYERS_DIR / f"{name}.geojson"
        assert path.read_text(encoding="utf-8") == dumps_layer(layers[name]), (
            f"{path} is stale: run `python -m geodata build`"
        )


def test_building_twice_gives_identical_text():
    first, second = build_layers(), build_layers()
    assert all(dumps_layer(first[n]) == dumps_layer(second[n]) for n in LAYER_NAMES)


def test_common_properties(layers):
    ids = set()
    for f in _features(layers):
        p = f["properties"]
        assert p["id"] not in ids, f"duplicate id {p['id']}"
        ids.add(p["id"])
        assert p["layer"] in LAYER_NAMES
        assert ISO.match(p["start"]) and ISO.match(p["end"]) and p["start"] <= p["end"], p["id"]
        assert p["precision"] in ("day", "month", "year")
        assert p["names"]["en"]
        assert p["source"]


def test_layer_specific_properties(layers):
    for f in layers["deployments"]["features"]:
        p = f["properties"]
        assert {"side", "nation", "unit", "deployment", "seq"} <= set(p)
        assert p["strength"] is None or isinstance(p["strength"], int)
    for f in layers["routes"]["features"]:
        assert f["properties"]["mode"] in ("air", "sea", "land", "rail")
        assert f["geometry"]["type"] == "LineString"
    for f in layers["shipments"]["features"]:
        assert {"batch", "amount_usd"} <= set(f["properties"])


def test_at_least_120_cited_features(layers):
    assert len(_features(layers)) >= 120


@pytest.mark.skipif(not citations.available(), reason="the seed documents are not beside the repo")
def test_every_quote_stands_verbatim_in_its_seed(layers):
    def cites(source):
        return source if isinstance(source, list) else [source]

    for f in _features(layers):
        p = f["properties"]
        all_cites = cites(p["source"])
        for variant in p.get("strength_variants", []):
            all_cites += cites(variant["source"])
        for c in all_cites:
            assert citations.check_quote(c["document"], c["quote"]) is None, p["id"]


def test_fixture_builds_with_moving_unit(monkeypatch):
    monkeypatch.setenv("FEA_SEEDS_DIR", str(FIXTURES))
    built = build_layers(load_records(FIXTURES / "good", check_quotes=False))
    unit_a = [f["properties"] for f in built["deployments"]["features"]
              if f["properties"]["deployment"] == "unit-a"]  # fmt: skip
    assert [(p["start"], p["end"]) for p in unit_a] == [
        ("1918-08-15", "1918-08-31"),  # until the day before the next waypoint
        ("1918-09-01", "1920-04-30"),  # until the deployment's end
    ]
    assert unit_a[1]["approximate"] is True
    assert unit_a[0]["strength_variants"][0]["strength"] == 3100
    unit_b = next(f for f in built["deployments"]["features"]
                  if f["properties"]["deployment"] == "unit-b")  # fmt: skip
    assert unit_b["properties"]["strength"] is None
    route = built["routes"]["features"][0]
    assert len(route["geometry"]["coordinates"]) == 3
    assert built["shipments"]["features"][0]["geometry"] == route["geometry"]
