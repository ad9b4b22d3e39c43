"""The one place where ORM rows become engine input and engine output becomes rows.

The matching core (:mod:`metelkaar.matching`) knows nothing of the database:
this module turns waiting enrolments into :class:`~metelkaar.matching.Candidate`
records and a programme's settings into :class:`~metelkaar.matching.Rules`.
Special-category data is never passed to the engine, so it can never appear
in a reason.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q
from django.utils import timezone

from metelkaar.matching.types import CRITERIA, PARTS_OF_DAY, Candidate, Rules
from metelkaar.programmes.models import Enrolment, Programme

# Children's age bands become shared "interests" of a household, so the
# engine's similarity counts families with children of the same age.
CHILD_BANDS = ((0, 3, "kids_0_3"), (4, 11, "kids_4_11"), (12, 17, "kids_12_17"))
PEER_KINDS = {Programme.Kind.TANDEM, Programme.Kind.BUDDY, Programme.Kind.FAMILY}


def _availability(slots: Iterable[str]) -> set[tuple[int, str]]:
    result = set()
    for slot in slots:
        day, _, part = str(slot).partition("-")
        if day.isdigit() and 0 <= int(day) <= 6 and part in PARTS_OF_DAY:
            result.add((int(day), part))
    return result


def _languages(raw: dict) -> dict[str, int]:
    out = {}
    for code, level in (raw or {}).items():
        try:
            level = int(level)
        except (TypeError, ValueError):
            continue
        if 1 <= level <= 5:
            out[str(code)] = level
    return out


def _child_bands(birth_years: Iterable[int], year: int) -> set[str]:
    bands = set()
    for born in birth_years:
        age = year - int(born)
        bands |= {tag for low, high, tag in CHILD_BANDS if low <= age <= high}
    return bands


def candidate_for(enrolment: Enrolment, *, today=None) -> Candidate:
    """The engine's view of one waiting enrolment (a person, or a household)."""
    person = enrolment.person
    today = today or timezone.localdate()
    interests = set(person.interests or [])
    languages = _languages(person.languages)
    household = enrolment.household or person.household
    if enrolment.programme.kind == Programme.Kind.FAMILY and household is not None:
        interests |= _child_bands(household.children_birth_years or [], today.year)
    location = (
        (person.latitude, person.longitude)
        if person.latitude is not None and person.longitude is not None
        else None
    )
    low, high = person.pref_age_min, person.pref_age_max
    waiting_since = enrolment.waiting_since or enrolment.status_changed_at
    return Candidate(
        id=enrolment.pk,
        birth_year=person.birth_year,
        gender=person.gender or None,
        languages=languages,
        interests=frozenset(interests),
        offers=frozenset(person.offers or []),
        needs=frozenset(person.needs or []),
        availability=frozenset(_availability(person.availability or [])),
        location=location,
        status_level=person.status_level,
        waiting_days=max(0, (timezone.now() - waiting_since).days) if waiting_since else 0,
        gender_pref=frozenset(person.pref_buddy_gender) if person.pref_buddy_gender else None,
        age_range=(low or 0, high or 120) if (low or high) else None,
        max_km=float(person.max_km) if person.max_km else None,
        area=person.neighbourhood.cbs_code if person.neighbourhood_id else None,
        side=enrolment.side,
    )


def excluded_pairs(programme: Programme, enrolments: list[Enrolment]) -> frozenset:
    """Enrolment pairs whose people had a no-click or a conflict ending before."""
    from metelkaar.matches.models import Match

    by_person = {e.person_id: e.pk for e in enrolments}
    bad = Q(status=Match.Status.NO_CLICK) | Q(
        status=Match.Status.CLOSED, closure_reason=Match.ClosureReason.CONFLICT
    )
    rows = Match.objects.filter(
        bad, programme__organisation_id=programme.organisation_id
    ).values_list("enrolment_a__person_id", "enrolment_b__person_id")
    return frozenset(
        frozenset((by_person[a], by_person[b]))
        for a, b in rows
        if a in by_person and b in by_person
    )


TEACHES_LEVEL = 4  # speaks it well enough to help someone practise
LEARNS_LEVELS = (1, 2)  # stated as a language one is learning


def _helps(giver: Candidate, taker: Candidate) -> bool:
    """The giver offers something the taker needs, or can teach a language the taker learns."""
    if giver.offers & taker.needs:
        return True
    return any(
        taker.languages.get(code) in LEARNS_LEVELS
        for code, level in giver.languages.items()
        if level >= TEACHES_LEVEL
    )


def one_way_pairs(candidates: list[Candidate]) -> frozenset:
    """Pairs in which help could not go both ways: impossible in a tandem.

    Quadratic in the pool, which for one programme's waiting list is small.
    """
    excluded = set()
    for i, a in enumerate(candidates):
        for b in candidates[i + 1 :]:
            if not (_helps(a, b) and _helps(b, a)):
                excluded.add(frozenset((a.id, b.id)))
    return frozenset(excluded)


def rules_for(
    programme: Programme,
    enrolments: list[Enrolment],
    weights: dict | None = None,
    min_score: float | None = None,
    candidates: list[Candidate] | None = None,
) -> Rules:
    """The engine's rules for ``programme``; ``candidates`` saves building them again."""
    chosen = weights if weights is not None else programme.weights()
    return Rules(
        weights={k: float(v) for k, v in chosen.items() if k in CRITERIA},
        min_score=programme.min_score if min_score is None else min_score,
        peer=programme.kind in PEER_KINDS,
        excluded_pairs=excluded_pairs(programme, enrolments)
        | (
            one_way_pairs(candidates or [candidate_for(e) for e in enrolments])
            if programme.kind == Programme.Kind.TANDEM
            else frozenset()
        ),
    )
