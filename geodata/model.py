"""The record model: what a cited source record is, and the vocabularies its fields use."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from geodata.dates import DateSpan

KINDS = ("places", "deployments", "routes", "shipments", "events")
PLACE_KINDS = "city port station village river lake height strait canal sea region".split()
SIDES = ("intervention", "white", "soviet", "japanese", "chinese")
#: Nation codes: the colour key of the map's legend.
NATIONS = {
    "JPN": "Japan", "USA": "United States", "GBR": "United Kingdom", "CAN": "Canada",
    "FRA": "France", "ITA": "Italy", "CHN": "China", "POL": "Poland",
    "CZE": "Czechoslovak Legion", "WHT": "White Russians", "SOV": "Soviet Russia / USSR",
    "FER": "Far Eastern Republic", "MNG": "Mongolia", "MCK": "Manchukuo",
}  # fmt: skip
MODES = ("air", "sea", "land", "rail")
LANGS = ("en", "zh", "ja", "ru")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
#: How a unit reached a waypoint, where the sources say which, and the words (zh, ja) one of
#: the waypoint's quotes must hold for it: the movement is cited like every other fact.
MOVEMENT_WORDS = {
    "attack": ("攻", "突袭", "突击", "突撃", "襲", "反击", "反撃", "合围", "包抄", "夺取", "奪取"),
    "advance": ("进", "進", "占领", "占領", "追击", "追撃", "收复"),
    "withdrawal": ("撤", "退", "潰走", "溃"),
    "transfer": ("转到", "转用", "転用", "调", "移駐", "运送", "輸送", "海运", "前往"),
}
MOVEMENTS = tuple(MOVEMENT_WORDS)


@dataclass(frozen=True)
class Citation:
    """A seed document's file name and a verbatim quote from it."""

    document: str
    quote: str


@dataclass(frozen=True)
class Origin:
    """Where a record was written: file and line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass
class Record:
    """What every record has."""

    id: str
    origin: Origin
    sources: list[Citation]
    names: dict[str, str] = field(default_factory=dict)
    note: str | None = None
    approximate: bool = False
    #: where the seed and better-known accounts differ: the atlas' own words, never the source's
    atlas_note: str | None = None


@dataclass
class Place(Record):
    kind: str = "city"
    geocode: str | None = None


@dataclass
class Waypoint:
    date: DateSpan
    place: str
    origin: Origin
    sources: list[Citation]
    strength: int | None = None
    approximate: bool = False
    note: str | None = None
    #: the last day the seeds support at this place; after it, the position is unknown (a gap)
    end: DateSpan | None = None
    #: how the unit came here from its last waypoint (:data:`MOVEMENTS`), where a quote says
    movement: str | None = None


@dataclass
class StrengthVariant:
    strength: int | None
    sources: list[Citation]


@dataclass
class Deployment(Record):
    side: str = ""
    nation: str = ""
    strength: int | None = None
    strength_variants: list[StrengthVariant] = field(default_factory=list)
    end: DateSpan | None = None
    waypoints: list[Waypoint] = field(default_factory=list)
    #: with no waypoint (no seed names a place): the span the unit is known to exist
    start: DateSpan | None = None
    #: the label on the map, per language, where the name is too long ("US AEF")
    short: dict[str, str] = field(default_factory=dict)


@dataclass
class Route(Record):
    mode: str = "land"
    start: DateSpan | None = None
    end: DateSpan | None = None
    via: list[str] = field(default_factory=list)


@dataclass
class Shipment(Record):
    batch: int | None = None
    amount_usd: int | None = None
    route: str | None = None
    start: DateSpan | None = None
    end: DateSpan | None = None
    contents: dict[str, str] = field(default_factory=dict)


@dataclass
class Event(Record):
    start: DateSpan | None = None
    end: DateSpan | None = None
    place: str | None = None
    figures: dict[str, object] = field(default_factory=dict)


@dataclass
class Records:
    """All records, by kind, each keyed by id."""

    places: dict[str, Place] = field(default_factory=dict)
    deployments: dict[str, Deployment] = field(default_factory=dict)
    routes: dict[str, Route] = field(default_factory=dict)
    shipments: dict[str, Shipment] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
