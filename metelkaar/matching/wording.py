"""Plain sentences for the engine's reason codes, in English and Dutch.

:func:`describe` renders one reason for the command line (and is the
reference for the web side's translations): languages by name, life stages
and days in words, tags with spaces for underscores, and plurals that agree
with their number ("1 year apart", "2 years apart").

Examples
--------
>>> describe(("shared_language", {"language": "ar"}), lang="nl")
'Jullie spreken allebei Arabisch.'
>>> describe(("similar_age", {"years": 1}))
'You are close in age (1 year apart).'
>>> describe(("shared_interest", {"tag": "dutch_practice"}))
'You share an interest: dutch practice.'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from metelkaar.matching.types import Reason

__all__ = ["describe"]

#: Names of the languages the product offers (ISO 639 codes), per language.
LANGUAGE_NAMES: Mapping[str, Mapping[str, str]] = {
    "en": {
        "nl": "Dutch", "en": "English", "ar": "Arabic", "ti": "Tigrinya", "uk": "Ukrainian",
        "ru": "Russian", "tr": "Turkish", "fa": "Persian", "so": "Somali", "pl": "Polish",
        "fr": "French", "de": "German", "es": "Spanish", "ku": "Kurdish", "prs": "Dari",
        "zgh": "Berber",
    },
    "nl": {
        "nl": "Nederlands", "en": "Engels", "ar": "Arabisch", "ti": "Tigrinya",
        "uk": "Oekraïens", "ru": "Russisch", "tr": "Turks", "fa": "Perzisch", "so": "Somalisch",
        "pl": "Pools", "fr": "Frans", "de": "Duits", "es": "Spaans", "ku": "Koerdisch",
        "prs": "Dari", "zgh": "Berbers",
    },
}  # fmt: skip
#: Life stages as they read in "... the same stage of life (both ...)".
LIFE_STAGES: Mapping[str, Mapping[str, str]] = {
    "en": {
        "student": "students", "young_parent": "young parents", "parent": "parents",
        "working": "working", "retired": "retired",
    },
    "nl": {
        "student": "studenten", "young_parent": "jonge ouders", "parent": "ouders",
        "working": "werkend", "retired": "met pensioen",
    },
}  # fmt: skip
_DAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
}
_PARTS = {
    "en": {"morning": "morning", "afternoon": "afternoon", "evening": "evening"},
    "nl": {"morning": "ochtend", "afternoon": "middag", "evening": "avond"},
}
_CONSTRAINTS = {
    "en": {
        "gender_pref": "the preferred gender", "age_range": "the preferred age",
        "distance": "the largest distance", "language": "no common language",
        "language_exchange": "no language to swap", "status_gap": "the status gap",
        "area": "another area",
        "excluded": "an earlier match without a klik or with a conflict",
    },
    "nl": {
        "gender_pref": "het gewenste gender", "age_range": "de gewenste leeftijd",
        "distance": "de grootste afstand", "language": "geen gezamenlijke taal",
        "language_exchange": "geen taal om te ruilen", "status_gap": "het verschil in niveau",
        "area": "een andere buurt",
        "excluded": "een eerdere koppeling zonder klik of met een conflict",
    },
}  # fmt: skip

#: A sentence, or (singular, plural, name of the number that chooses).
Text = str | tuple[str, str, str]

_TEXT: Mapping[str, Mapping[str, Text]] = {
    "en": {
        "shared_language": "You both speak {language}.",
        "shared_interest": "You share an interest: {tag}.",
        "similar_age": (
            "You are close in age ({years} year apart).",
            "You are close in age ({years} years apart).",
            "years",
        ),
        "same_life_stage": "You are in the same stage of life (both {stage}).",
        "same_gender": "You have the same gender.",
        "teaches": "{from} can help {to} practise {language}.",
        "helps": "{from} can help {to} with {tag}.",
        "mutual_help": "Help can go both ways.",
        "equal_footing": (
            "You meet on an equal footing: your education or work is at a similar level."
        ),
        "status_gap": (
            "Mind the difference in background ({levels} level).",
            "Mind the difference in background ({levels} levels).",
            "levels",
        ),
        "distance_km": "You live {km:.1f} km apart.",
        "common_time": (
            "You are both free at {slots} time a week: {day} {part}.",
            "You are both free at {slots} times a week, e.g. {day} {part}.",
            "slots",
        ),
        "waiting": (
            "One of you has been waiting {days} day.",
            "One of you has been waiting {days} days.",
            "days",
        ),
        "no_feasible_candidate": (
            "Nobody fits the hard requirements; {constraint} ruled out most"
            " ({excluded} of {checked})."
        ),
        "below_min_score": (
            "The best option scores {best_score:.2f}, below the minimum {min_score:.2f}."
        ),
        "nobody_to_pair": "There is nobody to pair with yet.",
        "taken_by_better_fit": "The best option ({best}) fits {taken_by} even better.",
        "not_reached": (
            "A fitting option (score {best_score:.2f}) was not among those compared in"
            " this large run; look for one for this person alone."
        ),
    },
    "nl": {
        "shared_language": "Jullie spreken allebei {language}.",
        "shared_interest": "Jullie delen een interesse: {tag}.",
        "similar_age": "Jullie schelen weinig in leeftijd ({years} jaar).",
        "same_life_stage": "Jullie zitten in dezelfde levensfase (allebei {stage}).",
        "same_gender": "Jullie hebben hetzelfde gender.",
        "teaches": "{from} kan {to} helpen {language} te oefenen.",
        "helps": "{from} kan {to} helpen met {tag}.",
        "mutual_help": "Hulp kan twee kanten op gaan.",
        "equal_footing": (
            "Jullie zijn gelijkwaardig: jullie opleiding of werk ligt op een vergelijkbaar"
            " niveau."
        ),
        "status_gap": (
            "Let op het verschil in achtergrond ({levels} niveau).",
            "Let op het verschil in achtergrond ({levels} niveaus).",
            "levels",
        ),
        "distance_km": "Jullie wonen {km:.1f} km van elkaar.",
        "common_time": (
            "Jullie kunnen allebei op {slots} moment per week: {day}{part}.",
            "Jullie kunnen allebei op {slots} momenten per week, bijvoorbeeld {day}{part}.",
            "slots",
        ),
        "waiting": (
            "Een van jullie wacht al {days} dag.",
            "Een van jullie wacht al {days} dagen.",
            "days",
        ),
        "no_feasible_candidate": (
            "Niemand voldoet aan de harde eisen; {constraint} sloot de meesten uit"
            " ({excluded} van {checked})."
        ),
        "below_min_score": (
            "De beste optie scoort {best_score:.2f}, onder het minimum {min_score:.2f}."
        ),
        "nobody_to_pair": "Er is nog niemand om mee te koppelen.",
        "taken_by_better_fit": "De beste optie ({best}) past nog beter bij {taken_by}.",
        "not_reached": (
            "Een passende optie (score {best_score:.2f}) zat niet bij wat in deze grote"
            " ronde is vergeleken; zoek voor deze persoon apart."
        ),
    },
}


def _words(code: Any) -> str:
    """A free code as words: ``dutch_practice`` -> ``dutch practice``."""
    return str(code).replace("_", " ")


def describe(reason: Reason, lang: str = "en") -> str:
    """One plain sentence for a reason code.

    Parameters
    ----------
    reason : (str, mapping)
        A reason code and its parameters (see :mod:`metelkaar.matching.explain`).
    lang : {"en", "nl"}
        Other values fall back to English.

    Returns
    -------
    str
        Languages by name, life stages, days and parts of the day in words,
        tags with spaces, numbers with their singular or plural.

    Examples
    --------
    >>> describe(("helps", {"from": "Jan", "to": "Fatima", "tag": "paperwork"}))
    'Jan can help Fatima with paperwork.'
    >>> describe(("common_time", {"slots": 2, "day": 0, "part": "evening"}), lang="nl")
    'Jullie kunnen allebei op 2 momenten per week, bijvoorbeeld maandagavond.'
    >>> describe(("same_life_stage", {"stage": "retired"}), lang="nl")
    'Jullie zitten in dezelfde levensfase (allebei met pensioen).'
    >>> describe(("taken_by_better_fit", {"best": "Kees", "best_score": 1.2, "taken_by": None}))
    'The best option (Kees) fits someone else even better.'
    """
    code, params = reason
    lang = lang if lang in _TEXT else "en"
    values: dict[str, Any] = dict(params)
    if "language" in values:
        values["language"] = LANGUAGE_NAMES[lang].get(values["language"], values["language"])
    if "tag" in values:
        values["tag"] = _words(values["tag"])
    if "stage" in values:
        values["stage"] = LIFE_STAGES[lang].get(values["stage"], _words(values["stage"]))
    if "constraint" in values:
        constraint = values["constraint"]
        values["constraint"] = _CONSTRAINTS[lang].get(constraint, _words(constraint))
    if code == "common_time":
        values["day"] = _DAYS[lang][int(params["day"])]
        values["part"] = _PARTS[lang][str(params["part"])]
    if code == "taken_by_better_fit" and values.get("taken_by") is None:
        values["taken_by"] = "someone else" if lang == "en" else "iemand anders"
    text = _TEXT[lang].get(code)
    if text is None:
        return f"{_words(code)}."
    if isinstance(text, tuple):
        one, many, count = text
        text = one if values.get(count) == 1 else many
    return text.format(**values)
