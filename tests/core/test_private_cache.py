"""No cache keeps a personal answer: ``Cache-Control: private, no-store``.

The access matrix checks the header on every URL for every role
(``tests/trust/test_access_matrix.py``); these tests add what the matrix does
not request: each download format, the sensitive-data page with data on it, the
answers of the middleware that stop a request early, and that public pages
stay cacheable.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from metelkaar.people.models import Consent, SensitiveProfile
from tests.conftest import PASSWORD


def directives(response) -> set[str]:
    return {d.strip() for d in response.get("Cache-Control", "").split(",") if d.strip()}


def assert_private(response) -> None:
    assert {"private", "no-store"} <= directives(response), response.get("Cache-Control")


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_every_report_download_is_private(client, anna, programme, fmt):
    client.force_login(anna)
    response = client.get(
        reverse("impact:programme_export", args=[programme.public_id]), {"format": fmt}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'.{fmt}"')
    assert_private(response)
    assert "public" not in directives(response)


def test_the_personal_data_downloads_are_private(client, anna, fatima):
    client.force_login(fatima.user)
    assert_private(client.get(reverse("privacy:my_data_json")))
    assert_private(client.get(reverse("privacy:my_data"), {"download": "1"}))
    client.force_login(anna)
    assert_private(client.get(reverse("privacy:person_data_json", args=[fatima.public_id])))


def test_the_sensitive_data_page_is_private(client, anna, fatima, programme):
    from metelkaar.programmes.models import Enrolment

    programme.uses_sensitive_data = True
    programme.save()
    Enrolment.objects.create(programme=programme, person=fatima, side="a")
    consent = Consent.objects.create(person=fatima, purpose=Consent.Purpose.SENSITIVE_DATA)
    SensitiveProfile.objects.create(person=fatima, consent=consent, origin="Syrië")
    client.force_login(anna)
    response = client.get(reverse("privacy:person_sensitive", args=[fatima.public_id]))
    assert "Syrië" in response.content.decode()
    assert_private(response)


def test_an_answer_that_stops_early_is_private_too(client, anna, settings):
    """The two-step redirect and the throttle answer before any view; still not cached."""
    settings.STAFF_2FA_REQUIRED = True
    client.login(email=anna.email, password=PASSWORD)
    response = client.get(reverse("programmes:coordinator_home"))
    assert response.status_code == 302
    assert_private(response)


def test_a_form_sent_by_a_visitor_is_private(client, programme):
    response = client.post(reverse("login"), {"username": "x@example.test", "password": "x"})
    assert_private(response)


def test_public_pages_stay_cacheable(client, programme):
    for url in (reverse("home"), reverse("programmes:signup_start")):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" not in directives(response), url
