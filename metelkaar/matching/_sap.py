"""Sparse shortest augmenting path assignment with dual variables (numba).

The kernel behind :func:`metelkaar.matching.assign` on large sparse problems
and the bipartite relaxation of :func:`metelkaar.matching.pair_up`.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from metelkaar.matching._cache import configure

configure()  # before numba compiles or loads a kernel
from numba import njit  # noqa: E402

#: Bids of the auction-like start, per row, before the shortest augmenting
#: paths take over. Bidding on ties can cycle, hence the bound; 64 measured
#: best on the engine's candidate graphs (5,000 to 100,000 people).
ARR_PASSES = 64


@njit(cache=True, nogil=True)
def _push(keys, vals, size, key, val):  # pragma: no cover - compiled
    pos = size
    keys[pos] = key
    vals[pos] = val
    while pos > 0:
        parent = (pos - 1) >> 1
        if keys[parent] <= keys[pos]:
            break
        keys[parent], keys[pos] = keys[pos], keys[parent]
        vals[parent], vals[pos] = vals[pos], vals[parent]
        pos = parent
    return size + 1


@njit(cache=True, nogil=True)
def _pop(keys, vals, size):  # pragma: no cover - compiled
    size -= 1
    keys[0] = keys[size]
    vals[0] = vals[size]
    pos = 0
    while True:
        left = 2 * pos + 1
        if left >= size:
            break
        child = left
        if left + 1 < size and keys[left + 1] < keys[left]:
            child = left + 1
        if keys[pos] <= keys[child]:
            break
        keys[child], keys[pos] = keys[pos], keys[child]
        vals[child], vals[pos] = vals[pos], vals[child]
        pos = child
    return size


@njit(cache=True, nogil=True)
def _relax(
    i, base, indptr, indices, cost, v, dist, pred, pred_cost, done, touched, n_touched,
    hkeys, hvals, size,
):  # pragma: no cover - compiled
    """Offer row ``i``'s edges to the search at distance ``base`` (0 for the root)."""
    for e in range(indptr[i], indptr[i + 1]):
        k = indices[e]
        if done[k]:
            continue
        h = base + cost[e] - v[k]
        if h < dist[k]:
            if dist[k] == np.inf:
                touched[n_touched] = k
                n_touched += 1
            dist[k] = h
            pred[k] = i
            pred_cost[k] = cost[e]
            size = _push(hkeys, hvals, size, h, k)
    return n_touched, size


# Compiled (or loaded from numba's cache) at import, with its one signature,
# so that the first call in a process does not pay for type inference.
@njit(
    "Tuple((int64[:], int64[:], float64[:], int64))"
    "(int64[:], int64[:], float64[:], int64, int64, int64)",
    cache=True,
    nogil=True,
)
def _solve(indptr, indices, cost, n_rows, n_cols, arr_passes):  # pragma: no cover - compiled
    inf = np.inf
    v = np.zeros(n_cols)
    row_of = np.full(n_cols, -1, dtype=np.int64)
    col_of = np.full(n_rows, -1, dtype=np.int64)
    matched_cost = np.zeros(n_rows)
    dist = np.full(n_cols, inf)
    pred = np.full(n_cols, -1, dtype=np.int64)
    pred_cost = np.zeros(n_cols)
    done = np.zeros(n_cols, dtype=np.bool_)
    touched = np.empty(n_cols, dtype=np.int64)
    final = np.empty(n_cols, dtype=np.int64)
    cap = len(indices) + 1
    hkeys = np.empty(cap)
    hvals = np.empty(cap, dtype=np.int64)
    work = 0
    # Augmenting row reduction (Jonker and Volgenant's auction-like start):
    # a free row takes its best column, lowering that column's price to the
    # row's second best reduced cost; whoever held it becomes free again.
    # Keeps v <= 0, v == 0 on unassigned columns and every assigned row on
    # a column of minimum reduced cost, so the augmentation below is exact.
    queue = np.empty(n_rows, dtype=np.int64)
    for i in range(n_rows):
        queue[i] = i
    head = 0
    tail = 0  # the queue is full: head == tail, count == n_rows
    count = n_rows
    budget = arr_passes * n_rows
    while count > 0 and budget > 0:
        budget -= 1
        i = queue[head]
        head = (head + 1) % n_rows
        count -= 1
        u1 = inf
        u2 = inf
        j1 = -1
        j2 = -1
        c1 = 0.0
        c2 = 0.0
        for e in range(indptr[i], indptr[i + 1]):
            j = indices[e]
            h = cost[e] - v[j]
            if h < u2:
                if h < u1:
                    u2 = u1
                    j2 = j1
                    c2 = c1
                    u1 = h
                    j1 = j
                    c1 = cost[e]
                else:
                    u2 = h
                    j2 = j
                    c2 = cost[e]
        if j1 < 0:
            continue  # no option at all: left for the augmentation to report
        i0 = row_of[j1]
        if j2 >= 0 and u1 < u2:
            v[j1] -= u2 - u1
        elif i0 >= 0 and j2 >= 0:
            j1 = j2
            c1 = c2
            i0 = row_of[j1]
        if i0 >= 0:
            col_of[i0] = -1
            queue[tail] = i0
            tail = (tail + 1) % n_rows
            count += 1
        col_of[i] = j1
        row_of[j1] = i
        matched_cost[i] = c1
        work += indptr[i + 1] - indptr[i]
    for root in range(n_rows):
        if col_of[root] >= 0:
            continue
        n_touched = 0
        n_final = 0
        size = 0
        n_touched, size = _relax(
            root, 0.0, indptr, indices, cost, v, dist, pred, pred_cost, done, touched,
            n_touched, hkeys, hvals, size,
        )
        sink = -1
        d_min = 0.0
        while size > 0:
            d = hkeys[0]
            j = hvals[0]
            size = _pop(hkeys, hvals, size)
            if done[j] or d > dist[j]:
                continue
            if row_of[j] < 0:
                sink = j
                d_min = d
                break
            done[j] = True
            final[n_final] = j
            n_final += 1
            i = row_of[j]
            n_touched, size = _relax(
                i, d - (matched_cost[i] - v[j]), indptr, indices, cost, v, dist, pred,
                pred_cost, done, touched, n_touched, hkeys, hvals, size,
            )
        if sink < 0:
            return col_of, row_of, v, -1  # a row with no column at all
        work += n_touched
        for t in range(n_final):
            j = final[t]
            v[j] += dist[j] - d_min
        j = sink
        while True:
            i = pred[j]
            nxt = col_of[i]
            col_of[i] = j
            row_of[j] = i
            matched_cost[i] = pred_cost[j]
            if i == root:
                break
            j = nxt
        for t in range(n_touched):
            k = touched[t]
            dist[k] = inf
            done[k] = False
    return col_of, row_of, v, work


def solve(
    indptr: NDArray[np.int64], indices: NDArray[np.int64], cost: NDArray[np.float64], n_cols: int
) -> tuple[NDArray[np.int64], NDArray[np.float64], NDArray[np.float64]]:
    """Minimum-cost assignment of every row of a sparse cost matrix (CSR).

    Returns ``col_of`` (the column of each row), the row duals ``u`` and the
    column duals ``v`` with ``u[i] + v[j] <= cost[i, j]`` on every edge, equal
    on assigned pairs, ``v <= 0`` and ``v == 0`` on unassigned columns.
    Raises ``ValueError`` when some row cannot be assigned.
    """
    n_rows = len(indptr) - 1
    col_of, _, v, work = _solve(
        indptr.astype(np.int64),
        indices.astype(np.int64),
        cost.astype(np.float64),
        n_rows,
        n_cols,
        ARR_PASSES,
    )
    if work < 0:
        raise ValueError("infeasible: some row cannot be assigned")
    # Row duals from the assigned pairs (reduced cost 0).
    rows = np.repeat(np.arange(n_rows), np.diff(indptr))
    on = indices == col_of[rows]
    u = np.empty(n_rows)
    u[rows[on]] = cost[on] - v[indices[on]]
    return col_of, u, v
