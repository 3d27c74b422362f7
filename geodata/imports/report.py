"""The import report: every problem at once, each naming where it is, the field, what was
expected and what was got, as the World Historical Gazetteer's validator does.

Every error refuses the row (line, feature, slide) it names; a warning keeps it. So the report's
``skipped`` is the number of distinct places errors name, and each input row is either in the
pack or named here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: The keys an entry uses to say where it is, by the kind of file.
WHERE_KEYS = ("row", "line", "feature", "slide")


@dataclass
class Report:
    """Problems found while importing one file.

    Examples
    --------
    >>> r = Report("x.tsv", "lp-tsv")
    >>> r.error(("line", 2), "lat", "expected a latitude between -90 and 90", got="94")
    >>> r.warn(("line", 3), "start", "no start date: kept undated")
    >>> r.as_dict(features=1)["skipped"], r.summary(1)
    (1, 'x.tsv: 1 imported, 1 skipped (1 error, 1 warning)')
    """

    file: str
    format: str
    errors: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    unresolved: list[dict] = field(default_factory=list)

    @staticmethod
    def _entry(at, fieldname, message, expected, got) -> dict:
        entry: dict = {}
        if at is not None:
            entry[at[0]] = at[1]
        entry["field"] = fieldname
        entry["message"] = message
        if expected is not None:
            entry["expected"] = expected
        if got is not None:
            entry["got"] = got
        return entry

    def error(self, at, fieldname, message, *, expected=None, got=None) -> None:
        """Record an error: the row or feature ``at`` (``("line", 3)``) is refused."""
        self.errors.append(self._entry(at, fieldname, message, expected, got))

    def warn(self, at, fieldname, message, *, expected=None, got=None) -> None:
        """Record a warning: the row is kept."""
        self.warnings.append(self._entry(at, fieldname, message, expected, got))

    def unknown_place(self, at, fieldname: str, name: str, suggestions: list[str]) -> None:
        """A place name the geocoder does not know: an error, and listed as unresolved."""
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        self.error(
            at,
            fieldname,
            f"unknown place name {name!r}{hint}",
            expected="a place name the atlas' gazetteer knows, or lat and lon",
            got=name,
        )
        entry = self._entry(at, fieldname, "unknown place name", None, None)
        entry.update(name=name, suggestions=suggestions)
        self.unresolved.append(entry)

    def refused(self, at) -> bool:
        """Whether an error was already recorded for ``at``."""
        key, n = at
        return any(e.get(key) == n for e in self.errors)

    @property
    def skipped(self) -> int:
        """How many rows, lines, features or slides were refused."""
        return len({(k, e[k]) for e in self.errors for k in WHERE_KEYS if k in e})

    def as_dict(self, features: int) -> dict:
        """The JSON report the CLI prints and the page shows."""
        return {
            "file": self.file,
            "format": self.format,
            "features": features,
            "skipped": self.skipped,
            "errors": self.errors,
            "warnings": self.warnings,
            "unresolved": self.unresolved,
        }

    def summary(self, features: int) -> str:
        """One line: "N imported, M skipped" with the counts of problems."""
        e, w = len(self.errors), len(self.warnings)
        return (
            f"{self.file}: {features} imported, {self.skipped} skipped "
            f"({e} error{'s' * (e != 1)}, {w} warning{'s' * (w != 1)})"
        )


def describe(file: str, entry: dict) -> str:
    """One problem as a line of text: file, where, field, message, expected and got.

    Examples
    --------
    >>> describe("x.tsv", {"line": 2, "field": "lat", "message": "out of range", "got": "94"})
    "x.tsv: line 2: field 'lat': out of range (got '94')"
    """
    where = next((f"{k} {entry[k]}: " for k in WHERE_KEYS if k in entry), "")
    field_ = f"field {entry['field']!r}: " if entry.get("field") else ""
    extra = []
    if "expected" in entry:
        extra.append(f"expected {entry['expected']}")
    if "got" in entry:
        extra.append(f"got {entry['got']!r}")
    tail = f" ({'; '.join(extra)})" if extra else ""
    return f"{file}: {where}{field_}{entry['message']}{tail}"
