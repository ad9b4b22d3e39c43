"""Bridging ties from matches and repeated co-attendance, and the ties page."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from metelkaar.activities.models import GroupSeries, GroupSession, SessionRsvp
from metelkaar.impact import ties
from metelkaar.programmes.models import Programme


def _cafe(org, visits):
    """``visits``: {visitor: (background, [session index, ...])}."""
    cafe = Programme.objects.create(organisation=org, name="Taalcafé", kind="group")
    series = GroupSeries.objects.create(programme=cafe, title="Taalcafé", place="Buurthuis",
                                        weekday=2, start_time=dt.time(19))
    today = timezone.localdate()
    sessions = [GroupSession.objects.create(series=series, date=today - dt.timedelta(days=30 - k),
                                            place="Buurthuis", capacity=20) for k in range(3)]
    for name, (background, indexes) in visits.items():
        for k in indexes:
            SessionRsvp.objects.create(session=sessions[k], name=name, visitor_key=name,
                                       background=background, attended=True)


def test_match_and_repeated_co_attendance_make_ties(report_world, org):
    _cafe(org, {"amal": ("newcomer", [0, 1, 2]), "henk": ("resident", [0, 2]),
                "ria": ("resident", [1])})
    today = timezone.localdate()
    points, graph = ties.tie_trend(org, [today])
    # the running match (Sanne, a newcomer by her Dutch, 26 — Lotte, 76) and Amal–Henk
    # (twice together); Ria came with Amal once only: no tie.
    assert points[-1].ties == 2
    assert points[-1].newcomer_resident == 2
    assert points[-1].young_old == 1


def test_ties_page_shows_numbers_and_a_picture_without_names(client, anna, olga, report_world):
    client.force_login(anna)
    response = client.get(reverse("impact:ties"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "<circle" in html
    for name in ("Sanne", "Lotte", "Fatima"):
        assert name not in html
    client.force_login(olga)
    assert client.get(reverse("impact:ties")).context["organisation"].slug == "buurtwerk-west"
