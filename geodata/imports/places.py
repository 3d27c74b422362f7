"""Where a row is: its coordinates (checked in range) or its place name, placed by the atlas'
historical geocoder (:func:`geodata.geocode.geocode`), which records what it matched and how
sure it is. An unknown name is an error for that row, with the closest names as suggestions."""

from __future__ import annotations

import math

from geodata.geocode import GeocodeError, geocode


def number(value: object) -> float | None:
    """A number from a cell, or ``None`` when empty; ``ValueError`` when it is not a number.

    Examples
    --------
    >>> number(" 43.1 "), number(""), number(131)
    (43.1, None, 131.0)
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    out = float(str(value).strip()) if isinstance(value, str) else float(value)
    if not math.isfinite(out):
        raise ValueError(f"not a finite number: {value!r}")
    return out


def count(value: object) -> int | float | None:
    """A strength or amount: an int when whole.

    Examples
    --------
    >>> count("70000"), count("2.5"), count("")
    (70000, 2.5, None)
    """
    out = number(value)
    return int(out) if out is not None and out.is_integer() else out


def lonlat_problems(lon: float, lat: float) -> list[tuple[str, str, str]]:
    """(field, expected, got) for each coordinate out of range.

    Examples
    --------
    >>> lonlat_problems(19.0, 94.036131)
    [('lat', 'a latitude between -90 and 90', '94.036131')]
    """
    out = []
    if not -180 <= lon <= 180:
        out.append(("lon", "a longitude between -180 and 180", str(lon)))
    if not -90 <= lat <= 90:
        out.append(("lat", "a latitude between -90 and 90", str(lat)))
    return out


def read_lonlat(row: dict, report, at, lon_field: str = "lon", lat_field: str = "lat"):
    """The point ``[lon, lat]`` of a row, ``None`` when both are empty; reports what is wrong.

    Returns
    -------
    list, None or False
        The point; ``None`` when the row gives no coordinates; ``False`` after an error.
    """
    values = {}
    ok = True
    for name in (lon_field, lat_field):
        try:
            values[name] = number(row.get(name))
        except (TypeError, ValueError):
            report.error(
                at,
                name,
                "not a number",
                expected="a number in decimal degrees",
                got=str(row.get(name)),
            )
            ok = False
    if not ok:
        return False
    lon, lat = values[lon_field], values[lat_field]
    if lon is None and lat is None:
        return None
    if lon is None or lat is None:
        missing = lon_field if lon is None else lat_field
        report.error(
            at,
            missing,
            "one coordinate without the other",
            expected="both lat and lon, or neither",
            got="",
        )
        return False
    problems = lonlat_problems(lon, lat)
    for fieldname, expected, _ in problems:
        name = lon_field if fieldname == "lon" else lat_field
        report.error(
            at, name, "coordinate out of range", expected=expected, got=str(row.get(name)).strip()
        )
    return False if problems else [lon, lat]


def place_point(name: str, report, at, fieldname: str = "place"):
    """Geocode ``name``: ``(point, extra properties)`` or ``None`` after reporting it unknown.

    Examples
    --------
    >>> from geodata.imports.report import Report
    >>> point, extra = place_point("Mukden", Report("x.csv", "atlas-csv"), ("row", 2))
    >>> extra["geocoded_from"], extra["confidence"]
    ('Mukden', 1.0)
    """
    try:
        match = geocode(name)
    except GeocodeError as exc:
        report.unknown_place(at, fieldname, name, exc.suggestions)
        return None
    extra = {"geocoded_from": name, "confidence": match.confidence, "place_name": match.name}
    if match.confidence < 0.8:  # another place of similar standing has this name too
        report.warn(
            at,
            fieldname,
            f"{name!r} placed at {match.name} ({match.country}) with "
            f"confidence {match.confidence}: another place has this name; give lat "
            "and lon if it is not the one",
            got=name,
        )
    return [round(match.lon, 6), round(match.lat, 6)], extra
