"""A newcomer signs up on a phone in Dutch; the coordinator finds the enrolment."""

import re

import pytest
from playwright.sync_api import expect

from metelkaar.programmes.models import Enrolment, Programme
from tests.conftest import PASSWORD
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, login
from tests.e2e.signup_steps import fill_about, fill_languages, next_step


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
    next_step(page)

    # About you: a mistake first, then corrected; what was typed stays.
    fill_about(page, first_name="Amal", email="amal@example.test", birth_year="1800")
    next_step(page)
    expect(page.locator(".errorlist").first).to_be_visible()
    expect(page.get_by_label("Voornaam")).to_have_value("Amal")
    assert_no_axe_violations(page)
    page.get_by_label("Geboortejaar").fill("1994")
    next_step(page)

    # Languages
    fill_languages(page, ("ar", "5"), ("nl", "2"))
    assert_no_axe_violations(page)
    next_step(page)

    # Interests
    page.get_by_label("Koken").check()
    assert_no_axe_violations(page)
    next_step(page)

    # Offers and needs
    page.get_by_role("group", name="Ik kan helpen met").get_by_label("Een maaltijd koken").check()
    page.get_by_role("group", name="Ik wil graag hulp bij").get_by_label(
        "Nederlands oefenen"
    ).check()
    assert_no_axe_violations(page)
    next_step(page)

    # Availability
    page.get_by_label(re.compile("maandag ?avond", re.I)).check()
    assert_no_axe_violations(page)
    next_step(page)

    # Preferences (all optional)
    assert_no_axe_violations(page)
    next_step(page)

    # Consent
    page.get_by_label("Ik heb dit gelezen en ik ga akkoord.").check()
    assert_no_axe_violations(page)
    next_step(page)

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
