"""Maximum-weight matching in a general graph: :func:`pair_up`.

See :mod:`metelkaar.matching.solvers` for the choice of solvers.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from numpy.typing import ArrayLike, NDArray
from scipy.sparse.csgraph import connected_components

from metelkaar.matching.bipartite import _edges

__all__ = ["pair_up"]

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]


#: Integer weights stay below this, so that the float64 kernel is exact on them.
_FLOAT_EXACT = 2**50


def _scale(max_weight: float, n: int) -> float:
    """Power of ten (at most 1e12) keeping ``4 * (n + 1) * max_weight * scale`` float-exact."""
    bound = _FLOAT_EXACT / (max(max_weight, 1e-300) * 4 * (n + 1))
    return float(10.0 ** min(12, int(np.floor(np.log10(bound)))))


def _double_cover(n: int, rows: IntArray, cols: IntArray, w: IntArray) -> tuple[IntArray, IntArray]:
    """Optimal fractional matching of the graph through its bipartite double cover.

    Every vertex is a row and a column, every edge ``{i, j}`` is the two cells
    ``(i, j)`` and ``(j, i)``; each row may also stay unmatched. Returns the
    optimal assignment (``perm[i]``: the column of row ``i``, ``-1`` if none)
    and twice the vertex duals of the fractional matching LP, ``y2 >= 0`` with
    ``y2[i] + y2[j] >= 2 * w`` on every edge, whose sum is twice the LP
    optimum. Integer weights keep every dual integral and the float64 kernel
    exact (``w`` below :data:`_FLOAT_EXACT` / ``4 (n + 1)``).
    """
    top = int(w.max())
    both_r = np.concatenate([rows, cols, np.arange(n, dtype=np.int64)])
    both_c = np.concatenate([cols, rows, n + np.arange(n, dtype=np.int64)])
    cost = np.concatenate([top - w, top - w, np.full(n, top)]).astype(np.float64)
    graph = sp.csr_matrix((cost, (both_r, both_c)), shape=(n, 2 * n))
    graph.sort_indices()
    from metelkaar.matching import _sap  # numba: loaded on the first sparse solve

    col_of, u, v = _sap.solve(graph.indptr, graph.indices, graph.data, 2 * n)
    # Max-weight duals: top - u >= 0 for rows, -v >= 0 for columns.
    y2 = np.rint((top - u) - v[:n]).astype(np.int64)
    return np.where(col_of < n, col_of, -1).astype(np.int64), y2


def _decompose(perm: IntArray, y2: IntArray) -> tuple[IntArray, IntArray]:
    """A matching from the fractional solution, and its vertices left with ``y > 0``.

    ``perm`` splits into 2-cycles (pairs), paths and longer cycles, each
    carrying ``x = 1/2`` on its edges, all tight by complementary slackness.
    Alternate edges of a path or an even cycle cover all its vertices but
    possibly a path end, whose dual is 0; an odd cycle leaves one vertex out
    (the one with the smallest dual). The loss of the matching against the LP
    bound is exactly the sum of the duals of the vertices it leaves out.
    """
    n = len(perm)
    idx = np.arange(n)
    has = perm >= 0
    pred = np.full(n, -1, dtype=np.int64)
    pred[perm[has]] = idx[has]
    two = has & (perm[np.where(has, perm, 0)] == idx) & (perm != idx)
    pairs = [np.column_stack([idx[two & (idx < perm)], perm[two & (idx < perm)]])]
    out: list[int] = []
    seen = two | ~(has | (pred >= 0))
    nxt = perm.tolist()
    # Paths first (a head has no predecessor), then cycles.
    heads = np.flatnonzero(~seen & (pred < 0)).tolist()
    for start in heads + np.flatnonzero(~seen).tolist():
        if seen[start]:
            continue
        walk = [start]
        seen[start] = True
        x = nxt[start]
        while x >= 0 and not seen[x]:
            walk.append(x)
            seen[x] = True
            x = nxt[x]
        c = np.array(walk, dtype=np.int64)
        if x == start and len(c) % 2:
            k = int(np.argmin(y2[c]))
            c = np.roll(c, -k)
            out.append(int(c[0]))
            c = c[1:]
        m = len(c) // 2 * 2
        pairs.append(np.column_stack([c[0:m:2], c[1:m:2]]))
    found = np.sort(np.concatenate(pairs).astype(np.int64), axis=1)
    left = np.array(out, dtype=np.int64)
    return found, left[y2[left] > 0]


def _warm(
    n: int,
    rows: IntArray,
    cols: IntArray,
    w: IntArray,
    start: IntArray,
    y2: IntArray,
    nodes: IntArray,
) -> IntArray:
    """Finish the matching of ``nodes`` with the blossom algorithm started warm.

    The start is the fractional solution's matching ``start`` and duals
    ``y2``; only the vertices it leaves out with a positive dual start
    searches (see :mod:`metelkaar.matching._edmonds`).
    """
    from metelkaar.matching._edmonds import warm_matching

    local = np.full(n, -1, dtype=np.int64)
    local[nodes] = np.arange(len(nodes))
    partner = np.full(len(nodes), -1, dtype=np.int64)
    if len(start):
        partner[local[start[:, 0]]] = local[start[:, 1]]
        partner[local[start[:, 1]]] = local[start[:, 0]]
    found = warm_matching(len(nodes), local[rows], local[cols], w, y2[nodes], partner)
    v = np.flatnonzero(found > np.arange(len(nodes)))
    return np.column_stack([nodes[v], nodes[found[v]]]).astype(np.int64)


def _rustworkx(rows: IntArray, cols: IntArray, w: IntArray, nodes: IntArray) -> IntArray:
    """Edmonds' blossom algorithm from scratch (rustworkx) on integer weights."""
    import rustworkx as rx

    graph: rx.PyGraph = rx.PyGraph(multigraph=False)
    index = graph.add_nodes_from(nodes.tolist())
    where = dict(zip(nodes.tolist(), index, strict=True))
    triples = zip(rows.tolist(), cols.tolist(), w.tolist(), strict=True)
    graph.add_edges_from([(where[i], where[j], x) for i, j, x in triples])
    found = rx.max_weight_matching(graph, max_cardinality=False, weight_fn=int)
    out = np.array(sorted(found), dtype=np.int64).reshape(-1, 2)
    return nodes[out] if len(out) else out


#: How components left fractional are finished: "warm" (blossom from the
#: fractional solution) or "rustworkx" (blossom from scratch, a reference).
FINISH = "warm"


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
    Scores are scaled to integers (a power of ten, at most ``1e12``, small
    enough for exact float64 arithmetic in the kernel): exact for scores on
    that grid, within ``n / S`` otherwise. The fractional relaxation (degree
    constraints only) is solved exactly as an assignment on the bipartite
    double cover (every person a row and a column, see
    :func:`~metelkaar.matching.assign`), which also gives optimal duals
    ``y``. Its optimum is half-integral [1]_: 2-cycles are pairs, paths and
    even cycles split into pairs of the same total, and every vertex left
    out has ``y = 0``, so that matching meets the LP bound except on the odd
    cycles. A connected component without an odd cycle is solved. In the
    others, only the vertex each odd cycle leaves out starts a search of
    Edmonds' blossom algorithm with Galil's dual updates [2]_ (compiled with
    numba, :mod:`~metelkaar.matching._edmonds`), started warm from that
    matching and those duals (a search ends at a single vertex whose dual is
    0, or when a vertex's dual reaches 0; at the end every slack is
    non-negative, matched edges and full blossoms are tight and singles have
    dual 0, which is optimality). :math:`O(n^3)` worst case like the cold
    algorithm, but the work grows with the number of odd cycles.

    References
    ----------
    .. [1] A. Schrijver, "Combinatorial Optimization", Springer (2003),
       section 30.2 (the fractional matching polytope is half-integral).
    .. [2] J. Edmonds, "Paths, trees, and flowers", Canadian Journal of
       Mathematics 17 (1965) 449-467; Z. Galil, "Efficient algorithms for
       finding maximum matching in graphs", ACM Computing Surveys 18 (1986)
       23-38.

    Examples
    --------
    >>> import numpy as np
    >>> s = np.array([[0, 3, 2, 0], [3, 0, 0, 2], [2, 0, 0, 0], [0, 2, 0, 0]], float)
    >>> pair_up(s)
    [(0, 2), (1, 3)]
    """
    if sp.issparse(scores):
        shape, rows, cols, w = _edges(sp.triu(sp.coo_matrix(scores), k=1), min_score)
    else:
        dense = np.triu(np.asarray(scores, dtype=np.float64), k=1)
        shape, rows, cols, w = _edges(dense, min_score)
    if shape[0] != shape[1]:
        raise ValueError(f"scores must be square, got {shape}")
    if len(w) == 0:
        return []
    n = shape[0]
    weights = np.rint(w * _scale(float(w.max()), n)).astype(np.int64)
    perm, y2 = _double_cover(n, rows, cols, weights)
    pairs, left = _decompose(perm, y2)
    if len(left):
        graph = sp.coo_matrix((w, (rows, cols)), shape=(n, n))
        _, label = connected_components(graph, directed=False)
        bad = np.zeros(label.max() + 1, dtype=bool)
        bad[label[left]] = True
        done = ~bad[label[pairs[:, 0]]]
        sub = bad[label[rows]]
        nodes = np.flatnonzero(bad[label])
        if FINISH == "warm":
            rest = _warm(n, rows[sub], cols[sub], weights[sub], pairs[~done], y2, nodes)
        else:
            rest = _rustworkx(rows[sub], cols[sub], weights[sub], nodes)
        pairs = np.concatenate([pairs[done], np.sort(rest, axis=1)])
    pairs = pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]
    return [(int(i), int(j)) for i, j in pairs]
