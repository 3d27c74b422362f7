"""The atlas declared as data: layers, nations, route modes, periods, speeds and views.

One registry drives the figure, the legend and the layer panel, so adding a layer or a nation
is an edit here and nowhere else.

>>> [spec.id for spec in LAYERS]
['routes', 'places', 'events', 'shipments', 'deployments', 'borders']
>>> layer_spec("events").default_visible
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class LayerSpec:
    """One map layer: what it draws, how, and how the panel and legend name it."""

    id: str
    labels: dict[str, str]
    geometry: str  # Point or LineString
    #: "static" (filtered by date), "track" (moves between waypoints), "path" (along a line),
    #: "basemap" (drawn from the basemap's files, not from ``geodata/layers``)
    motion: str
    style: dict = field(default_factory=dict)
    default_visible: bool = True
    #: Drawn in the browser by ``assets/atlas.js`` from the trace's ``meta``; the Plotly trace
    #: itself is an invisible hit target for hover and click.
    browser_drawn: bool = False


LAYERS: tuple[LayerSpec, ...] = (
    LayerSpec("routes", {"en": "Routes", "zh": "路线", "ja": "ルート"}, "LineString", "static",
              {"lit_opacity": 0.9, "dim_opacity": 0.15, "lit_width": 1.0, "dim_width": 0.6},
              browser_drawn=True),
    LayerSpec("places", {"en": "Places", "zh": "地名", "ja": "地名"}, "Point", "static",
              {"color": "#4d4d4d", "size": 5, "text_size": 12, "text_color": "#1f1f1f"}),
    LayerSpec("events", {"en": "Events", "zh": "事件", "ja": "出来事"}, "Point", "static",
              {"color": "#e6801f", "size": 20, "lit_opacity": 0.85, "dim_opacity": 0.3,
               "before_days": 14, "after_days": 90}, browser_drawn=True),
    LayerSpec("shipments", {"en": "Aid shipments", "zh": "援助物资", "ja": "援助物資"}, "Point",
              "path", {"color": "#01665e", "size": 13}, browser_drawn=True),
    LayerSpec("deployments", {"en": "Forces", "zh": "部队", "ja": "部隊"}, "Point", "track",
              {"min_radius": 5, "max_radius": 22, "unknown_radius": 6, "per_sqrt_thousand": 3.0,
               "transit_days": 30, "arrow_days": 10}, browser_drawn=True),
    LayerSpec("borders", {"en": "Borders of the day", "zh": "当时疆界", "ja": "当時の国境"},
              "Polygon", "basemap", {"fill_opacity": 0.22, "overlay_opacity": 0.35,
                                     "line_width": 1.2}),
)  # fmt: skip
LAYER_IDS = tuple(spec.id for spec in LAYERS)
#: The layers read from ``geodata/layers/<id>.geojson`` (the borders come with the basemap).
DATA_LAYERS = tuple(spec.id for spec in LAYERS if spec.motion != "basemap")


def layer_spec(layer_id: str) -> LayerSpec:
    """The spec of ``layer_id``.

    Raises
    ------
    KeyError
        Naming the unknown layer and the known ones.

    Examples
    --------
    >>> layer_spec("routes").geometry
    'LineString'
    """
    for spec in LAYERS:
        if spec.id == layer_id:
            return spec
    raise KeyError(f"unknown layer {layer_id!r}; known layers: {', '.join(LAYER_IDS)}")


#: The markers a unit can be drawn with, each as its outline in a unit square (x right, y
#: down, 0..1; the circle has none). The engine draws them as images; the legend clips its
#: swatches to them.
MARKER_SHAPES = MappingProxyType({
    "circle": (),
    "square": ((0.1, 0.1), (0.9, 0.1), (0.9, 0.9), (0.1, 0.9)),
    "triangle": ((0.5, 0.0), (1.0, 0.9), (0.0, 0.9)),
    "diamond": ((0.5, 0.0), (1.0, 0.5), (0.5, 1.0), (0.0, 0.5)),
    "pentagon": ((0.5, 0.0), (1.0, 0.38), (0.81, 0.96), (0.19, 0.96), (0.0, 0.38)),
    "hexagon": ((0.25, 0.07), (0.75, 0.07), (1.0, 0.5), (0.75, 0.93), (0.25, 0.93), (0.0, 0.5)),
    "star": ((0.5, 0.0), (0.62, 0.35), (0.98, 0.35), (0.69, 0.57), (0.79, 0.91), (0.5, 0.7),
             (0.21, 0.91), (0.31, 0.57), (0.02, 0.35), (0.38, 0.35)),
    "cross": ((0.33, 0.0), (0.67, 0.0), (0.67, 0.33), (1.0, 0.33), (1.0, 0.67), (0.67, 0.67),
              (0.67, 1.0), (0.33, 1.0), (0.33, 0.67), (0.0, 0.67), (0.0, 0.33), (0.33, 0.33)),
})  # fmt: skip


@dataclass(frozen=True)
class Nation:
    """How the map draws a nation's units: a colour, a marker shape and its names."""

    color: str
    shape: str  # one of MARKER_SHAPES
    names: dict[str, str]


#: Nation code (as in geodata) -> colour, marker and names. The legend lists the ones on the
#: map. A colour-blind reader tells apart any two nations on the map on one day by colour
#: (CIEDE2000 >= 10 under full deuteranopia and protanopia) or by shape:
#: ``tests/components/atlas/test_palette.py`` checks every day and prints the closest pairs.
NATIONS = MappingProxyType({
    "JPN": Nation("#c0392b", "circle", {"en": "Japan", "zh": "日本", "ja": "日本"}),
    "MCK": Nation("#ac8e29", "diamond", {"en": "Manchukuo", "zh": "满洲国", "ja": "満洲国"}),
    "USA": Nation("#1f4e9c", "circle", {"en": "United States", "zh": "美国", "ja": "アメリカ"}),
    "GBR": Nation("#d56fa6", "triangle", {"en": "United Kingdom", "zh": "英国", "ja": "イギリス"}),
    "CAN": Nation("#35978f", "diamond", {"en": "Canada", "zh": "加拿大", "ja": "カナダ"}),
    "FRA": Nation("#8f8cb9", "square", {"en": "France", "zh": "法国", "ja": "フランス"}),
    "ITA": Nation("#8c510a", "cross", {"en": "Italy", "zh": "意大利", "ja": "イタリア"}),
    "POL": Nation("#c51b7d", "triangle", {"en": "Poland", "zh": "波兰", "ja": "ポーランド"}),
    "CZE": Nation("#62a219", "triangle",
                  {"en": "Czechoslovak Legion", "zh": "捷克军团", "ja": "チェコ軍団"}),
    "WHT": Nation("#8c8c8c", "hexagon", {"en": "White Russians", "zh": "白军", "ja": "白軍"}),
    "SOV": Nation("#7a0177", "star",
                  {"en": "Soviet Russia / USSR", "zh": "苏俄/苏联", "ja": "ソビエト"}),
    "FER": Nation("#f36344", "star",
                  {"en": "Far Eastern Republic", "zh": "远东共和国", "ja": "極東共和国"}),
    "MNG": Nation("#3690c0", "circle", {"en": "Mongolia", "zh": "蒙古", "ja": "モンゴル"}),
    "CHN": Nation("#1b7837", "square", {"en": "China", "zh": "中国", "ja": "中国"}),
})  # fmt: skip
OTHER_NATION = Nation("#555555", "pentagon", {"en": "Other", "zh": "其他", "ja": "その他"})

#: How a leg of a moving unit is drawn, by the kind of movement the sources give
#: (``movement`` on a waypoint, :data:`geodata.model.MOVEMENTS`); ``None``: not said. Width in
#: pixels, dash in line widths (``[1, 0]`` is solid), arrowhead size as a factor.
MOVEMENT_STYLES = MappingProxyType({
    "attack": {"width": 4.5, "dash": [1, 0], "head": 1.0},
    "advance": {"width": 3.0, "dash": [1, 0], "head": 0.8},
    "withdrawal": {"width": 2.5, "dash": [2.5, 1.5], "head": 0.7},
    "transfer": {"width": 2.0, "dash": [0.4, 1.6], "head": 0.6},
    None: {"width": 2.5, "dash": [2, 1.5], "head": 0.75},
})  # fmt: skip
MOVEMENTS = tuple(k for k in MOVEMENT_STYLES if k)
#: The legend's colour for the kinds of movement (on the map each leg has its nation's).
MOVEMENT_COLOR = "#3a3a3a"

#: Route mode -> colour and line width (pixels).
MODES = MappingProxyType({
    "air": ("#8e44ad", 2.0),
    "sea": ("#1f78b4", 3.0),
    "land": ("#a0522d", 3.0),
    "rail": ("#2d2d2d", 2.5),
})  # fmt: skip


@dataclass(frozen=True)
class Period:
    """A quick jump on the timeline: a span and the view that shows it."""

    id: str
    labels: dict[str, str]
    start: str
    end: str
    center: tuple[float, float]  # lon, lat
    zoom: float


PERIODS: tuple[Period, ...] = (
    Period("intervention", {"en": "Intervention 1918-22", "zh": "武装干涉 1918-22",
           "ja": "シベリア出兵 1918-22"}, "1918-08-02", "1922-10-25", (122.0, 50.0), 2.6),
    Period("border", {"en": "Border crossings 1931-33", "zh": "越境 1931-33",
           "ja": "越境 1931-33"}, "1931-09-18", "1933-05-31", (125.0, 46.0), 3.6),
    Period("aid", {"en": "Aid years 1937-41", "zh": "援华 1937-41", "ja": "援蒋 1937-41"},
           "1937-08-21", "1941-04-13", (100.0, 40.0), 2.8),
    Period("khasan", {"en": "Lake Khasan 1938", "zh": "张鼓峰 1938", "ja": "張鼓峰 1938"},
           "1938-07-29", "1938-08-11", (130.68, 42.6), 7.8),
    Period("khalkhin-gol", {"en": "Khalkhin Gol 1939", "zh": "诺门罕 1939",
           "ja": "ノモンハン 1939"}, "1939-05-11", "1939-09-16", (118.62, 47.76), 8.5),
)  # fmt: skip

#: Play speeds: how far one step of the animation goes.
SPEEDS = MappingProxyType({"day": 1, "week": 7, "month": "month"})
DEFAULT_SPEED = "week"
#: Milliseconds between animation steps while playing.
PLAY_INTERVAL_MS = 250
#: How long the guided tour stays on each key moment (milliseconds): time to read its quote.
TOUR_MS = 9000
#: The first view: the Russian Far East, Manchuria and Mongolia.
DEFAULT_VIEW = MappingProxyType({"lon": 124.0, "lat": 46.0, "zoom": 3.0})

#: The PNG of the view: the scales offered (device pixels per CSS pixel) and the composed
#: image in CSS pixels: a title band above the map, a legend column on its right and an
#: attribution band below both.
SNAPSHOT_SCALES = (1, 2, 4)
SNAPSHOT_DEFAULT_SCALE = 2
SNAPSHOT_LAYOUT = MappingProxyType({
    "header": 64, "legend": 220, "footer": 64, "pad": 14,
    "title_size": 22, "subtitle_size": 13, "date_size": 24, "legend_size": 13,
    "legend_row": 20, "attribution_size": 11, "attribution_line": 15,
    "background": "#fbfaf7", "band": "#26323c", "band_text": "#f4f1ea", "text": "#1f2328",
})  # fmt: skip
#: The animation form's default span: from the map's date, this many days on.
ANIMATION_DAYS = 28
