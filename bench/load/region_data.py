"""The region data set: many organisations, a year of contacts, one large waiting pool.

    python bench/load/region_data.py generate --orgs 50 --participants 100000 --pool 10000
    python bench/load/region_data.py accounts --out logins.json
    python bench/load/region_data.py start-run

Runs against ``DATABASE_URL`` (an empty database for ``generate``).

``generate`` (migrates first): ``--orgs`` organisations, each with a buddy
programme open for sign-up, 10 coaches and a coordinator, and its share of the
participants in matches (``(participants - pool) / orgs`` people each, in pairs:
80 % active, 6 % paused, 4 % closing, 10 % closed, started 20-365 days ago) with
a year of contacts, check-ins and coach follow-ups, as ``bench/signals.py``
seeds one organisation. The first organisation also has a programme of ``pool``
waiting people (half per side, with languages, interests, help, availability
and a place), the one the matching run works on. Each organisation's rows are
written in one transaction (``bulk_create``; COPY for the contacts,
check-ins and follow-ups).

``accounts`` (every run, since sessions expire): signed-in sessions for two
coaches of every organisation, four participants with an active match in every
organisation and the first organisation's coordinator, and the open programmes,
as JSON for the locust scenario; then ``ANALYZE`` (a restored dump has no
planner statistics).

``start-run``: queue a matching run over the pool (as a coordinator's button
does) and print its id.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
PASSWORD = "load-test-password-1"
DOMAIN = "region.test"
COACHES_PER_ORG = 10
POOL_NAME = "Maatjes wachtlijst"
LANGS = ("en", "ar", "tr", "pl", "ti", "uk", "so", "fa", "es")
TAGS = tuple(f"tag{k}" for k in range(24))
PARTS = ("morning", "afternoon", "evening")


def setup_django(*, migrate: bool) -> None:
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "metelkaar.settings")
    os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.dummy.DummyBackend")
    os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend")
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)


def _copy(model, objects: list) -> None:
    """Write unsaved ``objects`` of ``model`` with COPY (about 3 times as fast as bulk_create).

    Each field's own default and ``pre_save`` give the values, as for a save;
    JSON values are wrapped for psycopg. The rows get new ids from the table's
    sequence; nothing is read back.
    """
    from django.db import connection
    from django.db.models import JSONField
    from psycopg.types.json import Jsonb

    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    json_fields = {f.attname for f in fields if isinstance(f, JSONField)}
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for obj in objects:
                row = []
                for f in fields:
                    value = f.pre_save(obj, True)
                    row.append(Jsonb(value) if f.attname in json_fields else value)
                copy.write_row(row)


def _organisation(index: int, people: int, rng: random.Random, hashed: str) -> dict[str, int]:
    """One organisation with its programme, coaches, coordinator and matched participants."""
    from django.utils import timezone

    from metelkaar.matches.models import CheckIn, CoachContact, ContactMoment, Match, MatchSeat
    from metelkaar.people.models import Membership, Organisation, Person, User
    from metelkaar.programmes.models import Enrolment, Programme

    today = timezone.localdate()
    now = timezone.now()
    org = Organisation.objects.create(name=f"Regio {index + 1}", slug=f"regio-{index + 1}")
    programme = Programme.objects.create(
        organisation=org,
        name=f"Maatjes {index + 1}",
        kind="buddy",
        term_months=12,
        contact_norm_per_month=2,
        is_open=True,
        requires_screening=False,
    )
    staff = [
        User(email=f"coach{index}-{k}@{DOMAIN}", full_name=f"Coach {index}-{k}", password=hashed)
        for k in range(COACHES_PER_ORG)
    ]
    staff.append(
        User(
            email=f"coordinator{index}@{DOMAIN}", full_name=f"Coordinator {index}", password=hashed
        )
    )
    User.objects.bulk_create(staff)
    staff = list(User.objects.filter(email__in=[u.email for u in staff]).order_by("pk"))
    coordinator = next(u for u in staff if u.email.startswith("coordinator"))
    coaches = [u for u in staff if u is not coordinator]
    Membership.objects.bulk_create(
        [Membership(user=u, organisation=org, role="coach") for u in coaches]
        + [Membership(user=coordinator, organisation=org, role="coordinator")]
    )
    persons = Person.objects.bulk_create(
        [
            Person(organisation=org, first_name=f"R{index}x{i}", birth_year=1950 + i % 55)
            for i in range(people)
        ],
        batch_size=5000,
    )
    enrolments = Enrolment.objects.bulk_create(
        [
            Enrolment(
                programme=programme, person=p, side="a" if i % 2 == 0 else "b", status="matched"
            )
            for i, p in enumerate(persons)
        ],
        batch_size=5000,
    )
    statuses = ["active"] * 80 + ["paused"] * 6 + ["closing"] * 4 + ["closed"] * 10
    matches = []
    for i in range(people // 2):
        start = today - timedelta(days=rng.randrange(20, 366))
        status = statuses[i % len(statuses)]
        matches.append(
            Match(
                programme=programme,
                enrolment_a=enrolments[2 * i],
                enrolment_b=enrolments[2 * i + 1],
                status=status,
                coach=coaches[i % len(coaches)],
                started_at=start,
                planned_end=start + timedelta(days=365),
                ended_at=today if status == "closed" else None,
            )
        )
    matches = Match.objects.bulk_create(matches, batch_size=5000)
    MatchSeat.objects.bulk_create(
        [
            MatchSeat(programme=programme, person_id=e.person_id, enrolment=e, match=m)
            for m in matches
            if m.status != "closed"
            for e in (m.enrolment_a, m.enrolment_b)
        ],
        batch_size=5000,
    )
    contacts, checkins, follow_ups = [], [], []
    directions = ["a_helped_b", "b_helped_a", "together"]
    for m in matches:
        days = (today - m.started_at).days
        rate = rng.choice([0.0, 0.2, 0.5, 0.6, 0.7])  # contacts per week; some quiet
        lopsided = rng.random() < 0.1
        for _ in range(int(days / 7 * rate)):
            day = m.started_at + timedelta(days=rng.randrange(days + 1))
            contacts.append(
                ContactMoment(
                    match_id=m.pk,
                    date=day,
                    activity=rng.choice(["coffee", "walk", "cooking"]),
                    direction="a_helped_b" if lopsided else rng.choice(directions),
                    logged_by_id=m.enrolment_a_id if rng.random() < 0.5 else m.enrolment_b_id,
                    duration_minutes=60,
                    created_at=now - timedelta(days=(today - day).days),
                    confirmed_by_other=rng.random() < 0.5,
                )
            )
        for k, due in enumerate(range(0, days, 61)):
            for e in (m.enrolment_a_id, m.enrolment_b_id):
                answered = rng.random() < 0.8
                checkins.append(
                    CheckIn(
                        match_id=m.pk,
                        enrolment_id=e,
                        moment="first" if k == 0 else "periodic",
                        due_on=m.started_at + timedelta(days=due),
                        sent_at=now,
                        answered_at=now - timedelta(days=days - due) if answered else None,
                        klik=rng.randint(1, 5) if answered else None,
                        equality=rng.randint(2, 5) if answered else None,
                        autonomy_problem=rng.randint(1, 4) if answered else None,
                    )
                )
        for d in range(0, days, rng.choice([14, 30, 45])):
            follow_ups.append(
                CoachContact(
                    match_id=m.pk,
                    coach_id=m.coach_id,
                    kind="phone",
                    with_whom="both",
                    date=m.started_at + timedelta(days=d),
                )
            )
    _copy(ContactMoment, contacts)
    _copy(CheckIn, checkins)
    _copy(CoachContact, follow_ups)
    # Four participants per organisation with an active match get an account.
    active = [m for m in matches if m.status == "active"][:4]
    users = User.objects.bulk_create(
        [User(email=f"p{m.enrolment_a.person_id}@{DOMAIN}", password=hashed) for m in active]
    )
    for match, user in zip(active, users, strict=True):
        Person.objects.filter(pk=match.enrolment_a.person_id).update(user=user)
    return {
        "people": people,
        "matches": len(matches),
        "contacts": len(contacts),
        "check-ins": len(checkins),
        "coach contacts": len(follow_ups),
    }


def _pool(size: int, rng: random.Random) -> None:
    """The first organisation's waiting list of ``size`` people, for the matching run."""
    from django.utils import timezone

    from metelkaar.people.models import Organisation, Person
    from metelkaar.programmes.models import Enrolment, Programme

    org = Organisation.objects.get(slug="regio-1")
    programme = Programme.objects.create(
        organisation=org,
        name=POOL_NAME,
        kind="buddy",
        term_months=12,
        contact_norm_per_month=2,
        is_open=False,
        requires_screening=False,
    )
    genders = ["woman", "man", "woman", "man", "non_binary"]
    people = []
    for i in range(size):
        languages = {"nl": rng.randint(1, 5)}
        for _ in range(rng.randint(0, 2)):
            languages[rng.choice(LANGS)] = rng.randint(2, 5)
        people.append(
            Person(
                organisation=org,
                first_name=f"W{i}",
                birth_year=rng.randint(1945, 2005),
                gender=rng.choice(genders),
                languages=languages,
                interests=rng.sample(TAGS, rng.randint(0, 3)),
                offers=rng.sample(TAGS, rng.randint(0, 3)),
                needs=rng.sample(TAGS, rng.randint(0, 3)),
                availability=sorted({f"{rng.randrange(7)}-{rng.choice(PARTS)}" for _ in range(4)}),
                latitude=52.37 + rng.gauss(0, 0.04),
                longitude=4.90 + rng.gauss(0, 0.06),
                status_level=rng.randint(1, 5),
            )
        )
    people = Person.objects.bulk_create(people, batch_size=5000)
    now = timezone.now()
    Enrolment.objects.bulk_create(
        [
            Enrolment(
                programme=programme,
                person=p,
                side="a" if i % 2 == 0 else "b",
                status="waiting",
                waiting_since=now - timedelta(days=rng.randrange(400)),
            )
            for i, p in enumerate(people)
        ],
        batch_size=5000,
    )


def generate(orgs: int, participants: int, pool: int, seed: int = 16) -> dict[str, int]:
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    rng = random.Random(seed)
    hashed = make_password(PASSWORD)
    totals: dict[str, int] = {}
    per_org = (participants - pool) // orgs
    started = time.monotonic()
    for index in range(orgs):
        with transaction.atomic():
            counts = _organisation(index, per_org, rng, hashed)
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
        print(f"  organisation {index + 1}/{orgs}: {time.monotonic() - started:.0f} s", flush=True)
    with transaction.atomic():
        _pool(pool, rng)
    totals["people"] += pool
    totals["waiting in the pool"] = pool
    return totals


def _session_for(user) -> str:
    """A signed-in session, so the timed run measures pages rather than password hashing."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def accounts() -> dict:
    from django.db import connection

    from metelkaar.matches.models import Match
    from metelkaar.people.models import User
    from metelkaar.programmes.models import Programme

    coaches = [
        u
        for u in User.objects.filter(email__startswith="coach", email__endswith=DOMAIN)
        if u.email.split("@")[0].split("-")[1] in ("0", "1")
    ]
    participants = []
    for user in User.objects.filter(email__startswith="p", email__endswith=DOMAIN):
        match = Match.objects.filter(enrolment_a__person__user=user, status="active").first()
        if match is not None:
            participants.append(
                {"email": user.email, "match": str(match.public_id), "session": _session_for(user)}
            )
    coordinator = User.objects.get(email=f"coordinator0@{DOMAIN}")
    first = Programme.objects.filter(organisation__slug="regio-1", is_open=True).first()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "password": PASSWORD,
        "coordinator": coordinator.email,
        "coordinator_session": _session_for(coordinator),
        "coaches": [u.email for u in coaches],
        "coach_sessions": [_session_for(u) for u in coaches],
        "participants": participants,
        "programme": str(first.public_id),
        "signup_programmes": [
            str(p)
            for p in Programme.objects.filter(is_open=True).values_list("public_id", flat=True)
        ],
    }


def start_run() -> int:
    from metelkaar.people.models import User
    from metelkaar.programmes.models import Programme
    from metelkaar.proposals.services import run_start

    programme = Programme.objects.get(name=POOL_NAME)
    return run_start(programme=programme, by=User.objects.get(email=f"coordinator0@{DOMAIN}")).pk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["generate", "accounts", "start-run"])
    parser.add_argument("--orgs", type=int, default=50)
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--pool", type=int, default=10_000)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    setup_django(migrate=args.what == "generate")
    if args.what == "generate":
        started = time.monotonic()
        totals = generate(args.orgs, args.participants, args.pool)
        print(f"generated in {time.monotonic() - started:.0f} s: {totals}")
    elif args.what == "accounts":
        data = accounts()
        args.out.write_text(json.dumps(data, indent=1))
        print(f"{len(data['coaches'])} coaches, {len(data['participants'])} participants signed in")
    else:
        print(start_run())


if __name__ == "__main__":
    main()
