"""Deep links: the page state in the URL's query string, read back with notices.

``/?date=1939-08-20&lang=zh&layers=deployments,events&view=118.5,47.6,6`` restores the date,
the language, the visible layers and the view. A bad parameter is ignored and named in a
notice; it never breaks the page.

>>> state, notices = parse_query("?date=1939-08-20&lang=zh", (0, 20000))
>>> state["day"], state["lang"], notices
(14475, 'zh', [])
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode

from components.atlas.i18n import LANGS
from components.atlas.registry import LAYER_IDS
from components.atlas.timeline import day_number, iso_date

KEYS = ("date", "lang", "layers", "view")


def _view(value: str) -> dict:
    parts = value.split(",")
    if len(parts) != 3:
        raise ValueError("expected lon,lat,zoom")
    lon, lat, zoom = (float(p) for p in parts)
    if not (-180 <= lon <= 180 and -85 <= lat <= 85 and 0 <= zoom <= 22):
        raise ValueError("lon, lat or zoom out of range")
    return {"lon": lon, "lat": lat, "zoom": zoom}


def _layers(value: str) -> tuple[list[str], list[str]]:
    asked = [v.strip() for v in value.split(",") if v.strip()]
    return [v for v in asked if v in LAYER_IDS], [v for v in asked if v not in LAYER_IDS]


def parse_query(search: str | None, span: tuple[int, int]) -> tuple[dict, list[str]]:
    """Read the page state from a query string.

    Parameters
    ----------
    search : str or None
        The URL's query string, with or without the leading ``?``.
    span : tuple of int
        First and last day number of the timeline: dates outside it are refused.

    Returns
    -------
    state : dict
        ``day``, ``lang``, ``layers`` and ``view``; None where the URL does not set them.
    notices : list of str
        One line per ignored parameter, naming it and why.

    Examples
    --------
    >>> for notice in parse_query("?date=1939-02-30&layers=events,bogus&zoom=3", (0, 9**9))[1]:
    ...     print(notice)
    date='1939-02-30': expected a real calendar date, got '1939-02-30'
    layers: unknown layer 'bogus'
    zoom: unknown parameter
    >>> parse_query("?layers=", (0, 1))[0]["layers"]
    []
    """
    state: dict = {"day": None, "lang": None, "layers": None, "view": None}
    notices: list[str] = []
    params = parse_qs((search or "").lstrip("?"), keep_blank_values=True)
    for key, values in params.items():
        value = values[-1].strip()
        if key not in KEYS:
            notices.append(f"{key}: unknown parameter")
        elif key == "date":
            try:
                day = day_number(value)
            except ValueError as exc:
                notices.append(f"date={value!r}: {exc}")
                continue
            if not span[0] <= day <= span[1]:
                notices.append(f"date={value!r}: outside {iso_date(span[0])} – {iso_date(span[1])}")
            else:
                state["day"] = day
        elif key == "lang":
            if value in LANGS:
                state["lang"] = value
            else:
                notices.append(f"lang={value!r}: expected one of {', '.join(LANGS)}")
        elif key == "layers":
            state["layers"], unknown = _layers(value)
            notices += [f"layers: unknown layer {u!r}" for u in unknown]
        else:
            try:
                state["view"] = _view(value)
            except ValueError as exc:
                notices.append(f"view={value!r}: {exc}")
    return state, notices


def to_query(day: int, lang: str, layers: list[str], view: dict | None = None) -> str:
    """The query string for a page state (``assets/atlas.js`` writes the same).

    Examples
    --------
    >>> to_query(14475, "zh", ["events", "places"], {"lon": 118.5, "lat": 47.6, "zoom": 6})
    '?date=1939-08-20&lang=zh&layers=events%2Cplaces&view=118.5%2C47.6%2C6'
    """
    params = {"date": iso_date(day), "lang": lang, "layers": ",".join(layers)}
    if view:
        params["view"] = ",".join(f"{round(view[k], 4):g}" for k in ("lon", "lat", "zoom"))
    return "?" + urlencode(params)
