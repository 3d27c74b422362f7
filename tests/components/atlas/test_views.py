"""Layer panel, legend and details panel: components built from the registry and data."""

from components.atlas.data import load_atlas
from components.atlas.registry import LAYERS
from components.atlas.timeline import day_number
from components.atlas.views import details_panel, layer_options, legend, unit_details
from tests.fixtures import FIXTURE_DIR

ATLAS = load_atlas(FIXTURE_DIR)


def text_of(component) -> str:
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(text_of(c) for c in component)
    children = getattr(component, "children", None)
    return "" if children is None else text_of(children)


def test_layer_panel_follows_the_registry_in_each_language():
    for lang in ("en", "zh", "ja"):
        options = layer_options(lang)
        assert [o["value"] for o in options] == [s.id for s in LAYERS]
        assert [o["label"] for o in options] == [s.labels[lang] for s in LAYERS]


def test_legend_names_the_nations_on_the_map():
    text = text_of(legend(ATLAS, "zh"))
    assert "美国" in text and "日本" in text and "铁路" in text


def test_event_details_show_names_dates_figures_and_quotes():
    text = text_of(details_panel(ATLAS, "lake-khasan-battle", "en", 0))
    for part in (
        "Battle of Lake Khasan",
        "张鼓峰事件",
        "張鼓峰事件",
        "Бои у озера Хасан",
        "29 July 1938 – 11 August 1938",
        "killed: 526",
        "Fighting broke out at Lake Khasan on 29 July 1938.",
        "fixture.txt",
    ):
        assert part in text, part


def test_unit_details_cite_the_waypoints_reached_latest_first():
    text = text_of(details_panel(ATLAS, "us-aef", "ja", day_number("1918-09-10")))
    assert text.index("American troops reached Khabarovsk.") < text.index(
        "The Americans landed at Vladivostok"
    )
    assert "アメリカ海外派遣軍シベリア" in text and "ハバロフスク" in text


def test_shipment_details_and_the_empty_panel():
    text = text_of(details_panel(ATLAS, "credit-1", "en", 0))
    assert "50,000,000" in text and "Aircraft and guns" in text
    assert "Click anything" in text_of(details_panel(ATLAS, None, "en", 0))
    assert "点击" in text_of(details_panel(ATLAS, "no-such-id", "zh", 0))


def test_a_units_details_say_where_its_position_is_unknown():
    atlas = load_atlas()
    unit = next(u for u in atlas.units if u["id"] == "wht-kolchak")
    out = unit_details(atlas, unit, "en", day_number("1919-06-01"))
    rows = [li.children for li in out[-2].children]
    assert rows[:2] == [
        "30 April 1919 – 1 November 1919 · position unknown: not drawn",
        "April 1919 · Kazan",  # as precise as the seed: the month
    ]


def test_a_renamed_places_details_list_its_names_through_time():
    atlas = load_atlas()
    out = details_panel(atlas, "petrograd", "en", day_number("1939-08-20"))
    text = str(out)
    assert "Names through time" in text and "Leningrad" in text and "1924-01-26" in text


def test_quotes_come_once_with_the_atlas_translation_marked_as_ours():
    atlas = load_atlas()
    out = str(details_panel(atlas, "fra-siberia", "en", day_number("1919-06-01")))
    assert out.count("1918年8月协约国军队开始在海参崴登陆。") == 1
    assert "Atlas translation: " in out and "In August 1918 the Allied forces" in out
    assert "Atlas note" in out  # the unit's note reaches its details, marked as ours
    zh = str(details_panel(atlas, "fra-siberia", "zh", day_number("1919-06-01")))
    assert "本图集译文" not in zh.split("1918年8月协约国军队开始在海参崴登陆。")[1][:80]
