"""Language tandem: one pool, anyone with anyone (the engine's non-bipartite
matching), and help goes both ways: each teaches what the other wants to learn.

The wish to learn a language and the offer to teach one are tags of the
profile: ``lang_<code>`` in ``offers`` (I teach it) and ``needs`` (I learn it).
"""

from __future__ import annotations

import pytest

from metelkaar.matches.models import Match
from metelkaar.programmes.models import Enrolment, Programme
from metelkaar.programmes.presets import PRESETS
from metelkaar.programmes.signup_services import enrolment_signup
from metelkaar.proposals import services as proposal_services
from tests.conftest import make_person
from tests.programme_kinds.conftest import enrol, run_engine


@pytest.fixture
def tandem(org):
    return Programme.objects.create(organisation=org, **{
        **PRESETS["tandem"].programme_fields(), "name": "Taaltandem Oost",
    })


def learner(org, tandem, name, speaks, learns, **fields):
    person = make_person(org, name, languages={speaks: 5, "en": 3, learns: 1},
                         offers=[f"lang_{speaks}"], needs=[f"lang_{learns}"], **fields)
    return enrol(tandem, person, "pool")


def test_the_tandem_has_one_pool(tandem):
    assert not tandem.is_two_sided
    assert tandem.side_label("pool")


def test_a_sign_up_joins_the_pool(tandem):
    profile = {"first_name": "Olena", "last_name": "", "email": "olena@example.test",
               "phone": "", "birth_year": 1990, "gender": "", "gender_self_described": "",
               "postcode": "1094AB", "languages": {"uk": 5, "nl": 1}, "interests": [],
               "offers": [], "needs": ["language"], "availability": [],
               "pref_buddy_gender": [], "pref_age_min": None, "pref_age_max": None,
               "max_km": None}
    enrolment = enrolment_signup(programme=tandem, side="pool", profile=profile,
                                 participation_consent=True)
    assert enrolment.side == Enrolment.Side.POOL


def test_the_engine_pairs_people_who_teach_each_other(org, tandem, anna):
    amal = learner(org, tandem, "Amal", "ar", "nl")
    pieter = learner(org, tandem, "Pieter", "nl", "ar")
    olena = learner(org, tandem, "Olena", "uk", "nl")
    sanne = learner(org, tandem, "Sanne", "nl", "uk")
    run = run_engine(tandem, anna)
    pairs = {frozenset((p.enrolment_a_id, p.enrolment_b_id)) for p in run.pairs.all()}
    assert pairs == {frozenset((amal.pk, pieter.pk)), frozenset((olena.pk, sanne.pk))}
    for pair in run.pairs.all():
        codes = [code for code, _params in pair.reasons]
        assert "mutual_help" in codes
        helps = [params["tag"] for code, params in pair.reasons if code == "helps"]
        assert len(helps) == 2, pair.reasons


def test_anyone_can_be_paired_with_anyone_in_the_pool(org, tandem, anna):
    """Two people who both signed up the same way are a pair: there are no sides."""
    learner(org, tandem, "Amal", "ar", "nl")
    learner(org, tandem, "Pieter", "nl", "ar")
    run = run_engine(tandem, anna)
    (pair,) = run.pairs.all()
    assert pair.enrolment_a.side == pair.enrolment_b.side == "pool"
    match = proposal_services.pair_approve(pair=pair, by=anna)
    assert match.status == Match.Status.PROPOSED


def test_the_tandem_engine_solves_a_general_graph(org, tandem, anna):
    """An odd pool: the best pairs are found and one person waits, with a reason."""
    for name, speaks, learns in [("Amal", "ar", "nl"), ("Pieter", "nl", "ar"),
                                 ("Olena", "uk", "nl")]:
        learner(org, tandem, name, speaks, learns)
    run = run_engine(tandem, anna)
    assert run.pairs.count() == 1
    assert run.unmatched.count() == 1


def test_a_one_way_tandem_is_never_proposed(org, tandem, anna):
    learner(org, tandem, "Cor", "nl", "uk")
    learner(org, tandem, "Dana", "fr", "nl")  # Cor teaches Dana Dutch; Dana cannot teach Cor
    assert run_engine(tandem, anna).pairs.count() == 0
