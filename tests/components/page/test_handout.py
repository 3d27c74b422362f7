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


def post(client, form: dict, lang: str = "en"):
    """What ``fea_jobs.requestHandout`` sends: the form and the shown packs, as JSON."""
    return client.post(f"/_fea/handout?lang={lang}", json=form)


def request_handout(client, **form):
    form = {**FORM, **form}
    body = {**{k: v for k, v in form.items() if k != "day"}, "day": day_number(form["day"])}
    response = post(client, body, form["lang"] if isinstance(form["lang"], str) else "en")
    assert response.status_code in (200, 400), response.data[:300]
    out = response.get_json()
    if response.status_code == 200:
        return {"id": out["id"]}, out["text"]
    return None, out["error"]


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


def _pack(features=None, **extra) -> dict:
    """A pack as the page holds it: the reader's regiment at Mukden in 1905 (before the atlas)."""
    feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [123.43, 41.8]},
               "properties": {"id": "mukden", "layer": "events", "start": "1905-03-10",
                              "end": "1905-03-10", "precision": "day",
                              "names": {"en": "Battle of Mukden"},
                              "source": [{"document": "lesson.csv", "line": 2,
                                          "quote": "The battle of Mukden ended."}]}}  # fmt: skip
    return {"type": "FeatureCollection", "pack": 1, "name": "Lesson", "file": "lesson.csv",
            "span": {"start": "1905-01-01", "end": "1905-03-10"},
            "features": [feature] if features is None else features, **extra}  # fmt: skip


def test_the_shown_packs_go_with_the_job_and_their_days_are_taken(served, monkeypatch):
    from components.export.handout import job as handout_job
    from components.export.handout import printing
    from components.export.handout.model import build_handout

    client, board = served
    dates = "1905-03-01, 1905-03-10"
    response = post(client, {**FORM, "what": "dates", "dates": dates, "packs": [_pack()],
                             "day": day_number("1905-03-10")})  # fmt: skip
    assert response.status_code == 200, response.data[:300]
    record = board.record(response.get_json()["id"])
    ref = record["params"]["packs"]
    assert record["params"]["dates"] == ["1905-03-01", "1905-03-10"]
    assert set(ref) == {"key", "names"} and ref["names"] == ["Lesson"]  # the record stays small
    assert handout_job.kept_packs(board.store, record["params"]) == [_pack()]
    made = []

    def make_handout(atlas, *args, **kwargs):  # the model, and no browser
        made.append(build_handout(atlas, *args, **{k: v for k, v in kwargs.items()
                                                   if k != "on_map"}))  # fmt: skip
        return made[-1], b"%PDF-1.4"

    monkeypatch.setattr(printing, "make_handout", make_handout)
    files = board.kinds["handout"].render(record["params"], lambda n: None)
    h = made[0]
    assert files == {"pdf": b"%PDF-1.4"}
    assert [(r["label"], r["color"]) for r in h.legend if r["layer"] == "pack"] == [
        ("Lesson", "#1565c0")]  # fmt: skip
    assert [(s["quote"], s["yours"]) for s in h.sources] == [("The battle of Mukden ended.", True)]
    assert "Battle of Mukden" in h.panels[1].caption and h.packs == (_pack(),)
    assert board.store.file_chunks(ref["key"]) is None  # made: the reader's data is not kept


def test_without_the_pack_its_days_are_outside_the_atlas(served):
    client, board = served
    job, words = request_handout(client, what="dates", dates="1905-03-01, 1905-03-10")
    assert job is None and "1905-03-01 is outside the atlas" in words


@pytest.mark.parametrize(("packs", "message"), [
    ([_pack([{"type": "Feature", "properties": {"id": "x"}}])],
     "packs: pack 1 (lesson.csv): feature 1: expected 'layer' one of places"),
    ([_pack(pack=2)], "packs: pack 1 (lesson.csv): expected pack format 1, got 2"),
    ([{"type": "FeatureCollection", "pack": 1, "features": "<script>"}],
     "packs: pack 1: expected 'features' as a list"),
    ([_pack()] * 7, "packs: 7 imported packs shown; a handout takes at most 6"),
    ({"a": 1}, "packs: expected a list of imported packs"),
    ([_pack([{"type": "Feature", "geometry": None, "properties": {
        "id": "x", "layer": "timeline", "start": "1905-1-1", "end": "1905-01-01",
        "names": {}}}])], "feature 1: expected 'start' as YYYY-MM-DD, got '1905-1-1'"),
])  # fmt: skip
def test_a_crafted_pack_is_refused_with_what_was_wrong_and_nothing_kept(served, packs, message):
    client, board = served
    keys = set(board.store.cache)
    response = post(client, {**FORM, "day": day_number("1938-08-01"), "packs": packs})
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error.startswith("The handout cannot be made: ") and message in error, error
    assert board._active() == [] and set(board.store.cache) == keys


def test_packs_too_big_for_a_request_are_refused_before_they_are_read(served):
    from components.page.handout import BODY_LIMIT

    client, board = served
    filler = {"type": "Feature", "geometry": None,
              "properties": {"id": "x", "layer": "timeline", "start": "1905-01-01",
                             "end": "1905-01-01", "names": {"en": "x" * 1000}}}  # fmt: skip
    big = _pack([filler] * (BODY_LIMIT // 1000 + 10))
    response = post(client, {**FORM, "day": day_number("1938-08-01"), "packs": [big]}, "zh")
    assert response.status_code == 413
    assert response.get_json()["error"].startswith("无法生成讲义：the imported data shown is "
                                                   "too big for a handout")  # fmt: skip
    assert board._active() == []


@pytest.mark.parametrize(("body", "kind", "message"), [
    (b"what=period", "application/x-www-form-urlencoded", "the request: expected JSON"),
    (b"{not json", "application/json", "the request: not valid JSON"),
    (b"[1, 2]", "application/json", "the request: expected an object"),
    (b'{"what": "everything"}', "application/json", "what: expected one of period, moments"),
])  # fmt: skip
def test_a_request_that_is_not_the_form_is_refused(served, body, kind, message):
    client, board = served
    response = client.post("/_fea/handout", data=body, content_type=kind)
    assert response.status_code == 400 and message in response.get_json()["error"]
    assert board._active() == []
