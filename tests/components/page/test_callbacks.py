"""Callbacks are registered through the app factory; the guide's stepping rule."""

from components.page.callbacks import next_index


def test_guide_steps_wrap_around():
    assert [next_index(-1, 1, 3), next_index(0, 1, 3), next_index(2, 1, 3)] == [0, 1, 0]
    assert [next_index(-1, -1, 3), next_index(0, -1, 3)] == [2, 2]
    assert next_index(5, 1, 0) == 0
