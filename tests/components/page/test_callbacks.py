"""The page's callbacks: registered through the app factory, thin, and never raising on a
payload a browser (or anyone with ``curl``) could craft.

The guide's stepping and every other step of the timeline run in the browser (the engine,
tested by Node in ``tests/js``); the server answers only for the language's texts, the
details of what a click picked and the animation export.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from dash import Dash

from components.atlas.data import load_atlas
from components.atlas.i18n import LANGS, text
from components.atlas.registry import PERIODS
from components.atlas.timeline import day_number
from components.page.callbacks import ENGINE_INPUTS, _day, _lang, register
from components.page.ids import Id
from components.page.layout import build_layout
from tests.fixtures import FIXTURE_DIR

ATLAS = load_atlas(FIXTURE_DIR)
PAGE_JS = Path(__file__).resolve().parents[3] / "assets" / "fea-6-page.js"
#: Payloads a crafted request could carry instead of what the page sends.
CRAFTED = (None, "x", 5, True, [], ["en"], {}, {"day": "x"}, {"id": 5}, {"layer": 3})


@pytest.fixture(scope="module")
def app():
    app = Dash(__name__)
    app.layout = build_layout(ATLAS)
    register(app, ATLAS)
    return app


def server_callback(app, name: str):
    """The function behind the server callback ``name``, from Dash's callback map."""
    found = [cb["callback"].__wrapped__ for cb in app.callback_map.values()
             if getattr(cb.get("callback"), "__wrapped__", None) is not None
             and cb["callback"].__wrapped__.__name__ == name]  # fmt: skip
    assert len(found) == 1, name
    return found[0]


def test_the_server_callbacks_are_the_language_and_the_details(app):
    names = sorted(cb["callback"].__wrapped__.__name__ for cb in app.callback_map.values()
                   if getattr(cb.get("callback"), "__wrapped__", None))  # fmt: skip
    assert names == ["chrome", "details", "export_chrome"]


def test_every_control_handed_to_the_engine_has_a_function_in_the_page_adapter():
    script = PAGE_JS.read_text(encoding="utf-8")
    for function, component, _prop in ENGINE_INPUTS:
        assert re.search(rf"\b{function}\s*:", script), function
        component_id = component["type"] if isinstance(component, dict) else component
        assert component_id in set(Id), component_id


@pytest.mark.parametrize("value", ["en", "zh", "ja"])
def test_lang_keeps_a_language_the_page_speaks(value):
    assert _lang(value) == value


@pytest.mark.parametrize("value", [None, "fr", "", ["en"], {"lang": "zh"}, 5, "EN"])
def test_lang_gives_english_for_anything_else(value):
    assert _lang(value) == "en"


def test_day_is_the_timeline_day_kept_inside_the_span():
    first, last = ATLAS.span
    assert _day(ATLAS, {"day": day_number("1938-08-01")}) == day_number("1938-08-01")
    assert _day(ATLAS, {"day": first - 100}) == first
    assert _day(ATLAS, {"day": last + 10**9}) == last
    for timeline in (None, "x", 5, [], {}, {"day": "1938-08-01"}, {"day": True},
                     {"day": 1.5}, {"day": None}):  # fmt: skip
        assert _day(ATLAS, timeline) == first, timeline


def test_details_of_what_a_click_picked(app):
    details = server_callback(app, "details")
    timeline = {"day": day_number("1918-09-10")}
    unit = details({"layer": "deployments", "id": "us-aef"}, "en", timeline)
    assert unit[0].children == "American Expeditionary Force, Siberia"
    event = details({"layer": "events", "id": "lake-khasan-battle"}, "zh", timeline)
    assert event[0].children == "张鼓峰事件"
    border = details({"layer": "borders", "id": "fer@1920-04-06"}, "ja", timeline)
    assert border[0].children == "極東共和国"


UNKNOWN = ({"layer": "borders", "id": "atlantis@1"}, {"layer": "borders", "id": 5},
           {"id": "nothing"}, {"layer": "events", "id": ["lake-khasan-battle"]})  # fmt: skip


@pytest.mark.parametrize("selection", [*CRAFTED, *UNKNOWN])
@pytest.mark.parametrize("lang", [None, ["en"], "fr", "ja"])
@pytest.mark.parametrize("timeline", [None, "x", {"day": "x"}, {"day": 10**12}])
def test_details_never_raise_on_crafted_payloads(app, selection, lang, timeline):
    out = server_callback(app, "details")(selection, lang, timeline)
    # nothing the atlas knows was picked: the hint, in the page's language or English
    assert isinstance(out, list) and out[0].className == "hint"
    assert out[0].children == text("details_hint", "ja" if lang == "ja" else "en")


@pytest.mark.parametrize("lang", CRAFTED)
@pytest.mark.parametrize("timeline", [None, "x", {"day": "x"}, {"day": -(10**12)}])
def test_the_language_texts_never_raise_and_fall_back_to_english(app, lang, timeline):
    chrome = server_callback(app, "chrome")(lang, timeline)
    assert chrome[0] == "Far East Atlas" and len(chrome) == 15
    assert chrome[11] == [p.labels["en"] for p in PERIODS]
    assert chrome[12] == [{"label": "Projector", "value": "on"}]
    export = server_callback(app, "export_chrome")(lang)
    assert len(export) == 10 and export[0] == "Export"


@pytest.mark.parametrize("lang", LANGS)
def test_the_language_texts_follow_the_language(app, lang):
    chrome = server_callback(app, "chrome")(lang, {"day": day_number("1938-08-01")})
    assert chrome[11] == [p.labels[lang] for p in PERIODS]
    assert chrome[12] == [{"label": text("projector", lang), "value": "on"}]
    assert chrome[13:] == (text("date", lang), text("export_scale", lang))
    # the guide shows the moment of the timeline's day: the Lake Khasan battle
    assert [b.hidden for b in chrome[9]] == [True, False, True]
    assert chrome[0] == {"en": "Far East Atlas", "zh": "远东地图集", "ja": "極東アトラス"}[lang]
