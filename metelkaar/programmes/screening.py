"""Intake notes, certificates of conduct (VOG) and training: what gates matching.

A programme's required steps must be done before an enrolment can wait for a
match: a valid VOG before *screened* (for the sides that need one) and at
least one attended training session before *trained*.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.people.models import Consent
from metelkaar.programmes.models import Attendance, Enrolment, Screening, TrainingSession

VOG_VALID_YEARS = 3


def vog_valid_until(issued: dt.date) -> dt.date:
    """Three years after the date of issue (29 February becomes 28 February)."""
    try:
        return issued.replace(year=issued.year + VOG_VALID_YEARS)
    except ValueError:
        return issued.replace(year=issued.year + VOG_VALID_YEARS, day=28)


def valid_vog(enrolment: Enrolment, *, on: dt.date | None = None) -> Screening | None:
    on = on or timezone.localdate()
    return (
        enrolment.screenings.filter(kind=Screening.Kind.VOG, date__lte=on, valid_until__gte=on)
        .order_by("-valid_until")
        .first()
    )


def has_attended_training(enrolment: Enrolment) -> bool:
    return Attendance.objects.filter(enrolment=enrolment, present=True).exists()


ADULT_AGE = 18


def needs_guardian_consent(enrolment: Enrolment) -> bool:
    """A minor may only wait for a match once a parent or guardian has consented."""
    return (
        enrolment.person.age < ADULT_AGE
        and not enrolment.person.consents.filter(
            purpose=Consent.Purpose.GUARDIAN, withdrawn_at__isnull=True
        ).exists()
    )


def gate_problem(enrolment: Enrolment, to_status: str) -> str | None:
    """Why the enrolment may not enter ``to_status`` yet, or ``None`` when it may."""
    S = Enrolment.Status
    if to_status == S.WAITING and needs_guardian_consent(enrolment):
        return str(_("A parent or guardian must give consent before a minor can be matched."))
    if to_status == S.SCREENED and valid_vog(enrolment) is None:
        return str(_("Record a valid certificate of conduct (VOG) first."))
    if to_status == S.TRAINED and not has_attended_training(enrolment):
        return str(_("This person has not attended a training session yet."))
    return None


def screening_record_vog(
    *, enrolment: Enrolment, issued: dt.date, by, notes: str = ""
) -> Screening:
    if issued > timezone.localdate():
        raise ValueError("a VOG cannot be issued in the future")
    return Screening.objects.create(
        enrolment=enrolment,
        kind=Screening.Kind.VOG,
        date=issued,
        valid_until=vog_valid_until(issued),
        notes=notes,
        recorded_by=by,
    )


def enrolment_save_intake_notes(*, enrolment: Enrolment, notes: str, by) -> Enrolment:
    with transaction.atomic():
        Enrolment.objects.filter(pk=enrolment.pk).update(intake_notes=notes)
        Screening.objects.create(
            enrolment=enrolment, kind=Screening.Kind.INTAKE, notes=notes, recorded_by=by
        )
    enrolment.intake_notes = notes
    return enrolment


def training_session_create(
    *, programme, title: str, starts_at, place: str = ""
) -> TrainingSession:
    return TrainingSession.objects.create(
        programme=programme, title=title, starts_at=starts_at, place=place
    )


def attendance_set(*, session: TrainingSession, enrolment: Enrolment, present: bool) -> Attendance:
    if enrolment.programme_id != session.programme_id:
        raise ValueError("enrolment and training session belong to different programmes")
    attendance, _created = Attendance.objects.update_or_create(
        session=session, enrolment=enrolment, defaults={"present": present}
    )
    return attendance
