"""Names of the date: a renamed place's label changes on its renaming day, in each language."""

import pytest

from geodata import citations
from geodata.dates import day_before
from geodata.geocode import geocode
from geodata.layers import build_layers
from geodata.names import all_names, load_renamings, name_on, renamings

#: (place, renaming day, {lang: (name before, name from the day)})
RENAMED_ON_THE_MAP = [
    ("petrograd", "1924-01-26", {
        "en": ("Petrograd", "Leningrad"), "zh": ("彼得格勒", "列宁格勒"),
        "ja": ("ペトログラード", "レニングラード")}),
    ("alma-ata", "1921-02-05", {
        "en": ("Verny", "Alma-Ata"), "zh": ("维尔内", "阿拉木图"),
        "ja": ("ヴェールヌイ", "アルマ・アタ")}),
    ("ulan-bator", "1924-11-08", {
        "en": ("Urga", "Ulan Bator"), "zh": ("库伦", "乌兰巴托"),
        "ja": ("クーロン（ウルガ）", "ウランバートル")}),
    ("nikolsk-ussuriysky", "1936-01-01", {
        "en": ("Nikolsk-Ussuriysky", "Voroshilov"), "zh": ("双城子", "伏罗希洛夫"),
        "ja": ("ニコリスク・ウスリースキー", "ヴォロシーロフ")}),
    ("mukden", "1932-03-14", {
        "en": ("Mukden", "Mukden"), "zh": ("沈阳", "奉天"), "ja": ("瀋陽", "奉天")}),
    ("choibalsan", "1941-01-01", {
        "en": ("Bayan-Tumen", "Choibalsan"), "zh": ("巴彦图门", "乔巴山"),
        "ja": ("バヤントゥメン", "チョイバルサン")}),
]  # fmt: skip


@pytest.fixture(scope="module")
def places():
    return {f["properties"]["id"]: f["properties"] for f in build_layers()["places"]["features"]}


@pytest.mark.parametrize(("place", "day", "names"), RENAMED_ON_THE_MAP)
def test_label_changes_on_the_renaming_day(places, place, day, names):
    props = places[place]
    for lang, (before, after) in names.items():
        assert name_on(props, day_before(day), lang) == before, (place, lang)
        assert name_on(props, day, lang) == after, (place, lang)


def test_hsinking_1932_to_1945():
    props = {"names": {"en": "Changchun"}, "name_periods": renamings()["changchun"]}
    assert name_on(props, "1932-03-13", "zh") == "长春"
    assert name_on(props, "1939-05-01", "en") == "Hsinking"
    assert name_on(props, "1939-05-01", "ja") == "新京"
    assert name_on(props, "1945-08-20", "zh") == "长春"


@pytest.mark.parametrize(
    ("place", "day", "en"),
    [("tsaritsyn", "1925-04-10", "Stalingrad"), ("yekaterinburg", "1924-10-14", "Sverdlovsk"),
     ("simbirsk", "1924-05-09", "Ulyanovsk"), ("samara", "1935-01-27", "Kuibyshev"),
     ("novonikolayevsk", "1926-02-12", "Novosibirsk"), ("verkhneudinsk", "1934-07-27", "Ulan-Ude")],
)  # fmt: skip
def test_gazetteer_only_renamings(place, day, en):
    props = {"names": {"en": "?"}, "name_periods": renamings()[place]}
    assert name_on(props, day, "en") == en
    assert name_on(props, day_before(day), "en") != en


def test_places_on_the_map_carry_their_name_periods(places):
    for place, *_ in RENAMED_ON_THE_MAP:
        periods = places[place]["name_periods"]
        assert all({"start", "end", "names", "from"} <= set(p) for p in periods)


@pytest.mark.parametrize("place", sorted(load_renamings()))
def test_the_geocoder_resolves_every_form(place):
    periods = renamings()[place]
    answers = {geocode(name).name for name in all_names(periods)}
    assert len(answers) == 1, (place, answers)


@pytest.mark.skipif(not citations.available(), reason="the seed documents are not beside the repo")
def test_seed_citations_of_names_are_verbatim():
    for periods in renamings().values():
        for p in periods:
            if "seed" in p:
                assert citations.check_quote(p["seed"]["document"], p["seed"]["quote"]) is None
