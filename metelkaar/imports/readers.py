"""Read the first sheet of an .xlsx, .ods or .csv file into a header and rows.

Excel files are read by openpyxl, OpenDocument files by odfpy and text files
by the csv module, with the encoding found by charset-normalizer and the
delimiter sniffed. No format is parsed by hand. Empty rows (trailing ones
especially) are left out, and row numbers stay those of the sheet, so a
coordinator finds the cell a preview points to. A title row above the header
is skipped, and a header cell merged over several columns names each of them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

FORMATS = ("xlsx", "ods", "csv")
#: How many rows from the top may hold the header (a title or a blank row above it).
HEADER_SEARCH_ROWS = 10
CSV_DELIMITERS = ";,\t|"


class ReadError(Exception):
    """The file cannot be read as a spreadsheet; ``code`` says why (see messages)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass
class Table:
    """The header (one name per column) and the data rows, by sheet row number."""

    headers: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)
    header_row: int = 1


def file_format(filename: str) -> str | None:
    """The format a file name says (``"xlsx"``, ``"ods"``, ``"csv"``), or ``None``."""
    name = (filename or "").lower().rsplit(".", 1)
    if len(name) == 2 and name[1] in FORMATS:
        return name[1]
    if len(name) == 2 and name[1] == "txt":
        return "csv"
    return None


def read_table(data: bytes, fmt: str) -> Table:
    """Read ``data`` of format ``fmt`` into a :class:`Table`; raises :class:`ReadError`."""
    if not data.strip():
        raise ReadError("empty")
    readers = {"xlsx": _xlsx_rows, "ods": _ods_rows, "csv": _csv_rows}
    try:
        raw = readers[fmt](data)
        return _table(raw)
    except ReadError:
        raise
    except Exception as error:  # any library error on a damaged file: never a 500
        raise ReadError("unreadable") from error


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _table(raw) -> Table:
    """Find the header row among the first rows and keep the non-empty rows below it.

    ``raw`` yields ``(row_number, cells, spans)``; ``spans`` maps the column of
    a merged cell to how many columns it covers.
    """
    top: list[tuple[int, list, dict]] = []
    iterator = iter(raw)
    for number, cells, spans in iterator:
        if any(not _is_empty(c) for c in cells):
            top.append((number, cells, spans))
            if len(top) >= HEADER_SEARCH_ROWS:
                break
    if not top:
        raise ReadError("empty")
    # A title (one cell, merged or not) is never the header; a merged header cell
    # counts for each column it covers.
    filled = [
        sum(bool(name) for name in _headers(cells, spans))
        if sum(not _is_empty(c) for c in cells) > 1 else 1
        for _n, cells, spans in top
    ]
    index = filled.index(max(filled))
    header_number, header_cells, spans = top[index]
    headers = _headers(header_cells, spans)
    table = Table(headers=headers, header_row=header_number)
    width = len(headers)

    def keep(number, cells):
        cells = list(cells[:width]) + [None] * (width - len(cells))
        if any(not _is_empty(c) for c in cells):
            table.rows.append((number, cells))

    for number, cells, _spans in top[index + 1:]:
        keep(number, cells)
    for number, cells, _spans in iterator:
        keep(number, cells)
    return table


def _headers(cells: list, spans: dict[int, int]) -> list[str]:
    """Header names: a merged cell names every column it covers; blanks stay blank."""
    names = ["" if _is_empty(c) else str(c).strip() for c in cells]
    for column, span in spans.items():
        for covered in range(column + 1, min(column + span, len(names))):
            if not names[covered]:
                names[covered] = names[column]
    while names and not names[-1]:
        names.pop()
    return names


def _xlsx_rows(data: bytes):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    sheet = book.worksheets[0]
    merged: dict[int, dict[int, int]] = {}
    for cell_range in sheet.merged_cells.ranges:
        merged.setdefault(cell_range.min_row, {})[cell_range.min_col - 1] = (
            cell_range.max_col - cell_range.min_col + 1
        )
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        yield number, list(row), merged.get(number, {})


def _ods_value(cell) -> Any:
    from odf import teletype
    from odf.namespaces import OFFICENS

    kind = cell.getAttrNS(OFFICENS, "value-type")
    if kind in ("float", "percentage", "currency"):
        number = float(cell.getAttrNS(OFFICENS, "value"))
        return int(number) if number.is_integer() else number
    if kind == "date":
        value = cell.getAttrNS(OFFICENS, "date-value")
        return dt.date.fromisoformat(value[:10])
    if kind == "boolean":
        return cell.getAttrNS(OFFICENS, "boolean-value") == "true"
    paragraphs = [teletype.extractText(p) for p in cell.childNodes if p.qname[1] == "p"]
    text = "\n".join(paragraphs)
    return text or None


def _ods_rows(data: bytes):
    from odf.namespaces import TABLENS
    from odf.opendocument import load
    from odf.table import Table as OdsTable
    from odf.table import TableRow

    document = load(io.BytesIO(data))
    tables = document.spreadsheet.getElementsByType(OdsTable)
    if not tables:
        raise ReadError("empty")
    number = 0
    for row in tables[0].getElementsByType(TableRow):
        repeat = int(row.getAttrNS(TABLENS, "number-rows-repeated") or 1)
        cells: list[Any] = []
        spans: dict[int, int] = {}
        pending = 0  # empty cells kept only if a value follows them
        for cell in row.childNodes:
            if cell.qname[1] not in ("table-cell", "covered-table-cell"):
                continue
            count = int(cell.getAttrNS(TABLENS, "number-columns-repeated") or 1)
            value = _ods_value(cell) if cell.qname[1] == "table-cell" else None
            if _is_empty(value):
                pending += count
                continue
            cells.extend([None] * pending)
            pending = 0
            span = int(cell.getAttrNS(TABLENS, "number-columns-spanned") or 1)
            if span > 1:
                spans[len(cells)] = span
            cells.extend([value] * min(count, 1000))
        if cells:
            for _ in range(min(repeat, 10_000)):
                number += 1
                yield number, cells, spans
        else:
            number += repeat  # (trailing) empty rows: counted, never expanded


def _decode(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (with or without BOM), else what charset-normalizer finds."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "cp1250", "cp1251", "cp1254",
                                          "cp1256", "iso8859_15", "mac_roman"]).best()
    if best is None:
        return data.decode("cp1252", errors="replace")
    return str(best)


def _dialect(text: str):
    sample = text[:65536]
    try:
        return csv.Sniffer().sniff(sample, delimiters=CSV_DELIMITERS)
    except csv.Error:
        first = next((line for line in sample.splitlines() if line.strip()), "")
        delimiter = max(CSV_DELIMITERS, key=first.count)

        class Counted(csv.excel):
            pass

        Counted.delimiter = delimiter if first.count(delimiter) else ","
        return Counted


def _csv_rows(data: bytes):
    text = _decode(data)
    dialect = _dialect(text)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    for number, row in enumerate(reader, start=1):
        yield number, [cell.strip() or None for cell in row], {}
