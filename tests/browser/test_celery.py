"""The Celery + Redis mode for real: a private redis-server on a loopback port, a Celery worker
(``celery -A app:celery_app worker``, as the README says), and the page served in Celery mode.
A GIF job goes through end to end; then the worker is killed mid-job and the page says so.

Redis runs with no persistence (``--save ''``) and listens on 127.0.0.1 only: job values are
pickled, so whoever can write to that Redis could run code in the web server and the workers.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from tests.browser.conftest import free_port, serve
from tests.fixtures import FIXTURE_DIR

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
STATUS = "document.getElementById('anim-status').textContent"


def stop(process: subprocess.Popen) -> None:
    """Kill a process started here and its group (a worker's pool and its Chromium)."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """A redis-server of our own on a free loopback port, with nothing written to disk."""
    binary = shutil.which("redis-server")
    assert binary, "redis-server is missing: make system-deps installs it"
    port, folder = free_port(), tmp_path_factory.mktemp("redis")
    server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1",
                               "--save", "", "--appendonly", "no", "--dir", str(folder)],
                              stdout=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
    import redis

    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    client.close()
    stop(server)


@pytest.fixture(scope="module")
def celery_env(redis_url, tmp_path_factory):
    return {**os.environ, "FEA_CELERY_BROKER": redis_url, "FEA_LAYERS_DIR": str(FIXTURE_DIR),
            "FEA_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}  # fmt: skip


def start_worker(env: dict, log: Path) -> subprocess.Popen:
    """``celery -A app:celery_app worker`` in a session of its own; returns once it is ready."""
    command = [sys.executable, "-m", "celery", "-A", "app:celery_app", "worker", "--pool",
               "prefork", "--concurrency", "1", "--loglevel", "info", "--without-gossip",
               "--without-mingle", "--without-heartbeat"]  # fmt: skip
    with log.open("w") as out:  # the worker keeps its own copy of the file
        worker = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out,
                                  stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
    deadline = time.time() + 120
    while "ready." not in log.read_text() and time.time() < deadline:
        assert worker.poll() is None, log.read_text()[-3000:]
        time.sleep(0.2)
    assert "ready." in log.read_text(), log.read_text()[-3000:]
    return worker


@pytest.fixture(scope="module")
def celery_url(celery_env, tmp_path_factory):
    """The app in Celery mode, served from this process, with a worker beside it."""
    from app import create_app
    from components.export.jobs import make_manager

    worker = start_worker(celery_env, tmp_path_factory.mktemp("worker") / "worker.log")
    app = create_app(FIXTURE_DIR, manager=make_manager(celery_env))
    url, server = serve(app)
    yield url, worker
    server.shutdown()
    stop(worker)


def make_gif(page, url, end):
    page.open(f"{url}/?date=1938-07-29&view=130.6,42.5,5.5")
    page.page.fill("#anim-start", "1938-07-29")
    page.page.fill("#anim-end", end)
    page.page.fill("#anim-step", "7d")
    page.page.click("#anim-make")


def test_a_gif_job_on_a_celery_worker_then_the_worker_killed_mid_job(page, celery_url, tmp_path):
    url, worker = celery_url
    with page.page.expect_download(timeout=180000) as info:
        make_gif(page, url, "1938-08-12")
    assert info.value.suggested_filename == "atlas-1938-07-29_1938-08-12-en-3f.gif"
    info.value.save_as(tmp_path / "a.gif")
    assert Image.open(io.BytesIO((tmp_path / "a.gif").read_bytes())).n_frames == 3
    page.page.wait_for_function(f"() => {STATUS}.startsWith('Done')")

    make_gif(page, url, "1938-10-07")  # 11 frames: time to kill the worker in the middle
    # a frame or two done (a warm frame may take less than the poll's second)
    page.page.wait_for_function(f"() => /Rendering frame ([2-9]|10) of 11/.test({STATUS})",
                                timeout=120000)  # fmt: skip
    os.killpg(worker.pid, signal.SIGKILL)  # the worker, its pool and their Chromium
    killed = time.monotonic()
    page.page.wait_for_function(f"() => {STATUS}.includes('failed: the renderer stopped')",
                                timeout=35000)  # fmt: skip
    assert time.monotonic() - killed < 30
    assert page.page.is_visible("#anim-retry")
    assert page.outside == [] and page.errors == [], (page.outside, page.errors)
