"""A family signs up as a household with its children's years of birth."""

import pytest
from django.utils import timezone

from metelkaar.programmes.models import Enrolment, Programme
from metelkaar.programmes.signup_forms import HouseholdForm
from metelkaar.programmes.signup_services import enrolment_signup


@pytest.fixture
def family(org):
    return Programme.objects.create(
        organisation=org, name="Gezinnen", kind="family", side_a_label="Nieuwkomersgezin",
        side_b_label="Gezin uit de buurt",
    )


PROFILE = {
    "first_name": "Samira", "last_name": "Haddad", "email": "samira@example.test", "phone": "",
    "birth_year": 1988, "gender": "woman", "gender_self_described": "", "postcode": "1094 AB",
    "languages": {"ar": 5, "nl": 2}, "interests": [], "offers": [], "needs": [],
    "availability": ["5-morning"], "pref_buddy_gender": [], "pref_age_min": None,
    "pref_age_max": None, "max_km": None,
}


def test_children_years_are_parsed_and_checked():
    year = timezone.localdate().year
    form = HouseholdForm({"household_name": "", "children": f"{year - 3}; {year - 9}"})
    assert form.is_valid()
    assert form.cleaned_data["children"] == [year - 9, year - 3]
    for bad in ("twee", "15", str(year - 30), str(year + 1)):
        assert not HouseholdForm({"children": bad}).is_valid(), bad
    assert HouseholdForm({"children": ""}).is_valid()


def test_signup_creates_the_household_with_its_children(family):
    year = timezone.localdate().year
    enrolment = enrolment_signup(
        programme=family, side="a", profile=PROFILE, participation_consent=True,
        household={"household_name": "", "children": [year - 8, year - 5]},
    )
    household = enrolment.household
    assert household.name == "Gezin Haddad"
    assert household.children_birth_years == [year - 8, year - 5]
    assert enrolment.person.household == household


def test_the_wizard_asks_for_the_family_only_in_family_programmes(client, family, programme):
    page = client.get(f"/aanmelden/{family.public_id}/household/", follow=True)
    assert "Geboortejaren van de kinderen" in page.content.decode()
    other = client.get(f"/aanmelden/{programme.public_id}/household/", follow=True)
    assert "Geboortejaren van de kinderen" not in other.content.decode()
    assert not Enrolment.objects.exists()
