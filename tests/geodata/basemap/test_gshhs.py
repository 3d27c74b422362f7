"""The GSHHS/WDBII reader: meta lines, float32 runs, levels and boxes."""

import numpy as np
import pytest
from shapely.geometry import Point

from geodata.basemap.gshhs import (
    data_dir,
    data_files,
    iter_runs,
    parse_meta_line,
    read_lines,
    read_meta,
    read_polygons,
)  # fmt: skip


def _write_pair(folder, kind, res, runs):
    """A hand-made .dat/meta pair: runs are (level, area, coords)."""
    blob, lines = b"", []
    for i, (level, area, coords) in enumerate(runs):
        data = np.asarray(coords, dtype="<f4").tobytes()
        c = np.asarray(coords)
        lines.append(f"{level} {area} {len(c)} {c[:, 1].min():.5f} {c[:, 1].max():.5f} "
                     f"{len(blob)} {len(data)} {i}")  # fmt: skip
        blob += data
    (folder / f"{kind}_{res}.dat").write_bytes(blob)
    (folder / f"{kind}meta_{res}.dat").write_text("\n".join(lines) + "\n")


SQUARE = [(130, 42), (131, 42), (131, 43), (130, 43), (130, 42)]
LAKE = [(130.2, 42.2), (130.4, 42.2), (130.4, 42.4), (130.2, 42.2)]
FAR = [(10, -50), (11, -50), (11, -49), (10, -50)]


@pytest.fixture
def fixture_dir(tmp_path):
    _write_pair(tmp_path, "gshhs", "c", [(1, 1.0, SQUARE), (2, 0.02, LAKE), (1, 0.5, FAR)])
    _write_pair(tmp_path, "rivers", "c", [(-1, -1, [(130.5, 42.5), (130.6, 42.9)])])
    return tmp_path


def test_meta_line_fields():
    rec = parse_meta_line("1 50654050.6945 6733   1.26950  77.71625 0 53864 0-E")
    assert (rec.level, rec.npoints, rec.offset, rec.nbytes, rec.ident) == (1, 6733, 0, 53864, "0-E")
    assert rec.south == pytest.approx(1.2695) and rec.north == pytest.approx(77.71625)


def test_meta_errors_name_the_place_and_field():
    with pytest.raises(ValueError, match=r"x\.dat:3: expected at least 7 fields"):
        parse_meta_line("1 2 3", "x.dat:3")
    with pytest.raises(ValueError, match=r"field 'npoints' should be int, got 'many'"):
        parse_meta_line("1 2 many 0 1 0 8", "x.dat:1")
    with pytest.raises(ValueError, match="does not match 3 points"):
        parse_meta_line("1 2 3 0 1 0 8")


def test_reads_float32_little_endian_pairs(fixture_dir):
    runs = list(iter_runs("gshhs", "c", folder=fixture_dir))
    assert [r.level for r, _ in runs] == [1, 2, 1]
    np.testing.assert_allclose(runs[0][1], SQUARE)
    assert runs[0][1].dtype == np.float64


def test_levels_and_box_filter(fixture_dir):
    polys = read_polygons("c", levels=(1,), bbox=(120, 40, 140, 50), folder=fixture_dir)
    assert [(level, p.area) for level, p in polys] == [(1, 1.0)]
    lakes = read_polygons("c", levels=(2,), folder=fixture_dir)
    assert len(lakes) == 1 and lakes[0][1].contains(Point(130.3, 42.25))
    assert len(read_lines("rivers", "c", folder=fixture_dir)) == 1


def test_run_past_end_of_file_is_reported(fixture_dir):
    meta = fixture_dir / "gshhsmeta_c.dat"
    lines = meta.read_text().splitlines()
    lines[0] = "1 1.0 500 42 43 0 4000 0"
    meta.write_text("\n".join(lines))
    with pytest.raises(ValueError, match=r"gshhsmeta_c\.dat:1: run ends at byte 4000"):
        list(iter_runs("gshhs", "c", folder=fixture_dir))


def test_bad_kind_and_resolution():
    with pytest.raises(ValueError, match="kind should be one of"):
        data_files("coast", "l")
    with pytest.raises(ValueError, match="resolution should be one of"):
        data_files("gshhs", "x")
    with pytest.raises(ValueError, match="holds polygons"):
        read_lines("gshhs", "c")


@pytest.mark.parametrize("kind", ["gshhs", "rivers", "countries"])
@pytest.mark.parametrize("res", ["c", "l", "i"])
def test_installed_meta_matches_data(kind, res):
    data, meta = data_files(kind, res)
    records = read_meta(meta)
    assert data.parent == data_dir()
    offsets = [r.offset for r in records]
    assert offsets == sorted(offsets) and offsets[0] == 0
    last = records[-1]
    assert last.offset + last.nbytes == data.stat().st_size


def test_installed_lakes_and_coast():
    lakes = read_polygons("l", levels=(2,), bbox=(100, 40, 140, 60))

    def lake_at(lon, lat):
        return any(p.contains(Point(lon, lat)) for _, p in lakes)

    assert lake_at(108.2, 53.5)  # Baikal
    assert lake_at(132.4, 45.0)  # Khanka
    land = [p for _, p in read_polygons("l", levels=(1,), bbox=(125, 40, 135, 45))]
    vladivostok_coast = Point(131.89, 43.11)
    assert min(p.exterior.distance(vladivostok_coast) for p in land) < 0.1


def test_installed_rivers_reach_the_amur():
    lines = read_lines("rivers", "l", bbox=(133, 47, 137, 50))
    khabarovsk = Point(135.07, 48.48)
    assert min(line.distance(khabarovsk) for line in lines) < 0.1
