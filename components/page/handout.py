"""The Export panel's "Handout (PDF)": its form, and the request queued as a handout job.

The page (``fea_jobs.requestHandout`` in ``assets/fea-8-jobs.js``) POSTs to
``/_fea/handout`` what to map (the period the slider's day falls in, that period's key
moments, or typed dates), the paper, orientation and number of maps, and the reader's
imported packs it shows (they live in the browser: the server keeps none). The server
(:func:`submit_handout`) turns the form into a request (:func:`handout_request`), checks it
with the job's own validation (:func:`components.export.handout.job.handout_params`: every
pack too, never trusting the page), keeps the packs beside the job and queues a job of kind
``handout`` on the app's board (:func:`components.page.exports.job_board`). A bad request
gets ``{"error"}`` in the page's language with status 400 (413: the packs are too big for a
request). The page follows the job with the same script as the GIF's and downloads the
PDF, streamed.

>>> from components.atlas.timeline import day_number
>>> handout_request("period", day_number("1938-08-01"), "", "a4", "portrait", 2, "en")
{'lang': 'en', 'paper': 'a4', 'orientation': 'portrait', 'period': 'khasan', 'maps': 2}
"""

from __future__ import annotations

import flask
from dash import Input, Output, State, dcc, html

from components.atlas.data import Atlas
from components.atlas.guide import moments
from components.atlas.i18n import LANGS, text
from components.atlas.packs import pack_span
from components.atlas.registry import PERIODS, Period
from components.atlas.timeline import day_number, iso_date
from components.export.handout.dates import DEFAULT_MAPS, MAX_MAPS, MIN_MAPS
from components.export.handout.job import (
    HandoutRequestError,
    handout_kind,
    handout_params,
    total_steps,
)
from components.export.job_packs import JobRequestError, check_packs, submit_with_packs
from components.export.jobs import QueueFull
from components.page.exports import (
    BODY_LIMIT,
    job_board,
    jobs_function,
    json_form,
    refused,
    register_cancel_retry,
    status_text,
)
from components.page.ids import Id
from components.server import allow_body

WHAT = ("period", "moments", "dates")
#: Where the page asks for a handout (POST, JSON), carrying at most
#: :data:`components.page.exports.BODY_LIMIT` bytes (the packs, and the form around them).
ROUTE = "/_fea/handout"


def current_period(day: int) -> Period | None:
    """The narrowest registry period holding ``day`` (Khasan rather than the aid years).

    Examples
    --------
    >>> current_period(day_number("1938-08-01")).id, current_period(day_number("1936-01-01"))
    ('khasan', None)
    """
    holding = [p for p in PERIODS if day_number(p.start) <= day <= day_number(p.end)]
    return min(holding, key=lambda p: day_number(p.end) - day_number(p.start), default=None)


class HandoutPageError(ValueError):
    """What the page asked for cannot become a handout: ``key`` and ``params`` of the
    message in the page's language."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key, self.params = key, params

    def message(self, lang: str) -> str:
        return text(self.key, lang).format(**self.params)


def handout_request(what, day: int, dates, paper, orientation, maps, lang,
                    atlas: Atlas | None = None) -> dict:  # fmt: skip
    """The handout request from the form, for :func:`handout_params` (which checks it).

    ``what`` is ``period`` (the period of ``day``, ``maps`` maps), ``moments`` (that period's
    key moments, spread to ``maps``) or ``dates`` (as typed).

    Raises
    ------
    HandoutPageError
        No period holds ``day``, or its key moments are too few.
    """
    request = {"lang": lang, "paper": paper, "orientation": orientation}
    if what not in WHAT:
        raise HandoutRequestError(f"what: expected one of {', '.join(WHAT)}")
    if what == "dates":
        # nothing typed is 0 days (said so by the job's check), anything else is checked there
        empty = dates is None or (isinstance(dates, str) and not dates.strip())
        return {**request, "dates": [""] if empty else dates}
    found = current_period(day)
    if found is None:
        raise HandoutPageError("handout_no_period", date=iso_date(day))
    if what != "moments":
        return {**request, "period": found.id, "maps": maps}
    from components.atlas.data import load_atlas
    from components.export.handout.dates import fill_days

    first, last = day_number(found.start), day_number(found.end)
    keys = [m["day"] for m in moments(atlas or load_atlas()) if first <= m["day"] <= last]
    count = maps if isinstance(maps, int) and MIN_MAPS <= maps <= MAX_MAPS else MAX_MAPS
    if len(keys) < MIN_MAPS:
        label = found.labels[lang] if lang in LANGS else found.labels["en"]
        raise HandoutPageError("handout_few_moments", period=label, n=len(keys))
    chosen = fill_days(keys, first, last, min(count, len(keys)))
    return {**request, "period": found.id, "dates": [iso_date(d) for d in chosen]}


def handout_status(job: dict, lang: str) -> str:
    """What the page says of a handout job: "Drawing map k of n", then the print.

    Examples
    --------
    >>> handout_status({"state": "running", "done": 1, "total": 3}, "en")
    'Drawing map 2 of 2'
    >>> handout_status({"state": "running", "done": 2, "total": 3}, "en")
    'Printing the PDF…'
    >>> handout_status({"state": "queued", "position": 2}, "en")
    'Queued: number 2 in line'
    """
    if job["state"] != "running":
        return status_text(job, lang)
    maps = job["total"] - 1
    if job["done"] >= maps:
        return text("handout_printing", lang)
    return text("handout_rendering", lang).format(k=job["done"] + 1, total=maps)


def _choice(label_id: str, words: str, control) -> html.Div:
    return html.Div([html.Span(words, id=label_id), html.Div(control, role="radiogroup",
                     **{"aria-labelledby": label_id})], className="anim-field")  # fmt: skip


def _what_options(lang: str) -> list[dict]:
    return [{"label": text(f"handout_{w}", lang), "value": w} for w in WHAT]


def _orientation_options(lang: str) -> list[dict]:
    return [{"label": text(f"handout_{o}", lang), "value": o} for o in ("portrait", "landscape")]


def handout_panel(lang: str) -> html.Details:
    """The handout's part of the Export panel, with its stores.

    Examples
    --------
    >>> panel = handout_panel("ja")
    >>> panel.children[0].children
    '配布資料（PDF）'
    """
    paper = [{"label": "A4", "value": "a4"}, {"label": "Letter", "value": "letter"}]
    return html.Details([
        html.Summary(text("handout", lang), id=Id.HANDOUT_SUMMARY),
        _choice(Id.HANDOUT_WHAT_LABEL, text("handout_what", lang),
                dcc.RadioItems(_what_options(lang), "period", id=Id.HANDOUT_WHAT)),
        html.Label([html.Span(text("handout_dates_label", lang), id=Id.HANDOUT_DATES_LABEL),
                    dcc.Input(id=Id.HANDOUT_DATES, type="text", value="", size="24",
                              placeholder="1938-07-29, 1938-08-11")], className="anim-field"),
        _choice(Id.HANDOUT_PAPER_LABEL, text("handout_paper", lang),
                dcc.RadioItems(paper, "a4", id=Id.HANDOUT_PAPER, inline=True)),
        _choice(Id.HANDOUT_ORIENTATION_LABEL, text("handout_orientation", lang),
                dcc.RadioItems(_orientation_options(lang), "portrait", id=Id.HANDOUT_ORIENTATION,
                               inline=True)),
        html.Label([html.Span(text("handout_maps", lang), id=Id.HANDOUT_MAPS_LABEL),
                    dcc.Input(id=Id.HANDOUT_MAPS, type="number", min=MIN_MAPS, max=MAX_MAPS,
                              step=1, value=DEFAULT_MAPS)], className="anim-field"),
        html.Div([
            html.Button(text("handout_make", lang), id=Id.HANDOUT_BUTTON, n_clicks=0,
                        **{"data-limit": str(BODY_LIMIT)}),
            html.Button(text("anim_cancel", lang), id=Id.HANDOUT_CANCEL, n_clicks=0,
                        hidden=True),
            html.Button(text("anim_retry", lang), id=Id.HANDOUT_RETRY, n_clicks=0, hidden=True),
            html.Progress(id=Id.HANDOUT_PROGRESS, value="0", max="1", hidden=True,
                          **{"aria-labelledby": Id.HANDOUT_SUMMARY}),
            html.Span(id=Id.HANDOUT_PROGRESS_TEXT, className="anim-progress-text"),
        ], className="export-row"),
        html.Output(id=Id.HANDOUT_STATUS, className="export-status", **{"aria-live": "polite"}),
        dcc.Store(id=Id.HANDOUT_JOB, storage_type="local"),
        dcc.Store(id=Id.HANDOUT_RUN),
        dcc.Store(id=Id.HANDOUT_DONE),
    ], className="anim handout")  # fmt: skip


def _lang(lang) -> str:
    return lang if isinstance(lang, str) and lang in LANGS else "en"


def _day(atlas: Atlas, day, packs: list[dict] = ()) -> int:
    # the slider's day, within the atlas' span widened to the packs' (as the page's slider)
    spans = [atlas.span, *(s for s in map(pack_span, packs) if s)]
    first, last = min(s[0] for s in spans), max(s[1] for s in spans)
    if not isinstance(day, int) or isinstance(day, bool):
        return atlas.span[0]
    return min(max(day, first), last)


def submit_handout(board, atlas: Atlas):
    """``POST /_fea/handout``: the form and the reader's packs as JSON (``what``, ``day``,
    ``dates``, ``paper``, ``orientation``, ``maps``, ``lang``, ``packs``); answers
    ``{"id", "text"}`` of the queued job, or ``{"error"}`` in the page's language: 400 for a
    bad field or pack, 413 when the packs are too big, 503 when the queue is full."""
    lang = _lang(flask.request.args.get("lang"))
    try:
        form = json_form(BODY_LIMIT, "a handout")
        lang = _lang(form.get("lang", lang))
        packs = check_packs(form.get("packs"), "a handout")
        request = handout_request(form.get("what"), _day(atlas, form.get("day"), packs),
                                  form.get("dates"), form.get("paper"), form.get("orientation"),
                                  form.get("maps"), lang, atlas)  # fmt: skip
        params = handout_params(request, atlas, packs)
        job_id = submit_with_packs(board, "handout", params, total_steps(params))
    except HandoutPageError as exc:
        return refused(exc.message(lang))
    except JobRequestError as exc:  # a field, a pack (components.export.job_packs), the body
        return refused(text("handout_bad", lang).format(error=exc), exc.status)
    except QueueFull as exc:
        return refused(text("anim_queue_full", lang).format(max=exc.limit), 503)
    return flask.jsonify({"id": job_id, "text": handout_status(board.poll(job_id), lang)})


def register_handout(app, atlas: Atlas) -> None:
    """The handout on the app's board (after :func:`components.page.exports.register_animation`):
    its kind, the request (``POST /_fea/handout``, :func:`submit_handout`), cancel and Retry,
    the labels in the page's language, and the page asking and following the job
    (``fea_jobs.requestHandout``, ``fea_jobs.watchHandout``)."""
    board = job_board(app)
    board.add_kind(handout_kind(atlas, board.store))
    allow_body(app.server, ROUTE, BODY_LIMIT)
    app.server.add_url_rule(ROUTE, "fea_handout", lambda: submit_handout(board, atlas),
                            methods=["POST"])  # fmt: skip
    app.clientside_callback(
        jobs_function("watchHandout"),
        Output(Id.HANDOUT_RUN, "data"),
        Input(Id.HANDOUT_JOB, "data"),
        State(Id.PAGE, "data"),
    )
    app.clientside_callback(
        jobs_function("requestHandout"),
        Output(Id.HANDOUT_JOB, "data"),
        Output(Id.HANDOUT_STATUS, "children"),
        Input(Id.HANDOUT_BUTTON, "n_clicks"),
        State(Id.HANDOUT_WHAT, "value"),
        State(Id.HANDOUT_DATES, "value"),
        State(Id.HANDOUT_PAPER, "value"),
        State(Id.HANDOUT_ORIENTATION, "value"),
        State(Id.HANDOUT_MAPS, "value"),
        State(Id.LANG, "value"),
        State(Id.TIMELINE, "data"),
        State(Id.PAGE, "data"),
        prevent_initial_call=True,
    )

    panel = (Id.HANDOUT_JOB, Id.HANDOUT_STATUS, Id.HANDOUT_CANCEL, Id.HANDOUT_RETRY,
             Id.HANDOUT_DONE)  # fmt: skip
    register_cancel_retry(app, board, panel, handout_status)

    @app.callback(
        Output(Id.HANDOUT_SUMMARY, "children"),
        Output(Id.HANDOUT_WHAT_LABEL, "children"),
        Output(Id.HANDOUT_WHAT, "options"),
        Output(Id.HANDOUT_DATES_LABEL, "children"),
        Output(Id.HANDOUT_PAPER_LABEL, "children"),
        Output(Id.HANDOUT_ORIENTATION_LABEL, "children"),
        Output(Id.HANDOUT_ORIENTATION, "options"),
        Output(Id.HANDOUT_MAPS_LABEL, "children"),
        Output(Id.HANDOUT_BUTTON, "children"),
        Output(Id.HANDOUT_CANCEL, "children"),
        Output(Id.HANDOUT_RETRY, "children"),
        Input(Id.LANG, "value"),
        prevent_initial_call=True,
    )
    def handout_chrome(lang):
        lang = _lang(lang)
        return (text("handout", lang), text("handout_what", lang), _what_options(lang),
                text("handout_dates_label", lang), text("handout_paper", lang),
                text("handout_orientation", lang), _orientation_options(lang),
                text("handout_maps", lang), text("handout_make", lang),
                text("anim_cancel", lang), text("anim_retry", lang))  # fmt: skip
