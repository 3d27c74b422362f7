"""The cited source records: their model, and reading them from YAML with clear errors.

Every record carries one or more :class:`Citation` of a seed document. Reading collects every
problem it finds (file, line, record, field and what was expected) and raises them together in
one :class:`RecordsError`, so one bad record never hides another.
"""

from __future__ import annotations

from pathlib import Path

from geodata import citations
from geodata._fields import Fields
from geodata.model import (
    KINDS,
    Citation,
    Deployment,
    Event,
    Origin,
    Place,
    Record,
    Records,
    Route,
    Shipment,
    StrengthVariant,
    Waypoint,
)
from geodata.yamlio import YamlError, load_yaml

SOURCES_DIR = Path(__file__).with_name("sources")


class RecordsError(ValueError):
    """One or more bad records; ``problems`` lists each as ``file:line: record: field: what``."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        head = f"{len(problems)} problem(s) in the source records:\n  "
        super().__init__(head + "\n  ".join(problems))


def load_records(folder: Path | str = SOURCES_DIR, *, check_quotes: bool | None = None) -> Records:
    """Read every ``*.yaml`` file in ``folder`` into :class:`Records`.

    Parameters
    ----------
    folder : path
        The folder of record files (default: ``geodata/sources``).
    check_quotes : bool, optional
        Check that every quote stands verbatim in its seed document. By default, checked
        whenever the seed folder is present.

    Raises
    ------
    RecordsError
        Listing every problem with its file, line, record and field.

    Examples
    --------
    >>> recs = load_records()
    >>> recs.places["vladivostok"].names["en"]
    'Vladivostok'
    """
    if check_quotes is None:
        check_quotes = citations.available()
    problems: list[str] = []
    records = Records()
    files = sorted(Path(folder).glob("*.yaml"))
    if not files:
        raise RecordsError([f"{folder}: no *.yaml record files"])
    for path in files:
        _read_file(path, records, problems)
    _check_references(records, problems)
    if check_quotes:
        _check_quotes(records, problems)
    if problems:
        raise RecordsError(problems)
    return records


def _read_file(path: Path, records: Records, problems: list[str]) -> None:
    try:
        data = load_yaml(path)
    except YamlError as exc:
        problems.append(str(exc))
        return
    if data is None:
        return
    if not isinstance(data, dict):
        problems.append(f"{path.name}:1: expected a mapping of {', '.join(KINDS)}")
        return
    for kind, items in data.items():
        line = getattr(data, "line", 1)
        if kind not in KINDS:
            problems.append(f"{path.name}:{line}: unknown top-level key {kind!r}; expected {KINDS}")
            continue
        if not isinstance(items, list):
            problems.append(f"{path.name}:{line}: {kind!r} should be a list of records")
            continue
        for index, item in enumerate(items):
            fields = Fields(path.name, kind, index, item, problems)
            record = fields.build()
            if record is None:
                continue
            table = getattr(records, kind)
            if _is_duplicate(record.id, records):
                fields.fail("id", f"duplicate id {record.id!r} (ids are unique across files)")
                continue
            table[record.id] = record


def _is_duplicate(rid: str, records: Records) -> bool:
    return any(rid in getattr(records, kind) for kind in KINDS)


def _check_references(records: Records, problems: list[str]) -> None:
    def need(where: Origin, rid: str, fieldname: str, target: str | None, table: dict) -> None:
        if target is not None and target not in table:
            close = sorted(t for t in table if t[:3] == target[:3])[:3]
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            problems.append(f"{where}: {rid}: field {fieldname!r}: unknown id {target!r}{hint}")

    for dep in records.deployments.values():
        for i, wp in enumerate(dep.waypoints):
            need(wp.origin, dep.id, f"waypoints[{i}].place", wp.place, records.places)
    for ev in records.events.values():
        need(ev.origin, ev.id, "place", ev.place, records.places)
    for sh in records.shipments.values():
        need(sh.origin, sh.id, "route", sh.route, records.routes)


def _check_quotes(records: Records, problems: list[str]) -> None:
    for kind in KINDS:
        for rec in getattr(records, kind).values():
            for cite, origin in _all_citations(rec):
                error = citations.check_quote(cite.document, cite.quote)
                if error:
                    problems.append(f"{origin}: {rec.id}: field 'source': {error}")


def _all_citations(rec: Record):
    for cite in rec.sources:
        yield cite, rec.origin
    for wp in getattr(rec, "waypoints", []):
        for cite in wp.sources:
            yield cite, wp.origin
    for variant in getattr(rec, "strength_variants", []):
        for cite in variant.sources:
            yield cite, rec.origin


__all__ = [
    "Citation", "Deployment", "Event", "Origin", "Place", "Records", "RecordsError",
    "Route", "Shipment", "StrengthVariant", "Waypoint", "load_records",
]  # fmt: skip
