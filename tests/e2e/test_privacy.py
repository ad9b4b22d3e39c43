"""Fatima, on her phone, downloads her data and then has it erased; axe on every page."""

from __future__ import annotations

import json

import pytest

from metelkaar.people.models import Person, User
from metelkaar.privacy.models import ErasureRecord
from tests.conftest import PASSWORD
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, login
from tests.privacy.world import FATIMA, build_fatima_world

pytestmark = pytest.mark.django_db(transaction=True)


def test_participant_downloads_her_data_then_erases_it(page, live_server, org, programme,
                                                       fatima, jan, anna, bram):
    build_fatima_world(org=org, programme=programme, fatima=fatima, jan=jan, anna=anna,
                       bram=bram)
    page.set_viewport_size(PHONE)
    login(page, live_server, FATIMA.email, PASSWORD)

    page.goto(f"{live_server.url}/me/privacy/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mijn privacy"
    assert page.locator(".consent-list").get_by_text("Actief").count() == 2
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Mijn gegevens bekijken (lezen of afdrukken)").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Alle gegevens over jou"
    assert page.get_by_text(FATIMA.phone).count() >= 1
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Mijn privacy").first.click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Mijn gegevens downloaden als bestand (JSON)").click()
    data = json.loads(open(download_info.value.path(), encoding="utf-8").read())
    assert data["data"]["people.Person"]["rows"][0]["postcode"] == FATIMA.postcode

    page.get_by_role("link", name="Mijn gegevens wissen").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Mijn gegevens wissen"
    assert not ErasureRecord.objects.exists()  # the confirmation page changes nothing
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Ja, wis mijn gegevens").click()
    assert page.get_by_role("heading", level=1).inner_text().endswith("Je gegevens zijn gewist")
    record = ErasureRecord.objects.get()
    assert page.get_by_text(str(record.reference)).is_visible()
    assert_no_axe_violations(page)

    assert not User.objects.filter(email=FATIMA.email).exists()
    assert Person.objects.get(pk=fatima.pk).first_name == "[erased]"
    page.goto(f"{live_server.url}/me/privacy/")
    assert "/accounts/login/" in page.url
