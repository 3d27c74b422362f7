"""The export panel's server side: the animation export as a background job.

The request is checked here (:func:`components.export.animation.animation_request`), the job
runs in Dash's background callback manager and its state lives in the manager's store
(:mod:`components.export.jobs`).
"""

from __future__ import annotations

from dash import Input, Output, State, no_update

from components.atlas.data import Atlas
from components.export.animation import animation_request
from components.export.jobs import JobBoard, animation_outputs, frames_zip_download, store_of
from components.page.ids import Id, page_function


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
        page_function("animationRequest"),
        Output(Id.ANIM_REQUEST, "data"),
        Input(Id.ANIM_BUTTON, "n_clicks"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        page_function("resume"),
        Output(Id.ANIM_RUN, "data"),
        Input(Id.ANIM_JOB, "data"),
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
        page_function("cancel"),
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
