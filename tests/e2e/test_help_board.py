"""The neighbour help board in a real browser, checked with axe on every page.

Fatima asks for help with groceries on her phone; Jan offers help with
groceries; Fatima's management page suggests Jan's offer nearby; Jan sends her
a message through the platform; they talk, both share their details, and
Fatima closes her request saying Jan helped. Anna sees it on her page.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import PASSWORD
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, login


@pytest.fixture
def burenhulp(org):
    from metelkaar.people.models import Neighbourhood
    from metelkaar.programmes.models import Programme

    Neighbourhood.objects.create(
        organisation=org,
        name="Dapperbuurt",
        postcode_areas=["1094"],
        latitude=52.363,
        longitude=4.927,
    )
    return Programme.objects.create(
        organisation=org, name="Burenhulp Oost", kind="help", requires_intake=False
    )


def link_in(message, base):
    return base + message.body.split("http://127.0.0.1:8000")[1].split()[0]


def post(page, base, programme, *, kind, name, email, area, text):
    page.goto(f"{base}/help/{programme.public_id}/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Vraag of bied hulp").click()
    page.get_by_label(kind).check()
    page.get_by_label("Boodschappen").check()
    page.get_by_label("Een paar woorden (niet verplicht)").fill(text)
    page.get_by_label("Je voornaam").fill(name)
    page.get_by_label("Je e-mailadres").fill(email)
    page.get_by_label("Je straat of postcodegebied").fill(area)
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Zet het op het bord").click()
    page.get_by_role("heading", name="Je bericht staat op het bord").wait_for()
    assert_no_axe_violations(page)


def test_request_offer_messages_and_close(page, live_server, burenhulp, anna, mailoutbox):
    base = live_server.url
    page.set_viewport_size(PHONE)

    post(
        page,
        base,
        burenhulp,
        kind="Ik wil graag hulp",
        name="Fatima",
        email="fatima@example.test",
        area="1094",
        text="Wie kan deze week boodschappen voor me doen? Ik heb een gebroken been.",
    )
    manage_link = link_in(mailoutbox[-1], base)
    post(
        page,
        base,
        burenhulp,
        kind="Ik kan helpen",
        name="Jan",
        email="jan@example.test",
        area="Dapperbuurt 1094",
        text="Ik ga elke dag naar de markt.",
    )

    # Fatima's page suggests Jan's offer nearby.
    page.goto(manage_link)
    nearby = page.locator("section, main").get_by_text("Ik ga elke dag naar de markt.")
    assert nearby.is_visible()
    assert_no_axe_violations(page)

    # Jan finds Fatima's request on the board and writes to her through the platform.
    page.goto(f"{base}/help/{burenhulp.public_id}/")
    assert "fatima@example.test" not in page.content()
    page.get_by_role("link", name=re.compile("Lees meer.*Fatima")).click()
    assert_no_axe_violations(page)
    page.get_by_label("Je voornaam").fill("Jan")
    page.get_by_label("Je e-mailadres").fill("jan@example.test")
    page.get_by_label("Je bericht").fill(
        "Ik kan morgen om 10 uur boodschappen doen. Wat heb je nodig?"
    )
    page.get_by_role("button", name="Bericht sturen").click()
    page.get_by_role("heading", name="Gesprek met Fatima").wait_for()
    assert_no_axe_violations(page)

    # Fatima gets the message by e-mail, answers and agrees to share details.
    relay = mailoutbox[-1]
    assert relay.to == ["fatima@example.test"] and "jan@example.test" not in relay.body
    page.goto(link_in(relay, base))
    assert page.get_by_text("Ik kan morgen om 10 uur boodschappen doen.").is_visible()
    page.get_by_label("Je bericht").fill("Graag! Melk, brood en appels.")
    page.get_by_role("button", name="Bericht sturen").click()
    page.get_by_role("button", name="Deel mijn gegevens").click()
    assert "jan@example.test" not in page.content()
    assert_no_axe_violations(page)

    # Jan reads the answer from his e-mail and shares too: now both see the other's address.
    answer = mailoutbox[-1]
    assert answer.to == ["jan@example.test"]
    page.goto(link_in(answer, base))
    assert page.get_by_text("Melk, brood en appels.").is_visible()
    page.get_by_role("button", name="Deel mijn gegevens").click()
    page.get_by_role("link", name="fatima@example.test").wait_for()
    assert_no_axe_violations(page)

    # Fatima closes her request: Jan helped.
    page.goto(manage_link)
    page.get_by_label("Jan").check()
    page.get_by_role("button", name="Sluit mijn bericht: het is klaar").click()
    page.get_by_text("Je bericht is gesloten. Dank je wel!").wait_for()
    assert_no_axe_violations(page)
    page.goto(f"{base}/help/{burenhulp.public_id}/")
    assert "gebroken been" not in page.content()

    # Anna sees the closed request and the conversation count.
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server, anna.email, PASSWORD)
    page.goto(f"{base}/coordinator/programmes/{burenhulp.public_id}/help/")
    row = page.get_by_role("row", name=re.compile("Fatima"))
    assert "Afgesloten" in row.inner_text()
    assert_no_axe_violations(page)
