"""A home project in a real browser, checked with axe on every page.

Anna requests a project on behalf of Samira, a newly housed resident (for now
the professional uses a coordinator account); Jan signs up with a friend on his
phone without an account; the professional and Samira confirm completion
through the links in their e-mail; Samira answers the evaluation; Anna sees it all.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests.conftest import PASSWORD
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, login


@pytest.fixture
def klussen(org):
    from metelkaar.programmes.models import Programme

    return Programme.objects.create(
        organisation=org, name="Klussen Oost", kind="project", requires_intake=False
    )


def link_in(message, base):
    path = message.body.split("http://127.0.0.1:8000")[1].split()[0]
    return base + path


def test_request_sign_up_and_confirm_completion(page, live_server, klussen, anna, mailoutbox):
    base = live_server.url
    day = timezone.localdate() + datetime.timedelta(days=6)

    # Anna requests the project for Samira.
    login(page, live_server, anna.email, PASSWORD)
    page.goto(f"{base}/coordinator/programmes/{klussen.public_id}/projects/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Nieuw project aanvragen").click()
    assert_no_axe_violations(page)
    page.get_by_label("Korte titel").fill("Nieuwe woning Samira")
    page.get_by_label("Buurt (straat of postcodegebied)").fill("Dapperbuurt 1094")
    page.get_by_label("Precies adres").fill("Dapperstraat 12-3")
    page.get_by_label("Verven").check()
    page.get_by_label("Meubels in elkaar zetten").check()
    page.get_by_label("Materiaal (wat is er, wat is nodig)").fill("Verf en kwasten zijn er.")
    page.get_by_label("Naam van de professional").fill("Els de Wit")
    page.get_by_label("E-mail van de professional").fill("els@woningcorporatie.test")
    page.get_by_label("Voornaam van de bewoner").fill("Samira")
    page.get_by_label("E-mail van de bewoner (niet verplicht)").fill("samira@example.test")
    page.get_by_role("button", name="Project maken").click()
    page.get_by_label("Datum").fill(day.isoformat())
    page.get_by_label("Aantal vrijwilligers nodig").fill("3")
    page.get_by_role("button", name="Toevoegen").click()
    assert page.get_by_role(
        "table", name="Dagen met de vrijwilligers die zich aanmeldden"
    ).is_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Uitloggen").click()

    # Jan, on his phone, without an account, comes with a friend.
    page.set_viewport_size(PHONE)
    page.goto(f"{base}/projects/{klussen.public_id}/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Nieuwe woning Samira").click()
    assert "Dapperbuurt 1094" in page.content() and "Dapperstraat 12" not in page.content()
    assert_no_axe_violations(page)
    page.get_by_label(day.strftime("%d-%m-%Y")).check()
    page.get_by_label("Je naam (of de naam van je groep)").fill("Jan en Piet")
    page.get_by_label("E-mailadres").fill("jan@example.test")
    page.get_by_label("Met hoeveel mensen kom je?").fill("2")
    page.get_by_role("button", name="Ik help mee").click()
    assert page.get_by_role("heading", level=1).inner_text().endswith("Dank je wel, Jan en Piet!")
    assert_no_axe_violations(page)

    # After the work, Anna sends the confirmation links.
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server, anna.email, PASSWORD)
    page.goto(f"{base}/coordinator/programmes/{klussen.public_id}/projects/")
    page.get_by_role("link", name="Nieuwe woning Samira").click()
    page.get_by_role("button", name="Mail de bevestigingslinks").click()
    links = {m.to[0]: link_in(m, base) for m in mailoutbox}
    assert set(links) == {"els@woningcorporatie.test", "samira@example.test"}
    page.get_by_role("button", name="Uitloggen").click()

    # The professional and Samira confirm on their phones.
    page.set_viewport_size(PHONE)
    mailoutbox.clear()
    for email in ["els@woningcorporatie.test", "samira@example.test"]:
        page.goto(links[email])
        assert_no_axe_violations(page)
        page.get_by_role("button", name="Ja, het werk is klaar").click()
        page.get_by_text("Je hebt bevestigd dat het werk klaar is.").wait_for()
    evaluation = {m.to[0]: link_in(m, base) for m in mailoutbox}
    page.goto(evaluation["samira@example.test"])
    assert_no_axe_violations(page)
    page.get_by_label("Heel goed").check()
    page.get_by_label("Wat ging goed?").fill("Alles is mooi geverfd.")
    page.get_by_role("button", name="Versturen").click()
    page.get_by_text("Dank je wel voor je antwoorden.").wait_for()
    assert_no_axe_violations(page)

    # Anna sees the project completed, the volunteers and the evaluation.
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server, anna.email, PASSWORD)
    page.goto(f"{base}/coordinator/programmes/{klussen.public_id}/projects/")
    row = page.get_by_role("row", name="Nieuwe woning Samira")
    assert "Afgerond" in row.inner_text() and row.get_by_role("cell").nth(4).inner_text() == "2"
    row.get_by_role("link").click()
    assert "Alles is mooi geverfd." in page.content()
    assert_no_axe_violations(page)
