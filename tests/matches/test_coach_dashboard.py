"""The coach dashboard: a constant number of queries, attention first, only own matches."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from metelkaar.matches import selectors, services
from metelkaar.matches.models import ContactMoment, Match, Signal
from tests.conftest import PASSWORD, make_person

from .conftest import enrol

pytestmark = pytest.mark.django_db


def make_active_matches(n, programme, org, anna, coach):
    """``n`` active matches coached by ``coach``, each with a contact and a signal."""
    today = timezone.localdate()
    matches = []
    for i in range(n):
        a = enrol(programme, make_person(org, f"Anouk{i}"), "a")
        b = enrol(programme, make_person(org, f"Bas{i}"), "b")
        match = Match.objects.create(programme=programme, enrolment_a=a, enrolment_b=b,
                                     status="active", coach=coach, coordinator=anna,
                                     started_at=today - timedelta(days=7 * i))
        ContactMoment.objects.create(match=match, date=today, activity="walk",
                                     direction="together", logged_by=a)
        if i % 2:
            Signal.objects.create(match=match, rule="no_contact", params={"days": 30})
        matches.append(match)
    return matches


@pytest.mark.parametrize("n", [3, 30])
def test_the_dashboard_uses_the_same_queries_for_3_and_30(n, programme, org, anna, bram,
                                                           django_assert_num_queries):
    make_active_matches(n, programme, org, anna, bram)
    with django_assert_num_queries(2):
        matches = selectors.coach_dashboard(user=bram)
        for match in matches:
            str(match.enrolment_a.person), str(match.programme), match.open_signals
    assert len(matches) == n


@pytest.mark.parametrize("n", [3, 30])
def test_the_dashboard_page_query_count_is_flat(n, client, programme, org, anna, bram,
                                                django_assert_num_queries):
    make_active_matches(n, programme, org, anna, bram)
    client.login(email=bram.email, password=PASSWORD)
    client.get(reverse("matches:coach_dashboard"))
    # session, user, roles (memberships, participant?), matches, open signals: the
    # coach check reads the roles the navigation loads anyway.
    with django_assert_num_queries(6):
        response = client.get(reverse("matches:coach_dashboard"))
    assert response.status_code == 200
    assert response.content.decode().count("needs-attention") == n // 2


def test_attention_first_and_only_my_matches(programme, org, anna, bram):
    from metelkaar.people.models import Membership, User

    carla = User.objects.create_user("carla@samen-oost.test", PASSWORD, full_name="Carla")
    Membership.objects.create(user=carla, organisation=org, role="coach")
    mine = make_active_matches(4, programme, org, anna, bram)
    theirs = make_active_matches(1, programme, org, anna, carla)
    shown = selectors.coach_dashboard(user=bram)
    assert {m.pk for m in shown} == {m.pk for m in mine}
    assert theirs[0].pk not in {m.pk for m in shown}
    assert all(shown[i].open_signals for i in range(2))
    assert [m.pk for m in selectors.coach_dashboard(user=bram, sort="weeks")][0] == mine[-1].pk


def test_the_coach_sees_the_logged_contact_and_resolves_a_signal(client, active, bram, jan):
    services.contact_log(match=active, by=jan.user, day=timezone.localdate(), activity="diy",
                         duration_minutes=60, view="i_helped")
    signal = Signal.objects.create(match=active, rule="no_contact", params={"days": 30})
    client.login(email=bram.email, password=PASSWORD)
    body = client.get(reverse("matches:coach_dashboard")).content.decode()
    assert "1 / 1" in body and "30" in body
    response = client.post(reverse("matches:signal_resolve", args=[signal.pk]),
                           {"note": "Phoned Jan", "next": reverse("matches:coach_dashboard")})
    assert response.status_code == 302 and response.url == reverse("matches:coach_dashboard")
    signal.refresh_from_db()
    assert signal.resolved_by == bram and signal.resolution_note == "Phoned Jan"


def test_an_outsider_cannot_resolve(client, active, olga):
    signal = Signal.objects.create(match=active, rule="no_contact", params={"days": 30})
    client.login(email=olga.email, password=PASSWORD)
    assert client.post(
        reverse("matches:signal_resolve", args=[signal.pk]), {"note": "x"}
    ).status_code \
        == 404


def test_an_offsite_next_is_ignored(client, active, bram):
    signal = Signal.objects.create(match=active, rule="no_contact", params={"days": 30})
    client.login(email=bram.email, password=PASSWORD)
    response = client.post(reverse("matches:signal_resolve", args=[signal.pk]),
                           {"note": "ok", "next": "https://evil.example/"})
    assert response.url == reverse("matches:staff_match", args=[active.public_id])


def test_the_figures_of_a_row(programme, org, anna, bram):
    """Contacts in 30 and 60 days, who helped whom, the last contact and check-in."""
    from metelkaar.matches.models import CheckIn

    (match,) = make_active_matches(1, programme, org, anna, bram)  # one contact today
    (quiet,) = make_active_matches(1, programme, org, anna, bram)
    quiet.contacts.all().delete()
    today = timezone.localdate()
    for days, direction in ((10, "a_helped_b"), (45, "a_helped_b"), (90, "b_helped_a")):
        ContactMoment.objects.create(match=match, date=today - timedelta(days=days),
                                     activity="walk", direction=direction,
                                     logged_by=match.enrolment_a)
    now = timezone.now()
    for hours, klik in ((48, 2), (1, 4), (24, 5)):
        CheckIn.objects.create(match=match, enrolment=match.enrolment_a, moment="periodic",
                               due_on=today - timedelta(hours=hours),
                               answered_at=now - timedelta(hours=hours),
                               klik=klik, equality=3, autonomy_problem=1)
    CheckIn.objects.create(match=match, enrolment=match.enrolment_b, moment="periodic",
                           due_on=today, klik=1)  # not answered: not the latest
    rows = {m.pk: m for m in selectors.coach_dashboard(user=bram)}
    row = rows[match.pk]
    assert (row.n30, row.n60, row.n_total) == (2, 3, 4)
    assert (row.n_a, row.n_b, row.n_together) == (2, 1, 1)
    assert row.last_contact == today
    assert (row.last_klik, row.last_equality, row.last_autonomy) == (4, 3, 1)
    assert abs(row.last_checkin_at - (now - timedelta(hours=1))) < timedelta(seconds=1)
    assert (row.mutuality.a_share, row.mutuality.b_share) == (50, 25)
    empty = rows[quiet.pk]
    assert (empty.n30, empty.n60, empty.n_total, empty.n_a) == (0, 0, 0, 0)
    assert empty.last_contact is None and empty.last_checkin_at is None
