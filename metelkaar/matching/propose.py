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

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from metelkaar.matching.candidates import all_pairs, candidate_pairs
from metelkaar.matching.explain import pair_reasons
from metelkaar.matching.scoring import (
    Features,
    contributions,
    encode,
    hard_constraints,
    haversine_km,
)
from metelkaar.matching.solvers import assign, pair_up
from metelkaar.matching.types import (
    CRITERIA,
    Alternative,
    Candidate,
    Proposal,
    Proposals,
    Rules,
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


def _score_edges(
    fa: Features, fb: Features, i: Idx, j: Idx, rules: Rules, progress: Progress
) -> Edges:
    keep_i, keep_j, keep_c = [], [], []
    for start in range(0, len(i), _CHUNK):
        ci, cj = i[start : start + _CHUNK], j[start : start + _CHUNK]
        ok = np.logical_and.reduce(list(hard_constraints(fa, fb, ci, cj, rules).values()))
        ci, cj = ci[ok], cj[ok]
        keep_i.append(ci)
        keep_j.append(cj)
        keep_c.append(contributions(fa, fb, ci, cj, rules))
        progress("scoring", min(1.0, (start + _CHUNK) / max(len(i), 1)))
    if not keep_i:
        return Edges(i[:0], j[:0], np.zeros((0, len(CRITERIA))))
    return Edges(np.concatenate(keep_i), np.concatenate(keep_j), np.concatenate(keep_c))


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
    else:
        progress("candidates", 0.0)
        i, j = candidate_pairs(fa, fb, rules, pool=pool)
    clock["candidates"] = time.perf_counter()
    edges = _score_edges(fa, fb, i, j, rules, progress)
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

    mate_a = np.full(n_a, -1, dtype=np.int64)
    mate_b = np.full(n_b, -1, dtype=np.int64)
    pa = np.array([p[0] for p in pairs], dtype=np.int64)
    pb = np.array([p[1] for p in pairs], dtype=np.int64)
    mate_a[pa], mate_b[pb] = pb, pa
    if pool:
        mate_a[pb] = pa
        mate_b = mate_a
        owner, other, s = (
            np.concatenate([ui, uj]),
            np.concatenate([uj, ui]),
            np.concatenate([us, us]),
        )
        alt_a, alt_a_s = best_other(owner, other, s, mate_a, n_a)
        alt_b, alt_b_s = alt_a, alt_a_s
    else:
        alt_a, alt_a_s = best_other(ui, uj, us, mate_a, n_a)
        alt_b, alt_b_s = best_other(uj, ui, us, mate_b, n_b)

    # Contributions of the chosen pairs, looked up by edge key.
    key = edges.i * max(n_b, 1) + edges.j
    order = np.argsort(key)
    pos = order[np.searchsorted(key[order], pa * max(n_b, 1) + pb)] if len(pa) else pa
    lat_a, lon_a = fa.lat[pa], fa.lon[pa]
    km_all = haversine_km(lat_a, lon_a, fb.lat[pb], fb.lon[pb])
    people_b = side_a if pool else side_b
    proposals = []
    for n, (x, y) in enumerate(zip(pa.tolist(), pb.tolist(), strict=True)):
        row = edges.contrib[pos[n]]
        contrib = {c: float(v) for c, v in zip(CRITERIA, row, strict=True)}
        score = float(edges.score[pos[n]])
        km = None if np.isnan(km_all[n]) else float(km_all[n])
        a, b = side_a[x], people_b[y]
        proposals.append(
            Proposal(
                a=a.id,
                b=b.id,
                score=score,
                contributions=contrib,
                reasons=pair_reasons(a, b, contrib, year=rules.year, km=km),
                runner_up_a=_alt(alt_a[x], alt_a_s[x], score, people_b),
                runner_up_b=_alt(alt_b[y], alt_b_s[y], score, side_a),
            )
        )
    proposals.sort(key=lambda p: -p.score)

    unmatched = unmatched_reasons(
        fa, fb, rules, pool, edges, mate_a, mate_b, (ui, uj, us), side_a, people_b
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
        pairs=tuple(proposals),
        unmatched=tuple(unmatched),
        total_score=float(sum(p.score for p in proposals)),
        stats=stats,
    )


def _alt(
    idx: np.int64, score: np.float64, own: float, people: Sequence[Candidate]
) -> Alternative | None:
    if idx < 0:
        return None
    return Alternative(id=people[int(idx)].id, score=float(score), gap=own - float(score))


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
    """
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
    fa, fb = encode([person], others, rules)
    i = np.zeros(len(others), dtype=np.int64)
    j = np.arange(len(others), dtype=np.int64)
    edges = _score_edges(fa, fb, i, j, rules, _noop)
    ok = (edges.score >= rules.min_score) & (edges.score > 0)
    js, contrib, score = edges.j[ok], edges.contrib[ok], edges.score[ok]
    top = np.argsort(-score, kind="stable")[:k]
    out = []
    for t in top.tolist():
        other = others[int(js[t])]
        c = {name: float(v) for name, v in zip(CRITERIA, contrib[t], strict=True)}
        km = haversine_km(fa.lat[0], fa.lon[0], fb.lat[js[t]], fb.lon[js[t]])
        out.append(
            Proposal(
                a=person.id,
                b=other.id,
                score=float(score[t]),
                contributions=c,
                reasons=pair_reasons(
                    person, other, c, year=rules.year, km=None if np.isnan(km) else float(km)
                ),
            )
        )
    return out
