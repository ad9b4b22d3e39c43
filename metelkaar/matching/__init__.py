"""Metelkaar's matching engine: exact, explained, city-scale.

A pure library (numpy, scipy, numba, rustworkx; never Django): the
web side turns enrolments into :class:`Candidate` records, calls
:func:`propose` (or :func:`propose_pool`, :func:`suggest`) and stores the
returned :class:`Proposals`. The solvers (:func:`assign`, :func:`pair_up`,
:func:`stable_pairs`) work on plain score matrices and preference lists.

Examples
--------
>>> import numpy as np
>>> assign(np.array([[1.0, 5.0], [4.0, 1.0]]))
[(0, 1), (1, 0)]
"""

from metelkaar.matching.propose import propose, propose_pool, suggest
from metelkaar.matching.runtime import batch
from metelkaar.matching.solvers import assign, pair_up, stable_pairs
from metelkaar.matching.types import (
    CRITERIA,
    Alternative,
    Candidate,
    Proposal,
    Proposals,
    Reason,
    Rules,
    Unmatched,
)
from metelkaar.matching.wording import describe

__all__ = [
    "CRITERIA",
    "Alternative",
    "Candidate",
    "Proposal",
    "Proposals",
    "Reason",
    "Rules",
    "Unmatched",
    "assign",
    "batch",
    "describe",
    "pair_up",
    "propose",
    "propose_pool",
    "stable_pairs",
    "suggest",
]
