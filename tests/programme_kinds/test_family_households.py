"""Family to family: matching on household level (children's ages, languages,
interests, distance), contacts logged per household, sign-up of a household.

The Haddads (newcomers) have a son of six. The De Boers have a daughter of
seven, the Visser family a son of fifteen; otherwise the two local families
are the same. Children of the same age band make the better pair.
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from metelkaar.matches.services import MatchPermissionDenied, contact_log
from metelkaar.people.models import Household, User
from metelkaar.programmes.models import Programme
from metelkaar.programmes.presets import PRESETS
from metelkaar.proposals import services as proposal_services
from metelkaar.proposals.adapter import candidate_for
from tests.conftest import PASSWORD, make_person
from tests.programme_kinds.conftest import activate, enrol, run_engine

YEAR = timezone.localdate().year


@pytest.fixture
def families(org):
    return Programme.objects.create(organisation=org, **{
        **PRESETS["family"].programme_fields(), "name": "Meet & Connect Oost",
    })


def household_with_parent(org, name, parent, children_ages, **person):
    household = Household.objects.create(
        organisation=org, name=name, children_birth_years=[YEAR - a for a in children_ages]
    )
    user = User.objects.create_user(f"{parent.lower()}@example.test", PASSWORD)
    adult = make_person(org, parent, household=household, user=user, email=user.email,
                        **person)
    return household, adult


@pytest.fixture
def haddad(org, families):
    household, parent = household_with_parent(org, "Familie Haddad", "Rania", [6])
    return enrol(families, parent, "a", household=household)


@pytest.fixture
def de_boer(org, families):
    household, parent = household_with_parent(org, "Familie De Boer", "Lotte", [7])
    return enrol(families, parent, "b", household=household)


@pytest.fixture
def visser(org, families):
    household, parent = household_with_parent(org, "Familie Visser", "Kees", [15])
    return enrol(families, parent, "b", household=household)


def test_children_of_the_same_age_band_are_a_shared_interest_of_the_household(haddad):
    assert "kids_4_11" in candidate_for(haddad).interests


def test_households_with_children_of_the_same_age_rank_first(families, haddad, de_boer, visser):
    preview = proposal_services.preview(programme=families, weights=families.weights())
    (pair,) = preview["result"].pairs
    assert {pair.a, pair.b} == {haddad.pk, de_boer.pk}
    runner_up = pair.runner_up_a if pair.a == haddad.pk else pair.runner_up_b
    assert runner_up is not None and runner_up.id == visser.pk and runner_up.gap > 0


def test_the_proposal_explains_the_children(families, haddad, de_boer, visser, anna):
    run = run_engine(families, anna)
    (pair,) = run.pairs.all()
    assert ["shared_interest", {"tag": "kids_4_11"}] in pair.reasons


def test_the_nearer_household_wins_when_the_children_match_both(org, families, haddad, anna):
    _hh, near = household_with_parent(org, "Familie Dichtbij", "Mila", [8],
                                      latitude=52.36, longitude=4.93)
    _hh2, far = household_with_parent(org, "Familie Veraf", "Sem", [8],
                                      latitude=52.09, longitude=5.12)
    haddad.person.latitude, haddad.person.longitude = 52.361, 4.931
    haddad.person.save()
    e_near = enrol(families, near, "b", household=near.household)
    enrol(families, far, "b", household=far.household)
    preview = proposal_services.preview(programme=families, weights=families.weights())
    (pair,) = preview["result"].pairs
    assert {pair.a, pair.b} == {haddad.pk, e_near.pk}


def test_households_without_a_language_to_talk_in_are_never_paired(org, families, haddad):
    _hh, arabic = household_with_parent(org, "Familie Arabisch", "Omar", [9],
                                        languages={"ar": 5, "nl": 2})
    _hh2, other = household_with_parent(org, "Familie Anders", "Piet", [9],
                                        languages={"fr": 5, "en": 4})
    haddad.person.languages = {"ar": 5, "nl": 3}
    haddad.person.save()
    e_arabic = enrol(families, arabic, "b", household=arabic.household)
    enrol(families, other, "b", household=other.household)
    result = proposal_services.preview(programme=families, weights=families.weights())["result"]
    (pair,) = result.pairs
    assert {pair.a, pair.b} == {haddad.pk, e_arabic.pk}
    assert [u.reason[0] for u in result.unmatched] == ["no_feasible_candidate"]


@pytest.fixture
def family_match(families, haddad, de_boer, anna):
    run = run_engine(families, anna)
    (pair,) = run.pairs.all()
    match = proposal_services.pair_approve(pair=pair, by=anna)
    return activate(match, anna, haddad.person.user, de_boer.person.user)


def test_contacts_are_logged_for_the_households_of_the_match(family_match, haddad, de_boer):
    contact = contact_log(match=family_match, by=haddad.person.user,
                          day=family_match.started_at, activity="cooking",
                          duration_minutes=120, view="together", note="Samen gekookt")
    assert contact.match.enrolment_a.household.name == "Familie Haddad"
    assert contact.match.enrolment_b.household.name == "Familie De Boer"


def test_the_family_norm_is_two_contacts_a_month_for_a_year(families):
    assert (families.contact_norm_per_month, families.term_months) == (2, 12)


def test_the_other_adult_of_a_household_can_log_a_contact(org, family_match, haddad):
    user = User.objects.create_user("samir@example.test", PASSWORD)
    make_person(org, "Samir", household=haddad.household, user=user, email=user.email)
    try:
        contact_log(match=family_match, by=user, day=family_match.started_at,
                    activity="walk", duration_minutes=60, view="together")
    except MatchPermissionDenied:
        pytest.fail("Samir of the Haddad household may not log the household's contact")


def test_a_family_sign_up_creates_the_household(families):
    from metelkaar.programmes.views.signup import STEPS

    assert "household" in [name for name, _form, _title in STEPS]
