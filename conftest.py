"""Doctests everywhere see ``FIXTURE_DIR`` (the hand-made layers under ``tests/fixtures``)."""

import pytest

from tests.fixtures import FIXTURE_DIR


@pytest.fixture(autouse=True)
def _fixture_dir(doctest_namespace):
    doctest_namespace["FIXTURE_DIR"] = FIXTURE_DIR
