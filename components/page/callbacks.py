"""Callbacks, kept thin: read the inputs, call a pure builder, return.

Every step of the timeline runs in the browser (``assets/atlas.js``, namespace ``atlas``):
the server is asked only for text that changes with the language, the details of a clicked
feature, the next guided moment and the state a deep link restores. Nothing here keeps
per-user state: the app can run in several worker processes.
"""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Input, Output, State, ctx, no_update

from components.atlas.data import Atlas
from components.atlas.guide import moment_panel, moments
from components.atlas.i18n import text
from components.atlas.registry import PERIODS, SPEEDS
from components.basemap.borders import border_feature
from components.export.animation import animation_request
from components.export.jobs import JobBoard, animation_outputs, frames_zip_download, store_of
from components.page.ids import Id
from components.page.panels import border_details, details_panel, layer_options, legend
from components.page.urlstate import parse_query


def _client(name: str) -> ClientsideFunction:
    return ClientsideFunction(namespace="atlas", function_name=name)


def register_clientside(app) -> None:
    """The browser-side callbacks: the timeline reducer, layers and language on the map."""
    app.clientside_callback(
        _client("timeline"),
        Output(Id.TIMELINE, "data"),
        Output(Id.TIME_SLIDER, "value"),
        Output(Id.CURRENT_DATE, "children"),
        Output(Id.PLAY_TIMER, "disabled"),
        Output(Id.PLAY, "children"),
        Input(Id.TIME_SLIDER, "value"),
        Input(Id.PLAY, "n_clicks"),
        Input(Id.PLAY_TIMER, "n_intervals"),
        Input(Id.SPEED, "value"),
        Input(Id.STEP_BACK, "n_clicks"),
        Input(Id.STEP_FORWARD, "n_clicks"),
        Input({"type": Id.PERIOD_BUTTON, "index": ALL}, "n_clicks"),
        Input(Id.VIEW, "data"),
        Input(Id.LANG, "value"),
        State(Id.TIMELINE, "data"),
        State(Id.CONFIG, "data"),
    )
    app.clientside_callback(_client("layers"), Input(Id.LAYERS, "value"))
    app.clientside_callback(_client("language"), Input(Id.LANG, "value"))
    app.clientside_callback(
        ClientsideFunction(namespace="snapshot", function_name="png"),
        Output(Id.SNAPSHOT_STATUS, "children"),
        Input(Id.SNAPSHOT_BUTTON, "n_clicks"),
        State(Id.SNAPSHOT_SCALE, "value"),
        State(Id.LANG, "value"),
        State(Id.SNAPSHOT_CONFIG, "data"),
        prevent_initial_call=True,
    )


def next_index(index: int, moved: int, count: int) -> int:
    """The guide's moment after moving by ``moved`` from ``index`` (-1: none shown yet).

    Examples
    --------
    >>> next_index(-1, 1, 3), next_index(-1, -1, 3), next_index(2, 1, 3), next_index(-1, 0, 3)
    (0, 2, 0, 0)
    """
    if count == 0:
        return 0
    if index < 0:
        return count - 1 if moved < 0 else 0
    return (index + moved) % count


def register_animation(app, atlas: Atlas, manager, render) -> None:
    """The animation export: request (validated), background job (with progress), resume.

    The job id lives in a ``localStorage`` store (``anim-job``): a reloaded page sends it
    again and the new background job follows the one already running
    (:mod:`components.export.jobs`).

    Dash registers background functions in every manager of the process under a hash of
    their source and outputs: with several apps in one process, the last one registered runs
    (its ``manager`` and ``render``). One app per process (gunicorn, Celery) is unaffected.
    """
    app.clientside_callback(
        ClientsideFunction(namespace="snapshot", function_name="request"),
        Output(Id.ANIM_REQUEST, "data"),
        Input(Id.ANIM_BUTTON, "n_clicks"),
        State(Id.LANG, "value"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(namespace="snapshot", function_name="resume"),
        Output(Id.ANIM_RUN, "data"),
        Input(Id.ANIM_JOB, "data"),
    )
    app.clientside_callback(
        ClientsideFunction(namespace="snapshot", function_name="follow"),
        Output(Id.ANIM_START, "value"),
        Output(Id.ANIM_END, "value"),
        Input(Id.TIMELINE, "data"),
        State(Id.ANIM_START, "value"),
        State(Id.ANIM_END, "value"),
    )
    app.clientside_callback(
        ClientsideFunction(namespace="snapshot", function_name="cancel"),
        Output(Id.ANIM_JOB, "data", allow_duplicate=True),
        Input(Id.ANIM_CANCEL, "n_clicks"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(Id.ANIM_JOB, "data"),
        Output(Id.ANIM_STATUS, "children"),
        Input(Id.ANIM_REQUEST, "data"),
        State(Id.ANIM_START, "value"),
        State(Id.ANIM_END, "value"),
        State(Id.ANIM_STEP, "value"),
        State(Id.ANIM_ZIP, "value"),
        prevent_initial_call=True,
    )
    def request_animation(request, start, end, step, frames_zip):
        job, message = animation_request(atlas.span, request, start, end, step, frames_zip)
        return job or no_update, message

    @app.callback(
        Output(Id.ANIM_DOWNLOAD, "data"),
        Output(Id.ANIM_DONE, "data"),
        Output(Id.ANIM_JOB, "data", allow_duplicate=True),
        Output(Id.ANIM_STATUS, "children", allow_duplicate=True),
        Output(Id.ANIM_ZIP_BUTTON, "hidden"),
        Input(Id.ANIM_RUN, "data"),
        background=True,
        manager=manager,
        progress=[Output(Id.ANIM_PROGRESS, "value"), Output(Id.ANIM_PROGRESS, "max"),
                  Output(Id.ANIM_PROGRESS_TEXT, "children")],
        progress_default=["0", "1", ""],
        running=[(Output(Id.ANIM_BUTTON, "disabled"), True, False),
                 (Output(Id.ANIM_ZIP_BUTTON, "disabled"), True, False),
                 (Output(Id.ANIM_CANCEL, "hidden"), False, True),
                 (Output(Id.ANIM_PROGRESS, "hidden"), False, True)],
        cancel=[Input(Id.ANIM_CANCEL, "n_clicks")],
        prevent_initial_call=True,
    )  # fmt: skip
    def run_animation(set_progress, job):
        gif, done, cleared, message = animation_outputs(job, JobBoard(store_of(manager)), render,
                                                        set_progress)  # fmt: skip
        return gif, done, cleared, message, not done

    @app.callback(
        Output(Id.ANIM_ZIP_DOWNLOAD, "data"),
        Output(Id.ANIM_STATUS, "children", allow_duplicate=True),
        Input(Id.ANIM_ZIP_BUTTON, "n_clicks"),
        State(Id.ANIM_DONE, "data"),
        prevent_initial_call=True,
    )
    def frames_download(_clicks, done):
        return frames_zip_download(done, JobBoard(store_of(manager)))


def register(app, atlas: Atlas, manager=None, render=None) -> None:
    """Register every callback of the page on ``app`` for the data in ``atlas``.

    ``manager`` (a Dash background callback manager) and ``render`` (see
    :func:`components.export.jobs.run_job`) enable the animation export.
    """
    register_clientside(app)
    if manager is not None:
        register_animation(app, atlas, manager, render)
    guide = moments(atlas)

    @app.callback(
        Output(Id.VIEW, "data"),
        Output(Id.LANG, "value"),
        Output(Id.LAYERS, "value"),
        Output(Id.NOTICE, "children"),
        Output(Id.NOTICE, "hidden"),
        Input(Id.URL, "search"),
    )
    def restore(search):
        state, notices = parse_query(search, atlas.span)
        jump = {"day": state["day"], "view": state["view"]}
        lines = [f"{text('ignored', state['lang'] or 'en')}: {n}" for n in notices]
        return (jump if state["day"] is not None or state["view"] else no_update,
                state["lang"] or no_update,
                state["layers"] if state["layers"] is not None else no_update,
                lines or no_update, not lines)  # fmt: skip

    @app.callback(
        Output(Id.TITLE, "children"),
        Output(Id.SUBTITLE, "children"),
        Output(Id.LAYERS, "options"),
        Output(Id.LAYERS_HEADING, "children"),
        Output(Id.LEGEND, "children"),
        Output(Id.LEGEND_HEADING, "children"),
        Output(Id.SPEED, "options"),
        Output(Id.SPEED_LABEL, "children"),
        Output(Id.GUIDE, "children"),
        Output({"type": Id.PERIOD_BUTTON, "index": ALL}, "children"),
        Input(Id.LANG, "value"),
        prevent_initial_call=True,
    )
    def chrome(lang):
        return (text("title", lang), text("subtitle", lang), layer_options(lang),
                text("layers", lang), legend(atlas, lang), text("legend", lang),
                [{"label": text(s, lang), "value": s} for s in SPEEDS], text("speed", lang),
                text("guide", lang), [p.labels[lang] for p in PERIODS])  # fmt: skip

    @app.callback(
        Output(Id.EXPORT_HEADING, "children"),
        Output(Id.SNAPSHOT_BUTTON, "children"),
        Output(Id.ANIM_SUMMARY, "children"),
        Output(Id.ANIM_START_LABEL, "children"),
        Output(Id.ANIM_END_LABEL, "children"),
        Output(Id.ANIM_STEP_LABEL, "children"),
        Output(Id.ANIM_ZIP, "options"),
        Output(Id.ANIM_BUTTON, "children"),
        Output(Id.ANIM_CANCEL, "children"),
        Output(Id.ANIM_ZIP_BUTTON, "children"),
        Input(Id.LANG, "value"),
        prevent_initial_call=True,
    )
    def export_chrome(lang):
        keys = ("export", "export_png", "animation", "anim_start", "anim_end", "anim_step")
        return (*[text(k, lang) for k in keys], [{"label": text("anim_zip", lang), "value": "zip"}],
                text("anim_make", lang), text("anim_cancel", lang),
                text("anim_zip_get", lang))  # fmt: skip

    @app.callback(
        Output(Id.DETAILS, "children"),
        Input(Id.MAP, "clickData"),
        Input(Id.BORDER_CLICK, "data"),
        Input(Id.LANG, "value"),
        State(Id.TIMELINE, "data"),
        prevent_initial_call=True,
    )
    def details(click, border, lang, timeline):
        # atlas.js clears the one when the other is clicked: at most one is set
        point = (click or {}).get("points", [{}])[0]
        feature = border_feature(border.get("id")) if isinstance(border, dict) else None
        if feature is not None and not point.get("customdata"):
            return border_details(feature, lang)
        return details_panel(atlas, point.get("customdata"), lang, timeline["day"])

    @app.callback(
        Output(Id.GUIDE_BODY, "children"),
        Output(Id.GUIDE_INDEX, "data"),
        Output(Id.VIEW, "data", allow_duplicate=True),
        Input(Id.GUIDE_PREV, "n_clicks"),
        Input(Id.GUIDE_NEXT, "n_clicks"),
        Input(Id.LANG, "value"),
        State(Id.GUIDE_INDEX, "data"),
        prevent_initial_call=True,
    )
    def guided(_prev, _next, lang, index):
        moved = {Id.GUIDE_PREV: -1, Id.GUIDE_NEXT: 1}.get(ctx.triggered_id, 0)
        index = next_index(index, moved, len(guide))
        jump = ({"day": guide[index]["day"], "view": guide[index]["view"]}
                if moved and guide else no_update)  # fmt: skip
        return moment_panel(guide, index, lang), index, jump
