"""The numbers a quote states, read the way the seeds write them.

The seeds write 7,950 and 7950; 7万 (70,000), 1.5万 and 9亿; Chinese numerals (五千万, 第一批);
"2,400 or 2,500" states two numbers. :func:`numbers_in` returns them all, so a test can check
that every number a feature shows stands in one of that feature's own quotes.
"""

from __future__ import annotations

import re

_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_ARABIC = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*([万萬亿億]?)")
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}  # fmt: skip
_SMALL = {"十": 10, "百": 100, "千": 1000}
_CHINESE = re.compile(r"[零〇一二两三四五六七八九十百千万萬亿億]+")


def chinese_number(text: str) -> int | None:
    """The value of a Chinese numeral, or ``None`` when ``text`` is not one.

    A numeral needs a digit: 数百 ("several hundred") states no number.

    Examples
    --------
    >>> chinese_number("五千万"), chinese_number("二十三"), chinese_number("第")
    (50000000, 23, None)
    >>> chinese_number("一亿七千三百一十七万五千八百零九"), chinese_number("百")
    (173175809, None)
    """
    if not text or not any(c in _DIGITS for c in text):
        return None
    if any(c not in _DIGITS and c not in _SMALL and c not in _UNITS for c in text):
        return None
    return _value(text)


def _value(text: str) -> int:
    for big in ("亿", "億", "万", "萬"):
        if big in text:
            high, _, low = text.partition(big)
            return (_value(high) if high else 1) * _UNITS[big] + (_value(low) if low else 0)
    total = digit = 0
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        else:
            total += (digit or 1) * _SMALL[char]
            digit = 0
    return total + digit


def numbers_in(quote: str) -> set[int]:
    """Every number ``quote`` states, as integers.

    Examples
    --------
    >>> sorted(numbers_in("实际上7,950名美军；日本派出7万人的部队"))
    [7950, 70000]
    >>> sorted(numbers_in("总金额1亿美元、1.5万人、第一批"))
    [1, 15000, 100000000]
    """
    out: set[int] = set()
    for match in _ARABIC.finditer(quote):
        value = float(match.group(1).replace(",", ""))
        value *= _UNITS.get(match.group(2), 1)
        if value == int(value):
            out.add(int(value))
    for match in _CHINESE.finditer(_ARABIC.sub(" ", quote)):
        value = chinese_number(match.group())
        if value:
            out.add(value)
    return out
