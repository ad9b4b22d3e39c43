"""Ranked suggestions of bridge persons for one request, each with its reasons.

The request is modelled as a newcomer: the languages it needs (at
conversation level), the cultures it is about and the preferred parts of the
week. Bridge persons are the candidates. When the shared matching engine
(:mod:`metelkaar.matching`) offers ``suggest`` (see
:mod:`metelkaar.bridges.engine_adapter`), its score makes 90 % of the order
and the room left this month 10 %; otherwise (and for the explanation in any
case) a small transparent score is computed here from four criteria:

- language (weight 0.45): share of the needed languages spoken at level ≥ 3;
- culture (0.25): share of the named cultures or regions the person knows;
- availability (0.20): share of the preferred parts of the week the person is free;
- load (0.10): room left this month (hours logged vs. the person's maximum).

Bridge persons whose monthly maximum is used up are left out: the load is a
hard limit, not a preference.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from metelkaar.bridges.vocabulary import CONVERSATION_LEVEL, CULTURE_LABELS
from metelkaar.people.vocabulary import LANGUAGE_LABELS

WEIGHTS = {"language": 0.45, "culture": 0.25, "availability": 0.20, "load": 0.10}


@dataclass(frozen=True)
class Reason:
    """One reason code with its values; :meth:`sentence` says it in the user's language."""

    code: str
    values: tuple[str, ...] = ()

    def sentence(self) -> str:
        joined = ", ".join(self.values)
        if self.code == "speaks":
            return _("Speaks %(languages)s.") % {"languages": joined}
        if self.code == "does_not_speak":
            return _("Does not speak %(languages)s well enough.") % {"languages": joined}
        if self.code == "knows_culture":
            return _("Knows %(cultures)s from the inside.") % {"cultures": joined}
        if self.code == "culture_unknown":
            return _("Does not know %(cultures)s.") % {"cultures": joined}
        if self.code == "available":
            return _("Is free at all the preferred times.")
        if self.code == "partly_available":
            return _("Is free at some of the preferred times.")
        if self.code == "not_available":
            return _("Is not free at the preferred times.")
        if self.code == "load":
            return _("Has %(left)s of %(max)s hours left this month.") % {
                "left": self.values[0], "max": self.values[1]
            }
        return self.code


@dataclass
class Suggestion:
    """A bridge person for a request: score in [0, 1] and the reasons behind it."""

    profile: object  # BridgeProfile, with ``hours_this_month`` set
    score: float
    reasons: list[Reason] = field(default_factory=list)
    engine: bool = False

    @property
    def enrolment(self):
        return self.profile.enrolment

    @property
    def person(self):
        return self.profile.enrolment.person

    @property
    def sentences(self) -> list[str]:
        return [reason.sentence() for reason in self.reasons]

    @property
    def percent(self) -> int:
        return round(self.score * 100)


def _labels(codes: Iterable[str], labels: dict) -> tuple[str, ...]:
    return tuple(str(labels.get(code, code)) for code in sorted(codes))


def _hours_used(profile) -> Decimal:
    return Decimal(getattr(profile, "hours_this_month", None) or 0)


def _score(bridge_request, profile) -> tuple[float, list[Reason]]:
    person = profile.enrolment.person
    spoken = {code for code, level in (person.languages or {}).items()
              if _level(level) >= CONVERSATION_LEVEL}
    needed = set(bridge_request.languages or [])
    reasons: list[Reason] = []

    language = len(needed & spoken) / len(needed) if needed else 1.0
    if needed & spoken:
        reasons.append(Reason("speaks", _labels(needed & spoken, LANGUAGE_LABELS)))
    if needed - spoken:
        reasons.append(Reason("does_not_speak", _labels(needed - spoken, LANGUAGE_LABELS)))

    wanted = set(bridge_request.cultures or [])
    known = set(profile.cultures or [])
    culture = len(wanted & known) / len(wanted) if wanted else 1.0
    if wanted & known:
        reasons.append(Reason("knows_culture", _labels(wanted & known, CULTURE_LABELS)))
    if wanted - known:
        reasons.append(Reason("culture_unknown", _labels(wanted - known, CULTURE_LABELS)))

    slots = set(bridge_request.slots or [])
    free = set(person.availability or [])
    availability = len(slots & free) / len(slots) if slots else 1.0
    if slots:
        code = ("available" if availability == 1 else
                "partly_available" if availability > 0 else "not_available")
        reasons.append(Reason(code))

    maximum = Decimal(profile.max_hours_per_month)
    left = max(maximum - _hours_used(profile), Decimal(0))
    load = _room(profile)
    reasons.append(Reason("load", (_hours(left), _hours(maximum))))

    score = (WEIGHTS["language"] * language + WEIGHTS["culture"] * culture
             + WEIGHTS["availability"] * availability + WEIGHTS["load"] * load)
    return score, reasons


def _level(level) -> int:
    try:
        return int(level)
    except (TypeError, ValueError):
        return 0


def _hours(value: Decimal) -> str:
    return f"{value.normalize():f}" if value == value.to_integral() else f"{value:.1f}"


def _room(profile) -> float:
    """Share of the monthly maximum still free, in [0, 1]."""
    maximum = Decimal(profile.max_hours_per_month)
    if not maximum:
        return 0.0
    return float(max(maximum - _hours_used(profile), Decimal(0)) / maximum)


def is_full(profile) -> bool:
    return _hours_used(profile) >= profile.max_hours_per_month


def rank_bridge_persons(
    bridge_request, persons: Iterable, k: int | None = None
) -> list[Suggestion]:
    """Bridge persons for a request, best first, without those whose month is full.

    ``persons`` are :class:`~metelkaar.bridges.models.BridgeProfile` rows with
    ``enrolment.person`` loaded and ``hours_this_month`` annotated (see
    :func:`metelkaar.bridges.selectors.pool_for_ranking`). Ties are broken by
    the lower load, then by name, so the order is stable.
    """
    suggestions = []
    for profile in persons:
        if is_full(profile):
            continue
        score, reasons = _score(bridge_request, profile)
        suggestions.append(Suggestion(profile=profile, score=score, reasons=reasons))
    engine_scores = _engine_scores(bridge_request, [s.profile for s in suggestions])
    if engine_scores:
        # The engine knows nothing of monthly hours: load keeps its own weight.
        for suggestion in suggestions:
            suggestion.score = (
                (1 - WEIGHTS["load"]) * engine_scores.get(suggestion.profile.pk, 0.0)
                + WEIGHTS["load"] * _room(suggestion.profile)
            )
            suggestion.engine = True
    suggestions.sort(
        key=lambda s: (-s.score, _hours_used(s.profile), s.person.full_name, s.profile.pk)
    )
    return suggestions[:k] if k else suggestions


def _engine_scores(bridge_request, profiles: list) -> dict[int, float]:
    """Scores from the shared matching engine, or ``{}`` when it is not installed."""
    try:
        from metelkaar.bridges.engine_adapter import engine_scores
    except ImportError:
        return {}
    return engine_scores(bridge_request, profiles)
