"""Export jobs: a queue with a limit, shared by every web and Celery worker of the site.

A job is a *kind* (``animation``; later a PDF handout), parameters the server has validated,
and the kind's renderer (:class:`JobKind`). The browser never sends parameters to a running
job: :meth:`JobBoard.submit` keeps them in the shared store (:mod:`.jobs_store`) under a fresh
unguessable id (``secrets.token_urlsafe``), and the browser holds only that id, which it uses
to poll (:meth:`JobBoard.poll`), cancel and download.

The life of a job, told by its ``state``::

    queued -> starting -> running (frame k of n) -> encoding -> done
                                                             \\-> failed | cancelled

- At most :attr:`Limits.concurrency` jobs are starting or running at once, counted in the
  store, so the limit holds across gunicorn workers; at most :attr:`Limits.queue_max` wait
  (:class:`QueueFull` past it). :meth:`JobBoard.pump` hands queued jobs to the launcher, in
  order, when a place is free; it runs on each submit, poll and job end.
- A running job proves it is alive by a heartbeat from a thread (:mod:`.jobs_runner`), every
  :data:`HEARTBEAT` seconds; with none for :data:`DEAD_AFTER` seconds the job is failed ("the
  renderer stopped"), so the page says so within 30 s of a kill.
- A job rendering past :attr:`Limits.time_limit` is stopped and failed; a job nobody polled
  for :attr:`Limits.abandon_after` seconds is cancelled (a reload polls again, so it finds
  the job).
- Files are kept :data:`JOB_TTL` seconds, the oldest removed first past
  :attr:`Limits.results_max_bytes`.

Every change of state is logged as one JSON line (:func:`log_event`).

>>> board = JobBoard(MemoryStore(), Limits(1, 5, 60, 600, 10**6), launch=lambda job_id: None)
>>> job_id = board.submit("animation", {"dates": ["1938-07-29"]}, total=1)
>>> len(job_id) >= 32, board.poll(job_id)["state"]
(True, 'starting')
>>> board.poll(board.submit("animation", {"dates": ["1938-07-30"]}, total=1))["position"]
1
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import socket
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from components.export.jobs_store import (
    DiskStore,
    MemoryStore,
    RedisStore,
    cache_dir,
    celery_app_of,
    make_manager,
    store_of,
)
from geodata.settings import setting

__all__ = ["DiskStore", "MemoryStore", "RedisStore", "store_of", "JobBoard", "JobKind", "Limits",
           "QueueFull", "make_manager", "cache_dir", "celery_app_of", "log_event"]  # fmt: skip

#: How long a job's state and files stay in the store, in seconds.
JOB_TTL = 24 * 3600
#: Seconds between two heartbeats of a running job (from a thread, not per frame: the first
#: frame alone takes several seconds).
HEARTBEAT = 5.0
#: A running job with no heartbeat for this long has died: it is reported failed.
DEAD_AFTER = 20.0
#: A job handed to a renderer that has not beaten after this long never started.
START_GRACE = 60.0
ACTIVE = ("queued", "starting", "running", "encoding")
TERMINAL = ("done", "failed", "cancelled")
_ACTIVE_KEY = "fea-jobs:active"
_RESULTS_KEY = "fea-jobs:results"


class _Stderr(logging.StreamHandler):
    """Writes to the ``sys.stderr`` of the moment (tests and gunicorn replace it)."""

    def __init__(self):
        super().__init__(sys.stderr)

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value):
        pass


LOG = logging.getLogger("fea.jobs")
if not LOG.handlers:
    LOG.addHandler(_Stderr())
    LOG.setLevel(logging.INFO)
    LOG.propagate = False


def log_event(job: Mapping, state: str, reason: str | None = None) -> str:
    """Log one JSON line for a job event: id, kind, state, frame, total, elapsed, reason.

    Examples
    --------
    >>> line = log_event({"id": "j1", "kind": "animation", "done": 2, "total": 5,
    ...                   "created": time.time() - 1.5}, "running")
    >>> sorted(json.loads(line))
    ['elapsed', 'event', 'frame', 'job', 'kind', 'reason', 'state', 'total']
    """
    line = json.dumps({"event": "fea.job", "job": job.get("id"), "kind": job.get("kind"),
                       "state": state, "frame": job.get("done", 0), "total": job.get("total"),
                       "elapsed": round(time.time() - job.get("created", time.time()), 1),
                       "reason": reason}, ensure_ascii=False)  # fmt: skip
    LOG.info(line)
    return line


@dataclass(frozen=True)
class JobKind:
    """What a kind of job is made of.

    Parameters
    ----------
    name : str
        The kind, e.g. ``"animation"``.
    render : callable
        ``render(params, on_frame) -> {key: bytes}``: does the work from the validated
        ``params`` and calls ``on_frame(k)`` when its k-th step is done (``k == total``: the
        file is being written); returns its files by key (``gif``, ``zip``, ``pdf``...).
    filename : callable
        ``filename(params, key) -> str``: the download's name for the file ``key``.
    """

    name: str
    render: Callable[[dict, Callable[[int], None]], dict[str, bytes]]
    filename: Callable[[dict, str], str]


@dataclass(frozen=True)
class Limits:
    """What bounds the jobs (see :mod:`geodata.settings` for each ``FEA_*`` setting)."""

    concurrency: int
    queue_max: int
    time_limit: float
    abandon_after: float
    results_max_bytes: int

    @classmethod
    def from_settings(cls, env: Mapping[str, str] | None = None) -> Limits:
        """The limits from the settings; one job at once per core by default.

        Examples
        --------
        >>> Limits.from_settings({"FEA_JOB_CONCURRENCY": "3"}).concurrency
        3
        >>> Limits.from_settings({}).results_max_bytes
        2000000000
        """
        concurrency = setting("FEA_JOB_CONCURRENCY", env) or os.cpu_count() or 1
        return cls(max(1, int(concurrency)), max(0, int(setting("FEA_JOB_QUEUE_MAX", env))),
                   float(setting("FEA_JOB_TIME_LIMIT", env)),
                   float(setting("FEA_JOB_ABANDON_AFTER", env)),
                   int(setting("FEA_RESULTS_MAX_BYTES", env)))  # fmt: skip


class QueueFull(RuntimeError):
    """The queue holds :attr:`Limits.queue_max` jobs already; ``limit`` says how many."""

    def __init__(self, limit: int):
        self.limit = limit
        super().__init__(f"the queue is full ({limit} jobs waiting)")


def reason(key: str, **params) -> dict:
    """A failure's or cancellation's reason: an i18n key and its parameters."""
    return {"key": key, "params": params}


class JobBoard:
    """The jobs of the site in a shared store: submit, poll, cancel, retry, and their files.

    Parameters
    ----------
    store
        A store of :mod:`.jobs_store` (shared by all processes that run or serve jobs).
    limits : Limits
    launch : callable
        ``launch(job_id)``: starts a renderer for a job just taken from the queue (a forked
        process, or a Celery task; :mod:`.jobs_runner`). Called outside any lock. It may be
        set after the board is made (the launcher needs the board).
    kinds : dict, optional
        The kinds of job this process can render, by name (:meth:`add_kind`).
    """

    def __init__(self, store, limits: Limits, launch: Callable[[str], None] | None = None,
                 kinds: dict[str, JobKind] | None = None):  # fmt: skip
        self.store, self.limits, self.launch = store, limits, launch
        self.kinds: dict[str, JobKind] = dict(kinds or {})

    def add_kind(self, kind: JobKind) -> None:
        """Let this board's processes render jobs of ``kind`` (register it in the web server
        and in the Celery workers alike: both build the app)."""
        self.kinds[kind.name] = kind

    # ---------------------------------------------------------------- records
    def record(self, job_id: str) -> dict | None:
        """The job's record (kind, params, state, done, total, times, reason), or None."""
        return self.store.get(f"fea-job:{job_id}") if isinstance(job_id, str) else None

    def update(self, job_id: str, _from: tuple = ACTIVE, **fields) -> dict | None:
        """Change the record of a job that is in one of the states ``_from``; None if not."""
        with self.store.lock(f"job:{job_id}"):
            job = self.record(job_id)
            if job is None or job["state"] not in _from:
                return None
            job.update(fields)
            self.store.set(f"fea-job:{job_id}", job, ttl=JOB_TTL)
        if "state" in fields:
            log_event(job, fields["state"], _reason_text(job.get("reason")))
        return job

    def beat(self, job_id: str) -> None:
        """Stamp the job's heartbeat (its renderer is alive)."""
        self.store.set(f"fea-beat:{job_id}", time.time(), ttl=JOB_TTL)

    # ---------------------------------------------------------------- the queue
    def submit(self, kind: str, params: dict, total: int) -> str:
        """Queue a job of ``kind`` with validated ``params`` (``total`` steps); its new id.

        Raises
        ------
        QueueFull
            When :attr:`Limits.queue_max` jobs are waiting already.
        """
        job_id = secrets.token_urlsafe(24)
        now = time.time()
        job = {"id": job_id, "kind": kind, "params": params, "state": "queued", "done": 0,
               "total": int(total), "created": now, "started": None, "reason": None,
               "files": {}, "pid": None, "host": None}  # fmt: skip
        with self.store.lock("queue"):
            active = self._active()
            waiting = sum(1 for j in active if (self.record(j) or {}).get("state") == "queued")
            if waiting >= self.limits.queue_max:
                raise QueueFull(self.limits.queue_max)
            self.store.set(f"fea-job:{job_id}", job, ttl=JOB_TTL)
            self.store.set(f"fea-polled:{job_id}", now, ttl=JOB_TTL)
            self.store.set(_ACTIVE_KEY, [*active, job_id], ttl=JOB_TTL)
        log_event(job, "queued")
        self.pump()
        return job_id

    def _active(self) -> list[str]:
        return list(self.store.get(_ACTIVE_KEY) or [])

    def pump(self, now: float | None = None) -> list[str]:
        """Fail the dead, cancel the abandoned, and start queued jobs while places are free.

        Returns the ids handed to the launcher.
        """
        now = time.time() if now is None else now
        launch, ended = [], []
        with self.store.lock("queue"):
            active, running = [], 0
            for job_id in self._active():
                job = self.record(job_id)
                if job is None or job["state"] in TERMINAL:
                    continue
                why = self._trouble(job, now)
                if why is not None:
                    ended.append((job_id, *why))
                    continue
                active.append(job_id)
                if job["state"] == "queued":
                    if running < self.limits.concurrency:
                        launch.append(job_id)
                        running += 1
                else:
                    running += 1
            for job_id in launch:
                self.update(job_id, ("queued",), state="starting", started=now)
            self.store.set(_ACTIVE_KEY, active, ttl=JOB_TTL)
        for job_id, state, why in ended:
            self.update(job_id, state=state, reason=why)
        for job_id in launch:
            try:
                self.launch(job_id)
            except Exception as exc:  # noqa: BLE001 - a broker down: the job fails, said why
                why = reason("reason_error", error=f"{type(exc).__name__}: {exc}")
                self.update(job_id, state="failed", reason=why)
        return launch

    def _trouble(self, job: dict, now: float) -> tuple[str, dict] | None:
        """``(state, reason)`` when ``job`` must end now: dead, stuck, too long or abandoned."""
        job_id, state = job["id"], job["state"]
        polled = self.store.get(f"fea-polled:{job_id}") or job["created"]
        if now - polled > self.limits.abandon_after:
            minutes = round(self.limits.abandon_after / 60)
            return "cancelled", reason("reason_abandoned", minutes=minutes)
        if state == "queued":
            return None
        beat = self.store.get(f"fea-beat:{job_id}")
        if beat is None and now - (job["started"] or now) > START_GRACE:
            return "failed", reason("reason_nostart")
        if now - (beat or job["started"] or now) > DEAD_AFTER and state != "starting":
            return "failed", reason("reason_dead")
        if now - (job["started"] or now) > self.limits.time_limit + DEAD_AFTER:
            return "failed", reason("reason_timeout", limit=round(self.limits.time_limit))
        return None

    def poll(self, job_id: str) -> dict | None:
        """A page follows the job: stamp it, move the queue, and return the job's record with
        its ``position`` in the queue (1 = next; 0 when not queued), or None when unknown."""
        if self.record(job_id) is None:
            return None
        self.store.set(f"fea-polled:{job_id}", time.time(), ttl=JOB_TTL)
        self.pump()
        job = self.record(job_id)
        queued = [j for j in self._active() if (self.record(j) or {}).get("state") == "queued"]
        job["position"] = queued.index(job_id) + 1 if job_id in queued else 0
        return job

    def cancel(self, job_id: str, why: dict | None = None) -> dict | None:
        """Cancel an active job (its renderer notices at its next heartbeat and stops); also
        stops the renderer at once when it runs on this machine. None when not active."""
        job = self.update(job_id, state="cancelled", reason=why)
        if job is not None:
            stop_local(job)
            self.pump()
        return job

    def retry(self, job_id: str) -> str | None:
        """Queue again, under a new id, the parameters of a failed or cancelled job."""
        job = self.record(job_id)
        if job is None or job["state"] not in ("failed", "cancelled"):
            return None
        return self.submit(job["kind"], job["params"], job["total"])

    # ---------------------------------------------------------------- files
    def finish(self, job_id: str, kind: JobKind, files: dict[str, bytes]) -> dict | None:
        """Keep the job's files (24 h, under the size cap) and mark it done."""
        kept, now = {}, time.time()
        job = self.record(job_id)
        if job is None or job["state"] not in ACTIVE:
            return None
        for key, data in files.items():
            size = self.store.put_file(f"fea-file:{job_id}:{key}", data, ttl=JOB_TTL)
            kept[key] = {"name": kind.filename(job["params"], key), "size": size}
        with self.store.lock("results"):
            index = [e for e in self.store.get(_RESULTS_KEY) or [] if now - e[0] < JOB_TTL]
            index += [(now, job_id, key, meta["size"]) for key, meta in kept.items()]
            while index and sum(e[3] for e in index) > self.limits.results_max_bytes:
                _, old_id, old_key, _ = index.pop(0)  # the oldest first
                self.store.delete(f"fea-file:{old_id}:{old_key}")
            self.store.set(_RESULTS_KEY, index, ttl=JOB_TTL)
        return self.update(job_id, state="done", files=kept)

    def file(self, job_id: str, key: str):
        """``(download name, size, chunks)`` of a finished job's file, or None when unknown,
        not finished, or no longer kept."""
        job = self.record(job_id)
        meta = (job or {}).get("files", {}).get(key) if job and job["state"] == "done" else None
        chunks = meta and self.store.file_chunks(f"fea-file:{job_id}:{key}")
        return (meta["name"], meta["size"], chunks) if chunks is not None and meta else None


def _reason_text(why: dict | None) -> str | None:
    if not why:
        return None
    from components.atlas.i18n import text

    return text(why["key"], "en").format(**why["params"])


def stop_local(job: dict) -> None:
    """Kill the job's process group when its renderer is a forked process of this machine."""
    import signal

    if job.get("pid") and job.get("host") == socket.gethostname() and job.get("forked"):
        try:
            os.killpg(job["pid"], signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
