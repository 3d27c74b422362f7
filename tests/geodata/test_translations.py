"""The atlas' translations of the seed quotes: complete, faithful in every figure, well checked.

Every quote cited anywhere in ``geodata/sources/*.yaml`` (in any field: a record's source, a
waypoint's, a strength variant's...) must have a translation into each of en, zh and ja but its
own language; every figure written with digits in the original must stand in each translation.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from geodata import citations
from geodata.translations import (
    LANGS,
    TRANSLATIONS_DIR,
    TRANSLATOR,
    TranslationsError,
    load_translations,
    translations,
)

SOURCES = Path(__file__).resolve().parents[2] / "geodata" / "sources"
_KANA = re.compile(r"[\u3040-\u30fa\u30fc-\u30ff]")  # hiragana and katakana, not the middle dot


# ------------------------------------------------------------------ what the records cite
def _citations(node, out: set[tuple[str, str]]) -> None:
    """Every ``{document, quote}`` mapping anywhere in a parsed record file."""
    if isinstance(node, dict):
        if isinstance(node.get("document"), str) and isinstance(node.get("quote"), str):
            out.add((node["document"], node["quote"]))
        for value in node.values():
            _citations(value, out)
    elif isinstance(node, list):
        for value in node:
            _citations(value, out)


def cited_quotes() -> set[tuple[str, str]]:
    """``(document, quote)`` for every citation in ``geodata/sources/*.yaml``."""
    out: set[tuple[str, str]] = set()
    for path in sorted(SOURCES.glob("*.yaml")):
        _citations(yaml.safe_load(path.read_text(encoding="utf-8")), out)
    return out


def translation_files() -> dict[str, dict]:
    """Each translation file's parsed content, by the seed document it translates."""
    out = {}
    for path in sorted(TRANSLATIONS_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[data["document"]] = data
    return out


# ------------------------------------------------------------------ figures
_MULT = {
    "万": 10_000, "萬": 10_000, "千": 1_000, "亿": 100_000_000, "億": 100_000_000,
    "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
}  # fmt: skip
_NUMBER = re.compile(
    r"(?<![\d.])(\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?)\s?(万|萬|千|亿|億|thousand|million|billion)?"
)
_DOTTED_DATE = re.compile(r"\b(\d{4})\.(\d{1,2})\.(\d{1,2})\b")
_MONTH = re.compile(r"(?<![\d.])(\d{1,2})(?=(?:[—–~～-]\d{1,2})?月)")  # 7月, and 3 in 3—4月
_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
MONTHS = (
    "January February March April May June July August September October November December"
).split()


def figures(text: str) -> list[tuple[set[Decimal], int | None, str]]:
    """Each number written with digits: the values it may stand for, its month if a date's, and
    the number as written.

    A figure with 万, 千, 亿 or million... may stand for itself or its product (``324千米`` is
    324 km, ``7万`` is 70,000); thousands separators are dropped; digits inside a wiki template
    (``{{flagicon|Canada|1868}}``) are not text a reader sees and are skipped.

    Examples
    --------
    >>> [sorted(v) for v, _, _ in figures("7万人、1,500名、{{flagicon|Canada|1868}}：76.2毫米")]
    [[Decimal('7'), Decimal('70000')], [Decimal('1500')], [Decimal('76.2')]]
    >>> [m for _, m, _ in figures("1938.6.10，7月4日")]
    [None, 6, None, 7, None]
    """
    text = _TEMPLATE.sub(" ", unicodedata.normalize("NFKC", text))
    months = {m.start(1) for m in _MONTH.finditer(text) if 1 <= int(m.group(1)) <= 12}
    months |= {m.start(2) for m in _DOTTED_DATE.finditer(text)}
    text = _DOTTED_DATE.sub(lambda m: f"{m.group(1)} {m.group(2)} {m.group(3)}", text)
    out = []
    for m in _NUMBER.finditer(text):
        value = Decimal(m.group(1).replace(",", ""))
        values = {value}
        if m.group(2):
            values.add(value * _MULT[m.group(2)])
        month = int(value) if m.start(1) in months else None
        out.append((values, month, m.group(0).strip()))
    return out


def missing_figures(original: str, translation: str, lang: str) -> list[str]:
    """The original's figures that the translation does not give (as figure or month name).

    Examples
    --------
    >>> missing_figures("1918年8月有7万人", "In August 1918, 70,000 men", "en")
    []
    >>> missing_figures("约有5,000名", "about 500", "en")
    ['5,000']
    """
    have: set[Decimal] = set()
    for values, _, _ in figures(translation):
        have |= values
    folded = unicodedata.normalize("NFKC", translation).lower()
    missing = []
    for values, month, shown in figures(original):
        if values & have:
            continue
        if month and lang == "en" and MONTHS[month - 1].lower() in folded:
            continue
        missing.append(shown)
    return missing


# ------------------------------------------------------------------ the shipped translations
def test_every_cited_quote_is_translated_into_every_other_language():
    files = translation_files()
    # the quote's own language, by document: the entry's ``lang`` or else its file's
    listed = {
        doc: {e["quote"]: e.get("lang", data["lang"]) for e in data["quotes"]}
        for doc, data in files.items()
    }
    shipped = translations()
    problems = []
    for document, quote in sorted(cited_quotes()):
        if document not in listed:
            problems.append(f"{document}: no translation file {Path(document).stem}.yaml")
            continue
        if quote not in listed[document]:
            problems.append(f"{document}: no translation of {quote!r}")
            continue
        want = set(LANGS) - {listed[document][quote]}
        if set(shipped[quote]) != want:
            problems.append(f"{document}: {quote[:30]!r} has {sorted(shipped[quote])}")
    assert not problems, f"{len(problems)} quote(s) untranslated:\n" + "\n".join(problems)


def test_every_translation_file_is_marked_as_the_atlas_own():
    files = translation_files()
    assert files, "no translation files"
    for document, data in files.items():
        assert data["translator"] == TRANSLATOR, document
        assert data["lang"] in LANGS


def test_quote_language_matches_its_file():
    for document, data in translation_files().items():
        for index, entry in enumerate(data["quotes"]):
            lang = entry.get("lang", data["lang"])
            has_kana = bool(_KANA.search(entry["quote"]))
            assert has_kana == (lang == "ja"), f"{document} quotes[{index}]: not {lang}"


def test_translations_are_in_their_language():
    """A zh translation has no kana, an en one no CJK at all (a ja one may be all kanji)."""
    for quote, texts in translations().items():
        for lang, text in texts.items():
            assert text.strip() == text and text, (quote, lang)
            if lang == "zh":
                assert not _KANA.search(text), (quote, lang, text)
            elif lang == "en":
                assert not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text), (quote, text)


def test_every_figure_of_the_original_stands_in_each_translation():
    problems = []
    for quote, texts in translations().items():
        for lang, text in texts.items():
            missing = missing_figures(quote, text, lang)
            if missing:
                problems.append(f"{lang}: {missing} missing from {text!r} ({quote!r})")
    assert not problems, "\n".join(problems)


def test_only_quotes_still_cited_or_in_their_seed():
    """A translation whose quote nobody cites any more is harmless, but it must be verbatim."""
    if not citations.available():
        pytest.skip("seeds not present")
    load_translations(check_quotes=True)


# ------------------------------------------------------------------ the loader's errors
GOOD_HEAD = (
    "document: seed.txt\nlang: zh\ntranslator: Far East Atlas (the atlas' own translation)\n"
    "quotes:\n"
)


@pytest.fixture
def seed_dir(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "seed.txt").write_text("日军撤出[[外贝加尔]]。1920年7月。", encoding="utf-8")
    monkeypatch.setenv("FEA_SEEDS_DIR", str(seeds))
    citations._document_text.cache_clear()
    folder = tmp_path / "tr"
    folder.mkdir()
    yield folder
    citations._document_text.cache_clear()


def _load(folder: Path, body: str, name: str = "seed.yaml", head: str = GOOD_HEAD):
    (folder / name).write_text(head + body, encoding="utf-8")
    return load_translations(folder, check_quotes=True)


def test_good_file_loads(seed_dir):
    got = _load(seed_dir, '  - {quote: "日军撤出外贝加尔。", en: "They left.", ja: "撤退した。"}\n')
    assert got == {"日军撤出外贝加尔。": {"en": "They left.", "ja": "撤退した。"}}


def test_missing_language_names_file_entry_and_field(seed_dir):
    body = (
        '  - {quote: "1920年7月", en: "July 1920", ja: "1920年7月"}\n'
        '  - {quote: "日军撤出外贝加尔。", en: x}\n'
    )
    with pytest.raises(TranslationsError) as info:
        _load(seed_dir, body)
    assert "seed.yaml:6: quotes[1]: field 'ja': missing translation" in str(info.value)


def test_empty_text(seed_dir):
    with pytest.raises(TranslationsError, match=r"quotes\[0\]: field 'en': empty translation"):
        _load(seed_dir, '  - {quote: "日军撤出外贝加尔。", en: "  ", ja: "撤退した。"}\n')


def test_duplicate_quote(seed_dir):
    entry = '  - {quote: "日军撤出外贝加尔。", en: "They left.", ja: "撤退した。"}\n'
    with pytest.raises(TranslationsError) as info:
        _load(seed_dir, entry + entry)
    assert "seed.yaml:6: quotes[1]: field 'quote': duplicate quote, already given at" in str(
        info.value
    )


def test_quote_not_in_its_seed(seed_dir):
    with pytest.raises(TranslationsError) as info:
        _load(
            seed_dir,
            '  - {quote: "日军撤出外贝加尔", en: "They left", ja: "撤退"}\n'
            '  - {quote: "日军撤出贝加尔", en: "x", ja: "x"}\n',
        )
    assert "quotes[1]: field 'quote': quote not found verbatim in seed.txt" in str(info.value)
    assert "quotes[0]" not in str(info.value)


def test_translation_into_its_own_language_and_unknown_field(seed_dir):
    body = '  - {quote: "日军撤出外贝加尔。", en: a, ja: b, zh: c, ru: d}\n'
    with pytest.raises(TranslationsError) as info:
        _load(seed_dir, body)
    text = str(info.value)
    assert "quotes[0]: field 'zh': the quote is itself in 'zh'" in text
    assert "quotes[0]: field 'ru': unknown field" in text


def test_file_must_be_marked_and_named_after_its_seed(seed_dir):
    head = "document: other.txt\nlang: zh\ntranslator: Zhang San\nquotes: []\n"
    with pytest.raises(TranslationsError) as info:
        _load(seed_dir, "", head=head)
    text = str(info.value)
    assert "seed.yaml:1: field 'document': expected the seed's file name 'seed.txt'" in text
    assert "seed.yaml:1: field 'translator': expected" in text


def test_every_problem_is_reported(seed_dir):
    body = (
        '  - {quote: "日军撤出外贝加尔。", en: "", ja: "x"}\n'
        '  - {quote: "nowhere", en: "a", ja: "b"}\n'
        "  - {en: a}\n"
    )
    with pytest.raises(TranslationsError) as info:
        _load(seed_dir, body)
    assert len(info.value.problems) == 3


def test_figures_helper_on_chinese_units():
    assert missing_figures("全程约3000千米，其中2700千米", "about 3,000 km, 2,700 km", "en") == []
    assert missing_figures("2.48万发", "24,800 rounds", "en") == []
    assert missing_figures("约9亿日元", "about 900 million yen", "en") == []
    assert missing_figures("1938.6.10", "10 June 1938", "en") == []
    assert missing_figures("1938.6.10", "1938年6月10日", "ja") == []
    assert missing_figures("7月4日", "4 June", "en") == ["7"]
