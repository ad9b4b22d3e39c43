"""A person's page lists their enrolments in the same queries for 2 as for 12."""

from __future__ import annotations

from django.urls import reverse

from metelkaar.programmes.models import Enrolment, Programme
from tests.pinning import assert_flat


def _enrolments(person):
    def grow(n):
        for i in range(person.enrolments.count(), n):
            programme = Programme.objects.create(organisation=person.organisation,
                                                 name=f"Programma {i}", kind="buddy")
            Enrolment.objects.create(programme=programme, person=person, side="a")
    return grow


def test_my_page_is_flat(client, fatima):
    client.force_login(fatima.user)
    assert_flat(client, reverse("people:my_page"), _enrolments(fatima), shows="Programma 11")


def test_the_person_page_is_flat(client, anna, fatima):
    client.force_login(anna)
    assert_flat(client, reverse("people:person_detail", args=[fatima.public_id]),
                _enrolments(fatima), shows="Programma 11")
