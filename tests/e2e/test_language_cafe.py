"""The language café in a real browser, checked with axe on every page.

Amal says she will come on her phone without an account; Anna hosts the café
and ticks people off at the door on her phone (htmx toggles); afterwards Anna
sees which languages were present and prints the table plan.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests.conftest import PASSWORD
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, login


@pytest.fixture
def cafe(org):
    from metelkaar.activities.services import cafe as services
    from metelkaar.programmes.models import Programme

    programme = Programme.objects.create(
        organisation=org, name="Taalcafé Oost", kind="group", requires_intake=False
    )
    series = services.group_series_create(
        programme=programme,
        title="Taalcafé Dappermarkt",
        place="Buurthuis De Meeuw",
        weekday=2,
        start_time=datetime.time(19, 30),
        capacity=20,
    )
    session = services.group_session_create(series=series, date=timezone.localdate())
    for i, name in enumerate(["Olena", "Yonas", "Chen", "Ahmad"]):
        services.session_rsvp_create(
            session=session,
            name=name,
            email="",
            practises=["nl"],
            speaks=[["uk", "ti", "en", "ar"][i]],
            background="newcomer",
        )
    for name in ["Bas", "Els", "Dirk", "Marleen"]:
        services.session_rsvp_create(
            session=session,
            name=name,
            email="",
            practises=["ar"] if name == "Dirk" else [],
            speaks=["nl"],
            background="resident",
        )
    return series, session


def test_rsvp_attendance_and_table_plan(page, live_server, cafe, anna):
    series, session = cafe
    base = live_server.url

    # Amal, on her phone, without an account.
    page.set_viewport_size(PHONE)
    page.goto(f"{base}/cafe/{series.public_id}/")
    assert_no_axe_violations(page)
    page.get_by_label(f"{session.date:%d-%m-%Y} · Buurthuis De Meeuw").check()
    page.get_by_label("Je naam").fill("Amal")
    page.get_by_role("group", name="Talen die ik spreek").get_by_label("Arabisch").check()
    page.get_by_role("group", name="Talen die ik wil oefenen").get_by_label("Nederlands").check()
    page.get_by_label("Ik ben nieuw in Nederland").check()
    page.get_by_role("button", name="Ik kom").click()
    assert page.get_by_role("heading", level=1).inner_text().endswith("Dank je wel, Amal!")
    assert_no_axe_violations(page)

    # Anna hosts: at the door on her phone she taps the names of who comes in.
    login(page, live_server, anna.email, PASSWORD)
    page.goto(f"{base}/coordinator/cafe/sessions/{session.public_id}/door/")
    assert_no_axe_violations(page)
    for name in ["Amal", "Olena", "Yonas", "Chen", "Bas", "Els", "Dirk", "Marleen"]:
        button = page.get_by_role("button", name=name)
        button.click()
        page.get_by_role("button", name=name).and_(page.locator("[aria-pressed=true]")).wait_for()
    assert page.locator(".door-button[aria-pressed=true]").count() == 8
    assert_no_axe_violations(page)

    # Afterwards, on a laptop: the languages present and the printable table plan.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name="Klaar: laat de talen zien").click()
    table = page.get_by_role("table", name="Talen van de aanwezigen")
    assert table.get_by_role("row", name="Nederlands 4 4").is_visible()
    assert table.get_by_role("row", name="Arabisch 1 1").is_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Tafelindeling").click()
    page.get_by_role("heading", name="Tafel 1").wait_for()
    assert page.get_by_role("heading", name="Tafel 2").is_visible()
    assert page.get_by_text("Gedeelde oefentaal: Nederlands").count() == 2
    assert "Ahmad" not in page.locator(".table-plan").inner_text()
    assert_no_axe_violations(page)
    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden()
