"""Benchmark: signal computation and the coach dashboard at city scale.

Seeds 10,000 participants and 5,000 matches (4,000 active, 300 paused,
200 closing, 500 closed) with a year of contacts, check-ins and coach
follow-ups into a throw-away database, then times ``signals_compute`` (the
first run raises everything, the second settles) and counts the queries of
the coach dashboard for a coach with 10 and with 100 matches.

    .venv/bin/python bench/signals.py                 # SQLite in a temp folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/metelkaar_bench \\
        .venv/bin/python bench/signals.py             # PostgreSQL (database must exist)

Options: ``--participants N --matches M --seed S``.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def setup_django() -> None:
    if "DATABASE_URL" not in os.environ:
        os.environ["METELKAAR_DATA_DIR"] = tempfile.mkdtemp(prefix="metelkaar-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "metelkaar.settings")
    os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.dummy.DummyBackend")
    os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def seed(n_people: int, n_matches: int, rng: random.Random) -> dict:
    from django.db import transaction
    from django.utils import timezone

    from metelkaar.matches.models import CheckIn, CoachContact, ContactMoment, Match, MatchSeat
    from metelkaar.people.models import Membership, Organisation, Person, User
    from metelkaar.programmes.models import Enrolment, Programme

    today = timezone.localdate()
    now = timezone.now()
    with transaction.atomic():
        org = Organisation.objects.create(name="Bench", slug=f"bench-{rng.randrange(10**9)}")
        programme = Programme.objects.create(organisation=org, name="Bench buddies",
                                             kind="buddy", term_months=12,
                                             contact_norm_per_month=2)
        coaches = [User(email=f"coach{i}@bench.test", full_name=f"Coach {i}")
                   for i in range(50)]
        User.objects.bulk_create(coaches, batch_size=500)
        coaches = list(User.objects.filter(email__endswith="@bench.test").order_by("pk"))
        Membership.objects.bulk_create(
            [Membership(user=u, organisation=org, role="coach") for u in coaches])
        people = Person.objects.bulk_create(
            [Person(organisation=org, first_name=f"P{i}", birth_year=1950 + i % 55)
             for i in range(n_people)], batch_size=2000)
        enrolments = Enrolment.objects.bulk_create(
            [Enrolment(programme=programme, person=p, side="a" if i % 2 == 0 else "b",
                       status="matched") for i, p in enumerate(people)], batch_size=2000)
        statuses = (["active"] * 80 + ["paused"] * 6 + ["closing"] * 4 + ["closed"] * 10)
        # Coach 0 gets 10 matches, coach 1 gets 100, the rest share what is left.
        owners = [coaches[0]] * 10 + [coaches[1]] * 100
        matches = []
        for i in range(n_matches):
            start = today - timedelta(days=rng.randrange(20, 366))
            status = statuses[i % len(statuses)]
            coach = owners[i] if i < len(owners) else coaches[2 + i % 48]
            matches.append(Match(
                programme=programme, enrolment_a=enrolments[2 * i],
                enrolment_b=enrolments[2 * i + 1], status=status, coach=coach,
                started_at=start, planned_end=start + timedelta(days=365),
                ended_at=today if status == "closed" else None))
        matches = Match.objects.bulk_create(matches, batch_size=2000)
        MatchSeat.objects.bulk_create(
            [MatchSeat(programme=programme, person_id=e.person_id, enrolment=e, match=m)
             for m in matches if m.status != "closed"
             for e in (m.enrolment_a, m.enrolment_b)], batch_size=5000)
        contacts, checkins, follow_ups = [], [], []
        directions = ["a_helped_b", "b_helped_a", "together"]
        for m in matches:
            days = (today - m.started_at).days
            rate = rng.choice([0.0, 0.2, 0.5, 0.6, 0.7])  # contacts per week; some quiet
            lopsided = rng.random() < 0.1
            for _ in range(int(days / 7 * rate)):
                day = m.started_at + timedelta(days=rng.randrange(days + 1))
                side = rng.choice("ab")
                contacts.append(ContactMoment(
                    match=m, date=day, activity=rng.choice(["coffee", "walk", "cooking"]),
                    direction="a_helped_b" if lopsided else rng.choice(directions),
                    logged_by=m.enrolment_a if side == "a" else m.enrolment_b,
                    duration_minutes=60, created_at=now - timedelta(days=(today - day).days),
                    confirmed_by_other=rng.random() < 0.5))
            for k, due in enumerate(range(0, days, 61)):
                for e in (m.enrolment_a, m.enrolment_b):
                    answered = rng.random() < 0.8
                    checkins.append(CheckIn(
                        match=m, enrolment=e, moment="first" if k == 0 else "periodic",
                        due_on=m.started_at + timedelta(days=due), sent_at=now,
                        answered_at=now - timedelta(days=days - due) if answered else None,
                        klik=rng.randint(1, 5) if answered else None,
                        equality=rng.randint(2, 5) if answered else None,
                        autonomy_problem=rng.randint(1, 4) if answered else None))
            for d in range(0, days, rng.choice([14, 30, 45])):
                follow_ups.append(CoachContact(match=m, coach=m.coach, kind="phone",
                                               with_whom="both",
                                               date=m.started_at + timedelta(days=d)))
        ContactMoment.objects.bulk_create(contacts, batch_size=5000)
        CheckIn.objects.bulk_create(checkins, batch_size=5000)
        CoachContact.objects.bulk_create(follow_ups, batch_size=5000)
    return {"contacts": len(contacts), "checkins": len(checkins),
            "coach contacts": len(follow_ups), "coaches": coaches}


def timed(fn):
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def dashboard(coach):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from metelkaar.matches.selectors import coach_dashboard

    with CaptureQueriesContext(connection) as ctx:
        (rows, seconds) = timed(lambda: coach_dashboard(user=coach))
    return len(rows), len(ctx.captured_queries), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--matches", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.participants < 2 * args.matches:
        parser.error("every match needs two participants")
    setup_django()
    from django.db import connection

    from metelkaar.matches.models import Signal
    from metelkaar.matches.services import signals_compute

    seeded, seed_s = timed(lambda: seed(args.participants, args.matches,
                                        random.Random(args.seed)))
    first, first_s = timed(signals_compute)
    second, second_s = timed(signals_compute)
    by_rule = {}
    for rule in Signal.objects.filter(resolved_at=None).values_list("rule", flat=True):
        by_rule[rule] = by_rule.get(rule, 0) + 1
    d10 = dashboard(seeded["coaches"][0])
    d100 = dashboard(seeded["coaches"][1])

    rows = [
        ("database", connection.vendor),
        ("participants / matches", f"{args.participants:,} / {args.matches:,}"),
        ("contacts / check-ins / coach contacts",
         f"{seeded['contacts']:,} / {seeded['checkins']:,} / {seeded['coach contacts']:,}"),
        ("seeding", f"{seed_s:.1f} s"),
        ("signals_compute, first run", f"{first_s:.2f} s  {first}"),
        ("signals_compute, second run", f"{second_s:.2f} s  {second}"),
        ("per running match (first run)",
         f"{1000 * first_s / max(1, int(args.matches * 0.9)):.3f} ms"),
        ("coach dashboard, 10 matches", f"{d10[1]} queries, {1000 * d10[2]:.0f} ms"),
        ("coach dashboard, 100 matches", f"{d100[1]} queries, {1000 * d100[2]:.0f} ms"),
    ]
    rows += [(f"  open signals: {rule}", str(n)) for rule, n in sorted(by_rule.items())]
    width = max(len(label) for label, _ in rows)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 40}")
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    if d10[1] != d100[1]:
        sys.exit("the coach dashboard's query count grows with the number of matches")


if __name__ == "__main__":
    main()
