"""Callbacks, kept thin: read the inputs, call a pure builder, return.

Every step of the timeline runs in the browser (``assets/atlas.js``, namespace ``atlas``):
the server is asked only for text that changes with the language, the details of a clicked
feature, the next guided moment and the state a deep link restores. Nothing here keeps
per-user state: the app can run in several worker processes.
"""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Input, Output, State, ctx, no_update

from components.data import Atlas
from components.guide import moment_panel, moments
from components.i18n import text
from components.ids import Id
from components.panels import details_panel, layer_options, legend
from components.registry import PERIODS, SPEEDS
from components.urlstate import parse_query


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


def register(app, atlas: Atlas) -> None:
    """Register every callback of the page on ``app`` for the data in ``atlas``."""
    register_clientside(app)
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
        Output(Id.DETAILS, "children"),
        Input(Id.MAP, "clickData"),
        Input(Id.LANG, "value"),
        State(Id.TIMELINE, "data"),
        prevent_initial_call=True,
    )
    def details(click, lang, timeline):
        point = (click or {}).get("points", [{}])[0]
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
