"""Why people stay unmatched, and everyone's runner-up option.

After the solve, every person without a partner gets one reason code (see
:mod:`metelkaar.matching.explain`):

- ``nobody_to_pair`` when the other side is empty (or the pool holds them
  alone);
- ``taken_by_better_fit`` when they had a usable option and it went to
  someone else (in an exact optimum that other pairing is worth more);
- ``below_min_score`` when options passed the hard constraints but none
  reached ``min_score``;
- ``not_reached`` when the candidate search of a large run offered them
  nothing although a sampled partner passes and reaches ``min_score``;
- ``no_feasible_candidate`` otherwise, naming the hard constraint that
  excluded the most people, counted against the whole other side (or a fixed
  random sample of it in large runs) with vectorised checks.

Complexity O(E) for E scored pairs plus O(U * S) vectorised checks for U
people without any possible pair and a sample of S others: the whole other
side when ``U * S`` stays within 100,000 checks, else ``100,000 / U`` others
but at least 50 (the same sample for everyone, drawn with a fixed seed).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from metelkaar.matching.scoring import CONSTRAINTS, Features, contributions, hard_constraints
from metelkaar.matching.types import Candidate, Reason, Rules, Unmatched

__all__ = ["Edges", "best_other", "unmatched"]

Idx = NDArray[np.int64]
F = NDArray[np.float64]
_CHUNK = 1_000_000
_CHECK_BUDGET = 100_000
_MIN_SAMPLE = 50


class Edges:
    """Possible pairs (they pass every hard constraint) and their scores."""

    def __init__(self, i: Idx, j: Idx, score: F) -> None:
        self.i, self.j, self.score = i, j, score


def best_other(owner: Idx, other: Idx, score: F, exclude: Idx, n: int) -> tuple[Idx, F]:
    """Per owner, the best-scoring ``other`` that is not ``exclude[owner]``.

    Parameters
    ----------
    owner, other : ndarray of int
        Edge ``e`` offers ``other[e]`` to ``owner[e]`` (owners in ``range(n)``).
    score : ndarray of float
        Score of each edge.
    exclude : ndarray of int, shape (n,)
        Per owner the one ``other`` to skip (the proposed partner), ``-1`` for
        none.
    n : int
        Number of owners.

    Returns
    -------
    best : ndarray of int, shape (n,)
        The best other per owner, ``-1`` when there is none.
    best_score : ndarray of float, shape (n,)
        Its score, ``-inf`` when there is none.

    Notes
    -----
    A counting sort of the edges by owner (through :mod:`scipy.sparse`) and
    one :func:`numpy.maximum.reduceat`: O(E + n) for E edges, no comparison
    sort. Of equal scores the first edge wins.

    Examples
    --------
    >>> import numpy as np
    >>> owner, other = np.array([0, 0, 0, 1]), np.array([5, 6, 7, 5])
    >>> best, score = best_other(owner, other, np.array([0.9, 0.7, 0.8, 0.4]),
    ...                          np.array([5, -1]), 2)
    >>> best.tolist(), score.tolist()
    ([7, 5], [0.8, 0.4])
    """
    best = np.full(n, -1, dtype=np.int64)
    best_s = np.full(n, -np.inf)
    m = len(owner)
    if m == 0:
        return best, best_s
    # Edges grouped by owner, in their order: a counting sort (one edge per row, owner
    # as column; the column-major copy lists each owner's edges by row).
    by_owner = sp.csr_matrix(
        (np.ones(m, dtype=np.int8), owner, np.arange(m + 1)), shape=(m, n)
    ).tocsc()
    order, bounds = by_owner.indices, by_owner.indptr
    o, t = owner[order], other[order]
    s = np.where(t != exclude[o], score[order], -np.inf)
    has = np.flatnonzero(bounds[1:] > bounds[:-1])
    best_s[has] = np.maximum.reduceat(s, bounds[has])
    hit = np.flatnonzero((s == best_s[o]) & (s > -np.inf))
    first = hit[np.r_[True, o[hit][1:] != o[hit][:-1]]] if len(hit) else hit
    best[o[first]] = t[first]
    return best, best_s


def _why_unmatched(
    who: Idx, fa: Features, fb: Features, rules: Rules, pool: bool
) -> dict[int, Reason]:
    """Most-excluding hard constraint (or a scoring reason) for people without options."""
    out: dict[int, Reason] = {}
    if len(who) == 0:
        return out
    min_score = rules.min_score
    n_other = len(fb)
    sample_size = max(_MIN_SAMPLE, min(n_other, _CHECK_BUDGET // len(who)))
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
        excluded = fails[np.arange(len(chunk)), worst]
        for p, passed, top, w, n_excluded, n_checked in zip(
            chunk.tolist(),
            any_pass.tolist(),
            best_score.tolist(),
            worst.tolist(),
            excluded.tolist(),
            checked.tolist(),
            strict=True,
        ):
            if passed and top > 0 and top >= min_score:
                # A usable partner exists but the candidate search missed it.
                out[p] = ("not_reached", {"best_score": round(top, 4)})
            elif passed:
                out[p] = ("below_min_score", {"best_score": round(top, 4), "min_score": min_score})
            else:
                out[p] = (
                    "no_feasible_candidate",
                    {"constraint": CONSTRAINTS[w], "excluded": n_excluded, "checked": n_checked},
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
    *,
    runner_ups: tuple[tuple[Idx, F], tuple[Idx, F]] | None = None,
) -> list[Unmatched]:
    """One reason per person without a partner, side A first.

    Parameters
    ----------
    fa, fb : Features
        The encoded sides (the same object twice for one pool).
    rules : Rules
    pool : bool
        One pool: only side A is reported (it is side B too).
    edges : Edges
        The pairs that passed the hard constraints, with their scores.
    mate_a, mate_b : ndarray of int
        Proposed partner per person, ``-1`` for none.
    usable : (ndarray, ndarray, ndarray)
        ``(i, j, score)`` of the pairs the solver could choose.
    side_a, people_b : sequence of Candidate
    runner_ups : ((best, score), (best, score)), optional
        :func:`best_other` per side, when already computed.

    Returns
    -------
    list of Unmatched

    Notes
    -----
    O(E) for E scored pairs, plus :func:`_why_unmatched`'s sampled checks
    for the people without any possible pair (O(U * S), see the module).
    """
    ui, uj, us = usable
    min_score = rules.min_score
    out: list[Unmatched] = []
    if runner_ups is None:
        if pool:
            both = best_other(
                np.concatenate([ui, uj]),
                np.concatenate([uj, ui]),
                np.concatenate([us, us]),
                mate_a,
                len(fa),
            )
            runner_ups = (both, both)
        else:
            runner_ups = (
                best_other(ui, uj, us, mate_a, len(fa)),
                best_other(uj, ui, us, mate_b, len(fb)),
            )
    sides = [(fa, fb, mate_a, mate_b, runner_ups[0], side_a, people_b, edges.i, edges.j)]
    if not pool:
        sides.append((fb, fa, mate_b, mate_a, runner_ups[1], people_b, side_a, edges.j, edges.i))
    for me, them, my_mate, their_mate, (best, best_s), mine, theirs, e_own, e_oth in sides:
        lonely = np.flatnonzero(my_mate < 0)
        if len(lonely) == 0:
            continue
        if len(them) - (1 if pool else 0) <= 0:  # nobody else at all
            out.extend(Unmatched(mine[p].id, ("nobody_to_pair", {})) for p in lonely.tolist())
            continue
        reasons: dict[int, Reason] = {}
        taken = lonely[best[lonely] >= 0]
        takers = their_mate[best[taken]]
        for p, q, s, taker in zip(
            taken.tolist(),
            best[taken].tolist(),
            best_s[taken].tolist(),
            takers.tolist(),
            strict=True,
        ):
            reasons[p] = (
                "taken_by_better_fit",
                {
                    "best": theirs[q].id,
                    "best_score": round(s, 4),
                    "taken_by": mine[taker].id if taker >= 0 else None,
                },
            )
        rest = lonely[best[lonely] < 0]
        if len(rest):
            # Best possible score of the rest, over the scored pairs that involve them.
            wanted = np.zeros(len(me), dtype=bool)
            wanted[rest] = True
            top_possible = np.full(len(me), -np.inf)
            for own in (e_own, e_oth) if pool else (e_own,):
                at = np.flatnonzero(wanted[own])
                np.maximum.at(top_possible, own[at], edges.score[at])
            scored = np.isfinite(top_possible[rest])
            low = rest[scored]
            for p, s in zip(low.tolist(), top_possible[low].tolist(), strict=True):
                reasons[p] = (
                    "below_min_score",
                    {"best_score": round(s, 4), "min_score": min_score},
                )
            reasons.update(_why_unmatched(rest[~scored], me, them, rules, pool))
        out.extend(Unmatched(mine[p].id, reasons[p]) for p in lonely.tolist())
    return out
