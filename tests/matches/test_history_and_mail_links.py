"""The staff history says how each answer came in; the later match e-mails tell a
person without an account that their link opens their own page.

Samira (side A) and Kees (side B) signed up on the public form: no accounts.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from metelkaar.matches import services
from metelkaar.matches.signing import match_link_token
from tests.conftest import PASSWORD, committed, make_person
from tests.matches.conftest import enrol

pytestmark = pytest.mark.django_db
LINK = re.compile(r"https?://\S+/my/matches/open/\S+")


@pytest.fixture
def samira(org):
    return make_person(org, "Samira", email="samira@example.test", preferred_language="en")


@pytest.fixture
def kees(org):
    return make_person(org, "Kees", email="kees@example.test", preferred_language="nl")


@pytest.fixture
def match(programme, anna, samira, kees):
    with committed():
        return services.match_create_proposed(
            programme=programme,
            enrolment_a=enrol(programme, samira, "a"),
            enrolment_b=enrol(programme, kees, "b"),
            score=0.8,
            explanation={},
            by=anna,
        )


def through_link(match, side) -> Client:
    browser = Client()
    assert (
        browser.get(reverse("matches:link_open", args=[match_link_token(match, side)])).status_code
        == 302
    )
    return browser


def staff_page(client, anna, match, language):
    assert client.login(email=anna.email, password=PASSWORD)
    return client.get(
        reverse("matches:staff_match", args=[match.public_id]), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()


def test_an_answer_through_the_e_mail_link_says_so_in_the_history(client, match, anna):
    through_link(match, "a").post(
        reverse("matches:participant_respond", args=[match.public_id]), {"answer": "yes"}
    )
    english = staff_page(client, anna, match, "en")
    assert "Samira said yes to the proposal (via e-mail link)" in english
    dutch = staff_page(client, anna, match, "nl")
    assert "Samira zei ja tegen het voorstel (via de link in de e-mail)" in dutch


def test_an_answer_on_behalf_names_who_recorded_it(client, match, anna):
    assert client.login(email=anna.email, password=PASSWORD)
    client.post(
        reverse("matches:staff_match_action", args=[match.public_id, "answer-for-b"]),
        {"answer_for_b-answer": "yes"},
    )
    english = staff_page(client, anna, match, "en")
    assert "Kees said yes to the proposal (recorded by Anna de Vries on behalf of Kees)" in english
    assert "via e-mail link" not in english


def _walk_to_closed(match, anna):
    for side in ("a", "b"):
        through_link(match, side).post(
            reverse("matches:participant_respond", args=[match.public_id]), {"answer": "yes"}
        )
    match.refresh_from_db()
    with committed():
        services.match_plan_intro(
            match=match, by=anna, place="Bieb", starts_at=timezone.now() + timedelta(days=1)
        )
    for side in ("a", "b"):
        through_link(match, side).post(
            reverse("matches:participant_klik", args=[match.public_id]), {"klik": "yes"}
        )
    match.refresh_from_db()
    with committed():
        services.match_record_klik(match=match, by=anna, klik=True)
    mail.outbox.clear()
    with committed():
        services.match_activate(match=match, by=anna, meetings_per_month=2, term_months=12)
    with committed():
        services.match_start_closing(match=match, by=anna, talk_on=None, note="")
    with committed():
        services.match_close(match=match, by=anna, reason="term_completed")


SUBJECTS = {
    "en": (
        "Your match has started",
        "Your match is coming to an end",
        "Your match has been closed",
    ),
    "nl": (
        "Jullie koppeling is begonnen",
        "Afsluiting van jullie koppeling",
        "Jullie koppeling is afgesloten",
    ),
}
OWN_PAGE = {
    "en": "Tap the link. You do not need a password.",
    "nl": "Tik op de link. Je hebt geen wachtwoord nodig.",
}


@pytest.mark.parametrize(
    ("address", "language", "side"),
    [("samira@example.test", "en", "a"), ("kees@example.test", "nl", "b")],
)
def test_started_closing_and_closed_mails_link_to_the_own_page_without_an_account(
    match, anna, address, language, side
):
    _walk_to_closed(match, anna)
    for subject in SUBJECTS[language]:
        sent = [m for m in mail.outbox if m.to == [address] and m.subject == subject]
        assert len(sent) == 1, (subject, [(m.to, m.subject) for m in mail.outbox])
        body = sent[0].body
        assert OWN_PAGE[language] in body
        link = LINK.search(body).group(0)
        path = "/" + link.split("://", 1)[1].split("/", 1)[1]
        browser = Client()
        response = browser.get(path, follow=True)
        assert response.status_code == 200
        assert response.redirect_chain[-1][0] == reverse(
            "matches:participant_match", args=[match.public_id]
        )


def test_the_coach_gets_the_staff_page_and_no_own_page_sentence(match, anna, bram):
    match.coach = bram
    match.save(update_fields=["coach"])
    _walk_to_closed(match, anna)
    to_bram = [m for m in mail.outbox if m.to == [bram.email]]
    assert to_bram
    for message in to_bram:
        assert "/staff/matches/" in message.body
        assert OWN_PAGE["en"] not in message.body and OWN_PAGE["nl"] not in message.body
