"""Running an export job: its renderer with a heartbeat, in a forked process or a Celery task.

:func:`run` is what a renderer process does with a job the board started
(:meth:`components.export.jobs.JobBoard.pump`): it marks the job running, starts a
:class:`Heartbeat` thread, calls the kind's ``render`` with an ``on_frame`` that records each
step, keeps the files and marks the job done, or failed with the reason. The heartbeat
thread beats every :data:`~components.export.jobs.HEARTBEAT` seconds and stops the job when
someone cancelled it, when it ran past the time limit, or when nobody polled it for too long.

Two launchers hand a job to :func:`run`:

- :func:`fork_launcher` (DiskCache, one machine): a process forked twice from the web worker,
  in a session of its own, so that stopping it kills its Chromium too, and so that it
  outlives a restart of the web worker (without holding the server's port);
- :func:`celery_launcher`: a Celery task (:func:`register_celery_task`) that a worker runs.
  Celery takes the task off the broker when it starts: a worker that dies does not have its
  job run again; the board reports it failed when the heartbeat stops.
"""

from __future__ import annotations

import os
import signal
import socket
import threading
import time
from collections.abc import Callable

from components.export.jobs import HEARTBEAT, JobBoard, reason

CELERY_TASK = "fea.jobs.run"
_SERVER_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1,
                   signal.SIGUSR2, signal.SIGCHLD, signal.SIGWINCH)  # fmt: skip


class JobStopped(Exception):
    """The job was cancelled, failed by the board, or ran out of time: stop rendering."""


class Heartbeat(threading.Thread):
    """Beats for a running job and stops it when it must stop (see the module docstring).

    ``on_stop()`` is called once when the job must stop (a forked renderer kills its own
    process group there); ``stopped`` is then set, and the next frame raises
    :class:`JobStopped`.
    """

    def __init__(self, board: JobBoard, job_id: str, on_stop: Callable[[], None] | None = None,
                 every: float = HEARTBEAT):  # fmt: skip
        super().__init__(name=f"fea-heartbeat-{job_id[:8]}", daemon=True)
        self.board, self.job_id, self.on_stop, self.every = board, job_id, on_stop, every
        self.started_at = time.time()
        self.stopped = threading.Event()
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            self.board.beat(self.job_id)
            if self._must_stop():
                self.stopped.set()
                if self.on_stop is not None:
                    self.on_stop()
                return
            self._done.wait(self.every)

    def _must_stop(self) -> bool:
        board, job_id, limits = self.board, self.job_id, self.board.limits
        job = board.record(job_id)
        if job is None or job["state"] not in ("starting", "running", "encoding"):
            return True
        if time.time() - self.started_at > limits.time_limit:
            why = reason("reason_timeout", limit=round(limits.time_limit))
            board.update(job_id, state="failed", reason=why)
            return True
        polled = board.store.get(f"fea-polled:{job_id}") or job["created"]
        if time.time() - polled > limits.abandon_after:
            board.update(job_id, state="cancelled",
                         reason=reason("reason_abandoned",
                                       minutes=round(limits.abandon_after / 60)))  # fmt: skip
            return True
        return False

    def finish(self) -> None:
        self._done.set()


def run(board: JobBoard, job_id: str, on_stop: Callable[[], None] | None = None,
        forked: bool = False) -> str:  # fmt: skip
    """Render the job ``job_id`` that the board started, with the board's kind of that name;
    return its final state.

    A job not in the ``starting`` state (cancelled meanwhile, or taken by another renderer) is
    left alone.
    """
    board.beat(job_id)  # alive from the first moment it is running
    job = board.update(job_id, ("starting",), state="running", pid=os.getpid(),
                       host=socket.gethostname(), forked=forked)  # fmt: skip
    if job is None:
        return (board.record(job_id) or {}).get("state", "unknown")
    heartbeat = Heartbeat(board, job_id, on_stop)
    heartbeat.start()

    def on_frame(done: int) -> None:
        if heartbeat.stopped.is_set():
            raise JobStopped(job_id)
        state = "encoding" if done >= job["total"] else "running"
        if board.update(job_id, done=done, state=state) is None:
            raise JobStopped(job_id)

    try:
        kind = board.kinds[job["kind"]]
        files = kind.render(job["params"], on_frame)
        if heartbeat.stopped.is_set():
            raise JobStopped(job_id)
        board.finish(job_id, kind, files)
    except JobStopped:
        pass
    except Exception as exc:  # noqa: BLE001 - the reason goes to the page and the log
        why = reason("reason_error", error=f"{type(exc).__name__}: {exc}")
        board.update(job_id, state="failed", reason=why)
    finally:
        heartbeat.finish()
        board.pump()  # the next queued job may start
    return (board.record(job_id) or {}).get("state", "unknown")


def close_listening_sockets() -> int:
    """Close the listening sockets this process inherited (the web server's port), so that a
    job that outlives the server does not hold its port; returns how many were closed."""
    closed = 0
    for name in os.listdir("/proc/self/fd") if os.path.isdir("/proc/self/fd") else []:
        try:
            sock = socket.socket(fileno=int(name))
        except (OSError, ValueError):
            continue  # not a socket (or gone)
        try:
            listening = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)
        except OSError:
            listening = 0
        if listening:
            sock.close()
            closed += 1
        else:
            sock.detach()  # leave the others (Redis, DiskCache's files) as they are
    return closed


def _kill_own_group() -> None:
    os.killpg(os.getpgid(0), signal.SIGKILL)


def fork_launcher(board: JobBoard):
    """``launch(job_id)`` that renders the job in a process forked twice from this one.

    The grandchild leads a session of its own (its Chromium is in it), so a stop kills the
    whole group, and it is nobody's zombie: the child exits at once and is reaped here.
    """

    def launch(job_id: str) -> None:
        pid = os.fork()
        if pid:
            os.waitpid(pid, 0)
            return
        try:  # the child: fork the renderer and leave
            if os.fork() == 0:
                os.setsid()
                for sig in _SERVER_SIGNALS:
                    signal.signal(sig, signal.SIG_DFL)  # not the web server's handlers
                close_listening_sockets()
                run(board, job_id, on_stop=_kill_own_group, forked=True)
        finally:
            os._exit(0)

    return launch


def register_celery_task(celery_app, board: JobBoard):
    """Register the task that renders a job of ``board`` on a Celery worker; return it."""

    @celery_app.task(name=CELERY_TASK, ignore_result=True, acks_late=False)
    def run_export_job(job_id: str) -> str:
        return run(board, job_id)

    return run_export_job


def celery_launcher(task, time_limit: float):
    """``launch(job_id)`` that sends the job to the Celery workers, with a hard time limit
    a minute past the board's (which the heartbeat enforces first)."""

    def launch(job_id: str) -> None:
        task.apply_async(args=[job_id], time_limit=int(time_limit) + 60)

    return launch
