"""Reading one YAML record into the model, field by field, noting every problem with its place.

Problems read ``file:line: kind[index] 'id': field 'name': expected ..., got ...``.
"""

from __future__ import annotations

from geodata.dates import DateSpan, parse_date
from geodata.model import (
    _ID,
    LANGS,
    MODES,
    MOVEMENT_WORDS,
    MOVEMENTS,
    NATIONS,
    PLACE_KINDS,
    SIDES,
    Citation,
    Deployment,
    Event,
    Origin,
    Place,
    Route,
    Shipment,
    StrengthVariant,
    Waypoint,
)

_BUILDERS = {}


def _builder(kind: str):
    def register(func):
        _BUILDERS[kind] = func
        return func

    return register


class Fields:
    """Typed access to the fields of one record; every failure is noted, none is raised."""

    def __init__(self, file: str, kind: str, index: int, data: object, problems: list[str]):
        self.file, self.kind, self.index, self.problems = file, kind, index, problems
        self.data = data if isinstance(data, dict) else {}
        self.line = getattr(data, "line", 0)
        rid = self.data.get("id")
        self.label = f"{kind}[{index}]" + (f" {rid!r}" if rid else "")
        self.parent: Fields | None = None
        self.ok = isinstance(data, dict)
        if not self.ok:
            self.problems.append(f"{self.origin}: {self.label}: expected a mapping, got {data!r}")

    @property
    def origin(self) -> Origin:
        return Origin(self.file, self.line)

    def fail(self, name: str, message: str, line: int | None = None) -> None:
        where = Origin(self.file, line or self.line)
        self.problems.append(f"{where}: {self.label}: field {name!r}: {message}")
        self.ok = False
        if self.parent is not None:
            self.parent.ok = False

    def sub(self, name: str, data: object) -> Fields:
        """Fields of a nested mapping (a waypoint), reporting under this record."""
        child = Fields(self.file, self.kind, self.index, {}, self.problems)
        child.data = data if isinstance(data, dict) else {}
        child.line = getattr(data, "line", self.line)
        child.label = f"{self.label} {name}"
        child.parent = self
        if not isinstance(data, dict):
            self.fail(name, f"expected a mapping, got {data!r}")
        return child

    def _get(self, name, required):
        if name not in self.data or self.data[name] is None:
            if required:
                self.fail(name, "is required")
            return None
        return self.data[name]

    def text(self, name: str, required: bool = False) -> str | None:
        value = self._get(name, required)
        if value is not None and not isinstance(value, str):
            self.fail(name, f"expected text, got {value!r}")
            return None
        return value

    def choice(self, name: str, options, required: bool = True) -> str | None:
        value = self.text(name, required)
        if value is not None and value not in options:
            self.fail(name, f"expected one of {', '.join(options)}, got {value!r}")
            return None
        return value

    def integer(self, name: str) -> int | None:
        value = self._get(name, False)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            self.fail(name, f"expected a whole number or null, got {value!r}")
            return None
        return value

    def flag(self, name: str) -> bool:
        value = self._get(name, False)
        if value is not None and not isinstance(value, bool):
            self.fail(name, f"expected true or false, got {value!r}")
            return False
        return bool(value)

    def date(self, name: str, required: bool = False) -> DateSpan | None:
        value = self._get(name, required)
        if value is None:
            return None
        try:
            return parse_date(value)
        except ValueError as exc:
            self.fail(name, str(exc))
            return None

    def names(self, name: str = "names", required: bool = True) -> dict[str, str]:
        value = self._get(name, required)
        if value is None:
            return {}
        if isinstance(value, str):
            return {"en": value}
        if not isinstance(value, dict) or not isinstance(value.get("en"), str):
            self.fail(name, f"expected a mapping with at least 'en' (of {LANGS}), got {value!r}")
            return {}
        bad = [k for k, v in value.items() if k not in LANGS or not isinstance(v, str)]
        if bad:
            self.fail(name, f"expected text for languages {LANGS}, got keys {bad}")
        return {k: v for k, v in value.items() if k in LANGS and isinstance(v, str)}

    def sources(self, required: bool = True) -> list[Citation]:
        value = self._get("source", required)
        if value is None:
            return []
        items = value if isinstance(value, list) else [value]
        out = []
        for item in items:
            doc = item.get("document") if isinstance(item, dict) else None
            quote = item.get("quote") if isinstance(item, dict) else None
            if not (isinstance(doc, str) and isinstance(quote, str) and quote.strip()):
                self.fail("source", f"expected {{document, quote}} with text, got {item!r}")
                continue
            out.append(Citation(doc, quote))
        return out

    def common(self) -> dict:
        rid = self.text("id", required=True)
        if rid is not None and not _ID.match(rid):
            self.fail("id", f"expected lower-case letters, digits and '-', got {rid!r}")
        return dict(
            id=rid or "",
            origin=self.origin,
            sources=self.sources(),
            note=self.text("note"),
            approximate=self.flag("approximate"),
            atlas_note=self.text("atlas_note"),
        )

    def build(self):
        """The record, or ``None`` when any field was wrong (its problems noted)."""
        if not self.ok:
            return None
        record = _BUILDERS[self.kind](self)
        return record if self.ok else None


@_builder("places")
def _place(f: Fields) -> Place:
    return Place(
        **f.common(),
        names=f.names(),
        kind=f.choice("kind", PLACE_KINDS) or "city",
        geocode=f.text("geocode"),
    )


@_builder("deployments")
def _deployment(f: Fields) -> Deployment:
    common = f.common()
    unit = f.names("unit")
    waypoints = []
    raw = f.data.get("waypoints")
    unknown = f.choice("position", ("unknown",), required=False) == "unknown"
    start = f.date("start", required=unknown)
    if unknown and raw:
        f.fail("waypoints", "expected no waypoints with 'position: unknown'")
    elif not unknown and (not isinstance(raw, list) or not raw):
        f.fail("waypoints", f"expected a non-empty list of waypoints, got {raw!r}")
    for i, item in enumerate(raw if isinstance(raw, list) else []):
        if (wp := _waypoint(f.sub(f"waypoints[{i}]", item), common["sources"])) is not None:
            waypoints.append(wp)
    days = [w.date.start for w in waypoints]
    if days != sorted(days):
        f.fail("waypoints", f"expected waypoints in date order, got {days}")
    variants = []
    for i, item in enumerate(f.data.get("strength_variants") or []):
        v = f.sub(f"strength_variants[{i}]", item)
        variants.append(StrengthVariant(v.integer("strength"), v.sources()))
    return Deployment(
        **common,
        names=unit,
        side=f.choice("side", SIDES) or "",
        nation=f.choice("nation", sorted(NATIONS)) or "",
        strength=f.integer("strength"),
        strength_variants=variants,
        end=f.date("end"),
        waypoints=waypoints,
        start=start,
        short=f.names("short", required=False),
    )


def _waypoint(w: Fields, unit_sources: list[Citation]) -> Waypoint | None:
    span = w.date("date", required=True)
    place = w.text("place", required=True)
    sources = w.sources(required=False) or unit_sources
    end = w.date("end")
    if span and end and end.end < span.start:
        w.fail("end", f"expected a day on or after the waypoint's date {span.start}, got {end.end}")
    movement = w.choice("movement", MOVEMENTS, required=False)
    words = MOVEMENT_WORDS.get(movement, ())
    if words and not any(word in c.quote for c in sources for word in words):
        w.fail("movement", f"expected a quote of this waypoint saying {movement!r} (one of "
               f"{', '.join(words)}), got none")  # fmt: skip
    if not (span and place):
        return None
    return Waypoint(span, place, w.origin, sources, w.integer("strength"),
                    w.flag("approximate"), w.text("note"), end, movement)  # fmt: skip


@_builder("routes")
def _route(f: Fields) -> Route:
    via = f.data.get("via")
    if not (isinstance(via, list) and len(via) >= 2 and all(isinstance(v, str) for v in via)):
        f.fail("via", f"expected a list of at least two place ids or names, got {via!r}")
        via = []
    return Route(
        **f.common(),
        names=f.names(),
        mode=f.choice("mode", MODES) or "land",
        start=f.date("start", required=True),
        end=f.date("end"),
        via=list(via),
    )


@_builder("shipments")
def _shipment(f: Fields) -> Shipment:
    return Shipment(
        **f.common(),
        names=f.names(),
        batch=f.integer("batch"),
        amount_usd=f.integer("amount_usd"),
        route=f.text("route"),
        start=f.date("start", required=True),
        end=f.date("end"),
        contents=f.names("contents", required=False),
    )


@_builder("events")
def _event(f: Fields) -> Event:
    figures = f.data.get("figures") or {}
    if not isinstance(figures, dict):
        f.fail("figures", f"expected a mapping of name: number or text, got {figures!r}")
        figures = {}
    return Event(
        **f.common(),
        names=f.names(),
        start=f.date("start", required=True),
        end=f.date("end"),
        place=_event_place(f),
        figures=dict(figures),
    )


def _event_place(f: Fields) -> str | None:
    """The event's place id; ``None`` for a timeline-only event (``timeline_only: true``)."""
    if f.flag("timeline_only"):
        if f.data.get("place") is not None:
            f.fail("place", "expected no place for a timeline-only event")
        return None
    return f.text("place", required=True)
