"""enrolment_signup(): all rows or none, and the rules it enforces itself."""

from __future__ import annotations

import pytest
from django.core import mail

from metelkaar.people.models import Consent, Person, SensitiveProfile
from metelkaar.programmes import signup_services
from metelkaar.programmes.models import Enrolment, EnrolmentStatusChange, Programme
from metelkaar.programmes.signup_services import (
    DuplicateSignupError,
    SignupError,
    enrolment_signup,
    signup_needs_guardian,
)
from tests.conftest import committed

pytestmark = pytest.mark.django_db

PROFILE = {
    "first_name": "Jan", "last_name": "Bakker", "email": "jan.bakker@example.test",
    "birth_year": 1985, "postcode": "1094 AB", "languages": {"nl": 5},
    "availability": ["0-evening"],
}
SENSITIVE = {"origin": "Syria", "refugee_status": "status_holder", "sexual_orientation": "gay"}


def _signup(programme, **kwargs):
    args = {"programme": programme, "side": "b", "profile": PROFILE, "participation_consent": True}
    with committed():
        return enrolment_signup(**{**args, **kwargs})


def _counts():
    return (Person.objects.count(), Consent.objects.count(), Enrolment.objects.count(),
            EnrolmentStatusChange.objects.count(), SensitiveProfile.objects.count())


def test_it_writes_every_row(programme):
    enrolment = _signup(programme, language="en")
    assert enrolment.status == "applied" and enrolment.side == "b"
    assert enrolment.person.preferred_language == "en"
    assert _counts() == (1, 1, 1, 1, 0)
    assert mail.outbox[0].to == ["jan.bakker@example.test"]


def test_sensitive_data_is_ignored_where_the_programme_does_not_ask_for_it(programme):
    _signup(programme, sensitive=SENSITIVE)
    assert not SensitiveProfile.objects.exists()
    assert not Consent.objects.filter(purpose="sensitive_data").exists()


def test_sensitive_data_is_kept_with_its_consent_where_asked(programme):
    programme.uses_sensitive_data = True
    programme.save()
    enrolment = _signup(programme, sensitive=SENSITIVE)
    profile = SensitiveProfile.objects.get(person=enrolment.person)
    assert profile.consent.purpose == "sensitive_data"


@pytest.mark.parametrize("kwargs", [
    {"side": "pool"}, {"side": "c"}, {"participation_consent": False},
])
def test_it_refuses_and_writes_nothing(programme, kwargs):
    with pytest.raises(SignupError):
        _signup(programme, **kwargs)
    assert _counts() == (0, 0, 0, 0, 0)
    assert not mail.outbox


def test_a_closed_programme_is_refused(programme):
    programme.is_open = False
    programme.save()
    with pytest.raises(SignupError):
        _signup(programme)


def test_a_minor_needs_a_guardian(programme):
    with pytest.raises(SignupError):
        _signup(programme, profile={**PROFILE, "birth_year": 2015})
    _signup(programme, profile={**PROFILE, "birth_year": 2015}, guardian_name="Samira Haddou")
    assert Consent.objects.get(purpose="guardian").given_by == "Samira Haddou"


def test_guardian_rule(org):
    mentor = Programme(organisation=org, kind="mentor")
    buddy = Programme(organisation=org, kind="buddy")
    assert signup_needs_guardian(programme=mentor, side="b", birth_year=1980)
    assert not signup_needs_guardian(programme=mentor, side="a", birth_year=1980)
    assert signup_needs_guardian(programme=buddy, side="b", birth_year=2015)
    assert not signup_needs_guardian(programme=buddy, side="b", birth_year=None)


def test_a_failure_halfway_leaves_no_rows(programme, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(EnrolmentStatusChange.objects, "create", broken)
    with pytest.raises(RuntimeError):
        _signup(programme)
    assert _counts() == (0, 0, 0, 0, 0)
    assert not mail.outbox


def test_a_second_open_sign_up_is_a_duplicate(programme):
    _signup(programme)
    with pytest.raises(DuplicateSignupError):
        _signup(programme, profile={**PROFILE, "email": "JAN.BAKKER@example.test"})
    assert _counts() == (1, 1, 1, 1, 0)


def test_the_database_constraint_catches_a_race(programme, monkeypatch):
    first = _signup(programme)
    # The other request passed its check before this one's enrolment existed.
    monkeypatch.setattr(signup_services, "_person_for_signup", lambda **kw: first.person)
    with pytest.raises(DuplicateSignupError):
        _signup(programme)
    assert Enrolment.objects.count() == 1


def test_an_existing_person_of_another_organisation_is_not_reused(programme, olga_person):
    olga_person.email = PROFILE["email"]
    olga_person.save()
    enrolment = _signup(programme)
    assert enrolment.person != olga_person
    assert enrolment.person.organisation == programme.organisation


def test_an_unknown_language_falls_back_to_dutch(programme):
    assert _signup(programme, language="xx").person.preferred_language == "nl"


def test_signing_up_with_a_known_address_never_overwrites_what_is_on_file(programme, fatima):
    """Anyone can type any address into the public form: it may only fill blanks."""
    fatima.phone = ""
    fatima.save()
    def on_file():
        return fatima.first_name, fatima.last_name, fatima.birth_year, fatima.postcode[:4]

    before = on_file()
    intruder = {**PROFILE, "email": fatima.email.upper(), "phone": "0612345678"}
    enrolment = _signup(programme, profile=intruder)
    fatima.refresh_from_db()
    assert enrolment.person == fatima
    assert on_file() == before
    assert fatima.phone == "0612345678"  # was empty, so the answer is kept


def test_a_known_persons_sensitive_data_and_family_are_not_rewritten(programme):
    programme.uses_sensitive_data = True
    programme.save()
    first = _signup(programme, sensitive=SENSITIVE, household={"children": [2015]})
    first.status = "withdrawn"
    first.save()
    _signup(
        programme,
        sensitive={**SENSITIVE, "origin": "Elsewhere"},
        household={"household_name": "Other", "children": [2001, 2002]},
    )
    person = Person.objects.get()
    assert person.sensitive_profile.origin == "Syria"
    assert person.household.children_birth_years == [2015]
    assert SensitiveProfile.objects.count() == 1


def test_a_pupils_confirmation_speaks_to_the_parent_about_the_child(org):
    """Issue 12: the mail went to the parent's address but said "Dear Sem" to the child."""
    from metelkaar.programmes.models import Programme

    mentor = Programme.objects.create(organisation=org, name="Mentorproject", kind="mentor",
                                      side_a_label="Mentor", side_b_label="Pupil")
    mail.outbox.clear()
    with committed():
        enrolment_signup(programme=mentor, side="b", participation_consent=True,
                         profile={**PROFILE, "first_name": "Sem", "birth_year": 2013,
                                  "email": "ouders.devries@example.test"},
                         guardian_name="Marieke de Vries", language="en")
    body = mail.outbox[0].body
    assert mail.outbox[0].to == ["ouders.devries@example.test"]
    assert "Dear Marieke de Vries," in body
    assert "Dear Sem" not in body
    assert "Thank you for signing up Sem for Mentorproject" in body


def test_an_adults_confirmation_still_speaks_to_them(programme):
    mail.outbox.clear()
    _signup(programme)
    assert mail.outbox[0].body.startswith("Beste Jan,")


def test_the_parent_reads_it_in_dutch_too(org):
    from metelkaar.programmes.models import Programme

    mentor = Programme.objects.create(organisation=org, name="Mentorproject", kind="mentor",
                                      side_a_label="Mentor", side_b_label="Leerling")
    mail.outbox.clear()
    with committed():
        enrolment_signup(programme=mentor, side="b", participation_consent=True,
                         profile={**PROFILE, "first_name": "Sem", "birth_year": 2013},
                         guardian_name="Marieke de Vries", language="nl")
    body = mail.outbox[0].body
    assert body.startswith("Beste Marieke de Vries,")
    assert "Bedankt dat je Sem hebt aangemeld voor Mentorproject" in body


@pytest.mark.parametrize("requires_intake", [True, False])
def test_the_confirmation_promises_an_intake_only_where_there_is_one(programme, requires_intake):
    """Issue 12: a tandem without intake still promised one in the e-mail."""
    programme.requires_intake = requires_intake
    programme.save(update_fields=["requires_intake"])
    mail.outbox.clear()
    _signup(programme, language="en")
    body = mail.outbox[0].body
    assert ("intake" in body) is requires_intake
    if not requires_intake:
        assert "We look for a good match for you. When we have found one, you get an e-mail." \
            in body
