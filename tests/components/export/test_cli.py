"""The export command: checks first (exit 2, nothing written), then real exports offline."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from components.export.cli import build_parser, check_args, main

from .conftest import run_export

BAD = [
    (["--date", "1899-01-01", "--out", "{d}/a.png"],
     "export: --date 1899-01-01 is outside the atlas (1917-01-01..1946-12-31)"),
    (["--from", "1939-09-15", "--to", "1939-05-01", "--out", "{d}/a.gif"],
     "export: --to 1939-05-01 is before --from 1939-09-15"),
    (["--date", "1939-08-20", "--lang", "fr", "--out", "{d}/a.png"],
     "export: --lang fr: unknown language 'fr'; known: en, zh, ja"),
    (["--date", "1939-08-20", "--out", "{d}/missing/a.png"], "export: --out {d}/missing/a.png: "),
    (["--date", "1939-08-20", "--out", "/proc/a.png"], "export: --out /proc/a.png: folder /proc"),
    (["--date", "1939-02-30", "--out", "{d}/a.png"], "export: --date 1939-02-30: expected a real"),
    (["--from", "1939-05-01", "--to", "1939-06-01", "--step", "2x", "--out", "{d}/a.gif"],
     "export: --step 2x: expected"),
    (["--date", "1939-08-20", "--out", "{d}/a.gif"], "export: --out {d}/a.gif: a PNG export"),
    (["--date", "1939-08-20", "--width", "0", "--out", "{d}/a.png"], "export: --width 0"),
    (["--date", "1939-08-20"], "export: --out is required"),
    (["--frobnicate"], "export: unrecognized arguments: --frobnicate"),
    (["--date", "1939-08-20", "--layers", "places,bogus", "--out", "{d}/a.png"],
     "export: --layers: unknown layer 'bogus'"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "message"), BAD, ids=[b[1][8:40] for b in BAD])
def test_bad_arguments_exit_2_with_one_line_and_write_nothing(tmp_path, capsys, argv, message):
    argv = [a.format(d=tmp_path) for a in argv]
    assert main(["export", *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(message.format(d=tmp_path)), err
    assert list(tmp_path.iterdir()) == []


def test_a_range_with_a_folder_makes_frames_and_views_follow_the_period(tmp_path):
    args = build_parser().parse_args(["--from", "1939-05-01", "--to", "1939-09-15",
                                      "--step", "7d", "--out", f"{tmp_path}/frames/"])  # fmt: skip
    job = check_args(args)
    assert job.kind == "frames" and len(job.days) == 20


def _image(data: bytes) -> Image.Image:
    im = Image.open(io.BytesIO(data))
    im.load()
    return im


def _not_blank(im: Image.Image) -> int:
    colours = im.convert("RGB").getcolors(1 << 24)
    return len(colours)


@pytest.mark.browser
def test_png_has_the_exact_size_and_is_not_blank(tmp_path, needs_chromium):
    out = tmp_path / "map.png"
    done = run_export("--date", "1925-06-01", "--lang", "zh", "--out", str(out),
                      "--width", "480", "--height", "270")  # fmt: skip
    assert done.returncode == 0, done.stderr
    im = _image(out.read_bytes())
    assert im.format == "PNG" and im.size == (480, 270)
    assert _not_blank(im) > 2000  # relief, borders, labels: thousands of colours
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"]


@pytest.mark.browser
def test_gif_has_one_frame_per_step(tmp_path, needs_chromium):
    out = tmp_path / "anim.gif"
    done = run_export("--from", "1925-06-01", "--to", "1925-06-15", "--step", "7d",
                      "--out", str(out), "--width", "320", "--height", "180")  # fmt: skip
    assert done.returncode == 0, done.stderr
    im = _image(out.read_bytes())
    assert im.format == "GIF" and im.n_frames == 3 and im.size == (320, 180)
    assert [p.name for p in tmp_path.iterdir()] == ["anim.gif"]


@pytest.mark.browser
def test_frames_folder_gets_one_png_per_step(tmp_path, needs_chromium):
    out = tmp_path / "frames"
    done = run_export("--from", "1925-06-01", "--to", "1925-06-02", "--step", "1d",
                      "--out", f"{out}/", "--width", "320", "--height", "180")  # fmt: skip
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["frame-0000-1925-06-01.png", "frame-0001-1925-06-02.png"]
    assert all(_image((out / n).read_bytes()).size == (320, 180) for n in names)
    assert [p.name for p in tmp_path.iterdir()] == ["frames"]
