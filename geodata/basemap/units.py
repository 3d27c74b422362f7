"""Read the political units of the period borders from ``borders.yaml``, with clear errors.

The units are cited data, like the source records (:mod:`geodata.records`): each period has
its dates, names, parts and note, and a ``source`` (a seed document and a quote standing in it
verbatim) where a seed states the fact. Reading collects every problem (file, line, unit, field
and what was expected) and raises them together in one :class:`UnitsError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from geodata import citations
from geodata.basemap.periods import ATLAS_END, NAME_LANGS, Period, Unit, check_day
from geodata.yamlio import YamlError, load_yaml

BORDERS_FILE = Path(__file__).with_name("borders.yaml")
#: Colour groups of the units (the page gives each a colour).
SOVEREIGNS = ("russia", "fer", "china", "manchukuo", "japan", "mongolia", "tuva", "occupation")
KINDS = ("state", "colony", "leased", "occupation")
_UNIT_KEYS = ("id", "sovereign", "kind", "label", "note", "overlay", "periods")
_PERIOD_KEYS = ("start", "end", "names", "parts", "note", "source")


class UnitsError(ValueError):
    """One or more bad units; ``problems`` lists each as ``file:line: unit: field: what``."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        head = f"{len(problems)} problem(s) in the border units:\n  "
        super().__init__(head + "\n  ".join(problems))


def load_units(
    path: Path | str = BORDERS_FILE, parts: Iterable[str] = (), *, check_quotes: bool = False
) -> tuple[Unit, ...]:
    """Read the units from a YAML file, in the file's (priority) order.

    Parameters
    ----------
    path : path
        The YAML file (default: ``geodata/basemap/borders.yaml``).
    parts : iterable of str
        The names of the known building blocks (:data:`geodata.basemap.borders.PARTS`).
    check_quotes : bool
        Also check that every quote stands verbatim in its seed (when the seeds are present).

    Raises
    ------
    UnitsError
        Listing every problem with its file, line, unit and field.

    Examples
    --------
    >>> from geodata.basemap.borders import PARTS
    >>> [p.start for p in load_units(parts=PARTS)[-1].periods][:2]
    ['1917-01-01', '1917-03-16']
    """
    path = Path(path)
    problems: list[str] = []
    try:
        data = load_yaml(path)
    except YamlError as exc:
        raise UnitsError([str(exc)]) from None
    items = data.get("units") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise UnitsError([f"{path.name}:1: expected a mapping with a list of 'units'"])
    units, seen = [], set()
    for index, item in enumerate(items):
        unit = _Reader(path.name, index, item, set(parts), problems).unit()
        if unit is None:
            continue
        if unit.id in seen:
            problems.append(
                f"{path.name}:{getattr(item, 'line', 1)}: unit {unit.id!r}: id: "
                "duplicate id (ids are unique)"
            )
        seen.add(unit.id)
        units.append(unit)
    if check_quotes:
        problems += check_sources(units, path.name)
    if problems:
        raise UnitsError(problems)
    return tuple(units)


def check_sources(units: Iterable[Unit], filename: str = BORDERS_FILE.name) -> list[str]:
    """What is wrong with the units' quotes (each must stand verbatim in its seed); ``[]`` if
    nothing is, or when the seeds are not present."""
    if not citations.available():
        return []
    problems = []
    for unit in units:
        for period in unit.periods:
            for source in period.sources:
                wrong = citations.check_quote(source["document"], source["quote"])
                if wrong:
                    problems.append(
                        f"{filename}: unit {unit.id!r}: period {period.start}: source: {wrong}"
                    )
    return problems


class _Reader:
    """Reads one unit, appending what is wrong to ``problems``."""

    def __init__(self, filename: str, index: int, item: object, parts: set, problems: list):
        self.filename, self.item, self.parts, self.problems = filename, item, parts, problems
        self.line = getattr(item, "line", 1)
        uid = item.get("id") if isinstance(item, dict) else None
        self.where = f"unit {uid!r}" if isinstance(uid, str) and uid else f"units[{index}]"
        self.ok = True

    def fail(self, field: str, what: str, line: int | None = None) -> None:
        self.ok = False
        self.problems.append(f"{self.filename}:{line or self.line}: {self.where}: {field}: {what}")

    def unit(self) -> Unit | None:
        item = self.item
        if not isinstance(item, dict):
            self.fail("unit", f"expected a mapping with {', '.join(_UNIT_KEYS)}, got {item!r}")
            return None
        self._unknown(item, _UNIT_KEYS, "")
        uid = self._text(item, "id")
        sovereign = self._choice(item, "sovereign", SOVEREIGNS)
        kind = self._choice(item, "kind", KINDS)
        label = self._label(item.get("label"))
        note = self._text(item, "note")
        overlay = item.get("overlay", False)
        if not isinstance(overlay, bool):
            self.fail("overlay", f"expected true or false, got {overlay!r}")
        periods = self._periods(item.get("periods"))
        if not self.ok:
            return None
        return Unit(uid, sovereign, kind, label, note, periods, overlay=overlay)

    def _unknown(self, mapping: dict, known: tuple, prefix: str) -> None:
        for key in mapping:
            if key not in known:
                self.fail(
                    f"{prefix}{key}",
                    f"unknown field; expected one of {', '.join(known)}",
                    getattr(mapping, "line", None),
                )

    def _text(self, mapping: dict, key: str, prefix: str = "", required: bool = True) -> str:
        value = mapping.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            got = "nothing" if value is None else repr(value)
            self.fail(
                f"{prefix}{key}",
                f"expected a non-empty text, got {got}",
                getattr(mapping, "line", None),
            )
            return ""
        return value

    def _choice(self, mapping: dict, key: str, choices: tuple) -> str:
        value = mapping.get(key)
        if value not in choices:
            self.fail(key, f"expected one of {', '.join(choices)}, got {value!r}")
        return value

    def _label(self, value: object) -> tuple[float, float]:
        ok = (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
        )
        if not ok or not (-180 <= value[0] <= 180 and -90 <= value[1] <= 90):
            self.fail("label", f"expected [lon, lat] in degrees, got {value!r}")
            return (0.0, 0.0)
        return (float(value[0]), float(value[1]))

    def _periods(self, value: object) -> tuple[Period, ...]:
        if not isinstance(value, list) or not value:
            self.fail("periods", f"expected a non-empty list of periods, got {value!r}")
            return ()
        out, previous_end = [], None
        for i, item in enumerate(value):
            period = self._period(item, f"periods[{i}].")
            if period is None:
                continue
            line = getattr(item, "line", None)
            if period.start > period.end:
                self.fail(
                    f"periods[{i}].end",
                    f"expected a day on or after start {period.start}, got {period.end}",
                    line,
                )
            if period.end > ATLAS_END:
                self.fail(
                    f"periods[{i}].end",
                    f"expected a day within the atlas span (to {ATLAS_END}), got {period.end}",
                    line,
                )
            if previous_end is not None and period.start <= previous_end:
                self.fail(
                    f"periods[{i}].start",
                    f"expected a day after the previous period's "
                    f"end {previous_end} (periods in date order), got {period.start}",
                    line,
                )
            previous_end = period.end
            out.append(period)
        return tuple(out)

    def _period(self, item: object, prefix: str) -> Period | None:
        if not isinstance(item, dict):
            self.fail(
                prefix.rstrip("."),
                f"expected a mapping with {', '.join(_PERIOD_KEYS)}, got {item!r}",
            )
            return None
        self._unknown(item, _PERIOD_KEYS, prefix)
        start = self._day(item, "start", prefix)
        end = self._day(item, "end", prefix)
        names = self._names(item.get("names"), prefix + "names", getattr(item, "line", None))
        parts = self._parts(item.get("parts"), prefix + "parts", getattr(item, "line", None))
        note = self._text(item, "note", prefix, required=False)
        sources = self._sources(item.get("source"), prefix + "source", getattr(item, "line", None))
        if None in (start, end, names, parts, sources):
            return None
        return Period(start, end, names, parts, note, sources=sources)

    def _day(self, mapping: dict, key: str, prefix: str) -> str | None:
        value = mapping.get(key)
        if isinstance(value, dt.date):  # YAML reads an unquoted 1932-03-01 as a date
            value = value.isoformat()
        try:
            return check_day(value, "date")
        except ValueError as exc:
            self.fail(
                prefix + key,
                f"expected an ISO day YYYY-MM-DD: {exc}",
                getattr(mapping, "line", None),
            )
            return None

    def _names(self, value: object, field: str, line: int | None) -> dict | None:
        ok = isinstance(value, dict) and set(value) == set(NAME_LANGS)
        if not ok or not all(isinstance(v, str) and v.strip() for v in value.values()):
            wanted = ", ".join(NAME_LANGS)
            self.fail(field, f"expected a name in each of {wanted}, got {value!r}", line)
            return None
        return {lang: value[lang] for lang in NAME_LANGS}

    def _parts(self, value: object, field: str, line: int | None) -> tuple[str, ...] | None:
        if not isinstance(value, list) or not value:
            self.fail(field, f"expected a non-empty list of parts, got {value!r}", line)
            return None
        unknown = [p for p in value if p not in self.parts]
        if unknown:
            known = ", ".join(sorted(self.parts))
            self.fail(field, f"unknown part(s) {unknown!r}; expected parts of PARTS: {known}", line)
            return None
        return tuple(value)

    def _sources(self, value: object, field: str, line: int | None) -> tuple[dict, ...] | None:
        if value is None:
            return ()
        items = value if isinstance(value, list) else [value]
        out = []
        for item in items:
            ok = isinstance(item, dict) and set(item) == {"document", "quote"}
            if not ok or not all(isinstance(v, str) and v.strip() for v in item.values()):
                self.fail(
                    field,
                    f"expected a document and a quote (or a list of them), got {item!r}",
                    line,
                )
                return None
            out.append({"document": item["document"], "quote": item["quote"]})
        return tuple(out)
