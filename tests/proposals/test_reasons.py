"""Every unmatched reason code the engine gives has its own sentence in both languages."""

import pytest
from django.utils import translation

from metelkaar.matching.explain import PAIR_CODES, UNMATCHED_CODES
from metelkaar.matching.scoring import CONSTRAINTS
from metelkaar.proposals.reasons import CONSTRAINTS as CONSTRAINT_LABELS
from metelkaar.proposals.reasons import UNMATCHED, sentence, unmatched_sentence
from tests.matching.reason_samples import SAMPLES


@pytest.mark.parametrize("code", UNMATCHED_CODES)
def test_each_engine_code_has_a_sentence(code):
    assert code in UNMATCHED


@pytest.mark.parametrize("constraint", CONSTRAINTS)
def test_each_hard_constraint_has_a_label(constraint):
    assert constraint in CONSTRAINT_LABELS


def test_a_missed_option_reads_as_such_in_dutch_and_english():
    with translation.override("en"):
        assert "by hand" in unmatched_sentence("not_reached", {"best_score": 1.2})
    with translation.override("nl"):
        assert "met de hand" in unmatched_sentence("not_reached", {"best_score": 1.2})


NAMES = {1: "Jan", 2: "Fatima"}


@pytest.mark.parametrize("code", PAIR_CODES)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_pair_reason_reads_with_display_names(code, lang):
    """Issue 12, defect 12: no raw codes ("spreken allebei en", "levensfase (retired)")."""
    with translation.override(lang):
        text = sentence(code, SAMPLES[code], NAMES)
        fallback = sentence("no_such_code", {}, NAMES)
    assert text != fallback and text.endswith(".")
    for raw in ("_", "(en)", " en.", " ar.", "retired", "paperwork", "None"):
        assert raw not in text, (raw, text)


@pytest.mark.parametrize(
    ("lang", "code", "params", "expected"),
    [
        ("en", "shared_language", {"language": "en"}, "Both speak English."),
        ("nl", "shared_language", {"language": "en"}, "Ze spreken allebei Engels."),
        ("en", "similar_age", {"years": 1}, "Their ages are close (1 year apart)."),
        ("en", "similar_age", {"years": 4}, "Their ages are close (4 years apart)."),
        ("en", "similar_age", {"years": 0}, "They are the same age."),
        ("nl", "similar_age", {"years": 1}, "Ze schelen 1 jaar in leeftijd."),
        ("en", "waiting", {"days": 1}, "One of them has been waiting for 1 day."),
        ("nl", "waiting", {"days": 1}, "Een van hen wacht al 1 dag."),
        ("nl", "waiting", {"days": 45}, "Een van hen wacht al 45 dagen."),
        ("en", "status_gap", {"levels": 1},
         "Caution: their education or work levels differ by 1 step."),
        ("nl", "status_gap", {"levels": 2},
         "Let op: hun niveau van opleiding of werk verschilt 2 stappen."),
        ("en", "shared_interest", {"tag": "cooking"}, "They share an interest in cooking."),
        ("nl", "helps", {"from": 1, "to": 2, "tag": "paperwork"},
         "Jan kan Fatima helpen met brieven en formulieren."),
        ("en", "teaches", {"from": 1, "to": 2, "language": "nl"},
         "Jan can help Fatima practise Dutch."),
        ("nl", "teaches", {"from": 2, "to": 1, "language": "ar"},
         "Fatima kan Jan helpen Arabisch te oefenen."),
        ("en", "common_time", {"slots": 1, "day": 0, "part": "evening"},
         "They are free at the same time in 1 part of the week: Monday evening."),
    ],
)
def test_plurals_and_names_in_both_languages(lang, code, params, expected):
    with translation.override(lang):
        assert sentence(code, params, NAMES) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("nl", "Jan kan Fatima helpen met Nederlands oefenen."),
    ("en", "Jan can help Fatima with practising Dutch."),
])
def test_a_language_keeps_its_capital_mid_sentence(lang, expected):
    """Issue 12, defect 12: "helpen met nederlands oefenen"; other tags still go lower case."""
    with translation.override(lang):
        assert sentence("helps", {"from": 1, "to": 2, "tag": "language"}, NAMES) == expected
        cooking = sentence("helps", {"from": 1, "to": 2, "tag": "cooking"}, NAMES)
    assert cooking.endswith(("met koken.", "with cooking."))
