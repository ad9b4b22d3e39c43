"""Defect 1 of issue 12: intake is not done blind. The coordinator's enrolment page
shows what the person told on the sign-up form."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from metelkaar.programmes.models import Enrolment
from tests.conftest import PASSWORD, make_person

pytestmark = pytest.mark.django_db


def profile_text(body: str) -> str:
    found = re.search(
        r'<dl class="profile">.*?</table>', body.split("<h2>Profile</h2>", 1)[1], re.S
    )
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(0)).split())


def test_the_enrolment_page_shows_the_stored_profile(client, anna, org, programme):
    amal = make_person(
        org,
        "Amal",
        gender="woman",
        languages={"ar": 5, "nl": 2},
        interests=["cooking"],
        offers=["cooking"],
        needs=["language"],
        availability=["0-evening"],
    )
    enrolment = Enrolment.objects.create(programme=programme, person=amal, side="a")
    assert client.login(email=anna.email, password=PASSWORD)
    body = client.get(
        reverse("programmes:enrolment_detail", args=[enrolment.public_id]),
        HTTP_ACCEPT_LANGUAGE="en",
    ).content.decode()
    text = profile_text(body)
    assert "Gender Woman" in text
    assert "Arabic" in text and "Dutch" in text
    assert "Interests – " not in text and "Can offer – " not in text
    assert "Would like help with – " not in text
    assert (
        body.split("<h2>Profile</h2>", 1)[1].count('use href="/static/icons/icons.svg#check"') == 1
    ), "Monday evening is ticked in the availability table"
