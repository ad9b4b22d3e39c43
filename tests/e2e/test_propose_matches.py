"""A coordinator lets the engine propose matches, reads why, and approves one."""

import re

from django.utils import timezone
from playwright.sync_api import expect

from metelkaar.matches.models import Match
from metelkaar.programmes.models import Enrolment
from tests.conftest import PASSWORD, make_person
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import login


def _waiting(programme, person, side):
    return Enrolment.objects.create(
        programme=programme,
        person=person,
        side=side,
        status="waiting",
        waiting_since=timezone.now(),
    )


def test_coordinator_proposes_reviews_and_approves(
    page, live_server, programme, org, anna, transactional_db
):
    _waiting(
        programme,
        make_person(
            org, "Amal", languages={"ar": 5, "nl": 3}, needs=["paperwork"], offers=["cooking"]
        ),
        "a",
    )
    _waiting(
        programme,
        make_person(
            org, "Joost", languages={"nl": 5, "ar": 3}, offers=["paperwork"], needs=["cooking"]
        ),
        "b",
    )
    login(page, live_server, anna.email, PASSWORD)
    page.goto(f"{live_server.url}/coordinator/programmes/{programme.public_id}/")
    page.get_by_role("link", name=re.compile("Koppelingen voorstellen")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Koppelingen voorstellen")
    assert_no_axe_violations(page)

    page.get_by_role("link", name=re.compile("Aanpassen wat het zwaarst telt")).click()
    page.get_by_role("button", name="Voorbeeld tonen").click()
    expect(page.get_by_role("heading", name="Voorbeeld")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Bewaren en koppelingen voorstellen").click()

    expect(
        page.get_by_role("heading", name=re.compile("Waarom ze bij elkaar passen"))
    ).to_be_visible()
    expect(
        page.get_by_text(re.compile("Joost kan Amal helpen met brieven en formulieren"))
    ).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Goedkeuren").click()
    expect(page.get_by_text(re.compile("Goedgekeurd: Amal en Joost"))).to_be_visible()
    assert_no_axe_violations(page)
    assert Match.objects.get().status == "proposed"
