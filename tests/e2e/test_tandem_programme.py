"""Language tandem, end to end in a real browser.

Amal (Arabic, learning Dutch) and Pieter (Dutch, learning Arabic) sign up on
their phones; there are no sides to choose. Coordinator Anna takes both in,
and the engine's one-pool matching proposes them as a pair.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from metelkaar.programmes.models import Enrolment, Programme
from metelkaar.programmes.presets import PRESETS
from tests.conftest import PASSWORD
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, login
from tests.e2e.signup_steps import fill_about, fill_languages, next_step

DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def tandem(org):
    return Programme.objects.create(organisation=org, **{
        **PRESETS["tandem"].programme_fields(), "name": "Taaltandem Oost",
    })


def signs_up(page, live_server, programme, name, email, speaks, learns):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + reverse("programmes:signup_wizard", args=[programme.public_id]))
    expect(page.get_by_label("Ik wil graag een maatje")).to_have_count(0)  # one pool
    fill_about(page, first_name=name, email=email, birth_year="1992")
    assert_no_axe_violations(page)
    next_step(page)
    fill_languages(page, (speaks, "5"), (learns, "2"), ("en", "3"))
    next_step(page)
    page.get_by_label("Koken").check()
    next_step(page)
    next_step(page)  # help: optional
    page.get_by_label(re.compile("dinsdag ?avond", re.I)).check()
    next_step(page)
    next_step(page)
    page.get_by_label("Ik heb dit gelezen en ik ga akkoord.").check()
    next_step(page)
    page.get_by_role("button", name=re.compile("Aanmelding versturen")).click()
    page.wait_for_load_state()
    assert_no_axe_violations(page)


def test_two_tandem_partners_sign_up_and_are_proposed_as_a_pair(
    page, live_server, tandem, anna, transactional_db
):
    signs_up(page, live_server, tandem, "Amal", "amal@example.test", "ar", "nl")
    page.context.clear_cookies()
    signs_up(page, live_server, tandem, "Pieter", "pieter@example.test", "nl", "ar")
    assert set(Enrolment.objects.values_list("side", flat=True)) == {"pool"}

    page.set_viewport_size(DESKTOP)
    login(page, live_server, anna.email, PASSWORD)
    for enrolment in Enrolment.objects.filter(programme=tandem):
        page.goto(
            live_server.url + reverse("programmes:enrolment_detail", args=[enrolment.public_id])
        )
        page.get_by_role("button", name=re.compile("Naar: Wacht op een koppeling")).click()
        expect(page.locator(".badge").first).to_have_text("Wacht op een koppeling")
    page.goto(live_server.url + reverse("proposals:home", args=[tandem.public_id]))
    assert_no_axe_violations(page)
    page.get_by_role("button", name=re.compile("Koppelingen voorstellen")).click()
    proposal = page.get_by_role("heading", level=2).filter(has_text="Amal")
    expect(proposal).to_contain_text("Pieter")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Goedkeuren").click()
    page.wait_for_load_state()
    assert_no_axe_violations(page)
