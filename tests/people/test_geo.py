"""Postcodes: normalised, and turned into a neighbourhood's centre (never an address)."""

from __future__ import annotations

import pytest

from metelkaar.people.geo import (
    Location,
    location_for_postcode,
    neighbourhood_for_postcode,
    postcode_normalise,
    postcode_pc4,
)
from metelkaar.people.models import Neighbourhood


@pytest.mark.parametrize("raw,expected", [
    ("1094AB", "1094 AB"), ("1094 ab", "1094 AB"), ("  1094   Ab ", "1094 AB"),
    ("9999ZZ", "9999 ZZ"),
])
def test_valid_postcodes_are_normalised(raw, expected):
    assert postcode_normalise(raw) == expected


@pytest.mark.parametrize("raw", [
    "", "1094", "0123 AB", "10941AB", "1094 A", "1094 SS", "AB 1094", "١٠٩٤ AB", None,
    "1094-AB", "x" * 10000,
])
def test_other_values_are_not_postcodes(raw):
    assert postcode_normalise(raw) is None


def test_pc4_is_the_four_digits():
    assert postcode_pc4("1094ab") == "1094"
    assert postcode_pc4("nonsense") is None


@pytest.fixture
def oost(org):
    return Neighbourhood.objects.create(
        organisation=org, name="Oost", postcode_areas=["1093", "1094"],
        latitude=52.36, longitude=4.93,
    )


@pytest.mark.django_db
class TestNeighbourhood:
    def test_the_pc4_area_finds_the_neighbourhood(self, org, oost):
        assert neighbourhood_for_postcode(organisation=org, postcode="1094 AB") == oost
        assert location_for_postcode(organisation=org, postcode="1093XX") == Location(
            oost, 52.36, 4.93)

    def test_an_area_outside_the_organisation_gives_no_location(self, org, oost):
        assert location_for_postcode(organisation=org, postcode="1011 AB") == Location()

    def test_another_organisations_neighbourhood_is_never_used(self, org, other_org):
        Neighbourhood.objects.create(
            organisation=other_org, name="West", postcode_areas=["1094"], latitude=1, longitude=1
        )
        assert neighbourhood_for_postcode(organisation=org, postcode="1094 AB") is None

    def test_a_malformed_area_list_is_ignored(self, org):
        Neighbourhood.objects.create(organisation=org, name="Odd", postcode_areas={"x": 1})
        assert neighbourhood_for_postcode(organisation=org, postcode="1094 AB") is None

    def test_an_invalid_postcode_gives_no_location(self, org, oost):
        assert location_for_postcode(organisation=org, postcode="") == Location()
