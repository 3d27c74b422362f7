"""The registry: layers, nations and modes declared as data."""

import pytest

from components.atlas.registry import LAYERS, MODES, NATIONS, PERIODS, layer_spec
from components.atlas.timeline import day_number


def test_layers_have_labels_in_every_language_and_unique_ids():
    assert len({s.id for s in LAYERS}) == len(LAYERS)
    assert all(set(s.labels) == {"en", "zh", "ja"} for s in LAYERS)


def test_known_codes_and_periods():
    assert set(MODES) == {"air", "sea", "land", "rail"}
    assert {"JPN", "SOV", "USA", "CHN", "MNG"} <= set(NATIONS)
    assert all(day_number(p.start) <= day_number(p.end) for p in PERIODS)
    with pytest.raises(KeyError, match="known layers"):
        layer_spec("nope")
