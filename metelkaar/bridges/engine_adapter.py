"""Adapter from bridge requests to the shared matching engine (:mod:`metelkaar.matching`).

The request is modelled as the newcomer: the languages it needs at
conversation level are its languages, its cultures are both its interests
and its needs, and its preferred parts of the week are its availability.
Bridge persons are the others: their own languages and availability, the
cultures they know as interests and offers.

Importing this module raises :class:`ImportError` while the engine does not
offer ``suggest``, ``Candidate`` and ``Rules``; :mod:`metelkaar.bridges.ranking`
then ranks with its own transparent score.
"""

from __future__ import annotations

import logging

from metelkaar.bridges.vocabulary import CONVERSATION_LEVEL
from metelkaar.matching import Candidate, Rules, suggest  # ImportError until the engine lands

logger = logging.getLogger(__name__)
REQUEST_ID = "request"


def _slots(codes) -> frozenset[tuple[int, str]]:
    slots = set()
    for code in codes or []:
        day, _sep, part = str(code).partition("-")
        if day.isdigit() and part:
            slots.add((int(day), part))
    return frozenset(slots)


def request_candidate(bridge_request) -> Candidate:
    cultures = frozenset(bridge_request.cultures or [])
    return Candidate(
        id=REQUEST_ID, birth_year=None, gender="",
        languages={code: CONVERSATION_LEVEL for code in bridge_request.languages or []},
        interests=cultures, offers=frozenset(), needs=cultures,
        availability=_slots(bridge_request.slots), location=None, status_level=None,
        waiting_days=0, gender_pref=frozenset(), age_range=None, max_km=None,
    )


def person_candidate(profile) -> Candidate:
    person = profile.enrolment.person
    cultures = frozenset(profile.cultures or [])
    location = (
        (person.latitude, person.longitude)
        if person.latitude is not None and person.longitude is not None else None
    )
    return Candidate(
        id=profile.pk, birth_year=person.birth_year, gender=person.gender or "",
        languages={code: int(level) for code, level in (person.languages or {}).items()},
        interests=cultures, offers=cultures, needs=frozenset(),
        availability=_slots(person.availability), location=location,
        status_level=person.status_level, waiting_days=0, gender_pref=frozenset(),
        age_range=None, max_km=None,
    )


def _id_and_score(option) -> tuple[object, float]:
    if isinstance(option, tuple):
        return option[0], float(option[1])
    for name in ("id", "other_id", "candidate_id"):
        if hasattr(option, name):
            return getattr(option, name), float(option.score)
    return option.candidate.id, float(option.score)


def engine_scores(bridge_request, profiles: list) -> dict[int, float]:
    """Engine scores by profile pk, in [0, 1]; ``{}`` when the engine refuses the input."""
    if not profiles:
        return {}
    try:
        options = suggest(
            request_candidate(bridge_request), [person_candidate(p) for p in profiles],
            Rules(), k=len(profiles),
        )
        scores = dict(_id_and_score(option) for option in options)
    except (TypeError, AttributeError, ValueError, KeyError):
        # The engine's API is still settling; a coordinator page must not break on it.
        logger.warning("matching engine refused bridge candidates; using own ranking",
                       exc_info=True)
        return {}
    top = max(scores.values(), default=0.0)
    return {pk: (score / top if top > 1 else score) for pk, score in scores.items()
            if isinstance(pk, int)}
