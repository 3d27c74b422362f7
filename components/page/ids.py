"""Component ids of the page, in one place.

The first five are a contract that tests and other tools rely on: ``#map`` is the
``dcc.Graph``, ``#time-slider`` the keyboard-operable slider, ``#current-date`` shows the
current date as ``YYYY-MM-DD``, ``#play`` is the Play/Pause button and ``#lang`` the
language switch.

>>> Id.MAP.value, str(Id.TIME_SLIDER)
('map', 'time-slider')
"""

from __future__ import annotations

from enum import StrEnum


class Id(StrEnum):
    """Every component id the layout and the callbacks use."""

    MAP = "map"
    TIME_SLIDER = "time-slider"
    CURRENT_DATE = "current-date"
    PLAY = "play"
    LANG = "lang"

    SCENE = "scene"
    PAGE = "page"
    TIMELINE = "timeline"
    SPEED = "speed"
    PERIODS = "periods"
    PERIOD_BUTTON = "period-button"
    STEP_BACK = "step-back"
    STEP_FORWARD = "step-forward"
    LAYERS = "layer-toggles"
    LEGEND = "legend"
    DETAILS = "details"
    SELECTION = "selection"
    NOTICE = "notice"
    BORDERS_NOTE = "borders-note"
    GUIDE = "guide"
    GUIDE_PREV = "guide-prev"
    GUIDE_NEXT = "guide-next"
    GUIDE_TOUR = "guide-tour"
    GUIDE_BODY = "guide-body"
    ON_THIS_DAY = "on-this-day"
    ON_THIS_DAY_HEADING = "on-this-day-heading"
    ON_THIS_DAY_ITEM = "on-this-day-item"
    MOMENT = "moment"
    TITLE = "title"
    SUBTITLE = "subtitle"
    LAYERS_HEADING = "layers-heading"
    LEGEND_HEADING = "legend-heading"
    SPEED_LABEL = "speed-label"
    SIDEBAR = "sidebar"
    PROJECTOR = "projector"
    LANG_LABEL = "lang-label"
    DATE_LABEL = "date-label"
    EXPORT_SCALE_LABEL = "export-scale-label"

    # the Import panel: filled by assets/fea-9-import.js, touched by no Dash callback
    IMPORT_PANEL = "import-panel"
    IMPORT_HEADING = "import-heading"
    IMPORT_DROP = "import-drop"
    IMPORT_CHOOSE = "import-choose"
    IMPORT_FILE = "import-file"
    IMPORT_TEMPLATE = "import-template"
    IMPORT_LIST = "import-list"
    IMPORT_REPORT = "import-report"
    IMPORT_DETAILS = "import-details"

    # exports: the PNG of the view (in the browser) and the animation (a background job)
    EXPORT_HEADING = "export-heading"
    SNAPSHOT_BUTTON = "export-png"
    SNAPSHOT_SCALE = "export-scale"
    SNAPSHOT_STATUS = "export-status"
    ANIM_SUMMARY = "anim-summary"
    ANIM_START = "anim-start"
    ANIM_END = "anim-end"
    ANIM_STEP = "anim-step"
    ANIM_START_LABEL = "anim-start-label"
    ANIM_END_LABEL = "anim-end-label"
    ANIM_STEP_LABEL = "anim-step-label"
    ANIM_STEP_CHOICES = "anim-step-choices"
    ANIM_ZIP = "anim-zip"
    ANIM_BUTTON = "anim-make"
    ANIM_CANCEL = "anim-cancel"
    ANIM_RETRY = "anim-retry"
    ANIM_PROGRESS = "anim-progress"
    ANIM_PROGRESS_TEXT = "anim-progress-text"
    ANIM_STATUS = "anim-status"
    ANIM_REQUEST = "anim-request"
    ANIM_JOB = "anim-job"
    ANIM_RUN = "anim-run"
    ANIM_ZIP_BUTTON = "anim-zip-get"
    ANIM_DONE = "anim-done"
    HANDOUT_SUMMARY = "handout-summary"
    HANDOUT_WHAT = "handout-what"
    HANDOUT_WHAT_LABEL = "handout-what-label"
    HANDOUT_DATES = "handout-dates"
    HANDOUT_DATES_LABEL = "handout-dates-label"
    HANDOUT_PAPER = "handout-paper"
    HANDOUT_PAPER_LABEL = "handout-paper-label"
    HANDOUT_ORIENTATION = "handout-orientation"
    HANDOUT_ORIENTATION_LABEL = "handout-orientation-label"
    HANDOUT_MAPS = "handout-maps"
    HANDOUT_MAPS_LABEL = "handout-maps-label"
    HANDOUT_BUTTON = "handout-make"
    HANDOUT_CANCEL = "handout-cancel"
    HANDOUT_RETRY = "handout-retry"
    HANDOUT_PROGRESS = "handout-progress"
    HANDOUT_PROGRESS_TEXT = "handout-progress-text"
    HANDOUT_STATUS = "handout-status"
    HANDOUT_JOB = "handout-job"
    HANDOUT_RUN = "handout-run"
    HANDOUT_DONE = "handout-done"


def page_function(name: str):
    """A clientside function of the page adapter (``assets/fea-6-page.js``, ``fea_page``)."""
    from dash import ClientsideFunction

    return ClientsideFunction(namespace="fea_page", function_name=name)
