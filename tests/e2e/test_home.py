"""The home page in a real browser: Dutch by default, English on request."""

from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE


def test_home_in_dutch_switches_to_english_on_a_phone(page, live_server, db):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("heading", level=1).inner_text() == "Leer je buren kennen. Help elkaar."
    assert_no_axe_violations(page)

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "Meet your neighbours. Help each other."
    )
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Nederlands").click()
    assert page.locator("html").get_attribute("lang") == "nl"


def test_axe_check_catches_a_real_violation(page, live_server, db):
    """The accessibility check itself can fail: an unlabeled input is reported."""
    page.goto(live_server.url + "/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text>')"
    )
    from tests.e2e.axe import axe_violations

    assert "label" in {v["id"] for v in axe_violations(page)}
