"""A coordinator imports a spreadsheet: upload, map, a bad cell in the preview, fix, import."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from metelkaar.imports.models import ConsentRequest
from metelkaar.programmes.models import Enrolment
from tests.conftest import PASSWORD
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, login
from tests.imports import sheets

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _upload(page, rows):
    page.get_by_label("Spreadsheet").set_input_files(
        {"name": "deelnemers.xlsx", "mimeType": XLSX, "buffer": sheets.xlsx(rows=rows)}
    )
    page.get_by_role("button", name="Volgende: koppel de kolommen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Koppel de kolommen")


def test_upload_map_preview_fix_and_import(page, live_server, programme, anna, transactional_db):
    bad = [*sheets.ROWS, ["Kees", "Vos", 2999, "Nederlands", "1093 EF", "kees@example.test", ""]]
    login(page, live_server, anna.email, PASSWORD)
    page.goto(f"{live_server.url}/coordinator/programmes/{programme.public_id}/")
    page.get_by_role("link", name=re.compile("Importeren uit spreadsheet")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Importeren uit spreadsheet")
    assert_no_axe_violations(page)

    _upload(page, bad)
    expect(page.get_by_label("Voornaam")).to_have_value("first_name")  # guessed
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Volgende: controleer de rijen").click()

    expect(page.get_by_role("heading", name="Verbeter eerst deze cellen")).to_be_visible()
    expect(
        page.get_by_text("Rij 5, kolom “Geboortejaar”: Het geboortejaar 2999 ligt in de toekomst.")
    ).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("importeren"))).to_have_count(0)
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Upload een verbeterd bestand").first.click()
    fixed = [*sheets.ROWS, ["Kees", "Vos", 1999, "Nederlands", "1093 EF", "kees@example.test", ""]]
    _upload(page, fixed)
    page.get_by_role("button", name="Volgende: controleer de rijen").click()
    expect(page.get_by_role("cell", name="Kees", exact=True)).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="4 rijen importeren").click()

    expect(page.get_by_text("“deelnemers.xlsx” is geïmporteerd.")).to_be_visible()
    assert_no_axe_violations(page)
    assert Enrolment.objects.filter(programme=programme, status="waiting").count() == 4
    assert ConsentRequest.objects.filter(confirmed_at__isnull=True).count() == 4

    page.set_viewport_size(PHONE)
    page.get_by_role("link", name="Geïmporteerd, wacht op hun ja").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Geïmporteerd, wacht op hun ja")
    assert_no_axe_violations(page)
    page.get_by_role("button", name=re.compile("Ze zeiden ja.*Kees Vos")).click()
    expect(
        page.get_by_text("Hun ja is vastgelegd. Ze kunnen nu worden voorgesteld.")
    ).to_be_visible()
    assert ConsentRequest.objects.filter(confirmed_at__isnull=True).count() == 3
