"""The other participant pages in Arabic and Farsi: right to left, in that script, axe-clean.

test_newcomer_languages walks the match, check-in, home, help board, survey and 404
pages; this walks the café, the home projects, the bridge request form and My
privacy, on a phone.
"""

from __future__ import annotations

import datetime
import re

import pytest

from metelkaar.activities.services import cafe as cafe_services
from metelkaar.programmes.models import Programme
from tests.conftest import PASSWORD
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, login
from tests.e2e.test_newcomer_languages import DIRECTION, SCRIPTS

pytestmark = pytest.mark.django_db(transaction=True)


def check_page(page, code):
    """In ``code``, its direction and script (a title may be the organisation's own Dutch)."""
    assert page.locator("html").get_attribute("lang") == code
    assert page.locator("html").get_attribute("dir") == DIRECTION[code]
    assert len(re.findall(SCRIPTS[code], page.locator("main").inner_text())) > 20
    assert_no_axe_violations(page)


@pytest.mark.parametrize("code", ["ar", "fa"])
def test_cafe_projects_bridge_request_and_my_privacy(page, live_server, org, fatima, code):
    cafe = Programme.objects.create(organisation=org, name="Taalcafé Oost", kind="group",
                                    requires_intake=False)
    series = cafe_services.group_series_create(
        programme=cafe, title="Taalcafé Dappermarkt", place="Buurthuis De Meeuw", weekday=2,
        start_time=datetime.time(19, 30), capacity=20)
    projects = Programme.objects.create(organisation=org, name="Klussen Oost", kind="project",
                                        requires_intake=False)
    bridges = Programme.objects.create(organisation=org, name="Cultuurverbinders Oost",
                                       kind="bridge", requires_intake=False)
    page.set_viewport_size(PHONE)
    for path in (f"/cafe/{series.public_id}/", f"/projects/{projects.public_id}/",
                 f"/bridges/{bridges.public_id}/request/"):
        page.goto(f"{live_server.url}{path}?lang={code}")
        check_page(page, code)
    fatima.preferred_language = code
    fatima.save(update_fields=["preferred_language"])
    fatima.user.language = code
    fatima.user.save(update_fields=["language"])
    page.goto(f"{live_server.url}/?lang=nl")  # the login helper reads the Dutch labels
    login(page, live_server, fatima.user.email, PASSWORD)
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/me/privacy/?lang={code}")
    check_page(page, code)
