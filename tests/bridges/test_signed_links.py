"""The requester follows a request through a signed link, and nothing else."""

from __future__ import annotations

import time

from django.core import signing
from django.urls import reverse

from metelkaar.bridges.models import BridgeRequest
from metelkaar.bridges.signing import SALT, STATUS_LINK_MAX_AGE, status_token


def status(token):
    return reverse("bridges:request_status", kwargs={"token": token})


def test_the_link_shows_the_request_status(client, school_request):
    response = client.get(status(status_token(school_request)), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "We are looking for a suitable bridge person." in response.content.decode()
    assert "<dd>Arabic</dd>" in response.content.decode()
    assert "<dd>Monday evening</dd>" in response.content.decode()


def test_a_tampered_link_is_404(client, school_request):
    token = status_token(school_request)
    assert client.get(status(token[:-2] + "xy")).status_code == 404
    assert client.get(status("garbage")).status_code == 404


def test_a_link_signed_for_another_purpose_is_404(client, school_request):
    token = signing.dumps({"r": str(school_request.public_id)}, salt="something-else")
    assert client.get(status(token)).status_code == 404


def test_a_link_to_a_removed_request_is_404(client, school_request):
    token = status_token(school_request)
    BridgeRequest.objects.all().delete()
    assert client.get(status(token)).status_code == 404


def test_an_expired_link_says_so(client, school_request, monkeypatch):
    long_ago = time.time() - STATUS_LINK_MAX_AGE.total_seconds() - 60
    monkeypatch.setattr(signing.time, "time", lambda: long_ago)
    token = signing.dumps({"r": str(school_request.public_id)}, salt=SALT, compress=True)
    monkeypatch.undo()
    response = client.get(status(token), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    cancel = reverse("bridges:request_cancel", kwargs={"token": token})
    assert client.post(cancel).status_code == 410
    school_request.refresh_from_db()
    assert school_request.status == "submitted"


def test_the_requester_can_cancel_an_open_request_once(client, school_request):
    token = status_token(school_request)
    cancel = reverse("bridges:request_cancel", kwargs={"token": token})
    response = client.post(cancel, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert "Your request has been cancelled." in response.content.decode()
    response = client.post(cancel, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert "This request can no longer be cancelled." in response.content.decode()
    assert client.get(cancel).status_code == 405


def test_the_mailed_link_works(client, school_request, mailoutbox):
    lines = mailoutbox[0].body.splitlines()
    link = next(line for line in lines if "/bridges/request/status/" in line)
    path = link[link.index("/bridges/"):].strip()
    assert client.get(path).status_code == 200
