"""The handout as a job of the site's queue (:class:`components.export.jobs.JobKind`).

The page asks for a handout of a period (its key moments, evenly spaced days for the rest)
or of chosen days, with the reader's imported packs it shows; the server checks every field
(:func:`handout_params`, each pack with :func:`components.export.job_packs.check_packs`) and
queues the job. The packs are kept in the jobs' store beside it
(:func:`components.export.job_packs.keep_packs`, as the GIF's: the job's record, read at
every poll, holds only their key); the renderer (:func:`handout_kind`) reads them back,
reports each map drawn, then the print, and returns ``{"pdf": bytes}``.

>>> handout_params({"lang": "zh", "period": "khasan", "maps": 3})["dates"]
['1938-07-29', '1938-08-04', '1938-08-11']
"""

from __future__ import annotations

from collections.abc import Callable

from components.atlas.data import Atlas
from components.atlas.i18n import LANGS
from components.atlas.timeline import day_number
from components.export.handout.dates import DEFAULT_MAPS, MAX_MAPS, MIN_MAPS, period
from components.export.handout.model import ORIENTATIONS, PAPERS
from components.export.job_packs import (
    JobRequestError,
    check_packs,
    covered,
    drop_packs,
    kept_packs,
    pack_spans,
)
from components.export.jobs import JobKind


class HandoutRequestError(JobRequestError):
    """A bad handout request, naming the field and what was expected (English)."""


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
            if not covered(day, spans):  # a day of the reader's pack, outside the atlas
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


def handout_params(request, atlas: Atlas | None = None, packs: list[dict] | None = None) -> dict:
    """The parameters of a handout job from what the page sent, every field checked.

    ``request``: ``lang``, ``paper``, ``orientation`` and either ``period`` (a registry id,
    with ``maps``, 2 to 6) or ``dates`` (2 to 6 days, a list or comma-separated; days outside
    the atlas are taken when one of the ``packs`` covers them); ``packs``: the reader's
    imported packs shown on the page (:func:`components.export.job_packs.check_packs`),
    returned as they came, for :func:`components.export.job_packs.keep_packs`. A caller that
    has checked them already passes them as ``packs`` (a pack is not checked twice).

    Raises
    ------
    HandoutRequestError
        Naming the first field that is wrong.
    components.export.job_packs.JobRequestError
        Naming the pack that is wrong (or their number).

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
    if packs is None:
        packs = check_packs(request.get("packs"), "a handout")
    if request.get("dates"):
        dates = _dates(request["dates"], pack_spans(packs))
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
    ``store`` holds the packs of its jobs (:func:`components.export.job_packs.keep_packs`)."""

    def render(params: dict, on_frame: Callable[[int], None]) -> dict[str, bytes]:
        from components.export.handout import printing

        packs = kept_packs(store, params, "handout")
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
