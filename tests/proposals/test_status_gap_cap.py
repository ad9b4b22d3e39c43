"""A programme's optional cap on the status gap, from its settings to the proposals."""

from __future__ import annotations

import pytest
from django.utils import translation

from metelkaar.proposals.adapter import rules_for
from metelkaar.proposals.selectors import review
from tests.conftest import PASSWORD, make_person
from tests.programme_kinds.conftest import enrol, run_engine
from tests.programmes.test_programme_create import _settings_data


@pytest.fixture
def anna_client(client, anna):
    client.login(email=anna.email, password=PASSWORD)
    return client


def url(programme) -> str:
    return f"/coordinator/programmes/{programme.public_id}/settings/"


def test_the_cap_is_set_in_the_matching_settings(anna_client, programme):
    page = anna_client.get(url(programme)).content.decode()
    assert 'name="max_status_gap"' in page
    assert page.index('name="weight_fairness"') < page.index('name="max_status_gap"')
    response = anna_client.post(url(programme), _settings_data(programme, max_status_gap=1))
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.max_status_gap == 1
    assert rules_for(programme, []).max_status_gap == 1


def test_empty_means_no_cap(anna_client, programme):
    anna_client.post(url(programme), _settings_data(programme, max_status_gap=""))
    programme.refresh_from_db()
    assert programme.max_status_gap is None and rules_for(programme, []).max_status_gap is None


def test_a_cap_above_four_steps_is_explained_in_dutch(anna_client, programme):
    with translation.override("nl"):
        response = anna_client.post(
            url(programme), _settings_data(programme, max_status_gap=7),
            HTTP_ACCEPT_LANGUAGE="nl",
        )
    assert response.status_code == 200
    assert "Kies 0 tot 4 stappen" in response.content.decode()
    programme.refresh_from_db()
    assert programme.max_status_gap is None


def test_with_a_cap_people_meet_as_equals(org, programme, anna):
    amal = make_person(org, "Amal", status_level=1, languages={"nl": 4}, needs=["paperwork"],
                       offers=["cooking"])
    prof = make_person(org, "Bart", status_level=5, languages={"nl": 5}, offers=["paperwork"],
                       needs=["cooking"])
    buur = make_person(org, "Cor", status_level=1, languages={"nl": 5}, needs=["cooking"],
                       offers=[])
    enrol(programme, amal, "a")
    enrol(programme, prof, "b")
    enrol(programme, buur, "b")
    (pair,) = run_engine(programme, anna).pairs.all()
    assert pair.enrolment_b.person == prof  # without a cap, help both ways wins
    programme.max_status_gap = 1
    programme.save()
    run = run_engine(programme, anna)
    (pair,) = run.pairs.all()
    assert pair.enrolment_b.person == buur
    with translation.override("en"):
        data = review(run)
    assert ("They meet on an equal footing: their education or work is at a similar level."
            in data["rows"][0]["reasons"])
    assert {u["enrolment"].person.first_name: u["why"] for u in data["unmatched"]}["Bart"] == (
        "Nobody in the pool passes the hard requirements. Most options were ruled out by "
        "the largest difference in education or work level."
    )
