import json
import subprocess
import sys

import pytest

from geodata.geocode import GeocodeError, geocode, suggest


@pytest.mark.parametrize(
    ("query", "country", "lat", "lon"),
    [
        ("Vladivostok", "RU", 43.1, 131.9),
        ("海参崴", "RU", 43.1, 131.9),
        ("ウラジオストク", "RU", 43.1, 131.9),
        ("Владивосток", "RU", 43.1, 131.9),
        ("Harbin", "CN", 45.75, 126.65),
        ("哈爾濱", "CN", 45.75, 126.65),
        ("Chita", "RU", 52.0, 113.5),  # not Chita, Aichi: the atlas region wins
        ("Omsk", "RU", 55.0, 73.4),
        ("Canton", "CN", 23.1, 113.3),  # not Canton, Ohio
        ("Mukden", "CN", 41.8, 123.4),
        ("Odessa", "UA", 46.5, 30.7),
    ],
)
def test_known_names_in_four_languages(query, country, lat, lon):
    match = geocode(query)
    assert match.country == country
    assert match.lat == pytest.approx(lat, abs=0.3)
    assert match.lon == pytest.approx(lon, abs=0.3)
    assert 0 < match.confidence <= 1


@pytest.mark.parametrize(
    "query", ["庙街", "廟街", "尼港", "Nikolayevsk-on-Amur", "Николаевск-на-Амуре"]
)
def test_miaojie_is_nikolayevsk_never_the_henan_village(query):
    match = geocode(query)
    assert match.country == "RU"
    assert match.lat == pytest.approx(53.14, abs=0.2)
    assert match.lon == pytest.approx(140.72, abs=0.2)


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Hsinking", "Changchun"), ("Port Arthur", "Lüshun"), ("Urga", "Ulan Bator")],
)
def test_historical_names(query, expected):
    assert expected.casefold() in geocode(query).name.casefold()


def test_case_hyphens_and_spaces_do_not_matter():
    assert geocode("  blagoveshchensk ").name == geocode("BLAGOVESHCHENSK").name


def test_unknown_name_gives_suggestions():
    with pytest.raises(GeocodeError) as info:
        geocode("Khabarovks")
    assert info.value.suggestions[0] == "Khabarovsk"
    assert "Khabarovks" in str(info.value)


def test_non_string_is_a_type_error():
    with pytest.raises(TypeError, match="got int"):
        geocode(42)


def test_suggest_empty_for_punctuation():
    assert suggest("--") == []


def test_cli_prints_one_json_array_and_exits_zero():
    out = subprocess.run(
        [sys.executable, "-m", "geodata", "geocode", "--json", "Harbin", "Xqzzyv"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data[0]) == {"query", "name", "lat", "lon", "country", "source", "confidence"}
    assert data[0]["name"] == "Harbin"
    assert set(data[1]) == {"query", "error", "suggestions"}
