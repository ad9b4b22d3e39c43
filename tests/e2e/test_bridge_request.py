"""A bridge request end to end in a real browser, checked with axe on every page.

A school asks for a bridge person on a phone, without an account; Anna (the
coordinator) sees ranked suggestions and assigns Fatima; Fatima accepts on her
phone and logs her hours; Anna sees the hours in the report.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import PASSWORD, make_person
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, login


def fits_the_screen(page) -> bool:
    """No sideways scrolling of the whole page."""
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


@pytest.fixture
def bridge_world(org, anna, fatima):
    from metelkaar.bridges.services import bridge_person_add
    from metelkaar.programmes.models import Programme

    programme = Programme.objects.create(
        organisation=org, name="Cultuurverbinders Oost", kind="bridge",
        description="Cultuurverbinders helpen scholen en instanties in gesprek met nieuwkomers.",
    )
    bridge_person_add(programme=programme, person=fatima, by=anna, cultures=["syria"],
                      engagement="paid", max_hours_per_month=16)
    henk = make_person(org, "Henk", last_name="de Boer", languages={"nl": 5, "en": 3},
                       availability=["2-morning"])
    bridge_person_add(programme=programme, person=henk, by=anna, cultures=[])
    return programme


def test_a_request_from_form_to_report(page, live_server, bridge_world, anna, fatima, mailoutbox):
    programme = bridge_world
    base = live_server.url

    # The school, on a phone, without an account.
    page.set_viewport_size(PHONE)
    page.goto(f"{base}/bridges/{programme.public_id}/request/")
    assert_no_axe_violations(page)
    assert fits_the_screen(page)
    page.get_by_role("button", name="Aanvraag versturen").click()
    page.get_by_role("alert").wait_for()
    assert_no_axe_violations(page)
    page.get_by_label("Naam van uw organisatie").fill("OBS De Regenboog")
    page.get_by_label("School", exact=True).check()
    page.get_by_label("Uw naam").fill("Karin Smit")
    page.get_by_label("Uw e-mailadres").fill("k.smit@regenboog.test")
    page.get_by_label("Waarvoor heeft u een cultuurverbinder nodig?").fill(
        "Oudergesprek over de schoolkeuze"
    )
    page.get_by_label("Arabisch").check()
    page.get_by_label("Syrië").check()
    page.get_by_label(re.compile(r"^maandag ?avond$", re.I)).check()
    page.get_by_label("Binnen een week").check()
    page.get_by_label(re.compile("Ik ga ermee akkoord")).check()
    page.get_by_role("button", name="Aanvraag versturen").click()
    page.get_by_role("heading", name=re.compile("we hebben uw aanvraag ontvangen")).wait_for()
    assert_no_axe_violations(page)
    assert mailoutbox[-1].to == ["k.smit@regenboog.test"]

    page.get_by_role("link", name="Volg uw aanvraag").click()
    page.get_by_text("We zoeken een passende cultuurverbinder.").wait_for()
    assert_no_axe_violations(page)

    # Anna sees the request and the ranked suggestions.
    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server, anna.email, PASSWORD)
    page.goto(f"{base}/coordinator/bridges/{programme.public_id}/requests/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Oudergesprek over de schoolkeuze").click()
    suggestions = page.locator(".suggestion")
    assert suggestions.count() == 2
    assert "Fatima El Amrani" in suggestions.nth(0).inner_text()
    assert "Spreekt Arabisch." in suggestions.nth(0).inner_text()
    assert "Henk de Boer" in suggestions.nth(1).inner_text()
    assert_no_axe_violations(page)
    page.get_by_label(re.compile("Fatima El Amrani")).check()
    page.get_by_role("button", name="Toewijzen").click()
    page.get_by_text("Fatima El Amrani is gevraagd deze aanvraag op te pakken.").wait_for()
    assert_no_axe_violations(page)

    # Fatima, on her phone, says yes and logs her hours afterwards.
    page.context.clear_cookies()
    page.set_viewport_size(PHONE)
    login(page, live_server, fatima.email, PASSWORD)
    page.goto(f"{base}/me/bridges/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Oudergesprek over de schoolkeuze").click()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Ja, ik help").click()
    page.get_by_text("Je hebt deze aanvraag geaccepteerd.").wait_for()
    assert page.get_by_text("k.smit@regenboog.test").is_visible()
    page.get_by_label("Uren").fill("30")
    page.get_by_role("button", name="Uren opslaan").click()
    page.get_by_text("Een dag heeft hoogstens 24 uur.").first.wait_for()
    assert_no_axe_violations(page)
    page.get_by_label("Uren").fill("2.5")
    page.get_by_label(re.compile("Wat heb je gedaan")).fill("Gesprek op school")
    page.get_by_role("button", name="Uren opslaan").click()
    page.get_by_text("Je uren zijn opgeslagen. Dank je wel!").wait_for()
    assert page.get_by_role("table").get_by_text("Gesprek op school").is_visible()
    assert_no_axe_violations(page)
    assert fits_the_screen(page)

    # Anna sees the report.
    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server, anna.email, PASSWORD)
    page.goto(f"{base}/coordinator/bridges/{programme.public_id}/report/")
    assert page.get_by_text(re.compile(r"2[,.]5 uur in totaal")).is_visible()
    hours_table = page.get_by_role("table", name="Uren per cultuurverbinder")
    assert "Fatima El Amrani" in hours_table.inner_text()
    requests_table = page.get_by_role("table", name="Aanvragen per organisatie")
    assert "OBS De Regenboog" in requests_table.inner_text()
    assert page.locator("svg[role=img]").count() == 2
    assert_no_axe_violations(page)
