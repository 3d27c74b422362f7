"""Geocoder speed: index build, first lookup in a fresh process, lookups per second.

Goal (issue 2): first lookup within 2 s; at least 10,000 lookups per second after that.
Run: ``.venv/bin/python benchmarks/geocode.py``. Prints one line per figure.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time

FIRST = "import time; t=time.perf_counter(); from geodata import geocode; geocode('Harbin'); " \
        "print(time.perf_counter()-t)"  # fmt: skip


def _fresh_process(env: dict) -> float:
    out = subprocess.run([sys.executable, "-c", FIRST], env=env, capture_output=True, text=True,
                         check=True)  # fmt: skip
    return float(out.stdout.strip())


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "FEA_CACHE_DIR": cache}
        cold = _fresh_process(env)
        warm = _fresh_process(env)
    print(f"first lookup, fresh process, index not yet built: {cold:.2f} s")
    print(f"first lookup, fresh process, index cached on disk: {warm:.2f} s (goal <= 2 s)")

    from geodata.gazetteer import gazetteer
    from geodata.geocode import _lookup, geocode

    gaz = gazetteer()
    rng = random.Random(1918)
    names = [e.name for e in rng.sample(gaz.entries, 20000)]
    names += ["Harbin", "Владивосток", "ハルビン", "Mukden"] * 10
    _lookup.cache_clear()  # measure real lookups, not the memo
    start = time.perf_counter()
    for name in names:
        geocode(name)
    rate = len(names) / (time.perf_counter() - start)
    print(f"lookups per second (distinct names, memo cleared): {rate:,.0f} (goal >= 10,000)")


if __name__ == "__main__":
    main()
