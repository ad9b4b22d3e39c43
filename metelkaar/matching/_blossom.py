"""Edmonds' blossom algorithm for maximum-weight matching, started warm.

A copy of networkx's ``max_weight_matching`` (Joris van Rantwijk's
implementation of Galil's O(n^3) algorithm; networkx is BSD-3-Clause,
copyright the NetworkX developers; its licence text is in NOTICE) with three changes for
:func:`metelkaar.matching.pair_up`:

- it starts from a given matching and given vertex duals instead of the empty
  matching and ``max weight`` everywhere (any start with non-negative slack on
  every edge and zero slack on matched edges is valid for the primal-dual
  method; the engine passes the optimal fractional solution, so only the
  vertices it left fractional start a search);
- with ``free_targets`` (what the engine uses) only single vertices with a
  positive dual start searches; a search ends at any single vertex (an
  augmenting path) or when the dual of one of its S-vertices reaches 0 (the
  path from the root to that vertex is flipped and it stays single). At the
  end every single vertex has dual 0, which with non-negative slacks, tight
  matched edges and full blossoms is optimality for maximum weight. Without
  it, max-cardinality mode on a graph the caller has doubled (each vertex
  joined to its copy by a 0 edge), which is slower;
- dual updates are lazy (one offset per stage, paid per blossom when its
  label changes) and delta2/delta3 come from heaps, so a substage does not
  visit every vertex; blossom leaves are cached lists.

Weights must be integers (``adj[v][w]``); duals are twice the LP duals.
"""

# ruff: noqa: E501

from __future__ import annotations

from heapq import heappop, heappush
from itertools import count

#: Keep S-blossoms whose dual is 0 at the end of a stage (with free targets)
#: instead of expanding them: their inner edges stay tight and they stay full,
#: so they remain valid, and the next stage does not rebuild them. Halves the
#: time on the 20,000-person pool; the tests check both settings.
KEEP_ZERO = True


def warm_matching(
    adj: dict[int, dict[int, int]],
    mate0: dict[int, int],
    dual0: dict[int, int],
    free_targets: bool = False,
) -> dict[int, int]:
    """Maximum-weight maximum-cardinality matching from a warm start (see module doc).

    ``adj`` is a symmetric dict of dicts of integer weights, ``mate0`` a
    symmetric matching of tight edges, ``dual0`` twice the vertex duals, with
    ``dual0[v] + dual0[w] >= 2 * adj[v][w]`` everywhere. Returns ``mate``.
    """

    class NoNode:
        """Dummy value which is different from any node."""

    class Blossom:
        """Representation of a non-trivial blossom or sub-blossom."""

        __slots__ = ["childs", "edges", "mybestedges", "leaflist"]

        # b.childs is an ordered list of b's sub-blossoms, starting with
        # the base and going round the blossom.

        # b.edges is the list of b's connecting edges, such that
        # b.edges[i] = (v, w) where v is a vertex in b.childs[i]
        # and w is a vertex in b.childs[wrap(i+1)].

        # If b is a top-level S-blossom,
        # b.mybestedges is a list of least-slack edges to neighboring
        # S-blossoms, or None if no such list has been computed yet.
        # This is used for efficient computation of delta3.

        # The blossom's leaf vertices (a list made once: the set of leaves
        # of a blossom never changes, only their order round it).
        def leaves(self):
            return self.leaflist

    gnodes = list(adj)
    mate = dict(mate0)

    # If b is a top-level blossom,
    # label.get(b) is None if b is unlabeled (free),
    #                 1 if b is an S-blossom,
    #                 2 if b is a T-blossom.
    # The label of a vertex is found by looking at the label of its top-level
    # containing blossom.
    # If v is a vertex inside a T-blossom, label[v] is 2 iff v is reachable
    # from an S-vertex outside the blossom.
    # Labels are assigned during a stage and reset after each augmentation.
    label = {}

    # If b is a labeled top-level blossom,
    # labeledge[b] = (v, w) is the edge through which b obtained its label
    # such that w is a vertex in b, or None if b's base vertex is single.
    # If w is a vertex inside a T-blossom and label[w] == 2,
    # labeledge[w] = (v, w) is an edge through which w is reachable from
    # outside the blossom.
    labeledge = {}

    # If v is a vertex, inblossom[v] is the top-level blossom to which v
    # belongs.
    # If v is a top-level vertex, inblossom[v] == v since v is itself
    # a (trivial) top-level blossom.
    # Initially all vertices are top-level trivial blossoms.
    inblossom = dict(zip(gnodes, gnodes, strict=True))

    # If b is a sub-blossom,
    # blossomparent[b] is its immediate parent (sub-)blossom.
    # If b is a top-level blossom, blossomparent[b] is None.
    blossomparent = dict.fromkeys(gnodes)

    # If b is a (sub-)blossom,
    # blossombase[b] is its base VERTEX (i.e. recursive sub-blossom).
    blossombase = dict(zip(gnodes, gnodes, strict=True))

    # If w is a free vertex (or an unreached vertex inside a T-blossom),
    # bestedge[w] = (v, w) is the least-slack edge from an S-vertex,
    # or None if there is no such edge.
    # If b is a (possibly trivial) top-level S-blossom,
    # bestedge[b] = (v, w) is the least-slack edge to a different S-blossom
    # (v inside b), or None if there is no such edge.
    # This is used for efficient computation of delta2 and delta3.
    bestedge = {}

    # If v is a vertex,
    # dualvar[v] = 2 * u(v) where u(v) is the v's variable in the dual
    # optimization problem (if all edge weights are integers, multiplication
    # by two ensures that all values remain integers throughout the algorithm).
    # Initially, u(v) = maxweight / 2.
    dualvar = dict(dual0)

    # If b is a non-trivial blossom,
    # blossomdual[b] = z(b) where z(b) is b's variable in the dual
    # optimization problem.
    blossomdual = {}

    # If (v, w) in allowedge or (w, v) in allowedg, then the edge
    # (v, w) is known to have zero slack in the optimization problem;
    # otherwise the edge may or may not have zero slack.
    allowedge = {}

    # Queue of newly discovered S-vertices.
    queue = []

    # Lazy dual updates: a dual update of a stage only moves ``offset``; a
    # labelled top-level blossom b owes its vertices -(offset - stamp[b])
    # (S) or +(offset - stamp[b]) (T), paid by materialise(b) whenever its
    # label or its membership changes and at the end of the stage.
    offset = 0
    stamp = {}
    # Least-slack candidates for delta2 and delta3 as heaps keyed by
    # slack + offset (S to free) and slack + 2 * offset (S to S), which stay
    # constant while the edge keeps its kind; stale entries are skipped.
    heap1 = []
    heap2 = []
    heap3 = []
    tick = count()

    def pending(b):
        t = label.get(b)
        if t == 1:
            return stamp[b] - offset
        if t == 2:
            return offset - stamp[b]
        return 0

    # Smallest (materialised) vertex dual of each top-level blossom that has
    # needed it, kept up to date by materialise; dropped when the blossom
    # becomes a sub-blossom (its leaves then move with the new top level).
    lowdual = {}

    def low_of(b):
        if not isinstance(b, Blossom):
            return dualvar[b]
        if b not in lowdual:
            lowdual[b] = min(dualvar[x] for x in b.leaves())
        return lowdual[b]

    def materialise(b):
        t = label.get(b)
        if t not in (1, 2):
            return
        d = pending(b)
        if d:
            if isinstance(b, Blossom):
                for v in b.leaves():
                    dualvar[v] += d
                blossomdual[b] -= d
                if b in lowdual:
                    lowdual[b] += d
            else:
                dualvar[b] += d
        stamp[b] = offset

    # Return 2 * slack of edge (v, w) (does not work inside blossoms).
    def slack(v, w):
        bv = inblossom[v]
        bw = inblossom[w]
        d = dualvar[v] + dualvar[w] - 2 * adj[v][w]
        t = label.get(bv)
        if t == 1:
            d += stamp[bv] - offset
        elif t == 2:
            d += offset - stamp[bv]
        t = label.get(bw)
        if t == 1:
            d += stamp[bw] - offset
        elif t == 2:
            d += offset - stamp[bw]
        return d

    def push2(w, e):
        heappush(heap2, (slack(*e) + offset, next(tick), w, e))

    def push3(b, e):
        heappush(heap3, (slack(*e) + 2 * offset, next(tick), b, e))

    # Assign label t to the top-level blossom containing vertex w,
    # coming through an edge from vertex v.
    def assignLabel(w, t, v):
        b = inblossom[w]
        assert label.get(w) is None and label.get(b) is None
        label[w] = label[b] = t
        stamp[b] = offset
        if t == 1 and free_targets:
            heappush(heap1, (low_of(b) + offset, next(tick), b))
        if v is not None:
            labeledge[w] = labeledge[b] = (v, w)
        else:
            labeledge[w] = labeledge[b] = None
        bestedge[w] = bestedge[b] = None
        if t == 1:
            # b became an S-vertex/blossom; add it(s vertices) to the queue.
            if isinstance(b, Blossom):
                queue.extend(b.leaves())
            else:
                queue.append(b)
        elif t == 2:
            # b became a T-vertex/blossom; assign label S to its mate.
            # (If b is a non-trivial blossom, its base is the only vertex
            # with an external mate.)
            base = blossombase[b]
            assignLabel(mate[base], 1, base)

    # Trace back from vertices v and w to discover either a new blossom
    # or an augmenting path. Return the base vertex of the new blossom,
    # or NoNode if an augmenting path was found.
    def scanBlossom(v, w):
        # Trace back from v and w, placing breadcrumbs as we go.
        path = []
        base = NoNode
        while v is not NoNode:
            # Look for a breadcrumb in v's blossom or put a new breadcrumb.
            b = inblossom[v]
            if label[b] & 4:
                base = blossombase[b]
                break
            assert label[b] == 1
            path.append(b)
            label[b] = 5
            # Trace one step back.
            if labeledge[b] is None:
                # The base of blossom b is single; stop tracing this path.
                assert blossombase[b] not in mate
                v = NoNode
            else:
                assert labeledge[b][0] == mate[blossombase[b]]
                v = labeledge[b][0]
                b = inblossom[v]
                assert label[b] == 2
                # b is a T-blossom; trace one more step back.
                v = labeledge[b][0]
            # Swap v and w so that we alternate between both paths.
            if w is not NoNode:
                v, w = w, v
        # Remove breadcrumbs.
        for b in path:
            label[b] = 1
        # Return base vertex, if we found one.
        return base

    # Construct a new blossom with given base, through S-vertices v and w.
    # Label the new blossom as S; set its dual variable to zero;
    # relabel its T-vertices to S and add them to the queue.
    def addBlossom(base, v, w):
        bb = inblossom[base]
        bv = inblossom[v]
        bw = inblossom[w]
        # Create blossom.
        b = Blossom()
        blossombase[b] = base
        blossomparent[b] = None
        blossomparent[bb] = b
        # Make list of sub-blossoms and their interconnecting edge endpoints.
        b.childs = path = []
        b.edges = edgs = [(v, w)]
        # Trace back from v to base.
        while bv != bb:
            # Add bv to the new blossom.
            blossomparent[bv] = b
            path.append(bv)
            edgs.append(labeledge[bv])
            assert label[bv] == 2 or (label[bv] == 1 and labeledge[bv][0] == mate[blossombase[bv]])
            # Trace one step back.
            v = labeledge[bv][0]
            bv = inblossom[v]
        # Add base sub-blossom; reverse lists.
        path.append(bb)
        path.reverse()
        edgs.reverse()
        # Trace back from w to base.
        while bw != bb:
            # Add bw to the new blossom.
            blossomparent[bw] = b
            path.append(bw)
            edgs.append((labeledge[bw][1], labeledge[bw][0]))
            assert label[bw] == 2 or (label[bw] == 1 and labeledge[bw][0] == mate[blossombase[bw]])
            # Trace one step back.
            w = labeledge[bw][0]
            bw = inblossom[w]
        for sub in path:
            materialise(sub)
        if free_targets:
            lowdual[b] = min(low_of(sub) for sub in path)
            for sub in path:
                lowdual.pop(sub, None)
        b.leaflist = [
            x for sub in path for x in (sub.leaflist if isinstance(sub, Blossom) else (sub,))
        ]
        # Set label to S.
        assert label[bb] == 1
        label[b] = 1
        stamp[b] = offset
        if free_targets:
            heappush(heap1, (lowdual[b] + offset, next(tick), b))
        labeledge[b] = labeledge[bb]
        # Set dual variable to zero.
        blossomdual[b] = 0
        # Relabel vertices.
        for v in b.leaves():
            if label[inblossom[v]] == 2:
                # This T-vertex now turns into an S-vertex because it becomes
                # part of an S-blossom; add it to the queue.
                queue.append(v)
            inblossom[v] = b
        # Compute b.mybestedges.
        bestedgeto = {}
        for bv in path:
            if isinstance(bv, Blossom):
                if bv.mybestedges is not None:
                    # Walk this subblossom's least-slack edges.
                    nblist = bv.mybestedges
                    # The sub-blossom won't need this data again.
                    bv.mybestedges = None
                else:
                    # This subblossom does not have a list of least-slack
                    # edges; get the information from the vertices.
                    nblist = [(v, w) for v in bv.leaves() for w in adj[v] if v != w]
            else:
                nblist = [(bv, w) for w in adj[bv] if bv != w]
            for k in nblist:
                (i, j) = k
                if inblossom[j] == b:
                    i, j = j, i
                bj = inblossom[j]
                if (
                    bj != b
                    and label.get(bj) == 1
                    and ((bj not in bestedgeto) or slack(i, j) < slack(*bestedgeto[bj]))
                ):
                    bestedgeto[bj] = k
            # Forget about least-slack edge of the subblossom.
            bestedge[bv] = None
        b.mybestedges = list(bestedgeto.values())
        # Select bestedge[b].
        mybestedge = None
        mybestslack = 0
        bestedge[b] = None
        for k in b.mybestedges:
            kslack = slack(*k)
            if mybestedge is None or kslack < mybestslack:
                mybestedge = k
                mybestslack = kslack
        bestedge[b] = mybestedge
        if mybestedge is not None:
            push3(b, mybestedge)

    # Expand the given top-level blossom.
    def expandBlossom(b, endstage):
        # This is an obnoxiously complicated recursive function for the sake of
        # a stack-transformation.  So, we hack around the complexity by using
        # a trampoline pattern.  By yielding the arguments to each recursive
        # call, we keep the actual callstack flat.

        def _recurse(b, endstage):
            if not endstage:
                materialise(b)
            # Convert sub-blossoms into top-level blossoms.
            for s in b.childs:
                blossomparent[s] = None
                if isinstance(s, Blossom):
                    if endstage and blossomdual[s] == 0:
                        # Recursively expand this sub-blossom.
                        yield s
                    else:
                        for v in s.leaves():
                            inblossom[v] = s
                else:
                    inblossom[s] = s
            # If we expand a T-blossom during a stage, its sub-blossoms must be
            # relabeled.
            if (not endstage) and label.get(b) == 2:
                # Start at the sub-blossom through which the expanding
                # blossom obtained its label, and relabel sub-blossoms untili
                # we reach the base.
                # Figure out through which sub-blossom the expanding blossom
                # obtained its label initially.
                entrychild = inblossom[labeledge[b][1]]
                # Decide in which direction we will go round the blossom.
                j = b.childs.index(entrychild)
                if j & 1:
                    # Start index is odd; go forward and wrap.
                    j -= len(b.childs)
                    jstep = 1
                else:
                    # Start index is even; go backward.
                    jstep = -1
                # Move along the blossom until we get to the base.
                v, w = labeledge[b]
                while j != 0:
                    # Relabel the T-sub-blossom.
                    if jstep == 1:
                        p, q = b.edges[j]
                    else:
                        q, p = b.edges[j - 1]
                    label[w] = None
                    label[q] = None
                    assignLabel(w, 2, v)
                    # Step to the next S-sub-blossom and note its forward edge.
                    allowedge[(p, q)] = allowedge[(q, p)] = True
                    j += jstep
                    if jstep == 1:
                        v, w = b.edges[j]
                    else:
                        w, v = b.edges[j - 1]
                    # Step to the next T-sub-blossom.
                    allowedge[(v, w)] = allowedge[(w, v)] = True
                    j += jstep
                # Relabel the base T-sub-blossom WITHOUT stepping through to
                # its mate (so don't call assignLabel).
                bw = b.childs[j]
                label[w] = label[bw] = 2
                stamp[bw] = offset
                labeledge[w] = labeledge[bw] = (v, w)
                bestedge[bw] = None
                # Continue along the blossom until we get back to entrychild.
                j += jstep
                while b.childs[j] != entrychild:
                    # Examine the vertices of the sub-blossom to see whether
                    # it is reachable from a neighboring S-vertex outside the
                    # expanding blossom.
                    bv = b.childs[j]
                    if label.get(bv) == 1:
                        # This sub-blossom just got label S through one of its
                        # neighbors; leave it be.
                        j += jstep
                        continue
                    if isinstance(bv, Blossom):
                        for v in bv.leaves():
                            if label.get(v):
                                break
                    else:
                        v = bv
                    # If the sub-blossom contains a reachable vertex, assign
                    # label T to the sub-blossom.
                    if label.get(v):
                        assert label[v] == 2
                        assert inblossom[v] == bv
                        label[v] = None
                        label[mate[blossombase[bv]]] = None
                        assignLabel(v, 2, labeledge[v][0])
                    j += jstep
            # Remove the expanded blossom entirely.
            label.pop(b, None)
            labeledge.pop(b, None)
            bestedge.pop(b, None)
            del blossomparent[b]
            del blossombase[b]
            del blossomdual[b]

        # Now, we apply the trampoline pattern.  We simulate a recursive
        # callstack by maintaining a stack of generators, each yielding a
        # sequence of function arguments.  We grow the stack by appending a call
        # to _recurse on each argument tuple, and shrink the stack whenever a
        # generator is exhausted.
        stack = [_recurse(b, endstage)]
        while stack:
            top = stack[-1]
            for s in top:
                stack.append(_recurse(s, endstage))
                break
            else:
                stack.pop()

    # Swap matched/unmatched edges over an alternating path through blossom b
    # between vertex v and the base vertex. Keep blossom bookkeeping
    # consistent.
    def augmentBlossom(b, v):
        # This is an obnoxiously complicated recursive function for the sake of
        # a stack-transformation.  So, we hack around the complexity by using
        # a trampoline pattern.  By yielding the arguments to each recursive
        # call, we keep the actual callstack flat.

        def _recurse(b, v):
            # Bubble up through the blossom tree from vertex v to an immediate
            # sub-blossom of b.
            t = v
            while blossomparent[t] != b:
                t = blossomparent[t]
            # Recursively deal with the first sub-blossom.
            if isinstance(t, Blossom):
                yield (t, v)
            # Decide in which direction we will go round the blossom.
            i = j = b.childs.index(t)
            if i & 1:
                # Start index is odd; go forward and wrap.
                j -= len(b.childs)
                jstep = 1
            else:
                # Start index is even; go backward.
                jstep = -1
            # Move along the blossom until we get to the base.
            while j != 0:
                # Step to the next sub-blossom and augment it recursively.
                j += jstep
                t = b.childs[j]
                if jstep == 1:
                    w, x = b.edges[j]
                else:
                    x, w = b.edges[j - 1]
                if isinstance(t, Blossom):
                    yield (t, w)
                # Step to the next sub-blossom and augment it recursively.
                j += jstep
                t = b.childs[j]
                if isinstance(t, Blossom):
                    yield (t, x)
                # Match the edge connecting those sub-blossoms.
                mate[w] = x
                mate[x] = w
            # Rotate the list of sub-blossoms to put the new base at the front.
            b.childs = b.childs[i:] + b.childs[:i]
            b.edges = b.edges[i:] + b.edges[:i]
            blossombase[b] = blossombase[b.childs[0]]
            assert blossombase[b] == v

        # Now, we apply the trampoline pattern.  We simulate a recursive
        # callstack by maintaining a stack of generators, each yielding a
        # sequence of function arguments.  We grow the stack by appending a call
        # to _recurse on each argument tuple, and shrink the stack whenever a
        # generator is exhausted.
        stack = [_recurse(b, v)]
        while stack:
            top = stack[-1]
            for args in top:
                stack.append(_recurse(*args))
                break
            else:
                stack.pop()

    # Swap matched/unmatched edges over an alternating path between two
    # single vertices. The augmenting path runs through S-vertices v and w.
    def augmentMatching(v, w):
        for s, j in ((v, w), (w, v)):
            # Match vertex s to vertex j. Then trace back from s
            # until we find a single vertex, swapping matched and unmatched
            # edges as we go.
            while 1:
                bs = inblossom[s]
                assert label[bs] == 1
                assert (labeledge[bs] is None and blossombase[bs] not in mate) or (
                    labeledge[bs][0] == mate[blossombase[bs]]
                )
                # Augment through the S-blossom from s to base.
                if isinstance(bs, Blossom):
                    augmentBlossom(bs, s)
                # Update mate[s]
                mate[s] = j
                # Trace one step back.
                if labeledge[bs] is None:
                    # Reached single vertex; stop.
                    break
                t = labeledge[bs][0]
                bt = inblossom[t]
                assert label[bt] == 2
                # Trace one more step back.
                s, j = labeledge[bt]
                # Augment through the T-blossom from j to base.
                assert blossombase[bt] == t
                if isinstance(bt, Blossom):
                    augmentBlossom(bt, j)
                # Update mate[j]
                mate[j] = s

    def flip(s, j):
        # augmentMatching for one side: match s to j and flip back to the root.
        while 1:
            bs = inblossom[s]
            if isinstance(bs, Blossom):
                augmentBlossom(bs, s)
            mate[s] = j
            if labeledge[bs] is None:
                break
            t = labeledge[bs][0]
            bt = inblossom[t]
            s, j = labeledge[bt]
            if isinstance(bt, Blossom):
                augmentBlossom(bt, j)
            mate[j] = s

    def augmentToFree(v, w):
        # w is exposed with dual 0 (a free target): match it to S-vertex v.
        bw = inblossom[w]
        if isinstance(bw, Blossom):
            augmentBlossom(bw, w)
        mate[w] = v
        flip(v, w)

    def expose(v):
        # S-vertex v reached dual 0: make it the exposed end of its tree path.
        bs = inblossom[v]
        if isinstance(bs, Blossom):
            augmentBlossom(bs, v)
        mate.pop(v, None)
        if labeledge[bs] is None:
            return
        t = labeledge[bs][0]
        bt = inblossom[t]
        s, j = labeledge[bt]
        if isinstance(bt, Blossom):
            augmentBlossom(bt, j)
        mate[j] = s
        flip(s, j)

    exposed = [v for v in gnodes if v not in mate]

    # Main loop: continue until no further improvement is possible.
    while 1:
        # Each iteration of this loop is a "stage".
        # A stage finds an augmenting path and uses that to improve
        # the matching.

        # Remove labels from top-level blossoms/vertices.
        label.clear()
        labeledge.clear()
        offset = 0
        stamp.clear()
        heap1.clear()
        heap2.clear()
        heap3.clear()

        # Forget all about least-slack edges.
        bestedge.clear()
        for b in blossomdual:
            b.mybestedges = None

        # Loss of labeling means that we can not be sure that currently
        # allowable edges remain allowable throughout this stage.
        allowedge.clear()

        # Make queue empty.
        queue[:] = []

        # Label single blossoms/vertices with S and put them in the queue.
        if free_targets:
            exposed = [v for v in gnodes if v not in mate and dualvar[v] > 0]
            if not exposed:
                break
        else:
            exposed = [v for v in exposed if v not in mate]
        for v in exposed:
            if label.get(inblossom[v]) is None:
                assignLabel(v, 1, None)

        # Loop until we succeed in augmenting the matching.
        augmented = 0
        while 1:
            # Each iteration of this loop is a "substage".
            # A substage tries to find an augmenting path;
            # if found, the path is used to improve the matching and
            # the stage ends. If there is no augmenting path, the
            # primal-dual method is used to pump some slack out of
            # the dual variables.

            # Continue labeling until all vertices which are reachable
            # through an alternating path have got a label.
            while queue and not augmented:
                # Take an S vertex from the queue.
                v = queue.pop()
                assert label[inblossom[v]] == 1

                # Scan its neighbors:
                for w in adj[v]:
                    if w == v:
                        continue  # ignore self-loops
                    # w is a neighbor to v
                    bv = inblossom[v]
                    bw = inblossom[w]
                    if bv == bw:
                        # this edge is internal to a blossom; ignore it
                        continue
                    if (v, w) not in allowedge:
                        kslack = slack(v, w)
                        if kslack <= 0:
                            # edge k has zero slack => it is allowable
                            allowedge[(v, w)] = allowedge[(w, v)] = True
                    if (v, w) in allowedge:
                        if label.get(bw) is None and blossombase[bw] not in mate:
                            # w is in a free target: augmenting path.
                            augmentToFree(v, w)
                            augmented = 1
                            break
                        if label.get(bw) is None:
                            # (C1) w is a free vertex;
                            # label w with T and label its mate with S (R12).
                            assignLabel(w, 2, v)
                        elif label.get(bw) == 1:
                            # (C2) w is an S-vertex (not in the same blossom);
                            # follow back-links to discover either an
                            # augmenting path or a new blossom.
                            base = scanBlossom(v, w)
                            if base is not NoNode:
                                # Found a new blossom; add it to the blossom
                                # bookkeeping and turn it into an S-blossom.
                                addBlossom(base, v, w)
                            else:
                                # Found an augmenting path; augment the
                                # matching and end this stage.
                                augmentMatching(v, w)
                                augmented = 1
                                break
                        elif label.get(w) is None:
                            # w is inside a T-blossom, but w itself has not
                            # yet been reached from outside the blossom;
                            # mark it as reached (we need this to relabel
                            # during T-blossom expansion).
                            assert label[bw] == 2
                            label[w] = 2
                            labeledge[w] = (v, w)
                    elif label.get(bw) == 1:
                        # keep track of the least-slack non-allowable edge to
                        # a different S-blossom.
                        if bestedge.get(bv) is None or kslack < slack(*bestedge[bv]):
                            bestedge[bv] = (v, w)
                            push3(bv, (v, w))
                    elif label.get(w) is None:
                        # w is a free vertex (or an unreached vertex inside
                        # a T-blossom) but we can not reach it yet;
                        # keep track of the least-slack edge that reaches w.
                        if bestedge.get(w) is None or kslack < slack(*bestedge[w]):
                            bestedge[w] = (v, w)
                            push2(w, (v, w))

            if augmented:
                break

            # There is no augmenting path under these constraints;
            # compute delta and reduce slack in the optimization problem.
            # (Note that our vertex dual variables, edge slacks and delta's
            # are pre-multiplied by two.)
            deltatype = -1
            delta = deltaedge = deltablossom = None

            # Compute delta1: the smallest dual of an S-vertex.
            while free_targets and heap1:
                key, _, b = heap1[0]
                if blossomparent.get(b, 0) is None and label.get(b) == 1:
                    delta = key - offset
                    deltatype = 1
                    deltablossom = b
                    break
                heappop(heap1)

            # Compute delta2: the minimum slack on any edge between
            # an S-vertex and a free vertex.
            while heap2:
                key, _, w, e = heap2[0]
                if (
                    label.get(inblossom[w]) is None
                    and bestedge.get(w) == e
                    and slack(*e) + offset == key
                ):
                    if deltatype == -1 or key - offset < delta:
                        delta = key - offset
                        deltatype = 2
                        deltaedge = e
                    break
                heappop(heap2)

            # Compute delta3: half the minimum slack on any edge between
            # a pair of S-blossoms.
            while heap3:
                key, _, b, e = heap3[0]
                if (
                    blossomparent.get(b, 0) is None
                    and label.get(b) == 1
                    and bestedge.get(b) == e
                    and inblossom[e[0]] != inblossom[e[1]]
                    and slack(*e) + 2 * offset == key
                ):
                    kslack = key - 2 * offset
                    assert (kslack % 2) == 0
                    d = kslack // 2
                    if deltatype == -1 or d < delta:
                        delta = d
                        deltatype = 3
                        deltaedge = e
                    break
                heappop(heap3)

            # Compute delta4: minimum z variable of any T-blossom.
            for b in blossomdual:
                if blossomparent[b] is None and label.get(b) == 2:
                    z = blossomdual[b] + pending(b) * -1
                    if deltatype == -1 or z < delta:
                        delta = z
                        deltatype = 4
                        deltablossom = b

            if deltatype == -1:
                # No further improvement possible; max-cardinality optimum
                # reached.
                deltatype = 1
                delta = 0

            # Update dual variables according to delta (lazily).
            offset += delta

            # Take action at the point where minimum delta occurred.
            if deltatype == 1 and free_targets:
                # An S-vertex reached dual 0: it may stay single, so flip
                # the tree path from its root to it; the stage ends.
                b = deltablossom
                leaves = b.leaves() if isinstance(b, Blossom) else (b,)
                v = next(x for x in leaves if dualvar[x] + pending(b) == 0)
                expose(v)
                augmented = 1
                break
            if deltatype == 1:
                # No further improvement possible; optimum reached.
                break
            elif deltatype == 2:
                # Use the least-slack edge to continue the search.
                (v, w) = deltaedge
                assert label[inblossom[v]] == 1
                allowedge[(v, w)] = allowedge[(w, v)] = True
                queue.append(v)
            elif deltatype == 3:
                # Use the least-slack edge to continue the search.
                (v, w) = deltaedge
                allowedge[(v, w)] = allowedge[(w, v)] = True
                assert label[inblossom[v]] == 1
                queue.append(v)
            elif deltatype == 4:
                # Expand the least-z blossom.
                inside = list(deltablossom.leaves())
                expandBlossom(deltablossom, False)
                # Vertices of the expanded T-blossom that are free now have
                # slacks that start shrinking: fresh heap entries.
                for w in inside:
                    e = bestedge.get(w)
                    if e is not None and label.get(inblossom[w]) is None:
                        push2(w, e)

            # End of a this substage.

        # Pay the stage's dual updates.
        for b in [b for b in label if blossomparent.get(b, 0) is None]:
            materialise(b)

        # Paranoia check that the matching is symmetric.
        for v in mate:
            assert mate[mate[v]] == v

        # Stop when no more augmenting path can be found.
        if not augmented:
            break

        # End of a stage; expand all S-blossoms which have zero dual.
        for b in () if free_targets and KEEP_ZERO else list(blossomdual.keys()):
            if b not in blossomdual:
                continue  # already expanded
            if blossomparent[b] is None and label.get(b) == 1 and blossomdual[b] == 0:
                expandBlossom(b, True)

    return mate
