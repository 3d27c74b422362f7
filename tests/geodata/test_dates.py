import json
from pathlib import Path

import pytest

from geodata.basemap import periods
from geodata.dates import ATLAS_SPAN, coarser, day_before, parse_date
from geodata.layers import ATLAS_SPAN as LAYERS_SPAN

LAYERS = Path(__file__).resolve().parents[2] / "geodata" / "layers"


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("1918-08-15", "1918-08-15", "1918-08-15", "day"),
        ("1920-02", "1920-02-01", "1920-02-29", "month"),  # a leap year
        ("1918", "1918-01-01", "1918-12-31", "year"),
        ("1905-12", "1905-12-01", "1905-12-31", "month"),  # long before 1970
    ],
)
def test_parse_date_gives_the_inclusive_range(text, start, end, precision):
    span = parse_date(text)
    assert (span.start, span.end, span.precision) == (start, end, precision)


def test_parse_date_accepts_yaml_dates_and_years_as_numbers():
    import datetime

    assert parse_date(datetime.date(1939, 8, 20)).start == "1939-08-20"
    assert parse_date(1939).end == "1939-12-31"


@pytest.mark.parametrize("bad", ["1918-13-01", "1918-02-30", "Aug 1918", "18-08-01", ""])
def test_parse_date_rejects_what_is_not_a_date(bad):
    with pytest.raises(ValueError, match="expected"):
        parse_date(bad)


def test_day_before_and_coarser():
    assert day_before("1918-01-01") == "1917-12-31"
    assert coarser("year", "day") == "year"


def test_atlas_span_is_the_span_of_the_built_layers():
    starts, ends = [], []
    for path in sorted(LAYERS.glob("*.geojson")):
        for feat in json.loads(path.read_text(encoding="utf-8"))["features"]:
            starts.append(feat["properties"]["start"])
            ends.append(feat["properties"]["end"])
    assert starts, f"no built layers in {LAYERS}"
    assert (min(starts), max(ends)) == (ATLAS_SPAN.start, ATLAS_SPAN.end)


def test_atlas_span_is_declared_once():
    assert LAYERS_SPAN is ATLAS_SPAN
    assert (periods.ATLAS_START, periods.ATLAS_END) == (ATLAS_SPAN.start, ATLAS_SPAN.end)
