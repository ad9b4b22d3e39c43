"""Staff land on their tasks, reach every staff page from the menu, and the coach
dashboard filters; on a desktop and on a phone, axe on every page."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD
from tests.core.test_staff_home import build
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, login

DESKTOP = {"width": 1280, "height": 900}
pytestmark = pytest.mark.django_db(transaction=True)


def test_a_coordinator_lands_on_the_tasks_and_opens_one(page, live_server, org, anna, bram):
    build(org, anna, bram, 3)
    page.set_viewport_size(DESKTOP)
    login(page, live_server, anna.email, PASSWORD)
    page.wait_for_url(f"{live_server.url}/staff/")
    assert page.get_by_role("heading", level=1).inner_text() == "Te doen"
    assert page.get_by_role("heading", name="3 nieuwe aanmeldingen voor de intake").is_visible()
    assert_no_axe_violations(page)
    page.locator("#task-coordinator-new_signups").get_by_role("link", name="Maatjes A").click()
    programmes = page.get_by_role("link", name="Projecten", exact=True)
    assert programmes.get_attribute("aria-current") == "page"
    assert_no_axe_violations(page)
    page.get_by_role("navigation", name="Menu voor medewerkers").get_by_role(
        "link", name="Verwerkingsregister").click()
    page.get_by_role("heading", level=1).wait_for()


def test_on_a_phone_the_menu_folds_open_and_the_coach_filters(page, live_server, org, anna,
                                                             bram):
    build(org, anna, bram, 2)
    page.set_viewport_size(PHONE)
    login(page, live_server, bram.email, PASSWORD)
    page.wait_for_url(f"{live_server.url}/staff/")
    assert_no_axe_violations(page)
    coaching = page.get_by_role("link", name="Begeleiding")
    assert not coaching.is_visible()
    page.get_by_role("button", name="Menu").click()
    assert page.get_by_role("button", name="Menu").get_attribute("aria-expanded") == "true"
    assert_no_axe_violations(page)
    coaching.click()
    page.wait_for_url(f"{live_server.url}/coach/")
    assert_no_axe_violations(page)
    no_contact = page.get_by_role("link", name="Geen contact 2", exact=True)
    no_contact.click()
    assert no_contact.get_attribute("aria-current") == "true"
    assert page.locator("tbody tr").count() == 2
    page.locator("details.signals summary").first.click()
    page.get_by_label("Wat heb je eraan gedaan?").first.fill("Gebeld, ze zien elkaar vrijdag.")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Afhandelen").first.click()
    assert page.locator("tbody tr").count() == 1
