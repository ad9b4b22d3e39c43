"""The demo's coach sees a mix of healthy matches and matches with signals."""

from __future__ import annotations

import pytest

from metelkaar.demo.services import demo_seed
from metelkaar.matches import selectors
from metelkaar.matches.models import Agreement, CheckIn, Match, MatchSeat
from metelkaar.people.models import User

pytestmark = pytest.mark.django_db


def test_the_demo_coach_dashboard_shows_a_mix():
    demo_seed()
    coach = User.objects.get(email="coach@example.org")
    rows = selectors.coach_dashboard(user=coach)
    assert len(rows) >= 10
    with_signals = [m for m in rows if m.open_signals]
    assert 0 < len(with_signals) < len(rows)
    assert {m.status for m in rows} >= {"active", "paused", "closing", "introduced"}
    assert any(m.last_checkin_at for m in rows)


def test_demo_matches_are_consistent():
    demo_seed()
    demo = Match.objects.filter(programme__organisation__slug="demo")
    running = demo.filter(status__in=Match.RUNNING)
    assert Agreement.objects.filter(match__in=running).count() == running.count()
    live = demo.filter(status__in=Match.LIVE).exclude(programme__kind="project")
    assert MatchSeat.objects.filter(match__in=live).count() == 2 * live.count()
    assert set(demo.filter(status="closed").values_list("ending", flat=True)) <= {
        "planned", "early"}
    assert CheckIn.objects.filter(match__in=running, answered_at__isnull=False).exists()
