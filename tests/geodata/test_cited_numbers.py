"""Every number a feature shows stands in one of that feature's own quotes."""

import pytest

from geodata.layers import LAYER_NAMES, build_layers
from geodata.numbers import chinese_number, numbers_in


@pytest.fixture(scope="module")
def features():
    layers = build_layers()
    return [f["properties"] for name in LAYER_NAMES for f in layers[name]["features"]]


def _quotes(source) -> list[str]:
    return [c["quote"] for c in (source if isinstance(source, list) else [source])]


def _shown(props) -> dict[str, int]:
    """The numbers a feature shows, by what shows them."""
    out = {"strength": props.get("strength"), "amount_usd": props.get("amount_usd"),
           "batch": props.get("batch")}  # fmt: skip
    for key, value in (props.get("figures") or {}).items():
        out[f"figures.{key}"] = value
    return {k: v for k, v in out.items() if isinstance(v, int) and not isinstance(v, bool)}


def test_every_shown_number_stands_in_a_quote_of_the_feature(features):
    missing = []
    for p in features:
        stated = set().union(*(numbers_in(q) for q in _quotes(p["source"])))
        missing += [f"{p['id']}: {k}={v}" for k, v in _shown(p).items() if v not in stated]
        for variant in p.get("strength_variants", []):
            if variant["strength"] not in set().union(
                *(numbers_in(q) for q in _quotes(variant["source"]))
            ):
                missing.append(f"{p['id']}: strength variant {variant['strength']}")
    assert not missing, "numbers with no quote of their own:\n" + "\n".join(missing)


@pytest.mark.parametrize(
    ("quote", "numbers"),
    [
        ("实际上7,950名美军参加了西伯利亚干涉军。", {7950}),
        ("共计前送了5136吨弹药", {5136}),
        ("日本派出7万人的部队", {70000}),
        ("特に日本軍はアメリカとの合意事項を上回る7万以上の兵力を動員", {70000}),
        ("{{flagicon|Kingdom of Italy}}：2,400", {2400}),
        ("2,400 or 2,500", {2400, 2500}),
        ("各种炮弹50.2万发", {502000}),
        ("关于实施五千万美金信用借款条约", {50000000}),
        ("战争成本约9亿日元", {900000000}),
        ("{{flagicon|Poland}}：数百人", set()),
    ],
)
def test_numbers_in_reads_the_seeds_forms(quote, numbers):
    assert numbers <= numbers_in(quote)
    if not numbers:
        assert not numbers_in(quote)


def test_chinese_numerals():
    assert chinese_number("一亿七千三百一十七万五千八百零九") == 173175809
    assert chinese_number("十二") == 12
