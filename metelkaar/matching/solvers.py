"""Exact matching solvers on score matrices.

Three problems, three functions:

- :func:`assign` -- two sides, maximum-weight bipartite matching (people may
  stay unmatched);
- :func:`pair_up` -- one pool, maximum-weight matching in a general graph;
- :func:`stable_pairs` -- participants' own rankings, deferred acceptance.

The objective of :func:`assign` and :func:`pair_up` is the **maximum total
score**, not the maximum number of pairs. Staying unmatched contributes 0, so a
pair whose score is ``<= 0`` never raises the total and is never returned; a
pair below ``min_score`` is impossible.

Solver choice was made by measurement on a 2-core machine (see
``bench/matching.py``): dense problems go to the Jonker-Volgenant shortest
augmenting path code of ``lap`` [1]_; sparse problems are split into
connected components, small components are solved dense and large ones with
scipy's LAPJVsp [3]_. Goldberg and Kennedy's cost scaling [2]_ (OR-Tools) was
5-13x slower than LAPJVsp on the engine's own candidate graphs (5,000 x 5,000:
44 s vs 3.4 s on a loaded machine), and ``lap.lapmod`` stalls on the padded
problem, so neither is used. General graphs go to Edmonds' blossom algorithm
[4]_ (rustworkx, verified against networkx's implementation in the tests).

References
----------
.. [1] R. Jonker and A. Volgenant, "A shortest augmenting path algorithm for
   dense and sparse linear assignment problems", Computing 38 (1987) 325-340.
.. [2] A. V. Goldberg and R. Kennedy, "An efficient cost scaling algorithm for
   the assignment problem", Mathematical Programming 71 (1995) 153-177.
.. [3] D. F. Crouse, "On implementing 2D rectangular assignment algorithms",
   IEEE Transactions on Aerospace and Electronic Systems 52 (2016) 1679-1696.
.. [4] J. Edmonds, "Paths, trees, and flowers", Canadian Journal of
   Mathematics 17 (1965) 449-467; Z. Galil, "Efficient algorithms for finding
   maximum matching in graphs", ACM Computing Surveys 18 (1986) 23-38.
.. [5] D. Gale and L. S. Shapley, "College admissions and the stability of
   marriage", American Mathematical Monthly 69 (1962) 9-15; D. G. McVitie and
   L. B. Wilson, "The stable marriage problem", CACM 14 (1971) 486-490.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import lap
import numpy as np
import scipy.sparse as sp
from numpy.typing import ArrayLike, NDArray
from scipy.sparse.csgraph import connected_components, min_weight_full_bipartite_matching

__all__ = ["assign", "pair_up", "stable_pairs", "integer_scale"]

Method = Literal["auto", "dense", "sparse"]
FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

#: Below this many cells a sparse input is densified and solved with LAPJV.
DENSE_CELLS = 250_000
#: Largest integer magnitude handed to integer solvers (far below 2**63).
_INT_BUDGET = 2**61


def _edges(
    scores: ArrayLike | sp.spmatrix | sp.sparray, min_score: float | None
) -> tuple[tuple[int, int], IntArray, IntArray, FloatArray]:
    """Return shape and the edges worth taking: finite, ``>= min_score`` and ``> 0``."""
    if sp.issparse(scores):
        coo = sp.coo_matrix(scores)
        coo.sum_duplicates()
        rows = coo.row.astype(np.int64)
        cols = coo.col.astype(np.int64)
        w = np.asarray(coo.data, dtype=np.float64)
        shape = (int(coo.shape[0]), int(coo.shape[1]))
    else:
        dense = np.asarray(scores, dtype=np.float64)
        if dense.ndim != 2:
            raise ValueError(f"scores must be 2-D, got {dense.ndim}-D")
        if np.isnan(dense).any():
            raise ValueError("scores contain NaN")
        shape = (int(dense.shape[0]), int(dense.shape[1]))
        rows, cols = np.nonzero(dense > 0)
        rows = rows.astype(np.int64)
        cols = cols.astype(np.int64)
        w = dense[rows, cols]
    if np.isnan(w).any():
        raise ValueError("scores contain NaN")
    keep = np.isfinite(w) & (w > 0)
    if min_score is not None:
        keep &= w >= min_score
    return shape, rows[keep], cols[keep], w[keep]


def integer_scale(max_weight: float, n_nodes: int) -> float:
    """Largest power of ten that keeps an integer assignment solver overflow-free.

    Cost-scaling solvers multiply costs by about the number of nodes and move
    prices by up to that much again, so ``max_weight * scale * n_nodes**2``
    must stay below ``2**61``.

    Parameters
    ----------
    max_weight : float
        Largest absolute score, ``> 0``.
    n_nodes : int
        Number of nodes on one side of the (padded) problem.

    Returns
    -------
    float
        A power of ten, at most ``1e12``.

    Notes
    -----
    With scale ``S`` the rounded problem is solved exactly; its solution is
    within ``n_nodes / S`` of the optimum of the unrounded scores, and exactly
    optimal when every score is a multiple of ``1 / S`` (the engine rounds its
    scores to ``1e-6``). Complexity O(1).

    Examples
    --------
    >>> integer_scale(10.0, 200_000)
    1000000.0
    """
    bound = _INT_BUDGET / (max(max_weight, 1e-300) * (n_nodes + 1) ** 2)
    return float(10.0 ** min(12, int(np.floor(np.log10(bound)))))


def _assign_dense(
    shape: tuple[int, int], rows: IntArray, cols: IntArray, w: FloatArray
) -> IntArray:
    weights = np.zeros(shape)
    weights[rows, cols] = w
    cost = w.max() - weights
    if shape[0] != shape[1]:
        _, x, _ = lap.lapjv(cost, extend_cost=True)
    else:
        _, x, _ = lap.lapjv(cost)
    r = np.flatnonzero(x >= 0)
    c = x[r].astype(np.int64)
    good = weights[r, c] > 0
    return np.column_stack([r[good], c[good]]).astype(np.int64)


def _assign_scipy(
    shape: tuple[int, int], rows: IntArray, cols: IntArray, w: FloatArray
) -> IntArray:
    n_r, n_c = shape
    graph = sp.coo_matrix((w, (rows, n_r + cols)), shape=(n_r + n_c, n_r + n_c)).tocsr()
    n_comp, label = connected_components(graph, directed=False)
    out: list[IntArray] = []
    comp_of_edge = label[rows]
    order = np.argsort(comp_of_edge, kind="stable")
    bounds = np.searchsorted(comp_of_edge[order], np.arange(n_comp + 1))
    for k in range(n_comp):
        sel = order[bounds[k] : bounds[k + 1]]
        if len(sel) == 0:
            continue
        r_ids, r_loc = np.unique(rows[sel], return_inverse=True)
        c_ids, c_loc = np.unique(cols[sel], return_inverse=True)
        m_r, m_c = len(r_ids), len(c_ids)
        if m_r * m_c <= DENSE_CELLS:
            pairs = _assign_dense((m_r, m_c), r_loc, c_loc, w[sel])
        else:
            # Rows must all be matched: give each row its own "unmatched" column
            # costing as much as its worst real option plus one.
            top = w[sel].max()
            cost = np.concatenate([top - w[sel] + 1.0, np.full(m_r, top + 1.0)])
            rr = np.concatenate([r_loc, np.arange(m_r)])
            cc = np.concatenate([c_loc, m_c + np.arange(m_r)])
            g = sp.csr_matrix((cost, (rr, cc)), shape=(m_r, m_c + m_r))
            ri, ci = min_weight_full_bipartite_matching(g)
            ok = ci < m_c
            pairs = np.column_stack([ri[ok], ci[ok]]).astype(np.int64)
        if len(pairs):
            out.append(np.column_stack([r_ids[pairs[:, 0]], c_ids[pairs[:, 1]]]))
    if not out:
        return np.empty((0, 2), dtype=np.int64)
    return np.concatenate(out).astype(np.int64)


def assign(
    scores: ArrayLike | sp.spmatrix | sp.sparray,
    *,
    min_score: float | None = None,
    method: Method = "auto",
) -> list[tuple[int, int]]:
    """Pair rows with columns so that the total score is maximal.

    Parameters
    ----------
    scores : array_like or scipy.sparse matrix, shape (n_rows, n_cols)
        ``scores[i, j]`` is the value of pairing row ``i`` with column ``j``.
        Rectangular and negative values are allowed; ``-inf`` marks an
        impossible pair. In a sparse matrix, entries that are **not stored**
        are impossible and stored entries (even ``0.0``) are allowed.
    min_score : float, optional
        Pairs scoring below this are impossible.
    method : {"auto", "dense", "sparse"}
        ``"auto"`` densifies small problems and solves large sparse ones on
        their edges only; the other values force a path (for tests and the
        benchmark).

    Returns
    -------
    list of (int, int)
        ``(row, col)`` pairs, sorted by row, forming a matching of maximum
        total score. People may stay unmatched: a pair with score ``<= 0``
        adds nothing and is left out, so the objective is maximum weight,
        not maximum cardinality.

    Notes
    -----
    Dense: the matrix of usable weights (others 0) goes to Jonker-Volgenant
    [1]_, :math:`O(n^3)` worst case; zero-weight pairs are dropped from the
    answer, which is exactly "unmatched". Sparse with ``E`` usable edges:
    per connected component, small ones dense as above, large ones with
    LAPJVsp [3]_ after giving every row its own "stays unmatched" column (so
    the problem is never infeasible), :math:`O(n^2 \\log n + nE)` worst case.
    Floating-point scores are used as they are (no rounding).

    Examples
    --------
    >>> import numpy as np
    >>> assign(np.array([[3.0, 1.0], [2.0, -1.0]]))
    [(0, 1), (1, 0)]
    >>> assign(np.array([[3.0, 1.0], [2.0, -1.0]]), min_score=1.5)
    [(0, 0)]
    >>> import scipy.sparse as sp
    >>> assign(sp.csr_matrix(([0.5, 2.0], ([0, 1], [1, 1])), shape=(2, 3)))
    [(1, 1)]
    """
    shape, rows, cols, w = _edges(scores, min_score)
    if len(w) == 0:
        return []
    n_cells = shape[0] * shape[1]
    dense = method == "dense" or (
        method == "auto" and (not sp.issparse(scores) or n_cells <= DENSE_CELLS)
    )
    if dense:
        pairs = _assign_dense(shape, rows, cols, w)
    else:
        pairs = _assign_scipy(shape, rows, cols, w)
    pairs = pairs[np.argsort(pairs[:, 0], kind="stable")]
    return [(int(i), int(j)) for i, j in pairs]


def pair_up(
    scores: ArrayLike | sp.spmatrix | sp.sparray,
    *,
    min_score: float | None = None,
) -> list[tuple[int, int]]:
    """Pair people of one pool so that the total score is maximal.

    Parameters
    ----------
    scores : array_like or scipy.sparse matrix, shape (n, n)
        Symmetric pair scores; the diagonal is ignored. Only the upper
        triangle is read (``scores[i, j]`` with ``i < j``). Sparse: entries not
        stored are impossible.
    min_score : float, optional
        Pairs scoring below this are impossible.

    Returns
    -------
    list of (int, int)
        Pairs ``(i, j)`` with ``i < j``, sorted, forming a maximum-weight
        matching of the general graph. Pairs scoring ``<= 0`` are never
        returned.

    Notes
    -----
    Edmonds' blossom algorithm with Galil's dual updates [4]_ as implemented by
    rustworkx, :math:`O(n^3)`. Scores are scaled to integers with
    :func:`integer_scale` (exact for scores on that grid, within ``n / S``
    otherwise).

    Examples
    --------
    >>> import numpy as np
    >>> s = np.array([[0, 3, 2, 0], [3, 0, 0, 2], [2, 0, 0, 0], [0, 2, 0, 0]], float)
    >>> pair_up(s)
    [(0, 2), (1, 3)]
    """
    import rustworkx as rx

    if sp.issparse(scores):
        shape, rows, cols, w = _edges(sp.triu(sp.coo_matrix(scores), k=1), min_score)
    else:
        shape, rows, cols, w = _edges(np.triu(np.asarray(scores, dtype=np.float64), k=1), min_score)
    if shape[0] != shape[1]:
        raise ValueError(f"scores must be square, got {shape}")
    if len(w) == 0:
        return []
    scale = integer_scale(float(w.max()), shape[0])
    weights = np.rint(w * scale).astype(np.int64)
    graph: rx.PyGraph = rx.PyGraph(multigraph=False)
    graph.add_nodes_from(range(shape[0]))
    graph.add_edges_from(list(zip(rows.tolist(), cols.tolist(), weights.tolist(), strict=True)))
    found = rx.max_weight_matching(graph, max_cardinality=False, weight_fn=int)
    return sorted((min(u, v), max(u, v)) for u, v in found)


def _rank_table(
    prefs: Sequence[Sequence[int]] | NDArray[np.integer], n_self: int
) -> tuple[IntArray, IntArray, IntArray]:
    """Flatten preference lists into (owner, choice, rank) arrays."""
    if isinstance(prefs, np.ndarray):
        arr = np.asarray(prefs, dtype=np.int64)
        owner = np.repeat(np.arange(arr.shape[0], dtype=np.int64), arr.shape[1])
        rank = np.tile(np.arange(arr.shape[1], dtype=np.int64), arr.shape[0])
        choice = arr.ravel()
        ok = choice >= 0
        return owner[ok], choice[ok], rank[ok]
    lengths = np.fromiter((len(p) for p in prefs), dtype=np.int64, count=n_self)
    if n_self == 0:
        return lengths, lengths, lengths
    total = int(lengths.sum())
    choice = np.fromiter((c for p in prefs for c in p), dtype=np.int64, count=total)
    owner = np.repeat(np.arange(n_self, dtype=np.int64), lengths)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    rank = np.arange(total, dtype=np.int64) - np.repeat(starts, lengths)
    return owner, choice, rank


def stable_pairs(
    prefs_a: Sequence[Sequence[int]] | NDArray[np.integer],
    prefs_b: Sequence[Sequence[int]] | NDArray[np.integer],
) -> list[tuple[int, int]]:
    """Stable matching by deferred acceptance, side A proposing.

    Parameters
    ----------
    prefs_a : sequence of sequences of int, or 2-D int array
        ``prefs_a[i]`` lists the B indices that A-person ``i`` accepts, best
        first; lists may be incomplete. A 2-D array may be padded with ``-1``.
    prefs_b : sequence of sequences of int, or 2-D int array
        The same for side B, listing A indices.

    Returns
    -------
    list of (int, int)
        ``(a, b)`` pairs, sorted by ``a``. Only mutually acceptable pairs are
        formed. The matching is stable (no A and B who both prefer each other
        to what they have) and the best stable matching for every A-person.

    Notes
    -----
    Gale and Shapley's deferred acceptance [5]_, run in McVitie-Wilson rounds:
    every free A-person proposes to the next entry of their list at once and
    every B-person keeps the best proposal so far, with numpy doing one round
    in :math:`O(F \\log F)` for ``F`` proposals. The outcome does not depend on
    the order of proposals, so it is the A-optimal stable matching. At most
    ``L`` proposals in total for ``L`` list entries.

    Examples
    --------
    >>> stable_pairs([[0, 1], [0, 1]], [[1, 0], [0, 1]])
    [(0, 1), (1, 0)]
    >>> stable_pairs([[0], [0]], [[1]])
    [(1, 0)]
    """
    n_a, n_b = len(prefs_a), len(prefs_b)
    a_owner, a_choice, _ = _rank_table(prefs_a, n_a)
    b_owner, b_choice, b_rank = _rank_table(prefs_b, n_b)
    if n_a == 0 or n_b == 0 or len(a_choice) == 0 or len(b_choice) == 0:
        return []
    # rank_of[(b, a)] -> how b ranks a; missing means unacceptable.
    b_key = b_owner * n_a + b_choice
    key_order = np.argsort(b_key, kind="stable")
    b_key_sorted = b_key[key_order]
    b_rank_sorted = b_rank[key_order]
    a_start = np.searchsorted(a_owner, np.arange(n_a + 1))

    big = np.int64(np.iinfo(np.int64).max)
    next_pos = a_start[:-1].copy()
    a_end = a_start[1:]
    held_by = np.full(n_b, -1, dtype=np.int64)  # A-person each B holds
    held_rank = np.full(n_b, big, dtype=np.int64)
    free = np.flatnonzero(next_pos < a_end)
    while len(free):
        targets = a_choice[next_pos[free]]
        next_pos[free] += 1
        keys = targets * n_a + free
        pos = np.searchsorted(b_key_sorted, keys)
        pos_c = np.minimum(pos, len(b_key_sorted) - 1)
        found = b_key_sorted[pos_c] == keys
        ranks = np.where(found, b_rank_sorted[pos_c], big)
        # Best proposal per target this round.
        order = np.lexsort((ranks, targets))
        t_sorted = targets[order]
        first = np.ones(len(order), dtype=bool)
        first[1:] = t_sorted[1:] != t_sorted[:-1]
        best = order[first]
        rejected = [free[order[~first]]]
        bt, br, ba = targets[best], ranks[best], free[best]
        wins = br < held_rank[bt]
        rejected.append(ba[~wins])
        dumped = held_by[bt[wins]]
        rejected.append(dumped[dumped >= 0])
        held_by[bt[wins]] = ba[wins]
        held_rank[bt[wins]] = br[wins]
        again = np.concatenate(rejected)
        free = again[next_pos[again] < a_end[again]]
    b_idx = np.flatnonzero(held_by >= 0)
    pairs = sorted(zip(held_by[b_idx].tolist(), b_idx.tolist(), strict=True))
    return [(int(a), int(b)) for a, b in pairs]
