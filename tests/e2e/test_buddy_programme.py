"""Confidential buddies, end to end in a real browser.

Amal signs up on a phone and, with her explicit consent, answers the
personal questions; coordinator Anna takes her in, lets the engine propose
a buddy and approves Jan; Jan's pages show Amal's first name and nothing of
what she told only the coordinator.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from metelkaar.people.models import SensitiveProfile, User
from metelkaar.programmes.models import Enrolment, Programme
from tests.conftest import PASSWORD, make_person
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, login
from tests.e2e.signup_steps import fill_about, fill_languages, next_step

DESKTOP = {"width": 1280, "height": 900}
SECRETS = ("Oeganda-XYZ", "Queer", "asielaanvraag", "asylum")


@pytest.fixture
def cocktail(org):
    return Programme.objects.create(
        organisation=org, name="Cocktail Oost", kind="buddy", side_a_label="Nieuwkomer",
        side_b_label="Maatje", uses_sensitive_data=True, requires_intake=False,
        term_months=12, contact_norm_per_month=2,
    )


@pytest.fixture
def jan_waiting(org, cocktail):
    user = User.objects.create_user("jan@example.test", PASSWORD, full_name="Jan")
    jan = make_person(org, "Jan", last_name="Bakker", user=user, email=user.email,
                      birth_year=1990, languages={"nl": 5, "en": 4, "ar": 2},
                      interests=["cooking"], offers=["language"], needs=["cooking"],
                      availability=["0-evening"])
    return Enrolment.objects.create(programme=cocktail, person=jan, side="b", status="waiting")


def amal_signs_up(page, live_server, programme):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + reverse("programmes:signup_wizard", args=[programme.public_id]))
    page.get_by_label("Ik wil graag een maatje").check()
    next_step(page)
    fill_about(page, first_name="Amal", email="amal@example.test", birth_year="1994")
    next_step(page)
    fill_languages(page, ("ar", "5"), ("nl", "3"))
    next_step(page)
    page.get_by_label("Koken").check()
    next_step(page)
    page.get_by_role("group", name="Ik kan helpen met").get_by_label("Een maaltijd koken").check()
    needs = page.get_by_role("group", name="Ik wil graag hulp bij")
    needs.get_by_label("Nederlands oefenen").check()
    next_step(page)
    page.get_by_label(re.compile("maandag ?avond", re.I)).check()
    next_step(page)
    next_step(page)  # wishes
    # The personal questions: asked only in this programme, kept only with consent.
    page.get_by_label("Land of streek waar je vandaan komt (mag leeg blijven)").fill("Oeganda-XYZ")
    page.get_by_label("Verblijfsstatus (mag leeg blijven)").select_option("asylum_seeker")
    page.get_by_label("Seksuele oriëntatie (mag leeg blijven)").select_option("queer")
    page.get_by_label(re.compile("Ik vind het goed dat de coördinator deze antwoorden")).check()
    assert_no_axe_violations(page)
    next_step(page)
    page.get_by_label("Ik heb dit gelezen en ik ga akkoord.").check()
    next_step(page)
    assert_no_axe_violations(page)
    page.get_by_role("button", name=re.compile("Aanmelding versturen")).click()
    page.wait_for_load_state()
    assert_no_axe_violations(page)


def assert_no_secrets(page, where: str) -> None:
    content = page.content()
    for secret in SECRETS:
        assert secret not in content, f"{secret} shown on {where}"


def test_a_buddy_never_sees_what_was_told_in_confidence(
    page, live_server, cocktail, jan_waiting, anna, transactional_db
):
    amal_signs_up(page, live_server, cocktail)
    amal = Enrolment.objects.get(person__first_name="Amal")
    sensitive = SensitiveProfile.objects.get(person=amal.person)
    assert (sensitive.origin, sensitive.sexual_orientation) == ("Oeganda-XYZ", "queer")

    # The coordinator takes Amal in and lets the engine propose a buddy.
    page.set_viewport_size(DESKTOP)
    login(page, live_server, anna.email, PASSWORD)
    page.goto(live_server.url + reverse("programmes:enrolment_detail", args=[amal.public_id]))
    page.get_by_role("button", name=re.compile("Naar: Wacht op een koppeling")).click()
    expect(page.locator(".badge").first).to_have_text("Wacht op een koppeling")
    page.goto(live_server.url + reverse("proposals:home", args=[cocktail.public_id]))
    assert_no_axe_violations(page)
    page.get_by_role("button", name=re.compile("Koppelingen voorstellen")).click()
    expect(page.get_by_role("heading", level=2).filter(has_text="Amal")).to_contain_text("Jan")
    assert_no_secrets(page, "the proposals")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Goedkeuren").click()
    page.wait_for_load_state()
    assert_no_axe_violations(page)

    # Jan, on his phone, sees the proposal with Amal's first name, nothing more.
    page.context.clear_cookies()
    page.set_viewport_size(PHONE)
    login(page, live_server, "jan@example.test", PASSWORD)
    page.goto(live_server.url + reverse("matches:my_matches"))
    assert_no_secrets(page, "Jan's matches")
    assert_no_axe_violations(page)
    page.get_by_role("link", name=re.compile("Amal")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Amal")
    assert_no_secrets(page, "Jan's match page")
    assert_no_axe_violations(page)
