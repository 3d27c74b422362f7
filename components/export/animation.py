"""The animation export's request: parse and check it, list its frames, name its files.

Pure functions, no Dash: the page's request (``POST /_fea/animation``) has everything the
browser sent checked by :func:`animation_params` (language, layers, view, size, dates within
the atlas' span or an imported pack's, step, frame count, the reader's packs); the page
shows :meth:`AnimationRequestError.message` in the chosen language instead of failing; only
then does the job (:mod:`components.export.jobs`) get the parameters, kept on the server.
:data:`MAX_FRAMES` is the one frame cap of the page and the command line.

>>> validate_request("1938-07-29", "1938-08-11", "week", (6000, 16000))
['1938-07-29', '1938-08-05']
>>> try:
...     validate_request("1939-09-16", "1939-05-11", "day", (6000, 16000))
... except AnimationRequestError as exc:
...     print(exc)
the end 1939-05-11 is before the start 1939-09-16
"""

from __future__ import annotations

import math
import re

from components.atlas.i18n import LANGS, text
from components.atlas.registry import LAYER_IDS
from components.atlas.timeline import add_months, day_number, iso_date
from components.export.job_packs import check_packs, covered, pack_spans

#: More frames than this are refused, in the page and by the command line: a classroom GIF,
#: not a film.
MAX_FRAMES = 200
#: How long each frame of the GIF shows, in milliseconds.
FRAME_MS = 400
#: What the step field takes: a named step or a number of days.
STEP_CHOICES = ("day", "week", "month")
#: What a job's map view may be: longitude, latitude, zoom.
VIEW_BOUNDS = {"lon": (-180.0, 180.0), "lat": (-85.0, 85.0), "zoom": (0.0, 22.0)}
#: The largest map side the page may send, in CSS pixels.
MAX_SIDE = 10000
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


def validate_request(
    start, end, step, span: tuple[int, int], max_frames: int = MAX_FRAMES, spans=()
):
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
    spans : list of (int, int)
        The days the reader's imported packs cover: a day outside ``span`` is taken when
        one of them holds it (:func:`components.export.job_packs.covered`).

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
        if not span[0] <= day <= span[1] and not covered(day, spans):
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


def _number(value) -> float | None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    return float(value) if ok else None


def validate_view(view) -> dict | None:
    """The map view a job draws: ``lon``, ``lat``, ``zoom`` numbers within the map's range.

    Raises
    ------
    AnimationRequestError
        ``err_view``, naming what was sent.

    Examples
    --------
    >>> validate_view({"lon": 130.6, "lat": 42.5, "zoom": 5, "bearing": 3})
    {'lon': 130.6, 'lat': 42.5, 'zoom': 5.0}
    >>> validate_view(None) is None
    True
    >>> validate_view({"lon": "east"})
    Traceback (most recent call last):
    ...
    components.export.animation.AnimationRequestError: view: expected ... got {'lon': 'east'}
    """
    if view is None:
        return None
    if isinstance(view, dict):
        got = {k: _number(view.get(k)) for k in VIEW_BOUNDS}
        if all(v is not None and VIEW_BOUNDS[k][0] <= v <= VIEW_BOUNDS[k][1]
               for k, v in got.items()):  # fmt: skip
            return got
    raise AnimationRequestError("err_view", value=_shown(view))


def validate_size(size) -> list[int] | None:
    """The map's ``[width, height]`` in CSS pixels: two whole numbers from 1 to 10000 (the
    frames are then kept within :data:`components.export.frames.MIN_SIZE`..``MAX_SIZE``).

    Examples
    --------
    >>> validate_size([939, 650.0])
    [939, 650]
    >>> validate_size([-5, -5])
    Traceback (most recent call last):
    ...
    components.export.animation.AnimationRequestError: size: expected ... got [-5, -5]
    """
    if size is None:
        return None
    if isinstance(size, list | tuple) and len(size) == 2:
        got = [_number(v) for v in size]
        if all(v is not None and v == int(v) and 1 <= v <= MAX_SIDE for v in got):
            return [int(v) for v in got]
    raise AnimationRequestError("err_size", value=_shown(size))


def validate_layers(layers) -> list[str] | None:
    """The layers to draw: a list of known layer ids (duplicates dropped), or None (default).

    Examples
    --------
    >>> validate_layers(["events", "events"])
    ['events']
    >>> validate_layers("events")
    Traceback (most recent call last):
    ...
    components.export.animation.AnimationRequestError: layers: expected a list of ... got 'events'
    """
    if layers is None:
        return None
    if isinstance(layers, list) and all(isinstance(x, str) and x in LAYER_IDS for x in layers):
        return list(dict.fromkeys(layers))
    raise AnimationRequestError("err_layers", value=_shown(layers), known=", ".join(LAYER_IDS))


def validate_lang(lang) -> str:
    """``en``, ``zh`` or ``ja``.

    Examples
    --------
    >>> validate_lang("fr")
    Traceback (most recent call last):
    ...
    components.export.animation.AnimationRequestError: lang: expected en, zh or ja, got 'fr'
    """
    if isinstance(lang, str) and lang in LANGS:
        return lang
    raise AnimationRequestError("err_lang", value=_shown(lang))


def _shown(value) -> str:
    """A value sent by the browser as the message shows it: short."""
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def animation_params(
    span: tuple[int, int], request, start, end, step, frames_zip, packs=None
) -> dict:
    """The parameters of an animation job from what the page sent, every field checked.

    Parameters
    ----------
    span : tuple of int
        The atlas' first and last day numbers.
    request : dict
        What the browser sends: ``lang``, ``layers``, ``view`` (lon, lat, zoom) and
        ``size`` ([width, height] of the map in CSS pixels).
    start, end, step, frames_zip
        The form's fields (``frames_zip``: the checklist's values, ``["zip"]`` or ``[]``).
    packs : list of dict, optional
        The reader's imported packs the map shows, each checked
        (:func:`components.export.job_packs.check_packs`); the days they cover are taken
        for ``start`` and ``end`` even outside the atlas' span.

    Returns
    -------
    dict
        ``dates``, ``lang``, ``layers``, ``view``, ``size``, ``zip``, and ``packs`` when
        there are any (as they came, for :func:`components.export.job_packs.keep_packs`):
        what :func:`components.export.frames.frame_renderer` renders.

    Raises
    ------
    AnimationRequestError
        Naming the first field that is wrong.
    components.export.job_packs.JobRequestError
        Naming the pack that is wrong (or their number).

    Examples
    --------
    >>> animation_params((0, 20000), {"lang": "zh"}, "1938-07-29", "1938-08-11", "week", ["zip"])
    {'dates': ['1938-07-29', '1938-08-05'], 'lang': 'zh', 'layers': None, 'view': None, \
'size': None, 'zip': True}
    """
    if not isinstance(request, dict):
        raise AnimationRequestError("err_request", value=_shown(request))
    lang = validate_lang(request.get("lang", "en"))
    if not isinstance(frames_zip, list | type(None)):
        raise AnimationRequestError("err_zip", value=_shown(frames_zip))
    packs = check_packs(packs, "a GIF")
    dates = validate_request(start, end, step, span, spans=pack_spans(packs))
    layers = validate_layers(request.get("layers"))
    view, size = validate_view(request.get("view")), validate_size(request.get("size"))
    params = {"dates": dates, "lang": lang, "layers": layers, "view": view, "size": size,
              "zip": "zip" in (frames_zip or [])}  # fmt: skip
    return {**params, "packs": packs} if packs else params


def request_lang(request) -> str:
    """The language to answer a request in: its own when valid, else English."""
    lang = request.get("lang") if isinstance(request, dict) else None
    return lang if isinstance(lang, str) and lang in LANGS else "en"
