"""Limits: the bytes and the rows of one import, each with a clear message."""

from __future__ import annotations

import json

import pytest

from geodata.imports import ImportFailed, ImportLimits, import_file


def _rows(n: int) -> bytes:
    return ("layer,id,date,lat,lon,name_en\n" + "".join(
        f"events,a{i},1918,43.1,131.9,A\n" for i in range(n))).encode()  # fmt: skip


def test_the_default_limits_are_10_mb_and_50000_rows(monkeypatch):
    monkeypatch.delenv("FEA_IMPORT_MAX_BYTES", raising=False)
    monkeypatch.delenv("FEA_IMPORT_MAX_ROWS", raising=False)
    assert ImportLimits.from_settings() == ImportLimits(10 * 1024 * 1024, 50_000)
    monkeypatch.setenv("FEA_IMPORT_MAX_ROWS", "7")
    assert ImportLimits.from_settings().max_rows == 7


def test_a_file_over_the_byte_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.csv"
    path.write_bytes(_rows(50))
    with pytest.raises(ImportFailed, match=r"^big\.csv: the file has 1,\d+ bytes, more than the "
                       r"1,000 an import takes \(FEA_IMPORT_MAX_BYTES\)"):  # fmt: skip
        import_file(path, limits=ImportLimits(max_bytes=1000))


@pytest.mark.parametrize("name", ["rows.csv", "rows.tsv"])
def test_a_sheet_over_the_row_limit_is_refused(name):
    data = _rows(11) if name.endswith(".csv") else _rows(11).replace(b",", b"\t")
    with pytest.raises(ImportFailed, match="more than 10 rows.*FEA_IMPORT_MAX_ROWS"):
        import_file(data, filename=name, limits=ImportLimits(max_rows=10))
    assert import_file(data, filename=name, limits=ImportLimits(max_rows=11)).report["features"]


def test_json_features_and_slides_count_against_the_row_limit():
    point = {"type": "Feature", "properties": {"name": "x", "start": "1918"},
             "geometry": {"type": "Point", "coordinates": [1, 2]}}  # fmt: skip
    data = json.dumps({"type": "FeatureCollection", "features": [point] * 3}).encode()
    with pytest.raises(ImportFailed, match="more than 2 features"):
        import_file(data, filename="x.geojson", limits=ImportLimits(max_rows=2))
    story = {"storymap": {"slides": [{"date": "1918"}] * 3}}
    with pytest.raises(ImportFailed, match="more than 2 slides"):
        import_file(json.dumps(story).encode(), filename="s.json", limits=ImportLimits(max_rows=2))
