"""The handout's request from the page, as a hostile page could send it: every field checked on
the server, a clear message naming what was wrong, a job queued only when all is right."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app import create_app
from components.atlas.timeline import day_number
from components.export.jobs import make_manager
from components.page.exports import job_board, status_text
from components.page.handout import handout_status
from tests.fixtures import FIXTURE_DIR

FORM = {"what": "period", "dates": "", "paper": "a4", "orientation": "portrait", "maps": 2,
        "lang": "en", "day": "1938-08-01"}  # fmt: skip


@pytest.fixture
def served(tmp_path):
    """The app on the fixture layers; its board launches nothing (the test looks at the queue)."""
    app = create_app(FIXTURE_DIR, manager=make_manager({"FEA_CACHE_DIR": str(tmp_path)}))
    board = job_board(app)
    board.limits = replace(board.limits, concurrency=1)
    board.launched = []
    board.launch = board.launched.append
    return app.server.test_client(), board


def request_handout(client, **form):
    form = {**FORM, **form}
    state = [("handout-what", "value", form["what"]), ("handout-dates", "value", form["dates"]),
             ("handout-paper", "value", form["paper"]),
             ("handout-orientation", "value", form["orientation"]),
             ("handout-maps", "value", form["maps"]), ("lang", "value", form["lang"]),
             ("timeline", "data", {"day": day_number(form["day"])})]  # fmt: skip
    body = {"output": "..handout-job.data...handout-status.children..",
            "outputs": [{"id": "handout-job", "property": "data"},
                        {"id": "handout-status", "property": "children"}],
            "inputs": [{"id": "handout-make", "property": "n_clicks", "value": 1}],
            "changedPropIds": ["handout-make.n_clicks"],
            "state": [{"id": i, "property": p, "value": v} for i, p, v in state]}  # fmt: skip
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:300]
    out = response.get_json()["response"]
    return out.get("handout-job", {}).get("data"), out["handout-status"]["children"]


def test_the_current_period_becomes_a_queued_handout_job(served):
    client, board = served
    job, words = request_handout(client, maps=2, lang="ja")
    record = board.record(job["id"])
    assert list(job) == ["id"] and record["kind"] == "handout"
    assert record["params"] == {"dates": ["1938-07-29", "1938-08-11"], "lang": "ja",
                                "paper": "a4", "orientation": "portrait",
                                "period": "khasan"}  # fmt: skip
    assert record["total"] == 3 and board.launched == [job["id"]] and words == "開始しています…"


def test_typed_dates_in_letter_landscape(served):
    client, board = served
    job, _ = request_handout(client, what="dates", dates="1939-08-20, 1938-07-29,1938-07-29",
                             paper="letter", orientation="landscape", day="1936-01-01")  # fmt: skip
    params = board.record(job["id"])["params"]
    assert params["dates"] == ["1938-07-29", "1939-08-20"] and params["paper"] == "letter"


@pytest.mark.parametrize(("form", "message"), [
    ({"what": "dates", "dates": "1938-07-29, 1938-13-01"}, "dates: 1938-13-01"),
    ({"what": "dates", "dates": "1938-07-29, 1899-01-01"}, "1899-01-01 is outside the atlas"),
    ({"what": "dates", "dates": "1938-07-29"}, "dates: 1 distinct days; a handout holds 2 to 6"),
    ({"what": "dates", "dates": "  "}, "dates: 0 distinct days"),
    ({"what": "dates", "dates": ["1938-07-29", 5]}, "dates: expected days YYYY-MM-DD"),
    ({"maps": 9}, "maps: expected 2 to 6"),
    ({"maps": "3"}, "maps: expected 2 to 6"),
    ({"paper": "a3"}, "paper/orientation: expected a4 or letter"),
    ({"orientation": {"x": 1}}, "paper/orientation: expected"),
    ({"day": "1936-01-01"}, "1936-01-01 is in no period of the timeline"),
    ({"what": "moments"}, "Lake Khasan 1938 has 1 key moment(s)"),
    ({"what": "moments", "lang": "ja"}, "張鼓峰 1938 の重要な場面は 1 件です"),
    ({"what": "dates", "dates": "1938-07-29", "lang": "zh"}, "无法生成讲义：dates: 1"),
])  # fmt: skip
def test_a_bad_request_is_refused_with_what_was_wrong(served, form, message):
    client, board = served
    job, words = request_handout(client, **form)
    assert job is None and message in words and "Traceback" not in words
    assert board._active() == []


def test_the_status_of_a_handout_job_tells_maps_then_the_print():
    running = {"kind": "handout", "state": "running", "total": 3}
    assert status_text({**running, "done": 0}, "en") == "Drawing map 1 of 2"
    assert status_text({**running, "done": 2}, "zh") == "正在生成 PDF…"
    assert handout_status({"state": "failed", "reason": {"key": "reason_dead", "params": {}}},
                          "en") == "The export failed: the renderer stopped"  # fmt: skip


def press(client, button, store, value, outputs):
    # the callback's output key as the page knows it (allow_duplicate outputs carry a hash)
    deps = client.get("/_dash-dependencies").get_json()
    key = next(d["output"] for d in deps if d["inputs"][0]["id"] == button)
    body = {"output": key,
            "outputs": [{"id": i, "property": p} for i, p in outputs],
            "inputs": [{"id": button, "property": "n_clicks", "value": 1}],
            "changedPropIds": [f"{button}.n_clicks"],
            "state": [{"id": store, "property": "data", "value": value},
                      {"id": "lang", "property": "value", "value": "en"}]}  # fmt: skip
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:300]
    return response.get_json()["response"]


def test_a_failed_handout_is_retried_with_its_parameters_and_a_new_one_cancelled(served):
    client, board = served
    job, _ = request_handout(client)
    board.update(job["id"], state="failed", reason={"key": "reason_dead", "params": {}})
    out = press(client, "handout-retry", "handout-done", {"id": job["id"]},
                [("handout-job", "data"), ("handout-status", "children"),
                 ("handout-retry", "hidden")])  # fmt: skip
    again = out["handout-job"]["data"]["id"]
    assert again != job["id"] and out["handout-retry"]["hidden"] is True
    assert board.record(again)["params"] == board.record(job["id"])["params"]
    out = press(client, "handout-cancel", "handout-job", {"id": again},
                [("handout-job", "data"), ("handout-status", "children")])  # fmt: skip
    assert out["handout-status"]["children"] == "Cancelled"
    assert board.record(again)["state"] == "cancelled"
    out = press(client, "handout-retry", "handout-done", {"id": "x" * 32},
                [("handout-job", "data"), ("handout-status", "children"),
                 ("handout-retry", "hidden")])  # fmt: skip
    assert out["handout-status"]["children"] == "This export is no longer kept: make it again"
