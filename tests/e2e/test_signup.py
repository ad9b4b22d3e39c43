"""A newcomer signs up on a phone in Dutch; the coordinator finds the enrolment."""

import re

import pytest
from playwright.sync_api import expect

from metelkaar.programmes.models import Enrolment, Programme
from tests.conftest import PASSWORD
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, login


@pytest.fixture
def buddy_programme(org):
    return Programme.objects.create(
        organisation=org,
        name="Maatjes Oost",
        kind="buddy",
        side_a_label="Nieuwkomer",
        side_b_label="Maatje",
        term_months=12,
        contact_norm_per_month=2,
    )


def _next(page):
    page.get_by_role("button", name="Volgende").click()
    page.wait_for_load_state()


def test_participant_signs_up_on_a_phone_and_the_coordinator_finds_her(
    page, live_server, buddy_programme, anna, transactional_db
):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name=re.compile("Aanmelden")).first.click()
    assert_no_axe_violations(page)
    page.get_by_role("link", name=re.compile("Maatjes Oost")).first.click()

    # Which side
    page.get_by_label("Ik wil graag een maatje").check()
    assert_no_axe_violations(page)
    _next(page)

    # About you: a mistake first, then corrected; what was typed stays.
    page.get_by_label("Voornaam").fill("Amal")
    page.get_by_label("E-mailadres").fill("amal@example.test")
    page.get_by_label("Geboortejaar").fill("1800")
    page.get_by_label("Postcode").fill("1094 AB")
    _next(page)
    expect(page.locator(".errorlist").first).to_be_visible()
    expect(page.get_by_label("Voornaam")).to_have_value("Amal")
    assert_no_axe_violations(page)
    page.get_by_label("Geboortejaar").fill("1994")
    _next(page)

    # Languages
    page.get_by_label("Taal 1").select_option("ar")
    page.get_by_label("Niveau 1").select_option("5")
    page.get_by_label("Taal 2").select_option("nl")
    page.get_by_label("Niveau 2").select_option("2")
    assert_no_axe_violations(page)
    _next(page)

    # Interests
    page.get_by_label("Koken").check()
    assert_no_axe_violations(page)
    _next(page)

    # Offers and needs
    page.get_by_role("group", name="Ik kan helpen met").get_by_label("Een maaltijd koken").check()
    page.get_by_role("group", name="Ik wil graag hulp bij").get_by_label(
        "Nederlands oefenen"
    ).check()
    assert_no_axe_violations(page)
    _next(page)

    # Availability
    page.get_by_label(re.compile("maandag ?avond", re.I)).check()
    assert_no_axe_violations(page)
    _next(page)

    # Preferences (all optional)
    assert_no_axe_violations(page)
    _next(page)

    # Consent
    page.get_by_label("Ik heb dit gelezen en ik ga akkoord.").check()
    assert_no_axe_violations(page)
    _next(page)

    # Summary, then send
    expect(page.get_by_text("Amal").first).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name=re.compile("Aanmelding versturen")).click()
    page.wait_for_load_state()
    assert_no_axe_violations(page)

    enrolment = Enrolment.objects.get(person__email="amal@example.test")
    assert enrolment.status == "applied"
    assert enrolment.side == "a"
    assert enrolment.person.languages == {"ar": 5, "nl": 2}

    # The coordinator logs in (desktop) and finds Amal waiting for intake.
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server, anna.email, PASSWORD)
    page.goto(live_server.url + "/coordinator/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Maatjes Oost").click()
    assert_no_axe_violations(page)
    page.get_by_role("link", name=re.compile("Aangemeld")).click()
    page.get_by_role("link", name=re.compile("Amal")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Amal")
    assert_no_axe_violations(page)
    page.get_by_role("button", name=re.compile("Naar: Intake")).click()
    expect(page.locator(".badge").first).to_have_text("Intake")
    assert_no_axe_violations(page)
