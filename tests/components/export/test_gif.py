"""Frames to files."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from components.export.gif import frame_name, write_frames, write_gif


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
