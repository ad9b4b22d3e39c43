"""describe(): display names and plurals, never raw codes (issue 12, defect 12)."""

from __future__ import annotations

import pytest

from metelkaar.matching import describe
from metelkaar.matching.explain import PAIR_CODES, UNMATCHED_CODES

from .reason_samples import SAMPLES as PRODUCT_SAMPLES

# Free tags from a spreadsheet, which the engine has no labels for.
SAMPLES = {
    **PRODUCT_SAMPLES,
    "teaches": {"from": "Jan", "to": "Fatima", "language": "ar"},
    "helps": {"from": "Jan", "to": "Fatima", "tag": "dutch_practice"},
    "shared_interest": {"tag": "board_games"},
}


@pytest.mark.parametrize("code", PAIR_CODES + UNMATCHED_CODES)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_raw_codes(code: str, lang: str) -> None:
    text = describe((code, SAMPLES[code]), lang=lang)
    assert text.endswith(".") and text[0].isupper()
    for raw in ("_", "{", " en.", " ar.", "age_range", "None"):
        assert raw not in text, (raw, text)


@pytest.mark.parametrize(
    ("lang", "reason", "expected"),
    [
        ("nl", ("shared_language", {"language": "en"}), "Jullie spreken allebei Engels."),
        ("en", ("shared_language", {"language": "xx"}), "You both speak xx."),
        ("nl", ("same_life_stage", {"stage": "retired"}),
         "Jullie zitten in dezelfde levensfase (allebei met pensioen)."),
        ("en", ("same_life_stage", {"stage": "night_owl"}),
         "You are in the same stage of life (both night owl)."),
        ("en", ("helps", {"from": "a", "to": "b", "tag": "dutch_practice"}),
         "a can help b with dutch practice."),
        ("en", ("similar_age", {"years": 1}), "You are close in age (1 year apart)."),
        ("en", ("similar_age", {"years": 3}), "You are close in age (3 years apart)."),
        ("en", ("waiting", {"days": 1}), "One of you has been waiting 1 day."),
        ("nl", ("waiting", {"days": 1}), "Een van jullie wacht al 1 dag."),
        ("nl", ("status_gap", {"levels": 1}), "Let op het verschil in achtergrond (1 niveau)."),
        ("en", ("common_time", {"slots": 1, "day": 6, "part": "morning"}),
         "You are both free at 1 time a week: Sunday morning."),
        ("en", ("no_feasible_candidate", {"constraint": "language", "excluded": 2, "checked": 2}),
         "Nobody fits the hard requirements; no common language ruled out most (2 of 2)."),
    ],
)
def test_names_and_plurals(lang: str, reason, expected: str) -> None:
    assert describe(reason, lang=lang) == expected
