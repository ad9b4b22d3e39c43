"""A participant's own privacy pages: consents, my data, erasure."""

from __future__ import annotations

import json

from django.urls import reverse

from metelkaar.people.models import Consent, SensitiveProfile, User
from metelkaar.privacy.models import AuditEvent, ErasureRecord
from tests.privacy.world import FATIMA


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("privacy:home"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_staff_without_a_person_gets_404(client, anna):
    client.force_login(anna)
    assert client.get(reverse("privacy:home")).status_code == 404
    assert client.get(reverse("privacy:my_data_json")).status_code == 404


def test_it_lists_active_and_withdrawn_consents(client, fatima_world, fatima):
    Consent.objects.filter(person=fatima, purpose="participation").update(
        withdrawn_at="2026-01-02T10:00:00Z")
    client.force_login(fatima.user)
    response = client.get(reverse("privacy:home"), HTTP_ACCEPT_LANGUAGE="en")
    body = response.content.decode()
    assert "Withdrawn on" in body and "Active" in body
    assert reverse("privacy:consent_withdraw", args=["sensitive_data"]) in body


def test_json_download_holds_her_data_and_is_audited(client, fatima_world, fatima):
    client.force_login(fatima.user)
    response = client.get(reverse("privacy:my_data_json"))
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["data"]["people.Person"]["rows"][0]["email"] == FATIMA.email
    assert data["data"]["people.SensitiveProfile"]["special_category"] is True
    assert len(data["data"]["matches.ContactMoment"]["rows"]) == 3
    assert AuditEvent.objects.filter(action="exported", person=fatima, actor=fatima.user,
                                     object_type="export.json").exists()


def test_json_download_holds_nothing_of_jan(client, fatima_world, fatima, jan):
    client.force_login(fatima.user)
    body = client.get(reverse("privacy:my_data_json")).content.decode()
    assert "jan@example.test" not in body and "Bakker" not in body


def test_html_page_is_readable_and_can_be_downloaded(client, fatima_world, fatima):
    client.force_login(fatima.user)
    response = client.get(reverse("privacy:my_data"), HTTP_ACCEPT_LANGUAGE="en")
    body = response.content.decode()
    assert "El Amrani" in body and "Morocco" in body and "Print or save as PDF" in body
    download = client.get(reverse("privacy:my_data") + "?download=1")
    assert download["Content-Disposition"].startswith("attachment;")


def test_withdraw_sensitive_consent_explains_then_removes_and_excludes(
    client, fatima_world, fatima, programme
):
    client.force_login(fatima.user)
    url = reverse("privacy:consent_withdraw", args=["sensitive_data"])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Maatjes Oost" in page and "Verbinders" not in page
    response = client.post(url)
    assert response.status_code == 302
    assert not SensitiveProfile.objects.filter(person=fatima).exists()
    fatima_world.enrolment.refresh_from_db()
    fatima_world.bridge_enrolment.refresh_from_db()
    assert fatima_world.enrolment.status == "withdrawn"
    assert fatima_world.bridge_enrolment.status == "waiting"
    assert fatima_world.enrolment.history.last().note == "consent for sensitive data withdrawn"


def test_withdraw_answers_404_for_unknown_or_inactive_purpose(client, fatima_world, fatima):
    client.force_login(fatima.user)
    assert client.get(reverse("privacy:consent_withdraw", args=["marketing"])).status_code == 404
    assert client.get(reverse("privacy:consent_withdraw", args=["guardian"])).status_code == 404


def test_withdraw_only_touches_ones_own_consent(client, fatima_world, jan):
    """Jan has no sensitive-data consent: the URL of Fatima's purpose is a 404 for him."""
    client.force_login(jan.user)
    url = reverse("privacy:consent_withdraw", args=["sensitive_data"])
    assert client.post(url).status_code == 404
    assert SensitiveProfile.objects.count() == 1


def test_erasure_is_confirmed_first_then_done_and_logged_out(client, fatima_world, fatima):
    client.force_login(fatima.user)
    url = reverse("privacy:erase_self")
    assert b"<form" in client.get(url).content
    assert not ErasureRecord.objects.exists()
    response = client.post(url, HTTP_ACCEPT_LANGUAGE="en")
    record = ErasureRecord.objects.get()
    assert str(record.reference) in response.content.decode()
    assert not User.objects.filter(email=FATIMA.email).exists()
    assert client.get(reverse("privacy:home")).status_code == 302


def test_consent_list_has_a_fixed_number_of_queries(client, fatima_world, fatima,
                                                    django_assert_num_queries):
    from metelkaar.people.services import consent_give, consent_withdraw

    for _ in range(5):
        consent_withdraw(consent=consent_give(person=fatima, purpose="guardian"))
    client.force_login(fatima.user)
    # session, user, person, consents, and the menu's two role lookups
    with django_assert_num_queries(6):
        response = client.get(reverse("privacy:home"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.content.decode().count("Withdrawn on") == 5
