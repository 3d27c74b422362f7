"""The page: map, timeline bar, side panels and the stores that hold the client's state.

>>> from components.atlas.data import load_atlas
>>> page = build_layout(load_atlas(FIXTURE_DIR))
>>> page.id
'app'
"""

from __future__ import annotations

from dash import dcc, html

from components.atlas.data import Atlas
from components.atlas.guide import moments
from components.atlas.i18n import DEFAULT_LANG, LANGS, STRINGS, text
from components.atlas.map import build_map_figure
from components.atlas.registry import (
    ANIMATION_DAYS,
    DEFAULT_SPEED,
    LAYERS,
    PERIODS,
    SNAPSHOT_DEFAULT_SCALE,
    SNAPSHOT_SCALES,
    SPEEDS,
)
from components.atlas.scene import build_scene
from components.atlas.timeline import civil, day_number, format_date, iso_date
from components.atlas.views import (
    details_panel,
    language_options,
    layer_options,
    legend,
    moment_panel,
)
from components.export.animation import STEP_CHOICES
from components.page.exports import BODY_LIMIT
from components.page.handout import handout_panel
from components.page.ids import Id
from components.page.import_panel import import_panel

GRAPH_CONFIG = {"scrollZoom": True, "displaylogo": False, "displayModeBar": False,
                "responsive": True}  # fmt: skip
#: A slider mark for an event: a diamond in the events' orange, darkened to read as text on
#: white (4.5:1), lifted above the rail, clear of the year labels beneath it (``top``
#: overrides the ``bottom: 0`` Dash places every mark at).
EVENT_MARK = {"color": "#a84d00", "fontSize": ".6rem", "top": "-1.05rem", "bottom": "auto"}


def slider_marks(atlas: Atlas) -> dict:
    """Slider marks: a year label every five years, a ◆ at each event's start and a ◇ at
    each event the seeds place nowhere (on the slider only).

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> marks = slider_marks(load_atlas(FIXTURE_DIR))
    >>> marks[day_number("1920-01-01")], marks[day_number("1938-07-29")]["label"]
    ('1920', '◆')
    """
    first, last = atlas.span
    marks: dict = {}
    for feature in atlas.timeline:  # events placed nowhere: on the slider only
        day = day_number(feature["properties"]["start"])
        marks[day] = {"label": "◇", "style": EVENT_MARK}
    for feature in atlas.layers["events"]:
        day = day_number(feature["properties"]["start"])
        marks[day] = {"label": "◆", "style": EVENT_MARK}
    y0, y1 = civil(first)[0], civil(last)[0]
    for year in range(y0 + (5 - y0 % 5) % 5, y1 + 1, 5):
        day = day_number(f"{year}-01-01")
        if first <= day <= last:
            marks[day] = str(year)
    return marks


def named(component, label_id: str, role: str = "group") -> html.Div:
    """``component`` in a group that the element ``label_id`` names.

    Dash 4 renders a ``dcc.RadioItems`` or ``dcc.Checklist`` as a listbox of options that
    wrap native inputs (nested interactive elements) and a ``dcc.Slider``'s thumb with no
    name; ``assets/fea-7-projector.js`` removes those roles, leaving the native radio buttons
    and checkboxes in this named group, and names the thumb after it.

    Examples
    --------
    >>> group = named(html.Span(), "speed-label", "radiogroup")
    >>> group.role, getattr(group, "aria-labelledby")
    ('radiogroup', 'speed-label')
    """
    return html.Div(component, role=role, **{"aria-labelledby": label_id})


def _hidden_label(label_id: str, words: str) -> html.Span:
    return html.Span(words, id=label_id, className="visually-hidden")


def _timeline_bar(atlas: Atlas, day: int, lang: str) -> html.Div:
    first, last = atlas.span
    speed_options = [{"label": text(s, lang), "value": s} for s in SPEEDS]
    periods = [html.Button(p.labels[lang], id={"type": Id.PERIOD_BUTTON, "index": p.id},
                           className="period", n_clicks=0, **{"data-start": p.start})
               for p in PERIODS]  # fmt: skip
    return html.Div([
        html.Div([
            html.Button("◀", id=Id.STEP_BACK, className="step", n_clicks=0,
                        title=text("step_back", lang)),
            html.Button("▶ " + text("play", lang), id=Id.PLAY, className="play", n_clicks=0),
            html.Button("▶", id=Id.STEP_FORWARD, className="step", n_clicks=0,
                        title=text("step_forward", lang)),
            # the date as people write it; its datetime attribute is the ISO day
            html.Time(format_date(iso_date(day), "day", lang), id=Id.CURRENT_DATE,
                      dateTime=iso_date(day), className="current-date",
                      **{"aria-live": "polite"}),
            html.Div([
                html.Span(text("speed", lang), id=Id.SPEED_LABEL, className="speed-label"),
                named(dcc.RadioItems(speed_options, DEFAULT_SPEED, id=Id.SPEED, inline=True,
                                     className="speed"), Id.SPEED_LABEL, "radiogroup"),
            ], className="speed-box"),
        ], className="timeline-controls"),
        _hidden_label(Id.DATE_LABEL, text("date", lang)),
        named(dcc.Slider(first, last, step=1, value=day, id=Id.TIME_SLIDER,
                         marks=slider_marks(atlas), updatemode="drag", allow_direct_input=False,
                         included=False, className="time-slider"), Id.DATE_LABEL),
        html.Div(periods, id=Id.PERIODS, className="periods"),
    ], className="timeline-bar", role="region", **{"aria-labelledby": Id.DATE_LABEL})  # fmt: skip


def export_panel(atlas: Atlas, lang: str, day: int) -> html.Section:
    """The export panel: PNG of the view with its scale, and the animation form.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> panel = export_panel(load_atlas(FIXTURE_DIR), "en", day_number("1938-07-29"))
    >>> form = panel.children[3].children[1]
    >>> str(panel.children[1].children[0].id), form.children[0].children[1].value
    ('export-png', '1938-07-29')
    """
    end = min(day + ANIMATION_DAYS, atlas.span[1])

    def field(label_id, key, input_id, value, **extra):
        return html.Div([html.Label(text(key, lang), id=label_id, htmlFor=input_id),
                         dcc.Input(id=input_id, value=value, type="text", debounce=False,
                                   size="11", **extra)], className="anim-field")  # fmt: skip

    return html.Section([
        html.H2(text("export", lang), id=Id.EXPORT_HEADING),
        html.Div([
            html.Button(text("export_png", lang), id=Id.SNAPSHOT_BUTTON, n_clicks=0),
            _hidden_label(Id.EXPORT_SCALE_LABEL, text("export_scale", lang)),
            named(dcc.RadioItems([{"label": f"{s}×", "value": s} for s in SNAPSHOT_SCALES],
                                 SNAPSHOT_DEFAULT_SCALE, id=Id.SNAPSHOT_SCALE, inline=True,
                                 className="export-scale"),
                  Id.EXPORT_SCALE_LABEL, "radiogroup"),
        ], className="export-row"),
        html.Output(id=Id.SNAPSHOT_STATUS, className="export-status", **{"aria-live": "polite"}),
        html.Details([
            html.Summary(text("animation", lang), id=Id.ANIM_SUMMARY),
            html.Div([
                field(Id.ANIM_START_LABEL, "anim_start", Id.ANIM_START, iso_date(day)),
                field(Id.ANIM_END_LABEL, "anim_end", Id.ANIM_END, iso_date(end)),
                field(Id.ANIM_STEP_LABEL, "anim_step", Id.ANIM_STEP, DEFAULT_SPEED,
                      list=Id.ANIM_STEP_CHOICES, placeholder=text("anim_step_hint", lang)),
                html.Datalist([html.Option(value=c) for c in (*STEP_CHOICES, "3d", "10d")],
                              id=Id.ANIM_STEP_CHOICES),
            ], className="anim-form"),
            dcc.Checklist([{"label": text("anim_zip", lang), "value": "zip"}], [], id=Id.ANIM_ZIP,
                          className="anim-zip"),
            html.Div([
                html.Button(text("anim_make", lang), id=Id.ANIM_BUTTON, n_clicks=0,
                            **{"data-limit": str(BODY_LIMIT)}),  # the page sends no more
                html.Button(text("anim_cancel", lang), id=Id.ANIM_CANCEL, n_clicks=0,
                            hidden=True),
                html.Button(text("anim_retry", lang), id=Id.ANIM_RETRY, n_clicks=0,
                            hidden=True),
                html.Progress(id=Id.ANIM_PROGRESS, value="0", max="1", hidden=True),
                html.Span(id=Id.ANIM_PROGRESS_TEXT, className="anim-progress-text"),
            ], className="export-row"),
            html.Output(id=Id.ANIM_STATUS, className="export-status",
                        **{"aria-live": "polite"}),
            html.Button(text("anim_zip_get", lang), id=Id.ANIM_ZIP_BUTTON, n_clicks=0,
                        hidden=True),
        ], className="anim", open=True),
        dcc.Store(id=Id.ANIM_REQUEST),
        dcc.Store(id=Id.ANIM_JOB, storage_type="local"),
        dcc.Store(id=Id.ANIM_RUN),
        dcc.Store(id=Id.ANIM_DONE),
        handout_panel(lang),
    ], className="panel export")  # fmt: skip


def guide_body(atlas: Atlas, lang: str, shown: int = 0) -> list:
    """Every key moment's panel, all hidden but ``shown``: the page shows the one of the
    slider's day without asking the server (``fea-6-page.js``).

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> body = guide_body(load_atlas(FIXTURE_DIR), "en")
    >>> [(b.id["index"], b.hidden) for b in body]
    [(0, False), (1, True), (2, True)]
    """
    items = moments(atlas)
    if not items:
        return moment_panel(items, 0, lang)
    return [html.Div(moment_panel(items, i, lang), id={"type": Id.MOMENT, "index": i},
                     hidden=i != shown) for i in range(len(items))]  # fmt: skip


def page_ids() -> dict[str, str]:
    """The component ids the page adapter (``assets/fea-6-page.js``) uses, by name.

    Examples
    --------
    >>> page_ids()["TIME_SLIDER"]
    'time-slider'
    """
    return {member.name: member.value for member in Id}


def _sidebar(atlas: Atlas, lang: str, day: int) -> html.Aside:
    return html.Aside([
        # filled by the page adapter from the engine on every day, with no server round trip
        html.Section([
            html.H2(text("on_this_day", lang), id=Id.ON_THIS_DAY_HEADING),
            html.Ul(id=Id.ON_THIS_DAY, className="on-this-day", **{"aria-live": "polite"}),
        ], className="panel on-this-day-panel"),
        html.Section([
            html.H2(text("layers", lang), id=Id.LAYERS_HEADING),
            named(dcc.Checklist(layer_options(lang), [s.id for s in LAYERS if s.default_visible],
                                id=Id.LAYERS, className="layer-toggles"), Id.LAYERS_HEADING),
            html.H2(text("legend", lang), id=Id.LEGEND_HEADING),
            html.Div(legend(atlas, lang), id=Id.LEGEND, className="legend"),
        ], className="panel"),
        html.Section([
            html.Div([
                html.H2(text("guide", lang), id=Id.GUIDE),
                html.Button("‹", id=Id.GUIDE_PREV, n_clicks=0, title=text("previous", lang)),
                html.Button("›", id=Id.GUIDE_NEXT, n_clicks=0, title=text("next", lang)),
                html.Button("▶ " + text("tour", lang), id=Id.GUIDE_TOUR, n_clicks=0,
                            title=text("tour_title", lang), className="tour",
                            **{"aria-pressed": "false"}),
            ], className="guide-head"),
            html.Div(guide_body(atlas, lang), id=Id.GUIDE_BODY, className="guide-body"),
        ], className="panel guide"),
        import_panel(lang),
        export_panel(atlas, lang, day),
        html.Section(details_panel(atlas, None, lang, day), id=Id.DETAILS,
                     className="panel details"),
    ], id=Id.SIDEBAR, className="sidebar")  # fmt: skip


def build_layout(atlas: Atlas, style: dict | None = None):
    """The whole page for ``atlas``, as plotted before the URL's state applies: the opening
    day, in English, with the default layers. The page adapter then hands the engine the
    URL's state (``?date=&lang=&layers=&view=``) before it draws.

    Parameters
    ----------
    atlas : Atlas
        The loaded layers.
    style : dict, optional
        The offline basemap style (see :func:`components.atlas.map.build_map_figure`).
    """
    lang, scene = DEFAULT_LANG, build_scene(atlas)
    day, (first, last) = scene["timeline"]["default_day"], atlas.span
    layers = [s.id for s in LAYERS if s.default_visible]
    figure = build_map_figure(scene, lang=lang, visible=layers, style=style)
    notice = [] if any(atlas.layers.values()) else [text("no_data", lang)]
    return html.Div([
        dcc.Store(id=Id.SCENE, data=scene),
        dcc.Store(id=Id.PAGE, data={"ids": page_ids(),
                                    "plotted": {"lang": lang, "layers": layers, "day": day}}),
        dcc.Store(id=Id.TIMELINE, data={"day": day, "min": first, "max": last,
                                        "speed": DEFAULT_SPEED, "playing": False}),
        dcc.Store(id=Id.SELECTION),  # {layer, id} of what a click on the map picked
        html.Header([
            html.H1(text("title", lang), id=Id.TITLE),
            html.Span(text("subtitle", lang), id=Id.SUBTITLE, className="subtitle"),
            html.Div([
                _hidden_label(Id.LANG_LABEL, " / ".join(STRINGS["language"][k] for k in LANGS)),
                named(dcc.RadioItems(language_options(), lang, id=Id.LANG, inline=True,
                                     className="lang"), Id.LANG_LABEL, "radiogroup"),
                dcc.Checklist([{"label": text("projector", lang), "value": "on"}], [],
                              id=Id.PROJECTOR, className="projector-toggle", persistence=True,
                              persistence_type="local"),
            ], className="top-controls"),
        ], className="top"),
        html.Div(notice, id=Id.NOTICE, className="notice", role="status",
                 hidden=not notice),
        html.P(text("borders_uncovered", lang), id=Id.BORDERS_NOTE, className="notice",
               role="status", hidden=True),
        html.Main([
            dcc.Graph(id=Id.MAP, figure=figure, config=GRAPH_CONFIG, className="map",
                      clear_on_unhover=True),
            _sidebar(atlas, lang, day),
        ], className="main"),
        _timeline_bar(atlas, day, lang),
    ], id="app")  # fmt: skip
