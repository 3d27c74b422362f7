"""The handout as a job of the site's queue: every field checked, the renderer's steps."""

from __future__ import annotations

import pytest

from components.atlas.data import load_atlas
from components.export.handout.job import (
    HandoutRequestError,
    handout_kind,
    handout_params,
    total_steps,
)

BAD = [
    ("nope", "the request: expected an object"),
    ({"lang": "fr", "period": "khasan"}, "lang: expected one of en, zh, ja"),
    ({"paper": "a3", "period": "khasan"}, "paper/orientation: expected a4 or letter"),
    ({"orientation": "up", "period": "khasan"}, "paper/orientation"),
    ({"period": "boxer"}, "period: unknown period 'boxer'"),
    ({"period": ["khasan"]}, "period: unknown period"),
    ({"period": "khasan", "maps": 9}, "maps: expected 2 to 6"),
    ({"period": "khasan", "maps": True}, "maps: expected 2 to 6"),
    ({"dates": "1939-05-28"}, "dates: 1 distinct days; a handout holds 2 to 6 maps"),
    ({"dates": "1939-05-28,1899-01-01"}, "dates: 1899-01-01 is outside the atlas"),
    ({"dates": [1939, 1940]}, "dates: expected days YYYY-MM-DD"),
    ({"dates": ",".join(f"1939-05-{d:02d}" for d in range(1, 9))}, "dates: 8 distinct days"),
    ({}, "give a period or 2 to 6 dates"),
]  # fmt: skip


@pytest.mark.parametrize(("request_", "message"), BAD, ids=[m for _r, m in BAD])
def test_every_field_is_checked(request_, message):
    with pytest.raises(HandoutRequestError) as found:
        handout_params(request_)
    assert str(found.value).startswith(message)


def test_a_period_gives_its_key_moments_and_chosen_dates_win():
    atlas = load_atlas()
    params = handout_params({"lang": "ja", "period": "khalkhin-gol", "maps": 4}, atlas)
    assert params == {"dates": ["1939-05-28", "1939-06-23", "1939-08-04", "1939-09-16"],
                      "lang": "ja", "paper": "a4", "orientation": "portrait",
                      "period": "khalkhin-gol"}  # fmt: skip
    chosen = handout_params({"period": "khalkhin-gol", "dates": ["1939-08-20", "1939-07-03"],
                             "paper": "letter", "orientation": "landscape"}, atlas)  # fmt: skip
    assert chosen["dates"] == ["1939-07-03", "1939-08-20"] and chosen["paper"] == "letter"
    assert total_steps(chosen) == 3


def test_the_renderer_reports_each_map_then_the_print(needs_chromium):
    atlas = load_atlas()
    params = handout_params({"lang": "en", "dates": "1938-07-29,1938-08-11"}, atlas)
    steps = []
    files = handout_kind(atlas).render(params, steps.append)
    assert steps == [1, 2, 3] and list(files) == ["pdf"]
    assert files["pdf"].startswith(b"%PDF-") and len(files["pdf"]) > 100_000
    assert handout_kind(atlas).filename(params, "pdf") == "handout-1938-07-29-1938-08-11-en.pdf"
