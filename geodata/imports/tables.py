"""Spreadsheets as a header and numbered rows: CSV and TSV (any of comma, tab, semicolon),
XLSX (openpyxl) and ODS (odfpy through pandas). Each row keeps where it is in the file, as the
user sees it: ``("line", n)`` in a text file, ``("row", n)`` in a workbook."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from geodata.imports.limits import ImportFailed, ImportLimits

#: The columns of a workbook that are read: every format has fewer than 40, and a sheet whose
#: last cell is far to the right must not make each of 50,000 rows thousands of cells wide.
MAX_COLUMNS = 100


@dataclass
class Table:
    """The header (as written, stripped) and the rows with their positions."""

    header: list[str]
    rows: list[tuple[tuple[str, int], list]]
    header_at: tuple[str, int]


def decode(data: bytes, file: str) -> str:
    """UTF-8 text (a byte-order mark is dropped); anything else is refused, naming the byte.

    Examples
    --------
    >>> decode("Łasin".encode(), "x.tsv")
    'Łasin'
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFailed(
            f"{file}: line {line}: the file is not UTF-8 text (byte {exc.start}); "
            "save it as UTF-8 (CSV UTF-8 in Excel, Unicode UTF-8 in LibreOffice)"
        ) from None


def _delimiter(first_line: str, file: str) -> str:
    if file.lower().endswith(".tsv") or "\t" in first_line:
        return "\t"
    return ";" if first_line.count(";") > first_line.count(",") else ","


def read_delimited(text: str, file: str, limits: ImportLimits) -> Table:
    """A CSV or TSV file as a :class:`Table`; TSV is read without quoting, as LP-TSV asks."""
    first = text.split("\n", 1)[0]
    delim = _delimiter(first, file)
    quoting = csv.QUOTE_NONE if delim == "\t" else csv.QUOTE_MINIMAL
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, quoting=quoting)
    header: list[str] | None = None
    rows = []
    start = 1
    try:
        for values in reader:
            at = ("line", start)
            start = reader.line_num + 1
            if header is None:
                header = [v.strip() for v in values]
                continue
            if not any(v.strip() for v in values):
                continue
            rows.append((at, values))
            if len(rows) > limits.max_rows:
                limits.check_rows(len(rows), file)
    except csv.Error as exc:
        raise ImportFailed(f"{file}: line {reader.line_num}: {exc}") from None
    if header is None:
        raise ImportFailed(f"{file}: the file is empty; expected a header line and rows")
    return Table(header, rows, ("line", 1))


def read_xlsx(data: bytes, file: str, limits: ImportLimits) -> Table:
    """The first sheet of an XLSX workbook as a :class:`Table` (cells keep dates and numbers)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # a zip, XML or openpyxl error: the file is not a workbook
        raise ImportFailed(f"{file}: not a readable XLSX workbook ({exc})") from None
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
        return _table(enumerate(rows, start=1), file, limits)
    finally:
        book.close()


def read_ods(data: bytes, file: str, limits: ImportLimits) -> Table:
    """The first sheet of an ODS workbook as a :class:`Table`."""
    import pandas as pd

    try:
        frame = pd.read_excel(io.BytesIO(data), engine="odf", header=None, dtype=object,
                              nrows=limits.max_rows + 2)  # fmt: skip
    except Exception as exc:  # odfpy's and zipfile's errors: the file is not a workbook
        raise ImportFailed(f"{file}: not a readable ODS workbook ({exc})") from None
    frame = frame.iloc[:, :MAX_COLUMNS]
    values = frame.astype(object).where(frame.notna(), None).values.tolist()
    return _table(enumerate(values, start=1), file, limits)


def _table(numbered, file: str, limits: ImportLimits) -> Table:
    header = None
    rows = []
    for n, values in numbered:
        cells = ["" if v is None else v for v in values]
        if not any(str(c).strip() for c in cells):
            continue
        if header is None:
            header, header_at = [str(c).strip() for c in cells], ("row", n)
            continue
        rows.append((("row", n), cells))
        if len(rows) > limits.max_rows:
            limits.check_rows(len(rows), file)
    if header is None:
        raise ImportFailed(f"{file}: the sheet is empty; expected a header row and rows")
    return Table(header, rows, header_at)


def read_table(data: bytes, file: str, limits: ImportLimits) -> Table:
    """Any of the spreadsheet forms, chosen by the file name's extension."""
    lower = file.lower()
    if lower.endswith(".xlsx"):
        return read_xlsx(data, file, limits)
    if lower.endswith(".ods"):
        return read_ods(data, file, limits)
    return read_delimited(decode(data, file), file, limits)


def cell(value) -> str:
    """A cell as stripped text (numbers without a trailing ``.0``).

    Examples
    --------
    >>> cell(1918.0), cell(" a "), cell(None), cell("'-0044-03-15")
    ('1918', 'a', '', '-0044-03-15')
    >>> cell(dt.datetime(1918, 8, 12))
    '1918-08-12'
    """
    if type(value) is str:
        text = value.strip()
        return text[1:] if text[:1] == "'" and text[1:2] in _GUARDED else text
    if value is None:
        return ""
    if isinstance(value, dt.datetime):  # a workbook's date cell: the day, as ISO
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    if text[:1] == "'" and text[1:2] in _GUARDED:
        return text[1:]  # the apostrophe our CSV writing puts before =, +, -, @
    return text


_GUARDED = frozenset("=+-@\t\r")
