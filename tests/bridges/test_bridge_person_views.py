"""The bridge person's pages: only their own assignments, answered once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from metelkaar.bridges import services
from metelkaar.bridges.models import BridgeRequest, HoursLog
from tests.conftest import PASSWORD


@pytest.fixture
def assignment(school_request, fatima_bridge, anna):
    return services.bridge_request_assign(
        bridge_request=school_request, enrolment=fatima_bridge.enrolment, by=anna
    )


def urls(assignment):
    return {
        name: reverse(f"bridges:{name}", args=[assignment.public_id])
        for name in ("assignment_detail", "assignment_accept", "assignment_decline", "hours_create")
    }


def test_anonymous_is_sent_to_login(client, assignment):
    assert client.get(reverse("bridges:my_assignments")).status_code == 302
    assert client.get(urls(assignment)["assignment_detail"]).status_code == 302


def test_another_bridge_person_gets_404_and_changes_nothing(client, assignment, jan_bridge, jan):
    client.login(email=jan.email, password=PASSWORD)
    links = urls(assignment)
    assert client.get(links["assignment_detail"]).status_code == 404
    for name in ("assignment_accept", "assignment_decline", "hours_create"):
        assert client.post(links[name], {"hours": "1", "date": "2026-01-01"}).status_code == 404
    assignment.refresh_from_db()
    assert assignment.is_pending
    mine = client.get(reverse("bridges:my_assignments")).content.decode()
    assert "Parent conversation" not in mine


def test_coordinators_do_not_see_the_bridge_persons_page(client, assignment, anna, olga):
    for user in (anna, olga):
        client.login(email=user.email, password=PASSWORD)
        assert client.get(urls(assignment)["assignment_detail"]).status_code == 404


def test_fatima_accepts_and_logs_hours(client, assignment, fatima, django_assert_num_queries):
    client.login(email=fatima.email, password=PASSWORD)
    page = client.get(reverse("bridges:my_assignments"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Parent conversation about school choice" in page.content.decode()
    detail = client.get(urls(assignment)["assignment_detail"], HTTP_ACCEPT_LANGUAGE="en")
    assert "k.smit@regenboog.test" not in detail.content.decode()  # contact only after yes

    client.post(urls(assignment)["assignment_accept"])
    assignment.request.refresh_from_db()
    assert assignment.request.status == BridgeRequest.Status.ACCEPTED
    detail = client.get(urls(assignment)["assignment_detail"])
    assert "k.smit@regenboog.test" in detail.content.decode()

    response = client.post(urls(assignment)["hours_create"], {
        "date": timezone.localdate().isoformat(), "hours": "2.25", "note": "Talk at school",
        "finished": "on",
    })
    assert response.status_code == 302
    assert HoursLog.objects.get().hours == 2.25
    assignment.request.refresh_from_db()
    assert assignment.request.status == BridgeRequest.Status.DONE


@pytest.mark.parametrize("data, message", [
    ({"hours": "0"}, "Hours must be more than zero."),
    ({"hours": "-2"}, "Hours must be more than zero."),
    ({"hours": "25"}, "A day has at most 24 hours."),
    ({"hours": "abc"}, "Write a number of hours, like 1.5."),
    ({"date": "tomorrow"}, "Write a date, like 31-12-2026."),
    ({"date": "FUTURE"}, "You cannot log hours for a day in the future."),
])
def test_bad_hours_are_explained_and_kept(client, assignment, fatima, data, message):
    services.assignment_accept(assignment=assignment)
    client.login(email=fatima.email, password=PASSWORD)
    future = (timezone.localdate() + dt.timedelta(days=2)).isoformat()
    post = {"date": timezone.localdate().isoformat(), "hours": "1", "note": "kept note", **data}
    if post["date"] == "FUTURE":
        post["date"] = future
    response = client.post(urls(assignment)["hours_create"], post, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "kept note" in response.content.decode()
    assert not HoursLog.objects.exists()


def test_hours_over_24_on_one_day_are_refused_with_a_message(client, assignment, fatima):
    services.assignment_accept(assignment=assignment)
    client.login(email=fatima.email, password=PASSWORD)
    today = timezone.localdate().isoformat()
    client.post(urls(assignment)["hours_create"], {"date": today, "hours": "20"})
    response = client.post(urls(assignment)["hours_create"], {"date": today, "hours": "5"},
                           HTTP_ACCEPT_LANGUAGE="en")
    assert "A day has at most 24 hours." in response.content.decode()
    assert HoursLog.objects.count() == 1


def test_hours_before_accepting_are_refused(client, assignment, fatima):
    client.login(email=fatima.email, password=PASSWORD)
    response = client.post(urls(assignment)["hours_create"],
                           {"date": timezone.localdate().isoformat(), "hours": "1"},
                           HTTP_ACCEPT_LANGUAGE="en")
    assert "after you have accepted" in response.content.decode()
    assert not HoursLog.objects.exists()


def test_fatima_declines_and_the_request_waits_again(client, assignment, fatima):
    client.login(email=fatima.email, password=PASSWORD)
    response = client.post(urls(assignment)["assignment_decline"], {"note": "Away that week"})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.declined_at and assignment.decline_note == "Away that week"
    assignment.request.refresh_from_db()
    assert assignment.request.status == BridgeRequest.Status.SUBMITTED
    assert client.get(urls(assignment)["assignment_detail"]).status_code == 200
    response = client.post(urls(assignment)["assignment_accept"], follow=True,
                           HTTP_ACCEPT_LANGUAGE="en")
    assert "You have already answered this request." in response.content.decode()


def test_my_assignments_uses_a_fixed_number_of_queries(
    client, bridge_programme, fatima_bridge, anna, fatima, django_assert_num_queries
):
    from tests.bridges.conftest import submit

    for n in range(3):
        services.bridge_request_assign(
            bridge_request=submit(bridge_programme, what=f"Job {n}"),
            enrolment=fatima_bridge.enrolment, by=anna,
        )
    client.login(email=fatima.email, password=PASSWORD)
    url = reverse("bridges:my_assignments")
    client.get(url)
    with django_assert_num_queries(6):
        response = client.get(url)
    assert response.content.decode().count("Job ") == 3
