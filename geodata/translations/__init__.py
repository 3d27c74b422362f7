"""The atlas' own translations of the seed quotes, into every language but the quote's own.

Every historical feature cites a seed document with a verbatim quote, in Chinese or Japanese.
The quote stays the citation; these files only help a reader who cannot read it. One file per
seed document, named after it (``000_49161cda78e9a3b7.yaml`` for ``000_49161cda78e9a3b7.txt``)::

    document: 000_49161cda78e9a3b7.txt
    lang: zh                      # the language of the seed's quotes
    translator: Far East Atlas (the atlas' own translation)
    quotes:
      - quote: "日军撤出外贝加尔。"   # exactly as cited
        en: "The Japanese army withdrew from Transbaikalia."
        ja: "日本軍はザバイカルから撤退した。"

An entry may say ``lang:`` itself when its quote is in another language than the file's. The
``translator`` line is required and must read :data:`TRANSLATOR`, so that nothing here can pass
for the source's own words.
"""

from __future__ import annotations

import functools
from pathlib import Path

from geodata import citations
from geodata.yamlio import YamlError, load_yaml

#: The only accepted ``translator``: everything in these files is the atlas' translation.
TRANSLATOR = "Far East Atlas (the atlas' own translation)"
#: The languages every quote is given in: its own (the original) and a translation for the rest.
LANGS = ("en", "zh", "ja")
#: The folder of translation files shipped with the package.
TRANSLATIONS_DIR = Path(__file__).parent
_FILE_KEYS = {"document", "lang", "translator", "quotes"}


class TranslationsError(ValueError):
    """One or more bad entries; ``problems`` lists each as ``file:line: quotes[i]: field: what``."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        head = f"{len(problems)} problem(s) in the quote translations:\n  "
        super().__init__(head + "\n  ".join(problems))


def translations() -> dict[str, dict[str, str]]:
    """Every translated quote: ``quote -> {lang: text}`` for each language but the quote's own.

    The quote's own language is the one of :data:`LANGS` missing from its mapping: the original
    is the quote itself. Read once from the shipped files (a fresh copy is returned each call).

    Returns
    -------
    dict of str to dict of str to str
        The original quote, exactly as cited, to its translations by language code.

    Raises
    ------
    TranslationsError
        When a shipped file is malformed (see :func:`load_translations`).

    Examples
    --------
    >>> t = translations()
    >>> t["日军撤出外贝加尔。"]["en"]
    'The Japanese army withdrew from Transbaikalia.'
    >>> sorted(t["日军撤出外贝加尔。"])
    ['en', 'ja']
    """
    return {quote: dict(texts) for quote, texts in _shipped().items()}


@functools.cache
def _shipped() -> dict[str, dict[str, str]]:
    return load_translations()


def load_translations(
    folder: Path | str = TRANSLATIONS_DIR, *, check_quotes: bool | None = None
) -> dict[str, dict[str, str]]:
    """Read every ``*.yaml`` translation file in ``folder``, checking each entry.

    Parameters
    ----------
    folder : path
        The folder of translation files (default: ``geodata/translations``).
    check_quotes : bool, optional
        Check that every quote stands verbatim in the seed its file names. By default, checked
        whenever the seed folder is present.

    Returns
    -------
    dict of str to dict of str to str
        ``quote -> {lang: text}``, as :func:`translations`.

    Raises
    ------
    TranslationsError
        Naming file, line, entry index and field of every problem: a missing or empty
        translation, a translation into the quote's own language, an unknown field, a quote
        given twice, a quote not found in its seed, a file without the translator marker.

    Examples
    --------
    >>> t = load_translations()
    >>> t["日本軍は報復として北樺太に出兵した。"]["zh"]
    '日军作为报复出兵北库页岛。'
    """
    if check_quotes is None:
        check_quotes = citations.available()
    problems: list[str] = []
    out: dict[str, dict[str, str]] = {}
    where: dict[str, str] = {}
    files = sorted(Path(folder).glob("*.yaml"))
    if not files:
        raise TranslationsError([f"{folder}: no *.yaml translation files"])
    for path in files:
        _read_file(path, out, where, problems, check_quotes)
    if problems:
        raise TranslationsError(problems)
    return out


def _read_file(path, out, where, problems, check_quotes) -> None:
    try:
        data = load_yaml(path)
    except YamlError as exc:
        problems.append(str(exc))
        return
    name = path.name
    if not isinstance(data, dict):
        problems.append(f"{name}:1: expected a mapping with {', '.join(sorted(_FILE_KEYS))}")
        return
    line = getattr(data, "line", 1)

    def fail(field: str, what: str) -> None:
        problems.append(f"{name}:{line}: field {field!r}: {what}")

    for key in sorted(set(data) - _FILE_KEYS):
        fail(key, f"unknown field; expected {sorted(_FILE_KEYS)}")
    document, lang, quotes = data.get("document"), data.get("lang"), data.get("quotes")
    if not isinstance(document, str) or Path(document).stem != path.stem:
        fail("document", f"expected the seed's file name {path.stem + '.txt'!r}, got {document!r}")
        document = None
    if lang not in LANGS:
        fail("lang", f"expected one of {LANGS}, got {lang!r}")
        lang = None
    if data.get("translator") != TRANSLATOR:
        fail("translator", f"expected {TRANSLATOR!r}, got {data.get('translator')!r}")
    if not isinstance(quotes, list):
        fail("quotes", "expected a list of {quote, <lang>: translation} entries")
        return
    for index, entry in enumerate(quotes):
        _read_entry(name, index, entry, document, lang, out, where, problems, check_quotes)


def _read_entry(name, index, entry, document, file_lang, out, where, problems, check) -> None:
    line = getattr(entry, "line", "?")
    head = f"{name}:{line}: quotes[{index}]"

    def fail(field: str, what: str) -> None:
        problems.append(f"{head}: field {field!r}: {what}")

    if not isinstance(entry, dict):
        problems.append(f"{head}: expected a mapping {{quote, <lang>: translation}}")
        return
    quote = entry.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        fail("quote", f"expected the quoted text, got {quote!r}")
        return
    lang = entry.get("lang", file_lang)
    if lang not in LANGS:
        fail("lang", f"expected one of {LANGS}, got {lang!r}")
        return
    for key in sorted(set(entry) - {"quote", "lang", *LANGS}):
        fail(key, f"unknown field; expected quote, lang or one of {LANGS}")
    if lang in entry:
        fail(lang, f"the quote is itself in {lang!r}: give only the other languages")
    texts: dict[str, str] = {}
    for other in LANGS:
        if other == lang:
            continue
        text = entry.get(other)
        if other not in entry:
            fail(other, "missing translation")
        elif not isinstance(text, str) or not text.strip():
            fail(other, f"empty translation, got {text!r}")
        else:
            texts[other] = text
    if quote in where:
        fail("quote", f"duplicate quote, already given at {where[quote]}: {quote[:40]!r}")
        return
    where[quote] = f"{name} quotes[{index}]"
    if check and document is not None:
        error = citations.check_quote(document, quote)
        if error:
            fail("quote", error)
    out[quote] = texts


__all__ = [
    "LANGS", "TRANSLATIONS_DIR", "TRANSLATOR", "TranslationsError", "load_translations",
    "translations",
]  # fmt: skip
