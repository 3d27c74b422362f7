"""A bounded load on loopback against gunicorn (3 workers): page loads, then page loads while
GIF jobs queue, with the figures an operator needs.

1. **Anchor**: ``--pages`` page loads (default 200) at concurrency ``--concurrency`` (12), each
   the page, every script and style it names, ``/_dash-layout`` and ``/_dash-dependencies``,
   as a browser's first visit.
2. **Under jobs**: ``--jobs`` + 1 GIF jobs (default 6 + 1) asked at once as pages ask them
   (a POST to ``/_dash-update-component``), with a queue of ``--jobs`` minus the running
   ones, so the last is refused ("the queue is full"); the same page loads run meanwhile; each
   job is polled every second as the page polls it, until every one is done.

It reports page-load p50/p95 (and the ratio of the p95 under jobs to the anchor's, measured in
the same run), errors, the peak memory of gunicorn and the job processes with their Chromium,
and the queue: the most jobs running and waiting at once, and each job's wait and run time;
and the machine's load average at the end (others' work on it skews every figure).

Usage::

    python benchmarks/load.py [--pages 200] [--concurrency 12] [--jobs 6] [--frames 10]
                              [--json out.json]

Goals (issue 12): 0 errors, page p95 under 2.5 s, memory bounded while 6 jobs queue.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ASSET = re.compile(r'<(?:script|link)[^>]+(?:src|href)="(/[^"]+)"')
ACTIVE = ("queued", "starting", "running", "encoding")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(port: int, env: dict) -> subprocess.Popen:
    """gunicorn with the project's settings and 3 workers; returns once it answers (each
    worker builds the app on its first request)."""
    command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "gunicorn.conf.py",
               "--workers", "3", "--bind", f"127.0.0.1:{port}", "--access-logfile", "/dev/null",
               "app:server"]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/", timeout=60).ok:
                return server
        except requests.RequestException:
            time.sleep(0.2)
    stop(server)
    raise RuntimeError("gunicorn did not answer in 120 s")


def stop(server: subprocess.Popen) -> None:
    """SIGTERM (a graceful shutdown), then SIGKILL to the group if it lingers."""
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def page_load(session: requests.Session, base: str) -> tuple[float, int]:
    """One first visit: the page and what it names; (seconds, failed requests)."""
    t0, failed = time.perf_counter(), 0
    html = session.get(base + "/", timeout=30)
    failed += not html.ok
    for path in [*ASSET.findall(html.text), "/_dash-layout", "/_dash-dependencies"]:
        response = session.get(base + path.replace("&amp;", "&"), timeout=30)
        failed += not response.ok
    return time.perf_counter() - t0, failed


def page_loads(base: str, count: int, concurrency: int) -> dict:
    local = threading.local()

    def one(_):
        if not hasattr(local, "session"):
            local.session = requests.Session()
            local.session.headers["Accept-Encoding"] = "gzip"
        try:
            return page_load(local.session, base)
        except requests.RequestException:
            return None, 1

    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(one, range(count)))
    times = sorted(t for t, _ in results if t is not None)
    return {"loads": count, "errors": sum(f for _, f in results),
            "p50_s": round(statistics.median(times), 3),
            "p95_s": round(times[int(0.95 * (len(times) - 1))], 3)}  # fmt: skip


def ask_job(base: str, frames: int, day: int) -> tuple[str | None, str]:
    """A GIF job as the page asks it; (job id or None, the status the page shows)."""
    from components.atlas.timeline import day_number, iso_date

    first = day_number("1938-07-01") + day  # each job its own dates, as different classes
    start, end = iso_date(first), iso_date(first + 7 * (frames - 1))
    state = {"anim-start": start, "anim-end": end, "anim-step": "7d", "anim-zip": []}
    body = {"output": "..anim-job.data...anim-status.children..",
            "outputs": [{"id": "anim-job", "property": "data"},
                        {"id": "anim-status", "property": "children"}],
            "inputs": [{"id": "anim-request", "property": "data",
                        "value": {"lang": "en", "size": [800, 600], "nonce": 1}}],
            "changedPropIds": ["anim-request.data"],
            "state": [{"id": k, "property": "value", "value": v}
                      for k, v in state.items()]}  # fmt: skip
    out = requests.post(base + "/_dash-update-component", json=body, timeout=30).json()
    job = out["response"].get("anim-job", {}).get("data")
    return (job or {}).get("id"), out["response"]["anim-status"]["children"]


def tree_rss(pids: set[int]) -> int:
    """The memory of these processes and all their descendants, in bytes: the proportional
    set size (shared pages counted once across them), else the resident size."""
    seen, total = set(), 0
    for pid in pids:
        try:
            root = psutil.Process(pid)
            for proc in [root, *root.children(recursive=True)]:
                if proc.pid not in seen:
                    seen.add(proc.pid)
                    try:
                        total += proc.memory_full_info().pss
                    except (psutil.Error, AttributeError):
                        total += proc.memory_info().rss
        except psutil.Error:
            continue
    return total


def run_jobs(base: str, count: int, frames: int, server_pid: int, board) -> dict:
    asked = [ask_job(base, frames, day) for day in range(count + 1)]
    ids = [job_id for job_id, _ in asked if job_id]
    refused = [words for job_id, words in asked if not job_id]
    t0, peak, most_running, most_queued = time.monotonic(), 0, 0, 0
    waited, ended, failures = {}, {}, []
    while len(ended) < len(ids) and time.monotonic() - t0 < 1800:
        for job_id in ids:
            if job_id in ended:
                continue
            status = requests.get(f"{base}/_fea/jobs/{job_id}", timeout=30).json()
            if status["state"] not in ("queued",) and job_id not in waited:
                waited[job_id] = time.monotonic() - t0
            if status["state"] not in ACTIVE:
                ended[job_id] = time.monotonic() - t0
                if status["state"] != "done":
                    failures.append(status["text"])
        # the queue at one moment, read from the store (the polls above take a while)
        now = [(board.record(j) or {}).get("state") for j in ids]
        most_running = max(most_running, sum(s in ("starting", "running", "encoding") for s in now))
        most_queued = max(most_queued, sum(s == "queued" for s in now))
        pids = {server_pid} | {(board.record(j) or {}).get("pid") or 0 for j in ids} - {0}
        peak = max(peak, tree_rss(pids))
        time.sleep(1)
    return {"asked": count + 1, "accepted": len(ids), "refused": refused,
            "failed": failures, "most_running": most_running, "most_queued": most_queued,
            "wait_s": [round(waited.get(j, 0), 1) for j in ids],
            "done_s": [round(ended.get(j, 0), 1) for j in ids],
            "peak_rss_mb": round(peak / 2**20)}  # fmt: skip


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=12)
    parser.add_argument("--jobs", type=int, default=6)
    parser.add_argument("--frames", type=int, default=10)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    from components.export.jobs import JobBoard, Limits, make_manager, store_of

    cache = tempfile.mkdtemp(prefix="fea-load-")
    running = os.cpu_count() or 1
    env = {**os.environ, "FEA_CACHE_DIR": cache,
           "FEA_JOB_QUEUE_MAX": str(max(args.jobs - running, 0))}  # fmt: skip
    board = JobBoard(store_of(make_manager(env)), Limits.from_settings(env))
    port = free_port()
    server = start_gunicorn(port, env)
    base = f"http://127.0.0.1:{port}"
    try:
        page_loads(base, 12, args.concurrency)  # warm: every worker has built its caches
        anchor = page_loads(base, args.pages, args.concurrency)
        idle_rss = tree_rss({server.pid})
        result = {}

        def jobs():
            result["jobs"] = run_jobs(base, args.jobs, args.frames, server.pid, board)

        thread = threading.Thread(target=jobs)
        thread.start()
        time.sleep(2)  # the jobs asked and the first ones starting
        under = page_loads(base, args.pages, args.concurrency)
        thread.join()
    finally:
        stop(server)
    report = {"workers": 3, "cores": running, "load_average": os.getloadavg()[0],
              "anchor": anchor, "under_jobs": under,
              "p95_ratio": round(under["p95_s"] / anchor["p95_s"], 2),
              "idle_rss_mb": round(idle_rss / 2**20), **result}  # fmt: skip
    print(json.dumps(report, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
