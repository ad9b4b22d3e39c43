"""The whole sign-up: programme list, wizard, rows written, e-mail, duplicates, 404s."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from metelkaar.people.models import Consent, Neighbourhood, Person, SensitiveProfile
from metelkaar.programmes.models import Enrolment, EnrolmentStatusChange, Programme
from tests.conftest import committed
from tests.programmes.signup_helpers import VALID, post_step, step_url, steps_for, walk

pytestmark = pytest.mark.django_db


@pytest.fixture
def en(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def nl(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "nl"
    return client


@pytest.fixture
def cocktail(org):
    """A confidential buddy programme that asks for sensitive data."""
    return Programme.objects.create(
        organisation=org, name="Cocktail", kind="buddy", side_a_label="Newcomer",
        side_b_label="Dutch buddy", uses_sensitive_data=True,
    )


@pytest.fixture
def tandem(org):
    return Programme.objects.create(organisation=org, name="Taaltandem", kind="tandem")


@pytest.fixture
def mentor(org):
    return Programme.objects.create(
        organisation=org, name="Mentorproject", kind="mentor",
        side_a_label="Mentor", side_b_label="Pupil", requires_screening=True, screening_side="a",
    )


@pytest.fixture
def oost(org):
    return Neighbourhood.objects.create(
        organisation=org, name="Oost", postcode_areas=["1093", "1094"],
        latitude=52.36, longitude=4.93,
    )


class TestStartPage:
    def test_it_lists_open_programmes_with_a_sign_up_link(self, en, programme, tandem):
        Programme.objects.create(organisation=programme.organisation, name="Closed", kind="help",
                                 is_open=False)
        response = en.get(reverse("programmes:signup_start"))
        assert response.status_code == 200
        text = response.content.decode()
        assert "Maatjes Oost" in text and "Taaltandem" in text and "Closed" not in text
        assert reverse(
            "programmes:signup_wizard", kwargs={"public_id": programme.public_id}
        ) in text
        assert "Sign up for this" in text

    def test_it_shows_an_empty_state(self, nl, db):
        response = nl.get(reverse("programmes:signup_start"))
        assert "Je kunt je nu nergens voor aanmelden" in response.content.decode()

    def test_its_query_count_is_fixed(self, en, programme, tandem, django_assert_num_queries):
        with django_assert_num_queries(1):
            en.get(reverse("programmes:signup_start"))


class TestNotFound:
    def test_a_closed_programme_answers_404(self, en, programme):
        programme.is_open = False
        programme.save()
        start = reverse("programmes:signup_wizard", kwargs={"public_id": programme.public_id})
        assert en.get(start).status_code == 404
        assert en.get(step_url(programme, "about")).status_code == 404
        assert post_step(en, programme, "about", VALID["about"]).status_code == 404

    def test_an_unknown_programme_answers_404(self, en, db):
        assert en.get("/aanmelden/8c1b1f44-2f3e-4c7c-9c55-1c1f1a1b1c1d/about/").status_code == 404
        assert en.get("/aanmelden/not-a-uuid/").status_code == 404

    def test_an_unknown_step_goes_back_to_the_first_step(self, en, programme):
        response = en.get(step_url(programme, "nonsense"))
        assert response.status_code == 302
        assert response["Location"] == step_url(programme, "side")

    def test_the_sensitive_step_does_not_exist_in_other_programmes(self, en, programme):
        response = en.get(step_url(programme, "sensitive"))
        assert response.status_code == 302
        assert "sensitive" not in response["Location"]


class TestFullFlow:
    def test_it_creates_person_consent_and_enrolment_in_one_go(self, en, programme, oost):
        response = walk(en, programme)
        assert response.status_code == 302
        thanks = reverse("programmes:signup_thanks", kwargs={"public_id": programme.public_id})
        assert response["Location"] == thanks

        person = Person.objects.get()
        assert person.organisation == programme.organisation
        assert (person.first_name, person.last_name) == ("Fatima", "El Amrani")
        assert person.email == "fatima.new@example.test"
        assert person.birth_year == 1990 and person.gender == "woman"
        assert person.postcode == "1094 AB"
        assert person.neighbourhood == oost
        assert (person.latitude, person.longitude) == (52.36, 4.93)
        assert person.languages == {"ar": 5, "nl": 2}
        assert person.interests == ["cooking", "walking"]
        assert person.offers == ["cooking"] and person.needs == ["language", "paperwork"]
        assert person.availability == ["0-evening", "5-morning"]
        assert person.pref_buddy_gender == ["woman"]
        assert (person.pref_age_min, person.pref_age_max, person.max_km) == (25, 45, 5)
        assert person.preferred_language == "en"

        enrolment = Enrolment.objects.get()
        assert (enrolment.person, enrolment.programme) == (person, programme)
        assert (enrolment.side, enrolment.status) == ("a", "applied")
        history = list(EnrolmentStatusChange.objects.values_list("from_status", "to_status"))
        assert history == [("", "applied")]
        assert list(person.consents.values_list("purpose", flat=True)) == ["participation"]
        assert not SensitiveProfile.objects.exists()

    def test_the_thank_you_page_says_what_happens_next(self, en, programme):
        response = walk(en, programme)
        page = en.get(response["Location"])
        assert "The coordinator will contact you for an intake" in page.content.decode()

    def test_a_tandem_has_no_side_step_and_enrols_in_the_pool(self, en, tandem):
        first = en.get(reverse("programmes:signup_wizard", kwargs={"public_id": tandem.public_id}))
        assert first["Location"] == step_url(tandem, "about")
        walk(en, tandem)
        assert Enrolment.objects.get().side == "pool"

    def test_the_summary_shows_the_answers(self, en, programme):
        walk(en, programme, until="summary")
        page = en.get(step_url(programme, "summary")).content.decode()
        assert "Fatima El Amrani" in page and "1094 AB" in page and "Arabic" in page
        assert "Send sign-up" in page
        assert not Person.objects.exists()

    def test_a_stale_session_sends_back_to_the_missing_step(self, en, programme):
        walk(en, programme, until="about")
        response = post_step(en, programme, "summary", {})
        assert response.status_code == 302
        assert response["Location"] == step_url(programme, "about")
        assert not Person.objects.exists() and not Enrolment.objects.exists()

    def test_the_done_url_never_writes_on_get(self, en, programme):
        walk(en, programme, until="summary")
        response = en.get(step_url(programme, "done"))
        assert response.status_code == 302
        assert not Enrolment.objects.exists()

    def test_back_keeps_the_answers_of_earlier_steps(self, en, programme):
        walk(en, programme, until="languages")
        response = en.post(step_url(programme, "languages"), {"wizard_goto_step": "about"})
        assert response["Location"] == step_url(programme, "about")
        page = en.get(step_url(programme, "about")).content.decode()
        assert 'value="Fatima"' in page and 'value="1094 AB"' in page


class TestSensitiveData:
    def test_it_is_stored_with_its_consent(self, en, cocktail):
        walk(en, cocktail)
        person = Person.objects.get()
        sensitive = SensitiveProfile.objects.get(person=person)
        assert (sensitive.origin, sensitive.refugee_status, sensitive.sexual_orientation) == (
            "Syria", "status_holder", "lesbian")
        consent = Consent.objects.get(person=person, purpose="sensitive_data")
        assert sensitive.consent == consent and consent.withdrawn_at is None

    def test_it_is_not_stored_without_consent(self, en, cocktail):
        walk(en, cocktail, {"sensitive": {"consent": ""}})
        assert Enrolment.objects.count() == 1
        assert not SensitiveProfile.objects.exists()
        assert not Consent.objects.filter(purpose="sensitive_data").exists()

    def test_without_consent_the_answers_are_not_even_kept_in_the_session(self, en, cocktail):
        walk(en, cocktail, {"sensitive": {"consent": ""}}, until="consent")
        assert "Syria" not in str(dict(en.session))
        page = en.get(step_url(cocktail, "sensitive")).content.decode()
        assert "Syria" not in page

    def test_with_consent_the_answers_stay_when_going_back(self, en, cocktail):
        walk(en, cocktail, until="consent")
        assert 'value="Syria"' in en.get(step_url(cocktail, "sensitive")).content.decode()

    def test_the_summary_says_nothing_is_saved_without_consent(self, en, cocktail):
        walk(en, cocktail, {"sensitive": {"consent": ""}}, until="summary")
        page = en.get(step_url(cocktail, "summary")).content.decode()
        assert "Nothing will be saved" in page and "Syria" not in page

    def test_the_step_explains_why_and_who_sees_it(self, en, cocktail):
        walk(en, cocktail, until="sensitive")
        page = en.get(step_url(cocktail, "sensitive")).content.decode()
        assert "optional" in page
        assert "Only the coordinator of this programme sees your answers" in page

    def test_programmes_without_sensitive_data_never_store_it(self, en, programme):
        en.get(reverse("programmes:signup_wizard", kwargs={"public_id": programme.public_id}))
        for step in steps_for(programme):
            post_step(en, programme, step, VALID[step])
        post_step(en, programme, "sensitive", VALID["sensitive"])
        assert not SensitiveProfile.objects.exists()


class TestGuardianConsent:
    def test_a_mentee_needs_a_guardian(self, en, mentor):
        response = walk(en, mentor, {"side": {"side": "b"}, "about": {"birth_year": "2014"}},
                        until="summary")
        assert response.status_code == 200
        assert "A parent or guardian must agree. Tick the box." in response.content.decode()
        assert "Please fill in the name of the parent or guardian." in response.content.decode()

    def test_the_guardian_consent_is_recorded(self, en, mentor):
        walk(en, mentor, {
            "side": {"side": "b"},
            "about": {"birth_year": "2014"},
            "consent": {"participation": "on", "guardian_name": "Samira Haddou",
                        "guardian_consent": "on"},
        })
        consent = Consent.objects.get(purpose="guardian")
        assert consent.given_by == "Samira Haddou"
        assert Enrolment.objects.get().side == "b"

    def test_an_adult_mentor_needs_no_guardian(self, en, mentor):
        walk(en, mentor, {"side": {"side": "a"}})
        assert Enrolment.objects.get().side == "a"
        assert not Consent.objects.filter(purpose="guardian").exists()


class TestDuplicate:
    def test_signing_up_twice_gives_a_friendly_error(self, en, programme):
        walk(en, programme)
        response = walk(en, programme, {"about": {"email": "FATIMA.new@example.test"}})
        assert response.status_code == 200
        assert "You have already signed up for this programme" in response.content.decode()
        assert Enrolment.objects.count() == 1 and Person.objects.count() == 1

    def test_the_answers_are_kept_after_the_duplicate_error(self, en, programme):
        walk(en, programme)
        walk(en, programme)
        page = en.get(step_url(programme, "about")).content.decode()
        assert 'value="Fatima"' in page

    def test_the_same_person_may_join_another_programme(self, en, programme, tandem):
        walk(en, programme)
        walk(en, tandem)
        assert Person.objects.count() == 1
        assert Enrolment.objects.count() == 2

    def test_signing_up_again_after_withdrawal_is_possible(self, en, programme):
        walk(en, programme)
        Enrolment.objects.update(status="withdrawn")
        walk(en, programme)
        assert Enrolment.objects.count() == 2


class TestConfirmationMail:
    def test_it_goes_to_the_participant_in_english(self, en, programme):
        with committed():
            walk(en, programme)
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["fatima.new@example.test"]
        assert message.subject == "Your sign-up for Maatjes Oost"
        assert "Dear Fatima," in message.body
        assert "The coordinator will contact you for an intake" in message.body

    def test_it_is_in_dutch_when_signing_up_in_dutch(self, nl, programme):
        with committed():
            walk(nl, programme)
        message = mail.outbox[0]
        assert message.subject == "Je aanmelding voor Maatjes Oost"
        assert "Beste Fatima," in message.body
        assert Person.objects.get().preferred_language == "nl"

    def test_no_mail_is_sent_when_the_sign_up_fails(self, en, programme):
        with committed():
            walk(en, programme)
        with committed():
            walk(en, programme)
        assert len(mail.outbox) == 1


def test_unfinished_answers_of_a_visitor_are_kept_a_day_not_weeks(en, programme, fatima):
    from django.test import Client

    en.get(step_url(programme, "side"))
    assert en.session.get_expiry_age() == 24 * 60 * 60
    signed_in = Client()
    signed_in.force_login(fatima.user)
    signed_in.get(step_url(programme, "side"))
    assert signed_in.session.get_expiry_age() > 24 * 60 * 60  # keeps its own age


def test_a_visitor_who_logs_in_mid_sign_up_gets_the_normal_session_age(en, programme, fatima):
    en.get(step_url(programme, "side"))
    assert en.session.get_expiry_age() == 24 * 60 * 60
    en.force_login(fatima.user)
    assert en.session.get_expiry_age() == settings.SESSION_COOKIE_AGE
