"""The atlas' spreadsheet template (CSV and XLSX) with an example filled in from the atlas' own
cited layers, and CSV writing that guards against formula injection.

``python -m geodata.imports.template [FOLDER]`` writes ``atlas-template.csv`` and
``atlas-template.xlsx`` (default: ``assets/templates``), the files the page's "download
template" link serves.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path

from geodata.imports.atlas_sheet import COLUMNS
from geodata.settings import setting

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "assets" / "templates"
NAMES = ("atlas-template.csv", "atlas-template.xlsx")
#: What each column holds, for the template's second sheet and the README.
HELP = {
    "layer": "places, events, deployments, routes or shipments",
    "id": "the same id on several rows with different dates makes one moving unit "
    "(a route's or shipment's rows are its waypoints)",
    "date": "YYYY, YYYY-MM or YYYY-MM-DD (-0044-03-15 before year 1; ~1918 or 1918? when "
    "uncertain); or start and end",
    "start": "first day, month or year", "end": "last day, month or year",
    "place": "a place name the atlas' historical gazetteer knows (Mukden, 奉天, Хабаровск); "
    "or lat and lon",
    "lat": "latitude in decimal degrees", "lon": "longitude in decimal degrees",
    "name_en": "the name in English", "name_zh": "the name in Chinese",
    "name_ja": "the name in Japanese", "strength": "how many (people, guns...)",
    "movement": "attack, advance, withdrawal or transfer",
    "source": "the document the row comes from", "quote": "the words of the source, verbatim",
    "note": "your note (plain text)",
}  # fmt: skip
#: The example rows: (feature id in the atlas' layers, how the row gives its place).
EXAMPLE = (("jpn-siberian-expedition--0", "place"), ("jpn-siberian-expedition--4", "place"),
           ("mukden-incident", "lat/lon"))  # fmt: skip
_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$")


def safe_cell(value) -> str:
    """A cell as text that a spreadsheet will not run as a formula (OWASP's CSV injection).

    A text beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
    apostrophe, which spreadsheets show as text; numbers stay numbers. The importer drops the
    apostrophe again (:func:`geodata.imports.tables.cell`).

    Examples
    --------
    >>> safe_cell('=HYPERLINK("http://x","y")'), safe_cell("-75.5"), safe_cell("@SUM(A1)")
    ('\\'=HYPERLINK("http://x","y")', '-75.5', "'@SUM(A1)")
    >>> safe_cell("-0044-03-15"), safe_cell(None), safe_cell(70000)
    ("'-0044-03-15", '', '70000')
    """
    if value is None:
        return ""
    text = str(value)
    if _FORMULA.match(text) and not _NUMBER.match(text):
        return "'" + text
    return text


def write_csv(rows, fh, header=None) -> None:
    """Write rows (lists of values) as CSV, every cell through :func:`safe_cell`."""
    writer = csv.writer(fh, lineterminator="\n")
    if header is not None:
        writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])


def example_rows(layers_dir: Path | None = None) -> list[list]:
    """The template's example: real, cited rows of the atlas' own layers."""
    layers_dir = Path(layers_dir or setting("FEA_LAYERS_DIR"))
    by_id = {}
    for name in ("deployments", "events"):
        data = json.loads((layers_dir / f"{name}.geojson").read_text(encoding="utf-8"))
        by_id.update({f["properties"]["id"]: f for f in data["features"]})
    rows = []
    for fid, how in EXAMPLE:
        feature = by_id[fid]
        p = feature["properties"]
        src = p["source"][0] if isinstance(p["source"], list) else p["source"]
        lon, lat = feature["geometry"]["coordinates"]
        values = {
            "layer": p["layer"], "id": p.get("deployment") or p["id"],
            "start": p["start"], "end": p["end"],
            "place": p["place_names"]["en"] if how == "place" else "",
            "lat": lat if how != "place" else "", "lon": lon if how != "place" else "",
            "name_en": p["names"].get("en"), "name_zh": p["names"].get("zh"),
            "name_ja": p["names"].get("ja"), "strength": p.get("strength"),
            "movement": p.get("movement"), "source": src["document"], "quote": src["quote"],
            "note": "Example from the atlas' own layers: replace these rows with yours.",
        }  # fmt: skip
        if p["precision"] == "day" and p["start"] == p["end"]:
            values.update(date=p["start"], start="", end="")
        rows.append(["" if values.get(c) is None else values.get(c, "") for c in COLUMNS])
    return rows


def template_csv(layers_dir: Path | None = None) -> str:
    """The CSV template's text (UTF-8; a spreadsheet opens it with the header and examples)."""
    out = io.StringIO()
    write_csv(example_rows(layers_dir), out, COLUMNS)
    return out.getvalue()


def template_xlsx(path: Path, layers_dir: Path | None = None) -> None:
    """Write the XLSX template: the columns and examples, and a sheet saying what each holds."""
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Your data"
    sheet.append(list(COLUMNS))
    for row in example_rows(layers_dir):
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # never a formula, whatever the text
    sheet.freeze_panes = "A2"
    help_sheet = book.create_sheet("Columns")
    help_sheet.append(["column", "what it holds"])
    for column in COLUMNS:
        help_sheet.append([column, HELP[column]])
    book.save(path)


def write_templates(folder: Path = TEMPLATE_DIR) -> list[Path]:
    """Write both templates into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, xlsx_path = folder / NAMES[0], folder / NAMES[1]
    csv_path.write_text(template_csv(), encoding="utf-8")
    template_xlsx(xlsx_path)
    return [csv_path, xlsx_path]


if __name__ == "__main__":
    for written in write_templates(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATE_DIR):
        print(f"wrote {written}")
