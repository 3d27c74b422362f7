"""Spreadsheets: XLSX and ODS read like CSV, with the row numbers the user sees."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest

from geodata.imports import ImportFailed, import_file

ROWS = [
    ["layer", "id", "date", "lat", "lon", "name_en"],
    [],
    ["events", "landing", dt.date(1918, 8, 12), 43.1, 131.9, "Landing"],
    ["events", "north", 1918, 94, 131.9, "Too far north"],
]


def test_xlsx_cells_keep_dates_and_numbers_and_rows_their_sheet_numbers(tmp_path):
    book = openpyxl.Workbook()
    for row in ROWS:
        book.active.append(row)
    book.save(tmp_path / "lesson.xlsx")
    result = import_file(tmp_path / "lesson.xlsx")
    assert result.report["format"] == "atlas-xlsx"
    props = result.pack["features"][0]["properties"]
    assert (props["start"], props["precision"]) == ("1918-08-12", "day")
    assert props["source"][0]["row"] == 3
    assert [(e["row"], e["field"]) for e in result.report["errors"]] == [(4, "lat")]


def test_ods_is_read_too(tmp_path):
    frame = pd.DataFrame([r for r in ROWS[2:]], columns=ROWS[0])
    frame["date"] = ["1918-08-12", "1918"]
    frame.to_excel(tmp_path / "lesson.ods", engine="odf", index=False)
    result = import_file(tmp_path / "lesson.ods")
    assert result.report["format"] == "atlas-ods"
    assert result.pack["features"][0]["geometry"]["coordinates"] == [131.9, 43.1]
    assert [(e["row"], e["field"]) for e in result.report["errors"]] == [(3, "lat")]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("x.csv", "layer,name_en\nevents,Łódź\n".encode("cp1250"), "line 2: the file is not UTF-8"),
        ("x.xlsx", b"not a zip", "not a readable XLSX workbook"),
        ("x.ods", b"not a zip", "not a readable ODS workbook"),
        ("x.csv", b"", "the file is empty"),
    ],
)
def test_unreadable_sheets_are_refused_naming_the_file(name, data, message):
    with pytest.raises(ImportFailed, match=f"^{name}: .*{message}|^{name}: {message}"):
        import_file(data, filename=name)


def test_a_semicolon_csv_and_a_bom_are_read():
    data = "\ufefflayer;id;date;lat;lon;name_en\nevents;a;1918;43,1;131,9;Comma decimals\n"
    result = import_file(data.encode(), filename="excel.csv")
    errors = result.report["errors"]  # decimal commas are not numbers: named, not guessed
    assert [(e["line"], e["field"], e["got"]) for e in errors] == [
        (2, "lon", "131,9"), (2, "lat", "43,1")]  # fmt: skip


def test_an_ods_over_the_row_limit_is_refused_without_reading_it_all(tmp_path):
    from geodata.imports import ImportLimits

    frame = pd.DataFrame([["events", f"e{i}", "1918", 43.1, 131.9, "E"] for i in range(30)],
                         columns=ROWS[0])  # fmt: skip
    frame.to_excel(tmp_path / "many.ods", engine="odf", index=False)
    with pytest.raises(ImportFailed, match="more than 20 rows"):
        import_file(tmp_path / "many.ods", limits=ImportLimits(max_rows=20))
    assert import_file(tmp_path / "many.ods", limits=ImportLimits(max_rows=30)).report[
        "features"] == 30  # fmt: skip
