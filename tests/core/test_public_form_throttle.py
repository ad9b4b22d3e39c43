"""Forms sent without an account are limited per internet address."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from metelkaar.programmes.models import Enrolment


@pytest.fixture
def limit_three(settings):
    settings.PUBLIC_FORM_LIMIT = 3
    settings.PUBLIC_FORM_WINDOW_MINUTES = 10
    cache.clear()
    yield
    cache.clear()


def _post(client, programme, address="192.0.2.10", **extra):
    url = reverse("programmes:signup_wizard", args=[programme.public_id])
    return client.post(url, {}, REMOTE_ADDR=address, **extra)


def test_above_the_limit_a_wait_page_answers_429(client, programme, limit_three):
    for _ in range(3):
        assert _post(client, programme).status_code != 429
    response = _post(client, programme, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    body = response.content.decode()
    assert "Wacht 10 minuten" in body and "Er is niets opgeslagen" in body
    english = _post(client, programme, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Please wait 10 minutes" in english
    assert not Enrolment.objects.exists() and not mail.outbox


def test_another_address_and_reading_pages_are_not_limited(client, programme, limit_three):
    for _ in range(4):
        _post(client, programme)
    assert _post(client, programme, address="198.51.100.7").status_code != 429
    url = reverse("programmes:signup_wizard", args=[programme.public_id])
    assert client.get(url, REMOTE_ADDR="192.0.2.10").status_code in (200, 302)


def test_signed_in_people_are_not_counted(client, programme, fatima, limit_three):
    client.force_login(fatima.user)
    for _ in range(5):
        assert _post(client, programme).status_code != 429


def test_zero_switches_the_limit_off(client, programme, settings):
    settings.PUBLIC_FORM_LIMIT = 0
    for _ in range(5):
        assert _post(client, programme).status_code != 429
