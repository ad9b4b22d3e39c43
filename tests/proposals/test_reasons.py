"""Every unmatched reason code the engine gives has its own sentence in both languages."""

import pytest
from django.utils import translation

from metelkaar.proposals.reasons import UNMATCHED, unmatched_sentence

ENGINE_CODES = ["no_feasible_candidate", "below_min_score", "taken_by_better_fit", "not_reached"]


@pytest.mark.parametrize("code", ENGINE_CODES)
def test_each_engine_code_has_a_sentence(code):
    assert code in UNMATCHED


def test_a_missed_option_reads_as_such_in_dutch_and_english():
    with translation.override("en"):
        assert "by hand" in unmatched_sentence("not_reached", {"best_score": 1.2})
    with translation.override("nl"):
        assert "met de hand" in unmatched_sentence("not_reached", {"best_score": 1.2})
