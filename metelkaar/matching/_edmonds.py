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
DUAL = 6  # twice the dual variable
MATE = 7  # far endpoint of the matched edge, -1 if single
HASBEST = 8  # 1 if the blossom's list of least-slack edges is valid
ACTIVE = 9  # bit 1: vertex listed in this stage; bit 2: top-level blossom listed
ROWS = 10

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
def _list_vertex(v, n, st, act):  # pragma: no cover - compiled
    """List vertex ``v`` for this stage's dual changes (``act[0]`` counts them)."""
    if not st[ACTIVE, v] & 1:
        st[ACTIVE, v] |= 1
        act[2 + act[0]] = v
        act[0] += 1


@njit(cache=True, nogil=True)
def _list_top(b, n, st, act):  # pragma: no cover - compiled
    """List top-level blossom (or vertex) ``b`` for this stage (``act[1]`` counts them)."""
    if not st[ACTIVE, b] & 2:
        st[ACTIVE, b] |= 2
        act[2 + n + act[1]] = b
        act[1] += 1


@njit(cache=True, nogil=True)
def _slack(k, st, ei, ej, ew):  # pragma: no cover - compiled
    return st[DUAL, ei[k]] + st[DUAL, ej[k]] - 2 * ew[k]


@njit(cache=True, nogil=True)
def _assign_label(w, t, p, n, st, childs, endpoint, queue, out, stack, act):  # pragma: no cover
    """Label ``w``'s top-level blossom ``t`` (1 S, 2 T) through endpoint ``p``."""
    while True:
        b = st[INBLOSSOM, w]
        _list_top(b, n, st, act)
        st[LABEL, w] = t
        st[LABEL, b] = t
        st[LABELEND, w] = p
        st[LABELEND, b] = p
        st[BEST, w] = -1
        st[BEST, b] = -1
        count = _leaves(b, n, childs, out, stack)
        for i in range(count):
            _list_vertex(out[i], n, st, act)
        if t == 1:
            for i in range(count):
                queue.append(out[i])
            return
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
    act,
):  # pragma: no cover
    """Make the blossom closed by S-S edge ``k`` with base ``base``; return the unused count."""
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
    st[LABEL, b] = 1
    _list_top(b, n, st, act)
    st[LABELEND, b] = st[LABELEND, bb]
    st[DUAL, b] = 0
    count = _leaves(b, n, childs, out, stack)
    for i in range(count):
        x = out[i]
        if st[LABEL, st[INBLOSSOM, x]] == 2:
            queue.append(x)  # a T-vertex becomes S inside the new S-blossom
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
                elif _slack(kk, st, ei, ej, ew) < _slack(best_to[bj], st, ei, ej, ew):
                    best_to[bj] = kk
        st[HASBEST, c] = 0
        st[BEST, c] = -1
    found = np.empty(n_touched, np.int64)
    best = -1
    for i in range(n_touched):
        kk = best_to[touched[i]]
        best_to[touched[i]] = -1
        found[i] = kk
        if best == -1 or _slack(kk, st, ei, ej, ew) < _slack(best, st, ei, ej, ew):
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
    act,
):  # pragma: no cover - compiled
    """Expand blossom ``b0`` (and, at the end of a stage, its sub-blossoms with dual 0)."""
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
                    endpoint[p ^ 1], 2, p, n, st, childs, endpoint, queue, out, stack, act
                )
                allowed[ep[j - trick] >> 1] = 1
                j += jstep
                p = ep[j - trick] ^ trick
                allowed[p >> 1] = 1
                j += jstep
            bv = ch[j]
            st[LABEL, endpoint[p ^ 1]] = 2
            st[LABEL, bv] = 2
            _list_top(bv, n, st, act)
            st[LABELEND, endpoint[p ^ 1]] = p
            st[LABELEND, bv] = p
            st[BEST, bv] = -1
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
                        act,
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
    # The vertices and top-level blossoms labelled (or given a least-slack
    # edge) in this stage: the only ones a dual change can concern.
    act = np.zeros(2 + 3 * n, np.int64)

    stages = 0
    while True:
        stages += 1
        st[LABEL] = 0
        st[BEST] = -1
        st[HASBEST, n:] = 0
        allowed[:] = 0
        queue.clear()
        st[ACTIVE] = 0
        act[0] = 0
        act[1] = 0
        roots = 0
        for v in range(n):
            if st[MATE, v] == -1 and st[DUAL, v] > 0 and st[LABEL, st[INBLOSSOM, v]] == 0:
                _assign_label(v, 1, -1, n, st, childs, endpoint, queue, out, stack, act)
                roots += 1
        if roots == 0:
            break
        while True:  # substages
            augmented = False
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
                        kslack = _slack(k, st, ei, ej, ew)
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
                                w, 2, p ^ 1, n, st, childs, endpoint, queue, out, stack, act
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
                                    act,
                                )
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
                        if st[BEST, bv] == -1 or kslack < _slack(st[BEST, bv], st, ei, ej, ew):
                            st[BEST, bv] = k
                    elif st[LABEL, w] == 0:
                        if st[BEST, w] == -1 or kslack < _slack(st[BEST, w], st, ei, ej, ew):
                            st[BEST, w] = k
                            _list_vertex(w, n, st, act)
            if augmented:
                break
            # No augmenting path with tight edges: change the duals.
            kind = 0
            delta = 0
            at = -1
            vertices = act[2 : 2 + act[0]]
            tops = act[2 + n : 2 + n + act[1]]
            for v in vertices:
                label = st[LABEL, st[INBLOSSOM, v]]
                if label == 1:  # delta1: an S-vertex's dual reaches 0
                    if kind == 0 or st[DUAL, v] < delta:
                        delta = st[DUAL, v]
                        kind = 1
                        at = v
                elif label == 0 and st[BEST, v] != -1:  # delta2: S to free gets tight
                    d = _slack(st[BEST, v], st, ei, ej, ew)
                    if kind == 0 or d < delta:
                        delta = d
                        kind = 2
                        at = st[BEST, v]
            for b in tops:
                if st[PARENT, b] != -1:
                    continue
                label = st[LABEL, b]
                if label == 1 and st[BEST, b] != -1:  # delta3: S-S edge gets tight
                    d = _slack(st[BEST, b], st, ei, ej, ew) // 2
                    if d < delta:
                        delta = d
                        kind = 3
                        at = st[BEST, b]
                elif label == 2 and b >= n and st[DUAL, b] < delta:  # delta4: T-blossom z 0
                    delta = st[DUAL, b]
                    kind = 4
                    at = b
            for v in vertices:
                label = st[LABEL, st[INBLOSSOM, v]]
                if label == 1:
                    st[DUAL, v] -= delta
                elif label == 2:
                    st[DUAL, v] += delta
            for b in tops:
                if b >= n and st[BASE, b] >= 0 and st[PARENT, b] == -1:
                    if st[LABEL, b] == 1:
                        st[DUAL, b] += delta
                    elif st[LABEL, b] == 2:
                        st[DUAL, b] -= delta
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
                    act,
                )
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
                        act,
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
