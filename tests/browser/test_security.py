"""The page under its Content-Security-Policy (issue 12, finding 8): it loads, plays and
exports a PNG and a GIF with no CSP violation.

The CSP (``components/server.py``) allows our own host only, plus ``blob:`` workers,
``data:``/``blob:`` images, inline styles and the hashes of Dash's inline scripts. Any
violation shows as a ``securitypolicyviolation`` event (recorded from before the page's first
script) and as a console error; both are checked. Later features must keep it so.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

pytestmark = pytest.mark.browser

#: Records every CSP violation of the page, from its first script on.
LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
  e.effectiveDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '')));
"""
DATE = "document.getElementById('current-date').getAttribute('datetime')"


def test_page_play_and_exports_work_under_the_csp(csp_page, fixture_url, tmp_path):
    page = csp_page
    page.page.add_init_script(LISTEN)
    response = page.page.request.get(f"{fixture_url}/")
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "'sha256-" in csp
    page.open(f"{fixture_url}/?date=1938-07-29&view=130.6,42.5,5.5")

    page.page.click("#play")  # Play: the date moves on, drawn by the engine
    page.page.wait_for_function(f"() => {DATE} > '1938-07-29'", timeout=20000)
    page.page.click("#play")

    with page.page.expect_download(timeout=60000) as info:  # the PNG: a canvas, data: URLs
        page.page.click("#export-png")
    png = Image.open(io.BytesIO(_saved(info.value, tmp_path)))
    assert png.format == "PNG" and png.width > 300

    page.page.fill("#anim-start", "1938-07-29")  # the GIF: a job on the server, downloaded
    page.page.fill("#anim-end", "1938-08-05")
    page.page.fill("#anim-step", "7d")
    with page.page.expect_download(timeout=180000) as info:
        page.page.click("#anim-make")
    gif = Image.open(io.BytesIO(_saved(info.value, tmp_path)))
    assert gif.format == "GIF" and gif.n_frames == 2

    assert page.page.evaluate("() => window.__csp") == []
    assert not [e for e in page.errors if "Content Security Policy" in e], page.errors
    assert page.errors == [] and page.outside == []
    # and the policy holds: an injected inline script is refused, and seen
    page.page.evaluate(
        "() => { const s = document.createElement('script'); "
        "s.textContent = 'window.__ran = 1'; document.body.appendChild(s); }"
    )
    page.page.wait_for_function("() => window.__csp.length === 1")
    assert page.page.evaluate("() => window.__ran") is None
    assert page.page.evaluate("() => window.__csp[0]").startswith("script-src-elem inline")


def _saved(download, tmp_path) -> bytes:
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    return path.read_bytes()
