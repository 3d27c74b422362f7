"""Python and the browser engine compute time the same way: one table, run through both.

The cases are generated here and the expected values computed by the Python functions
(``components/atlas/timeline.py``); ``tests/js/parity_runner.js`` runs the same calls through
``assets/fea-1-core.js``. Where Python raises, the JS must return null.

Known difference, left out of the table: Python's ``\\d`` also matches non-ASCII digits
(``day_number("١٩٣٩-٠٨-٢٠")`` is a day), the JS reads ASCII digits only.
"""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

RUNNER = Path(__file__).parent / "js" / "parity_runner.js"
NODE = shutil.which("node") or shutil.which("nodejs")
SHOWN = 12  # mismatches listed in a failure


def _timeline():
    for name in ("components.timeline", "components.atlas.timeline"):
        try:
            return importlib.import_module(name)
        except ModuleNotFoundError:
            continue
    raise ModuleNotFoundError("no components.timeline nor components.atlas.timeline")


T = _timeline()


def _iso(y: int, m: int, d: int) -> str:
    return f"{'-' if y < 0 else ''}{abs(y):04d}-{m:02d}-{d:02d}"


YEARS = sorted({*range(-100, 2101, 37), -5, -4, -1, 0, 1, 4, 100, 1600, 1700, 1800, 1899,
                1900, 1904, 1917, 1939, 1940, 1945, 1946, 2000, 2100})  # fmt: skip


def date_strings() -> list:
    """Month starts, ends and impossible days over -0100..2100, then malformed strings."""
    out = []
    for y in YEARS:
        for m in range(1, 13):
            out += [_iso(y, m, d) for d in (0, 1, 15, 28, 29, 30, 31, 32)]
    out += [_iso(y, 13, 1) for y in (-1, 1939)] + [_iso(1939, 0, 1)]
    out += [
        "", "1939", "1939-8-20", "39-08-20", "1939/08/20", "1939-08-20T00:00", "+1939-08-20",
        "--1939-08-20", "-1939-08-20", "1939-08-20x", "x1939-08-20", "19390-08-20",
        "0001-01-01", "0000-02-29", "-0001-02-29", "-0004-02-29", "-0100-02-29", "2000-02-29",
        "1900-02-29", "12345-06-30", "-12345-06-30", " 1939-08-20 ", "\t1939-08-20\n",
        "\x1c1939-08-20\x1f", "\u30001939-08-20\xa0", "\ufeff1939-08-20", "1939-08-20\u200b",
        "1939 -08-20", None, 19390820, 1939.5, ["1939-08-20"],
    ]  # fmt: skip
    return out


def _python(fn, *args):
    try:
        return json.loads(json.dumps(fn(*args)))  # tuples become lists, as in JSON
    except (ValueError, TypeError, AttributeError):
        return None


def date_cases() -> list:
    """(JS call, Python's result) for day numbers, ISO days and month arithmetic."""
    cases = [(("dayNumber", [s]), _python(T.day_number, s)) for s in date_strings()]
    days = sorted({r for (_, _), r in cases if r is not None})
    days += list(range(-730486, -730486 + 800, 7)) + list(range(-694000, -693500, 11))
    cases += [(("isoDate", [d]), T.iso_date(d)) for d in days]
    cases += [(("civil", [d]), list(T.civil(d))) for d in days[::5]]
    for d in days[::25]:
        cases += [(("addMonths", [d, n]), T.add_months(d, n)) for n in range(-25, 26)]
    months = list(T.MONTHS_EN)
    for d in days[::40]:
        for precision in ("year", "month", "day"):
            for lang in ("en", "zh", "ja"):
                iso = T.iso_date(d)
                cases.append((("formatDate", [iso, precision, lang, months]),
                              T.format_date(iso, precision, lang)))  # fmt: skip
    return cases


def run_js(cases: list) -> list:
    """The results of the cases' calls through assets/fea-1-core.js, one per case."""
    if NODE is None:
        pytest.skip("node is not installed (make test installs Debian's nodejs)")
    with tempfile.TemporaryDirectory() as tmp:
        calls, results = Path(tmp, "calls.json"), Path(tmp, "results.json")
        calls.write_text(json.dumps([call for call, _ in cases]), encoding="utf-8")
        done = subprocess.run([NODE, str(RUNNER), str(calls), str(results)],
                              capture_output=True, text=True, timeout=120)  # fmt: skip
        assert done.returncode == 0, f"{RUNNER.name} failed:\n{done.stderr}"
        return json.loads(results.read_text(encoding="utf-8"))


def _same(python, js) -> bool:
    if isinstance(python, float) or isinstance(js, float):
        return isinstance(js, int | float) and python is not None and abs(python - js) <= 1e-9
    if isinstance(python, list) and isinstance(js, list):
        return len(python) == len(js) and all(map(_same, python, js))
    return python == js and type(python) is type(js)


def assert_parity(cases: list) -> None:
    """Fails listing the first mismatches as call, Python's result and the JS result."""
    results = run_js(cases)
    assert len(results) == len(cases)
    bad = [(call, want, got) for (call, want), got in zip(cases, results, strict=True)
           if not _same(want, got)]  # fmt: skip
    lines = [f"{name}({json.dumps(args)[1:-1]}): python {want!r}, js {got!r}"
             for (name, args), want, got in bad[:SHOWN]]  # fmt: skip
    assert not bad, f"{len(bad)} of {len(cases)} cases differ:\n" + "\n".join(lines)


def test_dates_agree():
    """Day numbers, ISO days, month and step arithmetic agree on a few thousand cases."""
    cases = date_cases()
    assert len(cases) > 2000
    assert any(r is None for _, r in cases) and any(c[0] == "addMonths" for c, _ in cases)
    assert_parity(cases)


def test_negative_years_round_trip():
    """Both write the extended ISO form before year 0 and read it back."""
    assert T.iso_date(T.day_number("-0044-03-15")) == "-0044-03-15"
    days = range(T.day_number("-0401-01-01"), T.day_number("0002-01-01"), 13)
    cases = [(("isoDate", [d]), T.iso_date(d)) for d in days]
    assert all(T.day_number(iso) == d for d, ((_, _), iso) in zip(days, cases, strict=True))
    assert_parity(cases)


def test_a_mismatch_is_reported():
    """The comparison itself catches a wrong answer, and names the call."""
    cases = [(("dayNumber", ["1939-08-20"]), 14475), (("isoDate", [0]), "1900-01-02")]
    message = r"1 of 2 cases differ:\n\s*isoDate\(0\): python '1900-01-02', js '1900-01-01'"
    with pytest.raises(AssertionError, match=message):
        assert_parity(cases)


def test_motion_agrees_on_the_atlas_units():
    """Where each unit is, its strength, and the leg the map draws (with its kind of
    movement): Python (``components/atlas/motion.py``) and the engine agree on every unit of
    the atlas on days around each of its waypoints."""
    from components.atlas.data import load_atlas
    from components.atlas.motion import leg_at, position_at, strength_at
    from components.atlas.registry import layer_spec

    style = layer_spec("deployments").style
    transit, arrow = style["transit_days"], style["arrow_days"]
    cases = []
    for unit in load_atlas().units:
        track, moves, end = unit["track"], unit["movements"], unit["end"]
        days = sorted({w[0] + k for w in track for k in (-31, -30, -5, -1, 0, 1, 9, 10, 11)})
        for day in days:
            cases.append((("positionAt", [track, end, day, transit]),
                          _python(position_at, track, end, day, transit)))  # fmt: skip
            cases.append((("strengthAt", [unit["strengths"], day]),
                          _python(strength_at, unit["strengths"], day)))  # fmt: skip
            cases.append((("legAt", [track, moves, end, day, transit, arrow]),
                          _python(leg_at, track, moves, end, day, transit, arrow)))  # fmt: skip
    legs = [want for (name, _), want in cases if name == "legAt" and want]
    assert {leg["movement"] for leg in legs} >= {"attack", "advance", "withdrawal", "transfer"}
    assert any(leg["arrived"] for leg in legs) and any(not leg["arrived"] for leg in legs)
    assert_parity(cases)
