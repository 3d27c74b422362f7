"""The seed documents and the check that a quote stands in them verbatim.

A quote is verbatim as a reader sees the text: wiki link markup ``[[target|label]]`` may be
reduced to its label (``[[target]]`` to ``target``); nothing else may change.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from geodata.settings import setting

_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]")


def seeds_dir() -> Path:
    """The folder holding the seed documents (``FEA_SEEDS_DIR`` or ``../shared/seeds``)."""
    return Path(setting("FEA_SEEDS_DIR"))


def reader_text(raw: str) -> str:
    """The text as a reader sees it: wiki links reduced to their labels.

    Examples
    --------
    >>> reader_text("日军攻入[[海兰泡|海兰泡]]与[[伯力]]")
    '日军攻入海兰泡与伯力'
    """
    return _LINK.sub(r"\1", raw)


@functools.cache
def _document_text(folder: str, name: str) -> str | None:
    path = Path(folder) / name
    if not path.is_file():
        return None
    return reader_text(path.read_text(encoding="utf-8"))


def available() -> bool:
    """Whether the seed folder is present (it sits beside the repository, not inside it)."""
    return seeds_dir().is_dir()


def check_quote(document: str, quote: str) -> str | None:
    """Return ``None`` when ``quote`` stands verbatim in ``document``, else what is wrong.

    Examples
    --------
    >>> check_quote("no-such-file.txt", "x")
    "document 'no-such-file.txt' is not among the seeds"
    """
    text = _document_text(str(seeds_dir()), document)
    if text is None:
        return f"document {document!r} is not among the seeds"
    if quote not in text:
        return f"quote not found verbatim in {document}: {quote[:60]!r}"
    return None
