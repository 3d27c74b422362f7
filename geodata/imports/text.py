"""Text is text: HTML from StoryMap and TimelineJS fields reduced to plain text with ``nh3``
(the Ammonia sanitiser), and media URLs kept as plain link strings, never loaded.

No script, no handler and no image from an imported file ever reaches the page as markup.
"""

from __future__ import annotations

import html
import re

import nh3

# Block ends become line breaks so that list items and paragraphs stay apart as text.
_BLOCKS = re.compile(r"<\s*(?:br|/p|/li|/div|/h[1-6]|/blockquote|/tr|li)\b[^>]*>", re.I)
_SPACES = re.compile(r"[ \t\r\f\v]+")
_MARKUP = re.compile(r"[<&\n\r\t\f\v]|  ")
_URL = re.compile(r"^https?://[^\s<>\"']+$", re.I)


def plain(value: object) -> str:
    """The text of an HTML fragment: tags dropped, script and style contents removed.

    Examples
    --------
    >>> plain('<p>Ada <a href="https://x.org">Lovelace</a></p><script>alert(1)</script>')
    'Ada Lovelace'
    >>> plain('<img src="https://x.org/i.png" onerror="alert(1)">Aug &amp; Sep')
    'Aug & Sep'
    >>> plain("<ul><li>one</li><li>two</li></ul>")
    'one\\ntwo'
    """
    if value is None:
        return ""
    text = value if type(value) is str else str(value)
    if not _MARKUP.search(text):  # the usual cell: no markup, one line, single spaces
        return text.strip()
    if "<" in text or "&" in text:
        text = nh3.clean(_BLOCKS.sub("\n", text), tags=set(), attributes={})
        text = html.unescape(text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def link(value: object) -> str | None:
    """An http(s) URL as a plain string, or ``None`` for anything else (``javascript:``, text).

    Examples
    --------
    >>> link(" https://upload.wikimedia.org/a.jpg "), link("javascript:alert(1)"), link("")
    ('https://upload.wikimedia.org/a.jpg', None, None)
    """
    text = str(value or "").strip()
    return text if _URL.match(text) else None
