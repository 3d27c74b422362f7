"""The reader's imported packs carried by a job of the site's queue (a GIF, a handout).

The page sends the packs its map shows (they live in the browser: the server keeps none of
its own); :func:`check_packs` checks each one (never trusting the page), :func:`covered`
tells whether a day outside the atlas is one a pack covers (taken then, as the page's slider
takes it), :func:`keep_packs` keeps them in the jobs' store beside the job (its record, read
at every poll, holds only their key), the renderer reads them back with :func:`kept_packs`,
and :func:`drop_packs` forgets them once the job is done.

>>> check_packs([{"pack": 1, "file": "x.csv"}], "a GIF")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
components.export.job_packs.JobRequestError: packs: pack 1 (x.csv): expected a pack...
"""

from __future__ import annotations

import json
import secrets

from components.atlas.packs import MAX_BYTES, pack_problem, pack_span
from components.atlas.timeline import day_number
from components.export.jobs import JOB_TTL, QueueFull

#: The most packs a job takes (the engine has a colour for each of six).
MAX_PACKS = 6
#: The most bytes of packs (their JSON, all together) a job's request may carry: one pack at
#: the upload limit (:data:`components.atlas.packs.MAX_BYTES`).
PACKS_LIMIT = MAX_BYTES
PACKS_KEY = "fea-job-packs:"


class JobRequestError(ValueError):
    """A bad request for a job, naming the field and what was expected (English).

    ``status`` is the HTTP status to answer with: 400, or 413 when the request is too big.
    """

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def check_packs(value, job: str = "a job") -> list[dict]:
    """The reader's packs of a request, each checked: a list of at most :data:`MAX_PACKS`
    packs that :func:`components.atlas.packs.pack_problem` finds nothing wrong with.

    ``job`` names the job in the message (``"a handout"``, ``"a GIF"``).

    Raises
    ------
    JobRequestError
        Naming the field ``packs``, the pack (its place and file) and what is wrong.

    Examples
    --------
    >>> check_packs(None), check_packs([{"type": "FeatureCollection", "pack": 1, "features": []}])
    ([], [{'type': 'FeatureCollection', 'pack': 1, 'features': []}])
    >>> check_packs({"pack": 1})
    Traceback (most recent call last):
    ...
    components.export.job_packs.JobRequestError: packs: expected a list of imported packs
    """
    if value is None:
        return []
    if not isinstance(value, list):
        raise JobRequestError("packs: expected a list of imported packs")
    if len(value) > MAX_PACKS:
        raise JobRequestError(f"packs: {len(value)} imported packs shown; {job} takes at most "
                              f"{MAX_PACKS}: hide some")  # fmt: skip
    for n, pack in enumerate(value, 1):
        problem = pack_problem(pack)
        if problem:
            name = pack.get("file") or pack.get("name") if isinstance(pack, dict) else None
            named = f" ({str(name)[:80]})" if isinstance(name, str) and name else ""
            raise JobRequestError(f"packs: pack {n}{named}: {problem}")
    return value


def pack_spans(packs: list[dict]) -> list[tuple[int, int]]:
    """The days each of ``packs`` covers (those covering none left out)."""
    return [span for span in map(pack_span, packs) if span]


def covered(day, spans) -> bool:
    """Whether ``day`` (``YYYY-MM-DD`` or a day number) is within one of ``spans``: a day
    outside the atlas that a job takes because the reader's pack covers it.

    Examples
    --------
    >>> covered("1905-03-01", [(day_number("1905-02-20"), day_number("1905-03-10"))])
    True
    >>> covered("1905-03-11", [(0, day_number("1905-03-10"))]), covered("soon", [(0, 9)])
    (False, False)
    """
    try:
        number = day if isinstance(day, int) else day_number(day)
    except (TypeError, ValueError):
        return False
    return any(first <= number <= last for first, last in spans)


def keep_packs(store, params: dict) -> dict:
    """``params`` with their ``packs`` kept in ``store`` (a store of
    :mod:`components.export.jobs_store`, for :data:`~components.export.jobs.JOB_TTL`) and
    only their key left: ``packs: {"key", "names"}``.

    Examples
    --------
    >>> from components.export.jobs_store import MemoryStore
    >>> store = MemoryStore()
    >>> kept = keep_packs(store, {"dates": [], "packs": [{"name": "Mine", "features": []}]})
    >>> kept["packs"]["names"], kept_packs(store, kept)[0]["name"]
    (['Mine'], 'Mine')
    >>> drop_packs(store, kept); kept_packs(store, kept)
    Traceback (most recent call last):
    ...
    components.export.job_packs.JobRequestError: packs: the imported data of this job is ...
    """
    packs = params.get("packs")
    if not packs:
        return params
    key = PACKS_KEY + secrets.token_urlsafe(18)  # one a job: a finished job deletes its own
    body = json.dumps(packs, ensure_ascii=False, separators=(",", ":")).encode()
    store.put_file(key, body, ttl=JOB_TTL)
    names = [str(p.get("name") or p.get("file") or "pack")[:80] for p in packs]
    return {**params, "packs": {"key": key, "names": names}}


def kept_packs(store, params: dict, job: str = "job") -> list[dict]:
    """The packs :func:`keep_packs` kept for ``params`` (none: ``[]``).

    Raises
    ------
    JobRequestError
        When they are no longer kept (the job is older than a day, or was done already).
    """
    ref = params.get("packs")
    if not ref:
        return []
    chunks = store.file_chunks(ref["key"]) if store is not None else None
    if chunks is None:
        raise JobRequestError(f"packs: the imported data of this {job} is no longer kept: "
                              f"make the {job} again")  # fmt: skip
    return json.loads(b"".join(chunks))


def drop_packs(store, params: dict) -> None:
    """Forget the packs :func:`keep_packs` kept for ``params`` (the queue refused the job,
    or its files are made)."""
    ref = params.get("packs")
    if ref and store is not None:
        store.delete(ref["key"])


def submit_with_packs(board, kind: str, params: dict, total: int) -> str:
    """Queue a job of ``kind`` on ``board`` with its ``params``' packs kept beside it
    (:func:`keep_packs`); the job's id. A full queue keeps nothing.

    Raises
    ------
    components.export.jobs.QueueFull
        When the queue is full (the packs dropped first).
    """
    params = keep_packs(board.store, params)
    try:
        return board.submit(kind, params, total=total)
    except QueueFull:
        drop_packs(board.store, params)
        raise
