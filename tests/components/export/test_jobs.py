"""Animation jobs: render once, follow a running job, take over a dead one, report failures."""

import base64
import threading
import time

import diskcache
import pytest

from components.export.jobs import (
    DiskStore,
    JobBoard,
    JobFailed,
    MemoryStore,
    animation_outputs,
    cache_dir,
    frames_zip_download,
    make_manager,
    progress_values,
    run_job,
    store_of,
)

JOB = {"id": "job-1", "dates": ["1938-07-29", "1938-08-05", "1938-08-12"], "lang": "en",
       "zip": True}  # fmt: skip


def fake_render(calls):
    def render(job, on_frame):
        calls.append(job["id"])
        for i, _date in enumerate(job["dates"], 1):
            on_frame(i)
        return {"gif": b"GIF89a...", "zip": b"PK..."}

    return render


def test_a_job_renders_once_and_reports_each_frame():
    board, calls, reports = JobBoard(MemoryStore()), [], []
    files = run_job(JOB, board, fake_render(calls), lambda *a: reports.append(a))
    assert files["gif"].startswith(b"GIF") and calls == ["job-1"]
    assert reports[0] == (0, 3, "frames") and (3, 3, "writing") in reports
    assert reports[-1] == (3, 3, "done")
    assert board.status("job-1")["state"] == "done"
    # asked again (a reloaded page): the files at once, no second rendering
    assert run_job(JOB, board, fake_render(calls), lambda *a: None) == files and calls == ["job-1"]


def test_a_second_request_follows_the_job_already_running():
    board, calls, reports = JobBoard(MemoryStore()), [], []
    assert board.claim("job-1", 3)
    board.update("job-1", done=1)

    def finish_later():
        time.sleep(0.2)
        board.update("job-1", done=2)
        time.sleep(0.2)
        board.finish("job-1", {"gif": b"GIF-other"})

    threading.Thread(target=finish_later).start()
    files = run_job(JOB, board, fake_render(calls), lambda *a: reports.append(a), poll=0.05)
    assert files == {"gif": b"GIF-other"} and calls == []
    assert (1, 3, "frames") in reports and (2, 3, "frames") in reports


def test_a_job_whose_renderer_died_is_taken_over():
    board, calls = JobBoard(MemoryStore()), []
    board.claim("job-1", 3)
    board.store.data["fea-job:job-1"]["beat"] = time.time() - 1000  # its renderer is gone
    files = run_job(JOB, board, fake_render(calls), lambda *a: None, poll=0.01)
    assert calls == ["job-1"] and files["zip"] == b"PK..."


def test_a_failure_is_kept_and_reported_to_followers():
    board = JobBoard(MemoryStore())

    def broken(job, on_frame):
        raise OSError("chromium did not start")

    with pytest.raises(JobFailed, match="OSError: chromium did not start"):
        run_job(JOB, board, broken, lambda *a: None)
    assert board.status("job-1")["state"] == "failed"
    board2 = JobBoard(board.store)
    board2.store.data.pop("fea-job:job-1:files", None)
    with pytest.raises(JobFailed, match="chromium did not start"):
        run_job(JOB, board2, fake_render([]), lambda *a: None)


def test_outputs_are_downloads_and_a_cleared_job_or_a_message():
    progress = []
    board = JobBoard(MemoryStore())
    gif, done, job, message = animation_outputs(JOB, board, fake_render([]), progress.append)
    assert gif["filename"] == "atlas-1938-07-29_1938-08-12-en-3f.gif" and gif["base64"]
    assert done == {"id": "job-1", "dates": JOB["dates"], "lang": "en"} and job is None
    frames, _note = frames_zip_download(done, board)  # on the button's click, from the store
    assert frames["filename"].endswith("-3f.zip")
    assert base64.b64decode(frames["content"]) == b"PK..."
    assert frames_zip_download({**done, "id": "gone"}, board)[1].startswith("The frames are no")
    assert message == "Done: atlas-1938-07-29_1938-08-12-en-3f.gif"
    assert progress[0] == ("0", "3", "") and ("1", "3", "Frame 1 of 3") in progress

    def broken(job, on_frame):
        raise ValueError("no frames")

    failed = animation_outputs({**JOB, "lang": "zh"}, JobBoard(MemoryStore()), broken,
                               lambda v: None)  # fmt: skip
    assert failed[2] is None and failed[3] == "导出失败：ValueError: no frames"
    empty = animation_outputs(None, JobBoard(MemoryStore()), broken, lambda v: None)
    assert empty[1] is None and empty[2] is None


def test_progress_words():
    assert progress_values(0, 0, "frames", "zh") == ("0", "1", "")
    assert progress_values(1, 3, "frames", "zh") == ("1", "3", "第 1 帧，共 3 帧")
    assert progress_values(4, 4, "done", "en")[2] == ""


def test_diskcache_store_claims_once(tmp_path):
    board = JobBoard(DiskStore(diskcache.Cache(str(tmp_path))))
    assert board.claim("a", 2) and not board.claim("a", 2)
    board.finish("a", {"gif": b"x"})
    assert board.files("a") == {"gif": b"x"} and board.status("a")["state"] == "done"


def test_manager_is_diskcache_by_default_in_the_cache_dir(tmp_path):
    manager = make_manager({"FEA_CACHE_DIR": str(tmp_path)})
    assert type(manager).__name__ == "DiskcacheManager"
    assert (tmp_path / "jobs").is_dir() and cache_dir({"FEA_CACHE_DIR": str(tmp_path)}).is_dir()
    assert isinstance(store_of(manager), DiskStore)


def test_celery_is_chosen_by_the_broker_variable(tmp_path):
    env = {"FEA_CELERY_BROKER": "redis://localhost:6379/0", "FEA_CACHE_DIR": str(tmp_path)}
    try:
        import celery  # noqa: F401
    except ImportError:
        with pytest.raises(RuntimeError, match="FEA_CELERY_BROKER='redis://localhost:6379/0'"
                                               ".*pip install 'dash\\[celery\\]'"):  # fmt: skip
            make_manager(env)
        return
    manager = make_manager(env)  # no connection is made until a job runs
    assert type(manager).__name__ == "CeleryManager"
    assert manager.handle.conf.broker_url == env["FEA_CELERY_BROKER"]
    assert type(store_of(manager)).__name__ == "RedisStore"
