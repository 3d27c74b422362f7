"""The handout previews of docs/handouts/: Khalkhin Gol in English and Lake Khasan in Chinese,
each page of each PDF as a small PNG (pdftoppm; page 1 at 80 dpi, the sources at 56 dpi in
grey, colours kept in a 256-colour palette so that the files stay small).

Usage::

    python tools/handout_previews.py [--out docs/handouts]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
HANDOUTS = {"khalkhin-gol-en": ("khalkhin-gol", "en"), "khasan-zh": ("khasan", "zh")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "handouts"))
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, (period, lang) in HANDOUTS.items():
            pdf = Path(tmp) / f"{name}.pdf"
            subprocess.run([sys.executable, "app.py", "export", "--handout", "--period", period,
                            "--lang", lang, "--out", str(pdf)], cwd=ROOT, check=True)  # fmt: skip
            for old in out.glob(f"{name}-*.png"):
                old.unlink()
            prefix = str(Path(tmp) / name)
            subprocess.run(["pdftoppm", "-r", "80", "-f", "1", "-l", "1", "-png", str(pdf),
                            prefix], check=True)  # fmt: skip
            subprocess.run(["pdftoppm", "-r", "56", "-f", "2", "-gray", "-png", str(pdf), prefix],
                           check=True)  # fmt: skip
            for page in sorted(Path(tmp).glob(f"{name}-*.png")):
                image = Image.open(page)
                if image.mode == "RGB":
                    image = image.quantize(256, Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
                image.save(out / page.name.replace("-0", "-"), optimize=True)
                print(out / page.name.replace("-0", "-"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
