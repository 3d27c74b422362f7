"""The real files in the formats teachers use, from ``shared/formats/`` beside the repo
(public projects' files under their own licences: used from there, never copied here; see
:mod:`tests.shared_formats`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.shared_formats import FORMATS


@pytest.fixture
def formats() -> Path:
    """The folder of real files (``whg/``, ``timelinejs/``, ``storymapjs/``)."""
    assert (FORMATS / "README.md").is_file(), f"the real format files are missing: {FORMATS}"
    return FORMATS
