"""Services of bridge requests: which steps are allowed, refused and raced."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from metelkaar.bridges import services
from metelkaar.bridges.models import Assignment, BridgeRequest, HoursLog, Requester
from tests.bridges.conftest import submit
from tests.conftest import committed

S = BridgeRequest.Status


def test_a_submitted_request_records_requester_and_mails_a_status_link(
    bridge_programme, mailoutbox
):
    bridge_request = submit(bridge_programme)
    assert bridge_request.status == S.SUBMITTED
    assert bridge_request.requester.kind == "school"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["k.smit@regenboog.test"]
    assert "/bridges/request/status/" in mailoutbox[0].body


def test_the_same_requester_is_reused_whatever_the_case(bridge_programme):
    submit(bridge_programme, requester_name="OBS De Regenboog")
    submit(bridge_programme, requester_name="obs  de regenboog")
    assert Requester.objects.count() == 1


def test_a_closed_or_other_kind_programme_takes_no_requests(bridge_programme, programme):
    bridge_programme.is_open = False
    bridge_programme.save()
    with pytest.raises(services.BridgeError):
        submit(bridge_programme)
    with pytest.raises(services.BridgeError):
        submit(programme)
    assert not BridgeRequest.objects.exists()


def test_assign_accept_and_log_hours_walks_the_request_to_done(school_request, fatima_bridge, anna):
    assignment = services.bridge_request_assign(
        bridge_request=school_request, enrolment=fatima_bridge.enrolment, by=anna
    )
    school_request.refresh_from_db()
    assert school_request.status == S.ASSIGNED
    assert school_request.first_assigned_at is not None

    services.assignment_accept(assignment=assignment)
    school_request.refresh_from_db()
    assert school_request.status == S.ACCEPTED

    services.hours_log(assignment=assignment, by=fatima_bridge.enrolment.person.user,
                       date=timezone.localdate(), hours=Decimal("2.5"), finished=True)
    school_request.refresh_from_db()
    assert school_request.status == S.DONE
    assert school_request.done_at is not None


def test_assigning_tells_the_bridge_person_by_mail(school_request, fatima_bridge, anna, mailoutbox):
    with committed():
        assignment = services.bridge_request_assign(
            bridge_request=school_request, enrolment=fatima_bridge.enrolment, by=anna
        )
    assert mailoutbox[-1].to == ["fatima@example.test"]
    assert str(assignment.public_id) in mailoutbox[-1].body


def test_a_request_cannot_be_assigned_twice(school_request, fatima_bridge, jan_bridge, anna):
    services.bridge_request_assign(
        bridge_request=school_request, enrolment=fatima_bridge.enrolment, by=anna
    )
    with pytest.raises(services.BridgeError):
        services.bridge_request_assign(
            bridge_request=school_request, enrolment=jan_bridge.enrolment, by=anna
        )
    assert Assignment.objects.count() == 1


def test_a_stale_copy_loses_the_race_to_assign(school_request, fatima_bridge, jan_bridge, anna):
    """Two coordinators load the same request; only the first assignment counts."""
    stale = BridgeRequest.objects.get(pk=school_request.pk)
    services.bridge_request_assign(
        bridge_request=school_request, enrolment=fatima_bridge.enrolment, by=anna
    )
    with pytest.raises(services.BridgeError):
        services.bridge_request_assign(
            bridge_request=stale, enrolment=jan_bridge.enrolment, by=anna
        )
    assigned = list(Assignment.objects.values_list("enrolment", flat=True))
    assert assigned == [fatima_bridge.enrolment_id]


def test_a_bridge_person_of_another_programme_cannot_be_assigned(school_request, olga_bridge, anna):
    with pytest.raises(services.BridgeError):
        services.bridge_request_assign(
            bridge_request=school_request, enrolment=olga_bridge.enrolment, by=anna
        )


def test_a_withdrawn_bridge_person_cannot_be_assigned(school_request, fatima_bridge, anna):
    enrolment = fatima_bridge.enrolment
    enrolment.status = "withdrawn"
    enrolment.save()
    with pytest.raises(services.BridgeError):
        services.bridge_request_assign(bridge_request=school_request, enrolment=enrolment, by=anna)


def test_declining_sends_the_request_back_and_an_answer_counts_once(
    school_request, fatima_bridge, anna
):
    assignment = services.bridge_request_assign(
        bridge_request=school_request, enrolment=fatima_bridge.enrolment, by=anna
    )
    stale = Assignment.objects.get(pk=assignment.pk)
    services.assignment_decline(assignment=assignment, note="Not that week")
    school_request.refresh_from_db()
    assert school_request.status == S.SUBMITTED
    with pytest.raises(services.BridgeError):
        services.assignment_accept(assignment=stale)
    school_request.refresh_from_db()
    assert school_request.status == S.SUBMITTED


def test_accepting_twice_is_refused(school_request, fatima_bridge, anna):
    assignment = services.bridge_request_assign(
        bridge_request=school_request, enrolment=fatima_bridge.enrolment, by=anna
    )
    services.assignment_accept(assignment=Assignment.objects.get(pk=assignment.pk))
    with pytest.raises(services.BridgeError):
        services.assignment_accept(assignment=Assignment.objects.get(pk=assignment.pk))


def test_after_a_no_the_request_can_go_to_someone_else(
    school_request, fatima_bridge, jan_bridge, anna
):
    first = services.bridge_request_assign(
        bridge_request=school_request, enrolment=fatima_bridge.enrolment, by=anna
    )
    services.assignment_decline(assignment=first)
    school_request.refresh_from_db()
    services.bridge_request_assign(
        bridge_request=school_request, enrolment=jan_bridge.enrolment, by=anna
    )
    school_request.refresh_from_db()
    assert school_request.status == S.ASSIGNED
    assert school_request.first_assigned_at == first.assigned_at


def test_coordinator_declines_only_unassigned_requests_with_a_reason(
    school_request, fatima_bridge, anna
):
    with pytest.raises(services.BridgeError):
        services.bridge_request_decline(bridge_request=school_request, by=anna, reason="  ")
    services.bridge_request_assign(
        bridge_request=school_request, enrolment=fatima_bridge.enrolment, by=anna
    )
    with pytest.raises(services.BridgeError):
        services.bridge_request_decline(bridge_request=school_request, by=anna, reason="Too late")


def test_cancel_closes_the_open_assignment_but_not_after_acceptance(
    bridge_programme, fatima_bridge, anna
):
    first = submit(bridge_programme)
    assignment = services.bridge_request_assign(
        bridge_request=first, enrolment=fatima_bridge.enrolment, by=anna
    )
    services.bridge_request_cancel(bridge_request=first)
    assignment.refresh_from_db()
    assert first.status == S.CANCELLED
    assert assignment.declined_at is not None

    second = submit(bridge_programme)
    other = services.bridge_request_assign(
        bridge_request=second, enrolment=fatima_bridge.enrolment, by=anna
    )
    services.assignment_accept(assignment=other)
    second.refresh_from_db()
    with pytest.raises(services.BridgeError):
        services.bridge_request_cancel(bridge_request=second)


@pytest.fixture
def accepted(school_request, fatima_bridge, anna):
    assignment = services.bridge_request_assign(
        bridge_request=school_request, enrolment=fatima_bridge.enrolment, by=anna
    )
    return services.assignment_accept(assignment=assignment)


def test_hours_must_be_positive(accepted, fatima):
    for hours in (Decimal(0), Decimal("-1")):
        with pytest.raises(services.BridgeError):
            services.hours_log(assignment=accepted, by=fatima.user,
                               date=timezone.localdate(), hours=hours)
    assert not HoursLog.objects.exists()


def test_hours_are_at_most_24_per_day_over_all_assignments(
    accepted, bridge_programme, fatima, anna
):
    today = timezone.localdate()
    services.hours_log(assignment=accepted, by=fatima.user, date=today, hours=Decimal(20))
    other = services.bridge_request_assign(
        bridge_request=submit(bridge_programme), enrolment=accepted.enrolment, by=anna
    )
    services.assignment_accept(assignment=other)
    with pytest.raises(services.BridgeError):
        services.hours_log(assignment=other, by=fatima.user, date=today, hours=Decimal(5))
    services.hours_log(assignment=other, by=fatima.user, date=today, hours=Decimal(4))
    yesterday = today - dt.timedelta(days=1)
    services.hours_log(assignment=other, by=fatima.user, date=yesterday, hours=Decimal(24))
    assert HoursLog.objects.count() == 3


def test_hours_cannot_be_logged_for_the_future(accepted, fatima):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(services.BridgeError):
        services.hours_log(assignment=accepted, by=fatima.user, date=tomorrow, hours=Decimal(1))


def test_hours_need_an_accepted_assignment(school_request, fatima_bridge, anna, fatima):
    assignment = services.bridge_request_assign(
        bridge_request=school_request, enrolment=fatima_bridge.enrolment, by=anna
    )
    with pytest.raises(services.BridgeError):
        services.hours_log(assignment=assignment, by=fatima.user,
                           date=timezone.localdate(), hours=Decimal(1))


def test_the_database_refuses_more_than_24_hours_in_one_row(accepted):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        HoursLog.objects.create(assignment=accepted, date=timezone.localdate(), hours=Decimal(25))


def test_adding_a_person_twice_is_refused(fatima_bridge, bridge_programme, fatima, anna):
    with pytest.raises(services.BridgeError):
        services.bridge_person_add(programme=bridge_programme, person=fatima, by=anna, cultures=[])


def test_a_person_of_another_organisation_cannot_join_the_pool(bridge_programme, olga_person, anna):
    with pytest.raises(services.BridgeError):
        services.bridge_person_add(
            programme=bridge_programme, person=olga_person, by=anna, cultures=[]
        )
