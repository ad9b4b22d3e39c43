"""The participant's list of matches costs the same queries for 2 matches as for 12."""

from __future__ import annotations

from django.urls import reverse

from metelkaar.matches.models import Match
from metelkaar.programmes.models import Programme
from tests.conftest import make_person
from tests.matches.conftest import enrol
from tests.pinning import assert_flat


def test_my_matches_is_flat(client, org, fatima):
    def grow(n):
        for i in range(Match.objects.count(), n):
            programme = Programme.objects.create(organisation=org, name=f"Maatjes {i}",
                                                 kind="buddy")
            Match.objects.create(programme=programme, enrolment_a=enrol(programme, fatima, "a"),
                                 enrolment_b=enrol(programme, make_person(org, f"Buddy{i}"), "b"),
                                 status=Match.Status.ACTIVE)

    client.force_login(fatima.user)
    assert_flat(client, reverse("matches:my_matches"), grow, shows="Buddy11")
