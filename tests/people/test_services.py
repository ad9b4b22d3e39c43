"""Consents and the sensitive profile: the data never outlives its consent."""

from __future__ import annotations

import pytest

from metelkaar.people.models import Consent, Neighbourhood, SensitiveProfile
from metelkaar.people.services import (
    ConsentMissingError,
    consent_give,
    consent_withdraw,
    person_create,
    person_profile_update,
    sensitive_profile_set,
)
from tests.conftest import make_person

pytestmark = pytest.mark.django_db


class TestConsentGive:
    def test_it_records_who_gave_it_and_when(self, fatima):
        consent = consent_give(person=fatima, purpose="guardian", given_by="Samira Haddou")
        assert consent.given_by == "Samira Haddou"
        assert consent.given_at is not None and consent.is_active

    def test_an_active_consent_is_not_given_twice(self, fatima):
        first = consent_give(person=fatima, purpose="participation")
        again = consent_give(person=fatima, purpose="participation")
        assert first == again
        assert Consent.objects.filter(person=fatima).count() == 1

    def test_after_a_withdrawal_a_new_consent_is_a_new_row(self, fatima):
        first = consent_give(person=fatima, purpose="participation")
        consent_withdraw(consent=first)
        second = consent_give(person=fatima, purpose="participation")
        assert second != first
        assert Consent.objects.filter(person=fatima).count() == 2

    def test_an_unknown_purpose_is_refused(self, fatima):
        with pytest.raises(ValueError):
            consent_give(person=fatima, purpose="marketing")


class TestSensitiveProfile:
    def test_it_refuses_without_consent(self, fatima):
        with pytest.raises(ConsentMissingError):
            sensitive_profile_set(person=fatima, origin="Eritrea")
        assert not SensitiveProfile.objects.exists()

    def test_it_refuses_with_only_a_participation_consent(self, fatima):
        consent_give(person=fatima, purpose="participation")
        with pytest.raises(ConsentMissingError):
            sensitive_profile_set(person=fatima, origin="Eritrea")

    def test_it_refuses_after_the_consent_was_withdrawn(self, fatima):
        consent_withdraw(consent=consent_give(person=fatima, purpose="sensitive_data"))
        with pytest.raises(ConsentMissingError):
            sensitive_profile_set(person=fatima, origin="Eritrea")

    def test_it_is_stored_with_consent_and_tied_to_it(self, fatima):
        consent = consent_give(person=fatima, purpose="sensitive_data")
        profile = sensitive_profile_set(
            person=fatima, origin="Eritrea", refugee_status="status_holder",
            sexual_orientation="lesbian",
        )
        assert profile.consent == consent
        assert SensitiveProfile.objects.get(person=fatima).origin == "Eritrea"

    def test_setting_again_updates_the_one_row(self, fatima):
        consent_give(person=fatima, purpose="sensitive_data")
        sensitive_profile_set(person=fatima, origin="Eritrea")
        sensitive_profile_set(person=fatima, origin="Ethiopia")
        assert SensitiveProfile.objects.get().origin == "Ethiopia"


class TestConsentWithdraw:
    def test_withdrawing_sensitive_consent_deletes_the_data(self, fatima, jan):
        consent = consent_give(person=fatima, purpose="sensitive_data")
        sensitive_profile_set(person=fatima, origin="Eritrea")
        consent_give(person=jan, purpose="sensitive_data")
        sensitive_profile_set(person=jan, origin="Nederland")

        consent_withdraw(consent=consent)

        assert not SensitiveProfile.objects.filter(person=fatima).exists()
        assert SensitiveProfile.objects.filter(person=jan).exists()
        consent.refresh_from_db()
        assert consent.withdrawn_at is not None

    def test_withdrawing_another_consent_keeps_the_sensitive_data(self, fatima):
        participation = consent_give(person=fatima, purpose="participation")
        consent_give(person=fatima, purpose="sensitive_data")
        sensitive_profile_set(person=fatima, origin="Eritrea")
        consent_withdraw(consent=participation)
        assert SensitiveProfile.objects.filter(person=fatima).exists()

    def test_withdrawing_twice_is_refused(self, fatima):
        consent = consent_give(person=fatima, purpose="participation")
        consent_withdraw(consent=consent)
        with pytest.raises(ConsentMissingError):
            consent_withdraw(consent=consent)


class TestPersonWrites:
    def test_create_uses_the_postcode_area_only(self, org):
        oost = Neighbourhood.objects.create(
            organisation=org, name="Oost", postcode_areas=["1094"], latitude=52.36, longitude=4.93
        )
        person = person_create(organisation=org, profile={
            "first_name": "Jan", "email": "Jan@Example.TEST", "birth_year": 1985,
            "postcode": "1094ab",
        })
        assert person.email == "jan@example.test"
        assert person.postcode == "1094 AB"
        assert (person.neighbourhood, person.latitude, person.longitude) == (oost, 52.36, 4.93)

    def test_an_unknown_field_is_refused(self, org):
        with pytest.raises(ValueError):
            person_create(organisation=org, profile={"first_name": "Jan", "birth_year": 1985,
                                                     "is_superuser": True})

    def test_update_recomputes_the_location(self, org):
        person = make_person(org, "Fatima", latitude=1.0, longitude=1.0)
        person_profile_update(person=person, profile={"postcode": "9999 ZZ"})
        person.refresh_from_db()
        assert (person.neighbourhood, person.latitude, person.longitude) == (None, None, None)
