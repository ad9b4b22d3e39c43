"""Exports of a report: CSV (all tables, one after another), XLSX (a sheet per table), PDF.

They are built from the same :class:`~metelkaar.impact.tables.Table` objects as
the page, so they hold no more than the page shows: no special-category
data, and names only when the coordinator ticked "include names".
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

from django.template.loader import render_to_string

from metelkaar.impact.report import Report

_RISKY = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    """A value safe for a spreadsheet: text that looks like a formula is quoted."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_RISKY) and not re.fullmatch(r"-?\d+(\.\d+)?",
                                                                               value):
        return "'" + value
    return value


def to_csv(report: Report, heading: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([heading])
    writer.writerow([f"{report.start.isoformat()} – {report.end.isoformat()}"])
    for table in report.tables:
        writer.writerow([])
        writer.writerow([table.title])
        writer.writerow(table.columns)
        for row in table.rows:
            writer.writerow([_cell(v.isoformat() if isinstance(v, dt.date) else v) for v in row])
        if table.summary:
            writer.writerow([table.summary])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel opens UTF-8 correctly


def _sheet_name(index: int, title: str) -> str:
    clean = re.sub(r"[\[\]:*?/\\]", " ", title)
    return f"{index} {clean}"[:31]


def to_xlsx(report: Report, heading: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for index, table in enumerate(report.tables, start=1):
        sheet = book.create_sheet(_sheet_name(index, table.title))
        sheet.append([table.title])
        sheet["A1"].font = Font(bold=True)
        sheet.append([f"{heading}: {report.start.isoformat()} – {report.end.isoformat()}"])
        sheet.append(table.columns)
        for cell in sheet[3]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([_cell(v) for v in row])
        if table.summary:
            sheet.append([])
            sheet.append([table.summary])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _no_fetch(url, *args, **kwargs):
    """WeasyPrint may load nothing: every picture is inline SVG, fonts are local."""
    raise ValueError(f"external resource refused: {url}")


def to_pdf(report: Report, heading: str, context: dict) -> bytes:
    from weasyprint import HTML

    html = render_to_string("impact/report_pdf.html", {**context, "report": report,
                                                        "heading": heading})
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf()
