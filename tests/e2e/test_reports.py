"""Browser test: the coordinator's programme report, its period and its downloads; the survey."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tests.conftest import PASSWORD
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, login
from tests.impact.conftest import report_world  # noqa: F401  (fixture)


def test_coordinator_opens_report_switches_period_and_downloads(page, live_server, anna,
                                                                report_world,  # noqa: F811
                                                                programme):
    login(page, live_server, anna.email, PASSWORD)
    page.goto(f"{live_server.url}/impact/programmes/{programme.public_id}/report/")
    assert page.get_by_role("heading", level=1).inner_text() == "Rapport: Maatjes Oost"
    assert page.locator("svg.impact-chart").count() >= 3
    assert_no_axe_violations(page)

    began = report_world["began"]
    page.locator("#id_start").fill(began.isoformat())
    page.locator("#id_end").fill((began + dt.timedelta(days=60)).isoformat())
    page.get_by_role("button", name="Deze periode tonen").click()
    page.wait_for_load_state()
    assert f"start={began.isoformat()}" in page.url
    assert "2 koppelingen begonnen in deze periode" in page.content()
    assert_no_axe_violations(page)

    for button, suffix in (("CSV downloaden", ".csv"), ("Excel downloaden", ".xlsx"),
                           ("PDF voor financiers downloaden", ".pdf")):
        with page.expect_download() as info:
            page.get_by_role("button", name=button).click()
        download = info.value
        assert download.suggested_filename.endswith(suffix)
        assert download.failure() is None


def test_resident_answers_the_survey_in_arabic_on_a_phone(page, live_server, org):
    from metelkaar.impact.models import SurveyResponse, SurveyRound

    today = timezone.localdate()
    round_ = SurveyRound.objects.create(organisation=org, title="Voormeting", phase="before",
                                        opens_on=today, closes_on=today)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/buurtmeting/{round_.public_id}/?lang=ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_no_axe_violations(page)
    for fieldset in page.locator("fieldset.impact-item").all():
        fieldset.get_by_label("أوافق", exact=True).check()
    page.get_by_role("button", name="أرسل إجاباتي").click()
    page.wait_for_load_state()
    assert "شكراً لك!" in page.content()
    assert SurveyResponse.objects.get().score == 4.0


def test_every_impact_page_passes_axe_on_a_phone(page, live_server, anna, org, programme,
                                                 report_world):  # noqa: F811
    from metelkaar.impact.demo import demo_seed_impact
    from metelkaar.impact.models import SurveyRound

    org.slug = "demo"
    org.save()
    demo_seed_impact()
    after = SurveyRound.objects.get(phase="after")
    login(page, live_server, anna.email, PASSWORD)
    page.set_viewport_size(PHONE)
    for path in ("/impact/report/", "/impact/surveys/", f"/impact/surveys/{after.public_id}/",
                 "/impact/ties/", f"/impact/programmes/{programme.public_id}/learning/",
                 f"/coordinator/programmes/{programme.public_id}/"):
        page.goto(live_server.url + path)
        assert page.get_by_role("heading", level=1).count() == 1, path
        assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/impact/surveys/{after.public_id}/")
    assert "Verandering sinds de eerdere ronde" in page.content()
