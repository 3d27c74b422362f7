"""A palette a colour-blind pupil can read.

Any two nations on the map on the same day differ by colour, a CIEDE2000 distance of at least
:data:`MIN_DE` under full deuteranopia and under full protanopia (Machado et al. 2009, through
``colorspacious`` at severity 100), or by marker shape. Japan, the USSR and the events are
three distinct colours; the United Kingdom and Mongolia are not both blue, nor China and Italy
both green; the legend has a row for every colour on the map, the border fills included.

Run with ``-s`` to see the closest pairs.
"""

from __future__ import annotations

import colorsys
import itertools
import json
import math
from collections import defaultdict
from functools import cache

import numpy as np
import pytest
from colorspacious import cspace_convert

from components.atlas.data import layers_dir, load_atlas
from components.atlas.legend import legend_entries
from components.atlas.registry import (
    MARKER_SHAPES,
    MODES,
    MOVEMENTS,
    NATIONS,
    OTHER_NATION,
    layer_spec,
)
from components.atlas.scene import scene_schema
from components.atlas.timeline import day_number
from components.basemap.style import SOVEREIGN_COLOURS

MIN_DE = 10.0
CVD = ("deuteranomaly", "protanomaly")  # at severity 100: deuteranopia and protanopia


# --- CIEDE2000 (Sharma, Wu and Dalal 2005), checked against the paper's test data ----------


def ciede2000(lab1, lab2) -> float:
    """The CIEDE2000 colour difference of two CIELAB colours (kL = kC = kH = 1)."""
    (L1, a1, b1), (L2, a2, b2) = lab1, lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar**7 / (c_bar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    d_lp, d_cp = L2 - L1, c2p - c1p
    if c1p * c2p == 0:
        d_hp = 0.0
    elif abs(h2p - h1p) <= 180:
        d_hp = h2p - h1p
    else:
        d_hp = h2p - h1p - 360 if h2p > h1p else h2p - h1p + 360
    d_big_hp = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(d_hp / 2))
    l_barp, c_barp = (L1 + L2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_barp = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_barp = (h1p + h2p) / 2
    else:
        h_barp = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(h_barp - 30)) + 0.24 * math.cos(math.radians(2 * h_barp))
         + 0.32 * math.cos(math.radians(3 * h_barp + 6))
         - 0.20 * math.cos(math.radians(4 * h_barp - 63)))  # fmt: skip
    d_theta = 30 * math.exp(-(((h_barp - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(c_barp**7 / (c_barp**7 + 25**7))
    s_l = 1 + 0.015 * (l_barp - 50) ** 2 / math.sqrt(20 + (l_barp - 50) ** 2)
    s_c = 1 + 0.045 * c_barp
    s_h = 1 + 0.015 * c_barp * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    dl, dc, dh = d_lp / s_l, d_cp / s_c, d_big_hp / s_h
    return math.sqrt(dl * dl + dc * dc + dh * dh + r_t * dc * dh)


#: Sharma, Wu and Dalal (2005), table 1: L1 a1 b1, L2 a2 b2, the difference.
SHARMA = [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 3.1571, -77.2803), (50.0, 0.0, -82.7485), 2.8615),
    ((50.0, 2.8361, -74.0200), (50.0, 0.0, -82.7485), 3.4412),
    ((50.0, -1.3802, -84.2814), (50.0, 0.0, -82.7485), 1.0000),
    ((50.0, -1.1848, -84.8006), (50.0, 0.0, -82.7485), 1.0000),
    ((50.0, -0.9009, -85.5211), (50.0, 0.0, -82.7485), 1.0000),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, -1.0, 2.0), (50.0, 0.0, 0.0), 2.3669),
    ((50.0, 2.4900, -0.0010), (50.0, -2.4900, 0.0009), 7.1792),
    ((50.0, 2.4900, -0.0010), (50.0, -2.4900, 0.0010), 7.1792),
    ((50.0, 2.4900, -0.0010), (50.0, -2.4900, 0.0011), 7.2195),
    ((50.0, 2.4900, -0.0010), (50.0, -2.4900, 0.0012), 7.2195),
    ((50.0, -0.0010, 2.4900), (50.0, 0.0009, -2.4900), 4.8045),
    ((50.0, -0.0010, 2.4900), (50.0, 0.0010, -2.4900), 4.8045),
    ((50.0, -0.0010, 2.4900), (50.0, 0.0011, -2.4900), 4.7461),
    ((50.0, 2.5, 0.0), (50.0, 0.0, -2.5), 4.3065),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((50.0, 2.5, 0.0), (61.0, -5.0, 29.0), 22.8977),
    ((50.0, 2.5, 0.0), (56.0, -27.0, -3.0), 31.9030),
    ((50.0, 2.5, 0.0), (58.0, 24.0, 15.0), 19.4535),
    ((50.0, 2.5, 0.0), (50.0, 3.1736, 0.5854), 1.0000),
    ((50.0, 2.5, 0.0), (50.0, 3.2972, 0.0), 1.0000),
    ((50.0, 2.5, 0.0), (50.0, 1.8634, 0.5757), 1.0000),
    ((50.0, 2.5, 0.0), (50.0, 3.2592, 0.3350), 1.0000),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((63.0109, -31.0961, -5.8663), (62.8187, -29.7946, -4.0864), 1.2630),
    ((61.2901, 3.7196, -5.3901), (61.4292, 2.2480, -4.9620), 1.8731),
    ((35.0831, -44.1164, 3.7933), (35.0232, -40.0716, 1.5901), 1.8645),
    ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
    ((36.4612, 47.8580, 18.3852), (36.2715, 50.5065, 21.2231), 1.4146),
    ((90.8027, -2.0831, 1.4410), (91.1528, -1.6435, 0.0447), 1.4441),
    ((90.9257, -0.5406, -0.9208), (88.6381, -0.8985, -0.7239), 1.5381),
    ((6.7747, -0.2908, -2.4247), (5.8714, -0.0985, -2.2286), 0.6377),
    ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
]


@pytest.mark.parametrize(("lab1", "lab2", "expected"), SHARMA)
def test_ciede2000_matches_the_published_test_data(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)
    assert ciede2000(lab2, lab1) == pytest.approx(expected, abs=1e-4)


# --- colours as a colour-blind reader sees them ----------------------------------------------


def _rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])


@cache
def lab(hex_colour: str, cvd: str | None = None) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour, as seen with full ``cvd`` (or normal vision)."""
    rgb = _rgb(hex_colour)
    if cvd:
        space = {"name": "sRGB1+CVD", "cvd_type": cvd, "severity": 100}
        rgb = np.clip(cspace_convert(rgb, space, "sRGB1"), 0, 1)
    return tuple(float(v) for v in cspace_convert(rgb, "sRGB1", "CIELab"))


def delta(c1: str, c2: str, cvd: str | None = None) -> float:
    return ciede2000(lab(c1, cvd), lab(c2, cvd))


def cvd_delta(c1: str, c2: str) -> float:
    """The smaller CIEDE2000 distance of the two colours under deuteranopia and protanopia."""
    return min(delta(c1, c2, cvd) for cvd in CVD)


def hue(hex_colour: str) -> float:
    return colorsys.rgb_to_hsv(*_rgb(hex_colour))[0] * 360


def test_the_simulation_folds_red_and_green_together():
    # the simulation itself: red and green, far apart to most eyes, close to a deuteranope's
    assert delta("#c0392b", "#1b7837") > 40
    assert cvd_delta("#c0392b", "#1b7837") < 10
    assert cvd_delta("#1f4e9c", "#e6a700") > 40  # blue and yellow stay apart


# --- the nations on the map, day by day ------------------------------------------------------


@cache
def nations_by_day() -> dict[int, frozenset[str]]:
    """Day -> the nations of the units on the map that day, from the built deployments: a unit
    is on the map from its first waypoint's start to its last waypoint's end (a waypoint the
    seeds place nowhere, with no geometry, is not drawn)."""
    path = layers_dir() / "deployments.geojson"
    units: dict[str, list[dict]] = defaultdict(list)
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        props = feature["properties"]
        if not feature.get("geometry"):
            continue
        units[props.get("deployment") or props["id"]].append(props)
    on: dict[int, set[str]] = defaultdict(set)
    for waypoints in units.values():
        waypoints.sort(key=lambda p: (p.get("seq", 0), p["start"]))
        first = day_number(waypoints[0]["start"])
        last = max(day_number(p["end"]) for p in waypoints)
        for day in range(first, last + 1):
            on[day].add(waypoints[0]["nation"])
    return {day: frozenset(codes) for day, codes in on.items()}


def nation(code: str):
    return NATIONS.get(code, OTHER_NATION)


def _pairs_together() -> dict[tuple[str, str], int]:
    """Each pair of nations on the map on the same day -> the first such day."""
    pairs: dict[tuple[str, str], int] = {}
    for day, codes in sorted(nations_by_day().items()):
        for pair in itertools.combinations(sorted(codes), 2):
            pairs.setdefault(pair, day)
    return pairs


def test_the_days_are_read_from_the_built_units():
    by_day = nations_by_day()
    assert by_day, "no units on the map"
    assert max(len(codes) for codes in by_day.values()) >= 5
    # the same units as the atlas draws (its own reading of the same file)
    atlas_nations = {u["nation"] for u in load_atlas().units}
    assert set().union(*by_day.values()) == atlas_nations


def test_every_nation_has_a_known_marker_shape_and_a_colour():
    for code, n in {**NATIONS, "": OTHER_NATION}.items():
        assert n.shape in MARKER_SHAPES, code
        assert len(n.color) == 7 and n.color.startswith("#"), code
    assert set(MARKER_SHAPES) == set(scene_schema()["$defs"]["marker"]["enum"])


def test_two_nations_on_the_map_on_one_day_differ_by_colour_or_by_shape():
    rows, failures = [], []
    for (a, b), day in _pairs_together().items():
        d = {cvd: delta(nation(a).color, nation(b).color, cvd) for cvd in CVD}
        same_shape = nation(a).shape == nation(b).shape
        rows.append((min(d.values()), a, b, day, d, same_shape))
        if same_shape and min(d.values()) < MIN_DE:
            failures.append(
                f"{a}/{b} (both {nation(a).shape}, together from day {day}): "
                f"deutan {d['deuteranomaly']:.1f}, protan {d['protanomaly']:.1f}"
            )
    rows.sort()
    print(
        f"\nnations on the map together: {len(rows)} pairs; most on one day: "
        f"{max(len(c) for c in nations_by_day().values())}"
    )
    print("closest pairs under CVD (min of deutan/protan CIEDE2000):")
    for worst, a, b, _day, d, same_shape in rows[:12]:
        how = "same shape" if same_shape else f"{nation(a).shape}/{nation(b).shape}"
        print(
            f"  {a}-{b}: {worst:5.1f} (deutan {d['deuteranomaly']:.1f}, "
            f"protan {d['protanomaly']:.1f}) {how}"
        )
    same = [r for r in rows if r[5]]
    if same:
        print(f"closest same-shape pair: {same[0][1]}-{same[0][2]} {same[0][0]:.1f}")
    assert not failures, "indistinguishable to a colour-blind reader: " + "; ".join(failures)


def test_nations_that_share_a_marker_differ_by_colour_whenever_they_meet():
    # the stronger rule the palette is built on, so that new units need no new shapes: any
    # two nations drawn with the same marker differ by colour, whether or not they meet today
    for a, b in itertools.combinations(NATIONS, 2):
        if nation(a).shape == nation(b).shape:
            assert cvd_delta(nation(a).color, nation(b).color) >= MIN_DE, (a, b)


def test_japan_the_ussr_and_the_events_are_three_distinct_colours():
    colours = {"JPN": NATIONS["JPN"].color, "SOV": NATIONS["SOV"].color,
               "events": layer_spec("events").style["color"]}  # fmt: skip
    for (a, ca), (b, cb) in itertools.combinations(colours.items(), 2):
        for cvd in CVD:
            assert delta(ca, cb, cvd) >= MIN_DE, (a, b, cvd, delta(ca, cb, cvd))
        assert delta(ca, cb) >= 20, (a, b, delta(ca, cb))  # and apart to everyone
    # not three reds: at most one of them is red (hue within 20 degrees of 0)
    reds = [k for k, c in colours.items() if min(hue(c), 360 - hue(c)) <= 20]
    assert len(reds) <= 1, reds


def _is_blue(c: str) -> bool:
    return 180 <= hue(c) <= 260


def _is_green(c: str) -> bool:
    return 75 <= hue(c) <= 170


def test_the_united_kingdom_and_mongolia_are_not_both_blue_nor_china_and_italy_both_green():
    gbr, mng = NATIONS["GBR"].color, NATIONS["MNG"].color
    chn, ita = NATIONS["CHN"].color, NATIONS["ITA"].color
    assert not (_is_blue(gbr) and _is_blue(mng)), (gbr, mng)
    assert not (_is_green(chn) and _is_green(ita)), (chn, ita)
    assert delta(gbr, mng) >= 20 and delta(chn, ita) >= 20


# --- the legend matches the map --------------------------------------------------------------


@cache
def real_legend() -> list[dict]:
    return legend_entries(load_atlas())


def test_every_nation_on_the_map_has_its_legend_row_with_its_colour_and_shape():
    rows = {r["nation"]: r for r in real_legend() if "nation" in r}
    for code in set().union(*nations_by_day().values()):
        assert code in rows, code
        assert (rows[code]["color"], rows[code]["shape"]) == (nation(code).color,
                                                              nation(code).shape)  # fmt: skip


def test_every_colour_on_the_map_has_a_legend_row_the_border_fills_included():
    rows = real_legend()
    fills = {r["color"] for r in rows if r["layer"] == "borders" and r["shape"] == "fill"}
    assert set(SOVEREIGN_COLOURS.values()) <= fills
    lines = {r["color"] for r in rows if r["layer"] == "routes"}
    assert {color for color, _width in MODES.values()} <= lines
    for layer_id in ("events", "shipments"):
        assert {r["color"] for r in rows if r["layer"] == layer_id} == {
            layer_spec(layer_id).style["color"]
        }
    moves = {f"move-{kind}" for kind in MOVEMENTS}
    legend_shapes = {"dot", "line", "fill", *MARKER_SHAPES, *moves}
    assert {r["shape"] for r in rows} <= legend_shapes
