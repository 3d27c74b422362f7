"""The batch renderer: finds the system Chromium, fails with a named error without one."""

from __future__ import annotations

import pytest

from components.export.kaleido_batch import SCRIPTS, FrameRenderer, RenderError, chromium_path


def test_chromium_path_prefers_the_environment(monkeypatch):
    monkeypatch.setenv("FEA_CHROMIUM", "/opt/chromium/chrome")
    assert chromium_path() == "/opt/chromium/chrome"


def test_a_missing_browser_is_named():
    with pytest.raises(RenderError, match="no Chromium found \\(got '/nonexistent/chromium'\\)"):
        FrameRenderer(100, 100, chromium="/nonexistent/chromium").open()


def test_page_scripts_exist():
    assert all(p.is_file() for p in SCRIPTS)
