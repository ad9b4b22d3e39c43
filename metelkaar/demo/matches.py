"""Demo matches and their contact moments.

Kept apart so it can grow (check-ins, signals, richer contact histories)
without touching the people and enrolment generator. Pairs follow the slots of
:mod:`metelkaar.demo.enrolments`: matched enrolments form the running matches,
finished ones closed matches, and some waiting ones a fresh proposal or an
earlier introduction without a click.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from metelkaar.demo.enrolments import SeededProgramme
from metelkaar.matches.demo import demo_enrich
from metelkaar.matches.models import ContactMoment, Match
from metelkaar.programmes.models import Enrolment, Programme

M = Match.Status
S = Enrolment.Status
A = ContactMoment.Activity
D = ContactMoment.Direction

# Kinds where enrolments are paired one to one. A group activity has sessions,
# not pairs; bridge persons are matched to requests of organisations.
PAIRED_KINDS = ("buddy", "family", "mentor", "tandem", "project", "help")

# The running matches of a programme cycle through these statuses.
RUNNING = [M.ACTIVE, M.ACTIVE, M.INTRODUCED, M.ACTIVE, M.PAUSED, M.CLOSING, M.ACTIVE]

ACTIVITIES = {
    "buddy": [A.COFFEE, A.WALK, A.OUTING, A.COOKING, A.LANGUAGE],
    "family": [A.OUTING, A.COOKING, A.COFFEE, A.WALK],
    "mentor": [A.LANGUAGE, A.OUTING, A.OTHER, A.WALK],
    "tandem": [A.LANGUAGE, A.LANGUAGE, A.COFFEE, A.WALK],
    "project": [A.DIY, A.DIY, A.COFFEE],
    "help": [A.PAPERWORK, A.DIY, A.OTHER, A.COOKING],
}

NOTES = {
    A.COFFEE: "Koffie gedronken bij het buurthuis.",
    A.WALK: "Rondje door het park.",
    A.OUTING: "Samen naar de markt geweest.",
    A.COOKING: "Samen gekookt; heerlijke soep.",
    A.LANGUAGE: "Nederlands geoefend met de krant.",
    A.PAPERWORK: "Brief van de gemeente samen gelezen.",
    A.DIY: "Lamp opgehangen en een kast in elkaar gezet.",
    A.OTHER: "Boodschappen gedaan.",
}


@dataclass
class MatchCounts:
    matches: int = 0
    contacts: int = 0


def _pairs(seeded: SeededProgramme, status: str) -> list[tuple[Enrolment, Enrolment]]:
    if seeded.programme.kind == "tandem":
        pool = seeded.enrolments("pool", status)
        return list(zip(pool[0::2], pool[1::2], strict=False))
    side_a, side_b = seeded.enrolments("a", status), seeded.enrolments("b", status)
    if seeded.programme.kind == "project":
        # A team: volunteers share the home of one resident.
        return [(vol, side_b[i // 2]) for i, vol in enumerate(side_a) if i // 2 < len(side_b)]
    return list(zip(side_a, side_b, strict=False))


def seed_matches(*, seeded: dict[str, SeededProgramme], rng: random.Random, now: datetime,
                 coach=None) -> MatchCounts:
    """Matches between the slotted enrolments of every paired programme, with contacts,
    and the rest of their life so far (see :func:`metelkaar.matches.demo.demo_enrich`)."""
    today = now.date()
    matches: list[Match] = []
    for kind in PAIRED_KINDS:
        if kind not in seeded:
            continue
        sp = seeded[kind]
        programme = sp.programme
        for i, (a, b) in enumerate(_pairs(sp, S.MATCHED)):
            status = RUNNING[i % len(RUNNING)]
            started = max(sp.matched_at[a.pk], sp.matched_at[b.pk])
            matches.append(_match(programme, a, b, status, started, rng, coach=coach,
                                  started_at=None if status == M.INTRODUCED else started.date()))
        for a, b in _pairs(sp, S.FINISHED):
            started = max(sp.matched_at[a.pk], sp.matched_at[b.pk])
            match = _match(programme, a, b, M.CLOSED, a.status_changed_at, rng, coach=coach,
                           started_at=started.date())
            match.ended_at = a.status_changed_at.date()
            match.closure_reason = rng.choice([Match.ClosureReason.TERM_COMPLETED] * 3
                                              + [Match.ClosureReason.MOVED_AWAY])
            matches.append(match)
        waiting = _pairs(sp, S.WAITING)
        for status, (a, b) in zip([M.PROPOSED, M.NO_CLICK, M.DECLINED], waiting, strict=False):
            since = max(a.waiting_since, b.waiting_since)
            changed = min(now, since + timedelta(days=rng.randint(1, 10)))
            matches.append(_match(programme, a, b, status, changed, rng, coach=None))
    Match.objects.bulk_create(matches)
    contacts = [c for m in matches for c in _contacts(m, rng, today)]
    ContactMoment.objects.bulk_create(contacts, batch_size=500)
    # Answers, intros, agreements, check-ins, coach follow-ups and the signals they raise.
    demo_enrich(matches=matches, now=now)
    return MatchCounts(matches=len(matches), contacts=len(contacts))


def _match(programme: Programme, a: Enrolment, b: Enrolment, status: str, changed: datetime,
           rng: random.Random, *, coach, started_at: date | None = None) -> Match:
    return Match(
        programme=programme, enrolment_a=a, enrolment_b=b, status=status,
        coach=coach if status in (M.ACTIVE, M.PAUSED, M.CLOSING, M.INTRODUCED) else None,
        score=round(rng.uniform(0.55, 0.93), 3),
        created_at=changed - timedelta(days=rng.randint(3, 12)),
        status_changed_at=changed, started_at=started_at,
    )


def _contacts(match: Match, rng: random.Random, today: date) -> list[ContactMoment]:
    """A contact every few weeks from the start; some matches go quiet or one-sided."""
    if match.started_at is None or match.status not in (M.ACTIVE, M.PAUSED, M.CLOSING, M.CLOSED):
        return []
    kind = match.programme.kind
    norm = match.programme.contact_norm_per_month or 2
    end = match.ended_at or today
    quiet = match.status == M.PAUSED or rng.random() < 0.15
    if quiet and match.status != M.CLOSED:
        end = end - timedelta(days=rng.randint(35, 60))  # nothing logged for weeks: a signal
    one_sided = kind in ("buddy", "help", "tandem") and rng.random() < 0.2
    rows = []
    day = match.started_at + timedelta(days=rng.randint(0, 5))
    while day <= end and len(rows) < 24:
        activity = rng.choice(ACTIVITIES[kind])
        if one_sided:
            direction = D.B_HELPED_A
        elif kind == "tandem" or activity in (A.COFFEE, A.WALK, A.OUTING):
            direction = D.TOGETHER
        else:
            direction = rng.choice([D.A_HELPED_B, D.B_HELPED_A, D.TOGETHER])
        logger = rng.choice([match.enrolment_a, match.enrolment_b])
        rows.append(ContactMoment(
            match=match, date=day, duration_minutes=rng.choice([30, 45, 60, 60, 90, 120, 180]),
            activity=activity, direction=direction, logged_by=logger,
            confirmed_by_other=rng.random() < 0.7,
            note=NOTES[activity] if rng.random() < 0.4 else "",
            created_at=datetime.combine(day, datetime.min.time(), tzinfo=match.created_at.tzinfo),
        ))
        day += timedelta(days=max(3, int(rng.gauss(30 / norm, 30 / norm / 3))))
    return rows
