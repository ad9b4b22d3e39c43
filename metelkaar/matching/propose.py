"""People in, explained proposals out.

:func:`propose` (two sides), :func:`propose_pool` (one pool, tandems) and
:func:`suggest` (top options for one newcomer) run the whole engine: encode,
choose candidate pairs (all pairs up to :attr:`Rules.dense_limit`, blocking
and two-sided nearest neighbours above it), apply hard constraints, score,
solve exactly on the candidate pairs, explain.

Examples
--------
>>> from metelkaar.matching.types import Candidate, Rules
>>> fatima = Candidate(id="fatima", birth_year=1991, languages={"nl": 3, "ar": 5},
...                    needs={"paperwork"}, offers={"cooking"})
>>> jan = Candidate(id="jan", birth_year=1988, languages={"nl": 5},
...                 offers={"paperwork"}, needs={"cooking"})
>>> olga = Candidate(id="olga", birth_year=1950, languages={"ru": 5})
>>> result = propose([fatima, olga], [jan], Rules(reference_year=2026))
>>> [(p.a, p.b) for p in result]
[('fatima', 'jan')]
>>> result.pairs[0].reasons[0]
('helps', {'from': 'fatima', 'to': 'jan', 'tag': 'cooking'})
>>> sorted(code for code, _ in result.pairs[0].reasons)
['helps', 'helps', 'mutual_help', 'shared_language', 'similar_age']
>>> result.unmatched[0].reason
('no_feasible_candidate', {'constraint': 'language', 'excluded': 1, 'checked': 1})
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from metelkaar.matching.candidates import all_pairs, candidate_pairs
from metelkaar.matching.explain import pair_reasons_many
from metelkaar.matching.scoring import (
    Features,
    contributions,
    encode,
    haversine_km,
    score_pairs,
)
from metelkaar.matching.solvers import assign, pair_up
from metelkaar.matching.types import (
    CRITERIA,
    Alternative,
    Candidate,
    Proposal,
    Proposals,
    Rules,
    Unmatched,
)
from metelkaar.matching.unmatched import Edges, best_other
from metelkaar.matching.unmatched import unmatched as unmatched_reasons

__all__ = ["propose", "propose_pool", "suggest"]

Progress = Callable[[str, float], None]
Idx = NDArray[np.int64]
F = NDArray[np.float64]
_CHUNK = 1_000_000


def _noop(stage: str, fraction: float) -> None:
    return None


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration of a run.

    A run allocates millions of small acyclic objects (codes while encoding,
    reason tuples while explaining) while all candidates are alive; every
    full collection would walk those candidates again (measured: half of
    :func:`encode`'s time and most of the explaining stage's at 100,000
    people). Memory is still freed by reference counting; the collector is
    switched back on afterwards if it was on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _score_edges(
    fa: Features, fb: Features, i: Idx, j: Idx, rules: Rules, progress: Progress
) -> Edges:
    """The pairs ``(i, j)`` that pass every hard constraint, with their scores.

    Only totals are kept (8 bytes a pair); the explaining stage computes the
    criteria's contributions for the chosen pairs alone.
    """
    keep_i, keep_j, keep_s = [i[:0]], [j[:0]], [np.zeros(0)]
    for start in range(0, len(i), _CHUNK):
        ci, cj = i[start : start + _CHUNK], j[start : start + _CHUNK]
        ok, score = score_pairs(fa, fb, ci, cj, rules)
        keep_i.append(ci[ok])
        keep_j.append(cj[ok])
        keep_s.append(score[ok])
        progress("scoring", min(1.0, (start + _CHUNK) / max(len(i), 1)))
    return Edges(np.concatenate(keep_i), np.concatenate(keep_j), np.concatenate(keep_s))


def _run(
    side_a: Sequence[Candidate],
    side_b: Sequence[Candidate],
    rules: Rules,
    pool: bool,
    progress: Progress,
) -> Proposals:
    clock = {"start": time.perf_counter()}
    if pool:
        fa, _ = encode(side_a, (), rules)
        fb = fa
    else:
        fa, fb = encode(side_a, side_b, rules)
    n_a, n_b = len(fa), len(fb)
    cells = n_a * (n_a - 1) // 2 if pool else n_a * n_b
    dense = cells <= (rules.pool_dense_limit if pool else rules.dense_limit)
    if dense:
        i, j = all_pairs(n_a, n_b, pool=pool)
        clock["candidates"] = time.perf_counter()
        edges = _score_edges(fa, fb, i, j, rules, progress)
    else:
        progress("candidates", 0.0)
        # Candidate search scores its pairs exactly already: no second pass.
        i, j, score = candidate_pairs(fa, fb, rules, pool=pool, with_scores=True)
        clock["candidates"] = time.perf_counter()
        edges = Edges(i, j, score)
    usable = (edges.score >= rules.min_score) & (edges.score > 0)
    ui, uj, us = edges.i[usable], edges.j[usable], edges.score[usable]
    clock["scoring"] = time.perf_counter()
    progress("solving", 0.0)
    if pool:
        matrix = sp.csr_matrix((us, (ui, uj)), shape=(n_a, n_a))
        pairs = pair_up(matrix)
    elif dense and len(us) > 0.25 * max(cells, 1):
        full = np.full((n_a, n_b), -np.inf)
        full[ui, uj] = us
        pairs = assign(full)
    else:
        pairs = assign(sp.csr_matrix((us, (ui, uj)), shape=(n_a, n_b)))
    clock["solving"] = time.perf_counter()
    progress("explaining", 0.0)
    proposals, unmatched = _explain(
        side_a, side_a if pool else side_b, fa, fb, rules, pool, edges, (ui, uj, us), pairs
    )
    clock["explaining"] = time.perf_counter()
    progress("done", 1.0)
    stats = {
        "people_a": n_a,
        "people_b": n_b if not pool else n_a,
        "dense": dense,
        "candidate_pairs": len(i),
        "possible_pairs": len(edges.i),
        "usable_pairs": len(us),
        "seconds": {
            stage: round(clock[stage] - clock[prev], 4)
            for prev, stage in zip(
                ["start", "candidates", "scoring", "solving"],
                ["candidates", "scoring", "solving", "explaining"],
                strict=True,
            )
        },
    }
    return Proposals(
        pairs=proposals,
        unmatched=unmatched,
        total_score=float(sum(p.score for p in proposals)),
        stats=stats,
    )


def _explain(
    side_a: Sequence[Candidate],
    people_b: Sequence[Candidate],
    fa: Features,
    fb: Features,
    rules: Rules,
    pool: bool,
    edges: Edges,
    usable: tuple[Idx, Idx, F],
    pairs: Sequence[tuple[int, int]] | NDArray[np.int64],
) -> tuple[tuple[Proposal, ...], tuple[Unmatched, ...]]:
    """Proposals by descending score and the unmatched, each explained.

    Everything per pair is vectorised except building the result objects and
    the reasons' set intersections (:func:`pair_reasons_many`): O(E) over
    the E scored pairs plus O(P) small Python steps for P people.
    """
    n_a, n_b = len(fa), len(fb)
    ui, uj, us = usable
    chosen = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    pa, pb = chosen[:, 0], chosen[:, 1]
    mate_a = np.full(n_a, -1, dtype=np.int64)
    mate_a[pa] = pb
    if pool:
        mate_a[pb] = pa
        mate_b = mate_a
        alt_a = alt_b = best_other(
            np.concatenate([ui, uj]),
            np.concatenate([uj, ui]),
            np.concatenate([us, us]),
            mate_a,
            n_a,
        )
    else:
        mate_b = np.full(n_b, -1, dtype=np.int64)
        mate_b[pb] = pa
        alt_a = best_other(ui, uj, us, mate_a, n_a)
        alt_b = best_other(uj, ui, us, mate_b, n_b)

    # Criteria of the chosen pairs only; they sum to the score the solver saw.
    contrib = contributions(fa, fb, pa, pb, rules)
    order = np.argsort(-contrib.sum(axis=1), kind="stable")
    pa, pb, contrib = pa[order], pb[order], contrib[order]
    score = contrib.sum(axis=1)
    km = haversine_km(fa.lat[pa], fa.lon[pa], fb.lat[pb], fb.lon[pb])
    xs, ys = pa.tolist(), pb.tolist()
    people_a = [side_a[x] for x in xs]
    partners = [people_b[y] for y in ys]
    reasons = pair_reasons_many(people_a, partners, contrib, km, year=rules.year)
    runner_a = _alternatives(alt_a[0][pa], alt_a[1][pa], score, people_b)
    runner_b = _alternatives(alt_b[0][pb], alt_b[1][pb], score, side_a)
    proposals = tuple(
        Proposal(a.id, b.id, s, dict(zip(CRITERIA, row, strict=True)), r, ra, rb)
        for a, b, s, row, r, ra, rb in zip(
            people_a,
            partners,
            score.tolist(),
            contrib.tolist(),
            reasons,
            runner_a,
            runner_b,
            strict=True,
        )
    )
    unmatched = unmatched_reasons(
        fa,
        fb,
        rules,
        pool,
        edges,
        mate_a,
        mate_b,
        usable,
        side_a,
        people_b,
        runner_ups=(alt_a, alt_b),
    )
    return proposals, tuple(unmatched)


def _alternatives(
    idx: Idx, alt_score: F, own: F, people: Sequence[Candidate]
) -> list[Alternative | None]:
    """Runner-ups for the proposals: person ``idx`` (or none when ``-1``)."""
    gaps = (own - alt_score).tolist()
    return [
        None if i < 0 else Alternative(people[i].id, s, g)
        for i, s, g in zip(idx.tolist(), alt_score.tolist(), gaps, strict=True)
    ]


def propose(
    side_a: Sequence[Candidate],
    side_b: Sequence[Candidate],
    rules: Rules | None = None,
    *,
    progress: Progress | None = None,
) -> Proposals:
    """Propose pairs between two sides, each explained.

    Parameters
    ----------
    side_a, side_b : sequence of Candidate
        E.g. volunteers and newcomers.
    rules : Rules, optional
        Weights, threshold and constraints (defaults: :class:`Rules`).
    progress : callable, optional
        Called as ``progress(stage, fraction)`` with stages "candidates",
        "scoring", "solving", "explaining", "done".

    Returns
    -------
    Proposals
        Pairs by descending score (``a`` from side A, ``b`` from side B) with
        contributions, reasons and runner-ups; every unmatched person with
        a reason; ``stats`` with sizes and seconds per stage.

    Notes
    -----
    Up to ``rules.dense_limit`` pairs every pair is scored; above, candidate
    pairs come from :func:`~metelkaar.matching.candidates.candidate_pairs`.
    The solve is exact on the scored pairs (:func:`~metelkaar.matching.solvers.assign`).
    Time O(E) scoring plus the solver; memory O(E) for E scored pairs.
    Explaining is vectorised over the E pairs (runner-ups, the chosen pairs'
    contributions, reasons' order) plus O(P) small Python steps for P
    people. Python's cyclic garbage collector is paused during the run (see
    ``_gc_paused``).
    """
    with _gc_paused():
        return _run(side_a, side_b, rules or Rules(), False, progress or _noop)


def propose_pool(
    pool: Sequence[Candidate], rules: Rules | None = None, *, progress: Progress | None = None
) -> Proposals:
    """Propose pairs within one pool (tandems), each explained.

    Parameters
    ----------
    pool : sequence of Candidate
    rules : Rules, optional
    progress : callable, optional
        As in :func:`propose`.

    Returns
    -------
    Proposals
        As in :func:`propose`; which person is ``a`` carries no meaning.

    Notes
    -----
    Exact maximum-weight matching on the scored pairs
    (:func:`~metelkaar.matching.solvers.pair_up`).

    Examples
    --------
    >>> from metelkaar.matching.types import Candidate
    >>> pool = [Candidate(id=n, languages={"nl": 4, "en": 4}, birth_year=1980 + n)
    ...         for n in range(4)]
    >>> sorted((p.a, p.b) for p in propose_pool(pool, Rules(reference_year=2026)))
    [(0, 1), (2, 3)]
    """
    with _gc_paused():
        return _run(pool, pool, rules or Rules(), True, progress or _noop)


def suggest(
    person: Candidate, others: Sequence[Candidate], rules: Rules | None = None, k: int = 5
) -> list[Proposal]:
    """The top ``k`` options for one person, without solving the pool.

    Parameters
    ----------
    person : Candidate
        A newcomer.
    others : sequence of Candidate
        People they could be paired with.
    rules : Rules, optional
    k : int
        How many options.

    Returns
    -------
    list of Proposal
        Best first, only pairs passing the hard constraints and
        ``min_score``; ``a`` is ``person``.

    Notes
    -----
    O(n) vectorised scoring of one row plus O(n) selection.

    Examples
    --------
    >>> me = Candidate(id="me", birth_year=1990, languages={"nl": 4})
    >>> others = [Candidate(id=n, birth_year=1960 + 10 * n, languages={"nl": 3})
    ...           for n in range(4)]
    >>> [p.b for p in suggest(me, others, Rules(reference_year=2026), k=2)]
    [3, 2]
    """
    rules = rules or Rules()
    with _gc_paused():
        return _suggest(person, others, rules, k)


def _suggest(
    person: Candidate, others: Sequence[Candidate], rules: Rules, k: int
) -> list[Proposal]:
    fa, fb = encode([person], others, rules)
    i = np.zeros(len(others), dtype=np.int64)
    j = np.arange(len(others), dtype=np.int64)
    edges = _score_edges(fa, fb, i, j, rules, _noop)
    ok = (edges.score >= rules.min_score) & (edges.score > 0)
    js, score = edges.j[ok], edges.score[ok]
    if 0 < k < len(score):  # the k best without sorting everyone; ties as a stable sort
        kth = np.partition(score, len(score) - k)[len(score) - k]
        near = np.flatnonzero(score >= kth)
        top = near[np.argsort(-score[near], kind="stable")[:k]]
    else:
        top = np.argsort(-score, kind="stable")[:k]
    js, score = js[top], score[top]
    contrib = contributions(fa, fb, np.zeros(len(js), dtype=np.int64), js, rules)
    km = haversine_km(fa.lat[0], fa.lon[0], fb.lat[js], fb.lon[js])
    chosen = [others[j] for j in js.tolist()]
    reasons = pair_reasons_many([person] * len(chosen), chosen, contrib, km, year=rules.year)
    return [
        Proposal(person.id, other.id, s, dict(zip(CRITERIA, row, strict=True)), r)
        for other, s, row, r in zip(chosen, score.tolist(), contrib.tolist(), reasons, strict=True)
    ]
