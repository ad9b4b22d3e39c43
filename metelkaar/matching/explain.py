"""Reason codes for proposals and for the unmatched, and a small renderer.

The engine returns **codes with parameters**, never sentences; the web side
translates them (whole sentences, in the user's language). :func:`describe`
is a plain-language rendering in English and Dutch for the command line and
as a reference for the translations.

Pair reason codes (parameters in braces):

- ``shared_language`` {language}
- ``shared_interest`` {tag} -- at most three
- ``similar_age`` {years} -- age gap of at most 10 years
- ``same_life_stage`` {stage}
- ``same_gender`` {} -- special-category; see :data:`SENSITIVE`
- ``helps`` {from, to, tag} -- one per tag and direction, at most three each
- ``mutual_help`` {} -- help flows both ways
- ``status_gap`` {levels} -- a gap of two levels or more (a caution)
- ``distance_km`` {km}
- ``common_time`` {slots, day, part} -- overlapping weekly slots and the first
- ``waiting`` {days} -- the longer wait of the two, when over 30 days

Unmatched reason codes:

- ``no_feasible_candidate`` {constraint, excluded, checked} -- no option passes
  the hard constraints; ``constraint`` excluded the most (one of
  :data:`~metelkaar.matching.scoring.CONSTRAINTS`)
- ``below_min_score`` {best_score, min_score}
- ``taken_by_better_fit`` {best, best_score, taken_by} -- the best option went
  to someone for whom it fits better

Examples
--------
>>> describe(("shared_language", {"language": "ar"}), lang="nl")
'Jullie spreken allebei ar.'
>>> describe(("distance_km", {"km": 1.24}))
'You live 1.2 km apart.'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from metelkaar.matching.types import PARTS_OF_DAY, Candidate, Reason

__all__ = ["SENSITIVE", "describe", "for_participants", "pair_reasons"]

#: Codes built on special-category data: never show them to participants.
SENSITIVE = frozenset({"same_gender"})

_DAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
}
_PARTS = {
    "en": {"morning": "morning", "afternoon": "afternoon", "evening": "evening"},
    "nl": {"morning": "ochtend", "afternoon": "middag", "evening": "avond"},
}

_TEXT: Mapping[str, Mapping[str, str]] = {
    "en": {
        "shared_language": "You both speak {language}.",
        "shared_interest": "You share an interest: {tag}.",
        "similar_age": "You are close in age ({years} years apart).",
        "same_life_stage": "You are in the same stage of life ({stage}).",
        "same_gender": "You have the same gender.",
        "helps": "{from} can help {to} with {tag}.",
        "mutual_help": "Help can go both ways.",
        "status_gap": "Mind the difference in background ({levels} levels).",
        "distance_km": "You live {km:.1f} km apart.",
        "common_time": "You are both free at {slots} times a week, e.g. {day} {part}.",
        "waiting": "One of you has been waiting {days} days.",
        "no_feasible_candidate": (
            "Nobody fits the hard requirements; '{constraint}' ruled out most"
            " ({excluded} of {checked})."
        ),
        "below_min_score": (
            "The best option scores {best_score:.2f}, below the minimum {min_score:.2f}."
        ),
        "taken_by_better_fit": "The best option ({best}) fits {taken_by} even better.",
    },
    "nl": {
        "shared_language": "Jullie spreken allebei {language}.",
        "shared_interest": "Jullie delen een interesse: {tag}.",
        "similar_age": "Jullie schelen weinig in leeftijd ({years} jaar).",
        "same_life_stage": "Jullie zitten in dezelfde levensfase ({stage}).",
        "same_gender": "Jullie hebben hetzelfde gender.",
        "helps": "{from} kan {to} helpen met {tag}.",
        "mutual_help": "Hulp kan twee kanten op gaan.",
        "status_gap": "Let op het verschil in achtergrond ({levels} niveaus).",
        "distance_km": "Jullie wonen {km:.1f} km van elkaar.",
        "common_time": (
            "Jullie kunnen allebei op {slots} momenten per week, bijvoorbeeld {day}{part}."
        ),
        "waiting": "Een van jullie wacht al {days} dagen.",
        "no_feasible_candidate": (
            "Niemand voldoet aan de harde eisen; '{constraint}' sloot de meesten uit"
            " ({excluded} van {checked})."
        ),
        "below_min_score": (
            "De beste optie scoort {best_score:.2f}, onder het minimum {min_score:.2f}."
        ),
        "taken_by_better_fit": "De beste optie ({best}) past nog beter bij {taken_by}.",
    },
}


def for_participants(reasons: tuple[Reason, ...]) -> tuple[Reason, ...]:
    """The reasons that may be shown to participants (no special-category data).

    Examples
    --------
    >>> for_participants((("same_gender", {}), ("mutual_help", {})))
    (('mutual_help', {}),)
    """
    return tuple(r for r in reasons if r[0] not in SENSITIVE)


def describe(reason: Reason, lang: str = "en") -> str:
    """One plain sentence for a reason code.

    Parameters
    ----------
    reason : (str, mapping)
        A reason code and its parameters.
    lang : {"en", "nl"}

    Returns
    -------
    str

    Examples
    --------
    >>> describe(("helps", {"from": "Jan", "to": "Fatima", "tag": "paperwork"}))
    'Jan can help Fatima with paperwork.'
    >>> describe(("common_time", {"slots": 2, "day": 0, "part": "evening"}), lang="nl")
    'Jullie kunnen allebei op 2 momenten per week, bijvoorbeeld maandagavond.'
    """
    code, params = reason
    texts = _TEXT.get(lang, _TEXT["en"])
    values: dict[str, Any] = dict(params)
    if code == "common_time":
        values["day"] = _DAYS[lang if lang in _DAYS else "en"][int(params["day"])]
        values["part"] = _PARTS[lang if lang in _PARTS else "en"][str(params["part"])]
    template = texts.get(code)
    if template is None:
        return f"{code} {dict(params)}"
    return template.format(**values)


def pair_reasons(
    a: Candidate,
    b: Candidate,
    contributions: Mapping[str, float],
    *,
    year: int,
    km: float | None,
) -> tuple[Reason, ...]:
    """Reason codes for one proposed pair, strongest criteria first.

    Parameters
    ----------
    a, b : Candidate
    contributions : mapping of str to float
        Weighted criteria of the pair; criteria with no contribution give no
        positive reasons.
    year : int
        Reference year for ages.
    km : float or None
        Distance between the two, when known.

    Returns
    -------
    tuple of Reason

    Notes
    -----
    O(size of the two candidates' sets); called once per proposal, not per
    candidate pair.

    Examples
    --------
    >>> a = Candidate(id="jan", languages={"nl": 5}, offers={"paperwork"})
    >>> b = Candidate(id="fatima", languages={"nl": 3, "ar": 5}, needs={"paperwork"})
    >>> for reason in pair_reasons(a, b, {"complementarity": 0.5}, year=2026, km=None):
    ...     print(reason)
    ('helps', {'from': 'jan', 'to': 'fatima', 'tag': 'paperwork'})
    ('shared_language', {'language': 'nl'})
    """
    reasons: list[tuple[float, Reason]] = []

    def add(weight: float, code: str, **params: Any) -> None:
        reasons.append((weight, (code, params)))

    sim = contributions.get("similarity", 0.0)
    comp = contributions.get("complementarity", 0.0)
    for giver, taker in ((a, b), (b, a)):
        for tag in sorted(giver.offers & taker.needs)[:3]:
            add(comp + 1e-9, "helps", **{"from": giver.id, "to": taker.id, "tag": tag})
    if contributions.get("mutual_help", 0.0) > 0:
        add(contributions["mutual_help"], "mutual_help")
    common = set(a.languages) & set(b.languages)
    if common:
        best = max(sorted(common), key=lambda code: min(a.languages[code], b.languages[code]))
        add(sim, "shared_language", language=best)
    for tag in sorted(a.interests & b.interests)[:3]:
        add(sim, "shared_interest", tag=tag)
    if a.birth_year is not None and b.birth_year is not None:
        gap = abs(a.birth_year - b.birth_year)
        if gap <= 10:
            add(sim, "similar_age", years=gap)
    if a.life_stage and a.life_stage == b.life_stage:
        add(sim, "same_life_stage", stage=a.life_stage)
    if a.gender is not None and a.gender == b.gender:
        add(sim / 2, "same_gender")
    feas = contributions.get("feasibility", 0.0)
    if km is not None:
        add(feas, "distance_km", km=round(km, 1))
    slots = sorted(a.availability & b.availability, key=lambda s: (s[0], PARTS_OF_DAY.index(s[1])))
    if slots:
        add(feas, "common_time", slots=len(slots), day=slots[0][0], part=slots[0][1])
    if a.status_level is not None and b.status_level is not None:
        if abs(a.status_level - b.status_level) >= 2:
            add(-1.0, "status_gap", levels=abs(a.status_level - b.status_level))
    wait = max(a.waiting_days, b.waiting_days)
    if wait > 30 and contributions.get("fairness", 0.0) > 0:
        add(contributions["fairness"], "waiting", days=wait)
    reasons.sort(key=lambda r: -r[0])
    return tuple(r for _, r in reasons)
