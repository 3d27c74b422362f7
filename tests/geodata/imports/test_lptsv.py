"""LP-TSV against the World Historical Gazetteer's own files, as the issue's table says."""

from __future__ import annotations

import pytest

from geodata.imports import ImportFailed, import_file


def _imp(formats, name, **kw):
    return import_file(formats / "whg" / name, **kw).report


def _where(entries):
    return {(e.get("line"), e["field"]) for e in entries}


@pytest.mark.parametrize("name", ["bad/out_of_range.tsv", "bad/invalid_geowkt.tsv"])
def test_latitude_94_refuses_the_row(formats, name):
    report = _imp(formats, name)
    assert (report["features"], report["skipped"]) == (0, 1)
    (error,) = report["errors"]
    assert error["line"] == 2 and error["field"] in ("lat", "geowkt")
    assert error["expected"] == "a latitude between -90 and 90" and error["got"].startswith("94.")


def test_start_after_end_refuses_the_row(formats):
    (error,) = _imp(formats, "bad/start_gt_end.tsv")["errors"]
    assert (error["line"], error["field"]) == (2, "start")
    assert error["message"] == "start '1499' is after end '1491'"


def test_mixed_errors_refuses_for_latitude_and_warns_of_start_and_matches(formats):
    report = _imp(formats, "bad/mixed_errors.tsv")
    assert _where(report["errors"]) == {(2, "lat")}
    assert {(2, "start"), (2, "matches")} <= _where(report["warnings"])
    foo = next(w for w in report["warnings"] if w["field"] == "matches")
    assert "'foo'" in foo["message"] and foo["got"] == "foo:1234"


@pytest.mark.parametrize("name", ["bad/missing_start_column.tsv", "bad/missing_start_value.tsv"])
def test_missing_start_is_imported_undated_and_refused_under_strict(formats, name):
    result = import_file(formats / "whg" / name)
    props = result.pack["features"][0]["properties"]
    assert props["precision"] == "none" and result.report["errors"] == []
    assert any(
        w["field"] == "start" and "undated" in w["message"] for w in result.report["warnings"]
    )
    with pytest.raises(ImportFailed, match="strict"):
        import_file(formats / "whg" / name, strict=True)


def test_missing_title_source_leaves_the_feature_without_source(formats):
    result = import_file(formats / "whg" / "bad" / "missing_field.tsv")
    assert result.report["features"] == 1
    assert result.pack["features"][0]["properties"]["source"] == []
    assert any("title_source" in w["message"] for w in result.report["warnings"])


@pytest.mark.parametrize(
    ("name", "field", "code"),
    [
        ("invalid_ccode.tsv", "ccodes", "ZZ"),
        ("invalid_fclasses.tsv", "fclasses", "Z"),
        ("unsupported_aat.tsv", "aat_types", "300001"),
        ("unsupported_alias.tsv", "matches", "foo"),
    ],
)
def test_unknown_codes_are_warned_and_pass_through(formats, name, field, code):
    report = _imp(formats, "bad/" + name)
    assert (report["features"], report["errors"]) == (1, [])
    assert any(w["field"] == field and repr(code) in w["message"] for w in report["warnings"])


def test_valid_file_imports_three_rows_from_geowkt_and_warns_of_the_joined_column(formats):
    result = import_file(formats / "whg" / "bad" / "valid_file.tsv")
    assert result.report["features"] == 3 and result.report["errors"] == []
    (warning,) = result.report["warnings"]
    assert warning["field"] == "lat fclasses" and "unknown column" in warning["message"]
    coords = [f["geometry"]["coordinates"] for f in result.pack["features"]]
    assert coords[0] == [19.03797, 54.03613]  # from the WKT, not the lone lon


def test_template_places_is_imported_with_a_warning_about_shifted_fields(formats):
    result = import_file(formats / "whg" / "template-places.tsv")
    report = result.report
    assert (report["features"], report["skipped"]) == (7, 0)
    shifted = [
        w for w in report["warnings"] if "do not fit the header's 17 columns" in w["message"]
    ]
    assert [w["line"] for w in shifted] == [2, 3, 4, 5, 6, 7, 8]
    first = result.pack["features"][0]
    assert first["geometry"]["coordinates"] == [19.037976, 54.036132]  # the WKT found in the row
    assert (first["properties"]["start"], first["properties"]["end"]) == (
        "1480-01-01",
        "1491-12-31",
    )


def test_lp_tsv_template_imports_every_place_row(formats):
    result = import_file(formats / "whg" / "LP-TSV_template.tsv")
    names = [f["properties"]["names"]["en"] for f in result.pack["features"]]
    assert names == [
        "Marienborch",
        "Eluinghen",
        "Lossen",
        "Sampit",
        "Kuta Lingga",
        "Kuta Waringin",
        "Sambas",
    ]
    sampit = result.pack["features"][3]
    assert sampit["geometry"]["coordinates"] == [112.9, -2.53]
    assert sampit["properties"]["start"] == "1602-01-01"
    assert "http://sws.geonames.org/1628884" in sampit["properties"]["links"]
    # the template's own instructions below the data have no id: named, not imported
    assert {e["field"] for e in result.report["errors"]} == {"id"}
    assert result.report["skipped"] == len(result.report["errors"]) == 10
