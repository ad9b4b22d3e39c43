"""Why people stay unmatched, and everyone's runner-up option.

After the solve, every person without a partner gets one reason code (see
:mod:`metelkaar.matching.explain`):

- ``taken_by_better_fit`` when they had a usable option and it went to
  someone else (in an exact optimum that other pairing is worth more);
- ``below_min_score`` when options passed the hard constraints but none
  reached ``min_score``;
- ``no_feasible_candidate`` otherwise, naming the hard constraint that
  excluded the most people, counted against the whole other side (or a fixed
  random sample of it in large runs) with vectorised checks.

Complexity O(E log E) for E scored pairs plus O(U * S) checks for U people
without any option and a sample of S others.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from metelkaar.matching.scoring import CONSTRAINTS, Features, contributions, hard_constraints
from metelkaar.matching.types import Candidate, Reason, Rules, Unmatched

__all__ = ["Edges", "best_other", "unmatched"]

Idx = NDArray[np.int64]
F = NDArray[np.float64]
_CHUNK = 1_000_000
_CHECK_BUDGET = 300_000


class Edges:
    """Possible pairs with their weighted criteria."""

    def __init__(self, i: Idx, j: Idx, contrib: F) -> None:
        self.i, self.j, self.contrib = i, j, contrib
        self.score = contrib.sum(axis=1)


def best_other(owner: Idx, other: Idx, score: F, exclude: Idx, n: int) -> tuple[Idx, F]:
    """Per owner, the best-scoring ``other`` that is not ``exclude[owner]``."""
    best = np.full(n, -1, dtype=np.int64)
    best_s = np.full(n, -np.inf)
    mask = other != exclude[owner]
    o, t, s = owner[mask], other[mask], score[mask]
    if len(o):
        order = np.lexsort((-s, o))
        first = np.ones(len(order), dtype=bool)
        first[1:] = o[order][1:] != o[order][:-1]
        pick = order[first]
        best[o[pick]] = t[pick]
        best_s[o[pick]] = s[pick]
    return best, best_s


def _why_unmatched(
    who: Idx, fa: Features, fb: Features, rules: Rules, pool: bool
) -> dict[int, Reason]:
    """Most-excluding hard constraint (or a scoring reason) for people without options."""
    out: dict[int, Reason] = {}
    if len(who) == 0:
        return out
    n_other = len(fb)
    sample_size = max(100, min(n_other, _CHECK_BUDGET // len(who)))
    rng = np.random.default_rng(0)
    others = (
        np.arange(n_other) if sample_size >= n_other else rng.choice(n_other, sample_size, False)
    )
    step = max(1, _CHUNK // len(others))
    for start in range(0, len(who), step):
        chunk = who[start : start + step]
        i = np.repeat(chunk, len(others))
        j = np.tile(others, len(chunk)).astype(np.int64)
        shape = (len(chunk), len(others))
        valid = (i != j) if pool else np.ones(len(i), dtype=bool)
        checks = hard_constraints(fa, fb, i, j, rules)
        if pool:
            checks["excluded"] |= ~valid  # oneself is not an option, not an exclusion
        passes = np.logical_and.reduce(list(checks.values())) & valid
        score = np.full(len(i), -np.inf)
        score[passes] = contributions(fa, fb, i[passes], j[passes], rules).sum(axis=1)
        best_score = score.reshape(shape).max(axis=1)
        any_pass = passes.reshape(shape).any(axis=1)
        checked = valid.reshape(shape).sum(axis=1)
        fails = np.column_stack(
            [(~checks[c] & valid).reshape(shape).sum(axis=1) for c in CONSTRAINTS]
        )
        worst = fails.argmax(axis=1)
        for row, p in enumerate(chunk.tolist()):
            if any_pass[row]:
                out[p] = (
                    "below_min_score",
                    {"best_score": round(float(best_score[row]), 4), "min_score": rules.min_score},
                )
            else:
                out[p] = (
                    "no_feasible_candidate",
                    {
                        "constraint": CONSTRAINTS[int(worst[row])],
                        "excluded": int(fails[row, worst[row]]),
                        "checked": int(checked[row]),
                    },
                )
    return out


def unmatched(
    fa: Features,
    fb: Features,
    rules: Rules,
    pool: bool,
    edges: Edges,
    mate_a: Idx,
    mate_b: Idx,
    usable: tuple[Idx, Idx, F],
    side_a: Sequence[Candidate],
    people_b: Sequence[Candidate],
) -> list[Unmatched]:
    ui, uj, us = usable
    out: list[Unmatched] = []
    sides = [(fa, fb, mate_a, mate_b, ui, uj, side_a, people_b, edges.i, edges.j)]
    if not pool:
        sides.append((fb, fa, mate_b, mate_a, uj, ui, people_b, side_a, edges.j, edges.i))
    for me, them, my_mate, their_mate, own, oth, mine, theirs, e_own, e_oth in sides:
        if pool:
            own, oth = np.concatenate([ui, uj]), np.concatenate([uj, ui])
            score = np.concatenate([us, us])
            e_all = np.concatenate([e_own, e_oth])
        else:
            score, e_all = us, e_own
        lonely = np.flatnonzero(my_mate < 0)
        best, best_s = best_other(own, oth, score, my_mate, len(me))
        has_possible = np.zeros(len(me), dtype=bool)
        has_possible[e_all] = True
        top_possible = np.full(len(me), -np.inf)
        np.maximum.at(top_possible, e_all, np.concatenate([edges.score] * (2 if pool else 1)))
        reasons: dict[int, Reason] = {}
        for p in lonely[best[lonely] >= 0].tolist():
            q = int(best[p])
            taker = int(their_mate[q])
            reasons[p] = (
                "taken_by_better_fit",
                {
                    "best": theirs[q].id,
                    "best_score": round(float(best_s[p]), 4),
                    "taken_by": mine[taker].id if taker >= 0 else None,
                },
            )
        rest = lonely[(best[lonely] < 0)]
        scored_only = rest[has_possible[rest]]
        for p in scored_only.tolist():
            reasons[p] = (
                "below_min_score",
                {"best_score": round(float(top_possible[p]), 4), "min_score": rules.min_score},
            )
        reasons.update(_why_unmatched(rest[~has_possible[rest]], me, them, rules, pool))
        out.extend(Unmatched(id=mine[p].id, reason=reasons[p]) for p in lonely.tolist())
    return out
