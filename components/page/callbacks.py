"""Callbacks, kept thin: read the inputs, call a pure builder, return.

Every step of the timeline runs in the browser: the engine (``assets/fea-4-engine.js``)
through the page adapter (``assets/fea-6-page.js``, namespace ``fea_page``), to which the
clientside callbacks here hand each control's input. The server is asked only for the text
that changes with the language, the details of what a click picked and the animation export.
Nothing here keeps per-user state: the app can run in several worker processes.
"""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Input, Output, State

from components.atlas.data import Atlas
from components.atlas.i18n import text
from components.atlas.registry import PERIODS, SPEEDS
from components.atlas.views import border_details, details_panel, layer_options, legend
from components.basemap.borders import border_feature
from components.page.exports import register_animation
from components.page.handout import register_handout
from components.page.ids import Id, page_function
from components.page.layout import guide_body

#: Controls whose input the page adapter hands to the engine: (function, component, prop).
ENGINE_INPUTS = (
    ("day", Id.TIME_SLIDER, "value"),
    ("play", Id.PLAY, "n_clicks"),
    ("speed", Id.SPEED, "value"),
    ("back", Id.STEP_BACK, "n_clicks"),
    ("forward", Id.STEP_FORWARD, "n_clicks"),
    ("period", {"type": Id.PERIOD_BUTTON, "index": ALL}, "n_clicks"),
    ("lang", Id.LANG, "value"),
    ("layers", Id.LAYERS, "value"),
    ("previousMoment", Id.GUIDE_PREV, "n_clicks"),
    ("nextMoment", Id.GUIDE_NEXT, "n_clicks"),
    ("tour", Id.GUIDE_TOUR, "n_clicks"),
)


def register_clientside(app) -> None:
    """The page adapter's callbacks: start the engine, hand it each control's input, and
    make the PNG of the view; and the projector mode (``assets/fea-7-projector.js``)."""
    app.clientside_callback(page_function("start"), Output(Id.LANG, "value"),
                            Output(Id.LAYERS, "value"), Output(Id.MAP, "figure"),
                            Input(Id.SCENE, "data"), State(Id.PAGE, "data"),
                            State(Id.MAP, "figure"))  # fmt: skip
    for function, component, prop in ENGINE_INPUTS:
        app.clientside_callback(page_function(function), Input(component, prop),
                                prevent_initial_call=True)  # fmt: skip
    app.clientside_callback(ClientsideFunction(namespace="fea_projector", function_name="toggle"),
                            Input(Id.PROJECTOR, "value"))  # fmt: skip
    app.clientside_callback(page_function("onThisDay"),
                            Input({"type": Id.ON_THIS_DAY_ITEM, "index": ALL}, "n_clicks"),
                            prevent_initial_call=True)  # fmt: skip
    app.clientside_callback(
        page_function("png"),
        Output(Id.SNAPSHOT_STATUS, "children"),
        Input(Id.SNAPSHOT_BUTTON, "n_clicks"),
        State(Id.SNAPSHOT_SCALE, "value"),
        prevent_initial_call=True,
    )


def register(app, atlas: Atlas, manager=None, render=None) -> None:
    """Register every callback of the page on ``app`` for the data in ``atlas``.

    ``manager`` (a Dash background callback manager) and ``render`` (see
    :func:`components.export.jobs.run_job`) enable the animation export.
    """
    register_clientside(app)
    if manager is not None:
        register_animation(app, atlas, manager, render)
        register_handout(app, atlas)

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
        Output(Id.GUIDE_BODY, "children"),
        Output(Id.BORDERS_NOTE, "children"),
        Output({"type": Id.PERIOD_BUTTON, "index": ALL}, "children"),
        Output(Id.PROJECTOR, "options"),
        Output(Id.DATE_LABEL, "children"),
        Output(Id.EXPORT_SCALE_LABEL, "children"),
        Input(Id.LANG, "value"),
        State(Id.TIMELINE, "data"),
        prevent_initial_call=True,
    )
    def chrome(lang, timeline):
        lang = _lang(lang)
        return (text("title", lang), text("subtitle", lang), layer_options(lang),
                text("layers", lang), legend(atlas, lang), text("legend", lang),
                [{"label": text(s, lang), "value": s} for s in SPEEDS], text("speed", lang),
                text("guide", lang), guide_body(atlas, lang, _moment(atlas, timeline)),
                text("borders_uncovered", lang), [p.labels[lang] for p in PERIODS],
                [{"label": text("projector", lang), "value": "on"}], text("date", lang),
                text("export_scale", lang))  # fmt: skip

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
        lang = _lang(lang)
        keys = ("export", "export_png", "animation", "anim_start", "anim_end", "anim_step")
        return (*[text(k, lang) for k in keys], [{"label": text("anim_zip", lang), "value": "zip"}],
                text("anim_make", lang), text("anim_cancel", lang),
                text("anim_zip_get", lang))  # fmt: skip

    @app.callback(
        Output(Id.DETAILS, "children"),
        Input(Id.SELECTION, "data"),
        Input(Id.LANG, "value"),
        State(Id.TIMELINE, "data"),
        prevent_initial_call=True,
    )
    def details(selection, lang, timeline):
        lang, day = _lang(lang), _day(atlas, timeline)
        picked = selection if isinstance(selection, dict) else {}
        feature_id = picked.get("id") if isinstance(picked.get("id"), str) else None
        if picked.get("layer") == "borders" and border_feature(feature_id) is not None:
            return border_details(border_feature(feature_id), lang)
        return details_panel(atlas, feature_id, lang, day)


def _lang(value) -> str:
    """A language the page speaks: ``value`` when it is one, else English (a crafted
    payload gets the English page, never an error)."""
    from components.atlas.i18n import DEFAULT_LANG, LANGS

    return value if isinstance(value, str) and value in LANGS else DEFAULT_LANG


def _day(atlas: Atlas, timeline) -> int:
    day = timeline.get("day") if isinstance(timeline, dict) else None
    if not isinstance(day, int) or isinstance(day, bool):
        return atlas.span[0]
    return min(max(day, atlas.span[0]), atlas.span[1])


def _moment(atlas: Atlas, timeline) -> int:
    from components.atlas.guide import moments

    day, found = _day(atlas, timeline), 0
    for i, moment in enumerate(moments(atlas)):
        if moment["day"] <= day:
            found = i
    return found
