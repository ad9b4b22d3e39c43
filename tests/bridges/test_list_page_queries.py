"""The bridge person's assignment page lists the hours in the same queries for 2 as for 12."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from metelkaar.bridges import services
from tests.pinning import assert_flat


def test_the_assignment_hours_are_flat(client, school_request, fatima_bridge, anna, fatima):
    assignment = services.bridge_request_assign(
        bridge_request=school_request, enrolment=fatima_bridge.enrolment, by=anna)
    services.assignment_accept(assignment=assignment)

    def grow(n):
        for i in range(assignment.hours.count(), n):
            services.hours_log(assignment=assignment, by=fatima.user,
                               date=timezone.localdate() - dt.timedelta(days=i),
                               hours=Decimal("1.5"), note=f"Gesprek {i}")

    client.force_login(fatima.user)
    assert_flat(client, reverse("bridges:assignment_detail", args=[assignment.public_id]), grow,
                shows="Gesprek 11")
