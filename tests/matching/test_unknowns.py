"""Missing data is neutral, never best (the matching issue, item 3)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from metelkaar.matching import CRITERIA, Candidate, Rules, propose, suggest
from metelkaar.matching.scoring import NEUTRAL, contributions, criteria, encode

RULES = Rules(reference_year=2026)
AMS = (52.37, 4.90)

fatima = Candidate(
    id="fatima", birth_year=1990, gender="f", languages={"nl": 3, "ar": 5},
    interests={"cooking", "walking"}, availability={(2, "evening"), (5, "morning")},
    location=AMS, status_level=2, life_stage="young_parent",
)
# Closely similar and known: two years apart, same gender, stage and status, one
# interest in common, a common evening, 1 km away.
close = Candidate(
    id="close", birth_year=1988, gender="f", languages={"nl": 4},
    interests={"cooking", "music"}, availability={(2, "evening")},
    location=(52.379, 4.90), status_level=2, life_stage="young_parent",
)
blank = Candidate(id="blank", languages={"nl": 4})


def scores(person: Candidate, others: list[Candidate], rules: Rules = RULES) -> np.ndarray:
    fa, fb = encode([person], others, rules)
    i, j = np.zeros(len(others), dtype=np.int64), np.arange(len(others))
    return criteria(fa, fb, i, j, rules)


def test_a_blank_profile_does_not_beat_a_closely_similar_known_one() -> None:
    """Before: the blank profile scored similarity 1.0 and equality 1.0 and won."""
    got = scores(fatima, [close, blank])
    for name in ("similarity", "equality", "feasibility"):
        k = CRITERIA.index(name)
        assert got[0, k] > got[1, k], name
    assert [p.b for p in suggest(fatima, [blank, close], RULES)] == ["close", "blank"]
    assert [(p.a, p.b) for p in propose([fatima], [blank, close], RULES)] == [("fatima", "close")]


@pytest.mark.parametrize("level", [3, None])
def test_every_unknown_part_counts_neutral(level: int | None) -> None:
    rules = Rules(reference_year=2026, min_language_level=level)
    got = scores(Candidate(id="x", languages={} if level is None else {"nl": 4}), [blank], rules)
    sim, eq, feas = (got[0, CRITERIA.index(c)] for c in ("similarity", "equality", "feasibility"))
    assert sim == pytest.approx(NEUTRAL) and eq == pytest.approx(NEUTRAL)
    assert feas == pytest.approx(NEUTRAL)


@pytest.mark.parametrize(
    ("field", "best", "criterion"),
    [
        ("birth_year", 1990, "similarity"),
        ("gender", "f", "similarity"),
        ("interests", {"cooking", "walking"}, "similarity"),
        ("life_stage", "young_parent", "similarity"),
        ("status_level", 2, "equality"),
        ("location", AMS, "feasibility"),
        ("availability", {(2, "evening"), (5, "morning")}, "feasibility"),
    ],
)
def test_unknown_is_below_the_best_known_value(field: str, best: object, criterion: str) -> None:
    """Fatima's twin with one field unknown scores less than the twin itself."""
    twin = dataclasses.replace(fatima, id="twin", **{field: best})
    empty = {"interests": frozenset(), "availability": frozenset()}.get(field)
    unknown = dataclasses.replace(fatima, id="unknown", **{field: empty})
    got = scores(fatima, [twin, unknown])
    k = CRITERIA.index(criterion)
    assert got[1, k] < got[0, k]


def test_peer_programmes_treat_an_unknown_age_as_neutral() -> None:
    rules = Rules(reference_year=2026, peer=True)
    same_age = dataclasses.replace(fatima, id="same")
    no_age = dataclasses.replace(fatima, id="none", birth_year=None)
    got = scores(fatima, [same_age, no_age], rules)[:, CRITERIA.index("equality")]
    assert got.tolist() == pytest.approx([1.0, (1.0 + NEUTRAL) / 2])


def test_the_explanation_does_not_praise_what_is_unknown() -> None:
    fa, fb = encode([blank], [dataclasses.replace(blank, id="other")], RULES)
    zero = np.zeros(1, dtype=np.int64)
    assert contributions(fa, fb, zero, zero, RULES).sum() > 0  # a possible pair ...
    (only,) = suggest(blank, [dataclasses.replace(blank, id="other")], RULES)
    assert only.reasons == (("shared_language", {"language": "nl"}),)  # ... praised for facts


def test_a_beginner_is_not_said_to_speak_a_language() -> None:
    """Before: "You both speak Arabic." for someone who knows a few words."""
    rules = Rules(reference_year=2026, min_language_level=None)
    learner = Candidate(id="learner", languages={"ar": 1})
    native = Candidate(id="native", languages={"ar": 5})
    (only,) = suggest(learner, [native], rules)
    assert [code for code, _ in only.reasons] == []
