"""The export panel's server side, through crafted requests as a hostile page would send them:
every field checked, ids the server makes, state polled and files streamed from routes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app import create_app
from components.export.jobs import JobKind, make_manager
from components.export.jobs_runner import run
from components.page.exports import job_board, status_text
from tests.fixtures import FIXTURE_DIR

FORM = {"start": "1938-07-29", "end": "1938-08-12", "step": "7d", "zip": ["zip"]}
GOOD = {"lang": "en", "layers": ["events"], "view": {"lon": 130.6, "lat": 42.5, "zoom": 5.5},
        "size": [400, 300], "nonce": 1}  # fmt: skip


@pytest.fixture
def served(tmp_path):
    """The app on the fixture layers; its board launches nothing (jobs are run by the test)."""
    app = create_app(FIXTURE_DIR, manager=make_manager({"FEA_CACHE_DIR": str(tmp_path)}))
    board = job_board(app)
    board.limits = replace(board.limits, concurrency=1)
    board.launched = []
    board.launch = board.launched.append
    return app.server.test_client(), board


def post(client, body, lang: str = "en"):
    """What ``fea_jobs.requestAnimation`` sends: the map's request, the form, the packs."""
    return client.post(f"/_fea/animation?lang={lang}", json=body)


def request_job(client, request, packs=None, **form):
    form = {**FORM, **form}
    body = {"request": request, **form, **({"packs": packs} if packs is not None else {})}
    response = post(client, body)
    assert response.status_code in (200, 400), response.data[:300]
    out = response.get_json()
    if response.status_code == 200:
        return {"id": out["id"]}, out["text"]
    return None, out["error"]


@pytest.mark.parametrize(("request_", "form", "message"), [
    (GOOD, {"start": "1800-01-01"}, "From 1800-01-01 is outside the atlas' dates"),
    ({**GOOD, "lang": "fr"}, {}, "lang: expected en, zh or ja, got 'fr'"),
    ({**GOOD, "layers": "events"}, {}, "layers: expected a list of layer names"),
    ({**GOOD, "size": [-5, -5]}, {}, "size: expected the map's width and height"),
    ({**GOOD, "size": "big"}, {}, "size: expected"),
    ({**GOOD, "view": {"lon": 130, "lat": 95, "zoom": 5}}, {}, "view: expected longitude"),
    ({**GOOD, "view": [1, 2]}, {}, "view: expected"),
    ({**GOOD, "lang": "ja", "view": "x"}, {}, "表示範囲"),
    ("not a dict", {}, "request: expected"),
    (GOOD, {"step": {"x": 1}}, "step: expected"),
    (GOOD, {"end": "1945-01-01", "step": "day"}, "frames are too many (at most 200)"),
    (GOOD, {"zip": "zip"}, "frames: expected a list"),
])  # fmt: skip
def test_a_bad_request_starts_no_job_and_says_why(served, request_, form, message):
    client, board = served
    job, status = request_job(client, request_, **form)
    assert job is None and message in status
    assert "Error" not in status and board.launched == []


def test_a_job_gets_a_fresh_id_whatever_the_page_sends(served):
    client, board = served
    first, status = request_job(client, GOOD)
    assert status == "Starting…" and list(first) == ["id"] and len(first["id"]) == 32
    second, _ = request_job(client, {**GOOD, "id": first["id"]}, zip=[])  # a reused id
    assert second["id"] != first["id"]
    params = board.record(first["id"])["params"]
    assert params == {"dates": ["1938-07-29", "1938-08-05", "1938-08-12"], "lang": "en",
                      "layers": ["events"], "view": {"lon": 130.6, "lat": 42.5, "zoom": 5.5},
                      "size": [400, 300], "zip": True}  # fmt: skip
    assert board.record(second["id"])["params"]["zip"] is False
    # the second waits for the first (one job at a time here)
    assert client.get(f"/_fea/jobs/{second['id']}").get_json()["text"].startswith("Queued")


def test_the_state_is_polled_and_the_files_streamed_from_routes(served):
    client, board = served

    def render(params, on_frame):
        for n in range(1, len(params["dates"]) + 1):
            on_frame(n)
        return {"gif": b"GIF89a" + bytes(2_000_000), "zip": b"PK\x03\x04"}

    board.add_kind(JobKind("animation", render, board.kinds["animation"].filename))
    job, _ = request_job(client, GOOD)
    other, _ = request_job(client, GOOD)
    polled = client.get(f"/_fea/jobs/{job['id']}?lang=zh").get_json()
    assert polled["state"] == "starting" and polled["text"] == "正在启动…"
    assert run(board, job["id"]) == "done"
    done = client.get(f"/_fea/jobs/{job['id']}").get_json()
    stem = "atlas-1938-07-29_1938-08-12-en-3f"
    assert done["text"] == f"Done: {stem}.gif" and "base64" not in str(done)
    assert done["files"] == {"gif": f"/_fea/jobs/{job['id']}/gif",
                             "zip": f"/_fea/jobs/{job['id']}/zip"}  # fmt: skip
    response = client.get(done["files"]["gif"])
    assert response.status_code == 200 and response.is_streamed
    assert response.headers["Content-Disposition"] == f"attachment; filename={stem}.gif"
    assert response.mimetype == "image/gif" and len(response.data) == 2_000_006
    # another job's id gets its own state, never the first one's files
    assert client.get(f"/_fea/jobs/{other['id']}/gif").status_code == 404
    for path in ("/_fea/jobs/nope", f"/_fea/jobs/{job['id'][:-1]}x", f"/_fea/jobs/{job['id']}/x1"):
        assert client.get(path).status_code == 404


def test_cancel_is_told_and_a_failure_offers_retry(served):
    client, board = served
    job, _ = request_job(client, GOOD)
    board.cancel(job["id"])
    assert client.get(f"/_fea/jobs/{job['id']}").get_json()["text"] == "Cancelled"
    again = board.retry(job["id"])
    assert board.record(again)["params"] == board.record(job["id"])["params"]


def test_status_words_at_every_step():
    words = [status_text({"state": s, "done": 1, "total": 4, "position": 3, "files": {},
                          "reason": None}, "en")
             for s in ("queued", "starting", "running", "encoding", "cancelled")]  # fmt: skip
    assert words == ["Queued: number 3 in line", "Starting…", "Rendering frame 2 of 4",
                     "Writing the file…", "Cancelled"]  # fmt: skip


def _pack(features=None, **extra) -> dict:
    """A pack as the page holds it: the reader's regiment of 1905 (before the atlas)."""
    feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [123.43, 41.8]},
               "properties": {"id": "mukden", "layer": "events", "start": "1905-03-10",
                              "end": "1905-03-10",
                              "names": {"en": "Battle of Mukden"}}}  # fmt: skip
    return {"type": "FeatureCollection", "pack": 1, "name": "Lesson", "file": "lesson.csv",
            "span": {"start": "1905-02-20", "end": "1905-03-10"},
            "features": [feature] if features is None else features, **extra}  # fmt: skip


PACK_FORM = {"start": "1905-02-20", "end": "1905-03-10", "step": "week", "zip": []}


def test_the_shown_packs_go_with_the_job_kept_beside_it_and_read_by_the_renderer(served):
    from components.page.exports import animation_kind

    client, board = served
    job, words = request_job(client, GOOD, packs=[_pack()], **PACK_FORM)
    assert words == "Starting…"
    params = board.record(job["id"])["params"]
    assert params["dates"] == ["1905-02-20", "1905-02-27", "1905-03-06"]
    ref = params["packs"]
    assert set(ref) == {"key", "names"} and ref["names"] == ["Lesson"]  # the record stays small
    seen = []

    def render(job_params, on_frame):
        seen.append(job_params["packs"])
        return {"gif": b"GIF89a"}

    board.add_kind(animation_kind(render, board.store))
    assert run(board, job["id"]) == "done" and seen == [[_pack()]]
    assert board.store.file_chunks(ref["key"]) is None  # made: the reader's data is not kept


def test_a_job_without_packs_has_none_and_their_days_are_outside_the_atlas(served):
    client, board = served
    job, _ = request_job(client, GOOD, packs=[])
    assert "packs" not in board.record(job["id"])["params"]
    job, words = request_job(client, GOOD, **PACK_FORM)
    assert job is None and words.startswith("From 1905-02-20 is outside the atlas' dates")
    # a pack covers its own days only
    job, words = request_job(client, GOOD, packs=[_pack()], **{**PACK_FORM, "end": "1905-04-01"})
    assert job is None and "To 1905-04-01 is outside the atlas' dates" in words


@pytest.mark.parametrize(("packs", "message"), [
    ({"a": 1}, "packs: expected a list of imported packs"),
    ("x", "packs: expected a list of imported packs"),
    ([_pack(pack=2)], "packs: pack 1 (lesson.csv): expected pack format 1, got 2"),
    ([{"type": "FeatureCollection", "pack": 1, "features": "<script>"}],
     "packs: pack 1: expected 'features' as a list"),
    ([_pack()] * 7, "packs: 7 imported packs shown; a GIF takes at most 6"),
])  # fmt: skip
def test_a_crafted_pack_is_refused_with_what_was_wrong_and_nothing_kept(served, packs, message):
    client, board = served
    keys = set(board.store.cache)
    response = post(client, {"request": GOOD, **PACK_FORM, "packs": packs})
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error.startswith("The GIF cannot be made: ") and message in error, error
    assert board._active() == [] and set(board.store.cache) == keys


def test_packs_too_big_for_a_request_are_refused_before_they_are_read(served):
    from components.page.exports import BODY_LIMIT

    client, board = served
    filler = {"type": "Feature", "geometry": None,
              "properties": {"id": "x", "layer": "timeline", "start": "1905-03-01",
                             "end": "1905-03-01", "names": {"en": "x" * 1000}}}  # fmt: skip
    big = _pack([filler] * (BODY_LIMIT // 1000 + 10))
    # not read: the page's language is the address' (as fea_jobs.requestAnimation sends it)
    response = post(client, {"request": {**GOOD, "lang": "ja"}, **PACK_FORM, "packs": [big]}, "ja")
    assert response.status_code == 413
    assert response.get_json()["error"].startswith("GIF を作成できません：the imported data "
                                                   "shown is too big for a GIF")  # fmt: skip
    assert board._active() == []


@pytest.mark.parametrize(("body", "kind", "message"), [
    (b"start=1938-07-29", "application/x-www-form-urlencoded", "the request: expected JSON"),
    (b"{not json", "application/json", "the request: not valid JSON"),
    (b"[1, 2]", "application/json", "the request: expected an object"),
    (b'{"request": {"lang": "en"}}', "application/json", "From: expected a date YYYY-MM-DD"),
])  # fmt: skip
def test_a_request_that_is_not_the_form_is_refused(served, body, kind, message):
    client, board = served
    response = client.post("/_fea/animation", data=body, content_type=kind)
    assert response.status_code == 400 and message in response.get_json()["error"]
    assert board._active() == []


def test_a_full_queue_keeps_no_packs(served):
    client, board = served
    board.limits = replace(board.limits, queue_max=0)
    keys = set(board.store.cache)
    response = post(client, {"request": GOOD, **PACK_FORM, "packs": [_pack()]})
    assert response.status_code == 503 and "queue" in response.get_json()["error"].lower()
    assert set(board.store.cache) == keys
