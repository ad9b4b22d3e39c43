"""Demo data for a bridge programme: profiles, requests in every status, hours.

Called by the demo builder (``metelkaar/demo``) with the people it drew as
bridge persons. Everything goes through the services, so the demo holds only
states that the product itself can reach; timestamps are then moved into the
past so the report has waiting times and a month of hours to show.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from metelkaar.bridges import services
from metelkaar.bridges.models import BridgeProfile, BridgeRequest
from metelkaar.programmes.models import Enrolment, Programme

# Which cultures a bridge person probably knows, from the languages they speak well.
CULTURES_BY_LANGUAGE = {
    "ar": ["syria", "iraq", "morocco", "sudan", "yemen"],
    "ti": ["eritrea", "ethiopia"],
    "so": ["somalia"],
    "fa": ["iran", "afghanistan"],
    "prs": ["afghanistan"],
    "ku": ["kurdistan", "iraq", "turkey"],
    "tr": ["turkey"],
    "uk": ["ukraine"],
    "ru": ["ukraine"],
    "zgh": ["morocco"],
    "fr": ["west_africa", "morocco"],
}

REQUESTS = [
    ("OBS De Regenboog", "school", "Oudergesprek over de overstap naar het voortgezet onderwijs"),
    ("OBS De Regenboog", "school", "Uitleg van het rapport aan ouders"),
    ("Gemeente, team Inburgering", "municipality", "Gesprek over de inburgeringsroute"),
    ("Woonstichting Oost", "housing", "Huisbezoek over ventilatie en vocht"),
    ("Wijkteam Oost", "care", "Kennismaking met een gezin dat hulp zoekt"),
    ("Huisartsenpraktijk Dapper", "care", "Tolken bij een voorlichting over vaccinaties"),
    ("Gemeente, team Inburgering", "municipality", "Voorlichting over toeslagen"),
]
# The end state of each request above, in order.
PLAN = ["done", "done", "accepted", "done", "assigned", "submitted", "declined"]


def _cultures(person, rng: random.Random) -> list[str]:
    known: set[str] = set()
    for code, level in (person.languages or {}).items():
        if int(level) >= 3 and code in CULTURES_BY_LANGUAGE:
            options = CULTURES_BY_LANGUAGE[code]
            known.update(rng.sample(options, k=min(len(options), rng.randint(1, 2))))
    return sorted(known)


def _profile_for(*, programme: Programme, person, by, rng: random.Random) -> BridgeProfile:
    enrolment = programme.enrolments.filter(person=person).exclude(
        status__in=[Enrolment.Status.FINISHED, Enrolment.Status.WITHDRAWN]
    ).first()
    engagement = rng.choice(list(BridgeProfile.Engagement.values))
    hours = rng.choice([8, 12, 16, 20])
    if enrolment is None:
        return services.bridge_person_add(
            programme=programme, person=person, by=by, cultures=_cultures(person, rng),
            engagement=engagement, max_hours_per_month=hours,
        )
    if enrolment.status not in (Enrolment.Status.WAITING, Enrolment.Status.MATCHED):
        Enrolment.objects.filter(pk=enrolment.pk).update(
            status=Enrolment.Status.WAITING, waiting_since=timezone.now()
        )
        enrolment.refresh_from_db()
    return services.bridge_profile_set(
        enrolment=enrolment, cultures=_cultures(person, rng), engagement=engagement,
        max_hours_per_month=hours,
    )


@transaction.atomic
def bridge_demo_fill(*, programme: Programme, persons: list, by, rng: random.Random) -> None:
    """Give ``persons`` a bridge profile and run seven requests to their end states."""
    from metelkaar.bridges.ranking import rank_bridge_persons
    from metelkaar.bridges.selectors import pool_for_ranking

    profiles = [_profile_for(programme=programme, person=p, by=by, rng=rng) for p in persons]
    if not profiles:
        return
    languages = sorted({code for p in profiles for code, level in
                        (p.enrolment.person.languages or {}).items()
                        if int(level) >= 3 and code != "nl"}) or ["ar"]
    now = timezone.now()
    for index, ((name, kind, what), end) in enumerate(zip(REQUESTS, PLAN, strict=True)):
        language = languages[index % len(languages)]
        submitted = now - dt.timedelta(days=40 - index * 5, hours=rng.randint(0, 8))
        bridge_request = services.bridge_request_submit(
            programme=programme, requester_name=name, requester_kind=kind,
            contact_name=rng.choice(["Karin Smit", "Ahmed Yilmaz", "Sanne Bos", "Peter de Wit"]),
            contact_email=f"contact{index}@example.test", what=what, languages=[language],
            cultures=[c for lang in [language] for c in CULTURES_BY_LANGUAGE.get(lang, [])[:1]],
            slots=rng.sample(["0-evening", "1-morning", "2-afternoon", "3-morning"], k=2),
            urgency=rng.choice(list(BridgeRequest.Urgency.values)),
        )
        BridgeRequest.objects.filter(pk=bridge_request.pk).update(
            submitted_at=submitted, status_changed_at=submitted
        )
        bridge_request.refresh_from_db()
        if end == "submitted":
            continue
        if end == "declined":
            services.bridge_request_decline(
                bridge_request=bridge_request, by=by,
                reason="Er is op dit moment geen cultuurverbinder voor deze taal.",
            )
            continue
        suggestions = rank_bridge_persons(
            bridge_request, pool_for_ranking(bridge_request=bridge_request)
        )
        if not suggestions:
            continue
        assignment = services.bridge_request_assign(
            bridge_request=bridge_request, enrolment=suggestions[0].enrolment, by=by
        )
        assigned = submitted + dt.timedelta(hours=rng.randint(4, 72))
        BridgeRequest.objects.filter(pk=bridge_request.pk).update(first_assigned_at=assigned)
        if end == "assigned":
            continue
        services.assignment_accept(assignment=assignment)
        if end == "accepted":
            continue
        day = min(timezone.localdate(), (assigned + dt.timedelta(days=3)).date())
        services.hours_log(
            assignment=assignment, by=by, date=day,
            hours=Decimal(rng.choice(["1.5", "2", "2.5", "3"])), note="Gesprek gevoerd.",
            finished=True,
        )
