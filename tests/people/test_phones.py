"""One phone rule for the sign-up form, bridge requests and imports."""

from __future__ import annotations

import pytest
from django.utils import translation

from metelkaar.bridges.forms import BridgeRequestForm
from metelkaar.imports import cells
from metelkaar.people.phones import is_phone_number
from metelkaar.programmes.signup_forms import AboutForm


@pytest.mark.parametrize("text", [
    "0612345678", "06 12345678", "020-123 45 67", "+31 (0)20 555 1234", "06.12.34.56.78",
    "020/1234567", "+44 20 7946 0958",
])
def test_numbers_as_people_write_them(text):
    assert is_phone_number(text)


@pytest.mark.parametrize("text", [
    "123456", "1234567", "06-1234-567890123456", "0612345678 ext", "tel 0612345678",
    "++31612345678", "", "+31 6 1234 5678 9012 345",
])
def test_not_numbers(text):
    assert not is_phone_number(text)


@pytest.mark.parametrize("text", ["123456", "06.12.34.56.78"])
def test_the_three_ways_in_agree(text):
    """Before one rule: the sign-up took 123456 and refused dots; the import the reverse."""
    expected = is_phone_number(text)
    with translation.override("en"):
        about = AboutForm({"phone": text})
        about.is_valid()
        assert ("phone" not in about.errors) is expected
        request = BridgeRequestForm({"contact_phone": text})
        request.is_valid()
        assert ("contact_phone" not in request.errors) is expected
        try:
            cells.phone(text, {})
            imported = True
        except cells.CellError:
            imported = False
        assert imported is expected
