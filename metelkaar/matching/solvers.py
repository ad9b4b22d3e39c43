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

from metelkaar.matching.bipartite import DENSE_CELLS, assign, integer_scale
from metelkaar.matching.general import pair_up
from metelkaar.matching.stable import stable_pairs

__all__ = ["assign", "pair_up", "stable_pairs", "integer_scale", "DENSE_CELLS"]
