"""Reads of the bridge-person programme kind, scoped to what a user may see."""

from __future__ import annotations

import datetime as dt
import statistics
from decimal import Decimal

from django.db.models import Count, DecimalField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from metelkaar.bridges.models import Assignment, BridgeProfile, BridgeRequest, HoursLog
from metelkaar.programmes.models import Enrolment, Programme
from metelkaar.programmes.selectors import programmes_visible_to

ZERO = Value(Decimal(0), output_field=DecimalField(max_digits=8, decimal_places=2))


def bridge_programmes_visible_to(user) -> QuerySet[Programme]:
    return programmes_visible_to(user).filter(kind=Programme.Kind.BRIDGE)


def bridge_programme_open_for_requests(public_id) -> Programme | None:
    return Programme.objects.filter(
        public_id=public_id, kind=Programme.Kind.BRIDGE, is_open=True
    ).select_related("organisation").first()


def bridge_requests_visible_to(user) -> QuerySet[BridgeRequest]:
    return BridgeRequest.objects.filter(programme__in=bridge_programmes_visible_to(user))


def bridge_request_list(*, programme: Programme, status: str = "") -> QuerySet[BridgeRequest]:
    qs = programme.bridge_requests.select_related("requester")
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-submitted_at", "-pk")


def _month_start(today: dt.date | None = None) -> dt.date:
    return (today or timezone.localdate()).replace(day=1)


def _hours_since(start: dt.date):
    rows = (
        HoursLog.objects.filter(assignment__enrolment=OuterRef("enrolment"), date__gte=start)
        .values("assignment__enrolment")
        .annotate(total=Sum("hours"))
        .values("total")
    )
    return Coalesce(Subquery(rows, output_field=DecimalField(max_digits=8, decimal_places=2)), ZERO)


def bridge_pool(*, programme: Programme) -> QuerySet[BridgeProfile]:
    """Bridge profiles of a programme with ``hours_this_month`` and open assignments."""
    return (
        BridgeProfile.objects.filter(enrolment__programme=programme)
        .select_related("enrolment", "enrolment__person")
        .annotate(
            hours_this_month=_hours_since(_month_start()),
            n_open=Count(
                "enrolment__bridge_assignments",
                filter=Q(enrolment__bridge_assignments__declined_at__isnull=True)
                & Q(enrolment__bridge_assignments__request__status__in=["assigned", "accepted"]),
            ),
        )
        .order_by("enrolment__person__first_name", "enrolment__person__last_name", "pk")
    )


def pool_for_ranking(*, bridge_request: BridgeRequest) -> QuerySet[BridgeProfile]:
    """Bridge persons who may take a request: active, and never declined this one."""
    declined = Assignment.objects.filter(
        request=bridge_request, declined_at__isnull=False
    ).values("enrolment")
    return bridge_pool(programme=bridge_request.programme).filter(
        enrolment__status__in=[Enrolment.Status.WAITING, Enrolment.Status.MATCHED]
    ).exclude(enrolment__in=declined)


def enrolments_without_profile(*, programme: Programme) -> QuerySet[Enrolment]:
    return (
        programme.enrolments.filter(bridge_profile__isnull=True)
        .exclude(status__in=[Enrolment.Status.FINISHED, Enrolment.Status.WITHDRAWN])
        .select_related("person")
        .order_by("person__first_name", "pk")
    )


def assignments_of(user) -> QuerySet[Assignment]:
    """Assignments of the bridge person signed in; nothing for anyone else."""
    person = getattr(user, "person", None) if user.is_authenticated else None
    if person is None:
        return Assignment.objects.none()
    return Assignment.objects.filter(enrolment__person=person).select_related(
        "request", "request__requester", "request__programme"
    )


def bridge_report(*, programme: Programme) -> dict:
    """Requests per requester, hours per bridge person, time to first assignment."""
    requests = programme.bridge_requests
    per_requester = list(
        requests.values("requester__name", "requester__kind")
        .annotate(
            total=Count("pk"),
            done=Count("pk", filter=Q(status=BridgeRequest.Status.DONE)),
            open=Count("pk", filter=Q(status__in=["submitted", "assigned", "accepted"])),
        )
        .order_by("-total", "requester__name")
    )
    per_person = list(
        HoursLog.objects.filter(assignment__request__programme=programme)
        .values("assignment__enrolment__person__first_name",
                "assignment__enrolment__person__last_name")
        .annotate(hours=Sum("hours"), n_requests=Count("assignment__request", distinct=True))
        .order_by("-hours", "assignment__enrolment__person__first_name")
    )
    waits = [
        (assigned - submitted).total_seconds() / 3600
        for submitted, assigned in requests.filter(first_assigned_at__isnull=False)
        .values_list("submitted_at", "first_assigned_at")
    ]
    return {
        "per_requester": per_requester,
        "per_person": per_person,
        "n_requests": sum(row["total"] for row in per_requester),
        "total_hours": sum((row["hours"] for row in per_person), Decimal(0)),
        "median_hours_to_assignment": statistics.median(waits) if waits else None,
        "n_assigned": len(waits),
    }
