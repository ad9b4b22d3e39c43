"""An org admin makes an API token, sees it once, uses it, and revokes it after a confirmation;
axe on both pages, on a phone."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from tests.conftest import PASSWORD, _staff
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, login

pytestmark = pytest.mark.django_db(transaction=True)


def _get(url: str, key: str) -> int:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {key}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            json.load(response)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_make_use_and_revoke_a_token(page, live_server, org, programme):
    ingrid = _staff("ingrid@samen-oost.test", "Ingrid Smit", org, "org_admin")
    page.set_viewport_size(PHONE)
    login(page, live_server, ingrid.email, PASSWORD)
    page.goto(f"{live_server.url}/coordinator/api-tokens/")
    page.get_by_text("Nog geen tokens.").wait_for()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Token maken").click()
    page.get_by_role("alert").wait_for()  # no name: the form says what is wrong
    page.get_by_label("Naam").fill("Dashboard gemeente")
    page.get_by_label("Lezen", exact=True).check()
    page.get_by_role("button", name="Token maken").click()
    key = page.locator("code.token-key").inner_text().strip()
    assert_no_axe_violations(page)
    assert _get(f"{live_server.url}/api/v1/programmes/", key) == 200

    page.get_by_role("link", name="Dashboard gemeente intrekken").click()
    page.get_by_role("heading", level=1, name="Het token Dashboard gemeente intrekken").wait_for()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Nee, ga terug").click()
    assert _get(f"{live_server.url}/api/v1/programmes/", key) == 200  # going back keeps it
    page.get_by_role("link", name="Dashboard gemeente intrekken").click()
    page.get_by_role("button", name="Ja, intrekken").click()
    page.get_by_text("Ingetrokken op").wait_for()
    assert _get(f"{live_server.url}/api/v1/programmes/", key) == 401
