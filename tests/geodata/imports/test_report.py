"""The report: every problem with where, field, expected and got; skipped counts refused rows."""

from __future__ import annotations

from geodata.imports.report import Report, describe


def test_skipped_counts_each_refused_row_once_and_warnings_refuse_nothing():
    report = Report("x.tsv", "lp-tsv")
    report.error(("line", 2), "lat", "out of range", expected="-90..90", got="94")
    report.error(("line", 2), "start", "after end")
    report.error(("line", 5), "title", "missing")
    report.warn(("line", 3), "ccodes", "unknown code")
    out = report.as_dict(features=7)
    assert (out["features"], out["skipped"], len(out["errors"]), len(out["warnings"])) == (
        7,
        2,
        3,
        1,
    )
    assert out["errors"][0] == {
        "line": 2,
        "field": "lat",
        "message": "out of range",
        "expected": "-90..90",
        "got": "94",
    }
    assert report.summary(7) == "x.tsv: 7 imported, 2 skipped (3 errors, 1 warning)"


def test_unknown_places_are_errors_and_listed_as_unresolved():
    report = Report("x.csv", "atlas-csv")
    report.unknown_place(("row", 4), "place", "Vladivostokk", ["Vladivostok"])
    assert report.refused(("row", 4)) and not report.refused(("row", 5))
    assert report.unresolved == [
        {
            "row": 4,
            "field": "place",
            "message": "unknown place name",
            "name": "Vladivostokk",
            "suggestions": ["Vladivostok"],
        }
    ]


def test_describe_names_file_place_field_expected_and_got():
    entry = {"slide": 2, "field": "date", "message": "no year", "expected": "a year", "got": "Aug"}
    assert describe("k.json", entry) == (
        "k.json: slide 2: field 'date': no year (expected a year; got 'Aug')"
    )
