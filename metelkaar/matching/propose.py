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

import time
from collections.abc import Callable, Sequence
from typing import Any

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


def _reason_options(rules: Rules) -> dict[str, Any]:
    """What the reasons need of the rules: the level at which both "speak" a
    language (the required one, else 3) and a language exchange's levels."""
    exchange = (rules.teach_level, rules.learn_level) if rules.language_exchange else None
    return {"language_level": rules.min_language_level or 3, "exchange": exchange}


def _check_people(*groups: Sequence[Candidate]) -> None:
    """Every entry a Candidate and every id used once across ``groups``.

    Ids are how excluded pairs and the results name people: a repeated id
    would make an excluded pair possible again, or pair someone with
    themself.
    """
    seen: set[object] = set()
    repeated: list[object] = []
    for group in groups:
        for person in group:
            if not isinstance(person, Candidate):
                raise TypeError(f"expected Candidate, got {type(person).__name__}")
            if person.id in seen:
                repeated.append(person.id)
            seen.add(person.id)
    if repeated:
        shown = ", ".join(repr(x) for x in repeated[:5])
        more = f" and {len(repeated) - 5} more" if len(repeated) > 5 else ""
        raise ValueError(f"candidate ids must be unique; repeated: {shown}{more}")


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
    pairs = _fill_free(pairs, ui, uj, us, n_a, n_b, pool)
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


def _fill_free(
    pairs: Sequence[tuple[int, int]], ui: Idx, uj: Idx, us: F, n_a: int, n_b: int, pool: bool
) -> list[tuple[int, int]]:
    """Add usable pairs of two people left single, best first.

    An exact optimum leaves none; the solvers' integer or floating-point
    rounding can leave a pair worth next to nothing. Each one added raises
    the total, and afterwards every single person's best option is taken by
    someone, so ``taken_by_better_fit`` always names who.
    """
    free_a = np.ones(n_a, dtype=bool)
    free_b = free_a if pool else np.ones(n_b, dtype=bool)
    chosen = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    free_a[chosen[:, 0]] = False
    free_b[chosen[:, 1]] = False
    loose = np.flatnonzero(free_a[ui] & free_b[uj] & (ui != uj))
    if len(loose) == 0:
        return list(pairs)
    out = list(pairs)
    for e in loose[np.argsort(-us[loose], kind="stable")].tolist():
        x, y = int(ui[e]), int(uj[e])
        if free_a[x] and free_b[y]:
            free_a[x] = free_b[y] = False
            out.append((x, y))
    return out


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
    reasons = pair_reasons_many(
        people_a, partners, contrib, km, year=rules.year, **_reason_options(rules)
    )
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
        E.g. volunteers and newcomers; every id at most once over both
        sides (else :class:`ValueError`). Either may be empty.
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
    people. No process-wide state is changed; a process doing nothing else
    can run it inside :func:`~metelkaar.matching.runtime.batch`.

    Examples
    --------
    >>> from metelkaar.matching.types import Candidate
    >>> volunteers = [Candidate(id="jan", languages={"nl": 5}, offers={"paperwork"})]
    >>> newcomers = [Candidate(id="fatima", languages={"nl": 3}, needs={"paperwork"}),
    ...              Candidate(id="olga", languages={"ru": 5}, needs={"paperwork"})]
    >>> result = propose(volunteers, newcomers)
    >>> [(p.a, p.b) for p in result], [u.id for u in result.unmatched]
    ([('jan', 'fatima')], ['olga'])
    """
    _check_people(side_a, side_b)
    return _run(side_a, side_b, rules or Rules(), False, progress or _noop)


def propose_pool(
    pool: Sequence[Candidate], rules: Rules | None = None, *, progress: Progress | None = None
) -> Proposals:
    """Propose pairs within one pool (tandems), each explained.

    Parameters
    ----------
    pool : sequence of Candidate
        Every id at most once (else :class:`ValueError`).
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
    _check_people(pool)
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
        People they could be paired with; an entry with ``person``'s id (the
        person themself) is skipped.
    rules : Rules, optional
    k : int
        How many options, ``>= 0``.

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
    if isinstance(k, bool) or not isinstance(k, int) or k < 0:
        raise ValueError(f"k must be a whole number >= 0, got {k!r}")
    others = [other for other in others if other.id != person.id]  # never oneself
    _check_people([person], others)
    return _suggest(person, others, rules or Rules(), k)


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
    reasons = pair_reasons_many(
        [person] * len(chosen), chosen, contrib, km, year=rules.year, **_reason_options(rules)
    )
    return [
        Proposal(person.id, other.id, s, dict(zip(CRITERIA, row, strict=True)), r)
        for other, s, row, r in zip(chosen, score.tolist(), contrib.tolist(), reasons, strict=True)
    ]
