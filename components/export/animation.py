"""The animation export's request: parse and check it, list its frames, name its files.

Pure functions, no Dash: the page's callback validates the form with
:func:`validate_request` and shows :meth:`AnimationRequestError.message` in the chosen
language instead of failing; the background job (:mod:`components.export.jobs`) renders the dates.

>>> validate_request("1938-07-29", "1938-08-11", "week", (6000, 16000))
['1938-07-29', '1938-08-05']
>>> try:
...     validate_request("1939-09-16", "1939-05-11", "day", (6000, 16000))
... except AnimationRequestError as exc:
...     print(exc)
the end 1939-05-11 is before the start 1939-09-16
"""

from __future__ import annotations

import re
import uuid

from components.atlas.i18n import text
from components.atlas.timeline import add_months, day_number, iso_date

#: More frames than this are refused: a classroom GIF, not a film.
MAX_FRAMES = 200
#: How long each frame of the GIF shows, in milliseconds.
FRAME_MS = 400
#: What the step field takes: a named step or a number of days.
STEP_CHOICES = ("day", "week", "month")
_STEP = re.compile(r"^\s*(?:(day|week|month)|(\d{1,4})\s*d)\s*$", re.IGNORECASE)


class AnimationRequestError(ValueError):
    """A bad animation request: ``key`` is an i18n string, ``params`` fill it in.

    ``str(exc)`` is the English message; :meth:`message` gives it in another language.

    Examples
    --------
    >>> AnimationRequestError("err_order", start="1939-09-16", end="1939-05-11").message("ja")
    '終了 1939-05-11 が開始 1939-09-16 より前です'
    """

    def __init__(self, key: str, **params):
        self.key, self.params = key, params
        super().__init__(self.message("en"))

    def message(self, lang: str) -> str:
        """The message in ``lang`` (en, zh or ja), with the field names translated."""
        params = {k: text(v, lang) if k == "field" else v for k, v in self.params.items()}
        return text(self.key, lang).format(**params)


def parse_step(value: str) -> tuple[str, int]:
    """``('months', 1)`` for ``month``, else ``('days', n)`` for ``day``, ``week`` or ``Nd``.

    Raises
    ------
    AnimationRequestError
        ``err_step``, naming the value, when it is none of those (or ``0d``).

    Examples
    --------
    >>> parse_step("week"), parse_step("10d"), parse_step("month")
    (('days', 7), ('days', 10), ('months', 1))
    >>> parse_step("fortnight")
    Traceback (most recent call last):
    ...
    components.export.animation.AnimationRequestError: step: expected day, week, ... got 'fortnight'
    """
    match = _STEP.match(str(value or ""))
    if not match or (match.group(2) is not None and int(match.group(2)) == 0):
        raise AnimationRequestError("err_step", value=value)
    named = (match.group(1) or "").lower()
    if named == "month":
        return "months", 1
    return "days", {"day": 1, "week": 7}.get(named) or int(match.group(2))


def frame_days(first: int, last: int, step: tuple[str, int]) -> list[int]:
    """Day numbers from ``first`` to ``last`` (inclusive when a step lands on it).

    Months are counted from ``first`` (31 Jan, 28 Feb, 31 Mar, 30 Apr), so they do not drift.

    Examples
    --------
    >>> [iso_date(d) for d in frame_days(day_number("1938-01-31"), day_number("1938-04-30"),
    ...                                  ("months", 1))]
    ['1938-01-31', '1938-02-28', '1938-03-31', '1938-04-30']
    >>> frame_days(10, 20, ("days", 5))
    [10, 15, 20]
    """
    unit, n = step
    days, k = [], 0
    while True:
        day = add_months(first, k * n) if unit == "months" else first + k * n
        if day > last:
            return days
        days.append(day)
        k += 1


def _date(value, field: str) -> int:
    try:
        return day_number(str(value or "").strip())
    except ValueError:
        raise AnimationRequestError("err_date", field=field, value=value or "") from None


def validate_request(start, end, step, span: tuple[int, int], max_frames: int = MAX_FRAMES):
    """The frame dates of an animation from ``start`` to ``end`` every ``step``.

    Parameters
    ----------
    start, end : str
        ``YYYY-MM-DD`` days, inside ``span``; ``end`` not before ``start``.
    step : str
        ``day``, ``week``, ``month`` or a number of days like ``3d``.
    span : tuple of int
        The atlas' first and last day numbers.
    max_frames : int
        The most frames allowed.

    Returns
    -------
    list of str
        The frames' ISO dates.

    Raises
    ------
    AnimationRequestError
        Naming what was wrong: a bad date, end before start, a date outside the span, a bad
        step or too many frames.

    Examples
    --------
    >>> validate_request("1938-01-01", "1938-12-31", "day", (0, 20000))
    Traceback (most recent call last):
    ...
    components.export.animation.AnimationRequestError: 365 frames are too many (at most 200): ...
    """
    first, last = _date(start, "anim_start"), _date(end, "anim_end")
    for field, day in (("anim_start", first), ("anim_end", last)):
        if not span[0] <= day <= span[1]:
            first_day, last_day = iso_date(span[0]), iso_date(span[1])
            raise AnimationRequestError("err_span", field=field, value=iso_date(day),
                                        first=first_day, last=last_day)  # fmt: skip
    if last < first:
        raise AnimationRequestError("err_order", start=iso_date(first), end=iso_date(last))
    days = frame_days(first, last, parse_step(step))
    if len(days) > max_frames:
        raise AnimationRequestError("err_frames", count=len(days), max=max_frames)
    return [iso_date(d) for d in days]


def animation_filename(dates: list[str], lang: str, ext: str = "gif") -> str:
    """``atlas-<first>_<last>-<lang>-<n>f.<ext>``.

    Examples
    --------
    >>> animation_filename(["1938-07-29", "1938-08-05"], "zh")
    'atlas-1938-07-29_1938-08-05-zh-2f.gif'
    """
    return f"atlas-{dates[0]}_{dates[-1]}-{lang}-{len(dates)}f.{ext}"


def job_spec(dates: list[str], lang: str, layers, view: dict | None, size, frames_zip: bool):
    """The job a validated request becomes: what to render, named by a fresh ``id``.

    Examples
    --------
    >>> spec = job_spec(["1938-07-29"], "en", ["events"], {"lon": 130, "lat": 42, "zoom": 6},
    ...                 [900, 600], False)
    >>> sorted(spec), len(spec["id"])
    (['dates', 'id', 'lang', 'layers', 'size', 'view', 'zip'], 32)
    """
    return {"id": uuid.uuid4().hex, "dates": list(dates), "lang": lang,
            "layers": list(layers) if layers is not None else None, "view": view,
            "size": list(size) if size else None, "zip": bool(frames_zip)}  # fmt: skip


def animation_request(span: tuple[int, int], request: dict, start, end, step, frames_zip):
    """The page's form and view made into a job, or the reason it cannot be.

    Parameters
    ----------
    span : tuple of int
        The atlas' first and last day numbers.
    request : dict
        What the browser sends: ``lang``, ``layers``, ``view`` (lon, lat, zoom) and
        ``size`` ([width, height] of the map in CSS pixels).
    start, end, step, frames_zip
        The form's fields (``frames_zip``: the checklist's values, ``["zip"]`` or ``[]``).

    Returns
    -------
    tuple
        ``(job, message)``: the job (None when refused) and the message for the page, in
        the request's language.

    Examples
    --------
    >>> job, msg = animation_request((0, 20000), {"lang": "en"}, "1938-08-11", "1938-07-29",
    ...                              "day", [])
    >>> job, msg
    (None, 'the end 1938-07-29 is before the start 1938-08-11')
    >>> job, msg = animation_request((0, 20000), {"lang": "zh"}, "1938-07-29", "1938-08-11",
    ...                              "week", ["zip"])
    >>> job["dates"], job["zip"], msg
    (['1938-07-29', '1938-08-05'], True, '正在启动…')
    """
    request = request or {}
    lang = request.get("lang") or "en"
    try:
        dates = validate_request(start, end, step, span)
    except AnimationRequestError as exc:
        return None, exc.message(lang)
    job = job_spec(dates, lang, request.get("layers"), request.get("view"), request.get("size"),
                   "zip" in (frames_zip or []))  # fmt: skip
    return job, text("anim_queued", lang)
