"""No log line names a person: a realistic run over the demo, its tasks and ``daily``.

The demo is seeded; the coordinator, the coach, the organisation admin and a
participant each open every page their menus and pages link to (up to a limit);
a newcomer signs up through the public form, the participant logs a contact and
the coordinator starts a matching run. The tasks all that queued (the matching
run, e-mail) run on a real ``db_worker``, then ``daily`` runs and the worker
again for what it queued. Every log record of every logger at INFO, as the JSON
formatter of production writes it, is scanned for the demo's e-mail addresses
and full names and for the newcomer's: none may appear.

(The fleet test scans its processes' logs as well, but its pages and tasks are
few and hold nobody; this run goes through the pages and tasks that do.)
"""

from __future__ import annotations

import io
import logging
import os
import re
from collections import deque

import pytest
from django.core.management import call_command
from django.utils import timezone

from metelkaar.core.requestlog import RequestIdFilter
from tests.programmes.signup_helpers import VALID, walk

ROLES = ["coordinator@example.org", "coach@example.org", "beheer@example.org",
         "participant@example.org"]
PAGES_PER_ROLE = 60
HREF = re.compile(r'href="(/[^"#]*)"')
SKIP = ("/accounts/logout", "/admin/", "/static/", "/media/", "export", ".json", ".pdf",
        ".ics", ".csv", "/i18n/")


@pytest.fixture
def log_text(settings):
    """All log records from INFO up, formatted as production's JSON lines."""
    from pythonjsonlogger.json import JsonFormatter

    settings.TASKS = {"default": {"BACKEND": "metelkaar.core.tasks_backend.DatabaseBackend"}}
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    handler.addFilter(RequestIdFilter())
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    levels = {name: logging.getLogger(name).level
              for name in ("", "metelkaar.requests", "metelkaar.tasks")}
    for name in levels:
        logging.getLogger(name).setLevel(logging.INFO)
    root.addHandler(handler)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


def _crawl(client, start: str) -> int:
    seen, todo = set(), deque([start])
    while todo and len(seen) < PAGES_PER_ROLE:
        path = todo.popleft()
        if path in seen or any(s in path for s in SKIP):
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code < 500, f"{path} answered {response.status_code}"
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            todo.extend(m.replace("&amp;", "&") for m in HREF.findall(response.content.decode()))
    return len(seen)


def _work(verbosity=0) -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--recover-every", "0",
                 verbosity=verbosity)


def _people() -> list[str]:
    from metelkaar.people.models import Person, User

    words = set(User.objects.exclude(email="").values_list("email", flat=True))
    words.update(Person.objects.exclude(email="").values_list("email", flat=True))
    for first, last in Person.objects.values_list("first_name", "last_name"):
        words.add(f"{first} {last}".strip())
    words.update(User.objects.exclude(full_name="").values_list("full_name", flat=True))
    return sorted(w for w in words if "@" in w or (" " in w and len(w) > 4))


def test_no_log_line_names_a_person(transactional_db, client, log_text):
    from django_tasks_db.models import DBTaskResult

    from metelkaar.matches.models import Match
    from metelkaar.people.models import User
    from metelkaar.programmes.models import Programme

    call_command("seed_demo", stdout=open(os.devnull, "w"))
    _work()

    pages = 0
    for email in ROLES:
        client.force_login(User.objects.get(email=email))
        pages += _crawl(client, "/staff/" if email != "participant@example.org" else "/me/")
        pages += _crawl(client, "/my/matches/" if email == "participant@example.org" else "/")
        client.logout()
    assert pages >= 80, f"only {pages} pages were reached"

    # The participant logs a contact; the coordinator starts a matching run.
    participant = User.objects.get(email="participant@example.org")
    match = Match.objects.filter(enrolment_a__person__user=participant,
                                 status=Match.Status.ACTIVE).first() or \
        Match.objects.filter(enrolment_b__person__user=participant,
                             status=Match.Status.ACTIVE).first()
    assert match is not None, "the demo participant has no active match"
    client.force_login(participant)
    response = client.post(f"/my/matches/{match.public_id}/contact/", {
        "day": timezone.localdate().isoformat(), "activity": "coffee",
        "duration_minutes": "60", "view": "together"})
    assert response.status_code in (200, 302)
    client.logout()
    coordinator = User.objects.get(email="coordinator@example.org")
    client.force_login(coordinator)
    buddy = Programme.objects.filter(kind="buddy", organisation__memberships__user=coordinator)\
        .first()
    assert client.post(f"/coordinator/programmes/{buddy.public_id}/proposals/run/")\
        .status_code == 302
    client.logout()

    # A newcomer signs up through the public form (gets a confirmation e-mail).
    assert walk(client, buddy).status_code == 302

    _work()
    call_command("daily", stdout=open(os.devnull, "w"))
    _work()

    ran = DBTaskResult.objects.filter(status="SUCCESSFUL")
    assert ran.filter(task_path="metelkaar.proposals.tasks.run_matching").exists()
    assert ran.filter(task_path__contains="send_notification").count() >= 2

    text = log_text.getvalue()
    assert text.count('"message": "request"') >= pages
    assert text.count('"message": "task finished"') >= ran.count()
    newcomer = VALID["about"]
    words = [*_people(), f"{newcomer['first_name']} {newcomer['last_name']}",
             newcomer["email"], newcomer["phone"]]
    lowered = text.lower()
    leaked = sorted({w for w in words if w.lower() in lowered})
    assert not leaked, f"personal data in the logs: {leaked[:10]}"
