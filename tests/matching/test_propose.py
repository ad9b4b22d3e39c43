"""propose(), propose_pool() and suggest(): valid, exact on scored pairs, explained."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import scipy.sparse as sp
from scipy.optimize import linear_sum_assignment

from metelkaar.matching import (
    CRITERIA,
    Candidate,
    Rules,
    describe,
    explain,
    propose,
    propose_pool,
    suggest,
)
from metelkaar.matching.scoring import contributions, encode, hard_constraints

from .people import crowd

RULES = Rules(reference_year=2026, min_score=0.5)
PAIR_CODES = set(explain.PAIR_CODES)
UNMATCHED_CODES = set(explain.UNMATCHED_CODES)


def by_id(people: list[Candidate]) -> dict[object, Candidate]:
    return {p.id: p for p in people}


def check(result, side_a, side_b, rules: Rules, pool: bool = False) -> None:
    a_ids = [p.a for p in result]
    b_ids = [p.b for p in result]
    everyone = a_ids + b_ids if pool else a_ids
    assert len(set(everyone)) == len(everyone)
    assert len(set(b_ids)) == len(b_ids)
    ia, ib = by_id(side_a), by_id(side_b)
    fa, fb = encode(side_a, side_b, rules)
    pos_a = {c.id: n for n, c in enumerate(side_a)}
    pos_b = {c.id: n for n, c in enumerate(side_b)}
    for p in result:
        assert p.score >= rules.min_score and p.score > 0
        assert sum(p.contributions.values()) == pytest.approx(p.score, abs=1e-9)
        assert set(p.contributions) == set(CRITERIA)
        assert p.reasons and all(code in PAIR_CODES for code, _ in p.reasons)
        i, j = np.array([pos_a[p.a]]), np.array([pos_b[p.b]])
        assert all(v[0] for v in hard_constraints(fa, fb, i, j, rules).values())
        assert contributions(fa, fb, i, j, rules).sum() == pytest.approx(p.score, abs=1e-9)
        for alt in (p.runner_up_a, p.runner_up_b):
            if alt is not None:
                assert alt.gap == pytest.approx(p.score - alt.score)
        assert p.a in ia and p.b in ib
    matched = set(everyone) | set(b_ids)
    people = {c.id for c in side_a} | {c.id for c in side_b}
    assert {u.id for u in result.unmatched} == people - matched
    for u in result.unmatched:
        assert u.reason[0] in UNMATCHED_CODES
        assert describe(u.reason) and describe(u.reason, lang="nl")


def optimum(side_a, side_b, rules: Rules) -> float:
    fa, fb = encode(side_a, side_b, rules)
    i, j = np.divmod(np.arange(len(side_a) * len(side_b)), len(side_b))
    ok = np.logical_and.reduce(list(hard_constraints(fa, fb, i, j, rules).values()))
    s = contributions(fa, fb, i, j, rules).sum(axis=1)
    w = np.where(ok & (s >= rules.min_score) & (s > 0), s, 0.0).reshape(len(side_a), len(side_b))
    r, c = linear_sum_assignment(w, maximize=True)
    return float(w[r, c].sum())


@pytest.mark.parametrize("seed", range(4))
def test_propose_is_valid_explained_and_optimal(seed: int) -> None:
    side_a, side_b = crowd(60 + 10 * seed, seed, "a"), crowd(50, 100 + seed, "b")
    result = propose(side_a, side_b, RULES)
    check(result, side_a, side_b, RULES)
    assert result.total_score == pytest.approx(optimum(side_a, side_b, RULES), rel=1e-9)


def test_sparse_candidates_stay_valid_and_close_to_dense() -> None:
    side_a, side_b = crowd(300, 1, "a"), crowd(300, 2, "b")
    sparse_rules = dataclasses.replace(RULES, dense_limit=0, candidates=10)
    result = propose(side_a, side_b, sparse_rules)
    assert not result.stats["dense"]
    check(result, side_a, side_b, sparse_rules)
    best = optimum(side_a, side_b, RULES)
    assert best * 0.95 <= result.total_score <= best + 1e-9


def test_propose_pool_is_valid_and_beats_nothing() -> None:
    pool = crowd(80, 5, "t")
    result = propose_pool(pool, RULES)
    check(result, pool, pool, RULES, pool=True)
    assert len(result) > 10
    sparse = propose_pool(pool, dataclasses.replace(RULES, pool_dense_limit=0, pool_candidates=8))
    check(sparse, pool, pool, RULES, pool=True)
    assert sparse.total_score <= result.total_score + 1e-9


def test_pool_matches_pair_up_of_dense_scores() -> None:
    import networkx as nx

    pool = crowd(40, 9, "t")
    fa, fb = encode(pool, pool, RULES)
    i, j = np.triu_indices(len(pool), 1)
    ok = np.logical_and.reduce(list(hard_constraints(fa, fb, i, j, RULES).values()))
    s = contributions(fa, fb, i, j, RULES).sum(axis=1)
    g = nx.Graph()
    for a, b, w, good in zip(i, j, s, ok, strict=True):
        if good and w >= RULES.min_score:
            g.add_edge(int(a), int(b), weight=float(w))
    best = sum(g[u][v]["weight"] for u, v in nx.max_weight_matching(g))
    assert propose_pool(pool, RULES).total_score == pytest.approx(best, rel=1e-9)


def test_hard_constraints_and_unmatched_reasons() -> None:
    fatima = Candidate(id="fatima", gender="f", languages={"ar": 5, "nl": 3}, gender_pref={"f"})
    jan = Candidate(id="jan", gender="m", languages={"nl": 5})
    olga = Candidate(id="olga", gender="f", languages={"ru": 5})
    result = propose([fatima, olga], [jan], Rules())
    assert len(result) == 0
    why = {u.id: u.reason for u in result.unmatched}
    assert why["fatima"] == (
        "no_feasible_candidate",
        {"constraint": "gender_pref", "excluded": 1, "checked": 1},
    )
    assert why["olga"][1]["constraint"] == "language"
    assert why["jan"][0] == "no_feasible_candidate"


def test_taken_by_better_fit() -> None:
    base = {"languages": {"nl": 4}, "birth_year": 1990}
    anna = Candidate(id="anna", needs={"paperwork"}, **base)
    bram = Candidate(id="bram", **base)
    jan = Candidate(id="jan", offers={"paperwork"}, **base)
    result = propose([anna, bram], [jan], Rules(reference_year=2026))
    assert [(p.a, p.b) for p in result] == [("anna", "jan")]
    assert result.unmatched[0].reason == (
        "taken_by_better_fit",
        {
            "best": "jan",
            "best_score": pytest.approx(result.unmatched[0].reason[1]["best_score"]),
            "taken_by": "anna",
        },
    )
    assert result.pairs[0].runner_up_b is not None and result.pairs[0].runner_up_b.id == "bram"


def test_min_score_and_excluded_pairs_respected() -> None:
    side_a, side_b = crowd(30, 3, "a"), crowd(30, 4, "b")
    first = propose(side_a, side_b, RULES)
    banned = frozenset(frozenset((p.a, p.b)) for p in first)
    second = propose(side_a, side_b, dataclasses.replace(RULES, excluded_pairs=banned))
    assert not {frozenset((p.a, p.b)) for p in second} & banned
    strict_rules = dataclasses.replace(RULES, min_score=2.0)
    strict = propose(side_a, side_b, strict_rules)
    check(strict, side_a, side_b, strict_rules)
    assert "below_min_score" in {u.reason[0] for u in strict.unmatched}


def test_suggest_is_top_k_of_feasible_scores() -> None:
    me = dataclasses.replace(crowd(1, 11, "me", prefs=False)[0], languages={"nl": 5, "en": 4})
    others = crowd(200, 12, "o")
    options = suggest(me, others, RULES, k=5)
    assert len(options) == 5
    assert [o.score for o in options] == sorted((o.score for o in options), reverse=True)
    fa, fb = encode([me], others, RULES)
    i, j = np.zeros(200, dtype=np.int64), np.arange(200)
    ok = np.logical_and.reduce(list(hard_constraints(fa, fb, i, j, RULES).values()))
    s = np.where(ok, contributions(fa, fb, i, j, RULES).sum(axis=1), -np.inf)
    assert options[0].score == pytest.approx(s.max())
    assert all(o.reasons for o in options)


def test_describe_renders_every_code_in_both_languages() -> None:
    samples = [
        ("shared_language", {"language": "ar"}),
        ("shared_interest", {"tag": "music"}),
        ("similar_age", {"years": 3}),
        ("same_life_stage", {"stage": "student"}),
        ("helps", {"from": "a", "to": "b", "tag": "paperwork"}),
        ("mutual_help", {}),
        ("status_gap", {"levels": 3}),
        ("distance_km", {"km": 1.2}),
        ("common_time", {"slots": 2, "day": 6, "part": "morning"}),
        ("waiting", {"days": 90}),
        ("no_feasible_candidate", {"constraint": "language", "excluded": 3, "checked": 4}),
        ("below_min_score", {"best_score": 0.3, "min_score": 0.5}),
        ("taken_by_better_fit", {"best": "x", "best_score": 1.0, "taken_by": "y"}),
        ("nobody_to_pair", {}),
    ]
    for reason in samples:
        en, nl = describe(reason), describe(reason, lang="nl")
        assert en.endswith(".") and nl.endswith(".") and en != nl


def test_scores_accept_sparse_matrix_from_engine() -> None:
    """The engine's solver input is a plain scipy matrix (an adapter can reuse it)."""
    side_a, side_b = crowd(20, 21, "a"), crowd(25, 22, "b")
    result = propose(side_a, side_b, RULES)
    assert isinstance(result.stats["usable_pairs"], int)
    assert sp.issparse(sp.csr_matrix((2, 2)))
