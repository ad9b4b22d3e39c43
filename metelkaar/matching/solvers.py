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

Solver choice was made by measurement on the engine's own candidate graphs
(``bench/solvers.py``; median of 3, 2-core machine shared with other jobs,
load 3-6, process CPU time unless said otherwise):

- :func:`assign` (:mod:`~metelkaar.matching.bipartite`): small or dense
  problems go to scipy's ``linear_sum_assignment`` [3]_ on minus the usable
  weights, built in one in-place copy. lap's LAPJV [1]_, used before, has an
  internal "large" constant and went wrong for scores above about 1e6 (63 of
  200 random 6 x 6 integer matrices up to 4e6); on a dense 5,000 x 5,000 it
  needed 1.2 GB besides the 200 MB input, scipy about 260 MB. Sparse ones
  get a "stays unmatched" column per row and a numba kernel: LAPJV's
  auction-like augmenting row
  reduction [1]_ [2]_ (64 bids per row at most) and then one Dijkstra
  shortest augmenting path per row still free [3]_. 5,000 x 5,000 with
  167,562 edges: 0.14-0.17 s (scipy's LAPJVsp 0.68-0.85 s); 20,000 x 20,000
  (725,906 edges): 0.57 s (LAPJVsp 10.6 s); the
  100,000-person city pool (50,000 x 50,000, 1.83 million edges): 1.5 s and
  420 MB peak for the whole process (LAPJVsp 67 s; without the auction start
  the kernel took 13 s, so the start does most of the work). Earlier runs
  had OR-Tools' cost scaling [4]_ 5-13x slower than LAPJVsp on these graphs
  (the issue's 1.5 s at 100,000 was with 20 candidates each; not re-measured)
  and ``lap.lapmod`` stalling on the padded problem, so neither is used.
- :func:`pair_up` (:mod:`~metelkaar.matching.general`): the fractional
  relaxation is solved exactly as an assignment on the bipartite double cover
  (the same kernel, which also gives the LP duals); its 2-cycles, paths and
  even cycles are optimal as they are, and only vertices its odd cycles leave
  out start searches of Edmonds' blossom algorithm [5]_, started warm from
  the fractional matching and duals (Van Rantwijk's array formulation, as in
  networkx, compiled with numba, with lazy dual changes, heaps for the four
  kinds of events and parent links to find a vertex's top-level blossom,
  :mod:`~metelkaar.matching._edmonds`). Tandem pool of 20,000 (127,742
  edges, 35 odd cycles, 10,669 dual changes): 1.5 s for the whole of
  ``pair_up``, of which the blossom step 0.58-0.66 s (the same algorithm in
  Python with dicts and heaps: 67 s; compiled but scanning every vertex per
  dual change: 4.5-7 s; with heaps but visiting every vertex of a new
  blossom: 1.3-1.5 s; rustworkx from scratch does not finish in 300 s).
  2,000 (12,050 edges): 0.03 s for the whole of ``pair_up`` (rustworkx
  from scratch 0.37-0.55 s, the same total).
- :func:`stable_pairs` (:mod:`~metelkaar.matching.stable`): deferred
  acceptance [6]_; for 5,000 x 5,000 full lists 0.8-1.3 s as Python lists
  (was 6.0 s) and 0.2 s as arrays (was 3.3 s), mostly reading the lists.

References
----------
.. [1] R. Jonker and A. Volgenant, "A shortest augmenting path algorithm for
   dense and sparse linear assignment problems", Computing 38 (1987) 325-340.
.. [2] D. P. Bertsekas, "The auction algorithm: a distributed relaxation
   method for the assignment problem", Annals of Operations Research 14
   (1988) 105-123.
.. [3] D. F. Crouse, "On implementing 2D rectangular assignment algorithms",
   IEEE Transactions on Aerospace and Electronic Systems 52 (2016) 1679-1696.
.. [4] A. V. Goldberg and R. Kennedy, "An efficient cost scaling algorithm for
   the assignment problem", Mathematical Programming 71 (1995) 153-177.
.. [5] J. Edmonds, "Paths, trees, and flowers", Canadian Journal of
   Mathematics 17 (1965) 449-467; Z. Galil, "Efficient algorithms for finding
   maximum matching in graphs", ACM Computing Surveys 18 (1986) 23-38.
.. [6] D. Gale and L. S. Shapley, "College admissions and the stability of
   marriage", American Mathematical Monthly 69 (1962) 9-15; D. G. McVitie and
   L. B. Wilson, "The stable marriage problem", CACM 14 (1971) 486-490.
"""

from metelkaar.matching.bipartite import DENSE_CELLS, assign, integer_scale
from metelkaar.matching.general import pair_up
from metelkaar.matching.stable import stable_pairs

__all__ = ["assign", "pair_up", "stable_pairs", "integer_scale", "DENSE_CELLS"]
