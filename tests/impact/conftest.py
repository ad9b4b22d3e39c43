"""Report data around Anna's programme: enrolments with history, matches, contacts.

Fatima (with a sensitive profile: origin and orientation) and Jan are in a
match that closed early; Lotte and Sanne in one still running; Karim signed
up and withdrew at intake. Nothing sensitive or named may reach an export.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.conftest import make_person


def _at(day: dt.date):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


@pytest.fixture
def report_world(org, programme, fatima, jan, anna, bram):
    from metelkaar.matches.models import CheckIn, CoachContact, ContactMoment, Match
    from metelkaar.people.models import Consent, SensitiveProfile
    from metelkaar.programmes.models import Enrolment, EnrolmentStatusChange

    today = timezone.localdate()
    consent = Consent.objects.create(person=fatima, purpose=Consent.Purpose.SENSITIVE_DATA)
    SensitiveProfile.objects.create(person=fatima, consent=consent, origin="Syrië",
                                    sexual_orientation="lesbisch", refugee_status="asiel")
    lotte = make_person(org, "Lotte", last_name="de Boer", birth_year=1950)
    sanne = make_person(org, "Sanne", last_name="Kok", birth_year=2000,
                        languages={"nl": 1, "ar": 5})
    karim = make_person(org, "Karim", last_name="Haddad")

    def enrol(person, side, path, start):
        e = Enrolment.objects.create(programme=programme, person=person, side=side,
                                     status=path[-1], created_at=_at(start))
        previous = "applied"
        for k, status in enumerate(path[1:], start=1):
            EnrolmentStatusChange.objects.create(enrolment=e, from_status=previous,
                                                 to_status=status,
                                                 at=_at(start + dt.timedelta(days=10 * k)))
            previous = status
        return e

    full = ["applied", "intake", "trained", "waiting", "matched"]
    start = today - dt.timedelta(days=300)
    e_fatima = enrol(fatima, "a", full, start)
    e_jan = enrol(jan, "b", full, start)
    e_sanne = enrol(sanne, "a", full, start)
    e_lotte = enrol(lotte, "b", full, start)
    enrol(karim, "a", ["applied", "intake", "withdrawn"], start)
    began = start + dt.timedelta(days=45)
    closed = Match.objects.create(
        programme=programme, enrolment_a=e_fatima, enrolment_b=e_jan, status="closed",
        started_at=began, ended_at=began + dt.timedelta(days=100), ending="early",
        closure_reason="moved_away", closure_note="Fatima verhuist naar haar zus", coach=bram,
    )
    running = Match.objects.create(
        programme=programme, enrolment_a=e_sanne, enrolment_b=e_lotte, status="active",
        started_at=began, coach=bram,
    )
    for k in range(8):
        ContactMoment.objects.create(match=running, date=began + dt.timedelta(days=14 * k),
                                     activity="coffee",
                                     direction=["a_helped_b", "b_helped_a"][k % 2])
    ContactMoment.objects.create(match=closed, date=began + dt.timedelta(days=3),
                                 activity="walk", direction="a_helped_b")
    CheckIn.objects.create(match=running, enrolment=e_sanne, moment="month1",
                           due_on=began + dt.timedelta(days=30),
                           answered_at=_at(began + dt.timedelta(days=31)), klik=4, equality=5,
                           autonomy_problem=1)
    CoachContact.objects.create(match=running, coach=bram, date=began + dt.timedelta(days=20),
                                kind="phone", with_whom="both")
    return {"closed": closed, "running": running, "today": today, "began": began}
