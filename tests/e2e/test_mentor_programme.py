"""Mentoring pupils, end to end in a real browser.

A mother signs up her daughter Noor (11) on a phone, with her consent as a
guardian; coordinator Anna sees that consent, finishes intake, adds Noor's
school and places her; a mentor session is logged; the school's contact
person opens the link from her e-mail on a phone and sees her pupil's
progress, and nothing of other schools' pupils.
"""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from metelkaar.matches.models import ContactMoment, Match
from metelkaar.partners.models import Partner, PupilPlacement
from metelkaar.programmes import screening
from metelkaar.programmes.models import Enrolment, Programme
from metelkaar.programmes.presets import PRESETS
from tests.conftest import PASSWORD, make_person
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, login
from tests.e2e.signup_steps import fill_about, fill_languages, next_step

DESKTOP = {"width": 1280, "height": 900}
YEAR = timezone.localdate().year


@pytest.fixture
def mentors(org):
    return Programme.objects.create(organisation=org, **{
        **PRESETS["mentor"].programme_fields(), "name": "Mentoren Oost",
        "requires_training": False,
    })


def guardian_signs_up_noor(page, live_server, programme):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + reverse("programmes:signup_wizard", args=[programme.public_id]))
    page.get_by_label("Ik meld een leerling aan die graag een mentor wil").check()
    assert_no_axe_violations(page)
    next_step(page)
    fill_about(
        page, first_name="Noor", email="rania.haddad@example.test", birth_year=str(YEAR - 11)
    )
    assert_no_axe_violations(page)
    next_step(page)
    fill_languages(page, ("nl", "4"))
    next_step(page)
    page.get_by_label("Lezen").check()
    next_step(page)
    page.get_by_role("group", name="Ik wil graag hulp bij").get_by_label("Huiswerk").check()
    assert_no_axe_violations(page)
    next_step(page)
    page.get_by_label(re.compile("woensdag ?middag", re.I)).check()
    next_step(page)
    next_step(page)  # wishes: all optional
    # Consent: the guardian's own consent is required for a pupil.
    page.get_by_label("Ik heb dit gelezen en ik ga akkoord.").check()
    next_step(page)
    expect(page.locator(".errorlist").first).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_label("Naam van de ouder of voogd").fill("Rania Haddad")
    page.get_by_label("Ik ben de ouder of voogd en ik vind het goed dat mijn kind meedoet.").check()
    next_step(page)
    expect(page.get_by_text("Noor").first).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name=re.compile("Aanmelding versturen")).click()
    page.wait_for_load_state()
    assert_no_axe_violations(page)


def test_a_guardian_signs_up_a_pupil_and_the_school_follows_her_progress(
    page, live_server, mentors, anna, org, transactional_db
):
    guardian_signs_up_noor(page, live_server, mentors)
    noor = Enrolment.objects.get(person__first_name="Noor")
    assert noor.side == "b"
    assert noor.person.consents.get(purpose="guardian").given_by == "Rania Haddad"

    # The coordinator sees the guardian's consent and finishes intake.
    page.set_viewport_size(DESKTOP)
    login(page, live_server, anna.email, PASSWORD)
    page.goto(live_server.url + reverse("privacy:person_data", args=[noor.person.public_id]))
    expect(page.get_by_text("Toestemming van ouder of voogd voor een minderjarige").first
           ).to_be_visible()
    expect(page.get_by_text("Rania Haddad").first).to_be_visible()
    assert_no_axe_violations(page)
    page.goto(live_server.url + reverse("programmes:enrolment_detail", args=[noor.public_id]))
    assert_no_axe_violations(page)
    page.get_by_role("button", name=re.compile("Naar: Intake")).click()
    page.get_by_role("button", name=re.compile("Naar: Wacht op een koppeling")).click()
    expect(page.locator(".badge").first).to_have_text("Wacht op een koppeling")

    # Noor's school becomes a partner and Noor is placed in groep 7/8.
    page.goto(live_server.url + reverse("partners:list", args=[mentors.public_id]))
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Partner toevoegen").click()  # empty: errors, no 500
    expect(page.locator(".error-summary")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_label("Naam van de school of organisatie").fill("De Regenboog")
    page.get_by_role("group", name="Soort").get_by_label("School", exact=True).check()
    page.get_by_label("Naam van de contactpersoon").fill("Els Meijer")
    page.get_by_label("E-mailadres van de contactpersoon").fill("els@regenboog.test")
    page.get_by_role("button", name="Partner toevoegen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("De Regenboog")
    assert_no_axe_violations(page)
    page.get_by_label("Leerling", exact=True).select_option(label="Noor")
    page.get_by_label("Klas of groep (niet verplicht)").fill("groep 7/8")
    page.get_by_role("button", name="Leerling koppelen").click()
    expect(page.locator("table.partner-progress")).to_contain_text("Noor")
    assert_no_axe_violations(page)

    # Meanwhile mentor Sara (VOG checked) works with Noor; another school has Daan.
    sara = make_person(org, "Sara", last_name="Student", birth_year=YEAR - 21)
    e_sara = Enrolment.objects.create(programme=mentors, person=sara, side="a",
                                      status="matched")
    screening.screening_record_vog(enrolment=e_sara, issued=timezone.localdate(), by=anna)
    Enrolment.objects.filter(pk=noor.pk).update(status="matched")
    match = Match.objects.create(programme=mentors, enrolment_a=e_sara, enrolment_b=noor,
                                 status="active", started_at=timezone.localdate())
    ContactMoment.objects.create(match=match, activity="language", direction="a_helped_b",
                                 note="Begrijpend lezen", logged_by=e_sara)
    wilgen = Partner.objects.create(programme=mentors, name="De Wilgen",
                                    contact_name="Kees", contact_email="kees@wilgen.test")
    daan = make_person(org, "Daan", birth_year=YEAR - 10)
    PupilPlacement.objects.create(partner=wilgen, enrolment=Enrolment.objects.create(
        programme=mentors, person=daan, side="b"))

    page.get_by_role("link", name="Wijzigen").click()
    expect(page.get_by_label("E-mailadres van de contactpersoon")).to_have_value(
        "els@regenboog.test")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("button", name=re.compile("Stuur de link naar de voortgang")).click()
    expect(page.locator(".message").first).to_contain_text("els@regenboog.test")
    (message,) = [m for m in mail.outbox if m.to == ["els@regenboog.test"]]
    link = next(word for word in message.body.split() if "/partners/progress/" in word)

    # The contact person has no account: she opens the link on her phone.
    page.context.clear_cookies()
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + link[link.index("/partners/"):])
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Voortgang"))
    table = page.locator("table.partner-progress")
    expect(table).to_contain_text("Noor")
    expect(table).to_contain_text("Sara")
    expect(table).to_contain_text("Begrijpend lezen")
    expect(table).to_contain_text("groep 7/8")
    content = page.content()
    assert "Daan" not in content and "Student" not in content and "Rania" not in content
    assert_no_axe_violations(page)
