"""The seeds' mappable facts are on the map: the checklist ``seed_facts.yaml`` and its coverage.

Each entry of the checklist is one fact a seed gives a place and/or a date for, with the seed's
sentence, and the feature(s) of the built layers that show it, or ``null`` and why not. The
sentence must stand verbatim in its seed, each feature must exist, each null must say why, and
at least 97% of the facts must be on the map.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geodata import citations
from geodata.layers import LAYER_NAMES, LAYERS_DIR
from geodata.yamlio import load_yaml

CHECKLIST = Path(__file__).with_name("seed_facts.yaml")
SEEDS = {
    "000_49161cda78e9a3b7.txt": "zh Wikipedia, the Siberian intervention",
    "001_3b66db8a6edcebbc.txt": "ja encyclopedia, the intervention war",
    "002_92ddcb427293f1c5.txt": "zh book chapter, 1931-1941",
}
FIELDS = {"id", "document", "sentence", "kind", "feature", "why_not"}
MIN_COVERAGE = 0.97


@pytest.fixture(scope="module")
def facts() -> list[dict]:
    data = load_yaml(CHECKLIST)
    assert isinstance(data, list) and data, f"{CHECKLIST.name}: expected a list of facts"
    return data


@pytest.fixture(scope="module")
def feature_ids() -> set[str]:
    """Every id a checklist may name: each feature's id, each deployment's id, each border's."""
    ids: set[str] = set()
    for name in LAYER_NAMES:
        layer = json.loads((LAYERS_DIR / f"{name}.geojson").read_text(encoding="utf-8"))
        for feature in layer["features"]:
            props = feature["properties"]
            ids.add(props["id"])
            if "deployment" in props:
                ids.add(props["deployment"])
    borders = LAYERS_DIR / "basemap" / "borders.geojson"
    for feature in json.loads(borders.read_text(encoding="utf-8"))["features"]:
        ids.add(feature["properties"]["id"])
    return ids


def _features(fact: dict) -> list[str]:
    value = fact.get("feature")
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _where(fact: dict) -> str:
    return f"{CHECKLIST.name}:{getattr(fact, 'line', '?')}: {fact.get('id')}"


def test_entries_are_well_formed(facts):
    problems, seen = [], set()
    for fact in facts:
        where = _where(fact)
        if unknown := set(fact) - FIELDS:
            problems.append(f"{where}: unknown field(s) {sorted(unknown)}")
        for name in ("id", "document", "sentence", "kind"):
            if not isinstance(fact.get(name), str) or not fact[name].strip():
                problems.append(f"{where}: field {name!r}: expected text")
        if fact.get("id") in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(fact.get("id"))
        if fact.get("document") not in SEEDS:
            problems.append(f"{where}: field 'document': not one of the seeds {sorted(SEEDS)}")
        elif not str(fact["id"]).startswith(f"s{fact['document'][:3]}-"):
            problems.append(f"{where}: field 'id': expected s{fact['document'][:3]}-<n>")
        feature = fact.get("feature")
        if feature is not None and not (
            isinstance(feature, str)
            or (isinstance(feature, list) and feature and all(isinstance(f, str) for f in feature))
        ):
            problems.append(f"{where}: field 'feature': expected an id, a list of ids or null")
    assert not problems, "\n".join(problems)


def test_every_sentence_stands_verbatim_in_its_seed(facts):
    if not citations.available():
        pytest.skip("seeds not present")
    problems = []
    for fact in facts:
        if error := citations.check_quote(fact["document"], fact["sentence"]):
            problems.append(f"{_where(fact)}: {error}")
    assert not problems, "\n".join(problems)


def test_every_feature_exists_in_the_built_layers(facts, feature_ids):
    missing = [f"{_where(fact)}: no feature {fid!r}"
               for fact in facts for fid in _features(fact) if fid not in feature_ids]  # fmt: skip
    assert not missing, "\n".join(missing)


def test_every_fact_off_the_map_says_why(facts):
    problems = []
    for fact in facts:
        why = fact.get("why_not")
        if fact.get("feature") is None and not (isinstance(why, str) and why.strip()):
            problems.append(f"{_where(fact)}: feature is null but no why_not")
        if fact.get("feature") is not None and why is not None:
            problems.append(f"{_where(fact)}: on the map, yet it says why_not")
    assert not problems, "\n".join(problems)


def test_coverage(facts, capsys):
    shown = [fact for fact in facts if _features(fact)]
    coverage = len(shown) / len(facts)
    lines = [f"seed coverage: {len(shown)}/{len(facts)} facts on the map ({coverage:.1%})"]
    for document, title in SEEDS.items():
        mine = [fact for fact in facts if fact["document"] == document]
        on_map = sum(1 for fact in mine if _features(fact))
        lines.append(f"  {document[:3]} ({title}): {on_map}/{len(mine)}")
    lines += [f"  not on the map: {fact['id']}: {fact['why_not'].strip()[:90]}"
              for fact in facts if not _features(fact)]  # fmt: skip
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert coverage >= MIN_COVERAGE, "\n".join(lines)
