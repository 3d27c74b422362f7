"""The basemap style: offline only; the borders' names follow the date."""

from pathlib import Path

import pytest

from components.basemap.style import LAYER_IDS, basemap_style, detail_config
from geodata.basemap.build import BROWSER_FILES
from geodata.basemap.store import LAYERS_DIR, borders_geojson_at

ROOT = Path(__file__).resolve().parents[2]


def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            yield from _strings(v)


@pytest.mark.parametrize("lang", ["en", "zh", "ja", "ru"])
@pytest.mark.parametrize("detail", ["lo", "hi"])
@pytest.mark.parametrize("modern", [False, True])
def test_style_names_no_other_host(lang, detail, modern):
    style = basemap_style(lang, detail, modern)
    assert style["version"] == 8 and "glyphs" not in style and "sprite" not in style
    assert not [s for s in _strings(style) if "://" in s or s.startswith("//")]
    for source in style["sources"].values():
        url = source.get("url") or source.get("data")
        assert url.startswith("/basemap/")
        assert url.removeprefix("/basemap/") in BROWSER_FILES, url
        assert (LAYERS_DIR / url.removeprefix("/basemap/")).is_file(), url


def test_style_layers_and_modern_reference():
    ids = [layer["id"] for layer in basemap_style("en")["layers"]]
    assert ids == [LAYER_IDS[k] for k in ("sea", "relief", "lakes", "rivers", "coast")]
    modern = basemap_style("ru", modern=True)["layers"][-1]
    assert (
        modern["id"] == LAYER_IDS["modern"] and modern["metadata"]["label"] == "современные границы"
    )
    assert basemap_style("en", modern=True)["layers"][-1]["metadata"]["label"] == "modern borders"
    relief = basemap_style("en")["sources"][LAYER_IDS["relief"]]
    corners = [[20.0, 74.0], [170.0, 74.0], [170.0, -10.0], [20.0, -10.0]]
    assert relief["type"] == "image" and relief["coordinates"] == corners


def test_style_is_the_same_whatever_the_date_or_language():
    assert basemap_style("en") == basemap_style("ja")  # no text in the style yet
    assert basemap_style("en")["id"] != basemap_style("en", modern=True)["id"]


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="lang should be one of"):
        basemap_style("de")
    with pytest.raises(ValueError, match="detail should be 'lo' or 'hi', got 'max'"):
        basemap_style("en", "max")
    with pytest.raises(ValueError, match="outside the atlas period"):
        borders_geojson_at("1947-01-01")


def _labels(date, lang="en"):
    return [f["properties"]["names"][lang] for f in borders_geojson_at(date)["features"]]


def test_border_labels_follow_the_date():
    assert "Far Eastern Republic" not in _labels("1918-08-20")
    assert "Far Eastern Republic" in _labels("1921-06-01")
    assert "Manchukuo" not in _labels("1931-09-18") and "Manchukuo" in _labels("1932-06-01")
    assert "USSR" in _labels("1939-08-20") and "Soviet Russia" not in _labels("1939-08-20")
    assert "満洲国" in _labels("1939-08-20", "ja") and "Монгольская Народная Республика" in _labels(
        "1939-08-20", "ru"
    )


def test_the_finer_files_for_close_views_are_served_files():
    config = detail_config()
    assert config["from_zoom"] == 6
    for url in config["sources"].values():
        assert url.removeprefix("/basemap/") in BROWSER_FILES
