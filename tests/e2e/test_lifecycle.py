"""A match's life in a real browser, participants on a phone, axe on every page.

The first walk starts on the matching-proposals page (the proposals app), whose
"Approve" calls ``match_create_proposed``; the other tests set up the early
steps with the same services and walk the rest through the pages.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from metelkaar.matches import services
from metelkaar.matches.models import ContactMoment, Match, Signal
from metelkaar.programmes.models import Enrolment
from tests.conftest import PASSWORD
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, login

DESKTOP = {"width": 1280, "height": 900}
pytestmark = pytest.mark.django_db(transaction=True)


def as_user(page, live_server, email, viewport):
    page.context.clear_cookies()
    page.set_viewport_size(viewport)
    login(page, live_server, email, PASSWORD)


def enrol(programme, person, side):
    return Enrolment.objects.create(programme=programme, person=person, side=side,
                                    status="waiting", waiting_since=timezone.now())


def test_from_approval_to_a_logged_contact_the_coach_sees(page, live_server, programme, anna,
                                                          bram, fatima, jan, mailoutbox):
    base = live_server.url
    enrol(programme, fatima, "a")
    enrol(programme, jan, "b")

    # Anna lets the engine propose pairs and approves Fatima and Jan.
    as_user(page, live_server, anna.email, DESKTOP)
    page.goto(f"{base}/coordinator/programmes/{programme.public_id}/proposals/")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Koppelingen voorstellen").click()
    page.get_by_role("button", name="Goedkeuren").first.wait_for(timeout=60_000)
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Goedkeuren").first.click()
    page.get_by_text(re.compile("Goedgekeurd: ")).first.wait_for()
    assert_no_axe_violations(page)
    match = Match.objects.get(programme=programme)
    assert match.status == "proposed" and match.coordinator == anna

    # Both participants accept on their phones.
    for person, buddy in ((fatima, "Jan"), (jan, "Fatima")):
        as_user(page, live_server, person.email, PHONE)
        page.goto(f"{base}/my/matches/")
        assert_no_axe_violations(page)
        page.get_by_role("link", name=re.compile(buddy)).click()
        page.get_by_role("heading", name=f"Wil je {buddy} ontmoeten?").wait_for()
        assert_no_axe_violations(page)
        page.get_by_role("button", name="Ja, ik wil kennismaken").click()
        page.get_by_text("Dank je, we hebben je antwoord.").wait_for()
        assert_no_axe_violations(page)

    # Anna plans the intro; both get an e-mail with a calendar file.
    as_user(page, live_server, anna.email, DESKTOP)
    page.goto(f"{base}/coordinator/matches/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Fatima El Amrani & Jan Bakker").click()
    assert_no_axe_violations(page)
    day = timezone.localdate() + timedelta(days=2)
    page.locator("#id_plan_intro-day").fill(day.isoformat())
    page.locator("#id_plan_intro-time").fill("15:30")
    page.locator("#id_plan_intro-place").fill("Buurthuis De Pauw")
    page.get_by_role("button", name="Plannen en uitnodigingen sturen").click()
    page.get_by_text("Opgeslagen.").wait_for()
    assert_no_axe_violations(page)
    invites = [m for m in mailoutbox if m.attachments]
    assert sorted(m.to[0] for m in invites) == [fatima.email, jan.email]
    assert "LOCATION:Buurthuis De Pauw" in invites[0].attachments[0][1]

    # After the meeting: both participants and Anna say there is a klik.
    for person in (fatima, jan):
        as_user(page, live_server, person.email, PHONE)
        page.goto(f"{base}/my/matches/{match.public_id}/")
        page.get_by_text("Buurthuis De Pauw").wait_for()
        assert_no_axe_violations(page)
        page.get_by_role("button", name="Ja, er is een klik").click()
        page.get_by_text("Dank je, we hebben je antwoord.").first.wait_for()
    as_user(page, live_server, anna.email, DESKTOP)
    page.goto(f"{base}/staff/matches/{match.public_id}/")
    page.get_by_role("button", name="Ja, er is een klik").click()
    page.get_by_role("heading", name="Start de koppeling met afspraken").wait_for()
    assert_no_axe_violations(page)
    page.locator("#id_activate-hopes_a").fill("Nederlands oefenen")
    page.locator("#id_activate-hopes_b").fill("Leren koken")
    page.locator("#id_activate-coach").select_option(label="Bram Jansen")
    page.get_by_role("button", name="Koppeling starten").click()
    page.get_by_text("Opgeslagen.").wait_for()
    assert_no_axe_violations(page)
    assert Match.objects.get(pk=match.pk).status == "active"

    # Jan logs a contact on his phone in three taps.
    as_user(page, live_server, jan.email, PHONE)
    page.goto(f"{base}/my/matches/{match.public_id}/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="We hebben afgesproken: schrijf het op").click()
    assert_no_axe_violations(page)
    page.get_by_text("Koken", exact=True).click()
    page.get_by_text("Een uur", exact=True).click()
    page.get_by_text("Ik hielp", exact=True).click()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Dank je! Je contact is opgeslagen.").wait_for()
    assert_no_axe_violations(page)
    contact = ContactMoment.objects.get(match=match)
    assert (contact.activity, contact.duration_minutes, contact.direction) == (
        "cooking", 60, "b_helped_a")

    # Fatima confirms it on her phone, seeing it from her side.
    as_user(page, live_server, fatima.email, PHONE)
    page.goto(f"{base}/my/matches/{match.public_id}/")
    page.get_by_text("Ik werd geholpen", exact=True).first.wait_for()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Ja, dit klopt").click()
    page.get_by_text("Dank je voor het bevestigen.").wait_for()
    assert ContactMoment.objects.get(match=match).confirmed_by_other

    # Bram, the coach, sees it on his dashboard.
    as_user(page, live_server, bram.email, DESKTOP)
    page.goto(f"{base}/coach/")
    row = page.get_by_role("row", name=re.compile("Fatima El Amrani & Jan Bakker"))
    assert "1 / 1" in row.inner_text()
    assert "Jan 100%" in row.inner_text()
    assert_no_axe_violations(page)


def test_a_quiet_match_raises_a_signal_the_coach_resolves(page, live_server, programme, anna,
                                                          bram, fatima, jan):
    base = live_server.url
    match = services.match_create_proposed(
        programme=programme, enrolment_a=enrol(programme, fatima, "a"),
        enrolment_b=enrol(programme, jan, "b"), score=None, explanation={}, by=anna)
    services.match_respond(match=match, by=fatima.user, accept=True)
    services.match_respond(match=match, by=jan.user, accept=True)
    services.match_plan_intro(match=match, by=anna, starts_at=timezone.now(), place="Bieb")
    for user in (fatima.user, jan.user, anna):
        services.match_record_klik(match=match, by=user, klik=True)
    services.match_activate(match=match, by=anna, meetings_per_month=2, term_months=12,
                            coach=bram)
    Match.objects.filter(pk=match.pk).update(
        started_at=timezone.localdate() - timedelta(days=40))
    services.signals_compute()
    assert Signal.objects.filter(match=match, rule="no_contact", resolved_at=None).exists()

    as_user(page, live_server, bram.email, DESKTOP)
    page.goto(f"{base}/coach/")
    assert_no_axe_violations(page)
    # The row shows the signals as chips; they open into the reasons and resolve forms.
    signal = Signal.objects.get(match=match, rule="no_contact")
    page.locator(f"#resolve-{signal.pk}").locator("xpath=ancestor::details").locator(
        "summary").click()
    page.get_by_text("Er is al 40 dagen geen contact opgeschreven.").wait_for()
    page.locator(f"#resolve-{signal.pk}").fill("Beiden gebeld: ze spreken vrijdag af.")
    page.locator(f"#resolve-{signal.pk}").locator("xpath=ancestor::form").get_by_role(
        "button", name="Afhandelen").click()
    page.get_by_text("Signaal afgehandeld.").wait_for()
    assert_no_axe_violations(page)
    signal.refresh_from_db()
    assert signal.resolved_by == bram
    assert signal.resolution_note == "Beiden gebeld: ze spreken vrijdag af."


def test_a_check_in_from_the_e_mail_link_on_a_phone(page, live_server, programme, anna, bram,
                                                    fatima, jan, mailoutbox):
    from metelkaar.matches.models import CheckIn

    match = services.match_create_proposed(
        programme=programme, enrolment_a=enrol(programme, fatima, "a"),
        enrolment_b=enrol(programme, jan, "b"), score=None, explanation={}, by=anna)
    services.match_respond(match=match, by=fatima.user, accept=True)
    services.match_respond(match=match, by=jan.user, accept=True)
    services.match_plan_intro(match=match, by=anna, starts_at=timezone.now(), place="Bieb")
    for user in (fatima.user, jan.user, anna):
        services.match_record_klik(match=match, by=user, klik=True)
    services.match_activate(match=match, by=anna, meetings_per_month=2, term_months=12,
                            coach=bram)
    invite = next(m for m in mailoutbox if m.to == [fatima.email] and "/checkin/" in m.body)
    link = re.search(r"https?://\S+/checkin/\S+/", invite.body).group(0)
    path = link.split("/checkin/", 1)[1]

    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/checkin/{path}")
    page.get_by_role("heading", name="Hoe gaat het?").wait_for()
    assert_no_axe_violations(page)
    for question, answer in (("Er is een klik tussen ons.", "Heel erg"),
                             ("Ik kijk uit naar onze afspraken.", "Grotendeels"),
                             ("We behandelen elkaar als gelijken.", "Heel erg"),
                             ("Mijn maatje beslist dingen voor mij.", "Helemaal niet"),
                             ("We helpen elkaar.", "Grotendeels")):
        page.get_by_role("group", name=question).get_by_label(answer).check()
    page.get_by_role("button", name="Versturen").click()
    page.get_by_role("heading", name="Dank je wel").wait_for()
    assert_no_axe_violations(page)
    answered = CheckIn.objects.get(match=match, enrolment__person=fatima, moment="first")
    assert (answered.klik, answered.autonomy_problem) == (5, 1)

    page.goto(f"{live_server.url}/checkin/{path[:-3]}xx/")
    page.get_by_role("heading", name="Deze link werkt niet").wait_for()
    assert_no_axe_violations(page)
