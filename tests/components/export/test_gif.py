"""Frames to files; a GIF's palette keeps the legend's colours exact."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from components.atlas.data import load_atlas
from components.atlas.legend import legend_entries
from components.export.gif import (
    apply_palette,
    frame_name,
    gif_palette,
    kept_colours,
    write_frames,
    write_gif,
)
from tests.fixtures import FIXTURE_DIR

from .conftest import run_export


def _png(color, size=(16, 9)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return out.getvalue()


def test_gif_keeps_every_frame_even_identical_ones(tmp_path):
    path = tmp_path / "a.gif"
    assert write_gif([_png("red"), _png("red"), _png("blue")], path, frame_ms=100) == 3
    with Image.open(path) as im:
        assert im.n_frames == 3 and im.size == (16, 9) and im.info.get("loop") == 0


def test_gif_refuses_mixed_sizes_naming_the_frame(tmp_path):
    with pytest.raises(ValueError, match="frame 2 is 8x8, the first is 16x9"):
        write_gif([_png("red"), _png("red", (8, 8))], tmp_path / "a.gif")


def test_frames_are_numbered_and_dated(tmp_path):
    paths = write_frames([("1939-05-01", _png("red")), ("1939-05-08", _png("blue"))], tmp_path)
    assert [p.name for p in paths] == [frame_name(0, "1939-05-01"), frame_name(1, "1939-05-08")]


# -- colours: the legend's stay exact ----------------------------------------------------------


def _legend_colours() -> dict[str, tuple[int, int, int]]:
    """The fixture atlas' legend colours by English label (Japan, Events, Soviet Russia / USSR,
    ...), read from the legend as the exports read it."""
    rows = legend_entries(load_atlas(FIXTURE_DIR))
    return {r["labels"]["en"]: kept_colours([r["color"]])[0] for r in reversed(rows)}


def _closest_three(colours: dict) -> list[tuple[int, int, int]]:
    ussr = next(c for label, c in colours.items() if "USSR" in label)
    return [colours["Japan"], ussr, colours["Events"]]


def _synthetic(colours, size=(240, 200), seed=7) -> tuple[Image.Image, dict]:
    """Noise of many colours, and for each colour a 6x6 patch of it exactly inside a ring of
    near colours (within 8 of it per channel); returns the image and each patch's box."""
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 256, (size[1], size[0], 3), dtype=np.uint8)
    boxes = {}
    for i, rgb in enumerate(colours):
        x, y = 10 + (i % 8) * 28, 10 + (i // 8) * 28
        near = np.clip(np.array(rgb) + rng.integers(-8, 9, (18, 18, 3)), 0, 255)
        a[y - 6 : y + 12, x - 6 : x + 12] = near.astype(np.uint8)
        a[y : y + 6, x : x + 6] = rgb
        boxes[rgb] = (x, y, x + 6, y + 6)
    return Image.fromarray(a, "RGB"), boxes


def _patch_colours(im: Image.Image, box) -> set:
    return {c for _n, c in im.crop(box).convert("RGB").getcolors()}


def test_palette_keeps_every_legend_colour_exact_among_many_near_colours():
    colours = list(dict.fromkeys(_legend_colours().values()))
    image, boxes = _synthetic(colours)
    assert len(image.getcolors(1 << 24)) > 30_000  # far more than a GIF holds
    # the old way (median cut alone) loses some of them: the test can tell
    old = image.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    assert any(_patch_colours(old, boxes[c]) != {c} for c in colours)

    palette = gif_palette([image], keep=colours)
    assert len(palette.getpalette()) // 3 <= 256
    assert [tuple(palette.getpalette()[3 * i : 3 * i + 3]) for i in range(len(colours))] == colours
    out = apply_palette(image, palette, keep=colours)
    assert out.mode == "P"
    for c in colours:
        assert _patch_colours(out, boxes[c]) == {c}, c
    japan, ussr, events = _closest_three(_legend_colours())
    assert len({japan, ussr, events}) == 3
    # everything else still gets a near colour
    error = np.abs(np.asarray(out.convert("RGB"), int) - np.asarray(image, int)).mean()
    assert error < 12


def test_kept_colours_take_names_hex_and_triples_once_and_refuse_too_many():
    assert kept_colours(["#C0392B", (192, 57, 43), "white"]) == [(192, 57, 43), (255, 255, 255)]
    with pytest.raises(ValueError, match="300 colours to keep; the palette holds 256"):
        gif_palette([], keep=[(i, i % 7, 0) for i in range(300)])


def test_gif_file_keeps_legend_colours_in_every_frame(tmp_path):
    colours = list(dict.fromkeys(_legend_colours().values()))
    frames = [_synthetic(colours, seed=s) for s in (1, 2)]
    path = tmp_path / "a.gif"
    data = []
    for image, _boxes in frames:
        out = io.BytesIO()
        image.save(out, "PNG")
        data.append(out.getvalue())
    assert write_gif(data, path, keep=[f"#{r:02x}{g:02x}{b:02x}" for r, g, b in colours]) == 2
    with Image.open(path) as gif:
        for n, (_image, boxes) in enumerate(frames):
            gif.seek(n)
            frame = gif.convert("RGB")
            for c in colours:
                assert _patch_colours(frame, boxes[c]) == {c}, (n, c)


def test_page_gif_keeps_the_legend_colours(monkeypatch):
    # the page's renderer passes the legend's colours on; its frames stand in for Chromium's
    import components.export.frames as frames_module

    colours = list(dict.fromkeys(_legend_colours().values()))
    image, boxes = _synthetic(colours)
    png = io.BytesIO()
    image.save(png, "PNG")
    monkeypatch.setattr(frames_module, "render_frames", lambda atlas, job, on_frame: [
        png.getvalue(), png.getvalue()])  # fmt: skip
    render = frames_module.frame_renderer(load_atlas(FIXTURE_DIR))
    files = render({"dates": ["1918-09-01", "1918-09-08"]}, lambda n: None)
    with Image.open(io.BytesIO(files["gif"])) as gif:
        frame = gif.convert("RGB")
    for c in colours:
        assert _patch_colours(frame, boxes[c]) == {c}, c


def _exact(im: Image.Image, rgb) -> np.ndarray:
    return (np.asarray(im.convert("RGB")) == np.array(rgb, np.uint8)).all(axis=-1)


@pytest.mark.browser
def test_cli_gif_frame_keeps_the_legend_swatches_of_the_png_frame(tmp_path, needs_chromium):
    """A GIF of two dates and the PNG frames of the same dates and size, fixture atlas: every
    legend colour drawn exactly in the PNG (the legend's swatch glyphs) is there, at the same
    pixels, in the GIF's frame; Japan, the USSR and Events stay three colours."""
    common = ["--from", "1918-09-01", "--to", "1918-09-08", "--step", "7d", "--width", "640",
              "--height", "400", "--layers-dir", str(FIXTURE_DIR)]  # fmt: skip
    done = run_export(*common, "--out", str(tmp_path / "a.gif"))
    assert done.returncode == 0, done.stderr
    done = run_export(*common, "--out", f"{tmp_path / 'frames'}/")
    assert done.returncode == 0, done.stderr
    colours = _legend_colours()
    with Image.open(tmp_path / "a.gif") as gif:
        palette = gif.getpalette()  # one for every frame
    for n, iso in enumerate(["1918-09-01", "1918-09-08"]):
        png = Image.open(tmp_path / "frames" / frame_name(n, iso)).convert("RGB")
        with Image.open(tmp_path / "a.gif") as gif:
            gif.seek(n)
            frame = gif.convert("RGB")
        assert frame.size == png.size == (640, 400)
        drawn = {label: _exact(png, rgb) for label, rgb in colours.items()}
        drawn = {label: mask for label, mask in drawn.items() if mask.sum() >= 6}
        # the unit and event swatches at least: round glyphs with solid middles
        assert {"Japan", "United States", "Events"} <= set(drawn), sorted(drawn)
        for label, mask in drawn.items():
            assert _exact(frame, colours[label])[mask].all(), (iso, label)
        japan, ussr, events = _closest_three(colours)
        at = {label: {tuple(p) for p in np.asarray(frame)[drawn[label]]} for label in
              ("Japan", "Events")}  # fmt: skip
        assert at == {"Japan": {japan}, "Events": {events}}
        entries = {tuple(palette[i : i + 3]) for i in range(0, len(palette), 3)}
        assert {japan, ussr, events} <= entries  # three slots, not one (142, 73, 77)
