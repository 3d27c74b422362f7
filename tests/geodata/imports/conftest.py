"""The real files in the formats teachers use, from ``../shared/formats/`` beside the repo
(public projects' files under their own licences: used from there, never copied here)."""

from __future__ import annotations

from pathlib import Path

import pytest

FORMATS = Path(__file__).resolve().parents[4] / "shared" / "formats"


@pytest.fixture
def formats() -> Path:
    """The folder of real files (``whg/``, ``timelinejs/``, ``storymapjs/``)."""
    assert (FORMATS / "README.md").is_file(), f"the real format files are missing: {FORMATS}"
    return FORMATS
