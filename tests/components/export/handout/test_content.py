"""What a handout's map shows: the engine's rules in Python (checked against the engine's
own core through Node), its caption, and the features and quotes inside its bounds."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from components.atlas.data import load_atlas
from components.atlas.registry import layer_spec
from components.atlas.timeline import day_number
from components.export.handout.content import (
    caption,
    citations,
    on_this_day,
    position_at,
    shown,
    strength_at,
)
from components.export.handout.view import bounds
from tests.fixtures import FIXTURE_DIR

CORE = Path(__file__).resolve().parents[4] / "assets" / "fea-1-core.js"
NODE = shutil.which("node") or shutil.which("nodejs")
KHALKHIN = {"lon": 118.64, "lat": 47.78, "zoom": 9.3}


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


@pytest.mark.skipif(NODE is None, reason="no node")
def test_positions_and_strengths_are_the_engines(atlas):
    transit = layer_spec("deployments").style.get("transit_days")
    cases = []
    for unit in atlas.units:
        days = {d + k for point in unit["track"] for d in point[:1] + point[3:] for k in (-1, 0, 1)}
        days |= {unit["end"], unit["end"] + 1}
        cases += [[unit["track"], unit["end"], d, transit, unit["strengths"]] for d in sorted(days)]
    script = (f"const C = require({json.dumps(str(CORE))});"
              "const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "process.stdout.write(JSON.stringify(cases.map(([t, e, d, tr, s]) =>"
              " [C.positionAt(t, e, d, tr), C.strengthAt(s, d)])));")  # fmt: skip
    out = subprocess.run([NODE, "-e", script], input=json.dumps(cases), capture_output=True,
                         text=True, check=True, timeout=60)  # fmt: skip
    js = json.loads(out.stdout)
    assert len(cases) > 500
    for (track, end, day, tr, strengths), (where, men) in zip(cases, js, strict=True):
        mine = position_at(track, end, day, tr)
        assert (mine is None) == (where is None), (track, day)
        if mine is not None:
            assert mine == pytest.approx(where, abs=1e-9)
        assert strength_at(strengths, day) == men


def test_on_this_day_lists_units_by_strength_then_events():
    lines = on_this_day(load_atlas(FIXTURE_DIR), day_number("1918-09-01"), "en")
    assert [x["layer"] for x in lines] == ["deployments", "deployments"]
    assert lines[0]["text"] == "Japanese 12th Division · 12,000"


def test_hidden_layers_leave_the_list():
    day = day_number("1918-09-01")
    assert on_this_day(load_atlas(FIXTURE_DIR), day, "en", ["events"]) == []


def test_the_caption_of_the_august_offensive_names_it_first(atlas):
    area = bounds(KHALKHIN, 492, 471)
    text = caption(atlas, day_number("1939-08-20"), "en", area)
    assert text.startswith("Soviet-Mongolian general offensive; ")
    zh = caption(atlas, day_number("1939-08-20"), "zh", area)
    assert "；" in zh and "; " not in zh


def test_a_key_moment_of_the_day_leads_the_caption(atlas):
    text = caption(atlas, day_number("1939-05-28"), "en", bounds(KHALKHIN, 492, 471))
    assert text.startswith("Destruction of the Azuma reconnaissance unit")


def test_what_happens_far_away_stays_out_of_a_battle_map(atlas):
    area = bounds(KHALKHIN, 492, 471)
    text = caption(atlas, day_number("1939-08-04"), "en", area)
    assert "credits" not in text and text  # the aid to China is on the map of the country
    assert "credits" in caption(atlas, day_number("1939-08-04"), "en")  # but On this day


def test_shown_holds_the_units_where_they_stand_with_their_waypoints_quote(atlas):
    day = day_number("1939-08-20")
    found = shown(atlas, day, bounds(KHALKHIN, 492, 471))
    units = [x for x in found if x["layer"] == "deployments"]
    assert len(units) >= 10
    for x in units:
        unit = atlas.feature(x["id"])["unit"]
        current = max(i for i, p in enumerate(unit["track"]) if p[0] <= day)
        source = atlas.feature(unit["waypoints"][current])["properties"]["source"]
        quotes = {c["quote"] for c in (source if isinstance(source, list) else [source])}
        assert {c["quote"] for c in x["cites"]} == quotes
    far = shown(atlas, day, (60.0, 30.0, 61.0, 31.0))
    assert not [x for x in far if x["layer"] != "borders"]


def test_citations_give_each_quote_once_with_what_it_is_behind(atlas):
    found = shown(atlas, day_number("1939-08-20"), bounds(KHALKHIN, 492, 471))
    cites = citations(found, "en")
    keys = [(c["document"], c["quote"]) for c in cites]
    assert len(keys) == len(set(keys)) and all(c["for"] for c in cites)
    every = {(c["document"], c["quote"]) for x in found for c in x["cites"]}
    assert set(keys) == every
