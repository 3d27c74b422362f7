"""The spreadsheet template and formula injection in the CSV the app writes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl

from geodata.imports import import_file
from geodata.imports.atlas_sheet import COLUMNS
from geodata.imports.template import (
    HELP,
    NAMES,
    TEMPLATE_DIR,
    safe_cell,
    template_csv,
    template_xlsx,
    write_csv,
)  # fmt: skip

LAYERS = Path(__file__).resolve().parents[3] / "geodata" / "layers"


def test_the_committed_templates_are_the_generated_ones(tmp_path):
    assert (TEMPLATE_DIR / NAMES[0]).read_text(encoding="utf-8") == template_csv(), (
        "run python -m geodata.imports.template"
    )
    template_xlsx(tmp_path / "t.xlsx")
    fresh = [r for r in openpyxl.load_workbook(tmp_path / "t.xlsx").active.values]
    committed = [r for r in openpyxl.load_workbook(TEMPLATE_DIR / NAMES[1]).active.values]
    assert committed == fresh
    assert set(HELP) == set(COLUMNS)


def test_the_example_is_a_cited_fact_of_the_atlas_and_imports_cleanly():
    result = import_file(TEMPLATE_DIR / NAMES[0])
    assert (result.report["features"], result.report["errors"]) == (3, [])
    deployments = json.loads((LAYERS / "deployments.geojson").read_text(encoding="utf-8"))
    quotes = {s["quote"] for f in deployments["features"] for s in
              (f["properties"]["source"] if isinstance(f["properties"]["source"], list)
               else [f["properties"]["source"]])}  # fmt: skip
    unit = [f["properties"] for f in result.pack["features"] if f["properties"].get("deployment")]
    assert [p["seq"] for p in unit] == [0, 1] and unit[0]["strength"] == 70000
    assert unit[0]["source"][0]["quote"] in quotes
    assert unit[0]["source"][0]["cite"] == "000_49161cda78e9a3b7.txt"
    xlsx = import_file(TEMPLATE_DIR / NAMES[1])
    assert xlsx.report["format"] == "atlas-xlsx" and xlsx.report["features"] == 3


def test_csv_cells_that_a_spreadsheet_would_run_are_written_as_text():
    out = io.StringIO()
    evil = ['=HYPERLINK("http://evil.example","click")', "+1+1", "-2+3", "@SUM(A1:A9)", "\tx"]
    write_csv([evil + ["-75.5", "1918", "-0044-03-15"]], out, header=["=a", "b"])
    header, row = list(csv.reader(io.StringIO(out.getvalue())))
    assert header == ["'=a", "b"]
    assert all(cell.startswith("'") for cell in row[:5])
    assert row[5:7] == ["-75.5", "1918"] and row[7] == "'-0044-03-15"
    assert safe_cell("Vladivostok") == "Vladivostok"


def test_guarded_cells_import_back_as_written():
    out = io.StringIO()
    write_csv([["events", "ides", "-0044-03-15", "=cmd|' /C calc'!A0", "41.9", "12.5"]], out,
              header=["layer", "id", "date", "name_en", "lat", "lon"])  # fmt: skip
    result = import_file(out.getvalue().encode(), filename="rome.csv")
    props = result.pack["features"][0]["properties"]
    assert props["start"] == "-0044-03-15" and props["names"]["en"] == "=cmd|' /C calc'!A0"


def test_the_xlsx_template_holds_no_formula(tmp_path):
    template_xlsx(tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert all(c.data_type != "f" for ws in book.worksheets for row in ws.iter_rows() for c in row)
