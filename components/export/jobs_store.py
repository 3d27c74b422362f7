"""Where export jobs keep their state and files: a store shared by every process of the site.

Three stores give the same small API (``get``, ``set``, ``add``, ``delete``, ``lock``,
``put_file``, ``file_chunks``, ``file_size``):

- :class:`DiskStore`: the DiskCache manager's cache, a SQLite file and a folder shared by the
  web server's processes and the job processes on one machine;
- :class:`RedisStore`: the Celery manager's Redis, shared by web servers and Celery workers on
  several machines. Values are **pickled**: whoever can write to that Redis can run code in
  the web server and the workers, so Redis must be private (loopback or a private network,
  with a password);
- :class:`MemoryStore`: a dict, for tests.

:func:`make_manager` picks the mode from the settings (Celery when ``FEA_CELERY_BROKER`` is
set) and :func:`store_of` gives its store.

Files (a job's GIF, its zip of frames) are kept in the store too, so that any web worker can
stream them: in DiskCache as files of its folder, in Redis in chunks of :data:`CHUNK` bytes.

>>> store = MemoryStore()
>>> store.put_file("f", b"x" * 5, ttl=60)
5
>>> b"".join(store.file_chunks("f")), store.file_size("f")
(b'xxxxx', 5)
"""

from __future__ import annotations

import io
import pickle
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

from geodata.settings import setting

CELERY_BROKER_ENV = "FEA_CELERY_BROKER"
CELERY_BACKEND_ENV = "FEA_CELERY_BACKEND"
#: Redis keeps files in chunks of this many bytes (a value must stay well under 512 MB).
CHUNK = 1 << 20


class MemoryStore:
    """A store in a dict, for tests and single-process use (``ttl`` is ignored)."""

    def __init__(self):
        self.data: dict = {}
        self._locks: dict[str, threading.RLock] = {}

    def get(self, key):
        return self.data.get(key)

    def set(self, key, value, ttl: float | None = None):
        self.data[key] = value

    def add(self, key, value, ttl: float | None = None) -> bool:
        return self.data.setdefault(key, value) is value

    def delete(self, key):
        self.data.pop(key, None)

    def lock(self, name: str):
        return self._locks.setdefault(name, threading.RLock())

    def put_file(self, key, data: bytes, ttl: float | None = None) -> int:
        self.data[key] = bytes(data)
        return len(data)

    def file_chunks(self, key) -> Iterator[bytes] | None:
        data = self.data.get(key)
        if data is None:
            return None
        return iter([data[i : i + CHUNK] for i in range(0, len(data), CHUNK)])

    def file_size(self, key) -> int | None:
        data = self.data.get(key)
        return None if data is None else len(data)


class DiskStore:
    """The DiskCache manager's cache: shared by the processes of one machine."""

    def __init__(self, cache):
        self.cache = cache

    def get(self, key):
        return self.cache.get(key)

    def set(self, key, value, ttl: float | None = None):
        self.cache.set(key, value, expire=ttl)

    def add(self, key, value, ttl: float | None = None) -> bool:
        return self.cache.add(key, value, expire=ttl)

    def delete(self, key):
        self.cache.delete(key)

    def lock(self, name: str):
        """A lock across processes; one that its holder left (killed) frees itself in 30 s."""
        import diskcache

        return diskcache.Lock(self.cache, f"fea-lock:{name}", expire=30)

    def put_file(self, key, data: bytes, ttl: float | None = None) -> int:
        # read=True: DiskCache writes the bytes as a file of its folder, not into SQLite
        self.cache.set(key, io.BytesIO(data), read=True, expire=ttl)
        return len(data)

    def file_chunks(self, key) -> Iterator[bytes] | None:
        if key not in self.cache:
            return None

        def chunks():  # the file is opened when the response is sent, and closed after
            handle = self.cache.get(key, read=True)
            if handle is None:
                raise OSError(f"{key} is gone")
            if isinstance(handle, bytes):  # DiskCache keeps small values inline
                yield handle
                return
            with handle:
                while block := handle.read(CHUNK):
                    yield block

        return chunks()

    def file_size(self, key) -> int | None:
        handle = self.cache.get(key, read=True)
        if handle is None:
            return None
        if isinstance(handle, bytes):
            return len(handle)
        with handle:
            return handle.seek(0, io.SEEK_END)


class RedisStore:
    """Redis (the Celery manager's result backend): shared by web servers and workers.

    Values are pickled: Redis must be private (see the module's docstring).
    """

    def __init__(self, client):
        self.client = client

    def get(self, key):
        raw = self.client.get(key)
        return None if raw is None else pickle.loads(raw)  # our own values only: Redis is private

    def set(self, key, value, ttl: float | None = None):
        self.client.set(key, pickle.dumps(value), ex=int(ttl) if ttl else None)

    def add(self, key, value, ttl: float | None = None) -> bool:
        return bool(self.client.set(key, pickle.dumps(value), ex=int(ttl) if ttl else None,
                                    nx=True))  # fmt: skip

    def delete(self, key):
        count = self.client.get(f"{key}:n")
        names = [f"{key}:{i}" for i in range(int(count))] if count else []
        self.client.delete(key, f"{key}:n", f"{key}:size", *names)

    def lock(self, name: str):
        return self.client.lock(f"fea-lock:{name}", timeout=30, blocking_timeout=30)

    def put_file(self, key, data: bytes, ttl: float | None = None) -> int:
        ex = int(ttl) if ttl else None
        pipe = self.client.pipeline()
        count = 0
        for count, start in enumerate(range(0, len(data), CHUNK), 1):
            pipe.set(f"{key}:{count - 1}", bytes(data[start : start + CHUNK]), ex=ex)
        pipe.set(f"{key}:n", count, ex=ex)
        pipe.set(f"{key}:size", len(data), ex=ex)
        pipe.execute()
        return len(data)

    def file_chunks(self, key) -> Iterator[bytes] | None:
        count = self.client.get(f"{key}:n")
        if count is None:
            return None
        client = self.client

        def chunks():
            for i in range(int(count)):
                block = client.get(f"{key}:{i}")
                if block is None:  # expired or removed while being sent
                    raise OSError(f"{key}: chunk {i} is gone")
                yield block

        return chunks()

    def file_size(self, key) -> int | None:
        size = self.client.get(f"{key}:size")
        return None if size is None else int(size)


def store_of(manager):
    """The store behind a Dash background callback manager (DiskCache, or Celery's Redis).

    Raises
    ------
    TypeError
        When the Celery app's result backend is not Redis, naming it.
    """
    handle = manager.handle
    if hasattr(handle, "transact"):
        return DiskStore(handle)
    client = getattr(getattr(handle, "backend", None), "client", None)
    if client is None:
        backend = type(getattr(handle, "backend", handle)).__name__
        raise TypeError(f"cannot keep job state in {type(manager).__name__}'s backend "
                        f"{backend}: use Redis")  # fmt: skip
    return RedisStore(client)


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
    """The background callback manager whose store the jobs share: Celery + Redis when
    configured, else DiskCache.

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
        # a task is taken off the queue when it starts: a worker that dies does not have its
        # long job run again by the broker; the board reports it failed instead
        celery_app.conf.update(task_acks_late=False, worker_prefetch_multiplier=1,
                               broker_connection_retry_on_startup=True)  # fmt: skip
        return CeleryManager(celery_app, expire=24 * 3600)
    import diskcache

    directory = cache_dir(env)
    directory.mkdir(parents=True, exist_ok=True)
    return DiskcacheManager(diskcache.Cache(str(directory)), expire=24 * 3600)


def celery_app_of(manager):
    """The Celery app behind ``manager`` (for ``celery -A app:celery_app worker``), or None.

    Examples
    --------
    >>> celery_app_of(make_manager({"FEA_CACHE_DIR": tempfile.mkdtemp()})) is None
    True
    """
    return manager.handle if type(manager).__name__ == "CeleryManager" else None
