"""Every interface string exists in English, Chinese and Japanese."""

from components.atlas.i18n import LANGS, STRINGS, pick_name, text


def test_every_string_in_every_language():
    missing = [(k, lang) for k, v in STRINGS.items() for lang in LANGS if not v.get(lang)]
    assert missing == []


def test_name_fallbacks():
    assert pick_name({"ru": "Чита"}, "zh") == "Чита"
    assert pick_name({"en": "Chita", "ja": "チタ"}, "ja") == "チタ"
    assert text("play", "xx") == "Play"


def test_japanese_never_falls_back_to_chinese():
    assert pick_name({"zh": "奥特波尔", "en": "Otpor"}, "ja") == "Otpor"
    assert pick_name({"zh": "奥特波尔", "ru": "Отпор"}, "ja") == "Отпор"
    assert pick_name({"ja": "満洲里", "zh": "满洲里"}, "ja") == "満洲里"
    assert pick_name({"zh": "奥特波尔"}, "ja") == ""
