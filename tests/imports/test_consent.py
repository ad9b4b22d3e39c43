"""An imported person confirms from the e-mail link; until then the pool holds them back."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from metelkaar.core.notifications import outbox
from metelkaar.imports.consent import GuardianNeeded, consent_confirm
from metelkaar.imports.emails import ConsentRequestEmail
from metelkaar.imports.models import ConsentRequest
from metelkaar.imports.signing import consent_token
from metelkaar.people.models import Consent
from metelkaar.programmes.models import Enrolment
from tests.conftest import committed, make_person


def _imported(org, programme, **fields):
    person = make_person(org, "Zoë", last_name="Çelik", email="zoe@example.test", **fields)
    enrolment = Enrolment.objects.create(
        programme=programme, person=person, side="a", status="waiting"
    )
    return ConsentRequest.objects.create(person=person, enrolment=enrolment)


def test_the_e_mail_is_in_the_persons_language_and_links_to_the_page(org, programme):
    request = _imported(org, programme, preferred_language="nl")
    with committed():
        outbox.notify(ConsentRequestEmail, request, to=[request.person])
    [message] = mail.outbox
    assert message.to == ["zoe@example.test"]
    assert "Wil je meedoen" in message.subject
    assert f"/meedoen/{request.public_id}:" in message.body


def test_saying_yes_records_the_participation_consent_once(client, org, programme):
    request = _imported(org, programme)
    url = reverse("imports:consent", args=[consent_token(request)])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200 and "Zoë Çelik" in page.content.decode()
    assert not Consent.objects.filter(person=request.person).exists()
    client.post(url)
    client.post(url)
    request.refresh_from_db()
    assert request.confirmed_at is not None
    assert Consent.objects.filter(person=request.person, purpose="participation").count() == 1


def test_a_forged_token_is_a_404(client, org, programme):
    request = _imported(org, programme)
    url = reverse("imports:consent", args=[consent_token(request) + "x"])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    request.refresh_from_db()
    assert request.confirmed_at is None


def test_a_minor_says_yes_only_with_a_parent_or_guardian(client, org, programme):
    this_year = timezone.localdate().year
    request = _imported(org, programme, birth_year=this_year - 15)
    url = reverse("imports:consent", args=[consent_token(request)])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Name of the parent or guardian" in page
    page = client.post(url, {}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Please fill in the name of the parent or guardian." in page
    request.refresh_from_db()
    assert request.confirmed_at is None and not Consent.objects.exists()
    with pytest.raises(GuardianNeeded):
        consent_confirm(request=request)  # the service refuses too, whoever calls it
    client.post(url, {"guardian_name": "Sevgi Çelik", "guardian_consent": "on"})
    request.refresh_from_db()
    assert request.confirmed_at is not None
    assert Consent.objects.get(person=request.person, purpose="guardian").given_by == (
        "Sevgi Çelik"
    )
    assert Consent.objects.filter(person=request.person, purpose="participation").exists()


def test_a_coordinator_records_a_yes_given_on_paper_or_sends_the_e_mail_again(
    client, anna, olga, org, programme
):
    request = _imported(org, programme)
    henk = make_person(org, "Henk", email="")
    no_email = ConsentRequest.objects.create(
        person=henk,
        enrolment=Enrolment.objects.create(
            programme=programme, person=henk, side="a", status="waiting"
        ),
    )
    client.force_login(anna)
    page = client.get(
        reverse("imports:pending", args=[programme.public_id]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Zoë Çelik" in page and "2 people wait for their yes" in page
    with committed():
        client.post(reverse("imports:resend", args=[request.public_id]))
    assert [m.to for m in mail.outbox] == [["zoe@example.test"]]
    client.post(reverse("imports:record_yes", args=[request.public_id]))
    request.refresh_from_db()
    assert request.confirmed_at is not None
    consent = Consent.objects.get(person=request.person, purpose="participation")
    assert consent.given_by == "recorded by Anna de Vries"
    client.force_login(olga)
    assert client.post(reverse("imports:record_yes", args=[no_email.public_id])).status_code == 404
    no_email.refresh_from_db()
    assert no_email.confirmed_at is None


def test_a_coordinator_cannot_record_the_yes_of_a_minor(client, anna, org, programme):
    request = _imported(org, programme, birth_year=timezone.localdate().year - 12)
    client.force_login(anna)
    client.post(reverse("imports:record_yes", args=[request.public_id]))
    request.refresh_from_db()
    assert request.confirmed_at is None and not Consent.objects.exists()
