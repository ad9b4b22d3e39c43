"""One age rule for the sign-up form and imports."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone, translation

from metelkaar.imports import cells
from metelkaar.people.ages import birth_year_bounds
from metelkaar.programmes.signup_forms import AboutForm


def _form_accepts(year: int) -> bool:
    form = AboutForm({"birth_year": str(year)})
    form.is_valid()
    return "birth_year" not in form.errors


def _import_accepts(year: int) -> tuple[bool, str]:
    try:
        cells.birth_year(year, {})
        return True, ""
    except cells.CellError as error:
        return False, cells.message(error.code, error.value, error.value)


def test_bounds():
    assert birth_year_bounds(dt.date(2026, 6, 1)) == (1916, 2018)


@pytest.mark.parametrize("offset", [-111, -110, -9, -8, -7, -1])
def test_the_form_and_the_import_agree_on_every_year(offset):
    """Before one rule an import took a 3-year-old and a person born in 1901."""
    year = timezone.localdate().year + offset
    with translation.override("en"):
        imported, reason = _import_accepts(year)
        assert _form_accepts(year) is imported
    if offset > -8:
        assert "younger than 8" in reason
    if offset < -110:
        assert "more than 110 years ago" in reason
