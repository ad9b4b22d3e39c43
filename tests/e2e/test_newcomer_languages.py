"""A newcomer who reads Arabic, Farsi or Tigrinya gets her e-mails and pages in it.

The proposal and the check-in e-mail arrive in her language; their links open
her pages in it (right to left for Arabic and Farsi), on a phone, and axe-core
finds nothing on them, nor on the home page, the public help board, the
neighbourhood survey and the 404 page in that language.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from metelkaar.impact.models import SurveyRound
from metelkaar.matches import services
from metelkaar.matches.models import CheckIn, Match
from metelkaar.programmes.models import Enrolment, Programme
from tests.conftest import make_person
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE

SCRIPTS = {"ar": "[\u0600-\u06ff]", "fa": "[\u0600-\u06ff]", "ti": "[\u1200-\u137f]"}
DIRECTION = {"ar": "rtl", "fa": "rtl", "ti": "ltr"}
# The yes button of the proposal, in her language (matches catalogue).
YES = {"ar": "نعم، أريد أن ألتقي", "fa": "بله، می‌خواهم ببینم", "ti": "እወ፡ ክራኸብ እደሊ"}


def in_her_language(message, code):
    """The e-mail's subject and every sentence of its body are in ``code``'s script."""
    script = SCRIPTS[code]
    assert re.search(script, message.subject), message.subject
    for line in message.body.splitlines():
        words = re.sub(r"https?://\S+|Amal|Jan|Maatjes Oost|Metelkaar", "", line).strip()
        if re.search(r"[A-Za-z]{3,}", words):
            raise AssertionError(f"English or Dutch left in the {code} e-mail: {line!r}")
    assert len(re.findall(script, message.body)) > 20, message.body


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def check_page(page, code):
    assert page.locator("html").get_attribute("lang") == code
    assert page.locator("html").get_attribute("dir") == DIRECTION[code]
    assert re.search(SCRIPTS[code], page.locator("h1").first.inner_text())
    assert_no_axe_violations(page)


@pytest.mark.parametrize("code", ["ar", "fa", "ti"])
def test_her_e_mails_and_pages_are_in_her_language(
    page, live_server, settings, org, anna, transactional_db, code
):
    settings.SITE_URL = live_server.url
    page.set_viewport_size(PHONE)
    programme = Programme.objects.create(
        organisation=org,
        name="Maatjes Oost",
        kind="buddy",
        side_a_label="Nieuwkomer",
        side_b_label="Maatje",
        term_months=12,
        contact_norm_per_month=2,
    )
    amal = make_person(org, "Amal", email="amal@example.test", preferred_language=code)
    jan = make_person(org, "Jan", email="jan@example.test", preferred_language="nl")
    a, b = (
        Enrolment.objects.create(
            programme=programme,
            person=person,
            side=side,
            status="waiting",
            waiting_since=timezone.now(),
        )
        for person, side in ((amal, "a"), (jan, "b"))
    )

    services.match_create_proposed(
        programme=programme,
        enrolment_a=a,
        enrolment_b=b,
        score=0.8,
        explanation={"reasons": []},
        by=anna,
    )
    [proposal] = [m for m in mail.outbox if m.to == ["amal@example.test"]]
    in_her_language(proposal, code)
    page.goto(link_in(proposal))
    check_page(page, code)
    page.get_by_role("button", name=YES[code]).click()
    page.wait_for_load_state()
    check_page(page, code)

    match = Match.objects.get(programme=programme)
    Match.objects.filter(pk=match.pk).update(status=Match.Status.ACTIVE)
    CheckIn.objects.create(match=match, enrolment=a, moment="first", due_on=timezone.localdate())
    mail.outbox.clear()
    assert services.checkins_send_due() == 1
    [checkin] = mail.outbox
    in_her_language(checkin, code)
    page.goto(link_in(checkin))
    check_page(page, code)

    if code == "ti":
        return  # the public pages in Tigrinya are walked by test_signup_in_own_language
    help_board = Programme.objects.create(organisation=org, name="Burenhulp", kind="help")
    today = timezone.localdate()
    survey = SurveyRound.objects.create(
        organisation=org,
        title="Voormeting",
        phase="before",
        opens_on=today,
        closes_on=today + timedelta(days=7),
    )
    survey_path = reverse("impact:survey", kwargs={"public_id": survey.public_id})
    for path in ("/", f"/help/{help_board.public_id}/", survey_path, "/no-such-page/"):
        page.goto(f"{live_server.url}{path}?lang={code}")
        check_page(page, code)
