"""Background jobs: the animation export, run by Dash's background callback manager.

The manager is a :class:`dash.DiskcacheManager` by default (each job in its own process,
results in a diskcache under ``$FEA_CACHE_DIR/jobs`` or ``<system temp>/far-east-atlas-jobs``)
and a :class:`dash.CeleryManager` when ``$FEA_CELERY_BROKER`` names a broker (Redis: results
in ``$FEA_CELERY_BACKEND``, default the broker), see :func:`make_manager`.

A job is named by the id the page keeps in ``localStorage``. Its state (frames done, total,
a heartbeat) and its files are kept in the manager's own store (the diskcache, or Redis)
under that id, by :class:`JobBoard`; so when a reloaded page asks again for the same id, the
new Dash job *follows* the one already rendering (:func:`run_job`) instead of starting over,
and a finished job hands back its files at once.

>>> board = JobBoard(MemoryStore())
>>> run_job({"id": "j1", "dates": ["1938-07-29"]}, board, lambda job, on_frame: {"gif": b"GIF"},
...         report=lambda *a: None)
{'gif': b'GIF'}
>>> board.status("j1")["state"]
'done'
"""

from __future__ import annotations

import os
import pickle
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from geodata.settings import setting

#: How long a job's state and files stay in the store, in seconds.
RESULT_TTL = 24 * 3600
#: A running job whose heartbeat is older than this (seconds) is taken over by a follower.
STALE_AFTER = 180
CELERY_BROKER_ENV = "FEA_CELERY_BROKER"
CELERY_BACKEND_ENV = "FEA_CELERY_BACKEND"


def cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where the DiskCache manager keeps jobs: ``$FEA_CACHE_DIR/jobs`` or the temp dir.

    Examples
    --------
    >>> cache_dir({"FEA_CACHE_DIR": "/srv/fea"}).as_posix()
    '/srv/fea/jobs'
    >>> cache_dir({}).name
    'far-east-atlas-jobs'
    """
    base = setting("FEA_CACHE_DIR", env)
    if base:
        return Path(base) / "jobs"
    return Path(tempfile.gettempdir()) / "far-east-atlas-jobs"


def make_manager(env: Mapping[str, str] | None = None):
    """The background callback manager: Celery + Redis when configured, else DiskCache.

    Parameters
    ----------
    env : mapping, optional
        The environment (default: this process's): ``FEA_CELERY_BROKER`` (e.g.
        ``redis://localhost:6379/0``) selects Celery, ``FEA_CELERY_BACKEND`` its result
        store (default: the broker), ``FEA_CACHE_DIR`` the DiskCache's parent folder.

    Raises
    ------
    RuntimeError
        When a broker is set but Celery is not installed, naming the variable and the fix.

    Examples
    --------
    >>> import tempfile
    >>> type(make_manager({"FEA_CACHE_DIR": tempfile.mkdtemp()})).__name__
    'DiskcacheManager'
    """
    from dash import CeleryManager, DiskcacheManager

    broker = setting(CELERY_BROKER_ENV, env)
    if broker:
        try:
            from celery import Celery
        except ImportError:
            raise RuntimeError(
                f"{CELERY_BROKER_ENV}={broker!r} asks for Celery, but celery is not "
                "installed: pip install 'dash[celery]' (or unset the variable to use DiskCache)"
            ) from None
        celery_app = Celery("far_east_atlas", broker=broker,
                            backend=setting(CELERY_BACKEND_ENV, env) or broker)  # fmt: skip
        return CeleryManager(celery_app, expire=RESULT_TTL)
    import diskcache

    directory = cache_dir(env)
    directory.mkdir(parents=True, exist_ok=True)
    return DiskcacheManager(diskcache.Cache(str(directory)), expire=RESULT_TTL)


class MemoryStore:
    """A store in a dict, for tests and single-process use."""

    def __init__(self):
        self.data: dict = {}

    def get(self, key):
        return self.data.get(key)

    def set(self, key, value):
        self.data[key] = value

    def add(self, key, value) -> bool:
        return self.data.setdefault(key, value) is value


class DiskStore:
    """The DiskCache manager's cache (shared by the server's processes)."""

    def __init__(self, cache):
        self.cache = cache

    def get(self, key):
        return self.cache.get(key)

    def set(self, key, value):
        self.cache.set(key, value, expire=RESULT_TTL)

    def add(self, key, value) -> bool:
        return self.cache.add(key, value, expire=RESULT_TTL)


class RedisStore:
    """The Celery manager's Redis result backend (shared by the server and the workers)."""

    def __init__(self, client):
        self.client = client

    def get(self, key):
        raw = self.client.get(key)
        return None if raw is None else pickle.loads(raw)  # our own values only

    def set(self, key, value):
        self.client.set(key, pickle.dumps(value), ex=RESULT_TTL)

    def add(self, key, value) -> bool:
        return bool(self.client.set(key, pickle.dumps(value), ex=RESULT_TTL, nx=True))


def store_of(manager):
    """The store behind a Dash background callback manager (DiskCache or Celery's Redis)."""
    handle = manager.handle
    if hasattr(handle, "transact"):
        return DiskStore(handle)
    client = getattr(getattr(handle, "backend", None), "client", None)
    if client is None:
        backend = type(getattr(handle, "backend", handle)).__name__
        raise TypeError(f"cannot keep job state in {type(manager).__name__}'s backend "
                        f"{backend}: use Redis")  # fmt: skip
    return RedisStore(client)


class JobBoard:
    """The state and files of animation jobs, by job id, in a shared store."""

    def __init__(self, store):
        self.store = store

    def status(self, job_id: str) -> dict | None:
        """``state`` (running, done, failed), ``done``, ``total``, ``beat``, ``error``."""
        return self.store.get(f"fea-job:{job_id}")

    def claim(self, job_id: str, total: int, force: bool = False) -> bool:
        """Become the job's renderer; False when another process already is."""
        status = {"state": "running", "done": 0, "total": total, "beat": time.time(),
                  "pid": os.getpid()}  # fmt: skip
        if force:
            self.store.set(f"fea-job:{job_id}", status)
            return True
        return self.store.add(f"fea-job:{job_id}", status)

    def update(self, job_id: str, **fields) -> None:
        """Change some of the job's state and stamp its heartbeat."""
        status = {**(self.status(job_id) or {}), **fields, "beat": time.time()}
        self.store.set(f"fea-job:{job_id}", status)

    def finish(self, job_id: str, files: dict[str, bytes]) -> None:
        """Keep the job's files (``gif``, ``zip``) and mark it done."""
        self.store.set(f"fea-job:{job_id}:files", files)
        self.update(job_id, state="done")

    def fail(self, job_id: str, error: str) -> None:
        """Mark the job failed with the renderer's ``error``."""
        self.update(job_id, state="failed", error=error)

    def files(self, job_id: str) -> dict[str, bytes] | None:
        """The finished job's files, or None (not finished, failed or expired)."""
        return self.store.get(f"fea-job:{job_id}:files")


class JobFailed(RuntimeError):
    """The job's renderer failed; the message is the renderer's error."""


def run_job(job: dict, board: JobBoard, render: Callable, report: Callable,
            poll: float = 0.5, stale_after: float = STALE_AFTER) -> dict[str, bytes]:  # fmt: skip
    """Render ``job``, or follow the process already rendering it; return its files.

    Parameters
    ----------
    job : dict
        From :func:`components.export.animation.job_spec`: ``id``, ``dates`` and what to draw.
    board : JobBoard
        Where jobs keep their state.
    render : callable
        ``render(job, on_frame) -> {"gif": bytes, "zip": bytes (optional)}``; it calls
        ``on_frame(done, total)`` after each frame.
    report : callable
        ``report(done, total, phase)`` with phase ``frames``, ``writing`` or ``done``, for
        the progress bar.

    Raises
    ------
    JobFailed
        When the renderer (here or in the process followed) failed.
    """
    job_id, total = job["id"], len(job["dates"])
    force = False
    while True:
        files = board.files(job_id)
        if files is not None:
            report(total, total, "done")
            return files
        if board.claim(job_id, total, force=force):
            return _render(job, board, render, report)
        status = board.status(job_id) or {}
        if status.get("state") == "failed":
            raise JobFailed(status.get("error") or "unknown error")
        done = status.get("done", 0)
        report(done, total, "writing" if done >= total else "frames")
        force = time.time() - status.get("beat", 0) > stale_after
        if not force:
            time.sleep(poll)


def _render(job: dict, board: JobBoard, render: Callable, report: Callable) -> dict:
    job_id, total = job["id"], len(job["dates"])
    report(0, total, "frames")

    def on_frame(done: int, count: int = total) -> None:
        board.update(job_id, done=done)
        report(done, count, "writing" if done >= count else "frames")

    try:
        files = render(job, on_frame)
    except Exception as exc:  # noqa: BLE001 - the message goes to the page
        board.fail(job_id, f"{type(exc).__name__}: {exc}")
        raise JobFailed(f"{type(exc).__name__}: {exc}") from exc
    board.finish(job_id, files)
    report(total, total, "done")
    return files


def progress_values(done: int, total: int, phase: str, lang: str) -> tuple[str, str, str]:
    """The progress bar's ``value`` and ``max`` and the words beside it (none before the
    first frame: the status line says the job is starting).

    Examples
    --------
    >>> progress_values(2, 5, "frames", "en")
    ('2', '5', 'Frame 2 of 5')
    >>> progress_values(5, 5, "writing", "ja")
    ('5', '5', 'ファイルを書き出し中…')
    """
    from components.atlas.i18n import text

    frames = text("anim_progress", lang).format(done=done, total=total) if done else ""
    words = {"frames": frames,
             "writing": text("anim_writing", lang), "done": ""}  # fmt: skip
    return str(done), str(max(total, 1)), words[phase]


def animation_outputs(job: dict | None, board: JobBoard, render: Callable, set_progress):
    """What the background callback returns for ``job``: the downloads, the cleared job id
    and the message; a failure becomes a message, never an exception.

    Returns
    -------
    tuple
        ``(gif download, done, None, message)``: the GIF as a :func:`dash.dcc.send_bytes`
        dict; ``done`` names the finished job (``id``, ``dates``, ``lang``) when it has a zip
        of frames, which :func:`frames_zip_download` hands out on a click (a second automatic
        download would make browsers ask); ``None`` clears the job id kept by the page, so a
        reload does not download again.
    """
    from dash import dcc, no_update

    from components.atlas.i18n import text
    from components.export.animation import animation_filename

    if not job or not job.get("dates"):
        return no_update, None, None, no_update
    lang = job.get("lang") or "en"

    def report(done, total, phase):
        set_progress(progress_values(done, total, phase, lang))

    try:
        files = run_job(job, board, render, report)
    except JobFailed as exc:
        return no_update, None, None, text("anim_failed", lang).format(error=exc)
    gif_name = animation_filename(job["dates"], lang)
    gif = dcc.send_bytes(files["gif"], gif_name)
    done = {"id": job["id"], "dates": job["dates"], "lang": lang} if files.get("zip") else None
    return gif, done, None, text("anim_done", lang).format(name=gif_name)


def frames_zip_download(done: dict | None, board: JobBoard):
    """The zip of frames of the finished job ``done`` as a download, and a message.

    Returns
    -------
    tuple
        ``(download or no_update, message or no_update)``; the message says when the files
        have expired from the store.
    """
    from dash import dcc, no_update

    from components.atlas.i18n import text
    from components.export.animation import animation_filename

    files = board.files(done["id"]) if done else None
    if not files or not files.get("zip"):
        return no_update, text("anim_expired", (done or {}).get("lang") or "en")
    name = animation_filename(done["dates"], done["lang"], "zip")
    return dcc.send_bytes(files["zip"], name), no_update


def celery_app_of(manager):
    """The Celery app behind ``manager`` (for ``celery -A app:celery_app worker``), or None.

    Examples
    --------
    >>> import tempfile
    >>> celery_app_of(make_manager({"FEA_CACHE_DIR": tempfile.mkdtemp()})) is None
    True
    """
    return manager.handle if type(manager).__name__ == "CeleryManager" else None
