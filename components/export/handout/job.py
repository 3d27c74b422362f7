"""The handout as a job of the site's queue (:class:`components.export.jobs.JobKind`).

The page asks for a handout of a period (its key moments, evenly spaced days for the rest)
or of chosen days, with the reader's imported packs it shows; the server checks every field
(:func:`handout_params`, each pack with :func:`components.atlas.packs.pack_problem`) and
queues the job. The packs are kept in the jobs' store beside it (:func:`keep_packs`: the
job's record, read at every poll, holds only their key); the renderer (:func:`handout_kind`)
reads them back, reports each map drawn, then the print, and returns ``{"pdf": bytes}``.

>>> handout_params({"lang": "zh", "period": "khasan", "maps": 3})["dates"]
['1938-07-29', '1938-08-04', '1938-08-11']
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable

from components.atlas.data import Atlas
from components.atlas.i18n import LANGS
from components.atlas.packs import MAX_BYTES, pack_problem, pack_span
from components.atlas.timeline import day_number
from components.export.handout.dates import DEFAULT_MAPS, MAX_MAPS, MIN_MAPS, period
from components.export.handout.model import ORIENTATIONS, PAPERS
from components.export.jobs import JOB_TTL, JobKind

#: The most packs a handout takes (the engine has a colour for each of six).
MAX_PACKS = 6
#: The most bytes of packs (their JSON, all together) a handout request may carry: one
#: pack at the upload limit (:data:`components.atlas.packs.MAX_BYTES`).
PACKS_LIMIT = MAX_BYTES
PACKS_KEY = "fea-handout-packs:"


class HandoutRequestError(ValueError):
    """A bad handout request, naming the field and what was expected (English)."""


def _covered(day: str, spans) -> bool:
    try:
        number = day_number(day)
    except ValueError:
        return False
    return any(first <= number <= last for first, last in spans)


def _dates(value, spans=()) -> list[str]:
    from components.export.render import check_day

    days = value.split(",") if isinstance(value, str) else value
    if not isinstance(days, list) or not all(isinstance(d, str) for d in days):
        raise HandoutRequestError("dates: expected days YYYY-MM-DD separated by commas")
    found = sorted({d.strip() for d in days if d.strip()}, key=lambda d: (_number(d), d))
    for day in found:
        try:
            check_day(day, "dates:")
        except ValueError as exc:
            if not _covered(day, spans):  # a day of the reader's pack, outside the atlas
                raise HandoutRequestError(str(exc)) from None
    if not MIN_MAPS <= len(found) <= MAX_MAPS:
        raise HandoutRequestError(f"dates: {len(found)} distinct days; a handout holds "
                                  f"{MIN_MAPS} to {MAX_MAPS} maps")  # fmt: skip
    return found


def _number(day: str) -> int:
    try:
        return day_number(day)
    except ValueError:
        return 0


def check_packs(value) -> list[dict]:
    """The reader's packs of a request, each checked (never trusting the page): a list of
    at most :data:`MAX_PACKS` packs that :func:`components.atlas.packs.pack_problem` finds
    nothing wrong with.

    Raises
    ------
    HandoutRequestError
        Naming the pack (its place and file) and what is wrong with it.

    Examples
    --------
    >>> check_packs(None), check_packs([{"type": "FeatureCollection", "pack": 1, "features": []}])
    ([], [{'type': 'FeatureCollection', 'pack': 1, 'features': []}])
    >>> check_packs([{"pack": 1, "file": "x.csv"}])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    components.export.handout.job.HandoutRequestError: packs: pack 1 (x.csv): expected a pack...
    """
    if value is None:
        return []
    if not isinstance(value, list):
        raise HandoutRequestError("packs: expected a list of imported packs")
    if len(value) > MAX_PACKS:
        raise HandoutRequestError(f"packs: {len(value)} imported packs shown; a handout takes "
                                  f"at most {MAX_PACKS}: hide some")  # fmt: skip
    for n, pack in enumerate(value, 1):
        problem = pack_problem(pack)
        if problem:
            name = pack.get("file") or pack.get("name") if isinstance(pack, dict) else None
            named = f" ({str(name)[:80]})" if isinstance(name, str) and name else ""
            raise HandoutRequestError(f"packs: pack {n}{named}: {problem}")
    return value


def handout_params(request, atlas: Atlas | None = None) -> dict:
    """The parameters of a handout job from what the page sent, every field checked.

    ``request``: ``lang``, ``paper``, ``orientation`` and either ``period`` (a registry id,
    with ``maps``, 2 to 6) or ``dates`` (2 to 6 days, a list or comma-separated; days outside
    the atlas are taken when one of the ``packs`` covers them); ``packs``: the reader's
    imported packs shown on the page (:func:`check_packs`), returned as they came, for
    :func:`keep_packs`.

    Raises
    ------
    HandoutRequestError
        Naming the first field that is wrong.

    Examples
    --------
    >>> handout_params({"lang": "fr"})
    Traceback (most recent call last):
    ...
    components.export.handout.job.HandoutRequestError: lang: expected one of en, zh, ja
    """
    if not isinstance(request, dict):
        raise HandoutRequestError("the request: expected an object")
    lang, paper = request.get("lang", "en"), request.get("paper", "a4")
    orientation = request.get("orientation", "portrait")
    if lang not in LANGS:
        raise HandoutRequestError(f"lang: expected one of {', '.join(LANGS)}")
    if paper not in PAPERS or orientation not in ORIENTATIONS:
        raise HandoutRequestError("paper/orientation: expected a4 or letter, portrait or "
                                  "landscape")  # fmt: skip
    period_id = request.get("period")
    if period_id is not None:
        try:
            found = period(period_id) if isinstance(period_id, str) else period(repr(period_id))
        except ValueError as exc:
            raise HandoutRequestError(f"period: {exc}") from None
        period_id = found.id
    packs = check_packs(request.get("packs"))
    if request.get("dates"):
        dates = _dates(request["dates"], [s for s in map(pack_span, packs) if s])
    elif period_id is not None:
        count = request.get("maps", DEFAULT_MAPS)
        if (
            not isinstance(count, int)
            or isinstance(count, bool)
            or not MIN_MAPS <= count <= MAX_MAPS
        ):
            raise HandoutRequestError(f"maps: expected {MIN_MAPS} to {MAX_MAPS}")
        from components.atlas.data import load_atlas
        from components.export.handout.dates import handout_dates

        dates = handout_dates(atlas or load_atlas(), found, count)
    else:
        raise HandoutRequestError("give a period or 2 to 6 dates")
    params = {"dates": dates, "lang": lang, "paper": paper, "orientation": orientation,
              "period": period_id}  # fmt: skip
    return {**params, "packs": packs} if packs else params


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
    """
    packs = params.get("packs")
    if not packs:
        return params
    key = PACKS_KEY + secrets.token_urlsafe(18)  # one a job: a finished job deletes its own
    body = json.dumps(packs, ensure_ascii=False, separators=(",", ":")).encode()
    store.put_file(key, body, ttl=JOB_TTL)
    names = [str(p.get("name") or p.get("file") or "pack")[:80] for p in packs]
    return {**params, "packs": {"key": key, "names": names}}


def kept_packs(store, params: dict) -> list[dict]:
    """The packs :func:`keep_packs` kept for ``params`` (none: ``[]``).

    Raises
    ------
    HandoutRequestError
        When they are no longer kept (the job is older than a day).
    """
    ref = params.get("packs")
    if not ref:
        return []
    chunks = store.file_chunks(ref["key"]) if store is not None else None
    if chunks is None:
        raise HandoutRequestError("the imported data of this handout is no longer kept: "
                                  "make the handout again")  # fmt: skip
    return json.loads(b"".join(chunks))


def drop_packs(store, params: dict) -> None:
    """Forget the packs :func:`keep_packs` kept for ``params`` (the queue refused the job,
    or the handout is made)."""
    ref = params.get("packs")
    if ref and store is not None:
        store.delete(ref["key"])


def handout_filename(params: dict, key: str = "pdf") -> str:
    """The download's name: ``handout-<first>-<last>-<lang>.pdf``.

    Examples
    --------
    >>> handout_filename({"dates": ["1938-07-29", "1938-08-11"], "lang": "zh"})
    'handout-1938-07-29-1938-08-11-zh.pdf'
    """
    return f"handout-{params['dates'][0]}-{params['dates'][-1]}-{params['lang']}.{key}"


def handout_kind(atlas: Atlas, store=None) -> JobKind:
    """The handout job: ``len(dates) + 1`` steps (each map, then the print); ``{"pdf": ...}``.
    ``store`` holds the packs of its jobs (:func:`keep_packs`)."""

    def render(params: dict, on_frame: Callable[[int], None]) -> dict[str, bytes]:
        from components.export.handout import printing

        packs = kept_packs(store, params)
        _h, pdf = printing.make_handout(atlas, params["dates"], params["lang"], params["paper"],
                                        params["orientation"], params.get("period"), packs,
                                        on_map=on_frame)  # fmt: skip
        on_frame(len(params["dates"]) + 1)
        drop_packs(store, params)  # done: the reader's data is not kept a moment longer
        return {"pdf": pdf}

    return JobKind("handout", render, handout_filename)


def total_steps(params: dict) -> int:
    """The job's steps: its maps and the print.

    Examples
    --------
    >>> total_steps({"dates": ["1938-07-29", "1938-08-11"]})
    3
    """
    return len(params["dates"]) + 1
