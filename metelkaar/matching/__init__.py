"""Metelkaar's matching engine: exact, explained, city-scale.

A pure library (numpy, scipy, networkx, rustworkx, lap; never Django).
"""

from metelkaar.matching.solvers import assign, pair_up, stable_pairs

__all__ = ["assign", "pair_up", "stable_pairs"]
