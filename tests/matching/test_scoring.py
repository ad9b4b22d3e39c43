"""Exact scoring: score_pairs agrees with contributions and hard_constraints."""

from __future__ import annotations

import numpy as np

from metelkaar.matching import Candidate, Rules
from metelkaar.matching.scoring import (
    _pair_km,
    contributions,
    encode,
    hard_constraints,
    haversine_km,
    score_pairs,
)

from .people import crowd

RULES = Rules(reference_year=2026, min_score=0.5)


def test_score_pairs_matches_contributions_and_constraints() -> None:
    a, b = crowd(120, 1, "a"), crowd(90, 2, "b")
    rules = Rules(
        reference_year=2026,
        excluded_pairs=frozenset({frozenset({"a3", "b4"}), frozenset({"a10", "b0"})}),
        peer=True,
    )
    fa, fb = encode(a, b, rules)
    rng = np.random.default_rng(0)
    i = np.concatenate([rng.integers(0, 120, 70_000), [3, 10]])
    j = np.concatenate([rng.integers(0, 90, 70_000), [4, 0]])
    ok, score = score_pairs(fa, fb, i, j, rules)
    checks = hard_constraints(fa, fb, i, j, rules)
    assert (ok == np.logical_and.reduce(list(checks.values()))).all()
    assert np.allclose(score, contributions(fa, fb, i, j, rules).sum(axis=1), atol=1e-12)
    assert not ok[-2:].any()  # the excluded pairs
    assert 0 < ok.mean() < 1


def test_chord_distance_equals_haversine() -> None:
    people = crowd(200, 5, "p")
    fa, fb = encode(people, people, RULES)
    i, j = np.divmod(np.arange(200 * 200), 200)
    km = _pair_km(fa, fb, i, j)
    ref = haversine_km(fa.lat[i], fa.lon[i], fb.lat[j], fb.lon[j])
    assert np.array_equal(np.isnan(km), np.isnan(ref))
    assert np.allclose(km[~np.isnan(km)], ref[~np.isnan(ref)], atol=1e-9)


def test_encode_shares_vocabularies_and_handles_unknowns() -> None:
    a = [Candidate(id=1, interests={"chess"}, languages={"nl": 2, "ar": 4}, gender="f")]
    b = [Candidate(id=2, interests={"chess", "walks"}, languages={"ar": 3}, location=(52, 5))]
    fa, fb = encode(a, b, RULES)
    assert int(np.bitwise_count(fa.interests & fb.interests).sum()) == 1
    assert int(np.bitwise_count(fa.conv_lang & fb.conv_lang).sum()) == 1  # ar; nl 2 < 3
    assert np.isnan(fa.lat[0]) and np.isnan(fa.xyz[0]).all()
    assert np.isclose(np.linalg.norm(fb.xyz[0]), 1.0)
    assert fb.gender[0] == -1 and np.isnan(fb.age[0])


def test_score_pairs_on_no_pairs() -> None:
    fa, fb = encode(crowd(3, 1), crowd(3, 2), RULES)
    ok, score = score_pairs(fa, fb, np.empty(0, np.int64), np.empty(0, np.int64), RULES)
    assert ok.shape == score.shape == (0,)
