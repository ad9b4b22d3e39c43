"""Staff privacy pages: a person's data and erasure, sensitive data, audit log, record."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from metelkaar.people.models import Person
from metelkaar.privacy.models import AuditEvent, ErasureRecord, ProgrammePrivacySettings
from metelkaar.privacy.services.audit import audit_record
from tests.privacy.world import FATIMA

PERSON_URLS = ["privacy:person_data_json", "privacy:person_data", "privacy:person_erase",
               "privacy:person_sensitive"]


@pytest.mark.parametrize("name", PERSON_URLS)
def test_person_pages_answer_404_to_another_organisation(client, fatima_world, fatima, olga, name):
    client.force_login(olga)
    assert client.get(reverse(name, args=[fatima.public_id])).status_code == 404


@pytest.mark.parametrize("name", PERSON_URLS)
def test_person_pages_refuse_coaches_and_participants(client, fatima_world, fatima, bram, jan,
                                                      name):
    for user in (bram, jan.user):
        client.force_login(user)
        assert client.get(reverse(name, args=[fatima.public_id])).status_code == 403


@pytest.mark.parametrize("name", PERSON_URLS)
def test_person_pages_send_anonymous_to_login(client, fatima, name):
    response = client.get(reverse(name, args=[fatima.public_id]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_coordinator_downloads_a_persons_data(client, fatima_world, fatima, anna):
    client.force_login(anna)
    response = client.get(reverse("privacy:person_data_json", args=[fatima.public_id]))
    assert json.loads(response.content)["data"]["people.Person"]["rows"][0]["phone"] == FATIMA.phone
    assert AuditEvent.objects.get(action="exported").actor == anna


def test_coordinator_erases_after_confirmation(client, fatima_world, fatima, anna):
    client.force_login(anna)
    url = reverse("privacy:person_erase", args=[fatima.public_id])
    assert client.get(url).status_code == 200
    assert not ErasureRecord.objects.exists()
    response = client.post(url)
    assert response.status_code == 302
    record = ErasureRecord.objects.get()
    assert record.by == anna and record.reason == "coordinator"
    assert Person.objects.get(pk=fatima.pk).email == ""


def test_sensitive_page_shows_data_and_records_the_view(client, fatima_world, fatima, anna):
    client.force_login(anna)
    response = client.get(reverse("privacy:person_sensitive", args=[fatima.public_id]))
    assert b"Morocco" in response.content
    views = AuditEvent.objects.filter(action="sensitive_viewed", actor=anna, person=fatima)
    assert views.count() == 1


def test_sensitive_page_hides_data_outside_sensitive_programmes(client, fatima_world, fatima, anna,
                                                                programme):
    programme.uses_sensitive_data = False
    programme.save()
    client.force_login(anna)
    response = client.get(reverse("privacy:person_sensitive", args=[fatima.public_id]))
    assert b"Morocco" not in response.content
    assert not AuditEvent.objects.filter(action="sensitive_viewed").exists()


def test_audit_log_is_for_org_admins_only(client, fatima_world, anna, ingrid):
    client.force_login(anna)
    assert client.get(reverse("privacy:audit_log")).status_code == 403
    client.force_login(ingrid)
    assert client.get(reverse("privacy:audit_log")).status_code == 200


def test_audit_log_lists_own_organisation_in_pinned_queries(
    client, fatima_world, fatima, anna, ingrid, olga_person, django_assert_num_queries
):
    for _ in range(30):
        audit_record(action="sensitive_viewed", actor=anna, person=fatima)
    audit_record(action="exported", actor=None, person=olga_person)
    client.force_login(ingrid)
    # session, user, count, the page of events, and the two role lookups that the
    # permission and the menu share
    with django_assert_num_queries(6):
        response = client.get(reverse("privacy:audit_log"))
    body = response.content.decode()
    assert body.count("Anna de Vries") == 30
    assert "Westra" not in body


def test_audit_log_shows_nothing_of_samen_oost_to_another_org_admin(client, fatima_world, fatima,
                                                                    anna, other_org):
    from metelkaar.people.models import Membership, User

    otto = User.objects.create_user("otto@buurtwerk-west.test", "x", full_name="Otto")
    Membership.objects.create(user=otto, organisation=other_org, role="org_admin")
    audit_record(action="sensitive_viewed", actor=anna, person=fatima)
    client.force_login(otto)
    assert b"Fatima" not in client.get(reverse("privacy:audit_log")).content


def test_record_of_processing_lists_data_purposes_and_own_programmes(client, fatima_world, anna,
                                                                      olga):
    client.force_login(anna)
    body = client.get(reverse("privacy:record"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Maatjes Oost" in body and "Sensitive data (special category)" in body
    assert "24 months" in body and "matches.ContactMoment" in body
    # The partner school's contact person is a recipient (mentor progress link).
    assert "the contact person of the pupil&#x27;s school" in body
    client.force_login(olga)
    assert "Maatjes Oost" not in client.get(reverse("privacy:record")).content.decode()


def test_retention_setting_is_saved_and_validated(client, programme, anna):
    client.force_login(anna)
    url = reverse("privacy:programme_retention", args=[programme.public_id])
    assert client.post(url, {"retention_months": "0"}).status_code == 200
    assert client.post(url, {"retention_months": "abc"}).status_code == 200
    assert client.post(url, {"retention_months": "99999"}).status_code == 200
    assert client.post(url, {"retention_months": "36"}).status_code == 302
    assert ProgrammePrivacySettings.objects.get(programme=programme).retention_months == 36


def test_retention_setting_of_another_organisation_is_404(client, programme, olga):
    client.force_login(olga)
    url = reverse("privacy:programme_retention", args=[programme.public_id])
    assert client.get(url).status_code == 404


def test_include_templates_render(rf, fatima, programme, anna):
    """The snippets other apps' pages include render with just their object."""
    from django.template.loader import render_to_string

    request = rf.get("/")
    request.user = anna
    actions = render_to_string("privacy/_person_actions.html", {"person": fatima}, request)
    assert reverse("privacy:person_erase", args=[fatima.public_id]) in actions
    links = render_to_string("privacy/_programme_links.html", {"programme": programme}, request)
    assert reverse("privacy:programme_retention", args=[programme.public_id]) in links
    assert reverse("privacy:home") in render_to_string("privacy/_my_page_link.html", {}, request)
