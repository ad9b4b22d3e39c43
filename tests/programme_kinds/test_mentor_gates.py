"""Mentoring pupils: a parent or guardian consents before any matching, mentors need
a valid certificate of conduct (VOG), pupils need none, the term follows the
school year, and mentor sessions log what was worked on.

Mentor Sara (a student, side A) and pupil Noor (11, groep 7, side B).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from metelkaar.matches.services import contact_log
from metelkaar.partners.schoolyear import school_year_end
from metelkaar.people.models import Consent, User
from metelkaar.privacy.services.exclusion import consent_withdraw_with_effects
from metelkaar.programmes import screening
from metelkaar.programmes.models import Enrolment, Programme
from metelkaar.programmes.presets import PRESETS
from metelkaar.programmes.services import (
    EnrolmentTransitionError,
    enrolment_advance,
    intake_steps,
)
from metelkaar.programmes.signup_services import SignupError, enrolment_signup
from metelkaar.proposals import services as proposal_services
from tests.conftest import PASSWORD, make_person
from tests.programme_kinds.conftest import activate, enrol, run_engine

TODAY = timezone.localdate()
S = Enrolment.Status


@pytest.fixture
def mentors(org):
    return Programme.objects.create(organisation=org, **{
        **PRESETS["mentor"].programme_fields(), "name": "Mentoren Oost",
        "requires_training": False,
    })


def pupil_profile(first_name="Noor", email="ouders.noor@example.test"):
    return {"first_name": first_name, "last_name": "", "email": email, "phone": "",
            "birth_year": TODAY.year - 11, "gender": "", "gender_self_described": "",
            "postcode": "1094AB", "languages": {"nl": 4, "ar": 5}, "interests": ["reading"],
            "offers": [], "needs": ["homework"], "availability": ["2-afternoon"],
            "pref_buddy_gender": [], "pref_age_min": None, "pref_age_max": None,
            "max_km": None}


@pytest.fixture
def sara(org):
    user = User.objects.create_user("sara@student.test", PASSWORD, full_name="Sara")
    return make_person(org, "Sara", last_name="Student", user=user, email=user.email,
                       birth_year=TODAY.year - 21, languages={"nl": 5, "ar": 3},
                       offers=["homework"], needs=[], availability=["2-afternoon"])


def test_the_mentor_template_asks_a_vog_of_mentors_only(mentors):
    assert mentors.needs_screening("a") and not mentors.needs_screening("b")
    assert S.SCREENED in intake_steps(mentors, "a")
    assert S.SCREENED not in intake_steps(mentors, "b")


def test_a_pupil_cannot_be_signed_up_without_a_guardian(mentors):
    with pytest.raises(SignupError):
        enrolment_signup(programme=mentors, side="b", profile=pupil_profile(),
                         participation_consent=True, guardian_name="")


def test_the_guardians_consent_is_recorded_with_the_name(mentors):
    enrolment = enrolment_signup(programme=mentors, side="b", profile=pupil_profile(),
                                 participation_consent=True, guardian_name="Rania Haddad")
    consent = enrolment.person.consents.get(purpose=Consent.Purpose.GUARDIAN)
    assert consent.given_by == "Rania Haddad" and consent.is_active


def test_without_guardian_consent_a_pupil_never_waits_for_a_match(mentors, org, anna):
    noor = make_person(org, "Noor", birth_year=TODAY.year - 11)
    enrolment = enrol(mentors, noor, "b", status=S.INTAKE)
    with pytest.raises(EnrolmentTransitionError):
        enrolment_advance(enrolment=enrolment, by=anna)
    Consent.objects.create(person=noor, purpose=Consent.Purpose.GUARDIAN, given_by="Rania")
    assert enrolment_advance(enrolment=enrolment, by=anna).status == S.WAITING


def test_a_pupil_still_in_intake_is_never_proposed(mentors, org, sara, anna):
    screening.screening_record_vog(enrolment=enrol(mentors, sara, "a"), issued=TODAY, by=anna)
    enrol(mentors, make_person(org, "Noor", birth_year=TODAY.year - 11), "b", status=S.INTAKE)
    run = run_engine(mentors, anna)
    assert run.pairs.count() == 0


def test_withdrawing_the_guardian_consent_takes_the_pupil_out_of_the_pool(mentors, anna):
    enrolment = enrolment_signup(programme=mentors, side="b", profile=pupil_profile(),
                                 participation_consent=True, guardian_name="Rania Haddad")
    Enrolment.objects.filter(pk=enrolment.pk).update(status=S.WAITING)
    consent = enrolment.person.consents.get(purpose=Consent.Purpose.GUARDIAN)
    consent_withdraw_with_effects(consent=consent, by=None)
    ready, _cooling = proposal_services.waiting_pool(mentors)
    assert enrolment.pk not in [e.pk for e in ready]


def test_a_mentor_without_a_valid_vog_is_not_screened(mentors, sara, anna):
    enrolment = enrol(mentors, sara, "a", status=S.INTAKE)
    with pytest.raises(EnrolmentTransitionError):
        enrolment_advance(enrolment=enrolment, by=anna)
    screening.screening_record_vog(enrolment=enrolment, issued=TODAY - dt.timedelta(days=4 * 365),
                                   by=anna)
    with pytest.raises(EnrolmentTransitionError):
        enrolment_advance(enrolment=enrolment, by=anna)
    screening.screening_record_vog(enrolment=enrolment, issued=TODAY - dt.timedelta(days=30),
                                   by=anna)
    assert enrolment_advance(enrolment=enrolment, by=anna).status == S.SCREENED


def test_a_vog_is_valid_for_three_years(mentors, sara, anna):
    enrolment = enrol(mentors, sara, "a", status=S.INTAKE)
    vog = screening.screening_record_vog(enrolment=enrolment, issued=dt.date(2024, 2, 29),
                                         by=anna)
    assert vog.valid_until == dt.date(2027, 2, 28)


def test_a_pupil_needs_no_vog(mentors, org, anna):
    noor = make_person(org, "Noor", birth_year=TODAY.year - 11)
    Consent.objects.create(person=noor, purpose=Consent.Purpose.GUARDIAN, given_by="Rania")
    enrolment = enrol(mentors, noor, "b", status=S.INTAKE)
    assert enrolment_advance(enrolment=enrolment, by=anna).status == S.WAITING


def test_a_mentor_whose_vog_expired_while_waiting_is_not_proposed(mentors, org, sara, anna):
    mentor = enrol(mentors, sara, "a")
    screening.screening_record_vog(enrolment=mentor, issued=TODAY - dt.timedelta(days=3 * 365 + 5),
                                   by=anna)
    noor = make_person(org, "Noor", birth_year=TODAY.year - 11, needs=["homework"])
    Consent.objects.create(person=noor, purpose=Consent.Purpose.GUARDIAN, given_by="Rania")
    enrol(mentors, noor, "b")
    assert run_engine(mentors, anna).pairs.count() == 0


@pytest.fixture
def mentor_match(mentors, org, sara, anna):
    mentor = enrol(mentors, sara, "a")
    screening.screening_record_vog(enrolment=mentor, issued=TODAY, by=anna)
    noor_user = User.objects.create_user("noor@example.test", PASSWORD)
    noor = make_person(org, "Noor", birth_year=TODAY.year - 11, user=noor_user,
                       needs=["homework"], languages={"nl": 4, "ar": 5})
    Consent.objects.create(person=noor, purpose=Consent.Purpose.GUARDIAN, given_by="Rania")
    enrol(mentors, noor, "b")
    run = run_engine(mentors, anna)
    (pair,) = run.pairs.all()
    match = proposal_services.pair_approve(pair=pair, by=anna)
    return activate(match, anna, sara.user, noor_user)


def test_the_engine_pairs_the_mentor_with_the_pupil(mentor_match, sara):
    assert mentor_match.enrolment_a.person == sara
    assert mentor_match.enrolment_b.side == "b"


def test_a_mentor_session_logs_what_was_worked_on(mentor_match, sara):
    contact = contact_log(match=mentor_match, by=sara.user, day=TODAY, activity="language",
                          duration_minutes=60, view="i_helped", note="Begrijpend lezen")
    assert (contact.activity, contact.note) == ("language", "Begrijpend lezen")
    assert contact.direction == "a_helped_b"


def test_school_year_end_is_offered_for_the_term():
    assert school_year_end(dt.date(2026, 10, 1)) == dt.date(2027, 7, 31)


def test_a_mentor_match_ends_with_the_school_year(mentor_match):
    mentor_match.refresh_from_db()
    assert mentor_match.planned_end == school_year_end(mentor_match.started_at)



def test_the_coordinator_records_the_guardians_yes_for_a_pupil(mentors, org, sara, anna):
    from metelkaar.matches.services import match_respond

    mentor = enrol(mentors, sara, "a")
    screening.screening_record_vog(enrolment=mentor, issued=TODAY, by=anna)
    noor = make_person(org, "Noor", birth_year=TODAY.year - 11, needs=["homework"])
    Consent.objects.create(person=noor, purpose=Consent.Purpose.GUARDIAN, given_by="Rania")
    enrol(mentors, noor, "b")
    (pair,) = run_engine(mentors, anna).pairs.all()
    match = proposal_services.pair_approve(pair=pair, by=anna)
    match_respond(match=match, by=sara.user, accept=True)
    match_respond(match=match, by=anna, accept=True, on_behalf_of_side="b")
    match.refresh_from_db()
    assert match.accepted_a_at and match.accepted_b_at
