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


def request_job(client, request, **form):
    form = {**FORM, **form}
    body = {"output": "..anim-job.data...anim-status.children..",
            "outputs": [{"id": "anim-job", "property": "data"},
                        {"id": "anim-status", "property": "children"}],
            "inputs": [{"id": "anim-request", "property": "data", "value": request}],
            "changedPropIds": ["anim-request.data"],
            "state": [{"id": "anim-start", "property": "value", "value": form["start"]},
                      {"id": "anim-end", "property": "value", "value": form["end"]},
                      {"id": "anim-step", "property": "value", "value": form["step"]},
                      {"id": "anim-zip", "property": "value", "value": form["zip"]}]}  # fmt: skip
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:300]
    out = response.get_json()["response"]
    return out.get("anim-job", {}).get("data"), out["anim-status"]["children"]


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
