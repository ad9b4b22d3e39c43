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
- dual changes are lazy: a change moves one offset, and a labelled vertex
  or blossom stores its dual relative to it (:func:`_dual`), re-expressed
  only when its label changes and at the end of the stage. The four kinds
  of events that bound a change come from heaps keyed by "change so far at
  which it happens", checked when they reach the top;
- the top-level blossom of a vertex is found through parent links from a
  remembered blossom (:func:`_top`), so forming a blossom visits only the
  vertices of its T-children, not those of its S-children;
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

The kernel's state travels in a few bundles: ``st``, a matrix with one row
per field below and one column per vertex, then per blossom; ``g``, the
graph (tuple of arrays, indices ``EI`` ...); ``bl``, the blossoms' lists of
children, connecting endpoints and least-slack edges; ``buf``, work arrays;
``hp``, four heaps; ``ctl``, counters.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from metelkaar.matching._cache import configure

configure()  # before numba compiles or loads a kernel
from numba import njit, types  # noqa: E402
from numba.typed import List  # noqa: E402

# Rows of the state matrix ``st``.
LABEL = 0  # 0 free, 1 S, 2 T; +4 marks a breadcrumb of _scan
LABELEND = 1  # endpoint through which the (top-level) blossom got its label
INBLOSSOM = 2  # a blossom containing the vertex, from which PARENT leads to the top (_top)
PARENT = 3  # enclosing blossom, -1 at top level
BASE = 4  # base vertex of a blossom, -1 for an unused blossom number
BEST = 5  # least-slack edge (to an S-blossom) or -1
DUAL = 6  # twice the dual variable, relative to the change so far by its label (_dual)
MATE = 7  # far endpoint of the matched edge, -1 if single
HASBEST = 8  # 1 if the blossom's list of least-slack edges is valid
LISTED = 9  # 1 if the top-level blossom is in this stage's list
ROWS = 10

# The graph ``g``: edge ends and weights, endpoints, and per vertex the far
# endpoints of its edges (CSR).
EI, EJ, EW, ENDPOINT, NB_PTR, NB_END = range(6)

# The blossom lists ``bl``.
CHILDS, ENDPS, BESTS = range(3)

# Work arrays ``buf``.
OUT, STACK, PATH_A, PATH_B, PENDING, BEST_TO, TOUCHED, TASK_B, TASK_V = range(9)
SEEN, TOPS_LIST, UNUSED, ALLOWED = 9, 10, 11, 12

# Counters ``ctl``; the heaps ``hp`` are numbered as their size slots.
OFF = 0  # total dual change of this stage (S-vertices went down by it)
TOPS = 1  # how many top-level blossoms this stage has labelled
N_UNUSED = 2  # how many blossom numbers are free (``buf[UNUSED]``)
H1, H2, H3, H4 = 3, 4, 5, 6  # sizes of the heaps hp[0] ... hp[3]
CTL = 7

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
    """Drop the smallest entry of heap ``h`` whose size is ``ctl[slot]``."""
    size = ctl[slot] - 1
    ctl[slot] = size
    for r in range(3):
        h[r, 0] = h[r, size]
    _sift_down(h, size, 0)


@njit(cache=True, nogil=True)
def _list_top(b, st, buf, ctl):  # pragma: no cover - compiled
    """List top-level blossom (or vertex) ``b``, just labelled, for the end of this stage."""
    if not st[LISTED, b]:
        st[LISTED, b] = 1
        buf[TOPS_LIST][ctl[TOPS]] = b
        ctl[TOPS] += 1


@njit(cache=True, nogil=True)
def _top(v, st):  # pragma: no cover - compiled
    """The top-level blossom of vertex ``v`` (remembered for the next lookup)."""
    b = st[INBLOSSOM, v]
    while st[PARENT, b] != -1:
        b = st[PARENT, b]
    st[INBLOSSOM, v] = b
    return b


@njit(cache=True, nogil=True)
def _dual(v, st, off):  # pragma: no cover - compiled
    """Twice the current dual of vertex ``v``.

    While its top-level blossom is labelled, ``st[DUAL, v]`` is kept relative
    to the stage's change so far: an S-vertex stores its dual plus ``off``
    (fixed from then on, its key in heap H1), a T-vertex its dual minus
    ``off``; a top-level S-blossom stores its dual minus ``off``, a T-blossom
    its dual plus ``off`` (its key in H4). :func:`_relabel_duals` converts.
    """
    label = st[LABEL, _top(v, st)]
    if label == 1:
        return st[DUAL, v] - off
    if label == 2:
        return st[DUAL, v] + off
    return st[DUAL, v]


@njit(cache=True, nogil=True)
def _slack(k, st, g, off):  # pragma: no cover - compiled
    return _dual(g[EI][k], st, off) + _dual(g[EJ][k], st, off) - 2 * g[EW][k]


@njit(cache=True, nogil=True)
def _shift(label, off):  # pragma: no cover - compiled
    """How much a vertex's stored dual exceeds its dual under ``label`` (see :func:`_dual`)."""
    if label == 1:
        return off
    if label == 2:
        return -off
    return 0


@njit(cache=True, nogil=True)
def _relabel_duals(b, n, st, bl, buf, off, old, new):  # pragma: no cover - compiled
    """Re-express the stored duals of blossom ``b`` and its vertices for a new label.

    Leaves the vertices in ``buf[OUT]`` and returns how many.
    """
    change = _shift(new, off) - _shift(old, off)
    out = buf[OUT]
    count = _leaves(b, n, bl[CHILDS], out, buf[STACK])
    if change != 0:
        for i in range(count):
            st[DUAL, out[i]] += change
        if b >= n:
            st[DUAL, b] -= change
    return count


@njit(cache=True, nogil=True)
def _assign_label(w, t, p, n, st, bl, g, buf, hp, ctl, queue):  # pragma: no cover - compiled
    """Label ``w``'s top-level blossom ``t`` (1 S, 2 T) through endpoint ``p``."""
    out = buf[OUT]
    while True:
        b = _top(w, st)
        count = _relabel_duals(b, n, st, bl, buf, ctl[OFF], 0, t)
        st[LABEL, w] = t
        st[LABEL, b] = t
        st[LABELEND, w] = p
        st[LABELEND, b] = p
        st[BEST, w] = -1
        st[BEST, b] = -1
        _list_top(b, st, buf, ctl)
        if t == 1:
            for i in range(count):
                queue.append(out[i])
                _push(hp[0], ctl, H1, st[DUAL, out[i]], out[i], 0)
            return
        if b >= n:
            _push(hp[3], ctl, H4, st[DUAL, b], b, 0)
        # A T-blossom: its base is matched; its mate becomes S.
        q = st[MATE, st[BASE, b]]
        w = g[ENDPOINT][q]
        t = 1
        p = q ^ 1


@njit(cache=True, nogil=True)
def _scan(v, w, st, g, buf):  # pragma: no cover - compiled
    """Trace back from S-vertices ``v`` and ``w``: the base of a new blossom, or -1."""
    endpoint = g[ENDPOINT]
    path = buf[PATH_A]
    count = 0
    base = -1
    while v != -1 or w != -1:
        b = _top(v, st)
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
            b = _top(v, st)
            v = endpoint[st[LABELEND, b]]  # through the T-blossom
        if w != -1:
            v, w = w, v
    for i in range(count):
        st[LABEL, path[i]] = 1
    return base


@njit(cache=True, nogil=True)
def _add_blossom(base, k, n, st, bl, g, buf, hp, ctl, queue):  # pragma: no cover - compiled
    """Make the S-blossom closed by edge ``k`` with base vertex ``base``; return it."""
    off = ctl[OFF]
    endpoint = g[ENDPOINT]
    out, stack, path_a, path_b = buf[OUT], buf[STACK], buf[PATH_A], buf[PATH_B]
    bb = _top(base, st)
    bv = _top(g[EI][k], st)
    bw = _top(g[EJ][k], st)
    ctl[N_UNUSED] -= 1
    b = buf[UNUSED][ctl[N_UNUSED]]
    st[BASE, b] = base
    st[PARENT, b] = -1
    # Trace both paths to the base first: _top must not see the new blossom yet.
    na = 0
    while bv != bb:
        path_a[na] = bv
        out[na] = st[LABELEND, bv]
        na += 1
        bv = _top(endpoint[st[LABELEND, bv]], st)
    nb = 0
    while bw != bb:
        path_b[nb] = bw
        stack[nb] = st[LABELEND, bw] ^ 1
        nb += 1
        bw = _top(endpoint[st[LABELEND, bw]], st)
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
    bl[CHILDS][b] = ch
    bl[ENDPS][b] = ep
    for c in ch:
        st[PARENT, c] = b
    # The children's vertices now belong to an S-blossom: T-vertices become S
    # (their stored duals move, they are searched from); S-vertices keep
    # theirs and are not visited. The children's own duals become plain.
    for c in ch:
        if st[LABEL, c] == 2:
            count = _relabel_duals(c, n, st, bl, buf, off, 2, 1)
            for i in range(count):
                queue.append(out[i])
                _push(hp[0], ctl, H1, st[DUAL, out[i]], out[i], 0)
        if c >= n:
            st[DUAL, c] += off  # an S-blossom's stored dual, plain again
    st[LABEL, b] = 1
    st[LABELEND, b] = st[LABELEND, bb]
    st[DUAL, b] = -off
    _list_top(b, st, buf, ctl)
    # The least-slack edge from the new blossom to each other S-blossom.
    ei, ej, nb_ptr, nb_end = g[EI], g[EJ], g[NB_PTR], g[NB_END]
    best_to, touched = buf[BEST_TO], buf[TOUCHED]
    n_touched = 0
    for c in ch:
        if st[HASBEST, c] == 1:
            edges = bl[BESTS][c]
            count = len(edges)
            out[:count] = edges
        else:
            count = 0
            m_leaves = _leaves(c, n, bl[CHILDS], path_a, stack)
            for i in range(m_leaves):
                x = path_a[i]
                for e in range(nb_ptr[x], nb_ptr[x + 1]):
                    out[count] = nb_end[e] >> 1
                    count += 1
        for i in range(count):
            kk = out[i]
            j = ej[kk]
            bj = _top(j, st)
            if bj == b:
                j = ei[kk]
                bj = _top(j, st)
            if bj != b and st[LABEL, bj] == 1:
                if best_to[bj] == -1:
                    touched[n_touched] = bj
                    n_touched += 1
                    best_to[bj] = kk
                elif _slack(kk, st, g, off) < _slack(best_to[bj], st, g, off):
                    best_to[bj] = kk
        st[HASBEST, c] = 0
        st[BEST, c] = -1
    found = np.empty(n_touched, np.int64)
    best = -1
    for i in range(n_touched):
        kk = best_to[touched[i]]
        best_to[touched[i]] = -1
        found[i] = kk
        if best == -1 or _slack(kk, st, g, off) < _slack(best, st, g, off):
            best = kk
    bl[BESTS][b] = found
    st[HASBEST, b] = 1
    st[BEST, b] = best
    return b


@njit(cache=True, nogil=True)
def _index(arr, x):  # pragma: no cover - compiled
    for i in range(len(arr)):
        if arr[i] == x:
            return i
    return -1


@njit(cache=True, nogil=True)
def _relabel(b, n, st, bl, g, buf, hp, ctl, queue):  # pragma: no cover - compiled
    """Label the sub-blossoms of T-blossom ``b``, expanded during a stage, on the
    path from the one it was entered through to its base."""
    endpoint = g[ENDPOINT]
    allowed = buf[ALLOWED]
    out = buf[OUT]
    ch = bl[CHILDS][b]
    ep = bl[ENDPS][b]
    entry = _top(endpoint[st[LABELEND, b] ^ 1], st)
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
        _assign_label(endpoint[p ^ 1], 2, p, n, st, bl, g, buf, hp, ctl, queue)
        allowed[ep[j - trick] >> 1] = 1
        j += jstep
        p = ep[j - trick] ^ trick
        allowed[p >> 1] = 1
        j += jstep
    bv = ch[j]
    _relabel_duals(bv, n, st, bl, buf, ctl[OFF], 0, 2)
    st[LABEL, endpoint[p ^ 1]] = 2
    st[LABEL, bv] = 2
    st[LABELEND, endpoint[p ^ 1]] = p
    st[LABELEND, bv] = p
    st[BEST, bv] = -1
    _list_top(bv, st, buf, ctl)
    if bv >= n:
        _push(hp[3], ctl, H4, st[DUAL, bv], bv, 0)
    j += jstep
    while ch[j] != entry:
        bv = ch[j]
        if st[LABEL, bv] == 1:
            j += jstep
            continue  # labelled S through a neighbour meanwhile
        count = _leaves(bv, n, bl[CHILDS], out, buf[STACK])
        reached = -1
        for i in range(count):
            if st[LABEL, out[i]] != 0:
                reached = out[i]
                break
        if reached >= 0:
            st[LABEL, reached] = 0
            st[LABEL, endpoint[st[MATE, st[BASE, bv]]]] = 0
            _assign_label(reached, 2, st[LABELEND, reached], n, st, bl, g, buf, hp, ctl, queue)
        j += jstep


@njit(cache=True, nogil=True)
def _expand(b0, endstage, n, st, bl, g, buf, hp, ctl, queue):  # pragma: no cover - compiled
    """Expand blossom ``b0`` (and, at the end of a stage, its sub-blossoms with dual 0)."""
    if not endstage:
        _relabel_duals(b0, n, st, bl, buf, ctl[OFF], st[LABEL, b0], 0)
    out, stack, pending = buf[OUT], buf[STACK], buf[PENDING]
    pending[0] = b0
    top = 1
    while top > 0:
        top -= 1
        b = pending[top]
        for s in bl[CHILDS][b]:
            st[PARENT, s] = -1
            if s < n:
                st[INBLOSSOM, s] = s
            elif endstage and st[DUAL, s] == 0:
                pending[top] = s
                top += 1
            else:
                count = _leaves(s, n, bl[CHILDS], out, stack)
                for i in range(count):
                    st[INBLOSSOM, out[i]] = s
        if (not endstage) and st[LABEL, b] == 2:
            _relabel(b, n, st, bl, g, buf, hp, ctl, queue)
        st[LABEL, b] = -1
        st[LABELEND, b] = -1
        st[BASE, b] = -1
        st[BEST, b] = -1
        st[HASBEST, b] = 0
        buf[UNUSED][ctl[N_UNUSED]] = b
        ctl[N_UNUSED] += 1


@njit(cache=True, nogil=True)
def _augment_blossom(b0, v0, n, st, bl, g, buf):  # pragma: no cover - compiled
    """Swap matched and unmatched edges inside ``b0`` so that vertex ``v0`` is its base."""
    endpoint = g[ENDPOINT]
    task_b, task_v = buf[TASK_B], buf[TASK_V]
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
        ch = bl[CHILDS][b]
        ep = bl[ENDPS][b]
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
            bl[CHILDS][b] = np.concatenate((ch[i:], ch[:i]))
            bl[ENDPS][b] = np.concatenate((ep[i:], ep[:i]))
        st[BASE, b] = v


@njit(cache=True, nogil=True)
def _augment_path(s, p, n, st, bl, g, buf):  # pragma: no cover - compiled
    """Match S-vertex ``s`` to endpoint ``p`` (-1: leave it single), flipping back to its root."""
    endpoint = g[ENDPOINT]
    while True:
        bs = _top(s, st)
        if bs >= n:
            _augment_blossom(bs, s, n, st, bl, g, buf)
        st[MATE, s] = p
        if st[LABELEND, bs] == -1:
            return  # reached the root
        t = endpoint[st[LABELEND, bs]]
        bt = _top(t, st)
        s = endpoint[st[LABELEND, bt]]
        j = endpoint[st[LABELEND, bt] ^ 1]
        if bt >= n:
            _augment_blossom(bt, j, n, st, bl, g, buf)
        st[MATE, j] = st[LABELEND, bt]
        p = st[LABELEND, bt] ^ 1


@njit(cache=True, nogil=True)
def _valid(slot, key, a, k, st, g, off):  # pragma: no cover - compiled
    """Whether a heap entry still describes a coming event (H2-H4)."""
    if slot == H2:  # free vertex a, its least-slack edge k
        return (
            st[LABEL, _top(a, st)] == 0 and st[BEST, a] == k and key == _slack(k, st, g, off) + off
        )
    if slot == H3:  # S-blossom a, its least-slack edge k to another S-blossom
        return (
            st[PARENT, a] == -1
            and st[LABEL, a] == 1
            and st[BEST, a] == k
            and _top(g[EI][k], st) != _top(g[EJ][k], st)
            and key == _slack(k, st, g, off) + 2 * off
        )
    # T-blossom a
    return st[BASE, a] >= 0 and st[PARENT, a] == -1 and st[LABEL, a] == 2 and key == st[DUAL, a]


@njit(cache=True, nogil=True)
def _push_checked(hp, ctl, slot, key, a, k, st, g, buf):  # pragma: no cover - compiled
    """Push on heap H2 or H3; when it is full, first keep only its valid entries, once each."""
    h = hp[slot - H1]
    if ctl[slot] == h.shape[1]:
        seen = buf[SEEN]
        kept = 0
        for i in range(ctl[slot]):
            if not seen[h[1, i]] and _valid(slot, h[0, i], h[1, i], h[2, i], st, g, ctl[OFF]):
                seen[h[1, i]] = 1
                for r in range(3):
                    h[r, kept] = h[r, i]
                kept += 1
        for i in range(kept):
            seen[h[1, i]] = 0
        ctl[slot] = kept
        for pos in range(kept // 2 - 1, -1, -1):
            _sift_down(h, kept, pos)
    _push(h, ctl, slot, key, a, k)


@njit(cache=True, nogil=True)
def _scan_edges(v, n, st, bl, g, buf, hp, ctl, queue):  # pragma: no cover - compiled
    """Grow the forest from S-vertex ``v``; True if the matching was augmented."""
    endpoint, nb_ptr, nb_end = g[ENDPOINT], g[NB_PTR], g[NB_END]
    allowed = buf[ALLOWED]
    off = ctl[OFF]
    for e in range(nb_ptr[v], nb_ptr[v + 1]):
        p = nb_end[e]
        k = p >> 1
        w = endpoint[p]
        bv = _top(v, st)
        bw = _top(w, st)
        if bv == bw:
            continue
        kslack = 0
        if not allowed[k]:
            kslack = _slack(k, st, g, off)
            if kslack <= 0:
                allowed[k] = 1
        if allowed[k]:
            if st[LABEL, bw] == 0:
                if st[MATE, st[BASE, bw]] == -1:
                    # A single free target: augmenting path.
                    if bw >= n:
                        _augment_blossom(bw, w, n, st, bl, g, buf)
                    st[MATE, w] = p ^ 1
                    _augment_path(v, p, n, st, bl, g, buf)
                    return True
                _assign_label(w, 2, p ^ 1, n, st, bl, g, buf, hp, ctl, queue)
            elif st[LABEL, bw] == 1:
                base = _scan(v, w, st, g, buf)
                if base >= 0:
                    b = _add_blossom(base, k, n, st, bl, g, buf, hp, ctl, queue)
                    if st[BEST, b] != -1:
                        key = _slack(st[BEST, b], st, g, off) + 2 * off
                        _push_checked(hp, ctl, H3, key, b, st[BEST, b], st, g, buf)
                else:
                    _augment_path(g[EI][k], 2 * k + 1, n, st, bl, g, buf)
                    _augment_path(g[EJ][k], 2 * k, n, st, bl, g, buf)
                    return True
            elif st[LABEL, w] == 0:
                # w inside a T-blossom, reached from outside now.
                st[LABEL, w] = 2
                st[LABELEND, w] = p ^ 1
        elif st[LABEL, bw] == 1:
            if st[BEST, bv] == -1 or kslack < _slack(st[BEST, bv], st, g, off):
                st[BEST, bv] = k
                _push_checked(hp, ctl, H3, kslack + 2 * off, bv, k, st, g, buf)
        elif st[LABEL, w] == 0:
            if st[BEST, w] == -1 or kslack < _slack(st[BEST, w], st, g, off):
                st[BEST, w] = k
                if st[LABEL, bw] == 0:
                    _push_checked(hp, ctl, H2, kslack + off, w, k, st, g, buf)
    return False


@njit(cache=True, nogil=True)
def _change_duals(n, st, bl, g, buf, hp, ctl, queue):  # pragma: no cover - compiled
    """Make the smallest dual change that lets the search go on; True if the stage ends."""
    off = ctl[OFF]
    # delta1: an S-vertex's dual reaches 0 (there is always a root).
    kind = H1
    delta = hp[0][0, 0] - off
    at = hp[0][1, 0]
    for slot in (H2, H3, H4):
        h = hp[slot - H1]
        while ctl[slot] > 0:
            if _valid(slot, h[0, 0], h[1, 0], h[2, 0], st, g, off):
                # delta2: an S-free edge gets tight; delta3: an S-S edge
                # (both ends move); delta4: a T-blossom's dual reaches 0.
                d = (h[0, 0] - 2 * off) // 2 if slot == H3 else h[0, 0] - off
                if d < delta:
                    delta = d
                    kind = slot
                    at = h[1, 0] if slot == H4 else h[2, 0]
                break
            _pop(h, ctl, slot)
    off += delta
    ctl[OFF] = off
    if kind == H1:
        # An S-vertex reached dual 0: flip its tree path; it stays single.
        _augment_path(at, -1, n, st, bl, g, buf)
        return True
    if kind == H2 or kind == H3:
        buf[ALLOWED][at] = 1
        i = g[EI][at]
        if st[LABEL, _top(i, st)] != 1:
            i = g[EJ][at]
        queue.append(i)
        return False
    inside = _leaves(at, n, bl[CHILDS], buf[PATH_B], buf[STACK])
    _expand(at, False, n, st, bl, g, buf, hp, ctl, queue)
    # Vertices left free have slacks that start shrinking now.
    for i in range(inside):
        w = buf[PATH_B][i]
        k = st[BEST, w]
        if k != -1 and st[LABEL, _top(w, st)] == 0:
            _push_checked(hp, ctl, H2, _slack(k, st, g, off) + off, w, k, st, g, buf)
    return False


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
    g = (ei.copy(), ej.copy(), ew.copy(), endpoint, nb_ptr, nb_end)

    st = np.full((ROWS, 2 * n), -1, np.int64)
    st[LABEL] = 0
    st[INBLOSSOM, :n] = np.arange(n)
    st[BASE, :n] = np.arange(n)
    st[DUAL, :n] = dual
    st[DUAL, n:] = 0
    st[HASBEST] = 0
    st[LISTED] = 0
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
    bl = (childs, endps, bests)
    size = max(2 * n, 2 * m + 1)
    buf = (
        np.empty(size, np.int64),  # OUT
        np.empty(size, np.int64),  # STACK
        np.empty(size, np.int64),  # PATH_A
        np.empty(size, np.int64),  # PATH_B
        np.empty(2 * n, np.int64),  # PENDING
        np.full(2 * n, -1, np.int64),  # BEST_TO
        np.empty(2 * n, np.int64),  # TOUCHED
        np.empty(2 * n, np.int64),  # TASK_B
        np.empty(2 * n, np.int64),  # TASK_V
        np.zeros(2 * n, np.int64),  # SEEN
        np.empty(2 * n, np.int64),  # TOPS_LIST
        np.arange(2 * n - 1, n - 1, -1).astype(np.int64),  # UNUSED
        np.zeros(m, np.int64),  # ALLOWED
    )
    # Heaps of (key, a, b); a key is the change so far (``ctl[OFF]``) at which
    # the event happens, fixed while the entry is valid: S-vertices by dual
    # (H1), free vertices by the slack of their least-slack edge (H2),
    # S-blossoms by the slack of theirs (H3, keyed by twice the change),
    # T-blossoms by dual (H4). H2 and H3 are compacted when full.
    cap = 2 * m + 4 * n + 16
    hp = (
        np.empty((3, n + 1), np.int64),
        np.empty((3, cap), np.int64),
        np.empty((3, cap), np.int64),
        np.empty((3, n + 1), np.int64),
    )
    ctl = np.zeros(CTL, np.int64)
    ctl[N_UNUSED] = n
    queue = List.empty_list(types.int64)

    stages = 0
    while True:
        stages += 1
        st[LABEL] = 0
        st[BEST] = -1
        st[HASBEST, n:] = 0
        st[LISTED] = 0
        buf[ALLOWED][:] = 0
        queue.clear()
        for slot in (OFF, TOPS, H1, H2, H3, H4):
            ctl[slot] = 0
        roots = 0
        for v in range(n):
            if st[MATE, v] == -1 and st[DUAL, v] > 0 and st[LABEL, _top(v, st)] == 0:
                _assign_label(v, 1, -1, n, st, bl, g, buf, hp, ctl, queue)
                roots += 1
        if roots == 0:
            break
        while True:  # substages
            augmented = False
            while len(queue) > 0 and not augmented:
                augmented = _scan_edges(queue.pop(), n, st, bl, g, buf, hp, ctl, queue)
            if augmented or _change_duals(n, st, bl, g, buf, hp, ctl, queue):
                break
        # Write the stage's dual changes into the blossoms it labelled.
        tops = buf[TOPS_LIST]
        for i in range(ctl[TOPS]):
            b = tops[i]
            if st[PARENT, b] == -1 and st[BASE, b] >= 0:
                _relabel_duals(b, n, st, bl, buf, ctl[OFF], st[LABEL, b], 0)
        if not keep_zero:
            for b in range(n, 2 * n):
                if (
                    st[PARENT, b] == -1
                    and st[BASE, b] >= 0
                    and st[LABEL, b] == 1
                    and st[DUAL, b] == 0
                ):
                    _expand(b, True, n, st, bl, g, buf, hp, ctl, queue)
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
