"""Language café: RSVP without account, capacity, attendance, languages, returning visitors."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from metelkaar.activities import selectors
from metelkaar.activities.models import SessionRsvp
from metelkaar.activities.services import cafe as services

pytestmark = pytest.mark.django_db


def rsvp(session, name, email="", practises=("nl",), speaks=("ar",), background="newcomer", **kw):
    return services.session_rsvp_create(
        session=session,
        name=name,
        email=email,
        practises=list(practises),
        speaks=list(speaks),
        background=background,
        **kw,
    )


def post_rsvp(client, series, session, **overrides):
    data = {
        "session": session.pk,
        "name": "Amal",
        "email": "",
        "practises": ["nl"],
        "speaks": ["ar"],
        "background": "newcomer",
        **overrides,
    }
    return client.post(reverse("activities:cafe_public", args=[series.public_id]), data)


def test_a_visitor_rsvps_without_an_account(client, series, session):
    response = post_rsvp(client, series, session)
    assert response.status_code == 200
    assert "Amal" in response.content.decode()
    saved = SessionRsvp.objects.get()
    assert saved.practises == ["nl"] and saved.status == "going" and saved.visitor_key == "n:amal"


def test_a_full_session_says_so_kindly_and_offers_the_waiting_list(client, series, session):
    for name in ["A", "B", "C"]:
        rsvp(session, name)
    response = post_rsvp(client, series, session, name="Dina")
    assert response.status_code == 200
    assert "Sorry, deze bijeenkomst is vol." in response.content.decode()
    assert SessionRsvp.objects.count() == 3
    response = post_rsvp(client, series, session, name="Dina", waiting_list="1")
    assert SessionRsvp.objects.get(name="Dina").status == "waiting"


def test_capacity_cannot_be_exceeded_by_the_service(session):
    for name in ["A", "B", "C"]:
        rsvp(session, name)
    with pytest.raises(services.SessionFullError):
        rsvp(session, "D")
    assert session.rsvps.filter(status="going").count() == 3


def test_a_visitor_must_choose_a_language_and_keeps_what_was_typed(client, series, session):
    response = post_rsvp(client, series, session, practises=[], speaks=[], name="Karim")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Kies minstens één taal" in body
    assert 'value="Karim"' in body


def test_the_host_marks_attendance_with_and_without_htmx(client, anna, session):
    amal = rsvp(session, "Amal")
    client.force_login(anna)
    url = reverse("activities:cafe_attendance", args=[amal.public_id])
    response = client.post(url, {"attended": "1"})
    assert response.status_code == 302
    amal.refresh_from_db()
    assert amal.attended
    response = client.post(url, {"attended": "0"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'aria-pressed="false"' in response.content.decode()
    amal.refresh_from_db()
    assert not amal.attended


def test_coming_in_from_the_waiting_list_takes_a_place(session):
    for name in ["A", "B", "C"]:
        rsvp(session, name)
    dina = rsvp(session, "Dina", waiting_list=True)
    services.rsvp_attendance_set(rsvp=dina, attended=True)
    dina.refresh_from_db()
    assert dina.status == "going" and dina.attended


def test_languages_present_count_only_people_present(session):
    a = rsvp(session, "Amal", practises=["nl"], speaks=["ar"])
    rsvp(session, "Bas", practises=["ar"], speaks=["nl"], background="resident")
    services.rsvp_attendance_set(rsvp=a, attended=True)
    counts = {
        c.code: (c.practise, c.speak) for c in selectors.session_languages_present(session=session)
    }
    assert counts == {"nl": (1, 0), "ar": (0, 1)}


def test_returning_visitors_are_recognised_by_email_else_by_name(series, session):
    later = services.group_session_create(
        series=series, date=session.date + datetime.timedelta(days=7)
    )
    for s in (session, later):
        services.rsvp_attendance_set(rsvp=rsvp(s, "Amal", email="AMAL@example.test"), attended=True)
        services.rsvp_attendance_set(
            rsvp=rsvp(s, " bas  de Wit ", background="resident"), attended=True
        )
    services.rsvp_attendance_set(rsvp=rsvp(later, "Chen"), attended=True)
    rate = selectors.series_returning_rate(series=series)
    assert (rate.visitors, rate.returning, rate.percent) == (3, 2, 67)
    assert selectors.session_returning_count(session=later) == 2


def test_the_table_plan_page_is_printable_and_explains_each_table(client, anna, series, session):
    session.capacity = 20
    session.save()
    for i in range(5):
        services.rsvp_attendance_set(rsvp=rsvp(session, f"New{i}"), attended=True)
        services.rsvp_attendance_set(
            rsvp=rsvp(session, f"Old{i}", practises=[], speaks=["nl"], background="resident"),
            attended=True,
        )
    client.force_login(anna)
    body = client.get(reverse("activities:cafe_tables", args=[session.public_id])).content.decode()
    assert "Tafel 1" in body and "Tafel 2" in body
    assert "Gedeelde oefentaal: Nederlands." in body
    assert "<script>" not in body.split("</head>")[1]


def test_coordinator_pages_need_the_right_organisation(client, anna, olga, bram, series, session):
    amal = rsvp(session, "Amal")
    urls = [
        reverse("activities:cafe_series_list", args=[series.programme.public_id]),
        reverse("activities:cafe_series", args=[series.public_id]),
        reverse("activities:cafe_session", args=[session.public_id]),
        reverse("activities:cafe_door", args=[session.public_id]),
        reverse("activities:cafe_tables", args=[session.public_id]),
    ]
    client.force_login(anna)
    for url in urls:
        assert client.get(url).status_code == 200, url
    client.force_login(olga)
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert (
        client.post(
            reverse("activities:cafe_attendance", args=[amal.public_id]), {"attended": "1"}
        ).status_code
        == 404
    )
    client.force_login(bram)
    assert client.get(urls[1]).status_code == 403
    client.logout()
    assert client.get(urls[1]).status_code == 302


def test_a_coordinator_starts_a_series_and_adds_a_session(client, anna, cafe_programme):
    client.force_login(anna)
    response = client.post(
        reverse("activities:cafe_series_list", args=[cafe_programme.public_id]),
        {
            "title": "Taalcafé",
            "place": "Bibliotheek",
            "weekday": "1",
            "start_time": "19:00",
            "capacity": "20",
        },
    )
    assert response.status_code == 302
    series = cafe_programme.group_series.get()
    day = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    client.post(reverse("activities:cafe_series", args=[series.public_id]), {"date": day})
    assert series.sessions.get().place == "Bibliotheek"


def test_series_page_query_count_does_not_grow_with_sessions(
    client, anna, series, django_assert_num_queries
):
    for i in range(5):
        services.group_session_create(
            series=series, date=timezone.localdate() + datetime.timedelta(days=i)
        )
    client.force_login(anna)
    url = reverse("activities:cafe_series", args=[series.public_id])
    client.get(url)
    with django_assert_num_queries(8):
        client.get(url)
