"""Step 2 and 3: guessing the columns, and the preview with every bad cell and duplicate."""

from __future__ import annotations

from django.utils import timezone, translation

from metelkaar.imports.cells import message
from metelkaar.imports.fields import guess_mapping
from metelkaar.imports.preview import build_preview
from metelkaar.imports.readers import Table
from tests.conftest import make_person


def test_dutch_and_english_headers_are_guessed():
    headers = ["Voornaam", "Achternaam", "Geboortejaar", "Talen", "Postcode", "E-mail",
               "Telefoon", "Opmerking", "Year of birth"]
    assert guess_mapping(headers) == [
        "first_name", "last_name", "birth_year", "languages", "postcode", "email", "phone",
        "", "",  # unknown, and a field already taken
    ]
    assert guess_mapping(["First name", "Surname", "E-mail address", "Phone number"]) == [
        "first_name", "last_name", "email", "phone"]


def test_special_category_columns_are_never_guessed_even_if_remembered():
    assert guess_mapping(["Voornaam", "Land van herkomst", "Geloof"],
                         {"Land van herkomst": "about"}) == ["first_name", "", ""]


def test_a_remembered_mapping_wins_over_the_guess():
    assert guess_mapping(["Naam", "Jaar"], {"naam": "first_name", "JAAR": "birth_year"}) == [
        "first_name", "birth_year"]


def _preview(programme, rows, headers=("Voornaam", "Achternaam", "Geboortejaar", "Talen",
                                       "Postcode", "E-mail", "Telefoon")):
    table = Table(headers=list(headers), rows=[(n + 2, list(r)) for n, r in enumerate(rows)])
    return build_preview(table=table, mapping=guess_mapping(table.headers), programme=programme)


def test_every_bad_cell_has_its_row_column_and_a_reason(programme):
    future = timezone.localdate().year + 1
    preview = _preview(programme, [
        ["Zoë", "Çelik", 1988, "Nederlands, Turks (4)", "1091ab", "ZOE@Example.test", ""],
        ["Ümit", "Öztürk", future, "Klingon", "B-1000", "umit@@example", "12"],
        ["", "Leeg", "", "", "", "", ""],
    ])
    first, second, third = preview["rows"]
    assert first["errors"] == []
    assert first["values"]["postcode"] == "1091 AB"
    assert first["values"]["email"] == "zoe@example.test"
    assert first["values"]["languages"] == {"nl": 3, "tr": 4}
    assert second["n"] == 3
    assert sorted((col, code) for col, code, _v in second["errors"]) == [
        (2, "year_future"), (3, "unknown_language"), (4, "postcode_not_dutch"),
        (5, "email_malformed"), (6, "phone_malformed")]
    assert sorted(code for _c, code, _v in third["errors"]) == ["required", "required"]
    assert preview["counts"]["bad_rows"] == 2
    assert preview["counts"]["errors"] == 7


def test_reasons_read_in_the_language_of_the_reader():
    with translation.override("nl"):
        dutch = message("postcode_not_dutch", "B-1000")
    with translation.override("en"):
        english = message("postcode_not_dutch", "B-1000")
    assert "B-1000" in dutch and "B-1000" in english
    assert "Nederlandse postcode" in dutch
    assert "Dutch postcode" in english


def test_duplicates_by_email_ignoring_case_and_by_name_year_postcode(programme, org):
    on_file = make_person(org, "Fatima", last_name="El Amrani", email="fatima@example.test",
                          birth_year=1990, postcode="1091 AB")
    preview = _preview(programme, [
        ["Someone", "Else", 1970, "", "", "FATIMA@example.test", ""],
        ["fatima", "el amrani", 1990, "", "1091AB", "", ""],
        ["Piet", "Jansen", 1960, "", "1092 CD", "piet@example.test", ""],
        ["Piet", "Jansen", 1960, "", "1092 CD", "", ""],
    ])
    dups = [row.get("dup") for row in preview["rows"]]
    assert dups[0] == {"kind": "email", "person": on_file.pk, "enrolled": False}
    assert dups[1] == {"kind": "name", "person": on_file.pk, "enrolled": False}
    assert dups[2] is None
    assert dups[3] == {"kind": "name", "row": 2, "row_n": 4}
    assert preview["counts"]["duplicates"] == 3 and preview["counts"]["new"] == 1
