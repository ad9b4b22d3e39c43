"""Coordinator pages: Anna runs her programme, Olga sees nothing of it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from metelkaar.bridges import services
from metelkaar.bridges.models import Assignment, BridgeRequest
from tests.bridges.conftest import submit
from tests.conftest import PASSWORD


def programme_urls(programme):
    return [reverse(name, args=[programme.public_id])
            for name in ("bridges:request_list", "bridges:pool", "bridges:report")]


def request_urls(bridge_request):
    return [reverse("bridges:request_detail", args=[bridge_request.public_id])]


@pytest.fixture
def as_anna(client, anna):
    client.login(email=anna.email, password=PASSWORD)
    return client


def test_anonymous_is_sent_to_login(client, bridge_programme, school_request):
    for url in programme_urls(bridge_programme) + request_urls(school_request):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_a_participant_gets_403(client, fatima, bridge_programme, school_request):
    client.login(email=fatima.email, password=PASSWORD)
    for url in programme_urls(bridge_programme) + request_urls(school_request):
        assert client.get(url).status_code == 403


def test_olga_gets_404_on_every_object_of_anna(
    client, olga, bridge_programme, school_request, fatima_bridge
):
    client.login(email=olga.email, password=PASSWORD)
    urls = programme_urls(bridge_programme) + request_urls(school_request) + [
        reverse("bridges:profile_edit", args=[fatima_bridge.enrolment.public_id]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    for name in ("bridges:request_assign", "bridges:request_decline"):
        response = client.post(reverse(name, args=[school_request.public_id]),
                               {"enrolment": str(fatima_bridge.enrolment.public_id), "reason": "x"})
        assert response.status_code == 404
    school_request.refresh_from_db()
    assert school_request.status == BridgeRequest.Status.SUBMITTED


def test_anna_sees_her_pages(as_anna, bridge_programme, school_request, fatima_bridge):
    for url in programme_urls(bridge_programme) + request_urls(school_request):
        assert as_anna.get(url).status_code == 200


def test_the_pages_of_a_non_bridge_programme_are_404(as_anna, programme):
    for url in programme_urls(programme):
        assert as_anna.get(url).status_code == 404


def test_request_list_uses_a_fixed_number_of_queries(
    as_anna, bridge_programme, django_assert_num_queries
):
    for n in range(3):
        submit(bridge_programme, requester_name=f"School {n}")
    url = reverse("bridges:request_list", args=[bridge_programme.public_id])
    as_anna.get(url)
    with django_assert_num_queries(7):
        response = as_anna.get(url)
    assert response.content.decode().count("School ") == 3
    for n in range(3, 8):
        submit(bridge_programme, requester_name=f"School {n}")
    with django_assert_num_queries(7):
        as_anna.get(url)


def test_pool_uses_a_fixed_number_of_queries(
    as_anna, bridge_programme, fatima_bridge, jan_bridge, django_assert_num_queries
):
    url = reverse("bridges:pool", args=[bridge_programme.public_id])
    as_anna.get(url)
    with django_assert_num_queries(7):
        response = as_anna.get(url)
    assert "Fatima El Amrani" in response.content.decode()


def test_request_detail_ranks_and_assigns(as_anna, school_request, fatima_bridge, jan_bridge):
    url = reverse("bridges:request_detail", args=[school_request.public_id])
    body = as_anna.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert body.index("Fatima El Amrani") < body.index("Jan Bakker")
    assert "Speaks Arabic." in body
    assert "<dd>Arabic</dd>" in body  # the request's language, by name

    response = as_anna.post(
        reverse("bridges:request_assign", args=[school_request.public_id]),
        {"enrolment": str(fatima_bridge.enrolment.public_id)},
    )
    assert response.status_code == 302
    assert Assignment.objects.get().enrolment == fatima_bridge.enrolment


def test_assigning_someone_not_suggested_is_refused_with_a_message(
    as_anna, school_request, olga_bridge
):
    response = as_anna.post(
        reverse("bridges:request_assign", args=[school_request.public_id]),
        {"enrolment": str(olga_bridge.enrolment.public_id)}, HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "Choose one of the suggested bridge persons." in response.content.decode()
    assert not Assignment.objects.exists()


def test_declining_needs_a_reason(as_anna, school_request):
    url = reverse("bridges:request_decline", args=[school_request.public_id])
    response = as_anna.post(url, {"reason": ""}, HTTP_ACCEPT_LANGUAGE="en")
    assert "Write a short reason for the organisation." in response.content.decode()
    as_anna.post(url, {"reason": "We have nobody who speaks this language."})
    school_request.refresh_from_db()
    assert school_request.status == BridgeRequest.Status.DECLINED


def test_profile_edit_saves_cultures_and_hours(as_anna, fatima_bridge):
    url = reverse("bridges:profile_edit", args=[fatima_bridge.enrolment.public_id])
    response = as_anna.post(url, {"cultures": ["iraq"], "engagement": "volunteer",
                                  "max_hours_per_month": "300"}, HTTP_ACCEPT_LANGUAGE="en")
    assert "Write at most 200 hours." in response.content.decode()
    as_anna.post(url, {"cultures": ["iraq"], "engagement": "volunteer", "max_hours_per_month": "8"})
    fatima_bridge.refresh_from_db()
    assert (fatima_bridge.cultures, fatima_bridge.max_hours_per_month) == (["iraq"], 8)


def test_report_has_an_empty_state(as_anna, bridge_programme):
    body = as_anna.get(reverse("bridges:report", args=[bridge_programme.public_id]),
                       HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "No request has been assigned yet" in body
    assert "No hours have been logged yet." in body
    assert '<svg role="img"' not in body  # no chart (icons are svg too, aria-hidden)


def test_report_counts_requests_hours_and_time_to_assignment(
    as_anna, bridge_programme, fatima_bridge, anna, fatima, django_assert_max_num_queries
):
    school = submit(bridge_programme)
    submit(bridge_programme, requester_name="Gemeente", requester_kind="municipality")
    BridgeRequest.objects.filter(pk=school.pk).update(
        submitted_at=timezone.now() - timezone.timedelta(hours=30)
    )
    school.refresh_from_db()
    assignment = services.bridge_request_assign(
        bridge_request=school, enrolment=fatima_bridge.enrolment, by=anna
    )
    services.assignment_accept(assignment=assignment)
    services.hours_log(assignment=assignment, by=fatima.user, date=timezone.localdate(),
                       hours=Decimal("3.5"))
    with django_assert_max_num_queries(12):
        response = as_anna.get(reverse("bridges:report", args=[bridge_programme.public_id]),
                               HTTP_ACCEPT_LANGUAGE="en")
    body = response.content.decode()
    assert "within 30 hours" in body
    assert "OBS De Regenboog" in body and "Gemeente" in body
    assert "3.5 hours in total" in body
    assert body.count('<svg role="img"') == 2  # the two charts
    assert "<caption>Hours per bridge person</caption>" in body


def test_request_detail_queries_do_not_grow_with_the_pool(
    as_anna, bridge_programme, school_request, anna, django_assert_num_queries
):
    from metelkaar.bridges.services import bridge_person_add
    from tests.conftest import make_person

    url = reverse("bridges:request_detail", args=[school_request.public_id])
    for name in ("Amal", "Yonas"):
        person = make_person(bridge_programme.organisation, name)
        bridge_person_add(programme=bridge_programme, person=person, by=anna, cultures=["syria"])
    as_anna.get(url)
    with django_assert_num_queries(7):
        as_anna.get(url)
    for name in ("Samira", "Omid", "Lina"):
        person = make_person(bridge_programme.organisation, name)
        bridge_person_add(programme=bridge_programme, person=person, by=anna, cultures=[])
    with django_assert_num_queries(7):
        body = as_anna.get(url).content.decode()
    assert body.count('name="enrolment"') == 5


def test_programme_links_show_only_for_a_bridge_programme(bridge_programme, programme):
    from django.template.loader import render_to_string

    html = render_to_string("bridges/_programme_links.html", {"programme": bridge_programme})
    assert reverse("bridges:report", args=[bridge_programme.public_id]) in html
    assert reverse("bridges:request_create", args=[bridge_programme.public_id]) in html
    assert render_to_string("bridges/_programme_links.html", {"programme": programme}).strip() == ""
