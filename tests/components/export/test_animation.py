"""The animation request: steps, frame dates, validation messages in every language."""

import pytest

from components.atlas.timeline import day_number
from components.export.animation import (
    MAX_FRAMES,
    AnimationRequestError,
    animation_filename,
    animation_params,
    frame_days,
    parse_step,
    validate_request,
)

SPAN = (day_number("1917-01-01"), day_number("1945-12-31"))


@pytest.mark.parametrize(("value", "expected"), [
    ("day", ("days", 1)), ("week", ("days", 7)), ("month", ("months", 1)), ("3d", ("days", 3)),
    (" 10D ", ("days", 10)), ("Week", ("days", 7)),
])  # fmt: skip
def test_steps(value, expected):
    assert parse_step(value) == expected


@pytest.mark.parametrize("value", ["", None, "0d", "fortnight", "-3d", "3", "d"])
def test_bad_steps_are_named(value):
    with pytest.raises(AnimationRequestError, match="step: expected day, week, month"):
        parse_step(value)


def test_frames_include_both_ends_when_the_step_lands_there():
    assert frame_days(0, 14, ("days", 7)) == [0, 7, 14]
    assert frame_days(0, 13, ("days", 7)) == [0, 7]
    assert frame_days(5, 5, ("days", 1)) == [5]


def test_validation_names_what_was_wrong():
    cases = [
        (("1938-02-30", "1938-03-01", "day"), "From: expected a date YYYY-MM-DD, got '1938-02-30'"),
        (("1938-03-01", "", "day"), "To: expected a date YYYY-MM-DD, got ''"),
        (("1939-09-16", "1939-05-11", "day"), "the end 1939-05-11 is before the start 1939-09-16"),
        (("1910-01-01", "1918-01-01", "month"), "From 1910-01-01 is outside the atlas' dates"),
        (("1938-01-01", "1946-01-01", "month"), "To 1946-01-01 is outside the atlas' dates"),
        (("1918-01-01", "1945-01-01", "week"), "1409 frames are too many (at most 200)"),
    ]
    for args, message in cases:
        with pytest.raises(AnimationRequestError) as info:
            validate_request(*args, SPAN)
        assert message in str(info.value)


def test_the_limit_is_inclusive():
    first = day_number("1938-01-01")
    dates = validate_request("1938-01-01", "1938-07-19", "day", SPAN)
    assert len(dates) == MAX_FRAMES and dates[0] == "1938-01-01"
    assert day_number(dates[-1]) == first + MAX_FRAMES - 1


def test_messages_in_chinese_and_japanese():
    exc = AnimationRequestError("err_span", field="anim_end", value="1946-01-01",
                                first="1917-01-01", last="1945-12-31")  # fmt: skip
    assert exc.message("zh").startswith("止 1946-01-01 超出")
    assert exc.message("ja").startswith("終了 1946-01-01 はアトラスの期間")


def test_every_field_the_page_sends_is_checked():
    request = {"lang": "ja", "layers": ["events"], "view": {"lon": 118.5, "lat": 47.6, "zoom": 6},
               "size": [900, 600]}  # fmt: skip
    params = animation_params(SPAN, request, "1939-05-11", "1939-05-13", "day", [])
    assert params == {"dates": ["1939-05-11", "1939-05-12", "1939-05-13"], "lang": "ja",
                      "layers": ["events"], "view": {"lon": 118.5, "lat": 47.6, "zoom": 6.0},
                      "size": [900, 600], "zip": False}  # fmt: skip
    bad = [({"lang": "fr"}, "err_lang"), ({"layers": "events"}, "err_layers"),
           ({"layers": ["events", "nope"]}, "err_layers"), ({"size": [-5, -5]}, "err_size"),
           ({"size": [900, True]}, "err_size"), ({"size": [1e9, 10]}, "err_size"),
           ({"view": {"lon": 118, "lat": 47}}, "err_view"),
           ({"view": {"lon": float("nan"), "lat": 47, "zoom": 3}}, "err_view")]  # fmt: skip
    for change, key in bad:
        with pytest.raises(AnimationRequestError) as info:
            animation_params(SPAN, {**request, **change}, "1939-05-11", "1939-05-13", "day", [])
        assert info.value.key == key and "Error" not in info.value.message("en")
    with pytest.raises(AnimationRequestError, match="outside the atlas"):
        animation_params(SPAN, request, "1800-01-01", "1939-05-13", "day", [])
    with pytest.raises(AnimationRequestError, match="request: expected"):
        animation_params(SPAN, ["en"], "1939-05-11", "1939-05-13", "day", [])
    name = animation_filename(["1939-05-11", "1939-05-13"], "ja")
    assert name == "atlas-1939-05-11_1939-05-13-ja-2f.gif"
