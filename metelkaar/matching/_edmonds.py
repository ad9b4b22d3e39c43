"""Edmonds' blossom algorithm for maximum-weight matching, compiled, started warm.

The array formulation of Joris van Rantwijk's implementation of Galil's
:math:`O(n^3)` primal-dual algorithm (the one networkx's
``max_weight_matching`` is derived from; BSD-3-Clause, see NOTICE), compiled
with numba, with the changes :func:`metelkaar.matching.pair_up` needs:

- it starts from a given matching of tight edges and given vertex duals (any
  start with non-negative slack everywhere is valid for the primal-dual
  method; the engine passes the optimal fractional solution, so only the
  vertices it left fractional start searches);
- only single vertices with a positive dual are roots; a search ends at any
  single vertex (an augmenting path) or when the dual of one of its
  S-vertices reaches 0 (the path from the root to that vertex is flipped
  and the vertex stays single). At the end every single vertex has dual 0,
  which with non-negative slacks, tight matched edges and full blossoms is
  optimality for maximum weight;
- with ``keep_zero``, S-blossoms whose dual is 0 at the end of a stage are
  kept instead of expanded (their inner edges stay tight and they stay full,
  so they remain valid) and the next stage does not rebuild them;
- no recursion: blossom leaves, expansion and augmentation work on explicit
  stacks.

Weights and duals are integers; the caller doubles both so that every dual
is even at the start and all labelled vertices share one parity (the slack
between two S-vertices stays even). ``endpoint[p]`` is vertex ``i`` of edge
``p // 2`` for even ``p`` and ``j`` for odd ``p``; ``mate[v]`` is the far
endpoint of ``v``'s matched edge or -1.
"""

from __future__ import annotations

import numpy as np
from numba import njit, types
from numba.typed import List
from numpy.typing import NDArray

# Rows of the state matrix ``st`` (one column per vertex, then per blossom).
LABEL = 0  # 0 free, 1 S, 2 T; +4 marks a breadcrumb of _scan
LABELEND = 1  # endpoint through which the (top-level) blossom got its label
INBLOSSOM = 2  # top-level blossom of a vertex
PARENT = 3  # enclosing blossom, -1 at top level
BASE = 4  # base vertex of a blossom, -1 for an unused blossom number
BEST = 5  # least-slack edge (to an S-blossom) or -1
DUAL = 6  # twice the dual variable, as of the stamp of its top-level blossom
MATE = 7  # far endpoint of the matched edge, -1 if single
HASBEST = 8  # 1 if the blossom's list of least-slack edges is valid
LISTED = 9  # 1 if the top-level blossom is in this stage's list
STAMP = 10  # the stage's total dual change when the top-level blossom got its label
ROWS = 11

# Slots of the control array ``ctl``.
OFF = 0  # total dual change of this stage (S-vertices went down by it)
TOPS = 1  # how many top-level blossoms this stage has labelled (list ``tops``)
H1, H2, H3, H4 = 2, 3, 4, 5  # sizes of the four heaps

#: Keep S-blossoms whose dual is 0 at the end of a stage (see the module doc);
#: the tests check both settings.
KEEP_ZERO = True


@njit(cache=True, nogil=True)
def _leaves(b, n, childs, out, stack):  # pragma: no cover - compiled
    """Write the vertices inside blossom ``b`` to ``out``; return how many."""
    if b < n:
        out[0] = b
        return 1
    count = 0
    stack[0] = b
    top = 1
    while top > 0:
        top -= 1
        for t in childs[stack[top]]:
            if t < n:
                out[count] = t
                count += 1
            else:
                stack[top] = t
                top += 1
    return count


@njit(cache=True, nogil=True)
def _push(h, ctl, slot, key, a, b):  # pragma: no cover - compiled
    """Push ``(key, a, b)`` on heap ``h`` (rows key, a, b) whose size is ``ctl[slot]``."""
    pos = ctl[slot]
    ctl[slot] = pos + 1
    h[0, pos] = key
    h[1, pos] = a
    h[2, pos] = b
    while pos > 0:
        parent = (pos - 1) >> 1
        if h[0, parent] <= h[0, pos]:
            break
        for r in range(3):
            h[r, parent], h[r, pos] = h[r, pos], h[r, parent]
        pos = parent


@njit(cache=True, nogil=True)
def _sift_down(h, size, pos):  # pragma: no cover - compiled
    while True:
        child = 2 * pos + 1
        if child >= size:
            return
        if child + 1 < size and h[0, child + 1] < h[0, child]:
            child += 1
        if h[0, pos] <= h[0, child]:
            return
        for r in range(3):
            h[r, child], h[r, pos] = h[r, pos], h[r, child]
        pos = child


@njit(cache=True, nogil=True)
def _pop(h, ctl, slot):  # pragma: no cover - compiled
    """Drop the smallest entry of heap ``h``."""
    size = ctl[slot] - 1
    ctl[slot] = size
    for r in range(3):
        h[r, 0] = h[r, size]
    _sift_down(h, size, 0)


@njit(cache=True, nogil=True)
def _list_top(b, n, st, ctl, tops):  # pragma: no cover - compiled
    """Note top-level blossom (or vertex) ``b`` as labelled in this stage."""
    st[STAMP, b] = ctl[OFF]
    if not st[LISTED, b]:
        st[LISTED, b] = 1
        tops[ctl[TOPS]] = b
        ctl[TOPS] += 1


@njit(cache=True, nogil=True)
def _dual(v, st, off):  # pragma: no cover - compiled
    """Twice the current dual of vertex ``v`` (its blossom's change since its stamp added)."""
    b = st[INBLOSSOM, v]
    label = st[LABEL, b]
    if label == 1:
        return st[DUAL, v] - (off - st[STAMP, b])
    if label == 2:
        return st[DUAL, v] + (off - st[STAMP, b])
    return st[DUAL, v]


@njit(cache=True, nogil=True)
def _slack(k, st, ei, ej, ew, off):  # pragma: no cover - compiled
    return _dual(ei[k], st, off) + _dual(ej[k], st, off) - 2 * ew[k]


@njit(cache=True, nogil=True)
def _settle(b, n, st, childs, out, stack, off):  # pragma: no cover - compiled
    """Write the dual change since its stamp into top-level blossom ``b`` and its vertices."""
    label = st[LABEL, b]
    change = off - st[STAMP, b]
    st[STAMP, b] = off
    if change == 0 or (label != 1 and label != 2):
        return
    if label == 1:
        change = -change
    count = _leaves(b, n, childs, out, stack)
    for i in range(count):
        st[DUAL, out[i]] += change
    if b >= n:
        st[DUAL, b] -= change


@njit(cache=True, nogil=True)
def _assign_label(
    w, t, p, n, st, childs, endpoint, queue, out, stack, ctl, tops, h1, h4
):  # pragma: no cover - compiled
    """Label ``w``'s top-level blossom ``t`` (1 S, 2 T) through endpoint ``p``."""
    while True:
        b = st[INBLOSSOM, w]
        st[LABEL, w] = t
        st[LABEL, b] = t
        st[LABELEND, w] = p
        st[LABELEND, b] = p
        st[BEST, w] = -1
        st[BEST, b] = -1
        _list_top(b, n, st, ctl, tops)
        if t == 1:
            count = _leaves(b, n, childs, out, stack)
            for i in range(count):
                queue.append(out[i])
                _push(h1, ctl, H1, st[DUAL, out[i]] + ctl[OFF], out[i], 0)
            return
        if b >= n:
            _push(h4, ctl, H4, st[DUAL, b] + ctl[OFF], b, 0)
        # A T-blossom: its base is matched; its mate becomes S.
        q = st[MATE, st[BASE, b]]
        w = endpoint[q]
        t = 1
        p = q ^ 1


@njit(cache=True, nogil=True)
def _scan(v, w, st, endpoint, path):  # pragma: no cover - compiled
    """Trace back from S-vertices ``v`` and ``w``: the base of a new blossom, or -1."""
    count = 0
    base = -1
    while v != -1 or w != -1:
        b = st[INBLOSSOM, v]
        if st[LABEL, b] & 4:
            base = st[BASE, b]
            break
        path[count] = b
        count += 1
        st[LABEL, b] = 5
        if st[LABELEND, b] == -1:
            v = -1  # the root: stop tracing this path
        else:
            v = endpoint[st[LABELEND, b]]
            b = st[INBLOSSOM, v]
            v = endpoint[st[LABELEND, b]]  # through the T-blossom
        if w != -1:
            v, w = w, v
    for i in range(count):
        st[LABEL, path[i]] = 1
    return base


@njit(cache=True, nogil=True)
def _add_blossom(
    base,
    k,
    n,
    st,
    childs,
    endps,
    bests,
    ei,
    ej,
    ew,
    endpoint,
    nb_ptr,
    nb_end,
    unused,
    n_unused,
    queue,
    out,
    stack,
    path_a,
    path_b,
    best_to,
    touched,
    ctl,
    tops,
    h1,
):  # pragma: no cover - compiled
    """Make the blossom closed by S-S edge ``k`` with base ``base``; return the unused count."""
    off = ctl[OFF]
    v = ei[k]
    w = ej[k]
    bb = st[INBLOSSOM, base]
    bv = st[INBLOSSOM, v]
    bw = st[INBLOSSOM, w]
    n_unused -= 1
    b = unused[n_unused]
    st[BASE, b] = base
    st[PARENT, b] = -1
    st[PARENT, bb] = b
    na = 0
    while bv != bb:
        st[PARENT, bv] = b
        path_a[na] = bv
        out[na] = st[LABELEND, bv]
        na += 1
        bv = st[INBLOSSOM, endpoint[st[LABELEND, bv]]]
    nb = 0
    while bw != bb:
        st[PARENT, bw] = b
        path_b[nb] = bw
        stack[nb] = st[LABELEND, bw] ^ 1
        nb += 1
        bw = st[INBLOSSOM, endpoint[st[LABELEND, bw]]]
    size = 1 + na + nb
    ch = np.empty(size, np.int64)
    ep = np.empty(size, np.int64)
    ch[0] = bb
    for i in range(na):
        ch[1 + i] = path_a[na - 1 - i]
        ep[i] = out[na - 1 - i]
    ep[na] = 2 * k
    for i in range(nb):
        ch[1 + na + i] = path_b[i]
        ep[1 + na + i] = stack[i]
    childs[b] = ch
    endps[b] = ep
    for c in ch:
        _settle(c, n, st, childs, out, stack, off)
    st[LABEL, b] = 1
    st[LABELEND, b] = st[LABELEND, bb]
    st[DUAL, b] = 0
    _list_top(b, n, st, ctl, tops)
    count = _leaves(b, n, childs, out, stack)
    for i in range(count):
        x = out[i]
        if st[LABEL, st[INBLOSSOM, x]] == 2:
            # A T-vertex becomes S inside the new S-blossom.
            queue.append(x)
            _push(h1, ctl, H1, st[DUAL, x] + off, x, 0)
        st[INBLOSSOM, x] = b
    # The least-slack edge from the new blossom to each other S-blossom.
    n_touched = 0
    for c in ch:
        if st[HASBEST, c] == 1:
            edges = bests[c]
            count = len(edges)
            for i in range(count):
                out[i] = edges[i]
        else:
            count = 0
            m_leaves = _leaves(c, n, childs, path_a, stack)
            for i in range(m_leaves):
                x = path_a[i]
                for e in range(nb_ptr[x], nb_ptr[x + 1]):
                    out[count] = nb_end[e] >> 1
                    count += 1
        for i in range(count):
            kk = out[i]
            j = ej[kk]
            if st[INBLOSSOM, j] == b:
                j = ei[kk]
            bj = st[INBLOSSOM, j]
            if bj != b and st[LABEL, bj] == 1:
                if best_to[bj] == -1:
                    touched[n_touched] = bj
                    n_touched += 1
                    best_to[bj] = kk
                elif _slack(kk, st, ei, ej, ew, off) < _slack(best_to[bj], st, ei, ej, ew, off):
                    best_to[bj] = kk
        st[HASBEST, c] = 0
        st[BEST, c] = -1
    found = np.empty(n_touched, np.int64)
    best = -1
    for i in range(n_touched):
        kk = best_to[touched[i]]
        best_to[touched[i]] = -1
        found[i] = kk
        if best == -1 or _slack(kk, st, ei, ej, ew, off) < _slack(best, st, ei, ej, ew, off):
            best = kk
    bests[b] = found
    st[HASBEST, b] = 1
    st[BEST, b] = best
    return n_unused


@njit(cache=True, nogil=True)
def _index(arr, x):  # pragma: no cover - compiled
    for i in range(len(arr)):
        if arr[i] == x:
            return i
    return -1


@njit(cache=True, nogil=True)
def _expand(
    b0,
    endstage,
    n,
    st,
    childs,
    endps,
    endpoint,
    allowed,
    unused,
    n_unused,
    queue,
    out,
    stack,
    pending,
    ctl,
    tops,
    h1,
    h4,
):  # pragma: no cover - compiled
    """Expand blossom ``b0`` (and, at the end of a stage, its sub-blossoms with dual 0)."""
    _settle(b0, n, st, childs, out, stack, ctl[OFF])
    pending[0] = b0
    top = 1
    while top > 0:
        top -= 1
        b = pending[top]
        ch = childs[b]
        for s in ch:
            st[PARENT, s] = -1
            if s < n:
                st[INBLOSSOM, s] = s
            elif endstage and st[DUAL, s] == 0:
                pending[top] = s
                top += 1
            else:
                count = _leaves(s, n, childs, out, stack)
                for i in range(count):
                    st[INBLOSSOM, out[i]] = s
        if (not endstage) and st[LABEL, b] == 2:
            # A T-blossom expanded during a stage: relabel the sub-blossoms on
            # the path from the one it was entered through to its base.
            ep = endps[b]
            entry = st[INBLOSSOM, endpoint[st[LABELEND, b] ^ 1]]
            j = _index(ch, entry)
            if j & 1:
                j -= len(ch)  # odd: go forward and wrap
                jstep = 1
                trick = 0
            else:
                jstep = -1  # even: go backward
                trick = 1
            p = st[LABELEND, b]
            while j != 0:
                st[LABEL, endpoint[p ^ 1]] = 0
                st[LABEL, endpoint[ep[j - trick] ^ trick ^ 1]] = 0
                _assign_label(
                    endpoint[p ^ 1],
                    2,
                    p,
                    n,
                    st,
                    childs,
                    endpoint,
                    queue,
                    out,
                    stack,
                    ctl,
                    tops,
                    h1,
                    h4,
                )
                allowed[ep[j - trick] >> 1] = 1
                j += jstep
                p = ep[j - trick] ^ trick
                allowed[p >> 1] = 1
                j += jstep
            bv = ch[j]
            st[LABEL, endpoint[p ^ 1]] = 2
            st[LABEL, bv] = 2
            st[LABELEND, endpoint[p ^ 1]] = p
            st[LABELEND, bv] = p
            st[BEST, bv] = -1
            _list_top(bv, n, st, ctl, tops)
            if bv >= n:
                _push(h4, ctl, H4, st[DUAL, bv] + ctl[OFF], bv, 0)
            j += jstep
            while ch[j] != entry:
                bv = ch[j]
                if st[LABEL, bv] == 1:
                    j += jstep
                    continue  # labelled S through a neighbour meanwhile
                count = _leaves(bv, n, childs, out, stack)
                reached = -1
                for i in range(count):
                    if st[LABEL, out[i]] != 0:
                        reached = out[i]
                        break
                if reached >= 0:
                    st[LABEL, reached] = 0
                    st[LABEL, endpoint[st[MATE, st[BASE, bv]]]] = 0
                    _assign_label(
                        reached,
                        2,
                        st[LABELEND, reached],
                        n,
                        st,
                        childs,
                        endpoint,
                        queue,
                        out,
                        stack,
                        ctl,
                        tops,
                        h1,
                        h4,
                    )
                j += jstep
        st[LABEL, b] = -1
        st[LABELEND, b] = -1
        st[BASE, b] = -1
        st[BEST, b] = -1
        st[HASBEST, b] = 0
        unused[n_unused] = b
        n_unused += 1
    return n_unused


@njit(cache=True, nogil=True)
def _augment_blossom(b0, v0, n, st, childs, endps, endpoint, task_b, task_v):  # pragma: no cover
    """Swap matched and unmatched edges inside ``b0`` so that vertex ``v0`` is its base."""
    task_b[0] = b0
    task_v[0] = v0
    top = 1
    while top > 0:
        top -= 1
        b = task_b[top]
        v = task_v[top]
        t = v
        while st[PARENT, t] != b:
            t = st[PARENT, t]
        if t >= n:
            task_b[top] = t
            task_v[top] = v
            top += 1
        ch = childs[b]
        ep = endps[b]
        i = _index(ch, t)
        j = i
        if i & 1:
            j -= len(ch)
            jstep = 1
            trick = 0
        else:
            jstep = -1
            trick = 1
        while j != 0:
            j += jstep
            t = ch[j]
            p = ep[j - trick] ^ trick
            if t >= n:
                task_b[top] = t
                task_v[top] = endpoint[p]
                top += 1
            j += jstep
            t = ch[j]
            if t >= n:
                task_b[top] = t
                task_v[top] = endpoint[p ^ 1]
                top += 1
            st[MATE, endpoint[p]] = p ^ 1
            st[MATE, endpoint[p ^ 1]] = p
        if i:
            childs[b] = np.concatenate((ch[i:], ch[:i]))
            endps[b] = np.concatenate((ep[i:], ep[:i]))
        st[BASE, b] = v


@njit(cache=True, nogil=True)
def _augment_path(s, p, n, st, childs, endps, endpoint, task_b, task_v):  # pragma: no cover
    """Match S-vertex ``s`` to endpoint ``p`` (-1: leave it single), flipping back to its root."""
    while True:
        bs = st[INBLOSSOM, s]
        if bs >= n:
            _augment_blossom(bs, s, n, st, childs, endps, endpoint, task_b, task_v)
        st[MATE, s] = p
        if st[LABELEND, bs] == -1:
            return  # reached the root
        t = endpoint[st[LABELEND, bs]]
        bt = st[INBLOSSOM, t]
        s = endpoint[st[LABELEND, bt]]
        j = endpoint[st[LABELEND, bt] ^ 1]
        if bt >= n:
            _augment_blossom(bt, j, n, st, childs, endps, endpoint, task_b, task_v)
        st[MATE, j] = st[LABELEND, bt]
        p = st[LABELEND, bt] ^ 1


@njit(cache=True, nogil=True)
def _compact(h, ctl, slot, seen, st, ei, ej, ew, off, which):  # pragma: no cover - compiled
    """Keep only the valid entries of heap ``h`` (2: free vertices, 3: S-blossoms), once each."""
    kept = 0
    for i in range(ctl[slot]):
        a = h[1, i]
        k = h[2, i]
        if seen[a] or st[BEST, a] != k:
            continue
        if which == 2:
            valid = (
                st[LABEL, st[INBLOSSOM, a]] == 0 and h[0, i] == _slack(k, st, ei, ej, ew, off) + off
            )
        else:
            valid = (
                st[PARENT, a] == -1
                and st[LABEL, a] == 1
                and st[INBLOSSOM, ei[k]] != st[INBLOSSOM, ej[k]]
                and h[0, i] == _slack(k, st, ei, ej, ew, off) + 2 * off
            )
        if valid:
            seen[a] = 1
            for r in range(3):
                h[r, kept] = h[r, i]
            kept += 1
    for i in range(kept):
        seen[h[1, i]] = 0
    ctl[slot] = kept
    for pos in range(kept // 2 - 1, -1, -1):
        _sift_down(h, kept, pos)


# Compiled (or loaded from numba's cache) at import, with its one signature.
@njit(
    "Tuple((int64[:], int64))(int64, int64[:], int64[:], int64[:], int64[:], int64[:], boolean)",
    cache=True,
    nogil=True,
)
def _solve(n, ei, ej, ew, dual, partner, keep_zero):  # pragma: no cover - compiled
    m = len(ei)
    endpoint = np.empty(2 * m, np.int64)
    endpoint[0::2] = ei
    endpoint[1::2] = ej
    degree = np.zeros(n + 1, np.int64)
    for k in range(m):
        degree[ei[k] + 1] += 1
        degree[ej[k] + 1] += 1
    nb_ptr = np.cumsum(degree)
    fill = nb_ptr[:-1].copy()
    nb_end = np.empty(2 * m, np.int64)
    for k in range(m):
        nb_end[fill[ei[k]]] = 2 * k + 1
        fill[ei[k]] += 1
        nb_end[fill[ej[k]]] = 2 * k
        fill[ej[k]] += 1

    st = np.full((ROWS, 2 * n), -1, np.int64)
    st[LABEL] = 0
    st[INBLOSSOM, :n] = np.arange(n)
    st[BASE, :n] = np.arange(n)
    st[DUAL, :n] = dual
    st[DUAL, n:] = 0
    st[HASBEST] = 0
    st[LISTED] = 0
    st[STAMP] = 0
    for v in range(n):
        u = partner[v]
        if u >= 0:
            for e in range(nb_ptr[v], nb_ptr[v + 1]):
                if endpoint[nb_end[e]] == u:
                    st[MATE, v] = nb_end[e]
                    break

    empty = np.empty(0, np.int64)
    childs = List()
    endps = List()
    bests = List()
    for _ in range(2 * n):
        childs.append(empty)
        endps.append(empty)
        bests.append(empty)
    unused = np.arange(2 * n - 1, n - 1, -1).astype(np.int64)
    n_unused = n
    allowed = np.zeros(m, np.uint8)
    queue = List.empty_list(types.int64)
    size = max(2 * n, 2 * m + 1)
    out = np.empty(size, np.int64)
    stack = np.empty(size, np.int64)
    path_a = np.empty(size, np.int64)
    path_b = np.empty(size, np.int64)
    pending = np.empty(2 * n, np.int64)
    best_to = np.full(2 * n, -1, np.int64)
    touched = np.empty(2 * n, np.int64)
    task_b = np.empty(2 * n, np.int64)
    task_v = np.empty(2 * n, np.int64)
    seen = np.zeros(2 * n, np.uint8)
    ctl = np.zeros(6, np.int64)
    tops = np.empty(2 * n, np.int64)
    # Heaps of (key, a, b); a key is the event's dual change plus the change
    # so far (``off``), fixed while the entry is valid: S-vertices by dual
    # (h1), free vertices by the slack of their least-slack edge (h2),
    # S-blossoms by the slack of theirs (h3, twice the change), T-blossoms by
    # dual (h4). Entries of h2-h4 are checked when they reach the top.
    h1 = np.empty((3, n + 1), np.int64)
    h4 = np.empty((3, n + 1), np.int64)
    cap = 2 * m + 4 * n + 16
    h2 = np.empty((3, cap), np.int64)
    h3 = np.empty((3, cap), np.int64)

    stages = 0
    while True:
        stages += 1
        st[LABEL] = 0
        st[BEST] = -1
        st[HASBEST, n:] = 0
        st[LISTED] = 0
        allowed[:] = 0
        queue.clear()
        ctl[:] = 0
        roots = 0
        for v in range(n):
            if st[MATE, v] == -1 and st[DUAL, v] > 0 and st[LABEL, st[INBLOSSOM, v]] == 0:
                _assign_label(
                    v, 1, -1, n, st, childs, endpoint, queue, out, stack, ctl, tops, h1, h4
                )
                roots += 1
        if roots == 0:
            break
        while True:  # substages
            augmented = False
            off = ctl[OFF]
            while len(queue) > 0 and not augmented:
                v = queue.pop()
                for e in range(nb_ptr[v], nb_ptr[v + 1]):
                    p = nb_end[e]
                    k = p >> 1
                    w = endpoint[p]
                    bv = st[INBLOSSOM, v]
                    bw = st[INBLOSSOM, w]
                    if bv == bw:
                        continue
                    kslack = 0
                    if not allowed[k]:
                        kslack = _slack(k, st, ei, ej, ew, off)
                        if kslack <= 0:
                            allowed[k] = 1
                    if allowed[k]:
                        if st[LABEL, bw] == 0:
                            if st[MATE, st[BASE, bw]] == -1:
                                # A single free target: augmenting path.
                                if bw >= n:
                                    _augment_blossom(
                                        bw, w, n, st, childs, endps, endpoint, task_b, task_v
                                    )
                                st[MATE, w] = p ^ 1
                                _augment_path(v, p, n, st, childs, endps, endpoint, task_b, task_v)
                                augmented = True
                                break
                            _assign_label(
                                w,
                                2,
                                p ^ 1,
                                n,
                                st,
                                childs,
                                endpoint,
                                queue,
                                out,
                                stack,
                                ctl,
                                tops,
                                h1,
                                h4,
                            )
                        elif st[LABEL, bw] == 1:
                            base = _scan(v, w, st, endpoint, path_a)
                            if base >= 0:
                                n_unused = _add_blossom(
                                    base,
                                    k,
                                    n,
                                    st,
                                    childs,
                                    endps,
                                    bests,
                                    ei,
                                    ej,
                                    ew,
                                    endpoint,
                                    nb_ptr,
                                    nb_end,
                                    unused,
                                    n_unused,
                                    queue,
                                    out,
                                    stack,
                                    path_a,
                                    path_b,
                                    best_to,
                                    touched,
                                    ctl,
                                    tops,
                                    h1,
                                )
                                b = unused[n_unused]
                                if st[BEST, b] != -1:
                                    key = _slack(st[BEST, b], st, ei, ej, ew, off) + 2 * off
                                    if ctl[H3] == cap:
                                        _compact(h3, ctl, H3, seen, st, ei, ej, ew, off, 3)
                                    _push(h3, ctl, H3, key, b, st[BEST, b])
                            else:
                                _augment_path(
                                    ei[k], 2 * k + 1, n, st, childs, endps, endpoint, task_b, task_v
                                )
                                _augment_path(
                                    ej[k], 2 * k, n, st, childs, endps, endpoint, task_b, task_v
                                )
                                augmented = True
                                break
                        elif st[LABEL, w] == 0:
                            # w inside a T-blossom, reached from outside now.
                            st[LABEL, w] = 2
                            st[LABELEND, w] = p ^ 1
                    elif st[LABEL, bw] == 1:
                        if st[BEST, bv] == -1 or kslack < _slack(st[BEST, bv], st, ei, ej, ew, off):
                            st[BEST, bv] = k
                            if ctl[H3] == cap:
                                _compact(h3, ctl, H3, seen, st, ei, ej, ew, off, 3)
                            _push(h3, ctl, H3, kslack + 2 * off, bv, k)
                    elif st[LABEL, w] == 0:
                        if st[BEST, w] == -1 or kslack < _slack(st[BEST, w], st, ei, ej, ew, off):
                            st[BEST, w] = k
                            if st[LABEL, bw] == 0:
                                if ctl[H2] == cap:
                                    _compact(h2, ctl, H2, seen, st, ei, ej, ew, off, 2)
                                _push(h2, ctl, H2, kslack + off, w, k)
            if augmented:
                break
            # No augmenting path with tight edges: the smallest dual change
            # that makes progress (keys are fixed; the change so far is off).
            kind = 1  # delta1: an S-vertex's dual reaches 0 (there is a root)
            delta = h1[0, 0] - off
            at = h1[1, 0]
            while ctl[H2] > 0:  # delta2: an edge from S to a free vertex gets tight
                w = h2[1, 0]
                k = h2[2, 0]
                if (
                    st[LABEL, st[INBLOSSOM, w]] == 0
                    and st[BEST, w] == k
                    and h2[0, 0] == _slack(k, st, ei, ej, ew, off) + off
                ):
                    if h2[0, 0] - off < delta:
                        delta = h2[0, 0] - off
                        kind = 2
                        at = k
                    break
                _pop(h2, ctl, H2)
            while ctl[H3] > 0:  # delta3: an edge between S-blossoms gets tight
                b = h3[1, 0]
                k = h3[2, 0]
                if (
                    st[PARENT, b] == -1
                    and st[LABEL, b] == 1
                    and st[BEST, b] == k
                    and st[INBLOSSOM, ei[k]] != st[INBLOSSOM, ej[k]]
                    and h3[0, 0] == _slack(k, st, ei, ej, ew, off) + 2 * off
                ):
                    if (h3[0, 0] - 2 * off) // 2 < delta:
                        delta = (h3[0, 0] - 2 * off) // 2
                        kind = 3
                        at = k
                    break
                _pop(h3, ctl, H3)
            while ctl[H4] > 0:  # delta4: a T-blossom's dual reaches 0
                b = h4[1, 0]
                if (
                    st[BASE, b] >= 0
                    and st[PARENT, b] == -1
                    and st[LABEL, b] == 2
                    and h4[0, 0] == st[DUAL, b] + st[STAMP, b]
                ):
                    if h4[0, 0] - off < delta:
                        delta = h4[0, 0] - off
                        kind = 4
                        at = b
                    break
                _pop(h4, ctl, H4)
            ctl[OFF] = off + delta
            off = ctl[OFF]
            if kind == 1:
                # An S-vertex reached dual 0: flip its tree path; it stays single.
                _augment_path(at, -1, n, st, childs, endps, endpoint, task_b, task_v)
                break
            if kind == 2 or kind == 3:
                allowed[at] = 1
                i = ei[at]
                if st[LABEL, st[INBLOSSOM, i]] != 1:
                    i = ej[at]
                queue.append(i)
            else:
                inside = _leaves(at, n, childs, path_b, stack)
                n_unused = _expand(
                    at,
                    False,
                    n,
                    st,
                    childs,
                    endps,
                    endpoint,
                    allowed,
                    unused,
                    n_unused,
                    queue,
                    out,
                    stack,
                    pending,
                    ctl,
                    tops,
                    h1,
                    h4,
                )
                # Vertices left free have slacks that start shrinking now.
                for i in range(inside):
                    w = path_b[i]
                    k = st[BEST, w]
                    if k != -1 and st[LABEL, st[INBLOSSOM, w]] == 0:
                        if ctl[H2] == cap:
                            _compact(h2, ctl, H2, seen, st, ei, ej, ew, off, 2)
                        _push(h2, ctl, H2, _slack(k, st, ei, ej, ew, off) + off, w, k)
        # Write the stage's dual changes into the blossoms it labelled.
        for i in range(ctl[TOPS]):
            b = tops[i]
            if st[PARENT, b] == -1 and st[BASE, b] >= 0:
                _settle(b, n, st, childs, out, stack, ctl[OFF])
        if not keep_zero:
            for b in range(n, 2 * n):
                if (
                    st[PARENT, b] == -1
                    and st[BASE, b] >= 0
                    and st[LABEL, b] == 1
                    and st[DUAL, b] == 0
                ):
                    n_unused = _expand(
                        b,
                        True,
                        n,
                        st,
                        childs,
                        endps,
                        endpoint,
                        allowed,
                        unused,
                        n_unused,
                        queue,
                        out,
                        stack,
                        pending,
                        ctl,
                        tops,
                        h1,
                        h4,
                    )
    result = np.full(n, -1, np.int64)
    for v in range(n):
        if st[MATE, v] >= 0:
            result[v] = endpoint[st[MATE, v]]
    return result, stages


def warm_matching(
    n: int,
    ei: NDArray[np.int64],
    ej: NDArray[np.int64],
    weight: NDArray[np.int64],
    dual: NDArray[np.int64],
    partner: NDArray[np.int64],
    *,
    keep_zero: bool | None = None,
) -> NDArray[np.int64]:
    """Maximum-weight matching from a warm start (see the module doc).

    ``ei``, ``ej``, ``weight``: the edges (``ei != ej``, integer weights);
    ``dual``: twice the vertex duals, ``dual[i] + dual[j] >= 2 * weight`` on
    every edge and equality on matched ones; ``partner``: the start's
    matching (``partner[v]`` the vertex matched to ``v`` or -1). Returns the
    optimal matching in the same form. ``keep_zero`` defaults to
    :data:`KEEP_ZERO`.
    """
    found, _ = _solve(
        int(n),
        np.ascontiguousarray(ei, dtype=np.int64),
        np.ascontiguousarray(ej, dtype=np.int64),
        2 * np.ascontiguousarray(weight, dtype=np.int64),
        2 * np.ascontiguousarray(dual, dtype=np.int64),
        np.ascontiguousarray(partner, dtype=np.int64),
        KEEP_ZERO if keep_zero is None else bool(keep_zero),
    )
    return found
