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

    URL = "url"
    TIMELINE = "timeline"
    PLAY_TIMER = "play-timer"
    SPEED = "speed"
    PERIODS = "periods"
    PERIOD_BUTTON = "period-button"
    STEP_BACK = "step-back"
    STEP_FORWARD = "step-forward"
    LAYERS = "layer-toggles"
    LEGEND = "legend"
    DETAILS = "details"
    NOTICE = "notice"
    VIEW = "view"
    GUIDE = "guide"
    GUIDE_PREV = "guide-prev"
    GUIDE_NEXT = "guide-next"
    GUIDE_INDEX = "guide-index"
    GUIDE_BODY = "guide-body"
    TITLE = "title"
    SUBTITLE = "subtitle"
    LAYERS_HEADING = "layers-heading"
    LEGEND_HEADING = "legend-heading"
    SPEED_LABEL = "speed-label"
    SIDEBAR = "sidebar"
    CONFIG = "config"
