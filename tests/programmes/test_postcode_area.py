"""Defect 6 of issue 12: a postcode outside the organisation's area is told to the
person (on the last step, before sending) and to the coordinator (enrolment page);
the form's example postcode lies inside the organisation's own area."""

from __future__ import annotations

import pytest
from django.urls import reverse

from metelkaar.people.geo import example_postcode, postcode_outside_area
from metelkaar.people.models import Neighbourhood
from metelkaar.programmes.models import Enrolment
from tests.conftest import PASSWORD
from tests.programmes.signup_helpers import step_url, walk

pytestmark = pytest.mark.django_db


@pytest.fixture
def vlinderhof(org):
    return Neighbourhood.objects.create(
        organisation=org,
        name="De Vlinderhof",
        postcode_areas=["3953", "3951"],
        latitude=52.05,
        longitude=5.57,
    )


def test_the_example_postcode_is_inside_the_organisations_area(client, programme, vlinderhof):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    body = client.get(step_url(programme, "about")).content.decode()
    assert "For example 3951 AB." in body
    assert "1094 AB" not in body
    response = walk(client, programme, {"about": {"postcode": "hello"}}, until="languages")
    assert "This is not a Dutch postcode." in response.content.decode()
    assert "for example 3951 AB." in response.content.decode()


def test_without_neighbourhoods_the_example_is_neutral_and_nothing_is_outside(org):
    assert example_postcode(org) == "1234 AB"
    assert not postcode_outside_area(organisation=org, postcode="1094 AB")


def test_the_person_is_told_before_sending(client, programme, vlinderhof):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    walk(client, programme, {"about": {"postcode": "1094 AB"}}, until="summary")
    body = client.get(step_url(programme, "summary")).content.decode()
    assert (
        "Your postcode 1094 AB is outside the area where Samen Oost works. "
        "You can still send your sign-up."
    ) in body
    walk(client, programme, {"about": {"postcode": "3953 XY"}}, until="summary")
    assert "is outside the area" not in client.get(step_url(programme, "summary")).content.decode()


def test_the_person_is_told_in_dutch_too(client, programme, vlinderhof):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "nl"
    walk(client, programme, {"about": {"postcode": "1094 AB"}}, until="summary")
    body = client.get(step_url(programme, "summary")).content.decode()
    assert "Je postcode 1094 AB ligt buiten het gebied van Samen Oost." in body


def test_the_coordinator_sees_it_on_the_enrolment(client, programme, vlinderhof, anna):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    walk(client, programme, {"about": {"postcode": "1094 AB"}})
    enrolment = Enrolment.objects.get(person__postcode="1094 AB")
    assert enrolment.person.neighbourhood is None
    assert client.login(email=anna.email, password=PASSWORD)
    url = reverse("programmes:enrolment_detail", args=[enrolment.public_id])
    body = client.get(url).content.decode()
    assert "The postcode 1094 AB is outside the neighbourhoods of Samen Oost" in body
    enrolment.person.postcode = "3951 AA"
    enrolment.person.save()
    assert "is outside the neighbourhoods" not in client.get(url).content.decode()
