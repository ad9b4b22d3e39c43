"""Reason codes for proposals and for the unmatched.

The engine returns **codes with parameters**, never sentences; the web side
translates them (whole sentences, in the user's language).
:func:`~metelkaar.matching.wording.describe` is a plain-language rendering in
English and Dutch for the command line and as a reference for the
translations. The engine builds the reasons of all
proposals in one call (:func:`pair_reasons_many`); :func:`pair_reasons` gives
the same for one pair.

Pair reason codes (parameters in braces):

- ``shared_language`` {language} -- both speak it at the required level (at
  least conversation, 3, when none is required)
- ``shared_interest`` {tag} -- at most three
- ``similar_age`` {years} -- age gap of at most 10 years
- ``same_life_stage`` {stage}
- ``same_gender`` {} -- special-category; see :data:`SENSITIVE`
- ``teaches`` {from, to, language} -- in a language exchange, per direction:
  a language the one speaks well and the other is learning (always first)
- ``helps`` {from, to, tag} -- one per tag and direction, at most three each
- ``mutual_help`` {} -- help flows both ways
- ``equal_footing`` {} -- both gave their education or work level and it
  differs by at most one step, where equality weighs in the score
- ``status_gap`` {levels} -- a gap of two levels or more (a caution)
- ``distance_km`` {km}
- ``common_time`` {slots, day, part} -- overlapping weekly slots and the first
- ``waiting`` {days} -- the longer wait of the two, when over 30 days

Unmatched reason codes:

- ``nobody_to_pair`` {} -- the other side is empty, or the pool holds this
  person alone
- ``no_feasible_candidate`` {constraint, excluded, checked} -- no option passes
  the hard constraints; ``constraint`` excluded the most (one of
  :data:`~metelkaar.matching.scoring.CONSTRAINTS`)
- ``below_min_score`` {best_score, min_score}
- ``taken_by_better_fit`` {best, best_score, taken_by} -- the best option went
  to someone for whom it fits better
- ``not_reached`` {best_score} -- a large run's candidate search offered this
  person nothing, yet a sampled partner passes every constraint and scores at
  least the minimum (look for one with :func:`~metelkaar.matching.suggest`)

Examples
--------
>>> describe(("shared_language", {"language": "ar"}), lang="nl")
'Jullie spreken allebei Arabisch.'
>>> describe(("distance_km", {"km": 1.24}))
'You live 1.2 km apart.'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import NDArray

from metelkaar.matching.types import CRITERIA, PARTS_OF_DAY, Candidate, Reason
from metelkaar.matching.wording import describe

__all__ = [
    "PAIR_CODES",
    "SENSITIVE",
    "UNMATCHED_CODES",
    "describe",
    "for_participants",
    "pair_reasons",
    "pair_reasons_many",
]

#: Codes built on special-category data: never show them to participants.
SENSITIVE = frozenset({"same_gender"})

#: Every reason code of a proposed pair, and of a person left unmatched.
PAIR_CODES = (
    "teaches",
    "helps",
    "mutual_help",
    "shared_language",
    "shared_interest",
    "similar_age",
    "same_life_stage",
    "same_gender",
    "distance_km",
    "common_time",
    "equal_footing",
    "status_gap",
    "waiting",
)
UNMATCHED_CODES = (
    "nobody_to_pair",
    "no_feasible_candidate",
    "below_min_score",
    "taken_by_better_fit",
    "not_reached",
)

def for_participants(reasons: tuple[Reason, ...]) -> tuple[Reason, ...]:
    """The reasons that may be shown to participants (no special-category data).

    Examples
    --------
    >>> for_participants((("same_gender", {}), ("mutual_help", {})))
    (('mutual_help', {}),)
    """
    return tuple(r for r in reasons if r[0] not in SENSITIVE)


def pair_reasons(
    a: Candidate,
    b: Candidate,
    contributions: Mapping[str, float],
    *,
    year: int,
    km: float | None,
    language_level: int = 3,
    exchange: tuple[int, int] | None = None,
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
    language_level : int
        Level both need in a language for ``shared_language``.
    exchange : (int, int), optional
        ``(teach_level, learn_level)`` of a language exchange: adds
        ``teaches`` reasons.

    Returns
    -------
    tuple of Reason

    Notes
    -----
    One row of :func:`pair_reasons_many`, which the engine uses for all
    proposals at once.

    Examples
    --------
    >>> a = Candidate(id="jan", languages={"nl": 5}, offers={"paperwork"})
    >>> b = Candidate(id="fatima", languages={"nl": 3, "ar": 5}, needs={"paperwork"})
    >>> for reason in pair_reasons(a, b, {"complementarity": 0.5}, year=2026, km=None):
    ...     print(reason)
    ('helps', {'from': 'jan', 'to': 'fatima', 'tag': 'paperwork'})
    ('shared_language', {'language': 'nl'})
    """
    row = np.array([[contributions.get(c, 0.0) for c in CRITERIA]], dtype=np.float64)
    distance = np.array([np.nan if km is None else km], dtype=np.float64)
    return pair_reasons_many(
        [a], [b], row, distance, year=year, language_level=language_level, exchange=exchange
    )[0]


#: Rank of an availability slot: by weekday, then part of the day.
_SLOT_RANK = {(day, part): 3 * day + k for day in range(7) for k, part in enumerate(PARTS_OF_DAY)}
_SIM, _COMP, _MUTUAL, _EQ, _FEAS, _FAIR = (
    CRITERIA.index(c)
    for c in ("similarity", "complementarity", "mutual_help", "equality", "feasibility", "fairness")
)


def pair_reasons_many(
    people_a: Sequence[Candidate],
    people_b: Sequence[Candidate],
    contributions: NDArray[np.float64],
    km: NDArray[np.float64],
    *,
    year: int,
    language_level: int = 3,
    exchange: tuple[int, int] | None = None,
) -> list[tuple[Reason, ...]]:
    """Reason codes for many proposed pairs at once, each strongest first.

    Parameters
    ----------
    people_a, people_b : sequence of Candidate
        Pair ``k`` is ``(people_a[k], people_b[k])``.
    contributions : ndarray of float, shape (m, len(CRITERIA))
        Weighted criteria per pair, in the order of
        :data:`~metelkaar.matching.types.CRITERIA`.
    km : ndarray of float, shape (m,)
        Distance per pair; ``nan`` when unknown.
    year : int
        Reference year for ages (ages enter only as differences).
    language_level : int
        Level both need in a language for ``shared_language`` (a level-1
        speaker does not "speak" it).
    exchange : (int, int), optional
        ``(teach_level, learn_level)`` of a language exchange (tandem): each
        pair starts with a ``teaches`` reason per direction.

    Returns
    -------
    list of tuple of Reason
        One tuple per pair, as :func:`pair_reasons` gives it.

    Notes
    -----
    Reasons come in groups that share a weight: help given (the
    complementarity contribution), mutual help, similarity (language,
    interests, age, life stage), gender (half the similarity), feasibility
    (distance, common time), a status gap (a caution, after every group with
    a weight), waiting (fairness) and equal footing (equality). The groups
    are ordered by weight for all pairs at once with one stable
    :func:`numpy.argsort`; ties keep the order above.
    What remains per pair is set intersections of a few small sets and the
    reason tuples themselves: O(m * s) for sets of size s.

    Examples
    --------
    >>> a = Candidate(id="ali", languages={"nl": 4}, birth_year=1990, waiting_days=90)
    >>> b = Candidate(id="bo", languages={"nl": 3}, birth_year=1995)
    >>> row = np.array([[0.8, 0.0, 0.0, 0.5, 0.0, 0.1]])
    >>> pair_reasons_many([a], [b], row, np.array([1.25]), year=2026)
    [(('shared_language', {'language': 'nl'}), ('similar_age', {'years': 5}), \
('waiting', {'days': 90}), ('distance_km', {'km': 1.2}))]
    """
    c = np.asarray(contributions, dtype=np.float64).reshape(-1, len(CRITERIA))
    sim, comp, fair = c[:, _SIM], c[:, _COMP], c[:, _FAIR]
    groups = np.column_stack(
        [
            comp + 1e-9 if exchange is None else np.full(len(c), np.inf),  # help (a tandem's first)
            c[:, _MUTUAL],
            sim,
            sim / 2,
            c[:, _FEAS],
            np.full(len(c), -1.0),
            fair,
            c[:, _EQ],
        ]
    )
    orders = np.argsort(-groups, axis=1, kind="stable").tolist()
    mutual_on = (c[:, _MUTUAL] > 0).tolist()
    fair_on = (fair > 0).tolist()
    equal_on = (c[:, _EQ] > 0).tolist()
    distances = np.asarray(km, dtype=np.float64).reshape(len(c)).tolist()
    slot_rank = _SLOT_RANK.__getitem__
    out: list[tuple[Reason, ...]] = []
    for k, (a, b) in enumerate(zip(people_a, people_b, strict=True)):
        helps: list[Reason] = _teaches(a, b, exchange) if exchange else []
        for giver, taker in ((a, b), (b, a)):
            given = giver.offers & taker.needs
            if given:
                for tag in sorted(given)[:3]:
                    helps.append(("helps", {"from": giver.id, "to": taker.id, "tag": tag}))
        similar: list[Reason] = []
        la, lb = a.languages, b.languages
        spoken = {x for x in la.keys() & lb.keys() if min(la[x], lb[x]) >= language_level}
        if spoken:
            if len(spoken) == 1:
                (best,) = spoken
            else:
                best = max(sorted(spoken), key=lambda code: min(la[code], lb[code]))
            similar.append(("shared_language", {"language": best}))
        shared = a.interests & b.interests
        if shared:
            for tag in sorted(shared)[:3]:
                similar.append(("shared_interest", {"tag": tag}))
        if a.birth_year is not None and b.birth_year is not None:
            gap = abs(a.birth_year - b.birth_year)
            if gap <= 10:
                similar.append(("similar_age", {"years": gap}))
        if a.life_stage and a.life_stage == b.life_stage:
            similar.append(("same_life_stage", {"stage": a.life_stage}))
        feasible: list[Reason] = []
        distance = distances[k]
        if distance == distance:  # not nan
            feasible.append(("distance_km", {"km": round(distance, 1)}))
        slots = a.availability & b.availability
        if slots:
            day, part = min(slots, key=slot_rank)
            feasible.append(("common_time", {"slots": len(slots), "day": day, "part": part}))
        by_group: tuple[list[Reason] | None, ...] = (
            helps,
            [("mutual_help", {})] if mutual_on[k] else None,
            similar,
            [("same_gender", {})] if a.gender is not None and a.gender == b.gender else None,
            feasible,
            _status_gap(a, b),
            _waiting(a, b) if fair_on[k] else None,
            _equal_footing(a, b) if equal_on[k] else None,
        )
        reasons: list[Reason] = []
        for g in orders[k]:
            group = by_group[g]
            if group:
                reasons += group
        out.append(tuple(reasons))
    return out


def _teaches(a: Candidate, b: Candidate, exchange: tuple[int, int]) -> list[Reason]:
    """Per direction, the language the giver speaks best among those the taker learns."""
    teach, learn = exchange
    out: list[Reason] = []
    for giver, taker in ((a, b), (b, a)):
        taught = [
            code
            for code, level in taker.languages.items()
            if level <= learn and giver.languages.get(code, 0) >= teach
        ]
        if taught:
            best = max(sorted(taught), key=lambda code: giver.languages[code])
            out.append(("teaches", {"from": giver.id, "to": taker.id, "language": best}))
    return out


def _equal_footing(a: Candidate, b: Candidate) -> list[Reason] | None:
    if a.status_level is None or b.status_level is None:
        return None
    return [("equal_footing", {})] if abs(a.status_level - b.status_level) <= 1 else None


def _status_gap(a: Candidate, b: Candidate) -> list[Reason] | None:
    if a.status_level is None or b.status_level is None:
        return None
    levels = abs(a.status_level - b.status_level)
    return [("status_gap", {"levels": levels})] if levels >= 2 else None


def _waiting(a: Candidate, b: Candidate) -> list[Reason] | None:
    wait = max(a.waiting_days, b.waiting_days)
    return [("waiting", {"days": wait})] if wait > 30 else None
