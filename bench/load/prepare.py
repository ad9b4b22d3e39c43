"""Fill a database with the 10,000-participant data set for the load run.

Reuses the signal benchmark's seeding (10,000 participants, 5,000 matches with a
year of contacts), then gives accounts with a known password to a sample of
participants, the coaches and a coordinator, and writes them to a JSON file
that the locust scenario reads. Runs against ``DATABASE_URL``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
PASSWORD = "load-test-password-1"


def _signals_bench():
    spec = importlib.util.spec_from_file_location("bench_signals", ROOT / "bench" / "signals.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def prepare(out: Path, participants: int, matches: int, accounts: int) -> dict:
    bench = _signals_bench()
    bench.setup_django()
    from django.contrib.auth.hashers import make_password

    from metelkaar.matches.models import Match
    from metelkaar.people.models import Membership, Person, User

    seeded = bench.seed(participants, matches, random.Random(11))
    hashed = make_password(PASSWORD)
    coaches = seeded["coaches"]
    User.objects.filter(pk__in=[c.pk for c in coaches]).update(password=hashed)
    org = Membership.objects.get(user=coaches[0]).organisation
    coordinator = User.objects.create(email="coordinator@load.test", password=hashed)
    Membership.objects.create(user=coordinator, organisation=org, role="coordinator")

    active = Match.objects.filter(programme__organisation=org, status="active").select_related(
        "enrolment_a__person"
    )[:accounts]
    participant_rows = []
    for match in active:
        person: Person = match.enrolment_a.person
        user = User.objects.create(email=f"p{person.pk}@load.test", password=hashed)
        Person.objects.filter(pk=person.pk).update(user=user)
        participant_rows.append({"email": user.email, "match": str(match.public_id)})
    def session_for(user) -> str:
        """A signed-in session, so the timed run measures pages rather than password hashing."""
        from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
        from django.contrib.sessions.backends.db import SessionStore

        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        return session.session_key

    for row in participant_rows:
        row["session"] = session_for(User.objects.get(email=row["email"]))
    data = {
        "password": PASSWORD,
        "coordinator": coordinator.email,
        "coaches": [c.email for c in coaches[:20]],
        "coach_sessions": [session_for(User.objects.get(pk=c.pk)) for c in coaches[:20]],
        "coordinator_session": session_for(coordinator),
        "participants": participant_rows,
        "programme": str(
            Match.objects.filter(programme__organisation=org).first().programme.public_id
        ),
    }
    out.write_text(json.dumps(data, indent=1))
    _analyze()
    return data


def _analyze() -> None:
    """Give the planner statistics of the freshly loaded tables.

    A database in use has them from autovacuum; right after a bulk load it has
    none until autovacuum comes by (a minute or more), and the planner guesses
    one row per table. The timed run should measure the pages, not that guess.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/metelkaar-load.json"))
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--matches", type=int, default=5_000)
    parser.add_argument("--accounts", type=int, default=200)
    args = parser.parse_args()
    data = prepare(args.out, args.participants, args.matches, args.accounts)
    print(f"prepared {len(data['participants'])} participant logins in {args.out}")


if __name__ == "__main__":
    main()
