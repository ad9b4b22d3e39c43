"""Reading real .xlsx, .ods and .csv files: header, rows, encodings, merged cells."""

from __future__ import annotations

import pytest

from metelkaar.imports.readers import ReadError, file_format, read_table
from tests.imports import sheets


def cells_as_text(table):
    return [[None if c is None else str(c) for c in cells] for _n, cells in table.rows]


@pytest.mark.parametrize("fmt,data", [
    ("xlsx", sheets.xlsx()),
    ("ods", sheets.ods()),
    ("csv", sheets.csv_bytes()),
])
def test_it_reads_header_and_rows_of_each_format(fmt, data):
    table = read_table(data, fmt)
    assert table.headers == sheets.HEADERS
    assert [n for n, _c in table.rows] == [2, 3, 4]
    assert cells_as_text(table)[0][:3] == ["Zoë", "Çelik", "1988"]
    assert cells_as_text(table)[1][1] == "Öztürk"


def test_dutch_excel_csv_with_semicolons_in_windows_1252():
    rows = [["Zoë", "Çelik", "1988", "Nederlands", "1091 AB", "zoe@example.test", "€ 0612"]]
    table = read_table(sheets.csv_bytes(rows=rows, encoding="cp1252"), "csv")
    assert table.headers == sheets.HEADERS
    assert table.rows[0][1][:2] == ["Zoë", "Çelik"]
    assert table.rows[0][1][6] == "€ 0612"


def test_utf8_with_bom_keeps_the_first_header_clean():
    table = read_table(sheets.csv_bytes(encoding="utf-8", bom=True, delimiter=","), "csv")
    assert table.headers[0] == "Voornaam"
    assert table.rows[1][1][:2] == ["Ümit", "Öztürk"]


def test_tab_separated_text():
    table = read_table(sheets.csv_bytes(encoding="utf-8", delimiter="\t"), "csv")
    assert table.headers == sheets.HEADERS and len(table.rows) == 3


@pytest.mark.parametrize("fmt,data", [
    ("xlsx", sheets.xlsx(title="Deelnemers 2026")),
    ("ods", sheets.ods(title="Deelnemers 2026")),
])
def test_a_merged_title_row_above_the_header_is_skipped(fmt, data):
    table = read_table(data, fmt)
    assert table.header_row == 2
    assert table.headers == sheets.HEADERS
    assert [n for n, _c in table.rows] == [3, 4, 5]


def test_a_header_cell_merged_over_two_columns_names_both():
    headers = ["Naam", None, "Geboortejaar"]
    rows = [["Zoë", "Çelik", 1988]]
    table = read_table(sheets.xlsx(headers, rows, merge="A1:B1"), "xlsx")
    assert table.headers == ["Naam", "Naam", "Geboortejaar"]


@pytest.mark.parametrize("fmt,data", [
    ("xlsx", sheets.xlsx(trailing_empty=20)),
    ("ods", sheets.ods(trailing_empty=1_048_000)),
    ("csv", sheets.csv_bytes(trailing_empty=20)),
])
def test_empty_trailing_rows_are_left_out(fmt, data):
    table = read_table(data, fmt)
    assert len(table.rows) == 3


@pytest.mark.parametrize("data,fmt", [
    (b"", "csv"), (b"PK\x03\x04 not really a zip", "xlsx"), (b"garbage", "ods"),
])
def test_a_damaged_or_empty_file_is_a_read_error_not_a_crash(data, fmt):
    with pytest.raises(ReadError):
        read_table(data, fmt)


def test_file_format_from_the_name():
    assert file_format("Deelnemers.XLSX") == "xlsx"
    assert file_format("lijst.ods") == "ods"
    assert file_format("export.csv") == "csv"
    assert file_format("oud.xls") is None
