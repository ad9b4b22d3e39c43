"""Fixtures for partner schools: Anna's mentor programme "Mentoren Oost" with the
school "De Regenboog" (contact: juf Els), mentor Sara (a student, side A) and
pupil Noor (groep 7/8, side B) in an active match, and pupil Daan of another
school "De Wilgen" in the same programme.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from metelkaar.matches.models import Match
from metelkaar.partners import services
from metelkaar.people.models import Consent, User
from metelkaar.programmes.models import Enrolment, Programme
from tests.conftest import PASSWORD, make_person

THIS_YEAR = timezone.localdate().year


def pupil(org, first_name, **fields):
    person = make_person(org, first_name, last_name="Surname-XYZ", birth_year=THIS_YEAR - 11,
                         email="", **fields)
    Consent.objects.create(person=person, purpose=Consent.Purpose.GUARDIAN,
                           given_by="Ouder van " + first_name)
    return person


@pytest.fixture
def mentor_programme(org):
    return Programme.objects.create(
        organisation=org, name="Mentoren Oost", kind="mentor", side_a_label="Mentor",
        side_b_label="Pupil", requires_screening=True, screening_side="a",
    )


@pytest.fixture
def sara(org):
    user = User.objects.create_user("sara@student.test", PASSWORD, full_name="Sara")
    return make_person(org, "Sara", last_name="Student", user=user, email=user.email,
                       birth_year=THIS_YEAR - 21)


@pytest.fixture
def noor_enrolment(org, mentor_programme):
    return Enrolment.objects.create(programme=mentor_programme, person=pupil(org, "Noor"),
                                    side="b", status="matched")


@pytest.fixture
def daan_enrolment(org, mentor_programme):
    return Enrolment.objects.create(programme=mentor_programme, person=pupil(org, "Daan"),
                                    side="b", status="waiting")


@pytest.fixture
def sara_enrolment(mentor_programme, sara):
    return Enrolment.objects.create(programme=mentor_programme, person=sara, side="a",
                                    status="matched")


@pytest.fixture
def match(mentor_programme, sara_enrolment, noor_enrolment):
    """Sara mentors Noor since more than a year (so last school year's sessions exist)."""
    return Match.objects.create(
        programme=mentor_programme, enrolment_a=sara_enrolment, enrolment_b=noor_enrolment,
        status=Match.Status.ACTIVE, started_at=timezone.localdate() - dt.timedelta(days=500),
    )


@pytest.fixture
def regenboog(mentor_programme, anna):
    return services.partner_create(
        programme=mentor_programme, name="De Regenboog", kind="school",
        contact_name="Els Meijer", contact_email="els@regenboog.test", by=anna,
    )


@pytest.fixture
def wilgen(mentor_programme, anna):
    return services.partner_create(
        programme=mentor_programme, name="De Wilgen", kind="school",
        contact_name="Kees Bos", contact_email="kees@wilgen.test", by=anna,
    )


@pytest.fixture
def placed(regenboog, wilgen, noor_enrolment, daan_enrolment, anna):
    services.pupil_place(partner=regenboog, enrolment=noor_enrolment, group="groep 7/8", by=anna)
    services.pupil_place(partner=wilgen, enrolment=daan_enrolment, group="groep 8", by=anna)
    return regenboog
