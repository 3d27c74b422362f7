"""Doctests everywhere see ``FIXTURE_DIR`` (the hand-made layers under ``tests/fixtures``);
the seed documents are found from a clone anywhere (:mod:`tests.shared_formats`), so that the
verbatim-quote checks run in CI too instead of being skipped."""

import os

import pytest

from tests.fixtures import FIXTURE_DIR
from tests.shared_formats import shared_dir

if not os.environ.get("FEA_SEEDS_DIR") and (seeds := shared_dir("seeds", "FEA_SEEDS_DIR")):
    os.environ["FEA_SEEDS_DIR"] = str(seeds)


@pytest.fixture(autouse=True)
def _fixture_dir(doctest_namespace):
    doctest_namespace["FIXTURE_DIR"] = FIXTURE_DIR
