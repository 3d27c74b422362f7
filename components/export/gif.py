"""Frames to files: an animated GIF (Pillow) or a folder of numbered PNG frames.

>>> import io
>>> from PIL import Image
>>> frames = [_solid(c) for c in ("red", "blue", "green")]
>>> out = io.BytesIO()
>>> write_gif(frames, out, frame_ms=200)
3
>>> Image.open(out).n_frames
3
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from PIL import Image

#: How long each frame shows in the GIF, in milliseconds; the last one stays longer.
FRAME_MS = 400
LAST_FRAME_MS = 2000


def _solid(color: str, size=(8, 8)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return out.getvalue()


def to_palette(image_bytes: bytes) -> Image.Image:
    """One frame (PNG or JPEG bytes) as a 256-colour image for the GIF.

    Examples
    --------
    >>> to_palette(_solid("red")).mode
    'P'
    """
    with Image.open(io.BytesIO(image_bytes)) as im:
        return im.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT,
                                          dither=Image.Dither.NONE)  # fmt: skip


def write_gif(frames: Iterable[bytes], out, frame_ms: int = FRAME_MS,
              last_ms: int = LAST_FRAME_MS) -> int:  # fmt: skip
    """Write the frames (image bytes) as an animated GIF that loops; return the frame count.

    Parameters
    ----------
    frames : iterable of bytes
        PNG or JPEG images of one size.
    out : path or binary file
        Where the GIF goes.
    frame_ms, last_ms : int
        How long each frame shows, and the last one.

    Raises
    ------
    ValueError
        When there is no frame or the frames differ in size (naming the frame).
    """
    images = [to_palette(f) for f in frames]
    if not images:
        raise ValueError("no frame to write")
    for i, im in enumerate(images[1:], start=2):
        if im.size != images[0].size:
            raise ValueError(f"frame {i} is {im.size[0]}x{im.size[1]}, the first is "
                             f"{images[0].size[0]}x{images[0].size[1]}")  # fmt: skip
    for prev, im in zip(images, images[1:], strict=False):
        _keep_distinct(prev, im)
    durations = [frame_ms] * (len(images) - 1) + [last_ms]
    # disposal 1 and no optimisation: every frame stays a frame, even when two look alike
    images[0].save(out, format="GIF", save_all=True, append_images=images[1:], loop=0,
                   duration=durations, disposal=1, optimize=False)  # fmt: skip
    return len(images)


def _keep_distinct(prev: Image.Image, im: Image.Image) -> None:
    # Pillow folds a frame equal to the one before into it; a GIF of N dates keeps N frames
    # (a still spell of the war is still N steps): nudge one corner pixel's palette index.
    if im.tobytes() == prev.tobytes() and im.getpalette() == prev.getpalette():
        im.putpixel((0, 0), (im.getpixel((0, 0)) + 1) % 256)


def frame_name(index: int, iso: str) -> str:
    """The file name of a PNG frame: sortable by index, with its date.

    Examples
    --------
    >>> frame_name(3, "1939-05-22")
    'frame-0003-1939-05-22.png'
    """
    return f"frame-{index:04d}-{iso}.png"


def write_frames(frames: Iterable[tuple[str, bytes]], folder: Path) -> list[Path]:
    """Write ``(iso date, PNG bytes)`` frames into ``folder`` (which must exist)."""
    paths = []
    for i, (iso, png) in enumerate(frames):
        path = Path(folder) / frame_name(i, iso)
        path.write_bytes(png)
        paths.append(path)
    return paths
