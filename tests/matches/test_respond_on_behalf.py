"""The coordinator records a participant's yes, no and klik for them (after a phone
call, or for a pupil without an account), from the staff match page; the history says
who recorded it for whom."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from metelkaar.matches import services
from metelkaar.matches.models import Match
from metelkaar.matches.services.common import MatchError
from metelkaar.people.models import Person
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_account(proposed):
    Person.objects.filter(pk=proposed.enrolment_b.person_id).update(user=None)
    proposed.refresh_from_db()
    return proposed


def step(match, action):
    return reverse("matches:staff_match_action", args=[match.public_id, action])


def page(client, match, language="nl"):
    url = reverse("matches:staff_match", args=[match.public_id])
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()


@pytest.fixture
def as_anna(client, anna):
    assert client.login(email=anna.email, password=PASSWORD)
    return client


def test_coordinator_records_a_yes_and_the_history_says_for_whom(as_anna, no_account):
    assert "Antwoord van <bdi>Jan</bdi> vastleggen" in page(as_anna, no_account)
    as_anna.post(step(no_account, "answer-for-b"), {"answer_for_b-answer": "yes"})
    no_account.refresh_from_db()
    assert no_account.accepted_b_at is not None and no_account.accepted_a_at is None
    body = page(as_anna, no_account)
    assert "Jan zei ja tegen het voorstel (vastgelegd door Anna de Vries namens Jan)" in body
    assert "Antwoord van <bdi>Jan</bdi> vastleggen" not in body
    english = page(as_anna, no_account, "en")
    assert "Jan said yes to the proposal (recorded by Anna de Vries on behalf of Jan)" in english


def test_coordinator_records_a_no_for_a_participant_with_an_account(as_anna, proposed):
    """After a phone call: Fatima has an account but told the coordinator."""
    as_anna.post(step(proposed, "answer-for-a"),
                 {"answer_for_a-answer": "no", "answer_for_a-note": "Belde op: geen tijd"})
    proposed.refresh_from_db()
    assert proposed.status == Match.Status.DECLINED
    event = proposed.events.get(action="declined_a")
    assert event.on_behalf and event.note == "Belde op: geen tijd"
    assert {e.status for e in (proposed.enrolment_a, proposed.enrolment_b)} == {"waiting"}


def test_an_answer_needs_a_choice(as_anna, proposed):
    response = as_anna.post(step(proposed, "answer-for-a"), {})
    assert response.status_code == 400
    proposed.refresh_from_db()
    assert proposed.status == Match.Status.PROPOSED and proposed.accepted_a_at is None


def test_klik_on_behalf_of_both_lets_the_match_start(as_anna, anna, proposed):
    for side in ("a", "b"):
        services.match_respond(match=proposed, by=anna, accept=True, on_behalf_of_side=side)
    services.match_plan_intro(match=proposed, by=anna, place="Buurthuis",
                              starts_at=timezone.now() + timedelta(days=2))
    assert "Klik van <bdi>Fatima</bdi> vastleggen" in page(as_anna, proposed)
    as_anna.post(step(proposed, "klik-for-a"), {"klik_for_a-klik": "yes"})
    as_anna.post(step(proposed, "klik-for-b"), {"klik_for_b-klik": "yes"})
    as_anna.post(step(proposed, "klik"), {"klik-klik": "yes"})
    proposed.refresh_from_db()
    assert (proposed.klik_a, proposed.klik_b, proposed.klik_coordinator) == (True, True, True)
    body = page(as_anna, proposed)
    assert "Fatima: er is een klik (vastgelegd door Anna de Vries namens Fatima)" in body
    assert "Koppeling starten" in body
    as_anna.post(step(proposed, "activate"), {"activate-meetings_per_month": "2",
                                              "activate-term_months": "12"})
    proposed.refresh_from_db()
    assert proposed.status == Match.Status.ACTIVE


def test_a_no_klik_on_behalf_ends_the_match(anna, introduced):
    services.match_record_klik(match=introduced, by=anna, klik=False, on_behalf_of_side="b")
    introduced.refresh_from_db()
    assert introduced.status == Match.Status.NO_CLICK
    assert introduced.events.get(action="klik_b_no").on_behalf


def test_nobody_answers_twice(anna, proposed, fatima):
    services.match_respond(match=proposed, by=fatima.user, accept=True)
    with pytest.raises(MatchError):
        services.match_respond(match=proposed, by=anna, accept=True, on_behalf_of_side="a")


def test_a_told_klik_is_not_recorded_again(anna, introduced, jan):
    services.match_record_klik(match=introduced, by=jan.user, klik=True)
    with pytest.raises(MatchError):
        services.match_record_klik(match=introduced, by=anna, klik=False, on_behalf_of_side="b")
    introduced.refresh_from_db()
    assert introduced.status == Match.Status.INTRODUCED


def test_only_who_manages_the_match_answers_on_behalf(client, bram, fatima, olga, no_account):
    with pytest.raises(PermissionDenied):
        services.match_respond(match=no_account, by=bram, accept=True, on_behalf_of_side="b")
    with pytest.raises(PermissionDenied):
        services.match_respond(match=no_account, by=fatima.user, accept=False,
                               on_behalf_of_side="b")
    no_account.coach = bram
    no_account.save(update_fields=["coach"])
    client.login(email=bram.email, password=PASSWORD)
    assert client.post(step(no_account, "answer-for-b"),
                       {"answer_for_b-answer": "yes"}).status_code == 403
    client.logout()
    client.login(email=olga.email, password=PASSWORD)
    assert client.post(step(no_account, "answer-for-b"),
                       {"answer_for_b-answer": "yes"}).status_code == 404
    no_account.refresh_from_db()
    assert no_account.accepted_b_at is None
