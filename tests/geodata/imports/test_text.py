"""Text is text: HTML reduced by nh3, URLs kept only as http(s) strings."""

from __future__ import annotations

import pytest

from geodata.imports.text import link, plain


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<script>alert(1)</script>Landing", "Landing"),
        ('<img src="https://x.example/a.png" onerror="alert(1)">Landing', "Landing"),
        ('<a href="javascript:alert(1)" onclick="x()">more</a>', "more"),
        ("<style>body{display:none}</style><p>A</p><p>B</p>", "A\nB"),
        ("<ul><li>one</li><li> two </li></ul>", "one\ntwo"),
        ("Tom &amp; Jerry &lt;3", "Tom & Jerry <3"),
        ('<iframe src="https://x.example"></iframe>Kept', "Kept"),
        ("plain   text\n\n  lines ", "plain text\nlines"),
        (None, ""),
    ],
)
def test_plain(html, text):
    assert plain(html) == text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://upload.wikimedia.org/a.jpg", "https://upload.wikimedia.org/a.jpg"),
        (" http://x.org/p?q=1 ", "http://x.org/p?q=1"),
        ("javascript:alert(1)", None),
        ("data:image/png;base64,AAAA", None),
        ("//x.org/a.jpg", None),
        ('https://x.org/"onmouseover="alert(1)', None),
        ("#ff0000", None),
    ],
)
def test_link(value, expected):
    assert link(value) == expected
