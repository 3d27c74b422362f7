"""The basemap style and border traces: offline only, and the right units on each date."""

import gzip
import json
from pathlib import Path

import plotly.graph_objects as go
import pytest

from components.basemap.style import (
    LAYER_IDS,
    basemap_map_layout,
    basemap_style,
    border_traces,
    borders_geojson_at,
)  # fmt: skip
from geodata.basemap.build import BROWSER_FILES
from geodata.basemap.store import LAYERS_DIR

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
        border_traces("1947-01-01")


def _labels(date, lang="en"):
    return list(border_traces(date, lang)[2].text)


def test_border_labels_follow_the_date():
    assert "Far Eastern Republic" not in _labels("1918-08-20")
    assert "Far Eastern Republic" in _labels("1921-06-01")
    assert "Manchukuo" not in _labels("1931-09-18") and "Manchukuo" in _labels("1932-06-01")
    assert "USSR" in _labels("1939-08-20") and "Soviet Russia" not in _labels("1939-08-20")
    assert "満洲国" in _labels("1939-08-20", "ja") and "Монгольская Народная Республика" in _labels(
        "1939-08-20", "ru"
    )


def test_border_traces_make_a_figure():
    traces = border_traces("1939-08-20", "zh")
    fig = go.Figure(traces)
    fig.update_layout(map=basemap_map_layout("zh"))
    solid = fig.data[0]
    ids = {f["properties"]["id"] for f in solid.geojson["features"]}
    assert set(solid.locations) == ids and solid.below == LAYER_IDS["lakes"]
    assert all(len(row) == 5 and row[4] for row in solid.customdata)  # the note for the panel
    assert fig.layout.map.style["id"].startswith("fea-basemap")
    text = fig.to_json()
    assert "https://" not in json.dumps(fig.layout.map.to_plotly_json())
    assert "中华民国" in json.loads(text)["data"][2]["text"]


def test_first_page_stays_under_two_megabytes_gzip():
    style = basemap_style("en")
    urls = [s.get("url") or s.get("data") for s in style["sources"].values()]
    total = sum(
        len(gzip.compress((LAYERS_DIR / u.removeprefix("/basemap/")).read_bytes())) for u in urls
    )
    worst = max(len(gzip.compress(json.dumps(borders_geojson_at(d)).encode()))
                for d in ("1918-08-20", "1932-06-01", "1939-08-20", "1945-12-31"))  # fmt: skip
    assert total + worst < 2_000_000, (total, worst)
