"""Closing a live match asks for a reason, says what closing does, and closes only
after the coordinator confirms; cancel leaves the match as it was."""

import pytest
from django.urls import reverse

from metelkaar.matches.models import Match
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_anna(client, anna):
    assert client.login(email=anna.email, password=PASSWORD)
    return client


def close_url(match):
    return reverse("matches:staff_match_action", args=[match.public_id, "close"])


def test_one_post_without_confirmation_does_not_close(as_anna, active, mailoutbox):
    response = as_anna.post(close_url(active), {"close-reason": "moved_away",
                                                "close-note": "Verhuisd naar Zwolle"},
                            HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Deze koppeling afsluiten?" in body and "Verhuisd" in body
    assert "Dit kun je niet ongedaan maken" in body
    active.refresh_from_db()
    assert active.status == Match.Status.ACTIVE and not active.events.filter(action="closed")


def test_confirming_closes_with_the_reason_and_note(as_anna, active):
    as_anna.post(close_url(active), {"close-reason": "moved_away", "close-note": "Zwolle",
                                     "close-confirm": "yes"})
    active.refresh_from_db()
    assert active.status == Match.Status.CLOSED
    assert (active.closure_reason, active.closure_note) == ("moved_away", "Zwolle")


def test_a_reason_is_required(as_anna, active):
    response = as_anna.post(close_url(active), {"close-reason": "", "close-confirm": "yes"})
    assert response.status_code == 400
    active.refresh_from_db()
    assert active.status == Match.Status.ACTIVE


def test_the_page_says_what_closing_does_in_english(as_anna, active):
    response = as_anna.post(close_url(active), {"close-reason": "no_time"},
                            HTTP_ACCEPT_LANGUAGE="en")
    body = response.content.decode()
    assert "Close this match?" in body and "Both people go back to the waiting list" in body
    assert reverse("matches:staff_match", args=[active.public_id]) in body  # cancel
    page = as_anna.get(reverse("matches:staff_match", args=[active.public_id]),
                       HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "You confirm on the next page." in page


def test_a_coach_gets_no_confirmation_page(client, bram, active):
    client.login(email=bram.email, password=PASSWORD)
    assert client.post(close_url(active), {"close-reason": "no_time"}).status_code == 403
