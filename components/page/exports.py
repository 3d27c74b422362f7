"""The export panel's server side: the animation export as a job of the site's queue.

The page (``fea_jobs.requestAnimation``) POSTs to ``/_fea/animation`` as JSON what it shows
(language, layers, view, size), the form, and the reader's imported packs the map shows
(they live in the browser; up to 10 MB, so never through a Dash callback's body); the
server checks all of it (:func:`components.export.animation.animation_params`, every pack
with :func:`components.export.job_packs.check_packs`), keeps the packs beside the job
(:func:`components.export.job_packs.keep_packs`) and queues a job
(:class:`components.export.jobs.JobBoard`), whose parameters stay on the server. A bad
request gets ``{"error"}`` in the page's language with status 400 (413: too big). The page
keeps only the job's id (in ``localStorage``, so a reload finds the job), polls
``/_fea/jobs/<id>`` for its state (``assets/fea-8-jobs.js``, retrying with backoff), and
downloads its files from ``/_fea/jobs/<id>/<key>``, streamed.

Another kind of job (a PDF handout) reuses all of it: :func:`job_board` gives the app's
board, :meth:`~components.export.jobs.JobBoard.add_kind` adds the kind, its route reads the
request with :func:`json_form` and answers a refusal with :func:`refused`, ``submit`` queues
a job, and the same routes poll it and serve its files.
"""

from __future__ import annotations

import json
import re

import flask
from dash import ClientsideFunction, Input, Output, State, no_update

from components.atlas.data import Atlas
from components.atlas.i18n import LANGS, text
from components.export.animation import (
    AnimationRequestError,
    animation_filename,
    animation_params,
    request_lang,
)
from components.export.job_packs import (
    PACKS_LIMIT,
    JobRequestError,
    drop_packs,
    kept_packs,
    submit_with_packs,
)
from components.export.jobs import JobBoard, JobKind, Limits, QueueFull, celery_app_of, store_of
from components.export.jobs_runner import celery_launcher, fork_launcher, register_celery_task
from components.page.ids import Id, page_function
from components.server import allow_body

#: A job id as :func:`secrets.token_urlsafe` makes it (24 bytes).
JOB_ID = re.compile(r"^[A-Za-z0-9_-]{32}$")
FILE_KEY = re.compile(r"^[a-z]{1,12}$")
MIMETYPES = {"gif": "image/gif", "zip": "application/zip", "pdf": "application/pdf"}
ROUTE = "/_fea/jobs"
#: Where the page asks for a GIF (POST, JSON).
ANIMATION_ROUTE = "/_fea/animation"
#: The most bytes a job's request carries: the packs, and the form around them.
BODY_LIMIT = PACKS_LIMIT + 64 * 1024


def jobs_function(name: str) -> ClientsideFunction:
    """A clientside function of ``assets/fea-8-jobs.js`` (namespace ``fea_jobs``)."""
    return ClientsideFunction(namespace="fea_jobs", function_name=name)


def job_board(app) -> JobBoard:
    """The app's board of jobs (made by :func:`register_animation`)."""
    return app.server.extensions["fea_jobs"]


def make_board(manager, limits: Limits | None = None) -> JobBoard:
    """A board in the manager's store whose launcher forks a renderer (DiskCache) or sends a
    Celery task (Celery: the task is registered on the manager's Celery app)."""
    limits = limits or Limits.from_settings()
    board = JobBoard(store_of(manager), limits)
    celery_app = celery_app_of(manager)
    if celery_app is not None:
        board.launch = celery_launcher(register_celery_task(celery_app, board), limits.time_limit)
    else:
        board.launch = fork_launcher(board)
    return board


def animation_kind(render, store=None) -> JobKind:
    """The animation job: ``render(params, on_frame)`` from
    :func:`components.export.frames.frame_renderer`, given the reader's packs kept in
    ``store`` for the job (:func:`components.export.job_packs.kept_packs`), which are
    forgotten once its files are made; files named by the dates."""

    def render_job(params: dict, on_frame) -> dict[str, bytes]:
        packs = kept_packs(store, params, "GIF")
        files = render({**params, "packs": packs} if packs else params, on_frame)
        drop_packs(store, params)  # done: the reader's data is not kept a moment longer
        return files

    def filename(params: dict, key: str) -> str:
        return animation_filename(params["dates"], params["lang"], key)

    return JobKind("animation", render_job, filename)


def status_text(job: dict, lang: str) -> str:
    """What the page says of the job now: its state, told truly, in ``lang``.

    Examples
    --------
    >>> status_text({"state": "running", "done": 2, "total": 5}, "en")
    'Rendering frame 3 of 5'
    >>> status_text({"state": "failed", "reason": {"key": "reason_dead", "params": {}}}, "en")
    'The export failed: the renderer stopped'
    >>> status_text({"state": "queued", "position": 2}, "ja")
    '順番待ち：2 番目'
    """
    state, why = job["state"], job.get("reason")
    why_text = text(why["key"], lang).format(**why["params"]) if why else ""
    if state == "queued":
        return text("anim_in_queue", lang).format(n=job.get("position") or 1)
    if state == "running" and job.get("kind") == "handout":  # its maps, then the print
        from components.page.handout import handout_status

        return handout_status(job, lang)
    if state == "running":
        total = job["total"]
        return text("anim_rendering", lang).format(k=min(job["done"] + 1, total), total=total)
    if state == "done":
        names = [f["name"] for f in job.get("files", {}).values()]
        return text("anim_done", lang).format(name=names[0] if names else "")
    if state == "failed":
        return text("anim_failed", lang).format(error=why_text)
    if state == "cancelled":
        return text("anim_cancelled_why", lang).format(why=why_text) if why else text(
            "anim_cancelled", lang)  # fmt: skip
    return text({"starting": "anim_queued", "encoding": "anim_writing"}[state], lang)


def status_body(job: dict, lang: str) -> dict:
    """The JSON the page polls: state, progress, queue position, words, file URLs."""
    files = {key: f"{ROUTE}/{job['id']}/{key}" for key in job.get("files", {})}
    return {"state": job["state"], "done": job.get("done", 0), "total": job.get("total", 0),
            "position": job.get("position", 0), "text": status_text(job, lang),
            "retrying": text("anim_reconnecting", lang), "files": files}  # fmt: skip


def _lang(lang) -> str:
    return lang if isinstance(lang, str) and lang in LANGS else "en"


def _has_lang(request) -> bool:
    return isinstance(request, dict) and _lang(request.get("lang")) == request.get("lang")


def _job_id(value) -> str | None:
    """The job id from a store's value (``{"id": ...}``) when it has the right form."""
    job_id = value.get("id") if isinstance(value, dict) else None
    return job_id if isinstance(job_id, str) and JOB_ID.match(job_id) else None


def register_routes(server, board: JobBoard) -> None:
    """``GET /_fea/jobs/<id>?lang=``: the job's state (a poll); ``GET /_fea/jobs/<id>/<key>``:
    a finished job's file, streamed as an attachment. Unknown or expired: 404 and a line."""

    def status(job_id: str):
        lang = flask.request.args.get("lang", "en")
        lang = _lang(lang)
        job = board.poll(job_id) if JOB_ID.match(job_id) else None
        if job is None:
            body = {"state": "gone", "text": text("anim_gone", lang), "files": {}}
            return flask.jsonify(body), 404
        response = flask.jsonify(status_body(job, lang))
        response.cache_control.no_store = True
        return response

    def download(job_id: str, key: str):
        found = board.file(job_id, key) if JOB_ID.match(job_id) and FILE_KEY.match(key) else None
        if found is None:
            words = text("anim_gone", _lang(flask.request.args.get("lang")))
            return flask.Response(words + "\n", 404, mimetype="text/plain")
        name, size, chunks = found
        mimetype = MIMETYPES.get(key, "application/octet-stream")
        response = flask.Response(flask.stream_with_context(chunks), mimetype=mimetype)
        response.headers.set("Content-Disposition", "attachment", filename=name)
        response.headers["Content-Length"] = str(size)
        response.cache_control.no_store = True
        return response

    server.add_url_rule(f"{ROUTE}/<job_id>", "fea_job_status", status)
    server.add_url_rule(f"{ROUTE}/<job_id>/<key>", "fea_job_file", download)


def refused(message: str, status: int = 400):
    """The answer to a request the server will not queue: ``{"error": message}``."""
    response = flask.jsonify({"error": message})
    response.status_code = status
    return response


def json_form(limit: int = BODY_LIMIT, job: str = "a job") -> dict:
    """The posted form of a job's request, a JSON object read within ``limit`` bytes.

    Raises
    ------
    JobRequestError
        When it is too big (``.status`` 413: the reader's packs, naming ``job``), or not a
        JSON object.
    """
    request = flask.request
    too_big = JobRequestError(f"the imported data shown is too big for {job} (at most "
                              f"{PACKS_LIMIT:,} bytes, {PACKS_LIMIT / 2**20:g} MB): hide some "
                              "of it", 413)  # fmt: skip
    if request.content_length is not None and request.content_length > limit:
        raise too_big
    if not request.is_json:
        raise JobRequestError("the request: expected JSON (application/json)")
    request.max_content_length = limit  # a body sent without a length is cut there too
    body = request.stream.read(limit + 1)
    if len(body) > limit:
        raise too_big
    try:
        form = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise JobRequestError(f"the request: not valid JSON ({exc})") from None
    if not isinstance(form, dict):
        raise JobRequestError("the request: expected an object")
    return form


def submit_animation(board: JobBoard, atlas: Atlas):
    """``POST /_fea/animation``: ``request`` (what the map shows: ``lang``, ``layers``,
    ``view``, ``size``), the form (``start``, ``end``, ``step``, ``zip``) and ``packs`` (the
    reader's imported packs shown) as JSON; answers ``{"id", "text"}`` of the queued job, or
    ``{"error"}`` in the page's language: 400 for a bad field or pack, 413 when the packs are
    too big, 503 when the queue is full."""
    lang = _lang(flask.request.args.get("lang"))
    try:
        form = json_form(BODY_LIMIT, "a GIF")
        lang = request_lang(form["request"]) if _has_lang(form.get("request")) else lang
        params = animation_params(atlas.span, form.get("request"), form.get("start"),
                                  form.get("end"), form.get("step"), form.get("zip"),
                                  form.get("packs"))  # fmt: skip
        job_id = submit_with_packs(board, "animation", params, len(params["dates"]))
    except AnimationRequestError as exc:
        return refused(exc.message(lang))
    except JobRequestError as exc:
        return refused(text("anim_bad", lang).format(error=exc), exc.status)
    except QueueFull as exc:
        return refused(text("anim_queue_full", lang).format(max=exc.limit), 503)
    return flask.jsonify({"id": job_id, "text": status_text(board.poll(job_id), lang)})


def register_animation(app, atlas: Atlas, manager, render) -> None:
    """The animation export: a checked request becomes a job of the app's board; the page
    follows it (``fea-8-jobs.js``), cancels it, retries it, downloads its files.

    Also registers the routes of :func:`register_routes` and, with Celery, the task the
    workers run (a worker builds the app too, so it has the same kinds).
    """
    board = make_board(manager)
    board.add_kind(animation_kind(render, board.store))
    app.server.extensions["fea_jobs"] = board
    register_routes(app.server, board)
    allow_body(app.server, ANIMATION_ROUTE, BODY_LIMIT)
    app.server.add_url_rule(ANIMATION_ROUTE, "fea_animation",
                            lambda: submit_animation(board, atlas), methods=["POST"])  # fmt: skip
    app.clientside_callback(
        page_function("animationRequest"),
        Output(Id.ANIM_REQUEST, "data"),
        Input(Id.ANIM_BUTTON, "n_clicks"),
        prevent_initial_call=True,
    )
    # the map's request, the form and the shown packs POSTed to ANIMATION_ROUTE
    app.clientside_callback(
        jobs_function("requestAnimation"),
        Output(Id.ANIM_JOB, "data"),
        Output(Id.ANIM_STATUS, "children"),
        Input(Id.ANIM_REQUEST, "data"),
        State(Id.ANIM_START, "value"),
        State(Id.ANIM_END, "value"),
        State(Id.ANIM_STEP, "value"),
        State(Id.ANIM_ZIP, "value"),
        State(Id.PAGE, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        page_function("follow"),
        Output(Id.ANIM_START, "value"),
        Output(Id.ANIM_END, "value"),
        Input(Id.TIMELINE, "data"),
        State(Id.ANIM_START, "value"),
        State(Id.ANIM_END, "value"),
    )
    app.clientside_callback(
        jobs_function("watch"),
        Output(Id.ANIM_RUN, "data"),
        Input(Id.ANIM_JOB, "data"),
        State(Id.PAGE, "data"),
    )
    app.clientside_callback(
        jobs_function("zip"),
        Output(Id.ANIM_STATUS, "children", allow_duplicate=True),
        Input(Id.ANIM_ZIP_BUTTON, "n_clicks"),
        State(Id.ANIM_DONE, "data"),
        prevent_initial_call=True,
    )

    @app.callback(Output(Id.ANIM_RETRY, "children"), Input(Id.LANG, "value"),
                  prevent_initial_call=True)  # fmt: skip
    def retry_label(lang):
        return text("anim_retry", _lang(lang))

    register_cancel_retry(app, board, (Id.ANIM_JOB, Id.ANIM_STATUS, Id.ANIM_CANCEL,
                                        Id.ANIM_RETRY, Id.ANIM_DONE), status_text)  # fmt: skip


def register_cancel_retry(app, board: JobBoard, ids: tuple, status) -> None:
    """Cancel and Retry of a job panel: ``ids`` are its job store, status line, Cancel and
    Retry buttons and done store; ``status(job, lang)`` words its state. Both take the job
    id the page holds, nothing else from the browser."""
    job_store, status_line, cancel, retry, done_store = ids

    @app.callback(
        Output(job_store, "data", allow_duplicate=True),
        Output(status_line, "children", allow_duplicate=True),
        Input(cancel, "n_clicks"),
        State(job_store, "data"),
        State(Id.LANG, "value"),
        prevent_initial_call=True,
    )
    def cancel_job(clicks, job, lang):
        job_id, lang = _job_id(job), _lang(lang)
        if not clicks or job_id is None:
            return no_update, no_update
        board.cancel(job_id)
        found = board.record(job_id)
        return None, status(found, lang) if found else text("anim_gone", lang)

    @app.callback(
        Output(job_store, "data", allow_duplicate=True),
        Output(status_line, "children", allow_duplicate=True),
        Output(retry, "hidden"),
        Input(retry, "n_clicks"),
        State(done_store, "data"),
        State(Id.LANG, "value"),
        prevent_initial_call=True,
    )
    def retry_job(clicks, done, lang):
        job_id, lang = _job_id(done), _lang(lang)
        if not clicks or job_id is None:
            return no_update, no_update, no_update
        try:
            new_id = board.retry(job_id)
        except QueueFull as exc:
            return no_update, text("anim_queue_full", lang).format(max=exc.limit), no_update
        if new_id is None:
            return no_update, text("anim_gone", lang), True
        return {"id": new_id}, status(board.poll(new_id), lang), True
