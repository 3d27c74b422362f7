"""The scene: the one document the browser gets, valid against its schema and small."""

from __future__ import annotations

import json

import jsonschema
import pytest

from components.atlas.data import load_atlas
from components.atlas.i18n import LANGS, STRINGS
from components.atlas.map import build_map_figure
from components.atlas.registry import LAYER_IDS, LAYERS
from components.atlas.scene import SCHEMA_VERSION, build_scene, default_day, scene_schema
from components.atlas.timeline import day_number
from components.export.render import export_scene
from tests.fixtures import FIXTURE_DIR

#: The page's old figure with its per-trace ``meta`` (the builder of ``components/map.py`` at
#: d9b65d2, fallback style, default day), measured on the real layers before the scene
#: replaced it: 358,971 bytes of ``figure.to_json()``.
OLD_FIGURE_WITH_META_BYTES = 358_971
#: A generous ceiling for what the page now sends: the scene and the figure together.
SCENE_AND_FIGURE_CEILING = 2_000_000


@pytest.fixture(scope="module")
def real():
    return load_atlas()


@pytest.fixture(scope="module")
def fixture():
    return load_atlas(FIXTURE_DIR)


@pytest.fixture(scope="module")
def real_scene(real):
    return build_scene(real)


@pytest.fixture(scope="module")
def fixture_scene(fixture):
    return build_scene(fixture)


def _validate(scene: dict) -> None:
    schema = scene_schema()
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    # as the browser gets it: through JSON (tuples become lists, keys strings)
    validator(schema).validate(json.loads(json.dumps(scene)))


def test_the_schema_is_versioned_like_the_scene():
    assert scene_schema()["properties"]["schema_version"]["const"] == SCHEMA_VERSION


def test_the_real_scene_is_valid(real_scene):
    _validate(real_scene)


def test_the_fixture_scene_and_the_export_scene_are_valid(fixture):
    _validate(build_scene(fixture))
    _validate(export_scene(fixture))


def test_an_empty_atlas_makes_a_valid_scene(tmp_path):
    scene = build_scene(load_atlas(tmp_path))
    _validate(scene)
    assert all(feats["ids"] == [] for feats in scene["features"].values())


def test_an_invalid_scene_is_refused(fixture):
    scene = json.loads(json.dumps(build_scene(fixture)))
    scene["schema_version"] = SCHEMA_VERSION + 1
    with pytest.raises(jsonschema.ValidationError):
        _validate(scene)
    del scene["features"]
    with pytest.raises(jsonschema.ValidationError):
        _validate(scene)


def test_the_real_span_is_the_atlas_span(real, real_scene):
    span = real_scene["span"]
    assert (span["first"], span["last"]) == ("1917-01-01", "1946-12-31")
    assert (span["first_day"], span["last_day"]) == (
        day_number("1917-01-01"),
        day_number("1946-12-31"),
    )
    assert (span["first_day"], span["last_day"]) == real.span


def test_every_layer_of_the_registry_is_there(real_scene):
    scene = real_scene
    assert [spec["id"] for spec in scene["layers"]] == list(LAYER_IDS)
    assert {spec["id"]: spec["default_visible"] for spec in scene["layers"]} == {
        s.id: s.default_visible for s in LAYERS
    }
    assert all(set(spec["labels"]) >= set(LANGS) for spec in scene["layers"])
    on_the_map = {s.id for s in LAYERS if s.motion != "basemap"}
    assert set(scene["features"]) == on_the_map | {"timeline"}  # + the events placed nowhere


def test_every_interface_string_has_every_language(real_scene):
    scene = real_scene
    assert scene["langs"] == list(LANGS) == ["en", "zh", "ja"]
    assert set(scene["strings"]) == set(STRINGS)
    missing = [(k, lg) for k, v in scene["strings"].items() for lg in LANGS if not v.get(lg)]
    assert missing == []
    # the export's words are there too (the PNG of the view is composed in the browser)
    assert scene["strings"]["title"]["ja"] == "極東アトラス"
    assert scene["strings"]["legend"]["zh"] == "图例"
    assert set(scene["attribution"]) == set(LANGS) == set(scene["fonts"])
    assert all(set(row["labels"]) == set(LANGS) for row in scene["legend"])


@pytest.mark.parametrize("which", ["real_scene", "fixture_scene"])
def test_hover_and_label_lists_are_as_long_as_the_ids(which, request):
    scene = request.getfixturevalue(which)
    for layer, feats in scene["features"].items():
        n = len(feats["ids"])
        assert len(set(feats["ids"])) == n, layer
        texts = feats["hover"] if layer != "timeline" else feats["labels"]  # no hover: not drawn
        assert set(texts) == set(LANGS), layer
        assert all(len(texts[lg]) == n for lg in LANGS), layer
        for key, value in feats.items():
            if isinstance(value, list):
                assert len(value) == n, (layer, key)
    labels = scene["features"]["places"]["labels"]
    assert all(len(labels[lg]) == len(scene["features"]["places"]["ids"]) for lg in LANGS)


def test_the_engine_gets_the_tracks_and_dates_it_moves_things_by(fixture):
    features = build_scene(fixture)["features"]
    units = features["deployments"]
    assert units["ids"] == ["us-aef", "jp-12"] and units["nations"] == ["USA", "JPN"]
    assert units["tracks"][0][0] == [day_number("1918-08-15"), 131.88, 43.12]
    assert units["strengths"][0][:2] == [[day_number("1918-08-15"), 3000],
                                         [day_number("1918-09-01"), 7950]]  # fmt: skip
    assert units["ends"][0] == day_number("1920-04-01")
    ships = features["shipments"]
    assert ships["paths"][0][0] == [76.95, 43.25] and ships["paths"][0][-1] == [103.83, 36.06]
    assert (ships["starts"][0], ships["ends"][0]) == (day_number("1938-03-01"),
                                                      day_number("1938-10-31"))  # fmt: skip
    routes = features["routes"]
    assert dict(zip(routes["ids"], routes["starts"], strict=True))["ussuri-railway"] == (
        day_number("1918-08-01")
    )
    events = features["events"]
    assert events["lonlat"][0] == [130.59, 42.43]
    assert (events["starts"][0], events["ends"][0]) == (day_number("1938-07-29"),
                                                        day_number("1938-08-11"))  # fmt: skip


def test_timeline_moments_and_borders(fixture):
    scene = build_scene(fixture)
    assert scene["timeline"]["default_day"] == default_day(fixture) == day_number("1918-08-20")
    assert scene["timeline"]["animation_days"] == 28
    assert [m["feature"] for m in scene["moments"]] == [
        "us-aef",
        "lake-khasan-battle",
        "khalkhin-gol-battle",
    ]
    assert {p["id"] for p in scene["periods"]} == {
        "intervention",
        "border",
        "aid",
        "khasan",
        "khalkhin-gol",
    }
    assert scene["borders"]["at"] == "/basemap/borders-at/{date}.geojson"
    assert export_scene(fixture)["borders"]["url"]["type"] == "FeatureCollection"


def test_the_scene_is_smaller_than_the_old_figure_with_meta(real_scene):
    scene = real_scene
    figure = build_map_figure(scene, visible=[s.id for s in LAYERS if s.default_visible])
    scene_bytes = len(json.dumps(scene).encode("utf-8"))
    figure_bytes = len(figure.to_json().encode("utf-8"))
    print(f"scene {scene_bytes:,} B + figure {figure_bytes:,} B = "
          f"{scene_bytes + figure_bytes:,} B; old figure with meta "
          f"{OLD_FIGURE_WITH_META_BYTES:,} B")  # fmt: skip
    assert scene_bytes < OLD_FIGURE_WITH_META_BYTES
    assert scene_bytes + figure_bytes < SCENE_AND_FIGURE_CEILING
