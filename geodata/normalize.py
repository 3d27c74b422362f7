"""Name normalisation for the gazetteer: one key per way of writing a name.

Case, diacritics, hyphens, spaces and punctuation are folded; traditional Chinese and Japanese
variant characters (kyujitai and shinjitai alike) are folded to simplified Chinese with OpenCC,
so 哈爾濱, 哈尔滨 and 満洲里/滿洲里/满洲里 meet on one key.
"""

from __future__ import annotations

import re
import unicodedata

import opencc

_JP_TO_TRAD = opencc.OpenCC("jp2t")
_TRAD_TO_SIMP = opencc.OpenCC("t2s")


_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
# Accents of alphabetic scripts; kana voicing marks (が vs か) lie outside these ranges.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_NOT_ALNUM = re.compile(r"[\W_]+")


def normalize(name: str) -> str:
    """The lookup key of a name.

    Examples
    --------
    >>> normalize("Nikolayevsk-on-Amur") == normalize("nikolayevsk on amur")
    True
    >>> normalize("Ürümqi")
    'urumqi'
    >>> normalize("哈爾濱") == normalize("哈尔滨")
    True
    >>> normalize("滿洲里") == normalize("満洲里") == normalize("满洲里")
    True
    """
    if name.isascii():
        return _NOT_ALNUM.sub("", name.lower())
    text = unicodedata.normalize("NFKC", name).casefold()
    text = unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", text)))
    if _HAN.search(text):
        text = _TRAD_TO_SIMP.convert(_JP_TO_TRAD.convert(text))
    return _NOT_ALNUM.sub("", text)
