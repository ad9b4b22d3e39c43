"""Fixtures of the bridge-person programme kind.

Anna coordinates "Cultuurverbinders Oost" of Samen Oost. Fatima (Arabic,
knows Syria and Morocco) and Jan (Dutch, English) are its bridge persons.
Olga coordinates a bridge programme of another organisation, with a request
of its own, and must never see anything of Anna's.
"""

from __future__ import annotations

import pytest

from tests.conftest import make_person


@pytest.fixture
def bridge_programme(org):
    from metelkaar.programmes.models import Programme

    return Programme.objects.create(
        organisation=org, name="Cultuurverbinders Oost", kind="bridge",
        requires_intake=True, side_a_label="Bridge person",
    )


@pytest.fixture
def olga_programme(other_org):
    from metelkaar.programmes.models import Programme

    return Programme.objects.create(organisation=other_org, name="Verbinders West", kind="bridge")


@pytest.fixture
def fatima_bridge(bridge_programme, fatima, anna):
    from metelkaar.bridges.services import bridge_person_add

    return bridge_person_add(
        programme=bridge_programme, person=fatima, by=anna, cultures=["syria", "morocco"],
        engagement="paid", max_hours_per_month=16,
    )


@pytest.fixture
def jan_bridge(bridge_programme, jan, anna):
    from metelkaar.bridges.services import bridge_person_add

    return bridge_person_add(
        programme=bridge_programme, person=jan, by=anna, cultures=[], max_hours_per_month=10
    )


def submit(programme, **overrides):
    """A request as the public form would make it."""
    from metelkaar.bridges.services import bridge_request_submit

    fields = {
        "requester_name": "OBS De Regenboog",
        "requester_kind": "school",
        "contact_name": "Karin Smit",
        "contact_email": "k.smit@regenboog.test",
        "contact_phone": "020 123 4567",
        "what": "Parent conversation about school choice",
        "context": "Parents recently arrived from Syria.",
        "languages": ["ar"],
        "cultures": ["syria"],
        "slots": ["0-evening"],
    }
    from tests.conftest import committed

    with committed():
        return bridge_request_submit(programme=programme, **{**fields, **overrides})


@pytest.fixture
def school_request(bridge_programme):
    return submit(bridge_programme)


@pytest.fixture
def olga_request(olga_programme):
    return submit(olga_programme, requester_name="Woonstichting West", requester_kind="housing")


@pytest.fixture
def olga_bridge(olga_programme, other_org, olga):
    from metelkaar.bridges.services import bridge_person_add

    user_person = make_person(other_org, "Pieter", last_name="Westra")
    return bridge_person_add(programme=olga_programme, person=user_person, by=olga, cultures=[])
