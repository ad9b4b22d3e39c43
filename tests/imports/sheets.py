"""Real spreadsheet files for the import tests, written by openpyxl, odfpy and csv."""

from __future__ import annotations

import csv
import io

HEADERS = ["Voornaam", "Achternaam", "Geboortejaar", "Talen", "Postcode", "E-mail", "Telefoon"]
ROWS = [
    ["Zoë", "Çelik", 1988, "Nederlands, Turks", "1091 AB", "zoe@example.test", "0612345678"],
    ["Ümit", "Öztürk", 1975, "Arabisch (5)", "1092CD", "umit@example.test", ""],
    ["José", "Pérez", 2001, "Engels", "", "jose@example.test", "020-1234567"],
]


def xlsx(headers=HEADERS, rows=ROWS, *, title: str | None = None, merge: str | None = None,
         trailing_empty: int = 0) -> bytes:
    """An Excel file; ``title`` puts a merged title row above the header."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    sheet.append(list(headers))
    if merge:
        sheet.merge_cells(merge)
    for row in rows:
        sheet.append(list(row))
    for _offset in range(trailing_empty):
        # Cells with an empty string or a style only: Excel keeps such rows in the file.
        sheet.cell(row=sheet.max_row + 1, column=1, value="")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def ods(headers=HEADERS, rows=ROWS, *, title: str | None = None,
        trailing_empty: int = 0) -> bytes:
    """An OpenDocument sheet as LibreOffice writes it, repeated empty rows included."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Deelnemers")

    def cell(value):
        if value in (None, ""):
            return TableCell()
        if isinstance(value, int | float):
            c = TableCell(valuetype="float", value=value)
            c.addElement(P(text=str(value)))
            return c
        c = TableCell(valuetype="string")
        c.addElement(P(text=str(value)))
        return c

    if title:
        row = TableRow()
        first = TableCell(valuetype="string", numbercolumnsspanned=len(headers))
        first.addElement(P(text=title))
        row.addElement(first)
        for _ in range(len(headers) - 1):
            row.addElement(CoveredTableCell())
        table.addElement(row)
    for values in [headers, *rows]:
        row = TableRow()
        for value in values:
            row.addElement(cell(value))
        row.addElement(TableCell(numbercolumnsrepeated=1000))
        table.addElement(row)
    if trailing_empty:
        row = TableRow(numberrowsrepeated=trailing_empty)
        row.addElement(TableCell(numbercolumnsrepeated=1024))
        table.addElement(row)
    document.spreadsheet.addElement(table)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def csv_bytes(headers=HEADERS, rows=ROWS, *, delimiter=";", encoding="cp1252",
              bom: bool = False, trailing_empty: int = 0) -> bytes:
    """A CSV file as Excel saves it (Dutch Excel: ``;`` and Windows-1252, CRLF)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    for _ in range(trailing_empty):
        writer.writerow([""] * len(headers))
    data = out.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data
