"""What the school's contact person sees through her link: her pupils only, first
names, status, mentor, sessions this school year and what was worked on; never
special-category data, surnames, addresses or another school's pupils."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from metelkaar.matches.models import ContactMoment, Match
from metelkaar.matches.services import contact_log
from metelkaar.partners import services
from metelkaar.partners.schoolyear import school_year_start
from metelkaar.partners.selectors import partner_progress
from metelkaar.partners.signing import SALT, progress_token, progress_url
from metelkaar.people.models import Consent, SensitiveProfile
from metelkaar.programmes.models import Enrolment
from tests.conftest import committed


@pytest.fixture
def sessions(match, sara):
    """Two sessions this school year (logged by the mentor) and one of last year."""
    today = timezone.localdate()
    start = school_year_start(today)
    ContactMoment.objects.create(match=match, date=start - dt.timedelta(days=30),
                                 activity="other", direction="a_helped_b",
                                 note="Tafels van vorig jaar")
    earlier = max(start, today - dt.timedelta(days=7))
    contact_log(match=match, by=sara.user, day=earlier, activity="language",
                duration_minutes=60, view="i_helped", note="Begrijpend lezen")
    contact_log(match=match, by=sara.user, day=today, activity="other",
                duration_minutes=45, view="i_helped", note="Breuken oefenen")
    return match


def test_progress_counts_this_school_year_and_shows_the_last_session(placed, sessions):
    (noor,) = partner_progress(partner=placed)
    assert noor.first_name == "Noor"
    assert noor.group == "groep 7/8"
    assert noor.mentor_first_name == "Sara"
    assert noor.sessions == 2
    assert noor.last_session == timezone.localdate()
    assert noor.last_note == "Breuken oefenen"
    assert noor.status == str(Match.Status.ACTIVE.label)


def test_a_pupil_without_a_match_shows_the_enrolment_status(placed, wilgen):
    (daan,) = partner_progress(partner=wilgen)
    assert (daan.first_name, daan.mentor_first_name, daan.sessions) == ("Daan", "", 0)
    assert daan.status == str(Enrolment.Status.WAITING.label)


def test_the_page_shows_only_the_schools_own_pupils_and_no_private_data(
    client, placed, sessions, noor_enrolment, daan_enrolment
):
    noor = noor_enrolment.person
    consent = Consent.objects.create(person=noor, purpose=Consent.Purpose.SENSITIVE_DATA)
    SensitiveProfile.objects.create(person=noor, consent=consent, origin="origin-XYZ",
                                    refugee_status="status-XYZ",
                                    sexual_orientation="orientation-XYZ")
    noor.postcode, noor.phone = "1091XY", "0612345678"
    noor.save()
    response = client.get(progress_url(placed))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Noor" in html and "Sara" in html and "Breuken oefenen" in html
    for private in ("origin-XYZ", "status-XYZ", "orientation-XYZ", "Surname-XYZ", "Student",
                    "1091XY", "0612345678", "sara@student.test", "Daan", "Ouder van"):
        assert private not in html, private
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}


def test_the_progress_page_has_a_fixed_number_of_queries(
    client, placed, sessions, django_assert_num_queries, mentor_programme, anna, org
):
    from tests.partners.conftest import pupil

    for name in ("Ayla", "Bo", "Cas"):
        enrolment = Enrolment.objects.create(programme=mentor_programme, person=pupil(org, name),
                                             side="b", status="waiting")
        services.pupil_place(partner=placed, enrolment=enrolment, by=anna)
    url = progress_url(placed)
    with django_assert_num_queries(4):  # partner, placements, matches, contacts
        assert client.get(url).status_code == 200


def test_a_changed_link_is_not_found(client, placed):
    token = progress_token(placed)
    assert client.get(reverse("partners:progress", args=[token[:-2] + "xx"])).status_code == 404
    forged = signing.dumps({"p": str(placed.public_id), "e": "0" * 16}, salt=SALT)
    assert client.get(reverse("partners:progress", args=[forged])).status_code == 404


def test_an_old_link_has_expired(client, placed):
    token = progress_token(placed)
    later = timezone.now() + dt.timedelta(days=32)
    from unittest import mock

    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        response = client.get(reverse("partners:progress", args=[token]), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 410
    assert "expired" in response.content.decode()


def test_a_new_contact_person_ends_the_old_link(client, placed, anna):
    old = progress_url(placed)
    services.partner_update(partner=placed, name=placed.name, kind="school",
                            contact_name="Piet Nieuw", contact_email="piet@regenboog.test",
                            by=anna)
    assert client.get(old).status_code == 404
    assert client.get(progress_url(placed)).status_code == 200


def test_the_link_goes_by_email_to_the_contact_person_only(client, placed, sessions, anna):
    with committed():
        services.progress_link_request(partner=placed, by=anna)
    (message,) = mail.outbox
    assert message.to == ["els@regenboog.test"]
    assert "Els Meijer" in message.body
    link = next(word for word in message.body.split() if "/partners/progress/" in word)
    path = link[link.index("/partners/"):]
    response = client.get(path)
    assert response.status_code == 200 and "Noor" in response.content.decode()
