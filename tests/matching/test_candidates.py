"""Candidate generation: feasible, two-sided, close to each person's exact best."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from metelkaar.matching import Candidate, Rules
from metelkaar.matching import candidates as cand
from metelkaar.matching.candidates import _group_floor, _top_m, candidate_pairs, surrogate
from metelkaar.matching.scoring import contributions, encode, score_pairs

from .people import crowd

RULES = Rules(reference_year=2026, min_score=0.5, candidates=5, prefilter=3)


def dense(fa, fb, rules, pool=False):
    n_a, n_b = len(fa), len(fb)
    i, j = np.divmod(np.arange(n_a * n_b), n_b)
    ok, s = score_pairs(fa, fb, i, j, rules)
    if pool:
        ok &= i != j
    return np.where(ok, s, -np.inf).reshape(n_a, n_b)


@pytest.fixture(scope="module")
def sides():
    a, b = crowd(400, 11, "a"), crowd(380, 12, "b")
    fa, fb = encode(a, b, RULES)
    return fa, fb, dense(fa, fb, RULES)


def test_every_candidate_passes_the_hard_constraints(sides) -> None:
    fa, fb, full = sides
    i, j = candidate_pairs(fa, fb, RULES)
    assert len(i) > 0
    assert np.isfinite(full[i, j]).all()
    assert len(set(zip(i.tolist(), j.tolist(), strict=True))) == len(i)


def test_with_scores_gives_the_same_pairs_and_their_exact_scores(sides) -> None:
    fa, fb, full = sides
    i, j = candidate_pairs(fa, fb, RULES)
    si, sj, score = candidate_pairs(fa, fb, RULES, with_scores=True)
    assert np.array_equal(i, si) and np.array_equal(j, sj)
    np.testing.assert_allclose(score, full[i, j], rtol=1e-12)


def test_nobody_with_a_feasible_partner_is_left_without_options(sides) -> None:
    fa, fb, full = sides
    i, j = candidate_pairs(fa, fb, RULES)
    has_option_a = np.isfinite(full).any(axis=1)
    has_option_b = np.isfinite(full).any(axis=0)
    assert set(np.flatnonzero(has_option_a)) <= set(i.tolist())
    assert set(np.flatnonzero(has_option_b)) <= set(j.tolist())


def test_candidates_hold_almost_every_persons_exact_best(sides) -> None:
    fa, fb, full = sides
    i, j = candidate_pairs(fa, fb, RULES)
    found = set(zip(i.tolist(), j.tolist(), strict=True))
    rows = np.flatnonzero(np.isfinite(full).any(axis=1))
    best_b = full[rows].argmax(axis=1)
    cols = np.flatnonzero(np.isfinite(full).any(axis=0))
    best_a = full[:, cols].argmax(axis=0)
    hits = sum((int(r), int(c)) in found for r, c in zip(rows, best_b, strict=True))
    hits += sum((int(r), int(c)) in found for r, c in zip(best_a, cols, strict=True))
    assert hits >= 0.95 * (len(rows) + len(cols))


def test_each_person_keeps_their_k_best_found(sides) -> None:
    fa, fb, full = sides
    i, j = candidate_pairs(fa, fb, RULES)
    per_row = np.bincount(i, minlength=len(fa))
    feasible = np.isfinite(full).sum(axis=1)
    assert (per_row >= np.minimum(feasible, RULES.candidates)).all()


def test_spatial_cells_for_large_blocks_stay_valid(sides, monkeypatch) -> None:
    fa, fb, full = sides
    monkeypatch.setattr(cand, "_FULL_BLOCK", 0)
    monkeypatch.setattr(cand, "_CELL", 32)
    monkeypatch.setattr(cand, "_NEAR", 120)
    i, j = candidate_pairs(fa, fb, RULES)
    assert np.isfinite(full[i, j]).all()
    assert set(np.flatnonzero(np.isfinite(full).any(axis=1))) <= set(i.tolist())
    assert set(np.flatnonzero(np.isfinite(full).any(axis=0))) <= set(j.tolist())


def test_pool_pairs_are_ordered_feasible_and_never_self() -> None:
    people = crowd(300, 21, "p")
    fa, _ = encode(people, (), RULES)
    full = dense(fa, fa, RULES, pool=True)
    i, j = candidate_pairs(fa, fa, RULES, pool=True)
    assert (i < j).all()
    assert np.isfinite(full[i, j]).all()
    touched = set(i.tolist()) | set(j.tolist())
    assert set(np.flatnonzero(np.isfinite(full).any(axis=1))) <= touched


def test_distance_limit_and_preferences_never_leak() -> None:
    here = (52.37, 4.90)
    far = (52.60, 4.90)  # about 26 km north
    a = [
        Candidate(id=f"a{n}", languages={"nl": 4}, location=here, max_km=5.0, gender="f")
        for n in range(30)
    ]
    b = [
        Candidate(
            id=f"b{n}",
            languages={"nl": 4},
            location=far if n % 2 else here,
            gender="m" if n % 3 else "f",
            gender_pref={"f"},
        )
        for n in range(40)
    ]
    rules = dataclasses.replace(RULES, candidates=2, prefilter=1)
    fa, fb = encode(a, b, rules)
    i, j = candidate_pairs(fa, fb, rules)
    assert len(i) > 0
    assert all(n % 2 == 0 for n in j.tolist())  # only the near ones


def test_surrogate_ranks_exact_parts_exactly_and_penalises_preferences() -> None:
    rules = Rules(reference_year=2026)
    base = {"languages": {"nl": 4}, "birth_year": 1980, "gender": "f"}
    a = [Candidate(id="a", offers={"cooking", "bikes"}, needs={"paperwork"}, **base)]
    b = [
        Candidate(id="b0", needs={"cooking"}, offers={"paperwork"}, **base),
        Candidate(id="b1", needs={"cooking"}, **base),
        Candidate(id="b2", **base),
        Candidate(id="b3", needs={"cooking"}, offers={"paperwork"}, gender_pref={"m"}, **base),
    ]
    fa, fb = encode(a, b, rules)
    xa, ya, xb, yb = surrogate(fa, fb, rules)
    approx = (xa @ yb.T)[0]
    exact = contributions(fa, fb, np.zeros(4, dtype=np.int64), np.arange(4), rules).sum(axis=1)
    assert np.argsort(-approx[:3]).tolist() == np.argsort(-exact[:3]).tolist()
    assert approx[3] < -50  # b3 wants a man
    # symmetric: one product serves both directions
    assert np.allclose(xa @ yb.T, (xb @ ya.T).T, atol=1e-5)


@pytest.mark.parametrize("m", [1, 3, 10])
def test_group_floor_lets_at_least_m_through(m: int) -> None:
    rng = np.random.default_rng(m)
    s = rng.standard_normal((50, 97)).astype(np.float32)
    rows = _group_floor(s, m)
    assert ((s >= rows[:, None]).sum(axis=1) >= m).all()
    cols = _group_floor(s, m, axis=0)
    assert ((s >= cols[None, :]).sum(axis=0) >= m).all()


def test_top_m_equals_sorting() -> None:
    rng = np.random.default_rng(3)
    owner = rng.integers(0, 40, 3000)
    owner[:600] = 7  # one crowded owner
    value = rng.random(3000)
    value[::17] = -1e30  # impossible
    got = _top_m(owner, value, 5, 40)
    want = []
    for o in range(40):
        mine = np.flatnonzero((owner == o) & (value > -1e29))
        want += mine[np.argsort(-value[mine])[:5]].tolist()
    assert sorted(got.tolist()) == sorted(want)


def test_spatial_cells_without_places_on_one_side(monkeypatch) -> None:
    monkeypatch.setattr(cand, "_FULL_BLOCK", 0)
    monkeypatch.setattr(cand, "_CELL", 16)
    monkeypatch.setattr(cand, "_NEAR", 40)
    a = crowd(120, 31, "a")
    b = [dataclasses.replace(c, location=None, max_km=None) for c in crowd(100, 32, "b")]
    fa, fb = encode(a, b, RULES)
    full = dense(fa, fb, RULES)
    i, j = candidate_pairs(fa, fb, RULES)
    assert np.isfinite(full[i, j]).all()
    assert set(np.flatnonzero(np.isfinite(full).any(axis=1))) <= set(i.tolist())
    assert set(np.flatnonzero(np.isfinite(full).any(axis=0))) <= set(j.tolist())
