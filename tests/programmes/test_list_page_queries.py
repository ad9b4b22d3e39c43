"""Training pages cost the same queries for 2 rows as for 12."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from metelkaar.programmes import screening
from metelkaar.programmes.models import Enrolment, TrainingSession
from tests.conftest import make_person
from tests.pinning import assert_flat


def test_the_training_list_is_flat(client, anna, programme):
    def grow(n):
        for i in range(TrainingSession.objects.count(), n):
            screening.training_session_create(
                programme=programme, title=f"Training {i}",
                starts_at=timezone.now() + datetime.timedelta(days=i), place="Buurthuis")

    client.force_login(anna)
    assert_flat(client, reverse("programmes:training_list", args=[programme.public_id]), grow,
                shows="Training 11")


def test_the_attendance_list_is_flat(client, anna, programme, org):
    session = screening.training_session_create(
        programme=programme, title="Intro", starts_at=timezone.now())

    def grow(n):
        for i in range(programme.enrolments.count(), n):
            enrolment = Enrolment.objects.create(
                programme=programme, person=make_person(org, f"Vrijwilliger{i}"), side="b",
                status=Enrolment.Status.INTAKE)
            screening.attendance_set(session=session, enrolment=enrolment, present=i % 2 == 0)

    client.force_login(anna)
    assert_flat(client, reverse("programmes:training_attendance", args=[session.public_id]),
                grow, shows="Vrijwilliger11")


def test_the_enrolment_history_is_flat(client, anna, programme, fatima):
    from metelkaar.programmes.models import EnrolmentStatusChange

    enrolment = Enrolment.objects.create(programme=programme, person=fatima, side="a")

    def grow(n):
        for i in range(enrolment.history.count(), n):
            EnrolmentStatusChange.objects.create(enrolment=enrolment, from_status="applied",
                                                 to_status="intake", by=anna, note=f"Stap {i}")

    client.force_login(anna)
    assert_flat(client, reverse("programmes:enrolment_detail", args=[enrolment.public_id]),
                grow, shows="Stap 11")
