"""Adapter from bridge requests to the shared matching engine (:mod:`metelkaar.matching`).

The request is modelled as the newcomer: the languages it needs at
conversation level are its languages, its cultures are both its interests
and its needs, and its preferred parts of the week are its availability.
Bridge persons are the others: their own languages and availability, the
cultures they know as interests and offers.

Importing this module raises :class:`ImportError` while the engine does not
offer ``suggest``, ``Candidate`` and ``Rules``; :mod:`metelkaar.bridges.ranking`
then ranks with its own transparent score. The explanation shown to the
coordinator always comes from the ranking module's own reason codes, which
speak of what matters for bridging (language, culture, free times, hours left).
"""

from __future__ import annotations

import logging

from metelkaar.bridges.vocabulary import CONVERSATION_LEVEL
from metelkaar.matching import Candidate, Rules, suggest  # ImportError until the engine lands

logger = logging.getLogger(__name__)
REQUEST_ID = "request"


#: Criteria that mean something between a request and a bridge person: shared
#: language and cultures (similarity), cultures known for cultures asked
#: (complementarity) and free at the preferred times (feasibility).
WEIGHTS = {"similarity": 1.0, "complementarity": 1.0, "feasibility": 1.0}


def _slots(codes) -> frozenset[tuple[int, str]]:
    slots = set()
    for code in codes or []:
        day, _sep, part = str(code).partition("-")
        if day.isdigit() and 0 <= int(day) <= 6 and part in ("morning", "afternoon", "evening"):
            slots.add((int(day), part))
    return frozenset(slots)


def _languages(languages: dict) -> dict[str, int]:
    levels = {}
    for code, level in (languages or {}).items():
        try:
            level = int(level)
        except (TypeError, ValueError):
            continue
        if 1 <= level <= 5:
            levels[code] = level
    return levels


def request_candidate(bridge_request) -> Candidate:
    cultures = frozenset(bridge_request.cultures or [])
    return Candidate(
        id=REQUEST_ID,
        languages={code: CONVERSATION_LEVEL for code in bridge_request.languages or []},
        interests=cultures, needs=cultures, availability=_slots(bridge_request.slots),
        side="request",
    )


def person_candidate(profile) -> Candidate:
    person = profile.enrolment.person
    cultures = frozenset(profile.cultures or [])
    return Candidate(
        id=profile.pk, birth_year=person.birth_year, gender=person.gender or None,
        languages=_languages(person.languages), interests=cultures, offers=cultures,
        availability=_slots(person.availability), status_level=person.status_level,
        side="bridge",
    )


def engine_scores(bridge_request, profiles: list) -> dict[int, float]:
    """Engine scores by profile pk, in [0, 1]; ``{}`` when the engine refuses the input.

    Bridge persons the engine leaves out (no common language at conversation
    level) are absent from the result.
    """
    if not profiles:
        return {}
    try:
        proposals = suggest(
            request_candidate(bridge_request), [person_candidate(p) for p in profiles],
            Rules(weights=WEIGHTS, min_language_level=CONVERSATION_LEVEL), k=len(profiles),
        )
        total = sum(WEIGHTS.values())
        return {proposal.b: min(1.0, float(proposal.score) / total) for proposal in proposals}
    except (TypeError, AttributeError, ValueError, KeyError):
        # The engine's API may still change; a coordinator page must not break on it.
        logger.warning("matching engine refused bridge candidates; using own ranking",
                       exc_info=True)
        return {}
