"""Helpers shared by the tests of programme kinds: walk a pair from the engine's
proposal to an active match with the same services production uses."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from metelkaar.matches import services as match_services
from metelkaar.programmes.models import Enrolment
from metelkaar.proposals import services as proposal_services
from metelkaar.proposals.models import MatchingRun


def enrol(programme, person, side, status="waiting", **fields):
    return Enrolment.objects.create(programme=programme, person=person, side=side,
                                    status=status, waiting_since=timezone.now(), **fields)


def run_engine(programme, by) -> MatchingRun:
    """A matching run over the waiting pool, executed at once (as the task does)."""
    run = MatchingRun.objects.create(programme=programme, weights=programme.weights(),
                                     min_score=programme.min_score, created_by=by)
    return proposal_services.run_execute(run=run)


def activate(match, coordinator, user_a, user_b, coach=None):
    """Both say yes, the intro is planned, all three report a klik, the match starts."""
    for user in (user_a, user_b):
        match_services.match_respond(match=match, by=user, accept=True)
    match_services.match_plan_intro(match=match, by=coordinator,
                                    starts_at=timezone.now() + timedelta(days=2),
                                    place="Buurthuis De Pauw")
    for user in (user_a, user_b, coordinator):
        match_services.match_record_klik(match=match, by=user, klik=True)
    return match_services.match_activate(match=match, by=coordinator, meetings_per_month=2,
                                         term_months=12, coach=coach)


@pytest.fixture(autouse=True)
def _english():
    from django.utils import translation

    with translation.override("en"):
        yield
