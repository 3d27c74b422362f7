"""Side panels built from the registry and the data: layer toggles, legend, details.

All pure functions returning Dash components, tested without a browser.

>>> [o["value"] for o in layer_options("en")]
['routes', 'places', 'events', 'shipments', 'deployments', 'borders']
"""

from __future__ import annotations

from dash import html

from components.atlas.data import Atlas
from components.atlas.i18n import LANG_LABELS, LANGS, NAME_LANG_LABELS, pick_name, text
from components.atlas.legend import legend_entries
from components.atlas.registry import (
    LAYERS,
    MARKER_SHAPES,
    MODES,
    NATIONS,
    OTHER_NATION,
    layer_spec,
)
from components.atlas.timeline import day_number, format_date, format_span, iso_date
from geodata.translations import translations


def layer_options(lang: str) -> list[dict]:
    """Options of the layer checklist, labelled in ``lang``.

    Examples
    --------
    >>> layer_options("zh")[0]
    {'label': '路线', 'value': 'routes'}
    """
    return [
        {"label": spec.labels.get(lang, spec.labels["en"]), "value": spec.id} for spec in LAYERS
    ]


#: A movement's line in the legend: solid (attack, thicker; advance), dashed (withdrawal),
#: dotted (transfer), as the engine draws the legs (``assets/fea-3-overlays.js``).
_MOVE_LINES = {
    "attack": "{c}",
    "advance": "{c}",
    "withdrawal": "repeating-linear-gradient(90deg, {c} 0 5px, transparent 5px 8px)",
    "transfer": "repeating-linear-gradient(90deg, {c} 0 2px, transparent 2px 5px)",
}


def _swatch(color: str, shape: str = "dot") -> html.Span:
    if shape.startswith("move-"):
        line = _MOVE_LINES[shape[5:]].format(c=color)
        return html.Span(className=f"swatch swatch-move {shape}",
                         style={"background": line, "color": color})  # fmt: skip
    style = {"background": color}
    if MARKER_SHAPES.get(shape):  # a nation's marker other than the circle: clip to its outline
        outline = ", ".join(f"{x:.0%} {y:.0%}" for x, y in MARKER_SHAPES[shape])
        style.update(borderRadius="0", clipPath=f"polygon({outline})")
    return html.Span(className=f"swatch swatch-{shape}", style=style)


def legend(atlas: Atlas, lang: str) -> list:
    """Legend rows: nations of the units on the map, route modes, events and shipments.

    Drawn from :func:`components.atlas.legend.legend_entries`, as every export's legend is.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> rows = legend(load_atlas(FIXTURE_DIR), "en")
    >>> [r.children[1] for r in rows][:3]
    ['United States', 'Japan', 'advance']
    """
    rows = []
    for entry in legend_entries(atlas):
        extra = {"data-nation": entry["nation"]} if "nation" in entry else {}
        rows.append(html.Div([_swatch(entry["color"], entry["shape"]), entry["labels"][lang]],
                             className="legend-row", **extra))  # fmt: skip
    return rows


def _translation(quote: str, lang: str) -> list:
    # the atlas' own translation of a quote, beneath it, marked as ours (none in its language)
    found = translations().get(quote, {}).get(lang)
    if not found:
        return []
    return [html.P([html.Span(text("translation", lang) + ": ", className="translation-mark"),
                    found], className="translation", lang=lang)]  # fmt: skip


def _sources(source, lang: str) -> html.Div:
    """The citations, each quote once, in the seed's words with the atlas' translation."""
    cites = source if isinstance(source, list) else [source] if source else []
    seen, items = set(), []
    for c in cites:
        if not isinstance(c, dict) or (c.get("document"), c.get("quote")) in seen:
            continue
        seen.add((c.get("document"), c.get("quote")))
        items.append(html.Figure([html.Blockquote(c.get("quote", ""), className="quote"),
                                  *_translation(c.get("quote", ""), lang),
                                  html.Figcaption(html.Cite(c.get("document", "")))],
                                 className="citation"))  # fmt: skip
    return html.Div([html.H4(text("sources", lang)), *items], className="details-sources")


def _names(names: dict | None) -> html.Dl:
    rows = []
    for code, label in NAME_LANG_LABELS.items():
        if (names or {}).get(code):
            rows += [html.Dt(label), html.Dd(names[code], lang=code)]
    return html.Dl(rows, className="details-names")


def _facts(pairs: list[tuple[str, object]]) -> html.Dl:
    rows = []
    for label, value in pairs:
        if value not in (None, "", {}, []):
            rows += [html.Dt(label), html.Dd(str(value))]
    return html.Dl(rows, className="details-facts")


def _precision(props: dict) -> str:
    found = props.get("precision")
    return found if found in ("year", "month", "day") else "day"


def _dates(props: dict, lang: str) -> str:
    return format_span(props["start"], props["end"], _precision(props), lang)


def feature_details(feature: dict, lang: str) -> list:
    """The details panel for one feature of a static layer (place, route, shipment, event).

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> out = feature_details(load_atlas(FIXTURE_DIR).feature("lake-khasan-battle"), "en")
    >>> out[0].children, len(out[-1].children)
    ('Battle of Lake Khasan', 3)
    """
    props = feature["properties"]
    figures = ", ".join(f"{k}: {v:,}" if isinstance(v, int) else f"{k}: {v}"
                        for k, v in (props.get("figures") or {}).items())  # fmt: skip
    facts = _facts([
        (text("dates", lang), _dates(props, lang)),
        (text("mode", lang), text(props["mode"], lang) if props.get("mode") in MODES else None),
        (text("amount", lang), f"{props['amount_usd']:,}" if props.get("amount_usd") else None),
        (text("contents", lang), pick_name(props.get("contents"), lang)),
        (text("place", lang), props.get("place")),
        (text("figures", lang), figures),
        (text("note", lang), props.get("note")),
        (text("atlas_note", lang), props.get("atlas_note")),
        (text("approximate", lang), "✓" if props.get("approximate") else None),
    ])  # fmt: skip
    return [html.H3(pick_name(props.get("names"), lang), className="details-title"),
            _names(props.get("names")), *_name_periods(props, lang), facts,
            _sources(props.get("source"), lang)]  # fmt: skip


def _name_periods(props: dict, lang: str) -> list:
    """The names of a renamed place through time, each with its dates and where the date
    comes from (a gazetteer fact, or the seed that uses the name)."""
    rows = []
    for period in props.get("name_periods") or []:
        when = f"{period['start'] or '…'} – {period['end'] or '…'}"
        names = " / ".join(dict.fromkeys(v for v in period["names"].values() if v))
        rows += [html.Dt(when), html.Dd([names, html.Small(f" ({period['from']})")])]
    return [html.H4(text("names_of_the_date", lang)), html.Dl(rows, className="details-names")] \
        if rows else []  # fmt: skip


def unit_details(atlas: Atlas, unit: dict, lang: str, day: int) -> list:
    """The details panel for a moving unit: its names, nation, waypoints so far and sources.

    Waypoints up to ``day`` come first, latest first, each with its citation.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> atlas = load_atlas(FIXTURE_DIR)
    >>> out = unit_details(atlas, atlas.units[0], "en", day_number("1918-09-10"))
    >>> out[0].children
    'American Expeditionary Force, Siberia'
    >>> out[-1].children[1].children[0].children
    'American troops reached Khabarovsk.'
    """
    waypoints = [atlas.feature(w) for w in unit["waypoints"]]
    passed = [w for w in waypoints if day_number(w["properties"]["start"]) <= day]
    ordered = list(reversed(passed)) + [w for w in waypoints if w not in passed]
    nation = pick_name(NATIONS.get(unit["nation"], OTHER_NATION).names, lang)
    rows = []
    for w in ordered:
        props = w["properties"]
        place = pick_name(props.get("place_names"), lang) or props.get("place", "")
        strength = props.get("strength")
        when = format_date(props["start"], _precision(props), lang)
        label = f"{when} · {place}" + (f" · {strength:,}" if strength else "")
        future = "" if w in passed else " future"
        items = [html.Li(label, className="waypoint" + future)]
        if props.get("gap_after") and w is not waypoints[-1]:
            # the sources lose the unit after this waypoint: it is not drawn until the next
            after = waypoints[waypoints.index(w) + 1]["properties"]["start"]
            lost = format_span(props["end"], after, "day", lang)
            gap = html.Li(
                f"{lost} · {text('position_unknown', lang)}",
                className="waypoint gap" + future,
            )
            items = [gap, *items] if w in passed else [*items, gap]  # latest first, then on
        rows += items
    known = waypoints[0]["properties"].get("strength_variants") or []
    variants = [f"{v['strength']:,}" for v in known]
    facts = _facts([(text("nation", lang), nation),
                    (text("dates", lang), format_span(
                        waypoints[0]["properties"]["start"],
                        max(w["properties"]["end"] for w in waypoints), "day", lang)),
                    (text("strength", lang), " / ".join(variants) or None),
                    *_unit_notes(passed[-1] if passed else waypoints[0], lang)])  # fmt: skip
    cites = []
    for w in ordered:
        src = w["properties"].get("source")
        cites += src if isinstance(src, list) else [src] if src else []
    return [html.H3(pick_name(unit["names"], lang), className="details-title"),
            _names(unit["names"]), facts, html.Ol(rows, className="waypoints"),
            _sources(cites, lang)]  # fmt: skip


def _unit_notes(waypoint: dict, lang: str) -> list[tuple[str, object]]:
    # the waypoint of the day carries its own note and the unit's (the build joins them)
    props = waypoint["properties"]
    return [(text("note", lang), props.get("note")),
            (text("atlas_note", lang), props.get("atlas_note")),
            (text("approximate", lang), "✓" if props.get("approximate") else None)]  # fmt: skip


def border_details(feature: dict, lang: str) -> list:
    """The details panel for a political unit of the borders of the day: its names, its
    dates, how it was drawn (every border is approximate) and its sources, if any.

    Examples
    --------
    >>> from components.basemap.borders import border_feature
    >>> out = border_details(border_feature("fer@1920-04-06"), "zh")
    >>> out[0].children, out[1].children, out[3].children[1].children
    ('远东共和国', '当时疆界', '1920年4月6日 – 1922年11月14日')
    """
    props = feature["properties"]
    facts = _facts([
        (text("dates", lang), format_span(props["start"], props["end"], "day", lang)),
        (text("note", lang), props.get("note")),
        (text("border_approximate", lang), "✓" if props.get("approximate") else None),
    ])  # fmt: skip
    kind = layer_spec("borders").labels[lang]
    out = [html.H3(pick_name(props.get("names"), lang), className="details-title"),
           html.P(kind, className="details-kind"), _names(props.get("names")), facts]  # fmt: skip
    if props.get("sources"):
        out.append(_sources(props["sources"], lang))
    return out


def details_panel(atlas: Atlas, feature_id: str | None, lang: str, day: int) -> list:
    """What the details panel shows for the clicked ``feature_id`` (a hint when none).

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> details_panel(load_atlas(FIXTURE_DIR), None, "en", 0)[0].children
    'Click anything on the map to read what the sources say.'
    """
    found = atlas.feature(feature_id) if feature_id else None
    if found is None:
        return [html.P(text("details_hint", lang), className="hint")]
    if "unit" in found:
        return unit_details(atlas, found["unit"], lang, day)
    return feature_details(found, lang)


def language_options() -> list[dict]:
    """Options of the language switch, each named in its own language.

    Examples
    --------
    >>> [o["value"] for o in language_options()]
    ['en', 'zh', 'ja']
    """
    return [{"label": LANG_LABELS[code], "value": code} for code in LANGS]


def moment_panel(items: list[dict], index: int, lang: str) -> list:
    """The guide panel body for moment ``index`` (wrapped into range) of ``items``.

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> from components.atlas.guide import moments
    >>> body = moment_panel(moments(load_atlas(FIXTURE_DIR)), 1, "ja")
    >>> body[0].children, body[1].children
    ('2 / 3 · 1938年7月29日', '張鼓峰事件')
    """
    if not items:
        return [html.P(text("no_data", lang), className="hint")]
    moment = items[index % len(items)]
    quotes = [html.Figure([html.Blockquote(c.get("quote", ""), className="quote"),
                           html.Figcaption(html.Cite(c.get("document", "")))],
                          className="citation") for c in moment["sources"]]  # fmt: skip
    return [
        html.Div(
            f"{index % len(items) + 1} / {len(items)} · "
            f"{format_date(iso_date(moment['day']), 'day', lang)}",
            className="guide-count",
        ),
        html.H4(pick_name(moment["names"], lang), className="guide-title"),
        *quotes,
    ]
