"""The proposals home lists the programme's runs in the same queries for 2 runs as for 10."""

from __future__ import annotations

from django.urls import reverse

from metelkaar.proposals.models import MatchingRun, ProposedPair
from tests.conftest import make_person
from tests.matches.conftest import enrol
from tests.pinning import assert_flat


def test_the_runs_list_is_flat(client, org, anna, programme):
    def grow(n):
        for i in range(MatchingRun.objects.count(), n):
            run = MatchingRun.objects.create(programme=programme, created_by=anna,
                                             status=MatchingRun.Status.DONE)
            ProposedPair.objects.create(
                run=run, rank=1, score=0.5,
                enrolment_a=enrol(programme, make_person(org, f"A{i}"), "a"),
                enrolment_b=enrol(programme, make_person(org, f"B{i}"), "b"))

    client.force_login(anna)
    # the page shows the last 10 runs; 12 still proves the count does not follow the rows
    assert_flat(client, reverse("proposals:home", args=[programme.public_id]), grow)
