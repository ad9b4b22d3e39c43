"""Reasons, runner-ups and unmatched reasons: the explaining stage of the engine."""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pytest

from metelkaar.matching import CRITERIA, Candidate, Rules, propose, propose_pool, suggest
from metelkaar.matching.explain import (
    SENSITIVE,
    for_participants,
    pair_reasons,
    pair_reasons_many,
)
from metelkaar.matching.scoring import contributions, encode, hard_constraints, haversine_km
from metelkaar.matching.types import PARTS_OF_DAY
from metelkaar.matching.unmatched import best_other

from .people import crowd

RULES = Rules(reference_year=2026, min_score=0.5)


def reference_reasons(a: Candidate, b: Candidate, contrib: dict[str, float], km: float | None):
    """The reasons of one pair, written out plainly: the specification of pair_reasons."""
    reasons: list[tuple[float, Any]] = []
    sim = contrib.get("similarity", 0.0)
    comp = contrib.get("complementarity", 0.0)
    for giver, taker in ((a, b), (b, a)):
        for tag in sorted(giver.offers & taker.needs)[:3]:
            reasons.append((comp + 1e-9, ("helps", {"from": giver.id, "to": taker.id, "tag": tag})))
    if contrib.get("mutual_help", 0.0) > 0:
        reasons.append((contrib["mutual_help"], ("mutual_help", {})))
    common = {x for x in set(a.languages) & set(b.languages)
              if min(a.languages[x], b.languages[x]) >= 3}  # "both speak": conversation
    if common:
        best = max(sorted(common), key=lambda code: min(a.languages[code], b.languages[code]))
        reasons.append((sim, ("shared_language", {"language": best})))
    for tag in sorted(a.interests & b.interests)[:3]:
        reasons.append((sim, ("shared_interest", {"tag": tag})))
    if a.birth_year is not None and b.birth_year is not None:
        if abs(a.birth_year - b.birth_year) <= 10:
            reasons.append((sim, ("similar_age", {"years": abs(a.birth_year - b.birth_year)})))
    if a.life_stage and a.life_stage == b.life_stage:
        reasons.append((sim, ("same_life_stage", {"stage": a.life_stage})))
    if a.gender is not None and a.gender == b.gender:
        reasons.append((sim / 2, ("same_gender", {})))
    feas = contrib.get("feasibility", 0.0)
    if km is not None:
        reasons.append((feas, ("distance_km", {"km": round(km, 1)})))
    slots = sorted(a.availability & b.availability, key=lambda s: (s[0], PARTS_OF_DAY.index(s[1])))
    if slots:
        params = {"slots": len(slots), "day": slots[0][0], "part": slots[0][1]}
        reasons.append((feas, ("common_time", params)))
    if a.status_level is not None and b.status_level is not None:
        if abs(a.status_level - b.status_level) >= 2:
            reasons.append((-1.0, ("status_gap", {"levels": abs(a.status_level - b.status_level)})))
    wait = max(a.waiting_days, b.waiting_days)
    if wait > 30 and contrib.get("fairness", 0.0) > 0:
        reasons.append((contrib["fairness"], ("waiting", {"days": wait})))
    if a.status_level is not None and b.status_level is not None:
        if abs(a.status_level - b.status_level) <= 1 and contrib.get("equality", 0.0) > 0:
            reasons.append((contrib["equality"], ("equal_footing", {})))
    reasons.sort(key=lambda r: -r[0])
    return tuple(r for _, r in reasons)


def test_batch_reasons_match_the_plain_specification() -> None:
    """Ties, zero and negative contributions, unknown values: same reasons, same order."""
    rng = np.random.default_rng(7)
    side_a = crowd(300, 1, "a") + [Candidate(id="bare-a")]
    side_b = crowd(300, 2, "b") + [Candidate(id="bare-b")]
    side_b[0] = dataclasses.replace(side_b[0], birth_year=None, gender=None, status_level=None)
    # Rounded contributions make ties between criteria common; some are zero or negative.
    contrib = rng.choice([-0.2, 0.0, 0.1, 0.2, 0.3, 0.5], size=(len(side_a), len(CRITERIA)))
    km = np.where(rng.random(len(side_a)) < 0.2, np.nan, rng.random(len(side_a)) * 6)
    got = pair_reasons_many(side_a, side_b, contrib, km, year=2026)
    assert len(got) == len(side_a)
    for a, b, row, d, reasons in zip(side_a, side_b, contrib, km, got, strict=True):
        contrib_map = dict(zip(CRITERIA, row.tolist(), strict=True))
        distance = None if np.isnan(d) else float(d)
        expected = reference_reasons(a, b, contrib_map, distance)
        assert reasons == expected
        assert pair_reasons(a, b, contrib_map, year=2026, km=distance) == expected


def test_reasons_are_ordered_by_the_criterion_behind_them() -> None:
    base: dict[str, Any] = {"languages": {"nl": 4}, "birth_year": 1990, "gender": "f"}
    jan = Candidate(id="jan", offers={"paperwork"}, status_level=1, waiting_days=100, **base)
    fatima = Candidate(id="fatima", needs={"paperwork"}, status_level=4, **base)
    feasible_first = {"similarity": 0.4, "complementarity": 0.1, "feasibility": 0.9}
    codes = [c for c, _ in pair_reasons(jan, fatima, feasible_first, year=2026, km=0.5)]
    assert codes == [
        "distance_km",
        "shared_language",
        "similar_age",
        "same_gender",
        "helps",
        "status_gap",
    ]
    helping_first = {"similarity": 0.4, "complementarity": 0.6, "fairness": 0.05}
    reasons = pair_reasons(jan, fatima, helping_first, year=2026, km=None)
    assert reasons[0] == ("helps", {"from": "jan", "to": "fatima", "tag": "paperwork"})
    assert [c for c, _ in reasons][-2:] == ["waiting", "status_gap"]


def test_shared_language_is_the_one_both_speak_best() -> None:
    a = Candidate(id="a", languages={"nl": 3, "ar": 5, "en": 4})
    b = Candidate(id="b", languages={"nl": 5, "ar": 4, "en": 4})
    reasons = pair_reasons(a, b, {"similarity": 1.0}, year=2026, km=None)
    assert reasons[0] == ("shared_language", {"language": "ar"})


def test_participants_never_see_special_category_reasons() -> None:
    side_a, side_b = crowd(60, 31, "a"), crowd(60, 32, "b")
    result = propose(side_a, side_b, RULES)
    assert any(code in SENSITIVE for p in result for code, _ in p.reasons)
    for p in result:
        shown = for_participants(p.reasons)
        assert not {code for code, _ in shown} & SENSITIVE
        assert [r for r in p.reasons if r[0] not in SENSITIVE] == list(shown)


def brute_best_other(owner, other, score, exclude, n):
    best, best_s = [-1] * n, [-np.inf] * n
    for o, t, s in zip(owner.tolist(), other.tolist(), score.tolist(), strict=True):
        if t != exclude[o] and s > best_s[o]:
            best[o], best_s[o] = t, s
    return best, best_s


def test_best_other_skips_the_partner_and_keeps_the_first_of_equals() -> None:
    rng = np.random.default_rng(3)
    n = 40
    owner, other = rng.integers(0, n, 500), rng.integers(0, 60, 500)
    score = rng.integers(0, 5, 500) / 4  # many equal scores
    exclude = np.where(rng.random(n) < 0.5, rng.integers(0, 60, n), -1)
    owner[:3] = n - 1  # owner n-1: three options, the first two equal
    other[:3], score[:3] = [7, 8, 9], [9.0, 9.0, 1.0]
    exclude[n - 1] = 9
    best, best_s = best_other(owner, other, score, exclude, n)
    want, want_s = brute_best_other(owner, other, score, exclude, n)
    assert best.tolist() == want and best_s.tolist() == want_s
    assert best[n - 1] == 7
    empty = best_other(owner[:0], other[:0], score[:0], exclude, n)
    assert (empty[0] == -1).all() and np.isneginf(empty[1]).all()


def usable_scores(side_a, side_b, rules: Rules) -> np.ndarray:
    fa, fb = encode(side_a, side_b, rules)
    i, j = np.divmod(np.arange(len(side_a) * len(side_b)), len(side_b))
    ok = np.logical_and.reduce(list(hard_constraints(fa, fb, i, j, rules).values()))
    s = contributions(fa, fb, i, j, rules).sum(axis=1)
    good = ok & (s >= rules.min_score) & (s > 0)
    return np.where(good, s, -np.inf).reshape(len(side_a), len(side_b))


@pytest.mark.parametrize("dense", [True, False])
def test_runner_ups_are_the_best_other_option(dense: bool) -> None:
    """Dense: the best other usable option; candidate pairs: a usable option, never better."""
    side_a, side_b = crowd(70, 41, "a"), crowd(60, 42, "b")
    rules = dataclasses.replace(RULES, dense_limit=1_000_000 if dense else 0, candidates=5)
    result = propose(side_a, side_b, rules)
    w = usable_scores(side_a, side_b, rules)
    pos_a = {c.id: k for k, c in enumerate(side_a)}
    pos_b = {c.id: k for k, c in enumerate(side_b)}
    assert [p.score for p in result] == sorted((p.score for p in result), reverse=True)
    seen = 0
    for p in result:
        x, y = pos_a[p.a], pos_b[p.b]
        row, col = w[x].copy(), w[:, y].copy()
        row[y] = col[x] = -np.inf
        for alt, options, pos in ((p.runner_up_a, row, pos_b), (p.runner_up_b, col, pos_a)):
            if alt is None:
                assert not dense or not np.isfinite(options).any()
                continue
            seen += 1
            assert options[pos[alt.id]] == pytest.approx(alt.score)
            assert alt.gap == pytest.approx(p.score - alt.score)
            if dense:
                assert alt.score == pytest.approx(options.max())
    assert seen > len(result)


def test_pool_proposals_carry_the_scored_contributions() -> None:
    pool = crowd(90, 51, "t")
    rules = dataclasses.replace(RULES, pool_dense_limit=0, pool_candidates=6)
    result = propose_pool(pool, rules)
    fa, _ = encode(pool, (), rules)
    pos = {c.id: k for k, c in enumerate(pool)}
    assert len(result) > 10
    for p in result:
        i, j = np.array([pos[p.a]]), np.array([pos[p.b]])
        row = contributions(fa, fa, i, j, rules)[0]
        assert list(p.contributions.values()) == pytest.approx(row.tolist(), abs=1e-12)
        km = haversine_km(fa.lat[i], fa.lon[i], fa.lat[j], fa.lon[j])[0]
        distances = [params["km"] for code, params in p.reasons if code == "distance_km"]
        assert distances == ([] if np.isnan(km) else [round(float(km), 1)])


def test_unmatched_without_any_option_get_a_sampled_constraint() -> None:
    """Large runs check a sample of the other side, never fewer than 50 people."""
    mute = [Candidate(id=f"m{k}", languages={"nl": 1}) for k in range(400)]
    speakers = [Candidate(id=f"s{k}", languages={"nl": 4}) for k in range(500)]
    result = propose(mute, speakers, RULES)
    assert len(result) == 0
    why = {u.id: u.reason for u in result.unmatched}
    assert len(why) == 900
    for who, (code, params) in why.items():
        assert code == "no_feasible_candidate" and params["constraint"] == "language"
        other_side = 500 if who.startswith("m") else 400
        assert 50 <= params["checked"] <= other_side
        assert params["excluded"] == params["checked"]


def test_suggest_explains_each_option() -> None:
    me = dataclasses.replace(crowd(1, 61, "me", prefs=False)[0], languages={"nl": 5, "en": 4})
    others = crowd(120, 62, "o")
    fa, fb = encode([me], others, RULES)
    by_id = {c.id: k for k, c in enumerate(others)}
    for option in suggest(me, others, RULES, k=4):
        other = others[by_id[option.b]]
        km = haversine_km(fa.lat[0], fa.lon[0], fb.lat[by_id[option.b]], fb.lon[by_id[option.b]])
        expected = reference_reasons(
            me, other, dict(option.contributions), None if np.isnan(km) else float(km)
        )
        assert option.reasons == expected
        assert option.runner_up_a is None and option.runner_up_b is None


def test_unmatched_reasons_do_not_depend_on_precomputed_runner_ups() -> None:
    from metelkaar.matching.unmatched import Edges, unmatched

    side_a, side_b = crowd(50, 81, "a"), crowd(35, 82, "b")
    fa, fb = encode(side_a, side_b, RULES)
    i, j = np.divmod(np.arange(len(side_a) * len(side_b)), len(side_b))
    ok = np.logical_and.reduce(list(hard_constraints(fa, fb, i, j, RULES).values()))
    edges = Edges(i[ok], j[ok], contributions(fa, fb, i[ok], j[ok], RULES).sum(axis=1))
    use = edges.score >= RULES.min_score
    usable = (edges.i[use], edges.j[use], edges.score[use])
    result = propose(side_a, side_b, RULES)
    pos_a = {c.id: k for k, c in enumerate(side_a)}
    pos_b = {c.id: k for k, c in enumerate(side_b)}
    mate_a, mate_b = np.full(len(side_a), -1), np.full(len(side_b), -1)
    for p in result:
        mate_a[pos_a[p.a]], mate_b[pos_b[p.b]] = pos_b[p.b], pos_a[p.a]
    runner_ups = (
        best_other(usable[0], usable[1], usable[2], mate_a, len(side_a)),
        best_other(usable[1], usable[0], usable[2], mate_b, len(side_b)),
    )
    args = (fa, fb, RULES, False, edges, mate_a, mate_b, usable, side_a, side_b)
    plain = unmatched(*args)
    assert plain == unmatched(*args, runner_ups=runner_ups)
    assert plain == list(result.unmatched)
    assert {u.reason[0] for u in plain} >= {"taken_by_better_fit"}
