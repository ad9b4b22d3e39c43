"""Check-ins: the schedule, the e-mailed link (signed, expiring), answers seen by staff only."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from metelkaar.matches import services
from metelkaar.matches.models import CheckIn
from tests.conftest import PASSWORD, committed

pytestmark = pytest.mark.django_db
ANSWERS = {"klik": "4", "looking_forward": "5", "equality": "2", "autonomy_problem": "1",
           "mutual_help": "4", "comment": "Jan is kind <3"}


def first_checkin(match, enrolment_id):
    return CheckIn.objects.get(match=match, enrolment_id=enrolment_id, moment="first")


def test_activation_schedules_and_sends_the_first_check_ins(active):
    moments = list(CheckIn.objects.filter(match=active, enrolment_id=active.enrolment_a_id)
                   .values_list("moment", flat=True))
    assert moments[:2] == ["first", "month1"] and moments.count("periodic") == 5
    sent = [m for m in mail.outbox if m.subject.startswith("Hoe gaat het met")]
    assert sorted(m.to[0] for m in sent) == ["fatima@example.test", "jan@example.test"]
    assert "/checkin/" in sent[0].body


def test_due_check_ins_are_sent_once(active):
    CheckIn.objects.filter(match=active, moment="month1").update(
        due_on=timezone.localdate() - timedelta(days=1))
    mail.outbox.clear()
    with committed():
        assert services.checkins_send_due() == 2
    with committed():
        assert services.checkins_send_due() == 0
    assert len(mail.outbox) == 2


def test_the_link_works_without_login_and_only_once(client, active):
    checkin = first_checkin(active, active.enrolment_a_id)
    url = reverse("matches:checkin_answer", args=[services.checkin_token(checkin)])
    assert client.get(url).status_code == 200
    assert client.post(url, ANSWERS).status_code == 200
    checkin.refresh_from_db()
    assert (checkin.klik, checkin.equality, checkin.comment) == (4, 2, "Jan is kind <3")
    with pytest.raises(services.MatchError):
        services.checkin_answer(checkin=checkin, answers={"klik": 1})
    body = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "We have your answers." in body and 'name="klik"' not in body  # no second form


def test_an_incomplete_answer_keeps_input(client, active):
    checkin = first_checkin(active, active.enrolment_a_id)
    url = reverse("matches:checkin_answer", args=[services.checkin_token(checkin)])
    response = client.post(url, {"klik": "4", "comment": "half done"})
    assert response.status_code == 400
    assert "half done" in response.content.decode()
    checkin.refresh_from_db()
    assert checkin.answered_at is None


def test_a_tampered_link_is_refused(client, active):
    checkin = first_checkin(active, active.enrolment_a_id)
    token = services.checkin_token(checkin)
    other = first_checkin(active, active.enrolment_b_id)
    forged = str(other.public_id) + token[len(str(checkin.public_id)):]
    for bad in (token[:-2] + "xx", forged, "nonsense"):
        response = client.get(reverse("matches:checkin_answer", args=[bad]))
        assert response.status_code == 404
    with pytest.raises(services.CheckInLinkError) as error:
        services.checkin_from_token(forged)
    assert not error.value.expired


def test_an_expired_link_is_refused(client, active, monkeypatch):
    checkin = first_checkin(active, active.enrolment_a_id)
    token = services.checkin_token(checkin)
    later = time.time() + 22 * 24 * 3600
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    response = client.get(reverse("matches:checkin_answer", args=[token]))
    assert response.status_code == 410
    with pytest.raises(services.CheckInLinkError) as error:
        services.checkin_from_token(token)
    assert error.value.expired


def test_answers_are_for_staff_not_for_the_buddy(client, active, jan, bram):
    checkin = first_checkin(active, active.enrolment_a_id)
    services.checkin_answer(checkin=checkin, answers={"klik": 2, "comment": "Private worry"})
    client.login(email=jan.user.email, password=PASSWORD)
    body = client.get(
        reverse("matches:participant_match", args=[active.public_id])
    ).content.decode()
    assert "Private worry" not in body
    client.logout()
    client.login(email=bram.email, password=PASSWORD)
    body = client.get(reverse("matches:staff_match", args=[active.public_id])).content.decode()
    assert "Private worry" in body
