"""Every interface string exists in English, Chinese and Japanese."""

from components.atlas.i18n import LANGS, STRINGS, pick_name, text


def test_every_string_in_every_language():
    missing = [(k, lang) for k, v in STRINGS.items() for lang in LANGS if not v.get(lang)]
    assert missing == []


def test_name_fallbacks():
    assert pick_name({"ru": "Чита"}, "zh") == "Чита"
    assert pick_name({"en": "Chita", "ja": "チタ"}, "ja") == "チタ"
    assert text("play", "xx") == "Play"
