"""Plain data in and out of the engine: candidates, rules, proposals.

Everything here is a frozen dataclass of builtins, so the web side can build
it from ORM rows and store the results without the engine knowing either.

Examples
--------
>>> fatima = Candidate(id="fatima", birth_year=1990, languages={"nl": 3, "ar": 5})
>>> fatima.languages["ar"]
5
>>> Rules().weights["similarity"]
1.0
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Hashable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

__all__ = [
    "CRITERIA",
    "DEFAULT_WEIGHTS",
    "PARTS_OF_DAY",
    "Alternative",
    "Candidate",
    "Proposal",
    "Proposals",
    "Reason",
    "Rules",
    "Unmatched",
]

#: Parts of the day in an availability slot ``(weekday 0-6, part)``.
PARTS_OF_DAY = ("morning", "afternoon", "evening")

#: Criteria of a pair score, each in [0, 1] before weighting.
CRITERIA = (
    "similarity",
    "complementarity",
    "mutual_help",
    "equality",
    "feasibility",
    "fairness",
)

DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "similarity": 1.0,
        "complementarity": 1.0,
        "mutual_help": 0.5,
        "equality": 0.5,
        "feasibility": 1.0,
        "fairness": 0.2,
    }
)

#: A reason code with its parameters, e.g. ``("shared_language", {"language": "ar"})``.
Reason = tuple[str, Mapping[str, Any]]


def _frozen(value: Any) -> frozenset[Any]:
    return value if isinstance(value, frozenset) else frozenset(value)


def _number(owner: str, name: str, value: Any, *, low: float | None = None) -> float:
    """``value`` as a finite float (at least ``low``), or a ValueError naming the field."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{owner}.{name} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{owner}.{name} must be finite, got {value!r}")
    if low is not None and value < low:
        raise ValueError(f"{owner}.{name} must be at least {low:g}, got {value!r}")
    return float(value)


def _whole(owner: str, name: str, value: Any, *, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise ValueError(f"{owner}.{name} must be a whole number >= {low}, got {value!r}")
    return value


@dataclass(frozen=True, eq=False)
class Candidate:
    """One person (or household) waiting for a match.

    Sets may be given as any iterable; they are stored as ``frozenset``.
    Hard preferences (``gender_pref``, ``age_range``, ``max_km``) make a pair
    impossible when the *other* person does not satisfy them; ``None`` means
    no preference. Unknown values (``None``) never satisfy a stated
    preference.

    Attributes
    ----------
    id : hashable
        The caller's identifier (an enrolment pk, a CSV row id).
    birth_year, gender, languages, interests, offers, needs, availability,
    location, status_level, waiting_days, gender_pref, age_range, max_km
        As in the matching issue: ``languages`` maps a language code to a
        level 1-5; ``availability`` holds ``(weekday 0-6, part of day)``;
        ``location`` is ``(lat, lon)`` in degrees.
    life_stage : str, optional
        E.g. "student", "young_parent", "retired"; shared stage counts as
        similarity.
    area : str, optional
        Blocking key for city-scale runs (e.g. a neighbourhood code); when
        :attr:`Rules.same_area` is set, pairs across areas are impossible.
    side : str, optional
        Free label ("volunteer", "newcomer") carried into the output.
    """

    id: Hashable
    birth_year: int | None = None
    gender: str | None = None
    languages: Mapping[str, int] = field(default_factory=dict)
    interests: AbstractSet[str] = frozenset()
    offers: AbstractSet[str] = frozenset()
    needs: AbstractSet[str] = frozenset()
    availability: AbstractSet[tuple[int, str]] = frozenset()
    location: tuple[float, float] | None = None
    status_level: int | None = None
    waiting_days: int = 0
    gender_pref: AbstractSet[str] | None = None
    age_range: tuple[int, int] | None = None
    max_km: float | None = None
    life_stage: str | None = None
    area: str | None = None
    side: str | None = None

    def __post_init__(self) -> None:
        for name in ("interests", "offers", "needs", "availability"):
            object.__setattr__(self, name, _frozen(getattr(self, name)))
        if self.gender_pref is not None:
            object.__setattr__(self, "gender_pref", _frozen(self.gender_pref))
        object.__setattr__(self, "languages", MappingProxyType(dict(self.languages)))
        for day, part in self.availability:
            if not 0 <= day <= 6 or part not in PARTS_OF_DAY:
                raise ValueError(f"availability slot {(day, part)!r} is not (0-6, {PARTS_OF_DAY})")
        for code, level in self.languages.items():
            if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 5:
                raise ValueError(f"language level {code}={level!r} is not 1-5")
        where = f"Candidate {self.id!r}"
        if self.age_range is not None:
            low, high = (_number(where, "age_range", x, low=0) for x in self.age_range)
            if low > high:
                raise ValueError(f"{where}: age_range {self.age_range!r} is reversed (low > high)")
        if self.max_km is not None:
            _number(where, "max_km", self.max_km, low=0)
        if self.status_level is not None:
            _number(where, "status_level", self.status_level)
        if self.birth_year is not None:
            _whole(where, "birth_year", self.birth_year, low=0)
        _whole(where, "waiting_days", self.waiting_days, low=0)
        if self.location is not None:
            lat, lon = (_number(where, "location", x) for x in self.location)
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError(
                    f"{where}: location {self.location!r} is not (lat, lon) in degrees"
                )


@dataclass(frozen=True)
class Rules:
    """A programme's matching rules: weights, threshold and hard constraints.

    Attributes
    ----------
    weights : mapping of str to float
        Weight per criterion in :data:`CRITERIA`; missing criteria weigh 0.
    min_score : float
        Pairs scoring below this are never proposed.
    min_language_level : int or None
        Both need a common language at this level or higher (3 =
        conversation); ``None`` switches the constraint off.
    language_exchange : bool
        Language tandem: each of the two must speak a language well
        (``teach_level`` or higher) that the other is learning
        (``learn_level`` or lower). Usually with ``min_language_level=None``:
        tandem partners need not share a language yet.
    teach_level, learn_level : int
        Levels (1-5) of the language exchange: 4 ("good") to teach, 3
        ("everyday conversation") or lower to be learning.
    max_status_gap : int or None
        Largest difference in ``status_level`` a pair may have (equality as
        a hard limit); ``None`` means no limit. Unknown levels pass.
    max_km : float or None
        Programme-wide distance limit.
    distance_scale_km : float
        Distance at which the distance part of feasibility has halved.
    peer : bool
        Peer programme: a large age gap counts against equality.
    same_area : bool
        Pairs must share :attr:`Candidate.area` (blocking).
    excluded_pairs : frozenset of frozenset
        Pairs of ids that must not meet again (earlier ``no_click``, conflict).
    reference_year : int or None
        Year ages are computed in; ``None`` means this year.
    candidates : int
        Options per person and direction kept in large runs (``k``): each
        person's ``k`` best possible partners, plus every pair in which they
        are among the other's ``k`` best, so about ``1.25 k`` edges per person
        of side A reach the solver. Measured on the benchmark's synthetic city
        (``python bench/matching.py --gap 10000``): ``k = 10`` is 0.2 % below
        the dense optimum at 3,000 x 3,000 and 0.3 % at 10,000 x 10,000
        (``k = 8``: 0.38 % at 3,000; ``k = 12``: 0.13 %; the exact top-10 of
        every row and column, found by brute force, 0.18 %).
    prefilter : float
        Width of the surrogate search: ``M = prefilter * k`` people per
        person and direction are rescored exactly (see
        :mod:`metelkaar.matching.candidates`). 3 finds about 97 % of every
        person's exact top 10; 2 cost 0.08 points of gap at 3,000 and saves
        a third of the exact scoring.
    pool_candidates : int
        ``candidates`` for one pool (about 6 edges per person at 10), lower
        because the blossom algorithm's time grows quickly with the number of
        edges.
    dense_limit : int
        Largest ``n_a * n_b`` scored as a full matrix (exact); above it,
        candidate edges only. At 500 x 500 the full matrix took 0.45 s end to
        end and candidates 0.10 s, 0.01 % below it; at 1,000 x 1,000 1.1 s
        against 0.36 s, 0.05 % below.
    pool_dense_limit : int
        The same for one pool (pairs ``n (n - 1) / 2``): about 500 people.
        At 500 all pairs took 0.11-0.15 s end to end and candidates 0.06 s,
        0.04 % below; at 700 0.2-0.3 s against 0.12 s, 0.06 % below (the
        blossom step is compiled; in Python all pairs of 2,000 people took
        minutes).
    """

    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    min_score: float = 0.0
    min_language_level: int | None = 3
    language_exchange: bool = False
    teach_level: int = 4
    learn_level: int = 3
    max_status_gap: int | None = None
    max_km: float | None = None
    distance_scale_km: float = 5.0
    peer: bool = False
    same_area: bool = False
    excluded_pairs: frozenset[frozenset[Hashable]] = frozenset()
    reference_year: int | None = None
    candidates: int = 10
    prefilter: float = 3.0
    pool_candidates: int = 10
    dense_limit: int = 250_000
    pool_dense_limit: int = 125_000

    def __post_init__(self) -> None:
        unknown = set(self.weights) - set(CRITERIA)
        if unknown:
            raise ValueError(f"unknown criteria {sorted(unknown)}; known: {CRITERIA}")
        for name, value in self.weights.items():
            _number("Rules", f"weights[{name!r}]", value, low=0)
        object.__setattr__(self, "weights", MappingProxyType(dict(self.weights)))
        _number("Rules", "min_score", self.min_score)
        if self.min_language_level is not None:
            level = self.min_language_level
            if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 5:
                raise ValueError(f"Rules.min_language_level must be 1-5 or None, got {level!r}")
        for name in ("teach_level", "learn_level"):
            if _whole("Rules", name, getattr(self, name), low=1) > 5:
                raise ValueError(f"Rules.{name} must be 1-5, got {getattr(self, name)!r}")
        if self.learn_level >= self.teach_level:
            raise ValueError(
                f"Rules.learn_level ({self.learn_level}) must be below"
                f" teach_level ({self.teach_level})"
            )
        if self.max_status_gap is not None:
            _whole("Rules", "max_status_gap", self.max_status_gap, low=0)
        if self.max_km is not None:
            _number("Rules", "max_km", self.max_km, low=0)
        if _number("Rules", "distance_scale_km", self.distance_scale_km) <= 0:
            raise ValueError(f"Rules.distance_scale_km must be > 0, got {self.distance_scale_km!r}")
        _whole("Rules", "candidates", self.candidates, low=1)
        _whole("Rules", "pool_candidates", self.pool_candidates, low=1)
        _number("Rules", "prefilter", self.prefilter, low=1)
        _whole("Rules", "dense_limit", self.dense_limit, low=0)
        _whole("Rules", "pool_dense_limit", self.pool_dense_limit, low=0)
        pairs = frozenset(frozenset(p) for p in self.excluded_pairs)
        odd = [sorted(map(repr, p)) for p in pairs if len(p) != 2]
        if odd:
            raise ValueError(f"Rules.excluded_pairs must hold pairs of two ids, got {odd[:3]}")
        object.__setattr__(self, "excluded_pairs", pairs)

    @property
    def year(self) -> int:
        """The year ages are computed in."""
        return self.reference_year or datetime.date.today().year


@dataclass(frozen=True)
class Alternative:
    """The best option a person had besides the proposed partner."""

    id: Hashable
    score: float
    gap: float  # proposed score minus this option's score


@dataclass(frozen=True)
class Proposal:
    """One proposed pair with its score and explanation.

    ``contributions`` holds weight x criterion per criterion and sums to
    ``score``; ``reasons`` are codes with parameters (see
    :mod:`metelkaar.matching.explain`).
    """

    a: Hashable
    b: Hashable
    score: float
    contributions: Mapping[str, float]
    reasons: tuple[Reason, ...]
    runner_up_a: Alternative | None = None
    runner_up_b: Alternative | None = None


@dataclass(frozen=True)
class Unmatched:
    """A person left without a proposal, and why (one reason code)."""

    id: Hashable
    reason: Reason


@dataclass(frozen=True)
class Proposals:
    """The outcome of a matching run: pairs by descending score and the unmatched."""

    pairs: tuple[Proposal, ...]
    unmatched: tuple[Unmatched, ...]
    total_score: float
    stats: Mapping[str, Any] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Proposal]:
        return iter(self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)
