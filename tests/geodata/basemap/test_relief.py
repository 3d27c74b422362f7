"""The relief's reprojection: Mercator rows, and coasts that fall where the vectors are drawn."""

import json

import numpy as np
import pytest
from PIL import Image, ImageDraw

from geodata.basemap.extent import ATLAS_EXTENT, Extent
from geodata.basemap.gshhs import read_polygons
from geodata.basemap.relief import (
    drawn_pixel,
    mercator_lat,
    mercator_y,
    output_size,
    relief_pixel,
    reproject,
    row_edges,
)  # fmt: skip
from geodata.basemap.store import LAYERS_DIR

SRC_SIZE = (10800, 5400)


@pytest.fixture(scope="module")
def relief():
    image = Image.open(LAYERS_DIR / "relief.jpg")
    meta = json.loads((LAYERS_DIR / "relief.json").read_text(encoding="utf-8"))
    return np.asarray(image.convert("RGB")).astype(int), meta


@pytest.fixture(scope="module")
def coast_points():
    """GSHHS coastline vertices of the larger landmasses, away from the extent's edges."""
    pts = []
    for _, poly in read_polygons("l", (1,), ATLAS_EXTENT.bbox):
        if poly.area < 1:
            continue
        c = np.asarray(poly.exterior.coords)
        inner = ATLAS_EXTENT
        keep = (c[:, 0] > inner.west + 0.5) & (c[:, 0] < inner.east - 0.5)
        keep &= (c[:, 1] > inner.south + 0.5) & (c[:, 1] < inner.north - 0.5)
        pts.append(c[keep])
    return np.vstack(pts)


def test_mercator_round_trip():
    lats = np.linspace(-80, 80, 33)
    np.testing.assert_allclose(mercator_lat(mercator_y(lats)), lats, atol=1e-9)
    with pytest.raises(ValueError, match="strictly between -90 and 90"):
        mercator_y(90)


def test_row_edges_follow_mercator_not_latitude():
    ext = Extent(20, -10, 150, 74)
    edges = row_edges(ext, 1000, 5400)
    assert edges[0] == pytest.approx(16 * 30) and edges[-1] == pytest.approx(100 * 30)
    assert np.all(np.diff(edges) > 0)
    rows_per_degree = np.diff(edges) * 1000 / 30  # source rows per output row, scaled
    assert rows_per_degree[0] < rows_per_degree[-1]  # the north is stretched


def test_reproject_puts_each_latitude_on_its_mercator_row():
    # A synthetic world whose red channel is the source row (0..179): 1 pixel per degree.
    rows = np.repeat(np.arange(180, dtype=np.uint8)[:, None], 360, axis=1)
    world = Image.fromarray(np.dstack([rows, rows, rows]), "RGB")
    ext = Extent(100, 0, 150, 70)
    out = np.asarray(reproject(world, ext, 100))[:, :, 0].astype(float)
    h = out.shape[0]
    y_n, y_s = mercator_y(70), mercator_y(0)
    centre_lat = mercator_lat(y_n - (np.arange(h) + 0.5) * (y_n - y_s) / h)
    expected = 90 - centre_lat - 0.5  # the source row whose centre is at that latitude
    assert np.abs(out.mean(axis=1) - expected).max() < 0.75


def test_coast_points_land_within_one_pixel_of_the_vector_coast(relief, coast_points):
    image, meta = relief
    size = (meta["width"], meta["height"])
    assert image.shape[:2] == (size[1], size[0])
    assert meta["coordinates"] == ATLAS_EXTENT.corners()
    lon, lat = coast_points[:, 0], coast_points[:, 1]
    vx, vy = drawn_pixel(lon, lat, ATLAS_EXTENT, size)  # where MapLibre draws the coast
    rx, ry = relief_pixel(lon, lat, ATLAS_EXTENT, size, SRC_SIZE)  # where the relief put it
    assert np.hypot(vx - rx, vy - ry).max() < 1.0
    # The same check would fail with rows linear in latitude (plate carree left as is).
    linear_y = (ATLAS_EXTENT.north - lat) / (ATLAS_EXTENT.north - ATLAS_EXTENT.south) * size[1]
    assert np.abs(linear_y - vy).max() > 50


def _land_mask(size):
    """GSHHS land (lakes cut out) drawn where MapLibre draws it on the image."""
    mask = Image.new("L", size, 0)
    draw = ImageDraw.Draw(mask)
    for level, poly in read_polygons("l", (1, 2, 3), ATLAS_EXTENT.bbox):
        if poly.area < 0.05:
            continue
        c = np.asarray(poly.exterior.coords)
        x, y = drawn_pixel(c[:, 0], np.clip(c[:, 1], -85, 85), ATLAS_EXTENT, size)
        draw.polygon(list(zip(x, y, strict=False)), fill=0 if level == 2 else 255)
    return np.asarray(mask) > 127


@pytest.mark.parametrize("band", ["north", "middle", "south"])
def test_relief_coasts_sit_on_the_vector_coasts(relief, band):
    """In each latitude band the relief's land/water agrees best with GSHHS at no shift."""
    image, meta = relief
    size = (meta["width"], meta["height"])
    water = (image[..., 2] - image[..., 1]) > 9  # the relief's sea is bluer than its land
    vector = _land_mask(size)
    h = size[1]
    rows = {"north": slice(0, h // 5), "middle": slice(h // 5, h * 11 // 20),
            "south": slice(h * 11 // 20, h)}[band]  # fmt: skip
    scores = np.zeros((7, 7))
    for dy in range(-3, 4):
        for dx in range(-3, 4):
            shifted = np.roll(np.roll(vector, dy, 0), dx, 1)
            scores[dy + 3, dx + 3] = (shifted[rows] == ~water[rows]).mean()
    best = np.unravel_index(scores.argmax(), scores.shape)
    assert abs(best[0] - 3) <= 1 and abs(best[1] - 3) <= 1, scores.round(4)
    assert scores[3, 3] > 0.95


def test_relief_is_small_enough_for_the_first_page(relief):
    _, meta = relief
    assert (LAYERS_DIR / meta["image"]).stat().st_size < 900_000
    assert output_size(ATLAS_EXTENT) == (meta["width"], meta["height"])


def test_reproject_rejects_non_world_images():
    with pytest.raises(ValueError, match="2:1 plate carree"):
        reproject(Image.new("RGB", (100, 100)), Extent(0, 0, 10, 10), 10)
    with pytest.raises(TypeError, match="got ndarray"):
        reproject(np.zeros((10, 20, 3)), Extent(0, 0, 10, 10), 10)
