"""Why someone the candidate search left without options stays unmatched."""

from __future__ import annotations

import numpy as np

from metelkaar.matching import Candidate, Rules, describe
from metelkaar.matching.scoring import encode, score_pairs
from metelkaar.matching.unmatched import _why_unmatched


def _pair_score(rules: Rules) -> tuple[object, object, float]:
    a = [Candidate(id="a", birth_year=1980, languages={"nl": 4}, offers={"paperwork"})]
    b = [Candidate(id="b", birth_year=1982, languages={"nl": 4}, needs={"paperwork"})]
    fa, fb = encode(a, b, rules)
    ok, score = score_pairs(fa, fb, np.array([0]), np.array([0]), rules)
    assert ok[0]
    return fa, fb, float(score[0])


def test_a_usable_partner_the_search_missed_is_not_called_below_the_minimum() -> None:
    _, _, score = _pair_score(Rules(reference_year=2026))
    rules = Rules(reference_year=2026, min_score=score / 2)
    fa, fb, _ = _pair_score(rules)
    reason = _why_unmatched(np.array([0]), fa, fb, rules, pool=False)[0]
    assert reason == ("not_reached", {"best_score": round(score, 4)})
    assert "not among those compared" in describe(reason, "en")
    assert "apart" in describe(reason, "nl")


def test_a_partner_below_the_minimum_is_named_as_such() -> None:
    _, _, score = _pair_score(Rules(reference_year=2026))
    rules = Rules(reference_year=2026, min_score=score + 1)
    fa, fb, _ = _pair_score(rules)
    code, params = _why_unmatched(np.array([0]), fa, fb, rules, pool=False)[0]
    assert code == "below_min_score" and params["min_score"] == score + 1
