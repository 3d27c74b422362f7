"""Export jobs: the queue and its limits, dead and abandoned jobs, files kept under a cap,
one JSON log line per event, and the runner with its heartbeat (in a real forked process)."""

import json
import os
import signal
import time

import diskcache
import pytest

from components.export.jobs import (
    DEAD_AFTER,
    JOB_TTL,
    DiskStore,
    JobBoard,
    JobKind,
    Limits,
    MemoryStore,
    QueueFull,
    cache_dir,
    make_manager,
    store_of,
)
from components.export.jobs_runner import Heartbeat, fork_launcher, run

LIMITS = Limits(concurrency=1, queue_max=2, time_limit=60, abandon_after=600,
                results_max_bytes=100)  # fmt: skip
PARAMS = {"dates": ["1938-07-29", "1938-08-05", "1938-08-12"], "lang": "en"}


def kind(render=None):
    def fake(params, on_frame):
        for n in range(1, len(params["dates"]) + 1):
            on_frame(n)
        return {"gif": b"GIF89a" + b"x" * 10, "zip": b"PK"}

    return JobKind("animation", render or fake, lambda params, key: f"a-{params['lang']}.{key}")


def board(limits=LIMITS, store=None):
    launched = []
    b = JobBoard(store or MemoryStore(), limits, launched.append, {"animation": kind()})
    b.launched = launched
    return b


def test_ids_are_unguessable_and_params_stay_on_the_server():
    b = board()
    first, second = b.submit("animation", PARAMS, 3), b.submit("animation", PARAMS, 3)
    assert first != second and len(first) == 32 and first.isascii()
    assert b.record(first)["params"] == PARAMS and b.record("not-a-job") is None


def test_the_concurrency_limit_holds_and_the_queue_moves_in_order():
    b = board(Limits(2, 5, 60, 600, 10**6))
    ids = [b.submit("animation", PARAMS, 3) for _ in range(4)]
    assert b.launched == ids[:2]  # two at once
    assert [b.poll(i)["state"] for i in ids] == ["starting", "starting", "queued", "queued"]
    assert [b.poll(i)["position"] for i in ids] == [0, 0, 1, 2]
    b.update(ids[0], state="done")
    b.pump()
    assert b.launched == ids[:3] and b.poll(ids[3])["position"] == 1


def test_a_full_queue_refuses_a_job_saying_how_many_wait():
    b = board()  # 1 at once, 2 waiting
    for _ in range(3):
        b.submit("animation", PARAMS, 3)
    with pytest.raises(QueueFull, match="2 jobs waiting"):
        b.submit("animation", PARAMS, 3)


def test_a_dead_renderer_is_reported_and_its_place_freed():
    b = board()
    dead, waiting = b.submit("animation", PARAMS, 3), b.submit("animation", PARAMS, 3)
    b.update(dead, state="running")
    b.store.set(f"fea-beat:{dead}", time.time() - DEAD_AFTER - 1)
    job = b.poll(dead)
    assert job["state"] == "failed" and job["reason"]["key"] == "reason_dead"
    assert b.launched == [dead, waiting]  # the next one started


def test_a_renderer_that_never_beat_and_a_job_past_its_time_are_failed():
    b = board()
    job_id = b.submit("animation", PARAMS, 3)
    b.pump(now=time.time() + 61)  # started, never beat
    assert b.record(job_id)["reason"]["key"] == "reason_nostart"
    job_id = b.submit("animation", PARAMS, 3)
    b.store.set(f"fea-beat:{job_id}", time.time() + 100)
    b.pump(now=time.time() + 90)  # beats, but past the time limit
    assert b.record(job_id)["reason"] == {"key": "reason_timeout", "params": {"limit": 60}}


def test_a_job_nobody_polls_is_cancelled_and_a_poll_keeps_it():
    b = board()
    kept, left = b.submit("animation", PARAMS, 3), b.submit("animation", PARAMS, 3)
    b.store.set(f"fea-beat:{kept}", time.time() + 10**4)
    b.store.set(f"fea-polled:{left}", time.time() - 601)
    b.poll(kept)
    assert b.record(left)["state"] == "cancelled"
    assert b.record(left)["reason"]["key"] == "reason_abandoned"
    assert b.record(kept)["state"] == "starting"


def test_cancel_and_retry():
    b = board()
    job_id = b.submit("animation", PARAMS, 3)
    assert b.cancel(job_id)["state"] == "cancelled" and b.cancel(job_id) is None
    again = b.retry(job_id)
    assert again != job_id and b.record(again)["params"] == PARAMS
    assert b.retry(again) is None  # only a failed or cancelled job


def test_a_job_runs_reports_each_frame_and_keeps_its_files(capsys):
    b = board(Limits(1, 5, 60, 600, 10**6))
    job_id = b.submit("animation", PARAMS, 3)
    states = []
    real = b.update

    def spy(job_id, _from=("queued", "starting", "running", "encoding"), **fields):
        states.append((fields.get("state"), fields.get("done")))
        return real(job_id, _from, **fields)

    b.update = spy
    assert run(b, job_id) == "done"
    assert ("running", 1) in states and ("encoding", 3) in states
    name, size, chunks = b.file(job_id, "gif")
    assert name == "a-en.gif" and size == 16 and b"".join(chunks).startswith(b"GIF89a")
    assert b.file(job_id, "pdf") is None and b.file("other", "gif") is None
    lines = [json.loads(x) for x in capsys.readouterr().err.splitlines() if x.startswith("{")]
    assert {"queued", "starting", "running", "encoding", "done"} <= {x["state"] for x in lines}
    assert all(set(x) >= {"job", "state", "frame", "elapsed", "reason"} for x in lines)


def test_a_renderer_error_is_the_reason():
    def broken(params, on_frame):
        raise OSError("chromium did not start")

    b = board()
    b.add_kind(kind(broken))
    job_id = b.submit("animation", PARAMS, 3)
    assert run(b, job_id) == "failed"
    assert b.record(job_id)["reason"]["params"]["error"] == "OSError: chromium did not start"


def test_files_are_kept_under_the_size_cap_the_oldest_removed_first():
    b = board(Limits(1, 5, 60, 600, 40))  # 40 bytes; each job keeps 16 + 2
    ids = []
    for _ in range(4):
        job_id = b.submit("animation", PARAMS, 3)
        run(b, job_id)
        ids.append(job_id)
    kept = [i for i in ids if b.file(i, "gif") is not None]
    assert kept == ids[2:]  # the oldest files went first
    assert sum(e[3] for e in b.store.get("fea-jobs:results")) <= 40


def test_the_heartbeat_stops_a_cancelled_job():
    b = board()
    job_id = b.submit("animation", PARAMS, 3)
    b.update(job_id, state="running")
    stopped = []
    beat = Heartbeat(b, job_id, on_stop=lambda: stopped.append(1), every=0.05)
    beat.start()
    b.cancel(job_id)
    beat.join(2)
    assert stopped == [1] and beat.stopped.is_set() and b.store.get(f"fea-beat:{job_id}")


def test_a_forked_renderer_killed_is_reported_failed(tmp_path):
    """kill -9 of a job's process: the board says "the renderer stopped" once the heartbeat
    is older than DEAD_AFTER (20 s); checked here with the clock moved on."""

    def slow(params, on_frame):
        time.sleep(60)
        return {}

    store = DiskStore(diskcache.Cache(str(tmp_path)))
    b = JobBoard(store, LIMITS, None, {"animation": kind(slow)})
    b.launch = fork_launcher(b)
    job_id = b.submit("animation", PARAMS, 3)
    deadline = time.time() + 20
    while (b.record(job_id) or {}).get("state") != "running" and time.time() < deadline:
        time.sleep(0.1)
    job = b.record(job_id)
    assert job["state"] == "running" and job["pid"] != os.getpid()
    os.killpg(job["pid"], signal.SIGKILL)
    time.sleep(0.3)
    assert b.poll(job_id)["state"] == "running"  # not yet: its last beat is recent
    b.pump(now=time.time() + DEAD_AFTER + 1)
    assert b.record(job_id)["state"] == "failed"
    assert b.record(job_id)["reason"]["key"] == "reason_dead"


def test_limits_from_settings_and_one_job_per_core_by_default():
    assert Limits.from_settings({}).concurrency == (os.cpu_count() or 1)
    limits = Limits.from_settings({"FEA_JOB_CONCURRENCY": "2", "FEA_JOB_QUEUE_MAX": "4",
                                   "FEA_JOB_TIME_LIMIT": "30"})  # fmt: skip
    assert (limits.concurrency, limits.queue_max, limits.time_limit) == (2, 4, 30.0)
    assert limits.abandon_after == 600 and limits.results_max_bytes == 2_000_000_000


def test_diskcache_store_keeps_files_as_files(tmp_path):
    store = DiskStore(diskcache.Cache(str(tmp_path)))
    assert store.put_file("f", b"x" * 100_000, ttl=JOB_TTL) == 100_000
    assert store.file_size("f") == 100_000 and len(b"".join(store.file_chunks("f"))) == 100_000
    store.delete("f")
    assert store.file_chunks("f") is None
    with store.lock("a"):
        assert store.add("k", 1) and not store.add("k", 2)


def test_manager_is_diskcache_by_default_in_the_cache_dir(tmp_path):
    manager = make_manager({"FEA_CACHE_DIR": str(tmp_path)})
    assert type(manager).__name__ == "DiskcacheManager"
    assert (tmp_path / "jobs").is_dir() and cache_dir({"FEA_CACHE_DIR": str(tmp_path)}).is_dir()
    assert isinstance(store_of(manager), DiskStore)


def test_celery_is_chosen_by_the_broker_variable(tmp_path):
    env = {"FEA_CELERY_BROKER": "redis://localhost:6379/0", "FEA_CACHE_DIR": str(tmp_path)}
    manager = make_manager(env)  # no connection is made until a job runs
    assert type(manager).__name__ == "CeleryManager"
    assert manager.handle.conf.broker_url == env["FEA_CELERY_BROKER"]
    assert manager.handle.conf.task_acks_late is False  # a dead worker's job is not re-run
    assert type(store_of(manager)).__name__ == "RedisStore"


def test_the_limit_holds_when_many_workers_pump_at_once(tmp_path):
    """Threads standing for gunicorn workers, each with its own board on the shared cache."""
    import threading

    launched = []
    limits = Limits(2, 10, 60, 600, 10**6)

    def a_board():
        return JobBoard(DiskStore(diskcache.Cache(str(tmp_path))), limits, launched.append)

    ids = [a_board().submit("animation", PARAMS, 3) for _ in range(6)]
    for job_id in ids:  # every job beats, as if rendering
        a_board().beat(job_id)

    def pump_often():
        board = a_board()
        for _ in range(15):
            board.pump()

    def all_pump():
        threads = [threading.Thread(target=pump_often) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    all_pump()
    assert launched == ids[:2]
    for job_id in ids[:2]:
        a_board().update(job_id, state="done")
    all_pump()
    assert launched == ids[:4]


def test_a_forked_renderer_does_not_hold_the_servers_port(tmp_path):
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]

    def holds_port(params, on_frame):
        import psutil

        mine = [c for c in psutil.Process().net_connections() if c.laddr and c.laddr[1] == port]
        return {"gif": b"held" if mine else b"free"}

    store = DiskStore(diskcache.Cache(str(tmp_path)))
    b = JobBoard(store, LIMITS, None, {"animation": kind(holds_port)})
    b.launch = fork_launcher(b)
    job_id = b.submit("animation", PARAMS, 3)
    deadline = time.time() + 20
    while (b.record(job_id) or {}).get("state") != "done" and time.time() < deadline:
        time.sleep(0.1)
    assert b"".join(b.file(job_id, "gif")[2]) == b"free"
    listener.close()
