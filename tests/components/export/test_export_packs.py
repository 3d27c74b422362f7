"""``python app.py export --pack PACK``: the reader's imported pack in PNG and HTML exports."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image

from components.export.cli import build_parser, check_args, main
from geodata.imports import import_file

from .conftest import ROOT, run_export

LESSON = ROOT / "tests" / "fixtures" / "imports" / "lesson.csv"
BLUE = (0x15, 0x65, 0xC0)  # the first pack's colour (assets/fea-3-packdata.js COLORS)


@pytest.fixture(scope="module")
def pack_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("pack") / "lesson.pack.geojson"
    path.write_text(json.dumps(import_file(LESSON).pack), encoding="utf-8")
    return path


def test_a_date_of_the_pack_before_the_atlas_is_taken_with_it_only(pack_file, tmp_path, capsys):
    assert main(["export", "--date", "1905-03-08", "--out", str(tmp_path / "a.png")]) == 2
    assert "outside the atlas" in capsys.readouterr().err
    args = ["--date", "1905-03-08", "--pack", str(pack_file), "--out", str(tmp_path / "a.png")]
    job = check_args(build_parser().parse_args(args))
    assert job.days and job.packs[0]["file"] == "lesson.csv"


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "not a JSON pack"),
    ('{"type": "FeatureCollection", "pack": 1, "features": [{"properties": {}}]}',
     "feature 1: expected 'layer'"),
])  # fmt: skip
def test_a_bad_pack_is_refused_naming_the_file(tmp_path, capsys, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    code = main(
        ["export", "--date", "1939-08-20", "--pack", str(bad), "--out", str(tmp_path / "a.png")]
    )
    err = capsys.readouterr().err
    assert code == 2 and f"--pack {bad}: {message}" in err and not (tmp_path / "a.png").exists()


def test_the_png_draws_the_pack(needs_chromium, pack_file, tmp_path):
    out = tmp_path / "regiment.png"
    done = run_export("--date", "1905-03-08", "--pack", str(pack_file), "--out", str(out),
                      "--width", "800", "--height", "500")  # fmt: skip
    assert done.returncode == 0, done.stderr
    pixels = np.asarray(Image.open(out).convert("RGB"), dtype=int)
    blue = int((np.abs(pixels - BLUE).sum(axis=2) < 40).sum())
    assert blue > 40, blue  # the regiment (3,000 men) and its label, in the pack's colour


def test_the_standalone_page_carries_the_pack_as_data(pack_file, tmp_path):
    out = tmp_path / "page.html"
    assert main(["export", "--html", str(out), "--pack", str(pack_file)]) == 0
    page = out.read_text(encoding="utf-8")
    data = json.loads(page.split("window.FEA_DATA = ", 1)[1].split(";</script>", 1)[0])
    assert data["scene"]["packs"][0]["pack"]["file"] == "lesson.csv"
    assert data["scene"]["span"]["first"] == "1905-01-01"
