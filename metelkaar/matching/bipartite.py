"""Maximum-weight bipartite matching: :func:`assign` and :func:`integer_scale`.

See :mod:`metelkaar.matching.solvers` for the choice of solvers.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import scipy.sparse as sp
from numpy.typing import ArrayLike, NDArray
from scipy.optimize import linear_sum_assignment

__all__ = ["assign", "integer_scale"]

Method = Literal["auto", "dense", "sparse"]
FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

#: Below this many cells a sparse input is densified and solved with scipy's dense solver.
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
    if np.isposinf(w).any():
        raise ValueError("scores contain +inf (use -inf for an impossible pair)")
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


def _dense_costs(scores: ArrayLike, min_score: float | None) -> FloatArray:
    """Minus the usable weights of a dense matrix (others 0): one copy of the input.

    Built in place, so a dense run holds the input and this one matrix; scipy
    solves it without another copy.
    """
    cost = np.array(scores, dtype=np.float64, order="C")
    if cost.ndim != 2:
        raise ValueError(f"scores must be 2-D, got {cost.ndim}-D")
    if np.isnan(cost).any():
        raise ValueError("scores contain NaN")
    if np.isposinf(cost).any():
        raise ValueError("scores contain +inf (use -inf for an impossible pair)")
    unusable = cost <= 0
    if min_score is not None:
        unusable |= cost < min_score
    cost[unusable] = 0.0
    np.negative(cost, out=cost)
    return cost


def _assign_dense(cost: FloatArray) -> IntArray:
    """Exact assignment on minus the weights (0 = unmatched), with scipy.

    ``linear_sum_assignment`` (Crouse's shortest augmenting path on floats)
    has no internal "large" constant, so scores of any magnitude are solved
    exactly; lap's LAPJV was wrong above about 1e6.
    """
    r, c = linear_sum_assignment(cost)
    good = cost[r, c] < 0
    return np.column_stack([r[good], c[good]]).astype(np.int64)


def _sparse_to_dense_costs(
    shape: tuple[int, int], rows: IntArray, cols: IntArray, w: FloatArray
) -> FloatArray:
    cost = np.zeros(shape)
    cost[rows, cols] = -w
    return cost


def _assign_sparse(
    shape: tuple[int, int], rows: IntArray, cols: IntArray, w: FloatArray
) -> IntArray:
    """Every row gets its own "stays unmatched" column, then the numba kernel."""
    n_r, n_c = shape
    top = float(w.max())
    cost = np.concatenate([top - w, np.full(n_r, top)])
    rr = np.concatenate([rows, np.arange(n_r, dtype=np.int64)])
    cc = np.concatenate([cols, n_c + np.arange(n_r, dtype=np.int64)])
    graph = sp.csr_matrix((cost, (rr, cc)), shape=(n_r, n_c + n_r))
    graph.sort_indices()
    from metelkaar.matching import _sap  # numba: loaded on the first sparse solve

    col_of, _, _ = _sap.solve(graph.indptr, graph.indices, graph.data, n_c + n_r)
    r = np.flatnonzero(col_of < n_c)
    return np.column_stack([r, col_of[r]]).astype(np.int64)


def assign(
    scores: ArrayLike | sp.spmatrix | sp.sparray,
    *,
    min_score: float | None = None,
    method: Method = "auto",
) -> list[tuple[int, int]]:
    r"""Pair rows with columns so that the total score is maximal.

    Parameters
    ----------
    scores : array_like or scipy.sparse matrix, shape (n_rows, n_cols)
        ``scores[i, j]`` is the value of pairing row ``i`` with column ``j``.
        Rectangular and negative values are allowed; ``-inf`` marks an
        impossible pair; NaN and ``+inf`` raise :class:`ValueError`. In a
        sparse matrix, entries that are **not stored** are impossible and
        stored entries (even ``0.0``) are allowed.
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
    Dense: minus the matrix of usable weights (others 0), built in place in
    one copy of the input, goes to :func:`scipy.optimize.linear_sum_assignment`
    (a shortest augmenting path method in floating point [3]_, exact at any
    magnitude of the scores), :math:`O(n^3)` worst case; zero-weight pairs
    are dropped from the answer, which is exactly "unmatched". A dense
    5,000 x 5,000 input (200 MB) needs about 260 MB more while solved (lap's
    LAPJV needed 1.2 GB and was wrong for scores above about 1e6). Sparse
    with ``E`` usable edges: every row gets its own "stays unmatched" column
    (so the problem is never infeasible) and a numba kernel solves it in two
    phases, as Jonker and Volgenant's LAPJV does: an auction-like augmenting row reduction [1]_,
    [2]_ (a bounded number of bids, each moving one column price by the gap
    between the bidder's two best options), then one shortest augmenting path
    per row still free, Dijkstra with a binary heap on reduced costs [3]_.
    Both phases keep the dual feasible, so the result is exact;
    :math:`O(nE \log n)` worst case. Floating-point scores are used as they
    are (no rounding).

    References
    ----------
    .. [1] R. Jonker and A. Volgenant, "A shortest augmenting path algorithm
       for dense and sparse linear assignment problems", Computing 38 (1987)
       325-340.
    .. [2] D. P. Bertsekas, "The auction algorithm: a distributed relaxation
       method for the assignment problem", Annals of Operations Research 14
       (1988) 105-123.
    .. [3] D. F. Crouse, "On implementing 2D rectangular assignment
       algorithms", IEEE Transactions on Aerospace and Electronic Systems 52
       (2016) 1679-1696.

    Examples
    --------
    >>> import numpy as np
    >>> assign(np.array([[3.0, 1.5], [2.0, -1.0]]))
    [(0, 1), (1, 0)]
    >>> assign(np.array([[3.0, 1.5], [2.0, -1.0]]), min_score=1.6)
    [(0, 0)]
    >>> import scipy.sparse as sp
    >>> assign(sp.csr_matrix(([0.5, 2.0], ([0, 1], [1, 1])), shape=(2, 3)))
    [(1, 1)]
    """
    if not sp.issparse(scores) and method != "sparse":
        cost = _dense_costs(scores, min_score)
        if cost.size == 0 or not (cost < 0).any():
            return []
        pairs = _assign_dense(cost)
    else:
        shape, rows, cols, w = _edges(scores, min_score)
        if len(w) == 0:
            return []
        dense = method == "dense" or (method == "auto" and shape[0] * shape[1] <= DENSE_CELLS)
        if dense:
            pairs = _assign_dense(_sparse_to_dense_costs(shape, rows, cols, w))
        else:
            pairs = _assign_sparse(shape, rows, cols, w)
    pairs = pairs[np.argsort(pairs[:, 0], kind="stable")]
    return [(int(i), int(j)) for i, j in pairs]
