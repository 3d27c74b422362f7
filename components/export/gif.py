"""Frames to files: an animated GIF (Pillow) or a folder of numbered PNG frames.

A GIF holds 256 colours. :func:`gif_palette` picks them: the colours to ``keep`` (the legend's,
passed by the caller from :func:`components.atlas.legend.legend_entries`) each get a slot of
their own, and an adaptive octree palette over the frames fills the rest. Every pixel is then
mapped to its nearest palette colour without dithering, and a pixel that was exactly a kept
colour stays exactly that colour: the legend's swatches and the map's markers keep their hues.

>>> import io
>>> from PIL import Image
>>> frames = [_solid(c) for c in ("red", "blue", "green")]
>>> out = io.BytesIO()
>>> write_gif(frames, out, frame_ms=200, keep=["#c0392b"])
3
>>> Image.open(out).n_frames
3
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from PIL import Image, ImageColor

#: How long each frame shows in the GIF, in milliseconds; the last one stays longer.
FRAME_MS = 400
LAST_FRAME_MS = 2000
#: A GIF's palette size.
GIF_COLOURS = 256
#: At most this many pixels (a stride sample over all frames) go into the adaptive palette.
SAMPLE_PIXELS = 2_000_000

Colour = str | Sequence[int]


def _solid(color: str, size=(8, 8)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return out.getvalue()


def _rgb(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as im:
        return im.convert("RGB")


def kept_colours(keep: Iterable[Colour]) -> list[tuple[int, int, int]]:
    """The colours to keep as RGB triples, each once, in order (``#rrggbb``, a CSS colour name or
    an ``(r, g, b)``).

    Examples
    --------
    >>> kept_colours(["#c0392b", (192, 57, 43), "white"])
    [(192, 57, 43), (255, 255, 255)]
    """
    out: dict[tuple[int, int, int], None] = {}
    for colour in keep:
        rgb = ImageColor.getrgb(colour) if isinstance(colour, str) else tuple(colour)
        out[tuple(int(v) for v in rgb[:3])] = None
    return list(out)


def _key(rgb: np.ndarray) -> np.ndarray:
    """Each pixel (or palette row) of an ``(..., 3)`` uint8 array as one ``0xRRGGBB`` integer."""
    rgb = rgb.astype(np.uint32)
    return (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]


def gif_palette(images: Iterable[Image.Image], keep: Iterable[Colour] = (),
                colours: int = GIF_COLOURS) -> Image.Image:  # fmt: skip
    """A palette image of at most ``colours`` colours: every colour of ``keep`` exactly, then an
    adaptive (fast octree) palette of the ``images`` (RGB) in the slots left.

    Parameters
    ----------
    images : iterable of PIL.Image.Image
        The frames, or a sample of them, in RGB.
    keep : iterable of colour
        Colours that get a slot of their own (``#rrggbb``, a name or ``(r, g, b)``).
    colours : int
        The palette's size, at most 256.

    Raises
    ------
    ValueError
        When there are more colours to keep than the palette holds.

    Examples
    --------
    >>> pal = gif_palette([Image.new("RGB", (4, 4), "navy")], keep=["#d62728"])
    >>> pal.getpalette()[:6]
    [214, 39, 40, 0, 0, 128]
    """
    kept = kept_colours(keep)
    if len(kept) > colours:
        raise ValueError(f"{len(kept)} colours to keep; the palette holds {colours}")
    images = list(images)
    adaptive: list[tuple[int, int, int]] = []
    if images and len(kept) < colours:
        pixels = np.concatenate([np.asarray(im.convert("RGB")).reshape(-1, 3) for im in images])
        sample = Image.fromarray(pixels.reshape(1, -1, 3), "RGB")
        quantised = sample.quantize(colours - len(kept), method=Image.Quantize.FASTOCTREE,
                                    dither=Image.Dither.NONE)  # fmt: skip
        used = sorted(c for _n, c in quantised.getcolors(colours))
        flat = quantised.getpalette()
        seen = set(kept)
        for i in used:
            rgb = tuple(flat[3 * i : 3 * i + 3])
            if rgb not in seen:
                seen.add(rgb)
                adaptive.append(rgb)
    entries = kept + adaptive or [(0, 0, 0)]
    palette = Image.new("P", (1, 1))
    palette.putpalette([v for rgb in entries for v in rgb])
    return palette


def _sample(image: Image.Image, count: int, budget: int = SAMPLE_PIXELS) -> Image.Image:
    """A stride sample of one of ``count`` frames (exact pixels, no blending): the ``count``
    samples hold at most about ``budget`` pixels together."""
    step = max(1, math.ceil(math.sqrt(image.width * image.height * count / budget)))
    if step == 1:
        return image
    return Image.fromarray(np.ascontiguousarray(np.asarray(image)[::step, ::step]), "RGB")


def apply_palette(image: Image.Image, palette: Image.Image,
                  keep: Iterable[Colour] = ()) -> Image.Image:  # fmt: skip
    """``image`` (RGB) in the colours of ``palette``: each pixel its nearest palette colour,
    without dithering, and a pixel exactly equal to a colour of ``keep`` exactly that colour.

    Pillow's nearest-colour lookup works on cells of 4x4x4 colour values, so a kept colour could
    fall to a neighbour in the same cell: the pixels of each kept colour are set afterwards.

    Examples
    --------
    >>> pal = gif_palette([], keep=[(10, 10, 10), (11, 11, 11)])
    >>> out = apply_palette(Image.new("RGB", (2, 1), (11, 11, 11)), pal, keep=[(11, 11, 11)])
    >>> out.convert("RGB").getpixel((0, 0))
    (11, 11, 11)
    """
    image = image.convert("RGB")
    mapped = image.quantize(palette=palette, dither=Image.Dither.NONE)
    kept = kept_colours(keep)
    if not kept:
        return mapped
    flat = palette.getpalette()
    slots = {tuple(flat[i : i + 3]): i // 3 for i in range(len(flat) - 3, -1, -3)}
    pixels = _key(np.asarray(image))
    index = np.array(mapped, dtype=np.uint8)
    for rgb in kept:
        if rgb in slots:
            index[pixels == _key(np.array(rgb, dtype=np.uint8))] = slots[rgb]
    mapped.frombytes(index.tobytes())
    return mapped


def to_palette(image_bytes: bytes, keep: Iterable[Colour] = (),
               palette: Image.Image | None = None) -> Image.Image:  # fmt: skip
    """One frame (PNG bytes; JPEG works but blurs the colours) as a 256-colour image for the GIF:
    in ``palette``, or in a palette of its own that keeps the colours of ``keep``.

    Examples
    --------
    >>> im = to_palette(_solid("red"), keep=["#1f4e9c"])
    >>> im.mode, im.convert("RGB").getpixel((0, 0)), im.getpalette()[:3]
    ('P', (255, 0, 0), [31, 78, 156])
    """
    image = _rgb(image_bytes)
    return apply_palette(image, palette or gif_palette([image], keep), keep)


def write_gif(frames: Iterable[bytes], out, frame_ms: int = FRAME_MS,
              last_ms: int = LAST_FRAME_MS, keep: Iterable[Colour] = ()) -> int:  # fmt: skip
    """Write the frames (image bytes) as an animated GIF that loops; return the frame count.

    All frames share one palette (:func:`gif_palette` over a sample of every frame), so the
    unchanging map does not shimmer from frame to frame.

    Parameters
    ----------
    frames : iterable of bytes
        PNG images of one size (JPEG works, but its blur leaves no colour exact).
    out : path or binary file
        Where the GIF goes.
    frame_ms, last_ms : int
        How long each frame shows, and the last one.
    keep : iterable of colour
        Colours kept exactly (``#rrggbb`` or ``(r, g, b)``): the legend's, from
        :func:`components.atlas.legend.legend_entries`.

    Raises
    ------
    ValueError
        When there is no frame or the frames differ in size (naming the frame).
    """
    frames = list(frames)
    if not frames:
        raise ValueError("no frame to write")
    keep = kept_colours(keep)
    size = None
    samples = []
    for i, data in enumerate(frames, start=1):  # first pass: sizes and a sample for the palette
        image = _rgb(data)
        size = size or image.size
        if image.size != size:
            raise ValueError(f"frame {i} is {image.size[0]}x{image.size[1]}, the first is "
                             f"{size[0]}x{size[1]}")  # fmt: skip
        samples.append(_sample(image, len(frames)))
    palette = gif_palette(samples, keep)
    # second pass: decode again rather than hold every frame in RGB (400 frames of 1600x900)
    images = [apply_palette(_rgb(data), palette, keep) for data in frames]
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
        im.putpixel((0, 0), (im.getpixel((0, 0)) + 1) % (len(im.getpalette()) // 3))


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
