"""Family to family, end to end in a real browser.

A newcomer mother signs up her family on a phone; coordinator Anna finds the
family among the newcomer families, takes it in, and the engine proposes the
local De Boer family (household with children), which Anna approves.
The newcomer family gives its name and the children's years of birth in the sign-up's
family step, so the engine can match the children's ages.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from metelkaar.matches.models import Match
from metelkaar.people.models import Household
from metelkaar.programmes.models import Enrolment, Programme
from metelkaar.programmes.presets import PRESETS
from tests.conftest import PASSWORD, make_person
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, login
from tests.e2e.signup_steps import fill_about, fill_languages, next_step

DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def families(org):
    return Programme.objects.create(organisation=org, **{
        **PRESETS["family"].programme_fields(), "name": "Meet & Connect Oost",
        "side_a_label": "Nieuwkomersgezin", "side_b_label": "Gezin uit de buurt",
        "requires_intake": False,
    })


@pytest.fixture
def de_boer(org, families):
    household = Household.objects.create(
        organisation=org, name="Familie De Boer",
        children_birth_years=[timezone.localdate().year - 7],
    )
    lotte = make_person(org, "Lotte", last_name="de Boer", household=household,
                        languages={"nl": 5, "ar": 3, "en": 4}, interests=["children"],
                        offers=["language"], needs=["cooking"], availability=["5-morning"])
    return Enrolment.objects.create(programme=families, person=lotte, household=household,
                                    side="b", status="waiting")


def test_a_family_signs_up_and_is_proposed_a_local_family(
    page, live_server, families, de_boer, anna, transactional_db
):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + reverse("programmes:signup_wizard", args=[families.public_id]))
    page.get_by_label("Ons gezin wil graag een ander gezin leren kennen").check()
    assert_no_axe_violations(page)
    next_step(page)
    fill_about(page, first_name="Rania", email="rania@example.test", birth_year="1988")
    next_step(page)
    page.get_by_label("Naam van je gezin (mag leeg blijven)").fill("Gezin Haddad")
    page.get_by_label(re.compile("Geboortejaren van de kinderen")).fill(
        f"{timezone.localdate().year - 9}, {timezone.localdate().year - 6}")
    assert_no_axe_violations(page)
    next_step(page)
    fill_languages(page, ("ar", "5"), ("nl", "3"))
    next_step(page)
    page.get_by_label("Kinderen en gezin").check()
    assert_no_axe_violations(page)
    next_step(page)
    page.get_by_role("group", name="Ik kan helpen met").get_by_label("Een maaltijd koken").check()
    needs = page.get_by_role("group", name="Ik wil graag hulp bij")
    needs.get_by_label("Nederlands oefenen").check()
    next_step(page)
    page.get_by_label(re.compile("zaterdag ?ochtend", re.I)).check()
    next_step(page)
    next_step(page)
    page.get_by_label("Ik heb dit gelezen en ik ga akkoord.").check()
    next_step(page)
    assert_no_axe_violations(page)
    page.get_by_role("button", name=re.compile("Aanmelding versturen")).click()
    page.wait_for_load_state()
    assert_no_axe_violations(page)
    rania = Enrolment.objects.get(person__first_name="Rania")
    assert rania.side == "a"
    assert rania.household.name == "Gezin Haddad"
    assert len(rania.household.children_birth_years) == 2

    # The coordinator finds the family among the newcomer families.
    page.set_viewport_size(DESKTOP)
    login(page, live_server, anna.email, PASSWORD)
    page.goto(live_server.url + reverse("programmes:detail", args=[families.public_id]))
    row = page.get_by_role("row").filter(has_text="Rania")
    expect(row).to_contain_text("Nieuwkomersgezin")
    expect(page.get_by_role("row").filter(has_text="Lotte")).to_contain_text("Gezin uit de buurt")
    assert_no_axe_violations(page)
    page.get_by_role("link", name=re.compile("Rania")).first.click()
    page.get_by_role("button", name=re.compile("Naar: Wacht op een koppeling")).click()
    expect(page.locator(".badge").first).to_have_text("Wacht op een koppeling")

    # The engine proposes the De Boer household; Anna approves.
    page.goto(live_server.url + reverse("proposals:home", args=[families.public_id]))
    page.get_by_role("button", name=re.compile("Koppelingen voorstellen")).click()
    proposal = page.get_by_role("heading", level=2).filter(has_text="Rania")
    expect(proposal).to_contain_text("Lotte")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Goedkeuren").click()
    page.wait_for_load_state()
    match = Match.objects.get(programme=families)
    assert match.enrolment_b.household.name == "Familie De Boer"
    assert match.status == Match.Status.PROPOSED
