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


#: Level of Dutch needed to offer "Practising Dutch" (the ``language`` help tag).
TEACHES_LEVEL = 4


def _help_tags(person, languages: dict[str, int], *, tandem: bool) -> tuple[frozenset, frozenset]:
    """What someone offers and needs.

    Helping others practise Dutch needs good Dutch. In a language tandem the
    exchange of languages (by level) replaces the "Practising Dutch" tag.
    """
    offers, needs = set(person.offers or []), set(person.needs or [])
    if tandem or languages.get("nl", 0) < TEACHES_LEVEL:
        offers.discard("language")
    if tandem:
        needs.discard("language")
    return frozenset(offers), frozenset(needs)


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
    offers, needs = _help_tags(
        person, languages, tandem=enrolment.programme.kind == Programme.Kind.TANDEM
    )
    low, high = person.pref_age_min, person.pref_age_max
    waiting_since = enrolment.waiting_since or enrolment.status_changed_at
    return Candidate(
        id=enrolment.pk,
        birth_year=person.birth_year,
        gender=person.gender or None,
        languages=languages,
        interests=frozenset(interests),
        offers=offers,
        needs=needs,
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


def rules_for(
    programme: Programme,
    enrolments: list[Enrolment],
    weights: dict | None = None,
    min_score: float | None = None,
) -> Rules:
    """The engine's rules for ``programme``.

    A language tandem is a language exchange: each teaches the other a
    language they speak well (level 4 or more) and the other is learning (3
    or less); they need not share a language yet.
    """
    chosen = weights if weights is not None else programme.weights()
    tandem = programme.kind == Programme.Kind.TANDEM
    return Rules(
        weights={k: float(v) for k, v in chosen.items() if k in CRITERIA},
        min_score=programme.min_score if min_score is None else min_score,
        peer=programme.kind in PEER_KINDS,
        language_exchange=tandem,
        max_status_gap=programme.max_status_gap,
        min_language_level=None if tandem else 3,
        excluded_pairs=excluded_pairs(programme, enrolments),
    )
