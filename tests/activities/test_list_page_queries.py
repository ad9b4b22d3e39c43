"""Café and home-project list pages cost the same queries for 2 rows as for 12."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from metelkaar.activities.models import GroupSeries, GroupSession, SessionRsvp
from metelkaar.activities.services import cafe
from tests.pinning import assert_flat


def _series(programme, title, capacity=50):
    return cafe.group_series_create(
        programme=programme, title=title, place="Bibliotheek", weekday=2,
        start_time=datetime.time(19, 30), capacity=capacity)


def test_the_series_list_is_flat(client, anna, cafe_programme):
    def grow(n):
        for i in range(GroupSeries.objects.count(), n):
            series = _series(cafe_programme, f"Taalcafé {i}")
            cafe.group_session_create(series=series, date=timezone.localdate())

    client.force_login(anna)
    assert_flat(client, reverse("activities:cafe_series_list", args=[cafe_programme.public_id]),
                grow, shows="Taalcafé 11")


def _rsvps(session):
    def grow(n):
        for i in range(session.rsvps.count(), n):
            rsvp = cafe.session_rsvp_create(
                session=session, name=f"Gast{i}", email=f"gast{i}@example.test",
                speaks=["nl", "ar"], practises=["nl"], background="")
            SessionRsvp.objects.filter(pk=rsvp.pk).update(attended=i % 2 == 0)
    return grow


def test_the_session_page_is_flat(client, anna, cafe_programme):
    session = cafe.group_session_create(series=_series(cafe_programme, "Taalcafé"),
                                        date=timezone.localdate() + datetime.timedelta(days=1))
    client.force_login(anna)
    assert_flat(client, reverse("activities:cafe_session", args=[session.public_id]),
                _rsvps(session), shows="Gast11")


def test_the_door_list_is_flat(client, anna, cafe_programme):
    session = cafe.group_session_create(series=_series(cafe_programme, "Taalcafé"),
                                        date=timezone.localdate())
    client.force_login(anna)
    assert_flat(client, reverse("activities:cafe_door", args=[session.public_id]),
                _rsvps(session), shows="Gast11")


def test_the_public_series_page_is_flat(client, cafe_programme):
    series = _series(cafe_programme, "Taalcafé")

    def grow(n):
        for i in range(GroupSession.objects.count(), n):
            cafe.group_session_create(series=series,
                                      date=timezone.localdate() + datetime.timedelta(days=i + 1))

    assert_flat(client, reverse("activities:cafe_public", args=[series.public_id]), grow)


def _project_grower(project, *, group_size: int):
    """``grow(n)``: the project gets ``n`` dates, each with one sign-up of ``group_size``."""
    from metelkaar.activities.services import projects

    def grow(n):
        for i in range(project.dates.count(), n):
            day = projects.project_date_add(
                project=project, date=timezone.localdate() + datetime.timedelta(days=10 + i),
                capacity=6)
            projects.project_signup_create(project_date=day, name=f"Klusser{i}",
                                           email=f"klusser{i}@example.test",
                                           group_size=group_size)

    return grow


def test_the_project_page_is_flat(client, anna, project):
    client.force_login(anna)
    assert_flat(client, reverse("activities:project_detail", args=[project.public_id]),
                _project_grower(project, group_size=2), shows="Klusser11")


def test_the_public_project_page_is_flat(client, project):
    assert_flat(client, reverse("activities:project_public", args=[project.public_id]),
                _project_grower(project, group_size=1))
