"""The public request form: no account, clear validation, nothing half saved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from metelkaar.bridges.models import BridgeRequest, Requester
from tests.conftest import committed

VALID = {
    "requester_name": "Gemeente Amsterdam",
    "requester_kind": "municipality",
    "contact_name": "Sanne Bos",
    "contact_email": "sanne@gemeente.test",
    "contact_phone": "+31 20 555 1234",
    "what": "Explain the new waste rules to Tigrinya speakers",
    "context": "",
    "languages": ["ti"],
    "cultures": ["eritrea"],
    "slots": ["1-morning", "3-afternoon"],
    "wanted_by": "",
    "urgency": "soon",
    "agree": "on",
}


def url(programme):
    return reverse("bridges:request_create", args=[programme.public_id])


def test_anyone_sees_the_form_without_an_account(client, bridge_programme):
    response = client.get(url(bridge_programme))
    assert response.status_code == 200
    assert b'name="requester_name"' in response.content


def test_a_valid_request_is_saved_and_confirmed(client, bridge_programme, mailoutbox):
    with committed():
        response = client.post(url(bridge_programme), VALID, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[0][0].startswith("/bridges/request/received/")
    bridge_request = BridgeRequest.objects.get()
    assert bridge_request.slots == ["1-morning", "3-afternoon"]
    assert bridge_request.urgency == "soon"
    assert "sanne@gemeente.test" in response.content.decode()
    assert mailoutbox[0].to == ["sanne@gemeente.test"]


def test_the_confirmation_mail_is_in_the_language_of_the_form(client, bridge_programme, mailoutbox):
    with committed():
        client.post(url(bridge_programme), VALID, HTTP_ACCEPT_LANGUAGE="en")
    assert BridgeRequest.objects.get().language == "en"
    assert mailoutbox[0].subject.startswith("We received your request")


@pytest.mark.parametrize("field, value, message", [
    ("requester_name", "   ", "Write the name of your organisation."),
    ("requester_kind", "bank", "Choose one of the options below."),
    ("contact_email", "not-an-address", "Write a valid e-mail address"),
    ("contact_phone", "call me", "Write a phone number with digits only"),
    ("languages", [], "Choose at least one language."),
    ("languages", ["xx"], "Choose languages from the list."),
    ("slots", ["9-night"], "Choose parts of the week from the table."),
    ("wanted_by", "2001-01-01", "Choose a date from today on."),
    ("agree", "", "Tick the box."),
])
def test_bad_input_is_explained_and_kept(client, bridge_programme, field, value, message):
    data = {**VALID, field: value}
    if field == "agree":
        data.pop("agree")
    response = client.post(url(bridge_programme), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert "Sanne Bos" in body
    assert not BridgeRequest.objects.exists()


def test_a_date_more_than_a_year_ahead_is_refused(client, bridge_programme):
    far = (timezone.localdate() + dt.timedelta(days=400)).isoformat()
    response = client.post(url(bridge_programme), {**VALID, "wanted_by": far})
    assert response.status_code == 200
    assert not BridgeRequest.objects.exists()


def test_form_is_404_for_a_closed_programme_another_kind_or_an_unknown_id(
    client, bridge_programme, programme
):
    import uuid

    assert client.get(url(programme)).status_code == 404
    assert client.get(reverse("bridges:request_create", args=[uuid.uuid4()])).status_code == 404
    bridge_programme.is_open = False
    bridge_programme.save()
    assert client.get(url(bridge_programme)).status_code == 404
    assert client.post(url(bridge_programme), VALID).status_code == 404


text = st.text(max_size=300)
field_values = st.one_of(text, st.lists(text, max_size=4))


class FuzzTest(TestCase):
    """Random input never gives a 500 and never leaves part of a request behind."""

    @settings(max_examples=60, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(data=st.dictionaries(st.sampled_from(sorted(VALID)), field_values, max_size=len(VALID)),
           keep_valid=st.booleans())
    def test_random_posts(self, data, keep_valid):
        from metelkaar.people.models import Organisation
        from metelkaar.programmes.models import Programme

        organisation = Organisation.objects.get_or_create(name="Samen Oost", slug="samen-oost")[0]
        programme = Programme.objects.get_or_create(
            organisation=organisation, name="Cultuurverbinders", kind="bridge"
        )[0]
        payload = {**VALID, **data} if keep_valid else data
        before = (BridgeRequest.objects.count(), Requester.objects.count())
        response = self.client.post(url(programme), payload)
        assert response.status_code in (200, 302)
        created = BridgeRequest.objects.count() - before[0]
        if response.status_code == 200:
            assert created == 0
            assert Requester.objects.count() == before[1]
        else:
            assert created == 1
