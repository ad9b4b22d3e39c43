"""The participant's match page: a summary first, every action with a pictogram,
the history in pages."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from metelkaar.matches import services
from metelkaar.matches.models import CheckIn
from metelkaar.matches.signing import match_link_token
from metelkaar.matches.views.participant import HISTORY_PAGE_SIZE
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def page(client, user, match, **query):
    assert client.login(email=user.email, password=PASSWORD)
    response = client.get(
        reverse("matches:participant_match", args=[match.public_id]),
        query,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    return response.content.decode()


def summary(body: str) -> str:
    """The text of the summary card, tags dropped."""
    found = re.search(r'<section class="card match-summary".*?</section>', body, re.S)
    assert found, "the page has no summary"
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(0)).split())


def test_the_summary_comes_before_any_form_or_history(client, active, fatima, jan):
    services.contact_log(
        match=active,
        by=jan.user,
        day=timezone.localdate(),
        activity="coffee",
        duration_minutes=60,
        view="together",
    )
    body = page(client, fatima.user, active).split("<main", 1)[1]
    assert body.index("match-summary") < body.index("<form")
    assert body.index("match-summary") < body.index('id="history"')


def test_a_proposal_says_what_to_do_next(client, proposed, fatima, jan):
    text = summary(page(client, fatima.user, proposed))
    assert "Next step: say yes or no to Jan" in text
    assert "You meet Jan at the first meeting" in text
    services.match_respond(match=proposed, by=fatima.user, accept=True)
    assert "We wait for the answer of Jan" in summary(page(client, fatima.user, proposed))


def test_the_introduction_shows_when_and_where_and_both_klik_states(
    client, introduced, fatima, jan
):
    text = summary(page(client, fatima.user, introduced))
    assert "First meeting:" in text and "Buurthuis De Pauw" in text
    assert "Your klik: you have not answered yet." in text
    assert "Jan has not answered yet." in text
    services.match_record_klik(match=introduced, by=jan.user, klik=True)
    text = summary(page(client, fatima.user, introduced))
    assert "Jan has answered." in text
    assert "Jan: yes" not in text, "Jan's own answer stays between Jan and the coordinator"
    services.match_record_klik(match=introduced, by=fatima.user, klik=True)
    assert "Your klik: yes." in summary(page(client, fatima.user, introduced))


def test_an_intro_in_the_past_asks_for_the_klik(client, introduced, fatima):
    introduced.intro.starts_at = timezone.now() - timedelta(hours=2)
    introduced.intro.save()
    text = summary(page(client, fatima.user, introduced))
    assert "You had your first meeting on" in text
    assert "tell us if there was a klik" in text


def test_an_active_match_shows_the_agreement_the_last_meeting_and_the_open_checkin(
    client, active, fatima, jan
):
    services.contact_log(
        match=active,
        by=jan.user,
        day=timezone.localdate(),
        activity="walk",
        duration_minutes=30,
        view="together",
    )
    body = page(client, fatima.user, active)
    text = summary(body)
    assert "You agreed to meet 2 times a month." in text
    assert "Last meeting written down:" in text
    assert "Call or text Jan on the number you swapped" in text
    assert "Answer the questions" in text
    checkin = CheckIn.objects.get(
        match=active, enrolment=active.enrolment_a, sent_at__isnull=False, answered_at=None
    )
    link = re.search(r'href="(/[^"]*checkin/[^"]+/)"', body).group(1)
    assert client.get(link, HTTP_ACCEPT_LANGUAGE="en").status_code == 200
    services.checkin_answer(
        checkin=checkin,
        answers={
            "klik": 4,
            "looking_forward": 4,
            "equality": 4,
            "autonomy_problem": 1,
            "mutual_help": 4,
            "comment": "",
        },
    )
    assert "Answer the questions" not in summary(page(client, fatima.user, active))


def test_the_buddys_phone_and_address_are_not_on_the_page(client, active, fatima, jan):
    jan.phone = "06-12345678"
    jan.save()
    body = page(client, fatima.user, active)
    assert "06-12345678" not in body
    assert jan.email not in body


def test_the_coordinator_can_be_written_to(client, active, fatima, anna):
    body = page(client, fatima.user, active)
    assert f'href="mailto:{anna.email}"' in body


@pytest.mark.parametrize("stage", ["proposed", "introduced", "active"])
def test_every_action_has_a_pictogram(client, request, stage, fatima, jan):
    match = request.getfixturevalue(stage)
    if stage == "active":
        services.contact_log(
            match=match,
            by=jan.user,
            day=timezone.localdate(),
            activity="coffee",
            duration_minutes=60,
            view="together",
        )
    body = page(client, fatima.user, match)
    actions = re.findall(
        r"<(?:button|a)\b[^>]*>(.*?)</(?:button|a)>", body.split("<main", 1)[1], re.S
    )
    assert actions
    for label in actions:
        assert 'class="icon' in label or "←" in label, f"no pictogram: {label!r}"


def test_the_history_is_in_pages_newest_first(client, active, fatima, jan):
    for n in range(HISTORY_PAGE_SIZE + 2):
        services.contact_log(
            match=active,
            by=jan.user,
            day=timezone.localdate(),
            activity="coffee",
            duration_minutes=n + 1,
            view="together",
        )
    first = page(client, fatima.user, active)
    assert first.count('<li class="card">') == HISTORY_PAGE_SIZE
    assert "Page 1 of 2" in first and "Older meetings" in first
    second = page(client, fatima.user, active, page=2)
    assert second.count('<li class="card">') == 2
    assert "Newer meetings" in second
    assert "1 minutes" in second, "the oldest meeting is on the last page"
    assert "Last meeting written down:" in summary(second)
    assert page(client, fatima.user, active, page="zzz").count('<li class="card">') == 10


def test_a_person_from_the_link_sees_the_summary_and_no_login_only_links(client, active):
    token = match_link_token(active, "a")
    response = client.get(reverse("matches:link_open", args=[token]))
    body = client.get(response.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "At a glance" in body
    assert f'href="{reverse("matches:my_matches")}"' not in body


def test_the_summary_reads_in_plain_dutch(client, active, fatima):
    assert client.login(email=fatima.user.email, password=PASSWORD)
    body = client.get(
        reverse("matches:participant_match", args=[active.public_id]), HTTP_ACCEPT_LANGUAGE="nl"
    ).content.decode()
    text = summary(body)
    assert "In het kort" in text
    assert " u " not in f" {text.lower()} "
