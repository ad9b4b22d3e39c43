"""A language tandem pairs people who can teach each other (issue 12, defect 3).

The reported case: two native Dutch speakers were paired, "Yusuf can help Omar
practise Dutch" was shown although Yusuf's Dutch is level 2, and the obvious
pair -- Sanne (Dutch, learning Arabic) and Karim (Arabic, learning Dutch) --
was not proposed. Teaching needs a real level in the language taught.
"""

from __future__ import annotations

import pytest
from django.utils import translation

from metelkaar.programmes.models import Programme
from metelkaar.programmes.presets import PRESETS
from metelkaar.proposals.adapter import candidate_for, rules_for
from metelkaar.proposals.selectors import review
from tests.conftest import make_person
from tests.programme_kinds.conftest import enrol, run_engine


@pytest.fixture
def tandem(org):
    return Programme.objects.create(
        organisation=org, **{**PRESETS["tandem"].programme_fields(), "name": "Taaltandem"}
    )


@pytest.fixture
def reported(org, tandem):
    people = {
        "sanne": dict(languages={"nl": 5, "ar": 1}, offers=["language", "paperwork"],
                      needs=["cooking", "culture"]),
        "karim": dict(languages={"ar": 5, "nl": 2}, offers=["cooking", "culture"],
                      needs=["language", "paperwork"]),
        # Two native Dutch speakers who help each other, but with no language to swap.
        "joost": dict(languages={"nl": 5, "en": 4}, offers=["diy"], needs=["paperwork"]),
        "petra": dict(languages={"nl": 5, "en": 5}, offers=["paperwork"], needs=["diy"]),
        # Yusuf says he can help practise Dutch, but his own Dutch is level 2.
        "yusuf": dict(languages={"so": 5, "nl": 2}, offers=["language"], needs=["work"]),
        "omar": dict(languages={"ar": 5, "nl": 2}, offers=["work"], needs=["language"]),
    }
    return {
        name: enrol(tandem, make_person(org, name.title(), birth_year=1990, **fields), "pool")
        for name, fields in people.items()
    }


def test_the_reported_tandem_pool(tandem, reported, anna):
    run = run_engine(tandem, anna)
    pairs = {frozenset((p.enrolment_a_id, p.enrolment_b_id)) for p in run.pairs.all()}
    assert pairs == {frozenset((reported["sanne"].pk, reported["karim"].pk))}
    with translation.override("en"):
        (row,) = review(run)["rows"]
        sentences = review(run)["rows"][0]["reasons"]
    assert sentences[:2] == [
        "Sanne can help Karim practise Dutch.",
        "Karim can help Sanne practise Arabic.",
    ]
    assert row["pair"].score > 0


def test_offering_to_practise_dutch_needs_good_dutch(org, programme):
    """In every programme; in a tandem the exchange by level replaces the tag."""
    yusuf = make_person(org, "Yusuf", languages={"so": 5, "nl": 2}, offers=["language"])
    sanne = make_person(org, "Sanne", languages={"nl": 5}, offers=["language"])
    assert "language" not in candidate_for(enrol(programme, yusuf, "b")).offers
    assert "language" in candidate_for(enrol(programme, sanne, "b")).offers


def test_the_tandem_leaves_the_practising_dutch_tag_to_the_exchange(reported):
    karim, sanne = candidate_for(reported["karim"]), candidate_for(reported["sanne"])
    assert "language" not in karim.needs | sanne.offers


def test_a_tandem_needs_no_common_language_but_a_language_to_swap(tandem, reported):
    rules = rules_for(tandem, list(reported.values()))
    assert rules.language_exchange and rules.min_language_level is None
    assert rules.excluded_pairs == frozenset()  # nobody here was matched before


def test_why_the_others_wait_is_true_for_them(tandem, reported, anna):
    run = run_engine(tandem, anna)
    with translation.override("en"):
        why = {u["enrolment"].person.first_name: u["why"] for u in review(run)["unmatched"]}
    assert set(why) == {"Joost", "Petra", "Yusuf", "Omar"}
    for name in ("Joost", "Petra", "Yusuf"):  # nobody learns what they teach, or vice versa
        assert "no language to exchange" in why[name]
    # Omar could swap Arabic and Dutch with Sanne, who went to Karim.
    assert why["Omar"] == "Every good option went to someone for whom they fit better."
    assert not any("earlier match" in sentence for sentence in why.values())

