"""Equality as a hard limit: an optional cap on the status gap (the matching issue, item 4)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from metelkaar.matching import Candidate, Rules, describe, propose
from metelkaar.matching.scoring import encode, hard_constraints

from .people import crowd

YEAR = 2026
amal = Candidate(id="amal", birth_year=1990, languages={"nl": 4}, status_level=1,
                 needs={"paperwork"}, offers={"cooking"})
# Covers Amal's one need (so help goes both ways), but four levels apart.
professor = Candidate(id="professor", birth_year=1990, languages={"nl": 5}, status_level=5,
                      offers={"paperwork"}, needs={"cooking"})
neighbour = Candidate(id="neighbour", birth_year=1990, languages={"nl": 5}, status_level=1,
                      needs={"cooking"})


def test_without_a_cap_one_more_covered_need_outweighs_a_four_level_gap() -> None:
    (pair,) = propose([amal], [professor, neighbour], Rules(reference_year=YEAR))
    assert pair.b == "professor"
    assert ("status_gap", {"levels": 4}) in pair.reasons


@pytest.mark.parametrize("cap", [0, 1, 2, 3])
def test_a_cap_keeps_the_pair_on_equal_footing(cap: int) -> None:
    result = propose([amal], [professor, neighbour], Rules(reference_year=YEAR, max_status_gap=cap))
    (pair,) = result.pairs
    assert pair.b == "neighbour"
    assert ("equal_footing", {}) in pair.reasons
    assert describe(("equal_footing", {})).startswith("You meet on an equal footing")


def test_the_cap_is_a_hard_constraint_and_unknown_levels_pass() -> None:
    unknown = dataclasses.replace(professor, id="unknown", status_level=None)
    rules = Rules(reference_year=YEAR, max_status_gap=2)
    fa, fb = encode([amal], [professor, neighbour, unknown], rules)
    ok = hard_constraints(fa, fb, np.zeros(3, dtype=np.int64), np.arange(3), rules)["status_gap"]
    assert ok.tolist() == [False, True, True]


def test_someone_only_the_cap_rules_out_is_told_so() -> None:
    result = propose([amal], [professor], Rules(reference_year=YEAR, max_status_gap=2))
    why = {u.id: u.reason for u in result.unmatched}
    assert why["amal"] == why["professor"]
    assert why["amal"] == ("no_feasible_candidate",
                        {"constraint": "status_gap", "excluded": 1, "checked": 1})


def test_no_pair_beyond_the_cap_in_a_large_run() -> None:
    """The candidate search (surrogate) knows the cap too: a city-sized run respects it."""
    rules = Rules(reference_year=YEAR, max_status_gap=1, dense_limit=0)
    side_a, side_b = crowd(400, 3, "a"), crowd(400, 4, "b")
    result = propose(side_a, side_b, rules)
    level = {c.id: c.status_level for c in side_a + side_b}
    assert not result.stats["dense"] and result.pairs
    for p in result:
        if level[p.a] is not None and level[p.b] is not None:
            assert abs(level[p.a] - level[p.b]) <= 1


def test_a_negative_cap_is_refused() -> None:
    with pytest.raises(ValueError, match="max_status_gap"):
        Rules(max_status_gap=-1)
