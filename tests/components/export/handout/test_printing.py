"""The handout PDF, made by the command teachers type with the network blocked, read back
with poppler: pages and paper, every text, embedded fonts, real maps, and a legend that a
grayscale print keeps apart."""

from __future__ import annotations

import io
import itertools
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFilter

from components.atlas.data import load_atlas
from components.atlas.i18n import text as text_of
from components.export.handout.dates import handout_dates, period
from components.export.handout.model import build_handout

from ..conftest import run_export

POPPLER = all(
    shutil.which(t) for t in ("pdfinfo", "pdftotext", "pdffonts", "pdftoppm", "pdfimages")
)
pytestmark = pytest.mark.skipif(not POPPLER, reason="poppler-utils missing (make installs it)")
#: A4 and Letter in points, landscape for the second.
A4, LETTER_LANDSCAPE = (595.0, 842.0), (792.0, 612.0)


def _make(folder: Path, name: str, *args: str) -> Path:
    out = folder / name
    done = run_export("--handout", *args, "--out", str(out), timeout=400)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out) and done.stderr == ""
    return out


@pytest.fixture(scope="module")
def handouts(tmp_path_factory, needs_chromium):
    folder = tmp_path_factory.mktemp("handouts")
    atlas = load_atlas()
    kg = build_handout(atlas, handout_dates(atlas, period("khalkhin-gol"), 4), "en",
                       period_id="khalkhin-gol")  # fmt: skip
    kh = build_handout(atlas, handout_dates(atlas, period("khasan"), 3), "zh", "letter",
                       "landscape", "khasan")  # fmt: skip
    return {
        "en": (_make(folder, "kg.pdf", "--period", "khalkhin-gol", "--lang", "en"), kg),
        "zh": (_make(folder, "kh.pdf", "--period", "khasan", "--maps", "3", "--lang", "zh",
                     "--paper", "letter", "--orientation", "landscape"), kh),
    }  # fmt: skip


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _pages(pdf: Path) -> tuple[int, tuple[float, float]]:
    info = _run("pdfinfo", str(pdf))
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    w, h = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M).groups()
    return pages, (float(w), float(h))


def _flat(text: str) -> str:
    # spaces and hyphens out: pdftotext joins a word hyphenated at the end of a line
    return re.sub(r"[\s-]+", "", text)


def _text(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return _flat(_run("pdftotext", "-enc", "UTF-8", *pages, str(pdf), "-"))


@pytest.mark.parametrize(("lang", "size"), [("en", A4), ("zh", LETTER_LANDSCAPE)])
def test_page_count_and_paper_size(handouts, lang, size):
    pdf, h = handouts[lang]
    pages, (width, height) = _pages(pdf)
    assert (round(width), round(height)) == (round(size[0]), round(size[1]))
    assert pages >= 2  # page 1: maps and legend; then the sources
    assert f"{_flat(h.panels[-1].label)}" in _text(pdf, 1)
    assert _flat(h.sources[0]["quote"]) not in _text(pdf, 1)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_text_holds_title_captions_and_every_quote_each_on_one_page(handouts, lang):
    pdf, h = handouts[lang]
    pages, _size = _pages(pdf)
    first = _text(pdf, 1)
    for text in [h.title, h.subtitle, *(p.label for p in h.panels), *(p.caption for p in h.panels),
                 *(r["label"] for r in h.legend)]:  # fmt: skip
        assert _flat(text) in first, text
    assert _flat(h.attribution) in first
    by_page = [_text(pdf, n) for n in range(2, pages + 1)]
    assert len(h.sources) >= 10
    for source in h.sources:
        quote = _flat(source["quote"])
        holding = [n for n, text in enumerate(by_page, 2) if quote in text]
        assert holding, source["quote"]  # found, and whole on one page (never split)
        if source["translation"]:
            assert any(_flat(source["translation"]) in by_page[n - 2] for n in holding)
        assert any(source["document"] in by_page[n - 2] for n in holding)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_font_is_embedded(handouts, lang):
    pdf, _h = handouts[lang]
    rows = _run("pdffonts", str(pdf)).splitlines()[2:]
    assert rows
    for row in rows:  # name type encoding emb sub uni object generation
        emb, _sub, uni = row.split()[-5:-2]
        assert emb == "yes" and uni == "yes", row
    if lang == "zh":  # Noto CJK: Chromium embeds OpenType CFF glyphs as Type 3 fonts
        assert any("Type 3" in row for row in rows)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_maps_are_300_dpi_and_not_blank(handouts, lang, tmp_path):
    pdf, h = handouts[lang]
    listed = _run("pdfimages", "-list", "-f", "1", "-l", "1", str(pdf)).splitlines()[2:]
    assert len(listed) == len(h.panels)
    for row in listed:
        ppi = int(row.split()[12])
        assert 290 <= ppi <= 310, row
    subprocess.run(["pdfimages", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "m")],
                   check=True)  # fmt: skip
    images = sorted(tmp_path.glob("m-*.png"))
    assert len(images) == len(h.panels)
    for path in images:
        pixels = np.asarray(Image.open(path).convert("RGB"), dtype=np.int16)
        assert pixels.std() > 10  # a map, not a blank or a flat sea
        colours = np.unique(pixels.reshape(-1, 3)[::7], axis=0)
        assert len(colours) > 200
    first, last = (
        np.asarray(Image.open(p).convert("L"), dtype=np.int16) for p in images[:: len(images) - 1]
    )
    assert np.abs(first - last).mean() > 0.5  # the maps show different days


def _legend_boxes(pdf: Path, h) -> list[tuple[float, float, float, float]]:
    # each legend row's label on page 1, in legend order; its glyph is just left of it
    xml = _run("pdftotext", "-bbox-layout", "-f", "1", "-l", "1", str(pdf), "-")
    lines = []
    for line in re.findall(r"<line[^>]*>(.*?)</line>", xml, re.S):
        words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                           r'yMax="([\d.]+)">(.*?)</word>', line)  # fmt: skip
        if words:
            box = (float(words[0][0]), float(words[0][1]), float(words[-1][2]), float(words[0][3]))
            lines.append((_flat("".join(w[4] for w in words)), box))
    heading = next(box for text, box in lines if text == _flat(text_of("legend", h.lang)))
    right = _pages(pdf)[1][0] - 150  # left of the north arrow and the scale bar
    below = [(t, b) for t, b in lines if b[1] > heading[1] and b[0] < right]  # the legend
    column, last_x = 0, None
    ordered = []
    for t, b in sorted(below, key=lambda tb: tb[1][0]):
        if last_x is not None and b[0] - last_x > 40:  # the next CSS column
            column += 1
        last_x = b[0]
        ordered.append((column, b[1], t, b))
    below = [(t, b) for _c, _y, t, b in sorted(ordered, key=lambda o: (o[0], o[1]))]
    boxes = []
    for row in h.legend:
        found = next(i for i, (t, _b) in enumerate(below) if t == _flat(row["label"]))
        boxes.append(below.pop(found)[1])
    return boxes


def _glyphs(pdf: Path, h, dpi: int = 400) -> list[np.ndarray]:
    # each legend row's glyph in a grayscale render of page 1 (pdftoppm -gray)
    pgm = subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", "1", "-l", "1", str(pdf)],
                         capture_output=True, check=True).stdout  # fmt: skip
    page = np.asarray(Image.open(io.BytesIO(pgm)), dtype=np.int16)
    k, crops = dpi / 72, []
    for x0, y0, _x1, y1 in _legend_boxes(pdf, h):
        # the glyph: up to 22 pt wide, 1.5 mm before its label, on the label's line; centred
        # on its ink (the text's boxes place it to a point or two: CJK boxes are taller)
        left, right = round((x0 - 27) * k), round((x0 - 3) * k)
        middle = round((y0 + y1) / 2 * k)
        window = page[middle - round(7 * k) : middle + round(7 * k), left:right]
        rows = np.nonzero((window < 245).any(axis=1))[0]
        if len(rows):
            middle += round((rows[0] + rows[-1]) / 2) - round(7 * k)
        crop = page[middle - round(6.5 * k) : middle + round(6.5 * k), left:right]
        # softened by a pixel or two: a glyph printed half a pixel over differs at its edges
        soft = Image.fromarray(crop.astype(np.uint8)).filter(ImageFilter.BoxBlur(2))
        crops.append(np.asarray(soft, dtype=np.int16))
    return crops


def _apart(a: np.ndarray, b: np.ndarray, slack: int = 8) -> float:
    # the mean grey difference where either glyph has ink, at the best of small shifts (the
    # crops are placed from the text's boxes, to a point or so)
    h, w = min(a.shape[0], b.shape[0]), min(a.shape[1], b.shape[1])
    a, b = a[:h, :w], np.pad(b[:h, :w], slack, constant_values=255)
    best = 255.0
    for dy, dx in itertools.product(range(2 * slack + 1), repeat=2):
        moved = b[dy : dy + h, dx : dx + w]
        ink = (a < 245) | (moved < 245)
        best = min(best, float(np.abs(a - moved)[ink].mean()) if ink.any() else 0.0)
    return best


#: Two glyphs read as different in grey when they differ by this much on average where they
#: have ink; the same glyph printed on two handouts differs by less (checked below).
APART = 8


def test_a_grayscale_print_keeps_the_legends_entries_apart(handouts):
    glyphs = {}
    for lang in ("en", "zh"):
        pdf, h = handouts[lang]
        crops = _glyphs(pdf, h)
        assert len(crops) == len(h.legend) >= 5
        for crop, row in zip(crops, h.legend, strict=True):
            assert (crop < 200).sum() > 20, f"the glyph of {row['label']} prints blank"
        for (a, ra), (b, rb) in itertools.combinations(zip(crops, h.legend, strict=True), 2):
            assert _apart(a, b) >= APART, (lang, ra["label"], rb["label"], _apart(a, b))
        glyphs[lang] = {(r["shape"], r["color"]): c for c, r in zip(crops, h.legend, strict=True)}
    same = set(glyphs["en"]) & set(glyphs["zh"])  # the measure tells one glyph from itself
    assert same
    for key in same:
        assert _apart(glyphs["en"][key], glyphs["zh"][key]) < APART, key


def test_a_readers_pack_is_on_the_maps_in_the_legend_captions_and_sources(needs_chromium,
                                                                          tmp_path):  # fmt: skip
    import json

    visit = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [118.75, 47.75]},
        "properties": {
            "id": "visit",
            "layer": "events",
            "start": "1939-08-20",
            "end": "1939-08-20",
            "names": {"en": "Class visit to the river"},
            "source": [
                {
                    "document": "notes.csv",
                    "row": 3,
                    "cite": "Class notes",
                    "quote": "We stood on the bank of the Khalkhin Gol.",
                }
            ],
        },
    }
    pack = {"type": "FeatureCollection", "pack": 1, "name": "Our lesson", "file": "notes.csv",
            "features": [visit]}  # fmt: skip
    path = tmp_path / "notes.pack.geojson"
    path.write_text(json.dumps(pack), encoding="utf-8")
    pdf = _make(tmp_path, "pack.pdf", "--dates", "1939-08-20,1939-08-31", "--pack", str(path))
    first = _text(pdf, 1)
    legend = first.split(_flat(text_of("legend", "en")), 1)[1]
    assert _flat("Our lesson") in legend  # its legend row
    assert _flat("Class visit to the river") in first  # the caption of its day
    rest = "".join(_text(pdf, n) for n in range(2, _pages(pdf)[0] + 1))
    assert _flat("We stood on the bank of the Khalkhin Gol.") in rest
    assert _flat("Source (yours): notes.csv, row 3 (Class notes)") in rest
    subprocess.run(["pdfimages", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "m")],
                   check=True)  # fmt: skip
    blue = np.array([0x15, 0x65, 0xC0])  # the first pack's colour (legend.PACK_COLORS)
    on_map = [int((np.abs(np.asarray(Image.open(p).convert("RGB"), dtype=int) - blue).sum(axis=2)
                   < 40).sum()) for p in sorted(tmp_path.glob("m-*.png"))]  # fmt: skip
    # the visit, drawn in the pack's colour on its day (lit), faded eleven days on
    assert on_map[0] > 40 and on_map[1] < on_map[0] / 2, on_map
