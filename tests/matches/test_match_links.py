"""Match links: a participant without an account acts through the link in their e-mail.

Samira and Kees signed up on the public form, so neither has an account. Every
match e-mail carries a signed, expiring link bound to the person and the match;
it opens their own match page and its actions, and nothing else.
"""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from metelkaar.matches import services
from metelkaar.matches.models import ContactMoment, Match, MatchEvent
from metelkaar.matches.signing import MATCH_LINK_SALT, match_link_token
from tests.conftest import committed, make_person
from tests.matches.conftest import enrol

pytestmark = pytest.mark.django_db
LINK = re.compile(r"https?://\S+/my/matches/open/\S+")


@pytest.fixture(autouse=True)
def _empty_cache():
    """The once-in-ten-minutes limit of fresh links lives in the cache."""
    cache.clear()


@pytest.fixture
def samira(org):
    return make_person(org, "Samira", email="samira@example.test", preferred_language="en")


@pytest.fixture
def kees(org):
    return make_person(org, "Kees", email="kees@example.test", preferred_language="nl")


@pytest.fixture
def match(programme, anna, samira, kees):
    mail.outbox.clear()
    with committed():
        return services.match_create_proposed(
            programme=programme, enrolment_a=enrol(programme, samira, "a"),
            enrolment_b=enrol(programme, kees, "b"), score=0.8, explanation={}, by=anna,
        )


def link_in_mail(address: str) -> str:
    """The match link in the newest e-mail to ``address``, as a path with its query."""
    body = [m for m in mail.outbox if address in m.to][-1].body
    found = LINK.search(body)
    assert found, body
    return found.group(0).split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def without_tokens(response) -> str:
    """The page without its per-request CSRF tokens."""
    return re.sub(r'value="[A-Za-z0-9]{64}"', "", response.content.decode())


def opened(link: str) -> Client:
    """A fresh browser that followed ``link``."""
    browser = Client()
    response = browser.get(link)
    assert response.status_code == 302
    return browser


def test_the_proposal_mail_links_to_the_page_in_the_persons_language(match, settings):
    body = [m for m in mail.outbox if "samira@example.test" in m.to][0].body
    assert f"{settings.SITE_URL}/my/matches/open/" in body
    assert "?lang=en" in body
    assert "?lang=nl" in [m for m in mail.outbox if "kees@example.test" in m.to][0].body


def test_the_link_opens_the_match_page_without_a_password(match):
    browser = Client()
    response = browser.get(link_in_mail("kees@example.test"), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("matches:participant_match",
                                                     args=[match.public_id])
    page = response.content.decode()
    assert "Samira" in page
    assert 'lang="nl"' in page


def test_without_the_link_the_page_asks_to_sign_in(match):
    response = Client().get(reverse("matches:participant_match", args=[match.public_id]))
    assert response.status_code == 302
    assert "/login" in response["Location"] or "login" in response["Location"]


def test_yes_through_the_link_is_recorded_as_the_person_themselves(match, samira):
    browser = opened(link_in_mail("samira@example.test"))
    response = browser.post(reverse("matches:participant_respond", args=[match.public_id]),
                            {"answer": "yes"})
    assert response.status_code == 302
    match.refresh_from_db()
    assert match.accepted_a_at is not None and match.accepted_b_at is None
    event = MatchEvent.objects.get(match=match, action="accepted_a")
    assert event.by is None
    assert event.by_person == samira
    assert event.via_link


def test_no_through_the_link_declines_the_proposal(match):
    browser = opened(link_in_mail("kees@example.test"))
    browser.post(reverse("matches:participant_respond", args=[match.public_id]),
                 {"answer": "no", "reason": "Te ver weg"})
    match.refresh_from_db()
    assert match.status == Match.Status.DECLINED
    assert MatchEvent.objects.get(match=match, action="declined_b").via_link


def test_klik_and_contacts_through_the_links_of_later_mails(match, anna, samira, kees):
    for address in ("samira@example.test", "kees@example.test"):
        opened(link_in_mail(address)).post(
            reverse("matches:participant_respond", args=[match.public_id]), {"answer": "yes"})
    match.refresh_from_db()
    with committed():
        services.match_plan_intro(match=match, by=anna, place="Buurthuis",
                                  starts_at=timezone.now() + timedelta(days=2))
    samira_browser = opened(link_in_mail("samira@example.test"))
    kees_browser = opened(link_in_mail("kees@example.test"))
    klik = reverse("matches:participant_klik", args=[match.public_id])
    samira_browser.post(klik, {"klik": "yes"})
    kees_browser.post(klik, {"klik": "yes"})
    match.refresh_from_db()
    assert match.klik_a is True and match.klik_b is True
    with committed():
        services.match_record_klik(match=match, by=anna, klik=True)
        services.match_activate(match=match, by=anna, meetings_per_month=2, term_months=6)
    response = samira_browser.post(
        reverse("matches:contact_new", args=[match.public_id]),
        {"day": timezone.localdate().isoformat(), "activity": "walk", "duration_minutes": "60",
         "view": "together", "note": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    contact = ContactMoment.objects.get(match=match)
    assert contact.logged_by_id == match.enrolment_a_id
    confirm = reverse("matches:contact_confirm", args=[match.public_id, contact.public_id])
    kees_browser.post(confirm, {})
    contact.refresh_from_db()
    assert contact.confirmed_by_other


def test_a_tampered_link_is_refused(match):
    link = link_in_mail("samira@example.test")
    path, query = link.split("?")
    response = Client().get(path[:-3] + "xyz/?" + query)
    assert response.status_code == 404
    assert "Send me a new link" in response.content.decode()


def test_an_expired_link_shows_a_page_that_offers_a_fresh_one(match, monkeypatch):
    link = link_in_mail("samira@example.test")
    later = time.time() + 31 * 24 * 3600
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    response = Client().get(link)
    assert response.status_code == 410
    page = response.content.decode()
    assert "too old" in page
    assert reverse("matches:link_fresh") in page


def test_an_expired_link_speaks_the_persons_language(match, monkeypatch):
    link = link_in_mail("kees@example.test")
    later = time.time() + 31 * 24 * 3600
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    page = Client().get(link).content.decode()
    assert 'lang="nl"' in page
    assert "Stuur me een nieuwe link" in page


def test_the_links_valid_days_is_a_setting(match, monkeypatch, settings):
    settings.MATCH_LINK_VALID_DAYS = 40
    link = link_in_mail("samira@example.test")
    later = time.time() + 31 * 24 * 3600
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    assert Client().get(link).status_code == 302


def test_a_fresh_link_goes_to_a_known_address_and_the_answer_is_the_same(match):
    mail.outbox.clear()
    with committed():
        known = Client().post(reverse("matches:link_fresh"), {"email": "SAMIRA@example.test"})
    unknown = Client().post(reverse("matches:link_fresh"), {"email": "nobody@example.test"})
    assert known.status_code == unknown.status_code == 200
    assert without_tokens(known) == without_tokens(unknown)
    assert [m.to for m in mail.outbox] == [["samira@example.test"]]
    assert Client().get(link_in_mail("samira@example.test")).status_code == 302


def test_a_fresh_link_is_sent_once_in_ten_minutes(match):
    mail.outbox.clear()
    for _ in range(3):
        with committed():
            Client().post(reverse("matches:link_fresh"), {"email": "samira@example.test"})
    assert len(mail.outbox) == 1


def test_a_bad_address_is_an_error_in_the_form(match):
    response = Client().post(reverse("matches:link_fresh"), {"email": "not an address"})
    assert response.status_code == 400


@pytest.fixture
def second(programme, anna, org):
    """Another proposed match of the same programme, between Ilse and Omar."""
    other = make_person(org, "Ilse", email="ilse@example.test")
    third = make_person(org, "Omar", email="omar@example.test")
    with committed():
        return services.match_create_proposed(
            programme=programme, enrolment_a=enrol(programme, other, "a"),
            enrolment_b=enrol(programme, third, "b"), score=0.5, explanation={}, by=anna)


def test_the_link_of_one_match_does_not_open_another(match, second):
    browser = opened(link_in_mail("samira@example.test"))
    page = browser.get(reverse("matches:participant_match", args=[second.public_id]))
    assert page.status_code != 200
    browser.post(reverse("matches:participant_respond", args=[second.public_id]),
                 {"answer": "no"})
    second.refresh_from_db()
    assert second.status == Match.Status.PROPOSED


def test_a_link_for_the_wrong_side_is_refused(match, kees):
    """The token binds side and person: Kees's person on side A is not a valid link."""
    signer = signing.TimestampSigner(salt=MATCH_LINK_SALT)
    forged = signer.sign(f"{match.public_id.hex}.a.{kees.public_id.hex}")
    assert Client().get(reverse("matches:link_open", args=[forged])).status_code == 404
    bad_side = signer.sign(f"{match.public_id.hex}.c.{kees.public_id.hex}")
    assert Client().get(reverse("matches:link_open", args=[bad_side])).status_code == 404


def test_another_persons_link_is_not_a_link_to_this_match(match, second):
    """A genuine link of person X for match Y where X is not in Y is refused."""
    token = match_link_token(match, "a")
    claim_person = token.split(".")[2].split(":")[0]
    signer = signing.TimestampSigner(salt=MATCH_LINK_SALT)
    forged = signer.sign(f"{second.public_id.hex}.a.{claim_person}")
    assert Client().get(reverse("matches:link_open", args=[forged])).status_code == 404


def test_a_check_in_link_is_not_a_match_link(match):
    """Each kind of link has its own salt."""
    token = signing.TimestampSigner(salt="metelkaar.matches.checkin").sign(
        f"{match.public_id.hex}.a.{match.enrolment_a.person.public_id.hex}")
    assert Client().get(reverse("matches:link_open", args=[token])).status_code == 404
