"""The demo gets matches with a believable life: intros, agreements, check-ins, signals."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from metelkaar.matches.demo import demo_enrich
from metelkaar.matches.models import (
    Agreement,
    CheckIn,
    CoachContact,
    IntroMeeting,
    Match,
    MatchSeat,
    Signal,
)
from tests.conftest import make_person

from .conftest import enrol

pytestmark = pytest.mark.django_db


def test_every_state_gets_what_it_needs(programme, org, anna, bram):
    now = timezone.now()
    today = now.date()
    plan = [("proposed", None), ("introduced", None), ("active", 200), ("active", 120),
            ("paused", 90), ("closing", 340), ("closed", 380), ("no_click", None),
            ("declined", None)]
    matches = []
    for i, (status, days) in enumerate(plan):
        a = enrol(programme, make_person(org, f"A{i}"), "a")
        b = enrol(programme, make_person(org, f"B{i}"), "b")
        m = Match(programme=programme, enrolment_a=a, enrolment_b=b, status=status,
                  coach=bram if days else None, created_at=now - timedelta(days=400),
                  status_changed_at=now - timedelta(days=5),
                  started_at=today - timedelta(days=days) if days else None)
        if status == "closed":
            m.ended_at, m.closure_reason = today - timedelta(days=10), "term_completed"
        matches.append(m)
    Match.objects.bulk_create(matches)
    counts = demo_enrich(matches=matches, now=now)
    by_status = {m.status: Match.objects.get(pk=m.pk) for m in matches}
    assert MatchSeat.objects.count() == 2 * 6  # the live ones: proposed to closing
    assert IntroMeeting.objects.count() == 7
    assert Agreement.objects.count() == 5
    assert by_status["closed"].ending == "planned"
    assert by_status["no_click"].klik_b is False
    assert by_status["active"].coordinator == anna
    assert CheckIn.objects.filter(answered_at__isnull=False).exists()
    assert CoachContact.objects.exists()
    assert counts["raised"] == Signal.objects.filter(resolved_at=None).count()
    assert not CheckIn.objects.filter(due_on__gt=today).exists()
