"""Give demo matches a believable life: answers, intros, agreements, check-ins,
coach follow-ups and the signals that follow from them.

Called by :func:`metelkaar.demo.matches.seed_matches` right after it created the
matches and their contacts. Uses its own seeded random generator so the rest of
the demo is not shifted, and bulk writes only (a handful of queries).
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from metelkaar.matches.models import (
    Agreement,
    CheckIn,
    CoachContact,
    IntroMeeting,
    Match,
    MatchEvent,
    MatchSeat,
)
from metelkaar.matches.services.common import SHARED_KINDS
from metelkaar.matches.services.lifecycle import add_months
from metelkaar.matches.services.signal_rules import signals_compute
from metelkaar.people.models import Membership

M = Match.Status
HOPES = [
    "Samen de buurt leren kennen en Nederlands oefenen.",
    "Iemand om mee te praten; ik kan goed koken.",
    "Hulp met brieven, en ik leer graag iets van een andere cultuur.",
    "Gezelligheid, samen wandelen en af en toe een uitje.",
    "Mijn netwerk delen en zelf ook iets nieuws leren.",
]
PLACES = ["Buurthuis De Pauw", "Bibliotheek Oost", "Café Wijkpaleis", "Buurtkamer Dapper"]


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def demo_enrich(*, matches: list[Match], now: datetime, seed: int = 20261126) -> dict:
    """Fill in the lifecycle around saved demo ``matches``; returns counts."""
    rng = random.Random(seed)
    today = now.date()
    org_ids = {m.programme.organisation_id for m in matches}
    coordinators = {}
    for membership in Membership.objects.filter(
        organisation_id__in=org_ids, role=Membership.Role.COORDINATOR
    ).order_by("pk"):
        coordinators.setdefault(membership.organisation_id, membership.user_id)
    seats, intros, agreements, events, checkins, follow_ups = [], [], [], [], [], []
    for m in matches:
        coordinator_id = coordinators.get(m.programme.organisation_id)
        m.coordinator_id = coordinator_id
        proposed_at = m.created_at
        events.append(MatchEvent(match=m, action="proposed", to_status=M.PROPOSED,
                                 by_id=coordinator_id, at=proposed_at))
        if m.status == M.PROPOSED:
            if rng.random() < 0.5:
                m.accepted_a_at = proposed_at + timedelta(days=1)
                events.append(MatchEvent(match=m, action="accepted_a", at=m.accepted_a_at))
        elif m.status == M.DECLINED:
            events.append(MatchEvent(match=m, action="declined_b", from_status=M.PROPOSED,
                                     to_status=M.DECLINED, at=m.status_changed_at,
                                     note="Geen tijd op dit moment."))
        else:
            m.accepted_a_at = proposed_at + timedelta(days=1)
            m.accepted_b_at = proposed_at + timedelta(days=2)
            start = m.started_at or today
            intro_day = (start - timedelta(days=7) if m.status != M.INTRODUCED
                         else today + timedelta(days=rng.randint(2, 9)))
            intros.append(IntroMeeting(match=m, starts_at=_at(intro_day, rng.choice([10, 15, 19])),
                                       place=rng.choice(PLACES), coordinator_id=coordinator_id,
                                       planned_at=proposed_at + timedelta(days=3)))
            events.append(MatchEvent(match=m, action="intro_planned", from_status=M.PROPOSED,
                                     to_status=M.INTRODUCED, by_id=coordinator_id,
                                     at=proposed_at + timedelta(days=3)))
            if m.status == M.NO_CLICK:
                m.klik_a, m.klik_b, m.klik_coordinator = True, False, None
                m.ended_at = m.status_changed_at.date()
                events.append(MatchEvent(match=m, action="no_click", from_status=M.INTRODUCED,
                                         to_status=M.NO_CLICK, at=m.status_changed_at))
            elif m.status != M.INTRODUCED:
                _running(m, rng, today, coordinator_id, agreements, events, checkins,
                         follow_ups)
        if m.status in Match.LIVE and m.programme.kind not in SHARED_KINDS:
            seats += [MatchSeat(programme_id=m.programme_id, person_id=e.person_id,
                                enrolment_id=e.pk, match=m)
                      for e in (m.enrolment_a, m.enrolment_b)]
    Match.objects.bulk_update(matches, [
        "coordinator", "accepted_a_at", "accepted_b_at", "klik_a", "klik_b",
        "klik_coordinator", "planned_end", "closing_talk_on", "ending", "ended_at",
    ], batch_size=200)
    MatchSeat.objects.bulk_create(seats, ignore_conflicts=True)
    IntroMeeting.objects.bulk_create(intros)
    Agreement.objects.bulk_create(agreements)
    MatchEvent.objects.bulk_create(events, batch_size=500)
    CheckIn.objects.bulk_create(checkins, batch_size=500)
    CoachContact.objects.bulk_create(follow_ups, batch_size=500)
    counts = signals_compute(today=today, match_ids=[m.pk for m in matches])
    return {"check-ins": len(checkins), "coach contacts": len(follow_ups), **counts}


def _running(m, rng, today, coordinator_id, agreements, events, checkins, follow_ups):
    """An active, paused, closing or closed match: klik, agreement, check-ins, follow-ups."""
    start = m.started_at or today
    term = m.programme.term_months or 12
    m.klik_a = m.klik_b = m.klik_coordinator = True
    m.planned_end = add_months(start, term)
    agreements.append(Agreement(
        match=m, meetings_per_month=m.programme.contact_norm_per_month or 2, term_months=term,
        hopes_a=rng.choice(HOPES), hopes_b=rng.choice(HOPES), recorded_by_id=coordinator_id,
        recorded_at=_at(start, 11)))
    events.append(MatchEvent(match=m, action="activated", from_status=M.INTRODUCED,
                             to_status=M.ACTIVE, by_id=coordinator_id, at=_at(start, 11)))
    end = m.ended_at or today
    if m.status == M.CLOSING:
        m.closing_talk_on = today + timedelta(days=rng.randint(3, 14))
        events.append(MatchEvent(match=m, action="closing", from_status=M.ACTIVE,
                                 to_status=M.CLOSING, at=m.status_changed_at))
    elif m.status == M.PAUSED:
        events.append(MatchEvent(match=m, action="paused", from_status=M.ACTIVE,
                                 to_status=M.PAUSED, at=m.status_changed_at,
                                 note="Vakantie in het land van herkomst."))
    elif m.status == M.CLOSED:
        planned = m.closure_reason == Match.ClosureReason.TERM_COMPLETED
        m.ending = Match.Ending.PLANNED if planned else Match.Ending.EARLY
        events.append(MatchEvent(match=m, action="closed", from_status=M.CLOSING,
                                 to_status=M.CLOSED, at=m.status_changed_at))
    worried = rng.random() < 0.15  # a few pairs where something is off
    dues = [("first", start), ("month1", start + timedelta(days=30))]
    due = start + timedelta(days=91)
    while due < min(end, m.planned_end):
        dues.append(("periodic", due))
        due += timedelta(days=61)
    if m.status == M.CLOSED:
        dues.append(("closure", end))
    for i, (moment, day) in enumerate(dues):
        for enrolment in (m.enrolment_a, m.enrolment_b):
            if day > today:
                continue
            recent = (today - day).days < 25
            answered = not (recent and rng.random() < 0.25) and rng.random() < 0.95
            low = worried and i == len(dues) - 1 and enrolment is m.enrolment_a
            checkins.append(CheckIn(
                match=m, enrolment=enrolment, moment=moment, due_on=day, sent_at=_at(day, 9),
                answered_at=_at(day + timedelta(days=rng.randint(0, 4)), 20) if answered
                else None,
                klik=(2 if low else rng.choice([4, 4, 5, 5, 3])) if answered else None,
                looking_forward=rng.choice([3, 4, 5, 5]) if answered else None,
                equality=(2 if low and rng.random() < 0.5 else rng.choice([4, 5, 5]))
                if answered else None,
                autonomy_problem=(4 if low and rng.random() < 0.5 else rng.choice([1, 1, 2]))
                if answered else None,
                mutual_help=rng.choice([3, 4, 5]) if answered else None,
                comment="" if not answered or rng.random() < 0.7
                else rng.choice(["Leuk om elkaar te zien!", "Het is soms lastig om een "
                                 "moment te vinden.", "We lachen veel samen."]),
            ))
    if m.coach_id:
        careless = rng.random() < 0.2
        days = [5, 19] + list(range(45, (end - start).days, 30))
        for offset in days:
            if careless and offset > 60:
                break
            day = start + timedelta(days=offset)
            if day <= min(end, today):
                follow_ups.append(CoachContact(
                    match=m, coach_id=m.coach_id, date=day,
                    kind=rng.choice(["phone", "phone", "visit", "message"]),
                    with_whom=rng.choice(["a", "b", "both"]),
                    note=rng.choice(["", "Gaat goed.", "Ze zien elkaar elke week.",
                                     "Even bijgepraat over de afspraken."])))
